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
  // A file name has at most 255 bytes; a legal topic (249 characters) with a leading dot encodes to
  // 251 + ".jsonl". A name that long keeps its start and gets a hash of the whole topic instead
  // ("~" is never in an encoded name, so it cannot collide with a short one).
  if (out.length + EXT.length > MAX_FILE_NAME) out = `${out.slice(0, 200)}~${fnv1a(topic)}`;
  return `${out}${EXT}`;
}

const EXT = '.jsonl';
const MAX_FILE_NAME = 255;

/** FNV-1a over the UTF-16 code units, twice with different offsets: 16 hex digits. */
function fnv1a(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
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
