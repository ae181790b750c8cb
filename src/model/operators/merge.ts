import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import type { DslExpr } from '../dsl-expr';
import { DOCS, named } from './common';

const schema = z.object({});
type Params = z.infer<typeof schema>;

/** KStream#merge: interleave several streams (in processing order). */
export const merge: OperatorDescriptor<Params> = {
  kind: 'merge',
  label: 'merge',
  category: 'Stateless',
  help: 'Merges two or more streams into one, in the order records are processed.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: {},
  paramSpecs: [],
  inputs: [{ name: 'in', label: 'inputs', accepts: ['KStream'], multiple: true }],
  output: (inputs) => {
    const ins = inputs.in ?? [];
    if (ins.length < 2) return { error: 'merge needs at least two input streams', code: 'E_INPUT_MISSING' };
    const bad = ins.find((t) => t.kind !== 'KStream');
    return bad ? { error: `cannot merge a ${bad.kind}; merge takes KStreams` } : { kind: 'KStream' };
  },
  // a.merge(b).merge(c) ... : one merge call per extra input, the last one named after the node.
  lower: (_p, { node, inputs }) => {
    const n = (inputs.in ?? []).length;
    let e: DslExpr = { kind: 'get', target: { kind: 'inputs', port: 'in' }, key: '0' };
    for (let i = 1; i < n; i++) {
      const other: DslExpr = { kind: 'get', target: { kind: 'inputs', port: 'in' }, key: String(i) };
      e = { kind: 'call', target: e, method: 'merge', args: i === n - 1 ? [other, named(node.name)] : [other, named(`${node.name}-${i}`)] };
    }
    return e;
  },
};
