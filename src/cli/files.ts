/** Reading design and sample files for the CLI, with one-line errors that name the file and place. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDesign, parseJsonWithPosition } from '../model/load';
import { sampleRecordSchema } from '../model/schema';
import type { SampleRecord, TopologyDocument } from '../model/types';
import { nameTable } from '../engine/name-table';
import { CliError } from './cli-error';

export { CliError };

export function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read file${code === 'ENOENT' ? ' (no such file)' : code === 'EISDIR' ? ' (it is a directory)' : code ? ` (${code})` : ''}`);
  }
}

export function loadDesignFile(file: string, cwd: string): TopologyDocument {
  const r = parseDesign(readText(file, cwd));
  if (!r.ok) {
    const e = r.errors[0];
    const where = e.line ? `:${e.line}:${e.column}` : '';
    throw new CliError(`${file}${where}: ${e.path ? `${e.path}: ` : ''}${e.message}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : ''}`);
  }
  return r.doc;
}

/** Samples as { topic: records[] } (.json) or one {topic, key, value, timestamp} per line (.jsonl). */
export function loadSamplesFile(file: string, cwd: string): Record<string, SampleRecord[]> {
  const text = readText(file, cwd);
  const out = nameTable<SampleRecord[]>();
  const check = (value: unknown, where: string): SampleRecord => {
    const r = sampleRecordSchema.safeParse(value);
    if (!r.success) throw new CliError(`${where}: ${r.error.issues[0].path.join('.') || 'record'}: ${r.error.issues[0].message}`);
    return r.data as SampleRecord;
  };
  if (file.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const j = parseJsonWithPosition(line);
      if (!j.ok) throw new CliError(`${file}:${i + 1}:${j.error.column ?? 1}: ${j.error.message}`);
      const topic = (j.value as { topic?: unknown }).topic;
      if (typeof topic !== 'string') throw new CliError(`${file}:${i + 1}: each line needs a "topic"`);
      (out[topic] ??= []).push(check(j.value, `${file}:${i + 1}`));
    });
    return out;
  }
  const j = parseJsonWithPosition(text);
  if (!j.ok) throw new CliError(`${file}:${j.error.line}:${j.error.column}: ${j.error.message}`);
  if (typeof j.value !== 'object' || j.value === null || Array.isArray(j.value)) throw new CliError(`${file}: expected an object { "<topic>": [records] }`);
  for (const [topic, list] of Object.entries(j.value as Record<string, unknown>)) {
    if (!Array.isArray(list)) throw new CliError(`${file}: $.${topic}: expected an array of records`);
    out[topic] = list.map((r, i) => check(r, `${file}: $.${topic}[${i}]`));
  }
  return out;
}
