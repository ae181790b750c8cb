/**
 * The exported project's `npm test` runs the design's test cases: it passes for the design as
 * exported, fails with the diff when the topology no longer does what a case expects, and a design
 * without a case gets the preview's output as its one case. With the mock broker built, the same
 * cases run against Kafka (KAFKA_BROKERS).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import type { TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { brokerAvailable, startBroker } from '../kafka/broker';
import { example } from '../kafka/helpers';
import { tempRoot, writeProject } from './project-dir';

function exportProject(doc: TopologyDocument, name: string): string {
  const files = generateProject(doc, nodeEngineSources(), { expectedOutputs: simulate({ doc }).sinks });
  return writeProject(join(tempRoot('sw-project-tests-'), name), files);
}

function npmTest(dir: string, env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['vitest', 'run', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: '', ...env } });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("the exported project's npm test", () => {
  it("runs the design's test cases: passes as exported, fails with the diff when the topology changes", () => {
    const doc = example('split-branches');
    doc.tests!.push({ ...doc.tests![0], id: 't2', name: 'only large ones', expected: { 'tx-large': doc.tests![0].expected['tx-large'] } });
    const dir = exportProject(doc, 'split-branches');
    const cases = JSON.parse(readFileSync(join(dir, 'test', 'cases.json'), 'utf8'));
    expect(cases.map((c: { name: string }) => c.name)).toEqual(['The example samples', 'only large ones']);
    const pass = npmTest(dir);
    expect(pass.out).toMatch(/2 passed/);
    expect(pass.out).toMatch(/skipped/); // the Kafka cases, without KAFKA_BROKERS
    expect(pass.status).toBe(0);

    // The large-amount branch now needs more than 10x the threshold: its records go elsewhere.
    const topology = join(dir, 'src', 'topology.ts');
    const code = readFileSync(topology, 'utf8');
    const threshold = /amount >= (\d+)/.exec(code);
    expect(threshold).not.toBeNull();
    writeFileSync(topology, code.replace(threshold![0], `amount >= ${Number(threshold![1]) * 10}`));
    const fail = npmTest(dir);
    expect(fail.status).toBe(1);
    expect(fail.out).toMatch(/2 failed/);
    expect(fail.out).toContain('tx-large (exact order): differs (0 record(s) produced)');
    expect(fail.out).toMatch(/- expected, not produced: key "\w+"/);
  }, 120_000);

  it("a design without a test case tests the preview's output on its samples", () => {
    const doc = example('word-count');
    delete doc.tests;
    const dir = exportProject(doc, 'word-count');
    const cases = JSON.parse(readFileSync(join(dir, 'test', 'cases.json'), 'utf8'));
    expect(cases).toEqual([{ name: "what the designer's preview showed", samples: doc.samples, expected: { 'word-counts': { mode: 'exact', records: simulate({ doc }).sinks['word-counts'] } } }]);
    const r = npmTest(dir);
    expect(r.out).toMatch(/1 passed/);
    expect(r.status).toBe(0);
  }, 120_000);

  it.skipIf(!brokerAvailable && process.env.CI !== 'true')('with KAFKA_BROKERS, the same cases run on Kafka', async () => {
    const doc = example('split-branches');
    const dir = exportProject(doc, 'split-branches-kafka');
    const broker = await startBroker({ transactions: 1, 'tx-large': 1, 'tx-medium': 1, 'tx-small': 1 });
    const onKafka = (timeoutMs: number) => {
      const r = spawnSync('npx', ['vitest', 'run', '--root', dir, 'test/kafka.test.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: broker.bootstrap, KAFKA_TEST_TIMEOUT_MS: String(timeoutMs) } });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    try {
      const pass = onKafka(30_000);
      expect(pass.out).toMatch(/1 passed/);
      expect(pass.status, pass.out).toBe(0);
      // Run again with the large branch changed: the first run's records are still in the topics,
      // and are not read again (the case would pass on them); the new ones differ.
      const topology = join(dir, 'src', 'topology.ts');
      writeFileSync(topology, readFileSync(topology, 'utf8').replace('amount >= 1000', 'amount >= 10000'));
      const fail = onKafka(8_000);
      expect(fail.status, fail.out).toBe(1);
      expect(fail.out).toContain('tx-large (exact order): differs (0 record(s) produced)');
    } finally {
      broker.stop();
    }
  }, 120_000);
});
