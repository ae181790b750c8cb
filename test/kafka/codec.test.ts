/** The Kafka boundary's Buffer codecs write and read exactly what the engine's serdes do. */
import { describe, expect, it } from 'vitest';
import { decoderFor, encoderFor } from '../../src/engine/kafka/codec';
import { Serdes } from '../../src/engine/serdes';

const bytes = (u: Uint8Array | null) => (u === null ? null : [...u]);

describe('Kafka codecs', () => {
  const values: unknown[] = [null, 'kafka', 'ünïcødé ✓ 𝄞', 42, 1.5, true, { a: [1, 'x', null], b: { c: 'é' } }, [], '', 'lone \ud800 surrogate'];
  for (const name of ['json', 'string'] as const) {
    const serde = Serdes.byName(name)!;
    it(`${name}: same bytes as the serde, and reads back what the serde reads`, () => {
      for (const v of values) {
        if (name === 'string' && v !== null && typeof v !== 'string') continue;
        const written = encoderFor(serde)(v);
        expect(bytes(written)).toEqual(bytes(serde.serialize(v)));
        expect(decoderFor(serde)(written)).toEqual(serde.deserialize(serde.serialize(v)));
      }
    });
  }

  it('text starting with a byte order mark reads as the serde reads it', () => {
    const withBom = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('"x"')]);
    expect(decoderFor(Serdes.Json())(withBom)).toBe('x');
    expect(decoderFor(Serdes.String())(withBom)).toBe(Serdes.String().deserialize(new Uint8Array(withBom)));
  });

  it('number and bytes serdes go through the serde', () => {
    expect(decoderFor(Serdes.Number())(encoderFor(Serdes.Number())(2.5))).toBe(2.5);
    expect(decoderFor(Serdes.Bytes())(encoderFor(Serdes.Bytes())('AQID'))).toBe('AQID');
  });
});
