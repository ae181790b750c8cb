/**
 * A text file read as batches of lines, a megabyte at a time: never the whole file in one string
 * (a 700 MB input no longer hits the string length limit), no promise per line. Line numbers are
 * kept for error messages; a trailing "\r" (Windows line ends) is dropped. The next chunk is read
 * while the caller works on this one's lines, so the run does not wait on the disk between batches.
 */
import { isAscii } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

export interface LineBatch {
  lines: string[];
  /** The 1-based number of lines[0] in the file. */
  first: number;
}

export class LineBatches {
  private handle: FileHandle | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private readonly buffer: Buffer;
  private rest = '';
  private nextLine = 1;
  private ended = false;
  /** The read under way into buffer (started once the previous chunk was decoded). */
  private ahead: Promise<{ bytesRead: number }> | null = null;

  constructor(
    readonly file: string,
    chunkBytes = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** The next lines, or null after the last one. */
  async next(): Promise<LineBatch | null> {
    if (this.ended) return null;
    this.handle ??= await open(this.file, 'r');
    const { bytesRead } = await (this.ahead ?? this.readChunk());
    this.ahead = null;
    let text: string;
    if (bytesRead === 0) {
      this.ended = true;
      await this.handle.close();
      this.handle = null;
      text = this.rest + this.decoder.end();
      this.rest = '';
      return text === '' ? null : this.batch([text]);
    }
    text = this.rest + this.decode(this.buffer.subarray(0, bytesRead));
    // The bytes are in text now: the buffer is free for the next chunk.
    this.ahead = this.readChunk();
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    return this.batch(lines);
  }

  /**
   * The chunk as text. Most JSONL is ASCII, and ASCII bytes read as latin1 are the same text at a
   * fraction of UTF-8 decoding's cost (~0.2 against ~3.8 ms per MiB here; the decode was ~10% of a
   * run). The decoder still ends a character an earlier chunk left incomplete (as U+FFFD, as its
   * write() would), and decodes every chunk that is not ASCII.
   */
  private decode(bytes: Buffer): string {
    if (isAscii(bytes)) return this.decoder.end() + bytes.toString('latin1');
    return this.decoder.write(bytes);
  }

  private readChunk(): Promise<{ bytesRead: number }> {
    const read = this.handle!.read(this.buffer, 0, this.buffer.length, null);
    // A failure is reported by the next() that awaits it, not as an unhandled rejection meanwhile.
    read.catch(() => undefined);
    return read;
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.ahead?.catch(() => undefined);
    this.ahead = null;
    await this.handle?.close();
    this.handle = null;
  }

  private batch(lines: string[]): LineBatch {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    const first = this.nextLine;
    this.nextLine += lines.length;
    return { lines, first };
  }
}
