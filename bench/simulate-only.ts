/**
 * `npm run bench:simulate [-- RUNS]`: only the simulator figure of `npm run bench` (10k samples
 * through the 20-node chain, 500 traced records per node), quick to repeat while optimising and to
 * profile (`node --cpu-prof --import tsx bench/simulate-only.ts`). Median wall and CPU time of RUNS
 * runs after 3 warm-ups; reported, never asserted.
 */
import { simulate } from '../src/simulator/simulate';
import { chainDesign } from './designs';

const runs = Number(process.argv[2] ?? 30);
const doc = chainDesign(20, 10_000);
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs + 3; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  simulate({ doc, maxTracePerNode: 500 });
  const used = process.cpuUsage(c);
  if (i < 3) continue;
  wall.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
const mid = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`simulate 10k samples through a 20-node design: median ${mid(wall).toFixed(1)} ms (CPU ${mid(cpu).toFixed(1)} ms), fastest ${Math.min(...wall).toFixed(1)} ms, ${runs} runs`);
