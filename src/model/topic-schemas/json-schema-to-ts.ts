import { TsDecls, arrayOf, docComment, interfaceDecl, propKey, unionOf } from './ts-decls';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * JSON Schema -> TypeScript for the values as they are (JSON Schema describes JSON). Covered:
 * `type` (one or several), `enum`, `const`, objects with `properties`/`required` (a property not
 * required is optional), `additionalProperties` as a schema on an object without properties
 * (a `Record`), `items` and `prefixItems`, `oneOf`/`anyOf` (union), `allOf` (intersection) and
 * `$ref` to a pointer inside the document (`#`, `#/$defs/X`, `#/definitions/X`, any local path),
 * each such target declared once under its own name. Anything else is `unknown`.
 */
export function jsonSchemaToTypeScript(schema: unknown, typeName: string): string {
  const emitter = new JsonSchemaEmitter(schema as Json, new TsDecls(typeName));
  emitter.refName('#');
  return emitter.decls.text();
}

class JsonSchemaEmitter {
  private readonly refs = new Map<string, string>();

  constructor(private readonly root: Json, readonly decls: TsDecls) {}

  /** The TypeScript name of a local `$ref` target, declaring it on first use. */
  refName(ref: string): string {
    const known = this.refs.get(ref);
    if (known !== undefined) return known;
    const target = resolvePointer(this.root, ref);
    if (target === undefined) return 'unknown';
    const name = ref === '#' ? this.decls.rootName : this.decls.allocate(ref.slice(ref.lastIndexOf('/') + 1));
    this.refs.set(ref, name);
    const slot = this.decls.reserve();
    this.decls.fill(slot, this.declaration(name, target));
    return name;
  }

  private declaration(name: string, schema: Json): string {
    if (isObject(schema) && isObjectSchema(schema) && !hasCombinators(schema)) {
      return interfaceDecl(name, this.properties(schema), schema.description);
    }
    const doc = isObject(schema) ? schema.description : undefined;
    return `${docComment(doc)}export type ${name} = ${this.typeOf(schema)};`;
  }

  typeOf(schema: Json): string {
    if (schema === true) return 'unknown';
    if (schema === false) return 'never';
    if (!isObject(schema)) return 'unknown';
    if (typeof schema.$ref === 'string') return schema.$ref.startsWith('#') ? this.refName(schema.$ref) : 'unknown';
    if (Array.isArray(schema.enum)) return unionOf(schema.enum.map(literal));
    if ('const' in schema) return literal(schema.const);
    const parts: string[] = [];
    const variants = [schema.oneOf, schema.anyOf].find(Array.isArray);
    if (variants) parts.push(`(${unionOf(variants.map((v) => this.typeOf(v)))})`);
    if (Array.isArray(schema.allOf)) parts.push(...schema.allOf.map((v) => `(${this.typeOf(v)})`));
    if (parts.length === 0 || schema.type !== undefined || isObjectSchema(schema)) parts.push(this.ownType(schema));
    const kept = parts.filter((p) => p !== 'unknown' && p !== '(unknown)');
    if (kept.length === 0) return 'unknown';
    return kept.length === 1 ? stripParens(kept[0]) : kept.join(' & ');
  }

  /** The schema's own `type` (and the keywords that go with it), ignoring combinators. */
  private ownType(schema: JsonObject): string {
    const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
    if (types.length === 0) return isObjectSchema(schema) ? this.objectType(schema) : 'unknown';
    return unionOf(types.map((t) => this.primitive(String(t), schema)));
  }

  private primitive(type: string, schema: JsonObject): string {
    switch (type) {
      case 'string': return 'string';
      case 'number': case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      case 'array': return this.arrayType(schema);
      case 'object': return this.objectType(schema);
      default: return 'unknown';
    }
  }

  private arrayType(schema: JsonObject): string {
    const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : null;
    if (tuple) return `[${tuple.map((t) => this.typeOf(t)).join(', ')}]`;
    return arrayOf(schema.items === undefined ? 'unknown' : this.typeOf(schema.items));
  }

  private objectType(schema: JsonObject): string {
    const props = this.properties(schema);
    if (props.length > 0) return `{\n${props.join('\n')}\n}`;
    const extra = schema.additionalProperties;
    if (extra !== undefined && extra !== false) return `Record<string, ${this.typeOf(extra)}>`;
    return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
  }

  private properties(schema: JsonObject): string[] {
    if (!isObject(schema.properties)) return [];
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    return Object.entries(schema.properties).map(([name, prop]) => {
      const doc = isObject(prop) ? prop.description : undefined;
      const optional = required.has(name) ? '' : '?';
      return `${docComment(doc, '  ')}  ${propKey(name)}${optional}: ${this.typeOf(prop).replace(/\n/g, '\n  ')};`;
    });
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isObjectSchema(schema: JsonObject): boolean {
  return schema.type === 'object' || (schema.type === undefined && isObject(schema.properties));
}

function hasCombinators(schema: JsonObject): boolean {
  return ['oneOf', 'anyOf', 'allOf', 'enum', 'const', '$ref'].some((k) => k in schema);
}

function literal(value: Json | undefined): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function stripParens(text: string): string {
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
}

/** Resolves a local JSON pointer (`#`, `#/a/b`, with `~0`/`~1` escapes). */
function resolvePointer(root: Json, ref: string): Json | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}
