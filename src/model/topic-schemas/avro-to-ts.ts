import avro from 'avsc/etc/browser/avsc-types';
import { TsDecls, arrayOf, docComment, interfaceDecl, propKey, unionOf } from './ts-decls';

/**
 * Avro -> TypeScript, describing the values avsc decodes with its defaults (which is what the
 * Schema Registry client hands the generated app): `long` is a number, `bytes` and `fixed` are
 * byte arrays, logical types are their underlying type (no logical-type hooks are registered),
 * a union is unwrapped (`T | null`) unless two branches fall in one bucket, in which case avsc
 * wraps each value as `{ "<branch name>": value }` and so does the type.
 */
export function avroToTypeScript(schema: unknown, typeName: string): string {
  const root = avro.Type.forSchema(schema as avro.Schema);
  const emitter = new AvroEmitter(new TsDecls(typeName));
  const rootType = emitter.typeOf(root, true);
  if (emitter.named.get(root) !== typeName) emitter.decls.add(`export type ${typeName} = ${rootType};`);
  return emitter.decls.text();
}

class AvroEmitter {
  /** Named Avro types already given a TypeScript name (a record may refer to itself). */
  readonly named = new Map<avro.Type, string>();

  constructor(readonly decls: TsDecls) {}

  typeOf(type: avro.Type, isRoot = false): string {
    switch (type.typeName) {
      case 'null': return 'null';
      case 'boolean': return 'boolean';
      case 'int': case 'long': case 'float': case 'double': return 'number';
      case 'string': return 'string';
      case 'bytes': case 'fixed': return 'Uint8Array';
      case 'array': return arrayOf(this.typeOf((type as avro.types.ArrayType).itemsType));
      case 'map': return `Record<string, ${this.typeOf((type as avro.types.MapType).valuesType as avro.Type)}>`;
      case 'enum': return this.namedType(type, isRoot, (name) => this.enumDecl(type as avro.types.EnumType, name));
      case 'record': case 'error':
        return this.namedType(type, isRoot, (name) => this.recordDecl(type as avro.types.RecordType, name));
      case 'union:unwrapped':
        return unionOf((type as avro.types.UnwrappedUnionType).types.map((t) => this.typeOf(t)));
      case 'union:wrapped':
        return unionOf((type as avro.types.WrappedUnionType).types.map((t) => this.wrappedBranch(t)));
      default:
        // A logical type with a registered implementation never occurs (none is registered).
        return 'unknown';
    }
  }

  private wrappedBranch(branch: avro.Type): string {
    if (branch.typeName === 'null') return 'null';
    return `{ ${JSON.stringify(branch.branchName)}: ${this.typeOf(branch)} }`;
  }

  private namedType(type: avro.Type, isRoot: boolean, declare: (name: string) => string): string {
    const known = this.named.get(type);
    if (known !== undefined) return known;
    const name = isRoot ? this.decls.rootName : this.decls.allocate(shortName(type.name ?? 'Type'));
    this.named.set(type, name);
    const slot = this.decls.reserve();
    this.decls.fill(slot, declare(name));
    return name;
  }

  private enumDecl(type: avro.types.EnumType, name: string): string {
    const doc = (type.schema({ exportAttrs: true }) as { doc?: unknown }).doc;
    return `${docComment(doc)}export type ${name} = ${unionOf(type.symbols.map((s) => JSON.stringify(s)))};`;
  }

  private recordDecl(type: avro.types.RecordType, name: string): string {
    const schema = type.schema({ exportAttrs: true }) as { doc?: unknown; fields?: { doc?: unknown }[] };
    const props = type.fields.map((field, i) =>
      `${docComment(schema.fields?.[i]?.doc, '  ')}  ${propKey(field.name)}: ${this.typeOf(field.type)};`);
    return interfaceDecl(name, props, schema.doc);
  }
}

function shortName(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? fullName : fullName.slice(dot + 1);
}
