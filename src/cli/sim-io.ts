/**
 * Where `streamwright simulate` reads and writes. Inputs: the design's samples, a samples file
 * (.json in memory; .jsonl streamed, a "topic" per line) or one JSONL file per topic
 * (`--samples topic=file.jsonl`, as the exported project's --input). Outputs: a JSONL stream on
 * stdout (default), a folder with `<topic>.jsonl` per sink (--out), one JSON object (--json, small
 * runs: refused past a size instead of running out of memory) or text for people (--text).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArrayFeed, DirectoryOutput, FileFeed, MixedFile, StreamOutput, type BadLines, type Feed, type OutputSink, type TextStream } from '../engine/local';
import type { OutputRecord } from '../engine';
import type { SampleRecord } from '../model/types';
import { CliError, loadSamplesFile } from './files';
import type { CliIo } from './io';

export function inputFeeds(specs: string[], topics: Set<string>, saved: Record<string, SampleRecord[]>, io: CliIo, report: BadLines): Feed[] {
  if (specs.length === 0) return arrayFeeds(saved, topics);
  const perTopic = specs.filter((s) => /^[^=]+=/.test(s) && !s.endsWith('.json'));
  if (perTopic.length === specs.length) {
    const byTopic = new Map(perTopic.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
    for (const t of byTopic.keys()) if (!topics.has(t)) throw new CliError(`--samples ${t}=…: the design reads no topic "${t}" (it reads ${[...topics].join(', ') || 'none'})`);
    return [...topics].map((t) => {
      const f = byTopic.get(t);
      return f !== undefined ? new FileFeed(t, readable(f, io), report, f) : new ArrayFeed(t, Object.hasOwn(saved, t) ? saved[t] : []);
    });
  }
  if (specs.length > 1) throw new CliError('give one samples file, or one --samples <topic>=<file.jsonl> per topic');
  const file = specs[0];
  if (file.endsWith('.jsonl')) return new MixedFile(readable(file, io), topics, report, file).feeds();
  return arrayFeeds(loadSamplesFile(file, io.cwd), topics);
}

/** The file's path, checked before the run starts so a typo is one clear line. */
function readable(file: string, io: CliIo): string {
  const p = resolve(io.cwd, file);
  if (!existsSync(p)) throw new CliError(`${file}: cannot read file (no such file)`);
  return p;
}

function arrayFeeds(samples: Record<string, SampleRecord[]>, topics: Set<string>): Feed[] {
  return [...topics].map((t) => new ArrayFeed(t, Object.hasOwn(samples, t) ? samples[t] : []));
}

/** Every record kept for one JSON document; refused once the text would pass `limit` characters. */
export class CollectOutput implements OutputSink {
  readonly topics = new Map<string, OutputRecord[]>();
  readonly pending = null;
  private size = 0;
  constructor(
    private readonly limit: number,
    private readonly flag: string,
  ) {}
  write(topic: string, r: OutputRecord): void {
    // A cheap bound on the JSON text (values of objects are measured once, as written).
    this.size += 40 + (typeof r.value === 'string' ? r.value.length : JSON.stringify(r.value)?.length ?? 4) + (typeof r.key === 'string' ? r.key.length : 16);
    if (this.size > this.limit) throw new CliError(`the output is too large for ${this.flag} (over ${Math.round(this.limit / 1e6)} MB of text); leave out ${this.flag} for one JSONL stream on stdout, or write a file per topic with --out <dir>`);
    let list = this.topics.get(topic);
    if (!list) this.topics.set(topic, (list = []));
    list.push({ key: r.key, value: r.value, timestamp: r.timestamp });
  }
  async close(): Promise<void> {}
}

/** --json and --text hold the whole output in memory; they are for small runs. */
const COLLECT_LIMIT = 200_000_000;

export function outputSink(flags: { out?: string; json?: boolean; text?: boolean }, io: CliIo): OutputSink {
  if (flags.out !== undefined) {
    const dir = resolve(io.cwd, flags.out);
    mkdirSync(dir, { recursive: true });
    return new DirectoryOutput(dir);
  }
  if (flags.json) return new CollectOutput(COLLECT_LIMIT, '--json');
  if (flags.text) return new CollectOutput(COLLECT_LIMIT, '--text');
  return new StreamOutput(io.stdoutStream ?? functionStream(io.stdout));
}

function functionStream(write: (text: string) => void): TextStream {
  return { write: (t) => (write(t), true), once: () => undefined };
}

export function printCollected(out: CollectOutput, io: CliIo, json: boolean): void {
  const obj: Record<string, OutputRecord[]> = Object.create(null) as Record<string, OutputRecord[]>;
  for (const [t, list] of out.topics) obj[t] = list;
  if (json) return io.stdout(JSON.stringify(obj, null, 2) + '\n');
  for (const [topic, records] of out.topics) {
    io.stdout(`${topic} (${records.length} record${records.length === 1 ? '' : 's'})\n`);
    for (const r of records) io.stdout(`  ${JSON.stringify(r.key)} -> ${JSON.stringify(r.value)} @ ${r.timestamp}\n`);
  }
  if (out.topics.size === 0) io.stdout('no records reached a sink topic\n');
}
