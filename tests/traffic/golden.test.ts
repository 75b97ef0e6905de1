/**
 * Golden transcripts of the traffic labs (token-bucket, sliding-window, circuit-breaker,
 * degradation, worker-pool): each scenario's story, compared with
 * tests/traffic/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/traffic/golden.test.ts` and review the diff.
 *
 * Why a summary and not every fact: these scenarios make hundreds to thousands of requests, each
 * a decision, a backend call, an answer (over 12 000 trace events in some), and a line for each
 * would bury the story in tens of thousands of lines nobody reviews. What these labs are about is
 * rates and states, so:
 * - Listed one a line, as they happened: state changes (`backend`, `breaker`, `degraded`, `pool`),
 *   faults, commands (bursts, outages, Stop) and their answers, and violations.
 * - Counted per window (lines marked `~`, each at the end of its window): per gate, its decisions
 *   (allowed, rejected by reason, or primary/fallback), its backend calls (ok, failed by error)
 *   and its tasks (queued, started, done, failed, panicked, rejected); then the requests the
 *   clients sent and the answers they got, all gates together. With them, the numbers the stories
 *   are told in: a bucket's tokens at the end of the window, the polls and longest wait of its
 *   Waits, a window limiter's key table, the error rate and average latency degradation saw, the
 *   slowest call, the longest queue.
 * A window is a second (rates per second, as the narrations give them), or 100 ms in the few
 * scenarios whose story plays out within a second (PER_100_MS). Windows without any of these are
 * left out. Messages and timers are left out, as in every golden transcript; the trace digests
 * (tests/traceDigests.test.ts) catch any other change.
 */
import { describe, expect, it } from 'vitest';
import { circuitBreakerLab } from '../../src/labs/circuit-breaker/lab';
import { degradationLab } from '../../src/labs/degradation/lab';
import { slidingWindowLab } from '../../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import { workerPoolLab } from '../../src/labs/worker-pool/lab';
import type { Json, JsonObject } from '../../src/sim/json';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { Scenario } from '../../src/labs/contract/scenario';
import type { TraceEvent } from '../../src/sim/trace';
import { describeGoldenTranscripts } from '../golden';
import { eventLine, scenarioHeader, timeColumn, type ScenarioRun } from '../transcript';

const LABS = [tokenBucketLab, slidingWindowLab, circuitBreakerLab, degradationLab, workerPoolLab];

/** Scenarios counted per 100 ms: two bursts 110 ms apart across a window's boundary; a Stop 20 ms after a burst, the pool empty 300 ms later. */
const PER_100_MS: ReadonlySet<string> = new Set(['sliding-window/boundary-burst', 'worker-pool/stop-drops-queue', 'worker-pool/stop-drains-queue']);

/** How a window line shows a number of its facts: the last value, the largest, or the total. */
type Measure = 'at end' | 'max' | 'total';

/** The facts counted per window instead of listed, with the numbers their line shows. */
const COUNTED: Readonly<Record<string, Readonly<Record<string, Measure>>>> = {
  decision: { tokens: 'at end', polls: 'total', waitedMs: 'max', keys: 'at end', errorRate: 'at end', avgLatencyMs: 'at end' },
  call: { latencyMs: 'max' },
  task: { queue: 'max' },
};

/** What one counted event adds to its window: to whose line, in which class, with which numbers. */
interface Counted {
  readonly subject: string;
  readonly cls?: string;
  readonly numbers: readonly (readonly [string, Measure, number])[];
}

function why(label: string, reason: Json | undefined): string {
  return reason === undefined ? label : `${label} (${String(reason)})`;
}

function factClass(fact: JsonObject): string {
  switch (fact['kind']) {
    case 'decision':
      return 'path' in fact ? String(fact['path']) : why(fact['allowed'] === true ? 'allowed' : 'rejected', fact['reason']);
    case 'call':
      return fact['ok'] === true ? 'ok' : why('failed', fact['error']);
    default:
      return why(String(fact['event']), fact['reason']);
  }
}

/** A pool's error names its worker and task (`worker 3 task c1.7 failed`); without them, like answers count together. */
function answerClass(value: Json | undefined, failed: boolean): string {
  const v = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const error = v['error'] === undefined ? undefined : String(v['error']).replace(/worker \d+ /g, '').replace(/task c\d+\.\d+/g, 'task');
  return failed ? why('fail', error) : why(String(v['result']), v['reason']);
}

