/** Every operator descriptor: defaults valid, ports consistent, lowering refers only to its own ports and params. */
import { describe, expect, it } from 'vitest';
import type { DslExpr } from '../../src/model/dsl-expr';
import { OPERATORS, getOperator, operatorsByCategory } from '../../src/model/registry';
import { STREAM_KINDS } from '../../src/model/types';
import type { OutputType } from '../../src/model/descriptor';

const ALL_KINDS = OPERATORS.map((d) => d.kind);
/** Operators of the topology (connector nodes are described by src/model/connectors/, tested in connectors.test.ts). */
const TOPOLOGY_KINDS = OPERATORS.filter((d) => !d.connector).map((d) => d.kind);

/** Every descriptor exported by a file of src/model/operators/ (helpers export none), with its file name. */
const OPERATOR_FILES = Object.entries(import.meta.glob('../../src/model/operators/*.ts', { eager: true })).flatMap(([path, mod]) =>
  Object.values(mod as Record<string, unknown>)
    .filter((v): v is { kind: string } => typeof v === 'object' && v !== null && 'kind' in v && 'lower' in v)
    .map((d) => ({ file: path.slice(path.lastIndexOf('/') + 1, -3), kind: d.kind, descriptor: d })),
);

function refs(e: DslExpr, out: { ports: Set<string>; params: Set<string> }) {
  if (e.kind === 'input' || e.kind === 'inputs') out.ports.add(e.port);
  if (e.kind === 'fn') out.params.add(e.param.split('.')[0]);
  if (e.kind === 'static') e.args.forEach((a) => refs(a, out));
  if (e.kind === 'call') [e.target, ...e.args].forEach((a) => refs(a, out));
  if (e.kind === 'get') refs(e.target, out);
}

/** A plausible input type for a port: the first kind it accepts. */
function inputsFor(kind: string): Record<string, OutputType[]> {
  const d = getOperator(kind)!;
  const out: Record<string, OutputType[]> = {};
  for (const p of d.inputs) out[p.name] = p.multiple ? [{ kind: p.accepts[0] }, { kind: p.accepts[0] }] : [{ kind: p.accepts[0] }];
  return out;
}

describe('operator registry', () => {
  it('registers each kind once, and every operator file, under the kind its file is named after', () => {
    expect(new Set(ALL_KINDS).size).toBe(ALL_KINDS.length);
    expect(OPERATOR_FILES.map((f) => f.file).sort()).toEqual([...TOPOLOGY_KINDS].sort());
    for (const f of OPERATOR_FILES) {
      expect(f.kind, f.file).toBe(f.file);
      expect(getOperator(f.kind), f.file).toBe(f.descriptor);
    }
  });
  it.each(ALL_KINDS)('%s has a label, help, a docs link, ports and a lowering', (kind) => {
    const d = getOperator(kind)!;
    expect(d.label.trim()).not.toBe('');
    expect(d.help.trim()).not.toBe('');
    // A connector links its vendor's documentation (Confluent, Debezium); the rest Kafka's.
    expect(d.docsUrl).toMatch(d.connector ? /^https:\/\// : /^https:\/\/kafka\.apache\.org\//);
    expect(Array.isArray(d.inputs)).toBe(true);
    expect(typeof d.lower).toBe('function');
  });
  it('groups operators into the palette categories', () => {
    const cats = operatorsByCategory();
    expect([...cats.keys()].sort()).toEqual(['Aggregations', 'Connectors', 'Grouping & windows', 'Joins', 'Processor API', 'Sinks', 'Sources', 'Stateless', 'Tables'].sort());
  });
});

describe.each(OPERATORS.map((d) => [d.kind, d] as const))('%s', (kind, d) => {
  it('has defaults that its schema accepts unchanged', () => {
    const r = d.schema.safeParse(d.defaults);
    expect(r.success).toBe(true);
  });
  it('declares ports with known stream kinds and param specs that exist in the defaults/schema', () => {
    for (const p of d.inputs) for (const k of p.accepts) expect(STREAM_KINDS).toContain(k);
    const parsed = d.schema.parse({}) as Record<string, unknown>;
    for (const spec of d.paramSpecs) expect(spec.optional || spec.name in parsed, `${kind}.${spec.name}`).toBe(true);
    expect(d.docsUrl).toMatch(d.connector ? /^https:\/\// : /^https:\/\/kafka\.apache\.org\//);
  });
  it('lowers to a DSL expression that only uses its own ports and params', () => {
    const params = d.schema.parse({ ...(d.defaults as object), keySelector: '(k, v) => k', foreignKeyExtractor: '' }) as Record<string, unknown>;
    const inputs = inputsFor(kind);
    const expr = d.lower(params as never, { node: { id: 'x', kind, name: 'x', params, position: { x: 0, y: 0 } }, inputs });
    const r = { ports: new Set<string>(), params: new Set<string>() };
    refs(expr, r);
    for (const p of r.ports) expect(d.inputs.map((i) => i.name)).toContain(p);
    for (const p of r.params) expect(Object.keys(params)).toContain(p);
    expect(d.inputs.length === 0 || r.ports.size > 0).toBe(true);
  });
});
