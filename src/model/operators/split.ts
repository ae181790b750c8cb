import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, KV_SIG, requireKind } from './common';

const signature = KV_SIG('boolean');
const branch = z.object({ name: z.string().min(1, 'a branch needs a name'), predicate: z.string() });
const schema = z.object({
  namePrefix: z.string().default(''),
  branches: z.array(branch).default([{ name: 'matched', predicate: '(key, value) => true' }]),
  defaultBranch: z.string().nullable().default('default'),
});
type Params = z.infer<typeof schema>;

/** KStream#split: route each record to the FIRST branch whose predicate matches. */
export const split: OperatorDescriptor<Params> = {
  kind: 'split',
  label: 'split',
  category: 'Stateless',
  help: 'Routes each record to the first branch whose predicate matches; unmatched records go to the default branch (or are dropped).',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { namePrefix: '', branches: [{ name: 'matched', predicate: '(key, value) => true' }], defaultBranch: 'default' },
  paramSpecs: [
    { name: 'namePrefix', label: 'Name prefix', control: { type: 'text' }, optional: true },
    { name: 'branches', label: 'Branches', control: { type: 'branches', signature } },
    { name: 'defaultBranch', label: 'Default branch', control: { type: 'text' }, optional: true, help: 'Name of the branch for unmatched records; empty drops them.' },
  ],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  outputPorts: (p) => [...p.branches.map((b) => b.name), ...(p.defaultBranch ? [p.defaultBranch] : [])],
  output: requireKind(['KStream'], 'KStream'),
  validate: (p) => {
    const names = [...p.branches.map((b) => b.name), ...(p.defaultBranch ? [p.defaultBranch] : [])];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    return dup ? [{ code: 'E_NAME_DUPLICATE', param: 'branches', message: `branch name "${dup}" is used twice` }] : [];
  },
  portKey: (p, port) => p.namePrefix + port,
  lower: (p) => {
    let e: DslExpr = p.namePrefix ? call(input('in'), 'split', stat('Named.as', lit(p.namePrefix))) : call(input('in'), 'split');
    p.branches.forEach((b, i) => {
      e = call(e, 'branch', fn(`branches.${i}.predicate`, signature), stat('Branched.as', lit(b.name)));
    });
    return p.defaultBranch ? call(e, 'defaultBranch', stat('Branched.as', lit(p.defaultBranch))) : call(e, 'noDefaultBranch');
  },
};
