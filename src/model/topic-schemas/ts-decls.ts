/**
 * The declarations one schema becomes, in order, under names unique within the emitted text.
 * Nested named types (Avro records and enums, JSON Schema $defs, Protobuf nested messages) are
 * prefixed with the root type's name, so several topics' types can share one `types.ts`.
 */
export class TsDecls {
  private readonly names = new Set<string>();
  private readonly decls: string[] = [];

  constructor(readonly rootName: string) {
    this.names.add(rootName);
  }

  /** A fresh identifier for a nested named type (`<Root><Name>`, numbered on a clash). */
  allocate(name: string): string {
    const base = this.rootName + pascalCase(name);
    let candidate = base;
    for (let n = 2; this.names.has(candidate); n++) candidate = `${base}${n}`;
    this.names.add(candidate);
    return candidate;
  }

  add(decl: string): void {
    this.decls.push(decl);
  }

  /** A place for a declaration written later, so a parent type precedes the types it refers to. */
  reserve(): number {
    return this.decls.push('') - 1;
  }

  fill(slot: number, decl: string): void {
    this.decls[slot] = decl;
  }

  text(): string {
    return this.decls.join('\n\n') + '\n';
  }
}

/** `order_line.v2` -> `OrderLineV2`: a name part usable inside an identifier. */
export function pascalCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || '_';
}

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** `a | b | a` -> `a | b`; one member stays bare; none is `never`. */
export function unionOf(members: readonly string[]): string {
  const unique = [...new Set(members)];
  if (unique.length === 0) return 'never';
  return unique.map((m) => (m.includes('=>') ? `(${m})` : m)).join(' | ');
}

/** Wraps a union or intersection before `[]` so that `(a | b)[]` keeps its meaning. */
export function arrayOf(item: string): string {
  return /[|&\s]/.test(item) && !/^\{[\s\S]*\}$/.test(item) ? `(${item})[]` : `${item}[]`;
}

/** A JSDoc line for a schema's doc text (never closes the comment early). */
export function docComment(doc: unknown, indent = ''): string {
  if (typeof doc !== 'string' || doc.trim() === '') return '';
  const safe = doc.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ').trim();
  return `${indent}/** ${safe} */\n`;
}

export function interfaceDecl(name: string, props: readonly string[], doc?: unknown): string {
  const body = props.length === 0 ? '{}' : `{\n${props.join('\n')}\n}`;
  return `${docComment(doc)}export interface ${name} ${body}`;
}
