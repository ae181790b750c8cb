/**
 * A card's handles. Each handle's hit area is 16 px (its dot is 8 px, styles.css); where a side has
 * several ports (a join's left and right, a split's branches), each port's name sits next to its
 * handle inside the card, not on the wires.
 */
import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { PortSpec } from '../../model/descriptor';
import { handleOffset } from './flow-mapping';

const PORT_ROW = 22;
/** Longest port label shown before it is cut with an ellipsis (its handle's tooltip has the full name). */
const MAX_LABEL_CH = 12;

/** The card's extra style for labelled ports: room beside the labels, and height for every port. */
export function portRoom(inputs: readonly PortSpec[], outputs: string[]): CSSProperties {
  const style: CSSProperties = {};
  if (inputs.length > 1) style.paddingLeft = `calc(${Math.min(MAX_LABEL_CH, Math.max(...inputs.map((p) => p.name.length)))}ch + 18px)`;
  if (outputs.length > 1) style.paddingRight = `calc(${Math.min(MAX_LABEL_CH, Math.max(...outputs.map((p) => p.length)))}ch + 18px)`;
  const rows = Math.max(inputs.length, outputs.length);
  if (rows > 2) style.minHeight = rows * PORT_ROW + 12;
  return style;
}

interface PortProps {
  nodeName: string;
  id: string;
  label: string;
  title: string;
  index: number;
  count: number;
}

function Port({ side, nodeName, id, label, title, index, count }: PortProps & { side: 'in' | 'out' }) {
  const top = `${handleOffset(index, count) * 100}%`;
  return (
    <>
      <Handle
        type={side === 'in' ? 'target' : 'source'}
        id={id}
        position={side === 'in' ? Position.Left : Position.Right}
        className="sw-handle"
        style={{ top }}
        title={title}
        // A handle is pressed and dragged to connect: a button to assistive technology, named by its port.
        role="button"
        aria-label={`${side === 'in' ? 'input' : 'output'} ${label} of ${nodeName}`}
        data-testid={`${side}-${nodeName}-${id}`}
      />
      {count > 1 && (
        <span className={`sw-port-label sw-${side}`} style={{ top }} data-testid={`port-label-${nodeName}-${id}`}>
          {label}
        </span>
      )}
    </>
  );
}

export function InputPorts({ nodeName, inputs }: { nodeName: string; inputs: readonly PortSpec[] }) {
  return inputs.map((p, i) => <Port key={p.name} side="in" nodeName={nodeName} id={p.name} label={p.name} title={`${p.label}: takes ${p.accepts.join(' | ')}`} index={i} count={inputs.length} />);
}

export function OutputPorts({ nodeName, outputs }: { nodeName: string; outputs: string[] }) {
  return outputs.map((p, i) => <Port key={p} side="out" nodeName={nodeName} id={p} label={p} title={`output ${p}`} index={i} count={outputs.length} />);
}
