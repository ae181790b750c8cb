/**
 * A text file's lines as a topic's samples, as Kafka's FileStreamSource sends them: no key, the line
 * (without its line end) as value. The connector's records get the time they are produced; samples
 * get timestamps a second apart from `start`, so the preview's windows see them in file order.
 */
import type { SampleRecord } from '../types';

export function linesAsSamples(text: string, start: number): SampleRecord[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  // A final line end ends the last line; it does not start an empty one (FileStreamSource reads no record there).
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((value, i) => ({ key: null, value, timestamp: start + i * 1000 }));
}
