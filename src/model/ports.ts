/**
 * A node's input ports. Most operators have the fixed ports of their descriptor; a repeating port
 * (cogroup's grouped streams) becomes one port per connection, `in0`, `in1`, ..., in port-number
 * order, plus one free port after the highest connected one, so a new port appears as you connect.
 * The checker, the connection check, the canvas and the lowering all read ports through here.
 */
import type { OperatorDescriptor, PortSpec } from './descriptor';

type AnyDescriptor = Pick<OperatorDescriptor<never>, 'inputs'>;

/** The number of a repeating port's instance (`in2` -> 2), or null when `name` is not one of its ports. */
export function repeatIndex(port: PortSpec, name: string): number | null {
  if (!port.repeat || !name.startsWith(port.name)) return null;
  const rest = name.slice(port.name.length);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : null;
}

/** The port spec an edge's targetPort names (a repeating port's instance as itself, renamed), or undefined. */
export function findInputPort(d: AnyDescriptor, name: string): PortSpec | undefined {
  for (const p of d.inputs) {
    if (!p.repeat && p.name === name) return p;
    const i = repeatIndex(p, name);
    if (i !== null) return instance(p, i);
  }
  return undefined;
}

function instance(p: PortSpec, i: number): PortSpec {
  return { name: `${p.name}${i}`, label: `${p.label} ${i + 1}`, accepts: p.accepts };
}

/** The connected instances of a repeating port, in port-number order. */
export function repeatedPortNames(port: PortSpec, connected: Iterable<string>): string[] {
  const nums = [...new Set([...connected].map((c) => repeatIndex(port, c)).filter((i): i is number => i !== null))];
  return nums.sort((a, b) => a - b).map((i) => `${port.name}${i}`);
}

/** The ports a node shows and takes, given the ports its edges arrive at. */
export function nodeInputPorts(d: AnyDescriptor, connected: Iterable<string>): PortSpec[] {
  const names = [...connected];
  return d.inputs.flatMap((p) => {
    if (!p.repeat) return [p];
    const used = repeatedPortNames(p, names).map((n) => repeatIndex(p, n)!);
    const count = used.length ? used[used.length - 1] + 2 : 1;
    return Array.from({ length: count }, (_, i) => instance(p, i));
  });
}

/** The ports the edges of a design arrive at on one node (what nodeInputPorts takes). */
export function connectedPorts(edges: readonly { target: string; targetPort: string }[], nodeId: string): string[] {
  return edges.filter((e) => e.target === nodeId).map((e) => e.targetPort);
}

/**
 * Why an edge cannot leave `sourcePort` of a node (a sink has no output; a split has only its
 * branches), or null. `ports` are the node's output ports (descriptor.outputPorts, else ['out']).
 */
export function outputPortProblem(label: string, nodeName: string, ports: readonly string[], sourcePort: string | undefined): string | null {
  if (ports.length === 0) return `${label} is a sink and has no output`;
  if ((ports.length > 1 || sourcePort) && !ports.includes(sourcePort ?? 'out')) return `"${nodeName}" has no output "${sourcePort ?? 'out'}"`;
  return null;
}
