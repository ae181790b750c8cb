/**
 * Output records as JSONL, `{"key":…,"value":…,"timestamp":…}` per line in that order (with a
 * leading "topic" field on a shared stream). Lines are gathered into large writes and the stream's
 * back-pressure is honoured: `pending` is set while it drains, and the runner waits on it between
 * input records. A closed pipe (`| head`) ends the output quietly.
 */
import { closeSync, fchmodSync, lstatSync, openSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { OutputRecord } from '../topic-writers';
import { topicFileName } from '../topic-files';
import { isPlainText, jsonText, numberText } from '../core/json-text';

/** What the local runner writes to. */
export interface OutputSink {
  write(topic: string, record: OutputRecord): void;
  /** Set while a stream drains: wait for it before the next input record. */
  readonly pending: Promise<void> | null;
  close(): Promise<void>;
}

/** The part of a Node Writable this needs. */
export interface TextStream {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error' | 'finish', cb: (e?: unknown) => void): unknown;
  end?(cb?: () => void): unknown;
}

const FLUSH_AT = 1 << 16;

/**
 * One output line: `prefix` (`{"key":`, or `{"topic":…,"key":`) and the record's key, value and
 * timestamp. Built from as few strings as it can (each `+` is an allocation, and lines are most of
 * a run's garbage): a plain string key goes between quotes in one piece, and the line's end is
 * reused while the timestamp repeats (a word count's words of one line).
 */
export class JsonlLines {
  private lastTimestamp = NaN;
  private end = '';
  private readonly prefixQuote: string;

  constructor(private readonly prefix: string) {
    this.prefixQuote = prefix + '"';
  }

  line(r: OutputRecord): string {
    const k = r.key;
    // A string is scanned once: plain, it is quoted here; else JSON.stringify escapes it.
    const head = typeof k !== 'string' ? this.prefix + jsonText(k) + ',"value":' : isPlainText(k) ? this.prefixQuote + k + '","value":' : this.prefix + JSON.stringify(k) + ',"value":';
    if (r.timestamp !== this.lastTimestamp) {
      this.lastTimestamp = r.timestamp;
      this.end = ',"timestamp":' + numberText(r.timestamp) + '}\n';
    }
    return head + jsonText(r.value) + this.end;
  }
}

/** Gathers text into large writes to one stream, honouring back-pressure. */
export class BufferedText {
  private text = '';
  pending: Promise<void> | null = null;
  /** The reader went away (EPIPE): everything after is dropped. */
  closed = false;

  constructor(private readonly stream: TextStream) {
    stream.once('error', (e) => {
      if ((e as NodeJS.ErrnoException | undefined)?.code !== 'EPIPE') throw e;
      this.closed = true;
    });
  }

  add(text: string): void {
    this.text += text;
    if (this.text.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.text === '' || this.closed) return;
    const ok = this.stream.write(this.text);
    this.text = '';
    if (!ok && !this.pending) this.pending = new Promise((done) => this.stream.once('drain', () => ((this.pending = null), done())));
  }

  async end(): Promise<void> {
    this.flush();
    if (this.pending) await this.pending;
    const s = this.stream;
    if (s.end && !this.closed) await new Promise<void>((done) => s.end!(() => done()));
  }
}

/**
 * A file written synchronously, as a TextStream: for a regular file a blocking write is its own
 * back-pressure, and it costs less CPU than a WriteStream's writes through the thread pool (the
 * chunks are already 64 KiB; measured in docs/performance.md, #12 fourth round).
 */
export function syncFileText(path: string): TextStream {
  const fd = openFresh(path);
  return {
    write(chunk) {
      writeSync(fd, chunk);
      return true;
    },
    once: () => undefined,
    end(cb) {
      closeSync(fd);
      cb?.();
    },
  };
}

/**
 * Opens a file to write from its start. An earlier run's file (a regular file under one name) is
 * removed and made anew with its mode, not truncated: on ext4, a file truncated and written again is
 * flushed to disk by close() (auto_da_alloc; ~0.1 s of a rerun's 200 MB output), a new one later by
 * the kernel, as any file. A symlink, or a file with other names, is truncated and written through.
 */
function openFresh(path: string): number {
  let old: Stats | null = null;
  try {
    old = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (old === null || !old.isFile() || old.nlink !== 1) return openSync(path, 'w');
  unlinkSync(path);
  const fd = openSync(path, 'w');
  fchmodSync(fd, old.mode & 0o7777);
  return fd;
}

interface TopicFile {
  text: BufferedText;
  lines: JsonlLines;
  /** Records written. */
  n: number;
}

/** Every sink topic to `<dir>/<topic file>` (topicFileName: encoded; a path that would still leave the folder is refused). */
export class DirectoryOutput implements OutputSink {
  /** One lookup per record: the topic's file and how many records went to it. */
  private readonly files = new Map<string, TopicFile>();
  constructor(private readonly dir: string) {}

  /** The topic written last and its file: most runs write one sink topic, so most records skip the lookup. */
  private lastTopic: string | null = null;
  private lastFile: TopicFile | null = null;

  write(topic: string, r: OutputRecord): void {
    let f = topic === this.lastTopic ? this.lastFile : this.files.get(topic);
    if (!f) this.files.set(topic, (f = { text: new BufferedText(syncFileText(this.pathOf(topic))), lines: new JsonlLines('{"key":'), n: 0 }));
    this.lastTopic = topic;
    this.lastFile = f;
    f.text.add(f.lines.line(r));
    f.n++;
  }

  /** Records written per topic. */
  get counts(): Map<string, number> {
    return new Map([...this.files].map(([t, f]) => [t, f.n]));
  }

  get pending(): Promise<void> | null {
    for (const f of this.files.values()) if (f.text.pending) return f.text.pending;
    return null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((f) => f.text.end()));
  }

  pathOf(topic: string): string {
    const root = resolve(this.dir);
    const p = resolve(root, topicFileName(topic));
    if (!p.startsWith(root + sep)) throw new Error(`topic "${topic}" cannot be a file name in ${this.dir}`);
    return p;
  }
}

/** Every sink record on one stream, with its topic first on each line. */
export class StreamOutput implements OutputSink {
  private readonly lines = new Map<string, JsonlLines>();
  private readonly out: BufferedText;
  constructor(stream: TextStream) {
    this.out = new BufferedText(stream);
  }

  write(topic: string, r: OutputRecord): void {
    let l = this.lines.get(topic);
    if (l === undefined) this.lines.set(topic, (l = new JsonlLines(`{"topic":${JSON.stringify(topic)},"key":`)));
    this.out.add(l.line(r));
  }

  get pending(): Promise<void> | null {
    return this.out.pending;
  }

  async close(): Promise<void> {
    await this.out.end();
  }
}
