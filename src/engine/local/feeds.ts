/**
 * Input records per topic, filled a batch at a time: from an array (samples in memory), from a
 * JSONL file of one topic (the exported project's --input), or from one JSONL file of many topics
 * with a "topic" field per line (the CLI's --samples), split as it is read. A bad line stops the run
 * with `file:line: field: message`, or, with skipBadLines, is counted and skipped.
 */
import type { InputRecord } from '../input-order';
import { LineBatches, type LineBatch } from './line-batches';
import { isBlankLine, RecordLineParser, type LineProblem } from './record-line';

export interface Feed {
  readonly topic: string;
  /** Records ready to take, from pos on; done: nothing will follow them. */
  buf: InputRecord[];
  pos: number;
  done: boolean;
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

export class ArrayFeed implements Feed {
  pos = 0;
  done = true;
  constructor(
    readonly topic: string,
    public buf: InputRecord[],
  ) {}
  async fill(): Promise<void> {}
  async close(): Promise<void> {}
}

/** A topic's records read from a text file, a batch of lines at a time; a subclass turns lines into records. */
export abstract class LineFileFeed implements Feed {
  buf: InputRecord[] = [];
  pos = 0;
  done = false;
  private readonly lines: LineBatches;

  constructor(
    readonly topic: string,
    path: string,
  ) {
    this.lines = new LineBatches(path);
  }

  protected abstract records(batch: LineBatch): InputRecord[];

  async fill(): Promise<void> {
    const batch = await this.lines.next();
    if (!batch) {
      this.done = true;
      return;
    }
    this.buf = this.records(batch);
    this.pos = 0;
  }

  close(): Promise<void> {
    return this.lines.close();
  }
}

/** One topic's records, one per line. */
export class FileFeed extends LineFileFeed {
  /** label: the file as the user named it (messages); path: where it is opened. */
  constructor(
    topic: string,
    path: string,
    private readonly report: BadLines,
    readonly label = path,
  ) {
    super(topic, path);
  }

  private readonly parser = new RecordLineParser();

  protected records(batch: LineBatch): InputRecord[] {
    const out: InputRecord[] = [];
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i];
      if (isBlankLine(line)) continue;
      const r = this.parser.parse(line);
      if (r === null) badLine(this.report, this.label, batch.first + i, this.parser.problem!);
      else out.push(r);
    }
    return out;
  }
}
