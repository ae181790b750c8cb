/**
 * The tie rule (src/engine/input-order.ts headBefore: smallest timestamp first, a tie to the topic
 * whose name sorts first) is the one rule of the preview and of the streaming runner that the CLI's
 * `simulate --samples` and the exported project's local mode use. Differential on tie-heavy data:
 * random designs reading two topics (merge, hostile names), every timestamp drawn from {0, 1, 2}, fed
 * to the CLI one file per topic in reverse name order; every sink must equal the preview, record
 * for record.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { topicFileName } from '../../src/engine/topic-files';
import type { SampleRecord, TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { randomDesign } from '../codegen/random-designs';

const SEED = 20261206;
const DESIGNS = 40;

/** The same records with timestamps from {0, 1, 2}: nearly every head ties with the other topic's. */
const tieHeavy = (records: SampleRecord[], rnd: () => number) => records.map((r) => ({ ...r, timestamp: Math.floor(rnd() * 3) }));

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);

it(`on ${DESIGNS} random two-topic designs with ties everywhere, the CLI's streaming run equals the preview`, async () => {
  const designs = fc
    .sample(randomDesign, { numRuns: 400, seed: SEED })
    .filter((d) => Object.keys(d.samples).length === 2)
    .slice(0, DESIGNS);
  expect(designs).toHaveLength(DESIGNS);
  let seed = SEED;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let ties = 0;
  for (const [i, base] of designs.entries()) {
    // A design file must name its application as Kafka would (the random designs test hostile app names elsewhere).
    const doc: TopologyDocument = { ...base, name: `ties-${i}`, samples: Object.fromEntries(Object.entries(base.samples).map(([t, rs]) => [t, tieHeavy(rs, rnd)])) };
    const [a, b] = Object.values(doc.samples);
    ties += a.filter((r) => b.some((s) => s.timestamp === r.timestamp)).length;
    const sim = simulate({ doc });
    expect(sim.ok, JSON.stringify(doc)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sw-ties-'));
    writeFileSync(join(dir, 'design.json'), JSON.stringify(doc));
    const args = ['simulate', 'design.json'];
    // Reverse name order: the order the inputs are given in never decides a tie.
    for (const [j, topic] of Object.keys(doc.samples).sort().reverse().entries()) {
      const file = `in-${j}.jsonl`;
      writeFileSync(join(dir, file), doc.samples[topic].map((r) => JSON.stringify(r)).join('\n') + '\n');
      args.push('--samples', `${topic}=${file}`);
    }
    let err = '';
    const code = await main([...args, '--out', 'out'], { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir });
    // Hostile node names draw warnings (W_NAME_ILLEGAL), nothing else.
    expect([code, err.split('\n').filter((l) => l && !l.endsWith('[W_NAME_ILLEGAL]'))]).toEqual([0, []]);
    for (const [topic, records] of Object.entries(sim.sinks)) {
      const want = records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
      const got = want.length ? readJsonl(join(dir, 'out', topicFileName(topic))) : [];
      expect(got, `design ${i}, sink ${topic}: ${JSON.stringify(doc)}`).toEqual(want);
    }
  }
  // Tie-heavy indeed: most records share their timestamp with a record of the other topic.
  expect(ties).toBeGreaterThan(designs.reduce((n, d) => n + Object.values(d.samples)[0].length, 0) / 2);
}, 120_000);
