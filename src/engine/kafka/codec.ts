/**
 * Serdes at the Kafka boundary, as Buffers. The engine's serdes work on Uint8Array with
 * TextEncoder/TextDecoder, which allocate a fresh ArrayBuffer per record; for the JSON and string
 * serdes Node's Buffer gives the same bytes (and the same text back) from its pooled allocator,
 * which matters with every record of every topic going through here. Other serdes, and text that
 * starts with a byte order mark (TextDecoder drops it, Buffer keeps it), use the serde itself.
 */
import type { Serde } from '../serdes';

export type Encode = (v: unknown) => Buffer | null;
export type Decode = (b: Buffer | null) => unknown;

const viewOf = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const startsWithBom = (b: Buffer) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

const encoders = new WeakMap<Serde, Encode>();
const decoders = new WeakMap<Serde, Decode>();

export function encoderFor(serde: Serde): Encode {
  let e = encoders.get(serde);
  if (!e) encoders.set(serde, (e = makeEncoder(serde)));
  return e;
}

export function decoderFor(serde: Serde): Decode {
  let d = decoders.get(serde);
  if (!d) decoders.set(serde, (d = makeDecoder(serde)));
  return d;
}

function makeEncoder(serde: Serde): Encode {
  if (serde.name === 'json') return (v) => (v === null || v === undefined ? null : Buffer.from(JSON.stringify(v) ?? ''));
  if (serde.name === 'string') return (v) => (v === null || v === undefined ? null : Buffer.from(String(v)));
  return (v) => viewOf(serde.serialize(v));
}

function makeDecoder(serde: Serde): Decode {
  const generic: Decode = (b) => serde.deserialize(b === null ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  if (serde.name === 'json') return (b) => (b === null ? null : startsWithBom(b) ? generic(b) : JSON.parse(b.toString()));
  if (serde.name === 'string') return (b) => (b === null ? null : startsWithBom(b) ? generic(b) : b.toString());
  return generic;
}
