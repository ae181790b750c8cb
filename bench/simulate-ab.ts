/**
 * `tsx bench/simulate-ab.ts DIR_A DIR_B [RUNS]`: the simulator figure of two source trees in one
 * process (e.g. `git archive <commit> src bench | tar -x -C /tmp/a`, node_modules linked), runs
 * alternating so load from other processes hits both alike. Prints median wall and CPU time of each
 * and the median of the per-run CPU ratios B/A. Reported, never asserted.
 */
import { chainDesign } from './designs';

type Simulate = (req: { doc: ReturnType<typeof chainDesign>; maxTracePerNode: number }) => unknown;
const [a, b, n = '40'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: tsx bench/simulate-ab.ts DIR_A DIR_B [RUNS]');
const load = async (dir: string) => ((await import(`${dir}/src/simulator/simulate.ts`)) as { simulate: Simulate }).simulate;
const sims = [await load(a), await load(b)];
const doc = chainDesign(20, 10_000);
const wall: number[][] = [[], []];
const cpu: number[][] = [[], []];
for (let i = 0; i < Number(n) + 3; i++) {
  for (const j of i % 2 ? [0, 1] : [1, 0]) {
    const c = process.cpuUsage();
    const t = performance.now();
    sims[j]({ doc, maxTracePerNode: 500 });
    const used = process.cpuUsage(c);
    if (i < 3) continue;
    wall[j].push(performance.now() - t);
    cpu[j].push((used.user + used.system) / 1000);
  }
}
const mid = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1];
const ratio = mid(cpu[1].map((x, i) => x / cpu[0][i]));
console.log(`A ${mid(wall[0]).toFixed(1)} ms (CPU ${mid(cpu[0]).toFixed(1)}), B ${mid(wall[1]).toFixed(1)} ms (CPU ${mid(cpu[1]).toFixed(1)}), CPU B/A ${ratio.toFixed(2)}`);
