// What a hand-written loop needs: lines of a file read a megabyte at a time, and a buffered writer.
import { closeSync, createWriteStream, openSync, readSync } from 'node:fs';

export class Lines {
  constructor(path) {
    this.fd = openSync(path, 'r');
    this.buf = Buffer.allocUnsafe(1 << 20);
    this.lines = [];
    this.pos = 0;
    this.rest = '';
    this.eof = false;
  }
  /** The next line, or null at the end. */
  next() {
    while (this.pos >= this.lines.length) {
      if (this.eof) return null;
      const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
      if (n === 0) {
        this.eof = true;
        closeSync(this.fd);
        this.lines = this.rest === '' ? [] : [this.rest];
      } else {
        // Split on the last newline so no multi-byte character is cut.
        const last = this.buf.lastIndexOf(10, n - 1);
        const text = this.rest + (last < 0 ? this.buf.toString('utf8', 0, n) : this.buf.toString('utf8', 0, last));
        this.rest = last < 0 ? '' : this.buf.toString('utf8', last + 1, n);
        if (last < 0) { this.rest = text; this.lines = []; } else this.lines = text.split('\n');
      }
      this.pos = 0;
    }
    return this.lines[this.pos++];
  }
}

/** Every line of a file, parsed. */
export function* records(path) {
  const lines = new Lines(path);
  for (let l = lines.next(); l !== null; l = lines.next()) if (l !== '') yield JSON.parse(l);
}

export class Out {
  constructor(path) {
    this.stream = createWriteStream(path);
    this.text = '';
  }
  async line(key, value, timestamp) {
    this.text += `{"key":${JSON.stringify(key)},"value":${JSON.stringify(value)},"timestamp":${timestamp}}\n`;
    if (this.text.length < 1 << 16) return;
    const ok = this.stream.write(this.text);
    this.text = '';
    if (!ok) await new Promise((d) => this.stream.once('drain', d));
  }
  end() {
    return new Promise((d) => this.stream.end(this.text, d));
  }
}

/** argv: <out.jsonl> <input.jsonl>... */
export const args = () => ({ out: process.argv[2], inputs: process.argv.slice(3) });
