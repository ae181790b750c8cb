/**
 * Where a topic's records live on disk (samples/<file>, out/<file>): one file per topic, whose name
 * is built from the topic so that no topic name can point elsewhere. Shared by the code generator
 * and the generated project's runner (vendored), so both name the same files.
 */

/** `<topic>.jsonl`, percent-encoded (UTF-8, lone surrogates as WTF-8) except [A-Za-z0-9._-] and a non-leading dot. */
export function topicFileName(topic: string): string {
  let out = '';
  for (const ch of topic) {
    if (/[A-Za-z0-9_-]/.test(ch) || (ch === '.' && out !== '')) out += ch;
    else out += utf8Bytes(ch.codePointAt(0)!).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return `${out}.jsonl`;
}

/** `<dir>/<topic file>`; a last guard refuses any file name that is not one plain path segment. */
export function topicFilePath(dir: string, topic: string): string {
  const name = topicFileName(topic);
  if (/[/\\]/.test(name)) throw new Error(`topic ${JSON.stringify(topic)} does not name a file inside ${dir}`);
  return `${dir}/${name}`;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}
