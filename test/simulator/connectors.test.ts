/** The preview of connector nodes: a source shows its topic's samples, a sink what the design wrote to its topic, with lineage. */
import { describe, expect, it } from 'vitest';
import { lineageThroughState } from '../../src/simulator/lineage';
import { nodeDetail } from '../../src/simulator/preview-view';
import { simulate } from '../../src/simulator/simulate';
import { filePipeline } from '../connect/fixtures';

describe('connectors in the preview', () => {
  const doc = { ...filePipeline(), samples: { lines: [{ key: null, value: 'a', timestamp: 1 }, { key: null, value: 'b', timestamp: 2 }] } };

  it('a source connector emits its topic samples; sink connectors take what the to node wrote', () => {
    const r = simulate({ doc });
    expect(r.ok).toBe(true);
    expect(r.nodes.src.emitted.map((x) => x.value)).toEqual(['a', 'b']);
    expect(r.nodes.src.emittedCount).toBe(2);
    for (const sink of ['snk', 'db']) {
      expect(r.nodes[sink].emitted.map((x) => x.value), sink).toEqual(['A', 'B']);
      expect(r.nodes[sink].recordsIn).toBe(2);
    }
  });

  it('a sink connector record leads back to its input record, and its detail lists the to node records it took', () => {
    const r = simulate({ doc });
    const lineage = lineageThroughState(r, 'snk#2')!;
    expect(lineage.inputIds).toEqual(['lines#1']);
    expect(lineage.nodeIds).toEqual(expect.arrayContaining(['o', 'm', 's']));
    const detail = nodeDetail(r, 'snk', 10);
    expect(detail.inputs.map((x) => x.id)).toEqual(['o#1', 'o#2']);
    expect(detail.from['snk#1']).toEqual(['o#1']);
    expect(nodeDetail(r, 'src', 10).inputs.map((x) => x.id)).toEqual(['lines#0', 'lines#1']);
  });
});
