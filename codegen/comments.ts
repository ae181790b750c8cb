/**
 * The one way generated code carries user text (names, descriptions) in comments. JavaScript ends a
 * line at \r\n, \n, a lone \r, U+2028 and U+2029, so splitting at \n alone would let the rest of a
 * description run as code. "*\/" is broken too, so no line can end a block comment it lands in.
 */
const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;

/** `// ` lines at `indent`, one per line of the text. */
export function lineComment(text: string, indent = ''): string {
  return text
    .split(LINE_TERMINATOR)
    .map((l) => `${indent}// ${l.replace(/\*\//g, '*\\/')}`.trimEnd())
    .join('\n');
}
