/** Samples follow their topic: a renamed source topic takes them along (one edit), a new source starts with an example record. */
import { describe, expect, it } from 'vitest';
import { addExampleSamples, addNodeWithExample, EXAMPLE_SAMPLE, removeNodes, updateParams } from '../../src/model/commands';
import { design, node } from '../fixtures/build';

const recs = [{ key: 'a', value: 1, timestamp: 1 }];

describe('samples follow their topic', () => {
  it('a renamed source topic carries its samples to the new name', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' })], [['s', 'o']], { in: recs });
    const next = updateParams(doc, 's', { topic: 'orders' });
    expect(next.samples).toEqual({ orders: recs });
    // A sink's topic is not a sample topic.
    expect(updateParams(doc, 'o', { topic: 'x' }).samples).toEqual({ in: recs });
  });

  it('leaves the samples where they are when another source still reads the old topic or the new topic has its own', () => {
    const two = design([node('a', 'stream', { topic: 'in' }), node('b', 'stream', { topic: 'in' })], [], { in: recs });
    expect(updateParams(two, 'a', { topic: 'other' }).samples).toEqual({ in: recs });
    const taken = design([node('a', 'stream', { topic: 'in' })], [], { in: recs, other: [{ key: 'z', value: 2, timestamp: 2 }] });
    expect(updateParams(taken, 'a', { topic: 'other' }).samples.in).toEqual(recs);
  });

  it('keeps a removed source samples in the document (undo brings the source back with them)', () => {
    const doc = design([node('s', 'stream', { topic: 'in' })], [], { in: recs });
    expect(removeNodes(doc, ['s']).samples).toEqual({ in: recs });
  });

  it('a new source starts with one example record; an existing topic keeps its samples', () => {
    const empty = design([], []);
    const r = addNodeWithExample(empty, 'stream', { x: 0, y: 0 });
    const topic = Object.keys(r.doc.samples)[0];
    expect(r.doc.samples[topic]).toEqual([EXAMPLE_SAMPLE]);
    expect(Object.keys(EXAMPLE_SAMPLE).sort()).toEqual(['key', 'timestamp', 'value']);
    const again = addNodeWithExample({ ...r.doc, samples: { [topic]: recs } }, 'stream', { x: 0, y: 0 });
    expect(again.doc.samples[topic]).toEqual(recs);
    expect(addNodeWithExample(empty, 'filter', { x: 0, y: 0 }).doc.samples).toEqual({});
    expect(addExampleSamples(design([node('s', 'stream', { topic: 'in' })], [])).samples).toEqual({ in: [EXAMPLE_SAMPLE] });
  });
});
