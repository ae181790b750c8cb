/**
 * Deterministic input files for the CLI bench (a seeded PRNG, so every run and every command reads
 * the same bytes): one JSONL file per topic, `{"key":…,"value":…,"timestamp":…}` per line, written
 * once per (workload, records) and reused while the file exists.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS, type Workload } from './designs';

const T0 = 1_700_000_000_000;

/** mulberry32: small, fast, good enough to shape test data. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Rec = { key: unknown; value: unknown; timestamp: number };

function* purchases(n: number): Generator<Rec> {
  const r = prng(1);
  const countries = ['de', 'fr', 'us', 'jp', 'br'];
  for (let i = 0; i < n; i++) yield { key: `p${i}`, value: { user: `user-${r(5000)}`, amount: r(100), country: countries[r(5)] }, timestamp: T0 + i * 10 };
}

const WORDS = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}${'abcdefgh'.slice(0, i % 8)}`);

function* textLines(n: number): Generator<Rec> {
  const r = prng(2);
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 3 + r(8) }, () => {
      const w = WORDS[Math.min(r(2000), r(2000))];
      return r(10) === 0 ? w.toUpperCase() : w;
    });
    yield { key: null, value: words.join(r(4) === 0 ? ', ' : ' ') + (r(3) === 0 ? '.' : ''), timestamp: T0 + i * 10 };
  }
}

/** Mostly in time order; 5% up to 8 s early (inside the 10 s grace), 0.5% 70-130 s early (late: dropped). */
function* pageviews(n: number): Generator<Rec> {
  const r = prng(3);
  for (let i = 0; i < n; i++) {
    const roll = r(1000);
    const back = roll < 5 ? 70_000 + r(60_000) : roll < 55 ? r(8000) : 0;
    yield { key: `page-${r(200)}`, value: { user: `user-${r(10_000)}` }, timestamp: Math.max(T0, T0 + i * 50 - back) };
  }
}

/** Half orders, half payments (90% of orders get one, 0-400 s later, whole seconds: many ties across topics). */
function orderAndPayments(n: number): Record<string, Rec[]> {
  const r = prng(4);
  const orders: Rec[] = [];
  const payments: Rec[] = [];
  const items = ['book', 'lamp', 'desk', 'pen'];
  for (let i = 0; i < n / 2; i++) {
    const ts = T0 + Math.floor(i / 2) * 1000;
    const amount = 1 + r(500);
    orders.push({ key: `o${i}`, value: { item: items[r(4)], amount }, timestamp: ts });
    if (r(10) !== 0) payments.push({ key: `o${i}`, value: { amount: amount - r(2) }, timestamp: ts + r(401) * 1000 });
  }
  payments.sort((a, b) => a.timestamp - b.timestamp);
  return { orders, payments };
}

function sources(w: Workload, n: number): Record<string, Iterable<Rec>> {
  if (w === 'pipeline') return { purchases: purchases(n) };
  if (w === 'wordcount') return { 'text-lines': textLines(n) };
  if (w === 'windowed') return { pageviews: pageviews(n) };
  return orderAndPayments(n);
}

async function writeLines(path: string, records: Iterable<Rec>): Promise<void> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  let buf = '';
  for (const rec of records) {
    buf += `{"key":${JSON.stringify(rec.key)},"value":${JSON.stringify(rec.value)},"timestamp":${rec.timestamp}}\n`;
    if (buf.length < 1 << 20) continue;
    const ok = out.write(buf);
    buf = '';
    if (!ok) await new Promise<void>((d) => out.once('drain', () => d()));
  }
  await new Promise<void>((d) => out.end(buf, () => d()));
  renameSync(tmp, path);
}

/** The input file of each topic of workload w at n records (written if missing): topic -> path. */
export async function inputFiles(dir: string, w: Workload, n: number): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const t of TOPICS[w]) files[t] = join(dir, `${w}-${n}-${t}.jsonl`);
  if (Object.values(files).every((f) => existsSync(f))) return files;
  const recs = sources(w, n);
  for (const t of TOPICS[w]) await writeLines(files[t], recs[t]);
  return files;
}
