/**
 * A schema's JSON text read with its positions: Avro and JSON Schema are JSON, and a problem the
 * library finds (a bad type name, a keyword with a wrong value) is marked at its line. jsonc-parser
 * gives the tree; the value is rebuilt from it so each object and string remembers its offset.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface TextPosition {
  line: number;
  column: number;
}

export interface PositionedJson {
  value: unknown;
  root: Node;
  /** Offset of each object or array of the value, for the library's problems about it. */
  offsets: WeakMap<object, number>;
  /** Offsets of the string nodes in document order, to find a string the library names. */
  strings: { value: string; offset: number }[];
}

/** 1-based line and column of an offset into text. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

export type JsonRead = { ok: true; json: PositionedJson } | { ok: false; message: string; position: TextPosition };

/** Strict JSON (no comments, no trailing commas): what Avro and JSON Schema tools accept. */
export function readJson(text: string): JsonRead {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    return { ok: false, message: e ? `not JSON: ${printParseErrorCode(e.error)}` : 'not JSON: the text is empty', position: positionAt(text, e?.offset ?? 0) };
  }
  const offsets = new WeakMap<object, number>();
  const strings: PositionedJson['strings'] = [];
  const value = build(root, offsets, strings);
  return { ok: true, json: { value, root, offsets, strings } };
}

function build(node: Node, offsets: WeakMap<object, number>, strings: PositionedJson['strings']): unknown {
  switch (node.type) {
    case 'object': {
      // Without prototype: a schema's "__proto__" key is a name, never the object's prototype.
      const out: Record<string, unknown> = Object.create(null);
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) out[k.value as string] = build(v, offsets, strings);
      }
      offsets.set(out, node.offset);
      return out;
    }
    case 'array': {
      const out = (node.children ?? []).map((c) => build(c, offsets, strings));
      offsets.set(out, node.offset);
      return out;
    }
    case 'string':
      strings.push({ value: node.value as string, offset: node.offset });
      return node.value;
    default:
      return node.value;
  }
}

/** The node at a JSON pointer (`/properties/id/type`), if the tree has it. */
export function nodeAtPointer(root: Node, pointer: string): Node | undefined {
  let node: Node | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    if (node.type === 'object') node = node.children?.find((p) => p.children?.[0]?.value === seg)?.children?.[1];
    else if (node.type === 'array') node = node.children?.[Number(seg)];
    else return undefined;
  }
  return node;
}

/** A JSON path (`$.customer.id`, `$.items[0]`) from path segments. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number' || /^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
