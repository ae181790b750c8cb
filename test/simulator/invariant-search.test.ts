import { describe, expect, it } from 'vitest';
import { searchInvariant, type InvariantQuery } from '../../src/simulator/invariant-search';
import type { TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const payment = { format: 'avro' as const, text: JSON.stringify({ type: 'record', name: 'Payment', fields: [{ name: 'amount', type: 'int' }, { name: 'note', type: 'string' }] }) };

/** payments -> groupByKey -> reduce (sum) -> toStream -> to "balances": a balance goes negative with a refund. */
function balances(): TopologyDocument {
  return {
    ...design(
      [node('s', 'stream', { topic: 'payments' }), node('g', 'groupByKey'), node('r', 'reduce', { reducer: '(a, b) => ({ amount: a.amount + b.amount, note: b.note })' }), node('t', 'toStream'), node('o', 'to', { topic: 'balances' })],
      [['s', 'g'], ['g', 'r'], ['r', 't'], ['t', 'o']],
      { payments: [{ key: 'u1', value: { amount: 5, note: 'x' }, timestamp: 1_000 }] },
    ),
    topics: { payments: { valueSchema: payment } },
  };
}

const query = (predicate: string, seed = 42): InvariantQuery => ({ kind: 'invariant', sinkTopic: 'balances', predicate, seed, maxRecords: 8, timeLimitMs: 60_000, numRuns: 300 });

describe('searchInvariant', () => {
  it('finds a counterexample to "a balance is never negative" and shrinks it to one record of -1', () => {
    const a = searchInvariant(balances(), query('(records) => records.every((r) => r.value.amount >= 0)'));
    expect(a.status).toBe('broken');
    if (a.status !== 'broken') return;
    expect(a.shrinks).toBeGreaterThan(0);
    expect(a.samples.payments).toHaveLength(1);
    expect(a.samples.payments[0].value).toEqual({ amount: -1, note: '' });
    expect(a.output.map((r) => (r.value as { amount: number }).amount)).toEqual([-1]);
  });

  it('is reproducible by seed', () => {
    const q = query('(records) => records.length < 3');
    expect(searchInvariant(balances(), q)).toEqual(searchInvariant(balances(), q));
  });

  it('an invariant that holds is reported as held after the runs', () => {
    const a = searchInvariant(balances(), query('(records) => records.every((r) => typeof r.value.amount === "number")'));
    expect(a).toEqual({ status: 'held', runs: 300, interrupted: false });
  });

  it('refuses a predicate that is not a function', () => {
    expect(searchInvariant(balances(), query('42')).status).toBe('invalid');
    expect(searchInvariant(balances(), query('(records) => records.every(')).status).toBe('invalid');
  });
});
