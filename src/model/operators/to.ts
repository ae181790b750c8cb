import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';

const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default('output'), keySerde: serdeSchema, valueSerde: serdeSchema });
type Params = z.infer<typeof schema>;

/** KStream#to: write the stream to a topic. */
export const to: OperatorDescriptor<Params> = {
  kind: 'to',
  label: 'to',
  category: 'Sinks',
  help: 'Writes every record of the stream to a topic. Convert a table with toStream first.',
  docsUrl: `${DOCS}#writing-streams-back-to-kafka`,
  schema,
  defaults: { topic: 'output', keySerde: 'default', valueSerde: 'default' },
  paramSpecs: [{ name: 'topic', label: 'Topic', control: { type: 'topic' } }, ...serdeSpecs],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  outputPorts: () => [],
  output: (inputs) => (inputs.in?.[0] && inputs.in[0].kind !== 'KStream' ? { error: `cannot write a ${inputs.in[0].kind} to a topic; add toStream first` } : null),
  topics: (p) => ({ writes: [p.topic] }),
  lower: (p, { node }) => call(input('in'), 'to', lit(p.topic), withSerdes('Produced', node.name, p.keySerde, p.valueSerde)),
};
