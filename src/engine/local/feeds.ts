/**
 * Input records per topic, filled a batch at a time: from an array (samples in memory), from a
 * JSONL file of one topic (the exported project's --input), or from one JSONL file of many topics
 * with a "topic" field per line (the CLI's --samples), split as it is read. A bad line stops the run
 * with `file:line: field: message`, or, with skipBadLines, is counted and skipped.
 */
import type { InputRecord } from '../input-order';
import { LineBatches } from './line-batches';
import { isBlankLine, RecordLineParser, type LineProblem } from './record-line';

export interface Feed {
  readonly topic: string;
  /** The record to take next, or null when none is at hand: then `done` says whether fill() can bring more. */
  head: InputRecord | null;
  done: boolean;
  /** The head was taken: the next record becomes the head (a line is parsed only now, see LineFileFeed). */
  advance(): void;
  fill(): Promise<void>;
  /** Lets go of the file (idempotent): the runner calls it when the run ends, also on an error. */
  close(): Promise<void>;
}

export class InputError extends Error {}

export interface BadLines {
  skip: boolean;
  skipped: number;
  /** The first problems, for the report. */
  first: string[];
}

export function badLines(skip: boolean): BadLines {
  return { skip, skipped: 0, first: [] };
}

/** A bad line: stops the run, or is counted and skipped. */
export function badLine(report: BadLines, file: string, line: number, p: LineProblem): void {
  const text = `${file}:${line}${p.column ? `:${p.column}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
  if (!report.skip) throw new InputError(text);
  report.skipped++;
  if (report.first.length < 5) report.first.push(text);
}

/** Records already in memory, taken in order. */
export class ArrayFeed implements Feed {
  head: InputRecord | null;
  done = true;
  private pos = 0;
  constructor(
    readonly topic: string,
    private readonly buf: InputRecord[],
  ) {
    this.head = buf.length > 0 ? buf[0] : null;
  }
  advance(): void {
    this.head = ++this.pos < this.buf.length ? this.buf[this.pos] : null;
  }
  async fill(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Lines turned into records at a time (see LineFileFeed). */
const PARSE_AHEAD = 256;

/**
 * A topic's records read from a text file, a batch of lines at a time; a subclass turns a line into
 * a record. Lines become records PARSE_AHEAD at a time: parsing a whole batch (~10k lines) ahead kept
 * its records alive across young-generation collections, which copied and promoted them (GC was a
 * third of a stream-stream join's run, the loop's a sixth); parsing each line only when it became
 * the head cost a stateless pipeline ~8% (parse and process interleaved record by record).
 */
export abstract class LineFileFeed implements Feed {
  head: InputRecord | null = null;
  done = false;
  private readonly reader: LineBatches;
  private lines: string[] = [];
  private first = 1;
  /** The next line to parse. */
  private next = 0;
  private readonly parsed: InputRecord[] = [];
  private taken = 0;
  /** A bad line's error, raised once the records parsed before it have been taken. */
  private failure: unknown = null;

  constructor(
    readonly topic: string,
    path: string,
  ) {
    this.reader = new LineBatches(path);
  }

  /** The record of a line (lineNo: 1-based in the file), or null to skip the line. */
  protected abstract record(line: string, lineNo: number): InputRecord | null;

  /** Called when a new batch of lines is read, before its first record(). */
  protected startBatch(): void {}

  advance(): void {
    if (++this.taken < this.parsed.length) {
      this.head = this.parsed[this.taken];
      return;
    }
    if (this.failure !== null) throw this.failure;
    const parsed = this.parsed;
    parsed.length = 0;
    this.taken = 0;
    while (parsed.length === 0 && this.next < this.lines.length && this.failure === null) this.parseAhead();
    this.head = parsed.length > 0 ? parsed[0] : null;
    if (this.head === null && this.failure !== null) throw this.failure;
  }

  private parseAhead(): void {
    const { lines, parsed } = this;
    const end = Math.min(lines.length, this.next + PARSE_AHEAD);
    for (let i = this.next; i < end; i++) {
      this.next = i + 1;
      try {
        const r = this.record(lines[i], this.first + i);
        if (r !== null) parsed.push(r);
      } catch (e) {
        // The records before the bad line still run (their output is written), then the run stops.
        this.failure = e;
        return;
      }
    }
  }

  async fill(): Promise<void> {
    const batch = await this.reader.next();
    if (!batch) {
      this.done = true;
      this.lines = [];
      return;
    }
    this.lines = batch.lines;
    this.first = batch.first;
    this.next = 0;
    this.taken = this.parsed.length;
    this.startBatch();
    this.advance();
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

/** One topic's records, one per line. */
export class FileFeed extends LineFileFeed {
  private readonly parser = new RecordLineParser();

  /** label: the file as the user named it (messages); path: where it is opened. */
  constructor(
    topic: string,
    path: string,
    private readonly report: BadLines,
    readonly label = path,
  ) {
    super(topic, path);
  }

  protected record(line: string, lineNo: number): InputRecord | null {
    if (isBlankLine(line)) return null;
    const r = this.parser.parse(line);
    if (r === null) badLine(this.report, this.label, lineNo, this.parser.problem!);
    return r;
  }
}
