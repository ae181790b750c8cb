/**
 * What a group does to an instance, on the (patched) mock broker, word count per key against the
 * preview: a commit refused with REBALANCE_IN_PROGRESS or ILLEGAL_GENERATION while a second
 * instance joins (kafkajs wraps these in an error without a type) is "task migrated": tasks closed
 * dirty, both instances keep running, nothing lost; a peer killed with SIGKILL: the survivor takes
 * its partitions and finishes; a crashed kafkajs consumer that kafkajs does not restart is replaced
 * after a backoff, or, past the limit, the instance stops with an error (never a silent zombie).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka, type KafkaApp } from '../../src/engine/kafka';
import type { KafkaRuntimeConfig } from '../../src/engine/kafka';
import type { SampleRecord, TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { tempRoot, writeProject } from '../codegen/project-dir';
import { Api, KafkaError, startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { lines, maxCounts, produce, readTopic, until, wordCount, wordCountTopics, type Rec } from './helpers';

const APPS = ['mig-27', 'mig-22', 'peer', 'crash-replaced', 'crash-limit'];

/** The preview's final count per word: at-least-once may repeat updates, so the app reaches at least it, at most twice it. */
function finalCounts(doc: TopologyDocument, input: SampleRecord[]): Map<string, number> {
  const out = simulate({ doc, samples: { [`${doc.name}-in`]: input } }).sinks[`${doc.name}-out`];
  return maxCounts(out.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })));
}

const reached = (want: Map<string, number>) => (r: Rec[]) => {
  const got = maxCounts(r);
  return [...want].every(([w, n]) => (got.get(w) ?? 0) >= n);
};

function expectCounts(got: Rec[], want: Map<string, number>): void {
  const max = maxCounts(got);
  for (const [w, n] of want) {
    expect(max.get(w), w).toBeGreaterThanOrEqual(n);
    expect(max.get(w), w).toBeLessThanOrEqual(2 * n);
  }
}

