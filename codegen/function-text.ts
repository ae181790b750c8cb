/**
 * Places a user function's source in generated code without changing what it means: lines are
 * re-indented only where they start outside a string or template literal (inside one, spaces are
 * part of the value), a trailing `//` comment gets its own line end (else it would swallow the code
 * after it), and a top-level comma expression is parenthesized (else it would split the argument
 * list). Tokens come from sucrase's parser, the one that checked the function in the first place.
 */
import { parse } from 'sucrase/dist/parser';
import { TokenType } from 'sucrase/dist/parser/tokenizer/types';

const OPEN = new Set([TokenType.parenL, TokenType.bracketL, TokenType.braceL, TokenType.braceBarL, TokenType.dollarBraceL]);
const CLOSE = new Set([TokenType.parenR, TokenType.bracketR, TokenType.braceR]);
const LITERAL = new Set([TokenType.string, TokenType.template]);

interface Layout {
  /** [start, end) of every string and template-literal text in the source. */
  literals: [number, number][];
  /** Text after the last token: only comments and whitespace remain there. */
  tail: string;
  topLevelComma: boolean;
}

function layoutOf(src: string): Layout {
  // Same wrapping as transpileFunction: one expression in parentheses; offsets shift by one.
  const tokens = parse(`(${src}\n)`, false, true, false).tokens.slice(1, -2);
  let depth = 0;
  let topLevelComma = false;
  const literals: [number, number][] = [];
  for (const t of tokens) {
    if (LITERAL.has(t.type)) literals.push([t.start - 1, t.end - 1]);
    if (t.isType) continue;
    if (OPEN.has(t.type)) depth++;
    else if (CLOSE.has(t.type)) depth--;
    else if (t.type === TokenType.comma && depth === 0) topLevelComma = true;
  }
  const lastEnd = tokens.length ? tokens[tokens.length - 1].end - 1 : 0;
  return { literals, tail: src.slice(lastEnd), topLevelComma };
}

/** The function's source, re-indented to `indent` outside literals, safe to place as one call argument. */
export function placeFunction(source: string, indent: string): string {
  // A template literal reads \r\n and \r as \n (ECMAScript 12.9.6), so normalizing keeps every value.
  const src = source.trim().replace(/\r\n?/g, '\n');
  const { literals, tail, topLevelComma } = layoutOf(src);
  const insideLiteral = (offset: number) => literals.some(([s, e]) => offset >= s && offset < e);
  let body = '';
  for (let i = 0; i < src.length; i++) {
    body += src[i];
    if (src[i] === '\n' && !insideLiteral(i)) body += indent;
  }
  // A line comment at the end would run on over the `)` or `,` printed after the function.
  const endsInComment = tail.trim() !== '';
  if (endsInComment) return `(${body}\n${indent})`;
  return topLevelComma ? `(${body})` : body;
}
