/** Types of the compression packages that ship none (used by compression.ts). */
declare module 'lz4js' {
  /** LZ4 frame format (what Kafka's lz4 batches use). */
  export function compress(src: Uint8Array): Uint8Array;
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
}
declare module 'kafkajs-snappy' {
  const codec: () => { compress(encoder: { buffer: Buffer }): Promise<Buffer>; decompress(buffer: Buffer): Promise<Buffer> };
  export default codec;
}
