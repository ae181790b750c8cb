/**
 * Keeping a Monaco model and a controlled `value` prop in step without losing keystrokes.
 *
 * The value the page passes back is an echo of what the editor reported, and it can arrive late:
 * React applies it after the keystroke that follows. Writing a late echo into the model would undo
 * that keystroke, and a key typed in between would then be reported against the reverted text (the
 * store and the editor disagree until the next key: a "does not parse" that the editor's text does
 * not have). So echoes of what the editor reported are recognised and never written back; only a
 * value the editor did not produce (undo in the app, a reset, another node) is, and then only the
 * range that differs, so the cursor stays where it was.
 */

/** The values the editor reported that the page has not echoed back yet, oldest first. */
export class EchoQueue {
  private pending: string[] = [];
  constructor(private readonly limit = 200) {}

  reported(value: string): void {
    this.pending.push(value);
    if (this.pending.length > this.limit) this.pending.shift();
  }

  /** Another text is shown now: nothing reported before is an echo of it. */
  forget(): void {
    this.pending = [];
  }

  /**
   * The page passed `value`: 'echo' when it is one the editor reported (a late one included: the
   * editor already holds something newer), 'external' when the editor never reported it.
   */
  received(value: string): 'echo' | 'external' {
    const at = this.pending.lastIndexOf(value);
    if (at < 0) {
      this.pending = [];
      return 'external';
    }
    this.pending.splice(0, at + 1);
    return 'echo';
  }
}

/** The smallest edit turning `from` into `to`: offsets of the replaced range in `from`, and its new text. */
export function changedRange(from: string, to: string): { start: number; end: number; text: string } | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  return { start, end: from.length - tail, text: to.slice(start, to.length - tail) };
}

/** An editor's text: the read-only header line (if any) and the body the page edits. */
export function joinHeader(header: string | undefined, body: string): string {
  return header === undefined ? body : `${header}\n${body}`;
}

export function splitHeader(header: string | undefined, text: string): { header: string | undefined; body: string } {
  if (header === undefined) return { header, body: text };
  const nl = text.indexOf('\n');
  return nl < 0 ? { header: text, body: '' } : { header: text.slice(0, nl), body: text.slice(nl + 1) };
}
