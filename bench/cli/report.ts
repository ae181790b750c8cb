/** The CLI bench's figures as a Markdown table (what docs/performance.md shows). */
import type { Kind } from './commands';

export interface Cell {
  wallS: number;
  ratio: number;
  cpuS: number;
  cpuRatio: number;
  rssMiB: number;
  walls: number[];
}

export interface Row {
  workload: string;
  records: number;
  runs: number;
  cells: Record<Kind, Cell>;
  load: { mean: number; min: number; max: number };
}

export interface BigRow {
  kind: string;
  records: number;
  wallS: number;
  cpuS: number;
  rssMiB: number;
  load: number;
}

const cell = (c: Cell) => `${c.wallS.toFixed(2)} s (${c.ratio.toFixed(2)}x), CPU ${c.cpuS.toFixed(2)} s (${c.cpuRatio.toFixed(2)}x)`;

export function printTable(rows: Row[], machine: Record<string, unknown>): void {
  console.log(`| workload (${rows[0]?.records.toLocaleString()} records, median of ${rows[0]?.runs}; wall (ratio), CPU user+sys (ratio)) | loop | RxJS 7 | \`simulate --out\` | exported project | peak RSS loop / rxjs / cli / project | load avg (1 min) |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const c = r.cells;
    const rss = [c.loop, c.rxjs, c.cli, c.project].map((x) => x.rssMiB.toFixed(0)).join(' / ');
    console.log(`| ${r.workload} | ${c.loop.wallS.toFixed(2)} s, CPU ${c.loop.cpuS.toFixed(2)} s | ${cell(c.rxjs)} | ${cell(c.cli)} | ${cell(c.project)} | ${rss} MiB | ${r.load.mean.toFixed(1)} (${r.load.min.toFixed(1)}-${r.load.max.toFixed(1)}) |`);
  }
  console.log(`\n${JSON.stringify(machine)}`);
}

export function printBig(rows: BigRow[]): void {
  if (rows.length === 0) return;
  console.log(`\nword count at ${rows[0].records.toLocaleString()} records:`);
  for (const r of rows) console.log(`  ${r.kind}: ${r.wallS.toFixed(2)} s (CPU ${r.cpuS.toFixed(2)} s), peak RSS ${r.rssMiB.toFixed(0)} MiB (load ${r.load.toFixed(1)})`);
}
