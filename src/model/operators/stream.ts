import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { builder, call, lit } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';

const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default('input'), keySerde: serdeSchema, valueSerde: serdeSchema });
type Params = z.infer<typeof schema>;

/** StreamsBuilder#stream: a record stream read from a topic. */
export const stream: OperatorDescriptor<Params> = {
  kind: 'stream',
  label: 'stream',
  category: 'Sources',
  help: 'Reads a topic as a KStream: every record is an independent event.',
  docsUrl: `${DOCS}#creating-source-streams-from-kafka`,
  schema,
  defaults: { topic: 'input', keySerde: 'default', valueSerde: 'default' },
  paramSpecs: [{ name: 'topic', label: 'Topic', control: { type: 'topic' } }, ...serdeSpecs],
  inputs: [],
  output: () => ({ kind: 'KStream' }),
  topics: (p) => ({ reads: [p.topic] }),
  lower: (p, { node }) => call(builder, 'stream', lit(p.topic), withSerdes('Consumed', node.name, p.keySerde, p.valueSerde)),
};
