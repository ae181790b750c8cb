/**
 * Starts the mock Kafka broker (test/.cache/mock-broker, built by test/setup/kafka-broker.sh) on loopback.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CACHE = join(import.meta.dirname, '..', '.cache');
export const BROKER_BIN = join(CACHE, 'mock-broker');
export const brokerAvailable = existsSync(BROKER_BIN);

/** Why the broker is not there: the build script's reason, or that it never ran. */
export function brokerMissingReason(): string {
  const why = join(CACHE, 'mock-broker.unavailable');
  const reason = existsSync(why) ? readFileSync(why, 'utf8').trim() : 'test/setup/kafka-broker.sh has not run (npm test runs it first)';
  return `the mock Kafka broker is not built: ${reason}`;
}

export interface Broker {
  bootstrap: string;
  stop: () => void;
  /** The next `codes.length` requests of API `apiKey` (from any client) fail with these Kafka error codes, one each. */
  injectErrors: (apiKey: number, codes: number[]) => Promise<void>;
}

/** Kafka API keys and error codes the tests inject. */
export const Api = { Produce: 0, Fetch: 1, OffsetCommit: 8, Heartbeat: 12 } as const;
export const KafkaError = { ILLEGAL_GENERATION: 22, REBALANCE_IN_PROGRESS: 27, GROUP_AUTHORIZATION_FAILED: 30 } as const;

export async function startBroker(topics: Record<string, number>): Promise<Broker> {
  if (!brokerAvailable) throw new Error(brokerMissingReason());
  const proc = spawn(BROKER_BIN, Object.entries(topics).map(([t, p]) => `${t}:${p}`), { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  const waiting: { prefix: string; resolve: () => void }[] = [];
  const bootstrap = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      buf += d;
      const m = /BOOTSTRAP=(\S+)/.exec(buf);
      if (m) resolve(m[1]);
      for (const w of [...waiting]) {
        if (buf.includes(w.prefix)) {
          buf = buf.replace(w.prefix, '');
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
      }
    });
    proc.on('exit', (code) => reject(new Error(`mock broker exited (${code})`)));
  });
  const injectErrors = (apiKey: number, codes: number[]) =>
    new Promise<void>((resolve) => {
      waiting.push({ prefix: `OK errors ${apiKey} ${codes.length}\n`, resolve });
      proc.stdin!.write(`errors ${apiKey} ${codes.join(' ')}\n`);
    });
  return { bootstrap, stop: () => proc.kill('SIGTERM'), injectErrors };
}
