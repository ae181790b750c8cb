/**
 * Kafka's FileStream connectors, run in place by the exported project's local mode (no cluster, no
 * Connect worker): a file source feeds its topic one record per line (no key, the line as value,
 * the time it was read as timestamp, as Connect's producer stamps it), and a file sink writes each
 * record's value of its topics as a line. The sink's file is started afresh each run, because the
 * local run reads its inputs from the beginning each time (the real connector appends).
 */
import { createWriteStream } from 'node:fs';
import type { InputRecord } from '../input-order';
import type { OutputRecord } from '../topic-writers';
import { LineFileFeed } from './feeds';
import { BufferedText, type OutputSink } from './jsonl-out';

export interface FileSourceSpec {
  name: string;
  topic: string;
  file: string;
}

export interface FileSinkSpec {
  name: string;
  topics: string[];
  file: string;
}

/** One file's lines as records of a topic, a batch at a time. */
export class LinesFeed extends LineFileFeed {
  constructor(
    topic: string,
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    super(topic, file);
  }

  /** Every line of one batch gets the time the batch was read. */
  private batchTime = 0;

  protected override startBatch(): void {
    this.batchTime = this.now();
  }

  protected record(line: string): InputRecord {
    return { key: null, value: line, timestamp: this.batchTime };
  }
}

/** A record value as the file sink's line: a string as it is, anything else as JSON. */
export function sinkLine(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

/** Everything to `inner` as before, and the values of the file sinks' topics as lines of their files. */
export class FileSinkOutput implements OutputSink {
  private readonly byTopic = new Map<string, { text: BufferedText; spec: FileSinkSpec }[]>();
  /** Lines written per file sink (by name). */
  readonly counts = new Map<string, number>();

  constructor(
    private readonly inner: OutputSink,
    sinks: readonly FileSinkSpec[],
  ) {
    for (const spec of sinks) {
      const text = new BufferedText(createWriteStream(spec.file));
      this.counts.set(spec.name, 0);
      for (const t of spec.topics) {
        const list = this.byTopic.get(t) ?? [];
        list.push({ text, spec });
        this.byTopic.set(t, list);
      }
    }
  }

  write(topic: string, r: OutputRecord): void {
    this.inner.write(topic, r);
    for (const { text, spec } of this.byTopic.get(topic) ?? []) {
      text.add(`${sinkLine(r.value)}\n`);
      this.counts.set(spec.name, this.counts.get(spec.name)! + 1);
    }
  }

  get pending(): Promise<void> | null {
    for (const list of this.byTopic.values()) for (const { text } of list) if (text.pending) return text.pending;
    return this.inner.pending;
  }

  async close(): Promise<void> {
    const texts = new Set([...this.byTopic.values()].flat().map((x) => x.text));
    await Promise.all([this.inner.close(), ...[...texts].map((t) => t.end())]);
  }
}

/** The feeds of a topic's file sources whose file exists (`exists` is fs.existsSync in the project). */
export function fileSourceFeeds(sources: readonly FileSourceSpec[], topic: string, exists: (file: string) => boolean): LinesFeed[] {
  return sources.filter((s) => s.topic === topic && exists(s.file)).map((s) => new LinesFeed(topic, s.file));
}
