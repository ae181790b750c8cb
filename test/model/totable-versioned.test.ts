/** toTable with a history retention is a versioned table (rule 27): out-of-order updates become history, not "latest". */
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { checkDesign, hasErrors } from '../../src/model/check';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const colours = (historyRetentionMs?: number) =>
  design(
    [
      node('s', 'stream', { topic: 'colours' }),
      node('t', 'toTable', historyRetentionMs === undefined ? {} : { historyRetentionMs }),
      node('g', 'groupBy', { mapper: '(key, value) => [value, value]' }),
      node('c', 'count'),
      node('ts', 'toStream'),
      node('out', 'to', { topic: 'out' }),
    ],
    [['s', 't'], ['t', 'g'], ['g', 'c'], ['c', 'ts'], ['ts', 'out']],
    {
      colours: [
        { key: 'A', value: 'blue', timestamp: 10 },
        { key: 'A', value: 'green', timestamp: 5 }, // older than A's latest version
        { key: 'A', value: 'red', timestamp: 20 },
      ],
    },
  );

const counts = (doc: ReturnType<typeof colours>) => simulate({ doc }).sinks.out.map((r) => `${String(r.key)}=${String(r.value)}`);

describe('toTable, versioned', () => {
  it('ignores an out-of-order update in the aggregation after it, as a non-versioned toTable does not', () => {
    expect(hasErrors(checkDesign(colours(60_000)))).toBe(false);
    expect(counts(colours(60_000))).toEqual(['blue=1', 'blue=0', 'red=1']);
    expect(counts(colours())).toEqual(['blue=1', 'blue=0', 'green=1', 'green=0', 'red=1']);
  });

  it('prints a versioned store in the exported topology', () => {
    const topology = generateProject(colours(60_000), nodeEngineSources()).get('src/topology.ts')!;
    expect(topology).toContain('Stores.persistentVersionedKeyValueStore("t-store", 60000)');
  });
});
