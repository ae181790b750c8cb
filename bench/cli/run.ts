/**
 * `npm run bench:cli [-- --records N] [--runs R] [--only name] [--big N] [--json]`: the figures of
 * #12. Each workload at N records (default 1M) run as whole processes, interleaved (loop, rxjs,
 * cli, project, loop, …): median wall time, ratio to the hand-written loop, peak RSS, and the load
 * average while they ran. Outputs are compared once per workload (line count and SHA-256) and a
 * difference fails the bench. Then word count at --big records (default 5M, 0 skips) for the loop,
 * the CLI and the project: peak RSS. Reported, never asserted.
 */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../test/codegen/project-dir';
import { commandsFor, KINDS, type Kind } from './commands';
import { WORKLOADS, type Workload } from './designs';
import { inputFiles } from './inputs';
import { measure, median, sameOutputs, type Sample } from './measure';
import { printBig, printTable, type BigRow, type Row } from './report';

const { values: opts } = parseArgs({ options: { records: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, only: { type: 'string' }, big: { type: 'string', default: '5000000' }, json: { type: 'boolean', default: false } } });
const records = Number(opts.records);
const runs = Number(opts.runs);
const big = Number(opts.big);
const work = join(ROOT, 'bench/results/cli');
mkdirSync(work, { recursive: true });
const log = (s: string) => process.stderr.write(`${s}\n`);

async function workload(w: Workload): Promise<Row> {
  log(`${w}: ${records.toLocaleString()} records…`);
  const files = await inputFiles(work, w, records);
  const commands = commandsFor(w, files, join(work, `out-${records}`));
  const samples = new Map<Kind, Sample[]>(KINDS.map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const c of commands) {
      const s = await measure(c);
      samples.get(c.name as Kind)!.push(s);
      log(`  ${w} run ${r + 1}/${runs} ${c.name}: ${s.wallS.toFixed(2)} s (CPU ${s.cpuS.toFixed(2)} s), ${s.rssMiB.toFixed(0)} MiB, load ${s.load.toFixed(1)}`);
    }
    if (r === 0) log(`  outputs identical: ${JSON.stringify(await sameOutputs(w, commands))}`);
  }
  const loopWall = median(samples.get('loop')!.map((s) => s.wallS));
  const loopCpu = median(samples.get('loop')!.map((s) => s.cpuS));
  const cells = Object.fromEntries(
    KINDS.map((k) => {
      const ss = samples.get(k)!;
      const wall = median(ss.map((s) => s.wallS));
      const cpu = median(ss.map((s) => s.cpuS));
      return [k, { wallS: wall, ratio: wall / loopWall, cpuS: cpu, cpuRatio: cpu / loopCpu, rssMiB: Math.max(...ss.map((s) => s.rssMiB)), walls: ss.map((s) => s.wallS) }];
    }),
  ) as Row['cells'];
  const loads = [...samples.values()].flat().map((s) => s.load);
  return { workload: w, records, runs, cells, load: { mean: loads.reduce((a, b) => a + b, 0) / loads.length, min: Math.min(...loads), max: Math.max(...loads) } };
}

async function bigWordCount(): Promise<BigRow[]> {
  log(`wordcount: ${big.toLocaleString()} records (peak RSS)…`);
  const files = await inputFiles(work, 'wordcount', big);
  const commands = commandsFor('wordcount', files, join(work, `out-${big}`), ['loop', 'cli', 'project']);
  const rows: BigRow[] = [];
  for (const c of commands) {
    const s = await measure(c);
    log(`  ${c.name}: ${s.wallS.toFixed(2)} s (CPU ${s.cpuS.toFixed(2)} s), ${s.rssMiB.toFixed(0)} MiB, load ${s.load.toFixed(1)}`);
    rows.push({ kind: c.name, records: big, ...s });
  }
  log(`  outputs identical: ${JSON.stringify(await sameOutputs('wordcount', commands))}`);
  return rows;
}

const chosen = opts.only ? WORKLOADS.filter((w) => w === opts.only) : [...WORKLOADS];
if (chosen.length === 0) throw new Error(`--only ${opts.only}: no such workload (${WORKLOADS.join(', ')})`);
const rows: Row[] = [];
for (const w of chosen) rows.push(await workload(w));
const bigRows = big > 0 && (!opts.only || opts.only === 'wordcount') ? await bigWordCount() : [];
const machine = { date: new Date().toISOString(), cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadavgAtEnd: loadavg() };
if (opts.json) console.log(JSON.stringify({ machine, rows, bigWordCount: bigRows }, null, 2));
else {
  printTable(rows, machine);
  printBig(bigRows);
}
