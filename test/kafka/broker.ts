/** Starts the mock Kafka broker (test/.cache/mock-broker, built by test/setup/kafka-broker.sh) on loopback. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BROKER_BIN = join(import.meta.dirname, '..', '.cache', 'mock-broker');
export const brokerAvailable = existsSync(BROKER_BIN);

export async function startBroker(topics: Record<string, number>): Promise<{ bootstrap: string; stop: () => void }> {
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
