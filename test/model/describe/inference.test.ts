/**
 * What the import infers from stores alone, on texts printed with Kafka's generated names: a
 * stream-table join's grace period from its <join>-Buffer store (and so a versioned table), and a
 * suppress from a value getter that reads through to its parent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../src/compiler/compile';
import { checkDesign } from '../../../src/model/check';
import { importDescribe } from '../../../src/model/describe/import';
import type { TopologyDocument } from '../../../src/model/types';

function imported(text: string): TopologyDocument {
  const r = importDescribe(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
  return r.doc;
}
const node = (doc: TopologyDocument, name: string) => doc.nodes.find((n) => n.name === name)!;

const graceJoin = (own: string) => `Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [orders])
      --> KSTREAM-JOIN-0000000004
    Processor: KSTREAM-JOIN-0000000004 (stores: [${own}, prices-store])
      --> KSTREAM-SINK-0000000005
      <-- KSTREAM-SOURCE-0000000000
    Source: KSTREAM-SOURCE-0000000001 (topics: [prices])
      --> KTABLE-SOURCE-0000000002
    Sink: KSTREAM-SINK-0000000005 (topic: out)
      <-- KSTREAM-JOIN-0000000004
    Processor: KTABLE-SOURCE-0000000002 (stores: [prices-store])
      --> none
      <-- KSTREAM-SOURCE-0000000001
`;

describe('a stream-table join with a grace period', () => {
  it('is known by its <join>-Buffer store, and makes the table it reads versioned', () => {
    const doc = imported(graceJoin('KSTREAM-JOIN-0000000004-Buffer'));
    expect(node(doc, 'KSTREAM-JOIN-0000000004')).toMatchObject({ kind: 'join', params: { gracePeriodMs: 0 } });
    expect(node(doc, 'KSTREAM-SOURCE-0000000001')).toMatchObject({ kind: 'table', params: { storeName: 'prices-store', historyRetentionMs: 0 } });
    const text = compileDesign(doc).topology.describe().toString();
    expect(text).toContain('KSTREAM-JOIN-0000000004 (stores: [prices-store, KSTREAM-JOIN-0000000004-Buffer])');
  });

  it('a stream processor with a store of its own not named so is no join', () => {
    const doc = imported(graceJoin('my-store'));
    expect(node(doc, 'KSTREAM-JOIN-0000000004').kind).toBe('processValues');
    expect(node(doc, 'KSTREAM-SOURCE-0000000001').params.historyRetentionMs).toBeUndefined();
  });
});

const tableJoin = (right: string, thisStores: string) => `Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [left])
      --> KTABLE-SOURCE-0000000001
    Source: KSTREAM-SOURCE-0000000003 (topics: [right])
      --> KTABLE-SOURCE-0000000004
    Processor: KTABLE-SOURCE-0000000001 (stores: [left-STATE-STORE-0000000000])
      --> KTABLE-JOINTHIS-0000000007
      <-- KSTREAM-SOURCE-0000000000
    Processor: KTABLE-SOURCE-0000000004 (stores: [right-STATE-STORE-0000000002])
      --> ${right}
      <-- KSTREAM-SOURCE-0000000003
    Processor: ${right} (stores: [${right}-store])
      --> KTABLE-JOINOTHER-0000000008
      <-- KTABLE-SOURCE-0000000004
    Processor: KTABLE-JOINTHIS-0000000007 (stores: [${thisStores}])
      --> KTABLE-MERGE-0000000006
      <-- KTABLE-SOURCE-0000000001
    Processor: KTABLE-JOINOTHER-0000000008 (stores: [left-STATE-STORE-0000000000])
      --> KTABLE-MERGE-0000000006
      <-- ${right}
    Processor: KTABLE-MERGE-0000000006 (stores: [])
      --> none
      <-- KTABLE-JOINTHIS-0000000007, KTABLE-JOINOTHER-0000000008
`;

describe('a table processor whose readers also read its parent', () => {
  it('is a suppress (its value getter reads the buffer and the table before it), and not the join store', () => {
    const doc = imported(tableJoin('slow', 'slow-store, right-STATE-STORE-0000000002'));
    expect(node(doc, 'slow').kind).toBe('suppress');
    expect(node(doc, 'KTABLE-MERGE-0000000006')).toMatchObject({ kind: 'join' });
    expect(node(doc, 'KTABLE-MERGE-0000000006').params.storeName).toBeUndefined();
  });

  it('a materialized table processor read alone stays a mapValues with its store', () => {
    const doc = imported(tableJoin('m', 'm-store'));
    expect(node(doc, 'm')).toMatchObject({ kind: 'mapValues', params: { storeName: 'm-store' } });
  });
});

// As Kafka prints stream.map(...).toTable(): the null-key filter and the repartition's sink and source burn generated names.
const toTableAfterKeyChange = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'describe-inference', 'to-table-after-key-change.txt'), 'utf8');

describe('a repartition topic named after the processor reading it', () => {
  it('becomes a repartition under another node name that keeps the topic name (repartitionName)', () => {
    const doc = imported(toTableAfterKeyChange);
    const r = doc.nodes.find((n) => n.kind === 'repartition')!;
    expect(r.name).not.toBe('KSTREAM-TOTABLE-0000000002');
    expect(r.params.repartitionName).toBe('KSTREAM-TOTABLE-0000000002');
    expect(node(doc, 'KSTREAM-TOTABLE-0000000002').kind).toBe('toTable');
    expect(compileDesign(doc).topology.describe().toString()).toContain('(topic: KSTREAM-TOTABLE-0000000002-repartition)');
  });
});
