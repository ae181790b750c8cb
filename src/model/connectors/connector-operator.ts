/**
 * A connector type as an operator descriptor of the registry: a node with one param, `config` (the
 * connector's own keys), no ports and no lowering into the topology. It is tied to the design by
 * topic name (links.ts), checked by check.ts, exported by codegen/connect-files.ts.
 */
import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { lit } from '../dsl-expr';
import type { ConnectorConfig, ConnectorSpec } from './spec';

export type ConnectorParams = { config: ConnectorConfig };

export function connectorOperator(spec: ConnectorSpec): OperatorDescriptor<ConnectorParams> {
  const schema = z.object({ config: z.record(z.string(), z.string()).default({ ...spec.defaults }) });
  return {
    kind: spec.kind,
    label: spec.label,
    category: 'Connectors',
    help: spec.help,
    docsUrl: spec.docsUrl,
    schema: schema as unknown as z.ZodType<ConnectorParams>,
    defaults: { config: { ...spec.defaults } },
    paramSpecs: [{ name: 'config', label: 'Connector config', control: { type: 'connector' } }],
    inputs: [],
    outputPorts: () => [],
    output: () => null,
    connector: spec,
    // Not part of the Kafka Streams topology: the compiler and codegen skip connector nodes (see `connector`).
    lower: () => lit(null),
  };
}
