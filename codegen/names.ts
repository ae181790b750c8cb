/**
 * The one name allocator of generated code: node names become camelCase variables that never clash
 * with each other, a keyword, or a global a user function might call (a node named `parseInt` must
 * not turn `parseInt(v, 10)` into a call of the node's stream).
 */
import globals from 'globals';

/** JavaScript reserved words (also in strict mode and modules) and TypeScript's reserved type names. */
const KEYWORDS =
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of any boolean number string symbol bigint object never unknown type from as get set declare namespace module keyof readonly infer is satisfies abstract override accessor asserts constructor undefined NaN Infinity arguments eval';

/** Names the generated topology.ts itself declares (module scope and buildTopology's parameter). */
const GENERATED_FILE_NAMES = ['builder', 'buildTopology', 'APPLICATION_ID'];

/**
 * Every name a generated identifier must not take: keywords, ECMAScript and Node globals (from the
 * `globals` package, kept current with the engines) and the generated file's own names. The file's
 * imports from the engine are added per file (printTopology knows them before naming any node).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...KEYWORDS.split(' '),
  ...Object.keys(globals.builtin),
  ...Object.keys(globals.node),
  ...GENERATED_FILE_NAMES,
]);

/** camelCase ASCII words of a name, accents dropped ("Café orders" -> "cafeOrders"); '' when none. */
function camelWords(name: string): string {
  // ASCII only: TypeScript's identifier tables lag behind Unicode's, so a recent letter that the
  // engine accepts would not type-check. The node's own name stays in the code as Named.as("...").
  const words = name.normalize('NFKD').replace(/[^A-Za-z0-9_$]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly reserved: ReadonlySet<string> = RESERVED_NAMES) {}

  /** A fresh identifier read from `name` (or from `fallback` when the name has no ASCII letter or digit). */
  allocate(name: string, fallback = 'node'): string {
    let id = camelWords(name) || camelWords(fallback) || 'node';
    if (/^[0-9]/.test(id)) id = `${camelWords(fallback) || 'node'}_${id}`;
    if (this.reserved.has(id)) id = `${id}Node`;
    let out = id;
    for (let i = 2; this.taken.has(out) || this.reserved.has(out); i++) out = `${id}${i}`;
    this.taken.add(out);
    return out;
  }
}
