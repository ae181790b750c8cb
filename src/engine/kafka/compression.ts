/**
 * Compression codecs for kafkajs, which has only gzip built in: a batch compressed with snappy,
 * lz4 or zstd (what librdkafka, Java and most other producers send when a topic or producer asks
 * for it) cannot be read without them. Registered once in kafkajs' CompressionCodecs, with
 * pure-JavaScript/WebAssembly packages so a generated project installs anywhere without a native
 * build: kafkajs-snappy (kafkajs' own snappy codec, xerial framing as Java writes it), lz4js (LZ4
 * frames, as Kafka's lz4), fzstd to read zstd (also frames without a content size, as Java's
 * streaming writer makes) and @bokuweb/zstd-wasm to write it.
 */
// kafkajs is CommonJS and Node's ESM loader does not see these two among its named exports.
import kafkajs from 'kafkajs';
import SnappyCodec from 'kafkajs-snappy';
import * as lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';
import { compress as zstdCompress, init as zstdInit } from '@bokuweb/zstd-wasm';

export const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionName = (typeof COMPRESSIONS)[number];


const { CompressionCodecs, CompressionTypes } = kafkajs;
type CompressionType = (typeof CompressionTypes)[keyof typeof CompressionTypes];

const TYPES: Record<CompressionName, CompressionType> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
let zstdReady: Promise<void> | null = null;

let registered = false;

/** Registers the codecs, once per process (a codec registered before stays: tests wrap them to count). */
export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  const codecs = CompressionCodecs as Record<number, () => { compress(e: { buffer: Buffer }): Promise<Buffer>; decompress(b: Buffer): Promise<Buffer> }>;
  codecs[CompressionTypes.Snappy] = SnappyCodec;
  codecs[CompressionTypes.LZ4] = () => ({
    compress: async (encoder) => asBuffer(lz4.compress(encoder.buffer)),
    decompress: async (buffer) => asBuffer(lz4.decompress(buffer)),
  });
  codecs[CompressionTypes.ZSTD] = () => ({
    compress: async (encoder) => {
      // The WebAssembly module is compiled once, on the first zstd batch written.
      await (zstdReady ??= zstdInit());
      return asBuffer(zstdCompress(encoder.buffer, 3));
    },
    decompress: async (buffer) => asBuffer(zstdDecompress(buffer)),
  });
}

/** kafkajs' compression type for a name. */
export function compressionType(name: CompressionName | undefined): CompressionType {
  return TYPES[name ?? 'none'];
}

export function parseCompression(v: string | undefined): CompressionName {
  const c = (v || 'none') as CompressionName;
  if (!COMPRESSIONS.includes(c)) throw new Error(`COMPRESSION must be one of ${COMPRESSIONS.join(', ')}, got "${v}"`);
  return c;
}
