/**
 * One JSONL file holding several topics (a "topic" field per line), split into a feed per topic as
 * it is read. A feed whose queue runs dry reads on until a record of its topic or the end turns up,
 * so a file sorted by time is merged with little held in memory (a file with one topic's records
 * all first holds them until the other topic's first record is reached). Lines of topics the
 * topology does not read are skipped.
 */
import type { InputRecord } from '../input-order';
import { badLine, type BadLines, type Feed } from './feeds';
import { LineBatches } from './line-batches';
import { isBlankLine, RecordLineParser } from './record-line';

class TopicQueue implements Feed {
  head: InputRecord | null = null;
  done = false;
  private buf: InputRecord[] = [];
  private pos = 0;
  constructor(
    readonly topic: string,
    private readonly file: MixedFile,
  ) {}
  advance(): void {
    this.head = ++this.pos < this.buf.length ? this.buf[this.pos] : null;
  }
  fill(): Promise<void> {
    return this.file.readMore();
  }
  close(): Promise<void> {
    return this.file.close();
  }
  push(r: InputRecord): void {
    if (this.head === null) {
      this.buf = [r];
      this.pos = 0;
      this.head = r;
    } else this.buf.push(r);
  }
}

export class MixedFile {
  private readonly lines: LineBatches;
  private readonly queues = new Map<string, TopicQueue>();
  private readonly parser = new RecordLineParser();

  /** label: the file as the user named it (messages); path: where it is opened. */
  constructor(
    path: string,
    topics: Iterable<string>,
    private readonly report: BadLines,
    readonly label = path,
  ) {
    this.lines = new LineBatches(path);
    for (const t of topics) this.queues.set(t, new TopicQueue(t, this));
  }

  feeds(): Feed[] {
    return [...this.queues.values()];
  }

  close(): Promise<void> {
    return this.lines.close();
  }

  /** A bad line's error: the records queued before it are taken first, then a queue asking for more gets it. */
  private failure: unknown = null;

  async readMore(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const batch = await this.lines.next();
    if (!batch) {
      for (const q of this.queues.values()) q.done = true;
      return;
    }
    try {
      for (let i = 0; i < batch.lines.length; i++) this.take(batch.lines[i], batch.first + i);
    } catch (e) {
      this.failure = e;
    }
  }

  private take(line: string, n: number): void {
    if (isBlankLine(line)) return;
    const r = this.parser.parse(line);
    const topic = this.parser.topic;
    if (r === null) badLine(this.report, this.label, n, this.parser.problem!);
    else if (typeof topic !== 'string') badLine(this.report, this.label, n, { message: 'each line needs a "topic"' });
    else this.queues.get(topic)?.push(r);
  }
}
