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

export async function startBroker(topics: Record<string, number>): Promise<{ bootstrap: string; stop: () => void }> {
  if (!brokerAvailable) throw new Error(brokerMissingReason());
  const proc = spawn(BROKER_BIN, Object.entries(topics).map(([t, p]) => `${t}:${p}`), { stdio: ['ignore', 'pipe', 'inherit'] });
  const bootstrap = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (d) => {
      buf += d;
      const m = /BOOTSTRAP=(\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`mock broker exited (${code})`)));
  });
  return { bootstrap, stop: () => proc.kill('SIGTERM') };
}