/** The subject of the line of the clients' requests and answers, after the gates' lines. */
const CLIENTS = 'clients';

/** The counted part of an event (a gate's decision, call or task; a request or its answer), or null. */
function counted(e: TraceEvent, requests: Set<string>): Counted | null {
  switch (e.type) {
    case 'output': {
      const measures = COUNTED[String(e.fact['kind'])];
      if (measures === undefined) return null;
      const numbers = Object.entries(measures).flatMap(([name, m]) => (typeof e.fact[name] === 'number' ? [[name, m, e.fact[name]] as const] : []));
      return { subject: `${e.node} ${String(e.fact['kind'])}s`, cls: factClass(e.fact), numbers };
    }
    case 'invoke':
      if (e.op['op'] !== 'request' || typeof e.op['to'] !== 'string') return null;
      requests.add(e.opId);
      return { subject: CLIENTS, numbers: [['sent', 'total', 1]] };
    case 'ok':
    case 'fail':
      return requests.has(e.opId) ? { subject: CLIENTS, cls: answerClass(e.value, e.type === 'fail'), numbers: [] } : null;
    default:
      return null;
  }
}

const num = (n: number): string => String(Number(n.toFixed(3)));

interface Tally {
  readonly classes: Map<string, number>;
  readonly numbers: Map<string, { readonly measure: Measure; value: number }>;
}

function add(tally: Tally, c: Counted): void {
  if (c.cls !== undefined) tally.classes.set(c.cls, (tally.classes.get(c.cls) ?? 0) + 1);
  for (const [name, measure, value] of c.numbers) {
    const seen = tally.numbers.get(name);
    if (seen === undefined) tally.numbers.set(name, { measure, value });
    else seen.value = measure === 'at end' ? value : measure === 'max' ? Math.max(seen.value, value) : seen.value + value;
  }
}

/** A window line's classes come in the order they first appear in the run (queued, started, done...). */
function tallyText(tally: Tally, order: ReadonlyMap<string, number>): string {
  const classes = [...tally.classes].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([cls, n]) => `${n} ${cls}`);
  const numbers = [...tally.numbers].map(([name, { measure, value }]) => (measure === 'total' ? `${name} ${num(value)}` : `${name} ${measure} ${num(value)}`));
  return [classes.join(', '), numbers.join(', ')].filter((s) => s !== '').join('; ');
}

function trafficTranscript(run: ScenarioRun, lab: LabDefinition, scenario: Scenario): string {
  const windowMs = PER_100_MS.has(`${lab.id}/${scenario.id}`) ? 100 : 1000;
  const lastWindow = Math.max(0, Math.ceil(scenario.untilMs / windowMs) - 1);
  const lines = [scenarioHeader(lab, scenario)];
  const requests = new Set<string>();
  /** Subjects and classes in the order they first appear in the run, so each window lists them alike; the clients last. */
  const order = new Map<string, number>([[CLIENTS, Infinity]]);
  let window = 0;
  let tallies = new Map<string, Tally>();
  const flush = () => {
    const from = window * windowMs;
    const to = Math.min(from + windowMs, scenario.untilMs);
    for (const [subject, tally] of [...tallies].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
      lines.push(`${timeColumn(to)} ~ ${from}-${to} ms ${subject}: ${tallyText(tally, order)}`);
    }
    tallies = new Map();
  };
  for (const e of run.events) {
    const c = counted(e, requests);
    const line = c === null ? eventLine(e) : null;
    if (c === null && line === null) continue;
    const w = Math.min(Math.floor(e.t / windowMs), lastWindow);
    if (w !== window) {
      flush();
      window = w;
    }
    if (c === null) {
      lines.push(line as string);
      continue;
    }
    for (const key of [c.subject, c.cls ?? '']) if (!order.has(key)) order.set(key, order.size);
    const tally = tallies.get(c.subject) ?? { classes: new Map(), numbers: new Map() };
    tallies.set(c.subject, tally);
    add(tally, c);
  }
  flush();
  return `${lines.join('\n')}\n`;
}

describeGoldenTranscripts(LABS, new URL('./testdata/', import.meta.url), trafficTranscript);

describe('traffic golden transcripts', () => {
  it('count per 100 ms only scenarios that exist', () => {
    const ids = new Set(LABS.flatMap((lab) => lab.scenarios.map((s) => `${lab.id}/${s.id}`)));
    expect([...PER_100_MS].filter((id) => !ids.has(id))).toEqual([]);
  });
});
