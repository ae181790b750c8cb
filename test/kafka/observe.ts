/** Helpers of the observability tests: scraping the app's HTTP endpoints and reading records with their headers. */
import type { IHeaders, Kafka } from 'kafkajs';
import { readMessages } from './helpers';

/** One sample of Prometheus text: name, labels, value. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (samples only; comments skipped). Label values here never hold quotes or commas. */
export function parseProm(text: string): PromSample[] {
  const out: PromSample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const [k, v] = pair.split('=');
      labels[k] = JSON.parse(v);
    }
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The value of the one sample of `name` whose labels include `labels` (undefined: none). */
export function sample(samples: PromSample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

export function sumOf(samples: PromSample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
}

export async function scrape(port: number): Promise<PromSample[]> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return parseProm(await res.text());
}

export async function health(port: number, path = '/healthz'): Promise<{ code: number; status: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { code: res.status, status: ((await res.json()) as { status: string }).status };
}

export interface RawRecord {
  key: string | null;
  value: string | null;
  headers: IHeaders;
}

/** Reads a topic from the beginning, with headers, until `done(records)` or the timeout. */
export function readRaw(kafka: Kafka, topic: string, done: (r: RawRecord[]) => boolean, timeoutMs = 30_000): Promise<RawRecord[]> {
  return readMessages(kafka, topic, (m) => ({ key: m.key?.toString() ?? null, value: m.value?.toString() ?? null, headers: m.headers ?? {} }), done, timeoutMs);
}

/** Waits until `cond` holds (polled), up to ms. */
export async function eventually(cond: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
