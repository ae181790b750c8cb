/** Identifiers for generated code: node names become camelCase variables, never reserved words, never clashing. */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of any boolean number string symbol type from as get set constructor builder undefined NaN Infinity arguments eval'.split(' '),
);

export function identifierFor(name: string, taken: Set<string>): string {
  const words = name.normalize('NFKD').replace(/[^\p{L}\p{N}_$]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
  let id = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  id = id.replace(/[^\p{L}\p{N}_$]/gu, '');
  if (!id || /^\p{N}/u.test(id)) id = `node${id ? '_' + id : ''}`;
  if (RESERVED.has(id)) id = `${id}Node`;
  let out = id;
  for (let i = 2; taken.has(out); i++) out = `${id}${i}`;
  taken.add(out);
  return out;
}
