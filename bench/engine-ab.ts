/**
 * `tsx bench/engine-ab.ts DIR_A DIR_B [RUNS] [--records N] [--json]`: the engine workloads of
 * `npm run bench` from two source trees in one process (e.g. `git archive <commit> | tar -x -C /tmp/a`,
 * node_modules linked), A and B alternating (order swapped each round) so load from other processes
 * hits both alike. Per workload: median wall and CPU time of each, and the median of the per-round
 * CPU ratios B/A (steadier than wall time on a loaded machine). Reported, never asserted.
 */
import type { Workload } from './workloads';

const args = process.argv.slice(2);
const json = args.includes('--json');
const recordsAt = args.indexOf('--records');
const N = recordsAt >= 0 ? Number(args[recordsAt + 1]) : 1_000_000;
const [a, b, runs = '5'] = args.filter((x, i) => !x.startsWith('--') && (recordsAt < 0 || i !== recordsAt + 1));
if (!a || !b) throw new Error('usage: tsx bench/engine-ab.ts DIR_A DIR_B [RUNS] [--records N] [--json]');

const load = async (dir: string) => ((await import(`${dir}/bench/workloads.ts`)) as { WORKLOADS: Workload[] }).WORKLOADS;
const trees = [await load(a), await load(b)];
const mid = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1];

function timed(f: () => unknown): [number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const used = process.cpuUsage(c);
  return [performance.now() - t, (used.user + used.system) / 1000];
}

const results = trees[0].map((w, k) => {
  const input = w.input(N);
  const wall: number[][] = [[], []];
  const cpu: number[][] = [[], []];
  // Round 0 warms both trees up and is not counted.
  for (let i = 0; i <= Number(runs); i++) {
    for (const j of i % 2 ? [0, 1] : [1, 0]) {
      const [wt, ct] = timed(() => trees[j][k].engine(input));
      if (i === 0) continue;
      wall[j].push(wt);
      cpu[j].push(ct);
    }
  }
  return { name: w.name, aMs: mid(wall[0]), bMs: mid(wall[1]), aCpuMs: mid(cpu[0]), bCpuMs: mid(cpu[1]), cpuBOverA: mid(cpu[1].map((x, i) => x / cpu[0][i])) };
});

if (json) console.log(JSON.stringify({ a, b, records: N, runs: Number(runs), workloads: results }, null, 2));
else for (const r of results) console.log(`${r.name.padEnd(60)} A ${r.aMs.toFixed(0)} ms (CPU ${r.aCpuMs.toFixed(0)}), B ${r.bMs.toFixed(0)} ms (CPU ${r.bCpuMs.toFixed(0)}), CPU B/A ${r.cpuBOverA.toFixed(2)}`);