describeKafka('Kafka runtime: rebalance errors, peer crash, consumer crash', () => {
  let broker: Broker;
  let kafka: Kafka;
  const running: KafkaApp[] = [];
  beforeAll(async () => {
    broker = await startBroker(Object.assign({}, ...APPS.map((a) => wordCountTopics(a, `${a}-in`, `${a}-out`))));
    kafka = new Kafka({ clientId: 'resilience-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  // Injected errors go to the next requests of any client: no instance of an earlier test may be left.
  afterEach(async () => {
    await Promise.all(running.splice(0).map((a) => a.stop()));
  });
  afterAll(() => broker?.stop());

  const start = async (doc: TopologyDocument, extra: Partial<KafkaRuntimeConfig> = {}) => {
    const cfg = { applicationId: doc.name, brokers: [broker.bootstrap], commitIntervalMs: 100, sessionTimeoutMs: 3000, heartbeatIntervalMs: 300, logIntervalMs: 0, log: () => undefined, ...extra };
    const app = await runOnKafka(compileDesign(doc).topology, cfg);
    running.push(app);
    return app;
  };

  for (const [name, code] of [['REBALANCE_IN_PROGRESS', KafkaError.REBALANCE_IN_PROGRESS], ['ILLEGAL_GENERATION', KafkaError.ILLEGAL_GENERATION]] as const) {
    it(`a commit refused with ${name} while a second instance joins: task migrated, both keep running, nothing lost`, async () => {
      const doc = wordCount(`mig-${code}`, `mig-${code}-in`, `mig-${code}-out`);
      const input = [lines(300), lines(300, 300)];
      await produce(kafka, `${doc.name}-in`, input[0]);
      const logs: string[] = [];
      const a = await start(doc, { log: (l) => logs.push(l) });
      await until(() => a.stats().recordsIn > 0);
      // The next commits fail as they do while the group rebalances; meanwhile a second member joins.
      await broker.injectErrors(Api.OffsetCommit, [code, code, code]);
      const b = await start(doc, { log: (l) => logs.push(l) });
      await produce(kafka, `${doc.name}-in`, input[1]);
      await until(() => a.stats().taskMigrations + b.stats().taskMigrations > 0 && b.stats().assigned.length > 0 && a.stats().assigned.length + b.stats().assigned.length === 3);
      const want = finalCounts(doc, input.flat());
      const got = await readTopic(kafka, `${doc.name}-out`, reached(want), 40_000);
      const [sa, sb] = [a.stats(), b.stats()];
      expect(sa.taskMigrations + sb.taskMigrations).toBeGreaterThan(0);
      expect([sa.state, sb.state]).toEqual(['RUNNING', 'RUNNING']);
      expect([...sa.assigned, ...sb.assigned].sort()).toEqual([0, 1, 2]);
      expectCounts(got, want);
      // Each migration is logged, with the error the broker gave (unwrapped from kafkajs' error).
      const migrated = logs.filter((l) => l.startsWith('task migrated'));
      expect(migrated).toHaveLength(sa.taskMigrations + sb.taskMigrations);
      expect(migrated.some((l) => l.includes(name))).toBe(true);
    }, 90_000);
  }

  it('a peer killed with SIGKILL: the survivor takes its partitions and finishes', async () => {
    const doc = wordCount('peer', 'peer-in', 'peer-out');
    const dir = writeProject(join(tempRoot('sw-peer-'), 'app'), generateProject(doc, nodeEngineSources()));
    const input = [lines(200), lines(200, 200), lines(200, 400)];
    await produce(kafka, 'peer-in', input[0]);
    const env = { ...process.env, KAFKA_BROKERS: broker.bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '200', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' };
    const peer = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: dir, env, stdio: 'ignore' });
    const b = await start(doc);
    await until(() => b.stats().assigned.length > 0 && b.stats().assigned.length < 3);
    await produce(kafka, 'peer-in', input[1]);
    await new Promise((r) => setTimeout(r, 500));
    peer.kill('SIGKILL');
    await produce(kafka, 'peer-in', input[2]);
    await until(() => b.stats().assigned.length === 3);
    const want = finalCounts(doc, input.flat());
    const got = await readTopic(kafka, 'peer-out', reached(want), 40_000);
    expect(b.stats().state).toBe('RUNNING');
    expect(b.stats().assigned).toEqual([0, 1, 2]);
    expectCounts(got, want);
  }, 90_000);

  it('a consumer crash kafkajs does not restart (non-retriable heartbeat error): the consumer is replaced and processing goes on', async () => {
    const doc = wordCount('crash-replaced', 'crash-replaced-in', 'crash-replaced-out');
    const input = [lines(100), lines(100, 100)];
    await produce(kafka, `${doc.name}-in`, input[0]);
    const logs: string[] = [];
    const a = await start(doc, { consumerRestartBackoffMs: 200, logIntervalMs: 100, log: (l) => logs.push(l) });
    await until(() => a.stats().recordsIn > 0);
    await broker.injectErrors(Api.Heartbeat, [KafkaError.GROUP_AUTHORIZATION_FAILED]);
    await until(() => a.stats().consumerCrashes > 0, 20_000);
    await produce(kafka, `${doc.name}-in`, input[1]);
    const want = finalCounts(doc, input.flat());
    const got = await readTopic(kafka, `${doc.name}-out`, reached(want), 40_000);
    const s = a.stats();
    expect(s.consumerCrashes).toBe(1);
    expect(s.lastError).not.toBeNull();
    expect(s.state).toBe('RUNNING');
    expectCounts(got, want);
    // Logged when it happened, and the periodic line (the health state) counts it.
    expect(logs.some((l) => l.includes(s.lastError!))).toBe(true);
    await until(() => logs.some((l) => l.includes('consumer crashes 1') && l.endsWith('state RUNNING')), 5_000);
    expect(logs.some((l) => l.includes('consumer crashes 1') && l.endsWith('state RUNNING'))).toBe(true);
  }, 60_000);

  it('past the restart limit a crashed consumer stops the instance with an error (no zombie)', async () => {
    const doc = wordCount('crash-limit', 'crash-limit-in', 'crash-limit-out');
    await produce(kafka, `${doc.name}-in`, lines(50));
    const logs: string[] = [];
    const a = await start(doc, { maxConsumerRestarts: 0, log: (l) => logs.push(l) });
    await until(() => a.stats().recordsIn > 0);
    await broker.injectErrors(Api.Heartbeat, [KafkaError.GROUP_AUTHORIZATION_FAILED]);
    const e = await a.failed.catch((x: unknown) => x as Error);
    expect(e.message).toMatch(/crashed/);
    expect(a.stats().state).toBe('ERROR');
    expect(a.stats().consumerCrashes).toBe(1);
    expect(logs.some((l) => l.includes(e.message))).toBe(true);
  }, 30_000);
});
