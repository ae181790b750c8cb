import protobuf from 'protobufjs';
import { TsDecls, arrayOf, docComment, interfaceDecl, propKey, unionOf } from './ts-decls';

/**
 * Protobuf -> TypeScript for the plain objects the generated app works with: protobufjs's
 * `toObject(message, { longs: String, enums: String, bytes: String, defaults: true })`, the
 * shape of proto3's JSON mapping. Field names are protobufjs's camelCase ones; 64-bit integers
 * and bytes (base64) are strings; enums are their value names; an unset message field is null;
 * a oneof member or a proto3 `optional` field is absent when unset; maps are records.
 */
export function protobufToTypeScript(root: protobuf.Root, messageType: string | undefined, typeName: string): string {
  root.resolveAll();
  const type = findMessage(root, messageType);
  const emitter = new ProtoEmitter(new TsDecls(typeName));
  emitter.messageName(type, true);
  return emitter.decls.text();
}

/** Parses .proto text, adding the well-known google/protobuf imports it names (not yet resolved). */
export function parseProto(text: string): protobuf.Root {
  const parsed = protobuf.parse(text);
  for (const file of parsed.imports ?? []) {
    const common = protobuf.common.get(file);
    if (common?.nested) parsed.root.addJSON(common.nested);
  }
  return parsed.root;
}

/** The named message, or (like the Schema Registry client) the first message the file declares. */
export function findMessage(root: protobuf.Root, messageType: string | undefined): protobuf.Type {
  if (messageType) return root.lookupType(messageType.replace(/^\./, ''));
  const first = firstMessage(root);
  if (!first) throw new Error('the file declares no message');
  return first;
}

function firstMessage(ns: protobuf.NamespaceBase): protobuf.Type | undefined {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) return nested;
    if (nested instanceof protobuf.Namespace && !nested.fullName.startsWith('.google.protobuf')) {
      const found = firstMessage(nested);
      if (found) return found;
    }
  }
  return undefined;
}

const SCALARS: Record<string, string> = {
  double: 'number', float: 'number', int32: 'number', uint32: 'number', sint32: 'number',
  fixed32: 'number', sfixed32: 'number', int64: 'string', uint64: 'string', sint64: 'string',
  fixed64: 'string', sfixed64: 'string', bool: 'boolean', string: 'string', bytes: 'string',
};

class ProtoEmitter {
  private readonly named = new Map<protobuf.ReflectionObject, string>();

  constructor(readonly decls: TsDecls) {}

  messageName(type: protobuf.Type, isRoot = false): string {
    const known = this.named.get(type);
    if (known !== undefined) return known;
    const name = isRoot ? this.decls.rootName : this.decls.allocate(type.name);
    this.named.set(type, name);
    const slot = this.decls.reserve();
    const props = type.fieldsArray.map((field) => this.property(field));
    this.decls.fill(slot, interfaceDecl(name, props, type.comment));
    return name;
  }

  private enumName(type: protobuf.Enum): string {
    const known = this.named.get(type);
    if (known !== undefined) return known;
    const name = this.decls.allocate(type.name);
    this.named.set(type, name);
    const values = unionOf(Object.keys(type.values).map((v) => JSON.stringify(v)));
    this.decls.add(`${docComment(type.comment)}export type ${name} = ${values};`);
    return name;
  }

  private property(field: protobuf.Field): string {
    const optional = field.partOf !== null && field.partOf !== undefined;
    let type = this.valueType(field);
    if (field instanceof protobuf.MapField) type = `Record<string, ${type}>`;
    else if (field.repeated) type = arrayOf(type);
    else if (field.resolvedType instanceof protobuf.Type && !optional) type = `${type} | null`;
    return `${docComment(field.comment, '  ')}  ${propKey(field.name)}${optional ? '?' : ''}: ${type};`;
  }

  private valueType(field: protobuf.Field): string {
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) return this.messageName(resolved);
    if (resolved instanceof protobuf.Enum) return this.enumName(resolved);
    return SCALARS[field.type] ?? 'unknown';
  }
}
