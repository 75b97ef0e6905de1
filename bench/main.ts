/**
 * `npm run bench`: the performance figures next to their targets. Timings are wall-clock medians
 * after a warm-up; on a loaded machine they drop, so the header prints the load average.
 *
 *   npm run bench                      every figure
 *   npm run bench -- --quick           shorter runs (a smoke test of the benchmarks themselves)
 *   npm run bench -- --only seek,bundle
 *   npm run bench -- --json FILE       also write the rows as JSON
 *   npm run bench -- --check           exit 1 when a measured figure misses its target
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureInitialJs } from './bundleSize';
import { addChromiumWorkersRow, measureChromiumWorkers } from './chromiumWorkers';
import { measureFrameTimes } from './frameTimes';
import { measureKernel } from './kernelSpeed';
import { LAB_WORKLOADS, measureLabInProcess, measureLabThreads, RAFT_WORKLOAD } from './labSpeed';
import { measureRoundTripUs } from './roundTrip';
import { measureSeek } from './seekSpeed';
import { BenchTable, verdictOf } from './table';
import { measureThreads } from './threadSpeed';

const PARTS = ['kernel', 'threads', 'browser', 'labs', 'seek', 'bundle'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, json: { type: 'string' }, check: { type: 'boolean' } } });
const only = new Set<string>(values.only?.split(',') ?? PARTS);
const unknown = [...only].filter((p) => !PARTS.includes(p as Part));
if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
const quick = values.quick === true;
const wants = (part: Part): boolean => only.has(part);

const table = new BenchTable();
const say = (text: string): void => void process.stderr.write(`${text}\n`);

if (wants('kernel')) {
  say('measuring kernel events/s in-process…');
  table.add(await measureKernel({ untilMs: quick ? 200_000 : 3_600_000, runs: quick ? 3 : 5 }));
}
const notes: string[] = [];
if (wants('threads')) {
  say('measuring events/s through worker_threads…');
  const tripUs = await measureRoundTripUs(quick ? 2000 : 10_000);
  notes.push(`worker_threads round trip (one postMessage each way, a step-sized message): ${tripUs.toFixed(1)} µs median, so at most ${Math.round(1e6 / tripUs).toLocaleString('en-US')} steps/s one step at a time`);
  const segments = { segmentMs: quick ? 20_000 : 120_000, segments: quick ? 3 : 5 };
  table.add(await measureThreads('windows', segments));
  table.add(await measureThreads('batches', segments));
}
if (wants('browser')) {
  say('measuring events/s through Web Workers in Chromium…');
  addChromiumWorkersRow(table, await measureChromiumWorkers({ segmentMs: quick ? 5_000 : 20_000, segments: quick ? 3 : 5 }));
  say('measuring frame times in the page…');
  table.add(await measureFrameTimes(quick ? 3 : 8));
}
if (wants('labs')) {
  for (const workload of LAB_WORKLOADS) {
    say(`measuring the ${workload.title} workload…`);
    table.add(await measureLabInProcess(workload, quick ? 30_000 : 300_000, quick ? 3 : 5));
  }
  table.add(await measureLabThreads(RAFT_WORKLOAD, quick ? 10_000 : 60_000));
}
if (wants('seek')) {
  say('measuring seek time…');
  table.add(measureSeek(quick ? 5 : 15));
}
if (wants('bundle')) {
  say('building the page to measure its initial JS…');
  table.add(await measureInitialJs());
}

const [load1] = loadavg();
process.stdout.write(`\ndistlab benchmarks — Node ${process.version}, ${availableParallelism()} cores, load average ${load1?.toFixed(2)}${quick ? ', --quick' : ''}\n\n`);
process.stdout.write(table.format());
for (const note of notes) process.stdout.write(`\nnote: ${note}\n`);
if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(table.all.map((r) => ({ ...r, verdict: verdictOf(r) })), null, 2) + '\n');
if (values.check === true && table.all.some((r) => verdictOf(r) === 'BELOW TARGET')) process.exitCode = 1;
