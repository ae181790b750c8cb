/**
 * fast-check generators of hostile text: names, descriptions, string literals and whole user
 * functions built from the pieces that have broken generated code before (quotes, backticks, `${`,
 * comment ends, markup, backslashes, every line terminator, non-ASCII, names of globals).
 */
import fc from 'fast-check';

const LINE_TERMINATORS = ['\n', '\r', '\r\n', '\u2028', '\u2029'];
const SAFE_PIECES = ['"', "'", '`', '${', '}', '{', '*/', '/*', '//', '</script>', '\\', '\\n', '\\u', ' ', '  ', '\t', 'ünï', 'café', '注文', '🚀', '\u{1F469}\u200D\u{1F4BB}', 'parseInt', 'process', 'JSON', 'require', '__proto__', 'constructor', '$', '_', 'a', 'B', '1', '-', '.', '%'];

/** Text from every hostile piece, line terminators included. */
export const hostileText = fc.array(fc.constantFrom(...SAFE_PIECES, ...LINE_TERMINATORS), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

/** Text for inside a comment: no line terminator (it would end a line comment) and no "*\/". */
const commentText = fc.array(fc.constantFrom(...SAFE_PIECES.filter((p) => p !== '*/' && p !== '/*')), { maxLength: 5 }).map((p) => p.join('').replace(/\*$/, '* '));

/** Unique node names (unique and non-empty once trimmed, as the checker wants). */
export const hostileNames = (n: number) =>
  fc.uniqueArray(hostileText.map((s) => (s.trim() ? s : `${s}x`)), { minLength: n, maxLength: n, selector: (s) => s.trim() });

const templateBody = (s: string) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** A JavaScript literal whose value is hostile text: double-quoted, single-quoted with a line continuation, or a (multi-line) template. */
export const hostileLiteral = fc.tuple(hostileText, fc.integer({ min: 0, max: 2 })).map(([s, form]) => {
  if (form === 0) return JSON.stringify(s);
  if (form === 1) return `'${JSON.stringify(s).slice(1, -1).replace(/'/g, "\\'")}\\\n   continued'`;
  return `\`${templateBody(s)}\n    indented ${'${"x"}'}\n\``;
});

const ws = fc.constantFrom('', ' ', '\n', '\n    ', '\r\n  ', '\t', '\u2028');

/** An expression over `v` from a small grammar: literals, calls of globals, templates, comments between tokens. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLiteral,
    fc.constant('v'),
    fc.constant('String(v)'),
    fc.constant('parseInt(String(v), 10)'),
    fc.constant('Math.max(0, Number(v) || 0)'),
    tie('e').map((e) => `JSON.stringify(${e})`),
    fc.tuple(tie('e'), tie('e'), hostileLiteral).map(([a, b, sep]) => `[${a}, ${b}].join(${sep})`),
    fc.tuple(tie('e'), ws, tie('e')).map(([a, w, b]) => `(${a}) +${w}(${b})`),
    fc.tuple(tie('e'), commentText).map(([e, c]) => `${e} /* ${c} */`),
    fc.tuple(tie('e'), hostileText).map(([e, s]) => `\`${templateBody(s)}\${${e}}\``),
  ),
})).e;

/**
 * A whole user function (one expression, as the checker wants), possibly ending in a line comment.
 * It returns v plus the length of its text, so the value stays a number for the operators
 * downstream and still changes when a single character of a literal does.
 */
export const hostileFunction = fc
  .tuple(expr, ws, ws, fc.option(commentText, { nil: null }), fc.integer({ min: 0, max: 2 }))
  .map(([text, w1, w2, trailing, form]) => {
    const e = `v + String(${text}).length`;
    const body = form === 0 ? `(v) =>${w1}${e}${w2}` : form === 1 ? `(v: any) => {${w1}const out = ${e};${w2}return out;\n}` : `function (v) {${w1}return ${e};${w2}}`;
    return trailing === null ? body : `${body} // ${trailing}`;
  });
