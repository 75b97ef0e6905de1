import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveAction } from '../../src/runtime/browser/controller';
import { rerunLines } from '../../src/runtime/exportTrace';
import { RemoteRun, type Stepping } from '../../src/runtime/remoteRun';
import type { RunSpec } from '../../src/sim/simulation';
import { arbAction } from '../arbitraries';
import { beaconLab } from '../fixtures/beaconLab';
import { specFor } from '../helpers';
import { InMemoryWorkers } from './inMemoryWorkers';

const NODES = ['n1', 'n2', 'n3'];

/** What the page and the CLI do to a run: play (a slice may end after a few batches), step, act, seek. */
type Call =
  | { readonly kind: 'play'; readonly forMs: number; readonly batches: number }
  | { readonly kind: 'step' }
  | { readonly kind: 'act'; readonly action: LiveAction }
  | { readonly kind: 'seek'; readonly toMs: number };

const arbLive: fc.Arbitrary<LiveAction> = arbAction(NODES, 0).map(({ at: _at, ...action }) => action as LiveAction);

const arbCall: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constant('play' as const), forMs: fc.integer({ min: 1, max: 600 }), batches: fc.integer({ min: 1, max: 40 }) }),
  fc.constant({ kind: 'step' as const }),
  fc.record({ kind: fc.constant('act' as const), action: arbLive }),
  fc.record({ kind: fc.constant('seek' as const), toMs: fc.integer({ min: 0, max: 3000 }) }),
);

async function call(run: RemoteRun, c: Call): Promise<void> {
  switch (c.kind) {
    case 'play': {
      run.sim.clearHalt();
      let batches = 0;
      await run.run({ untilMs: run.sim.now + c.forMs, shouldStop: () => ++batches > c.batches });
      return;
    }
    case 'step':
      await run.step();
      return;
    case 'act':
      return run.act(c.action);
    case 'seek':
      return run.seek(c.toMs);
  }
}

/** The rule remoteRun.ts states: no worker for a node that is down, and the kernel's state in every other worker that did not run ahead. */
function expectWorkersInStep(run: RemoteRun, workers: InMemoryWorkers, after: string): void {
  const world = run.sim.world;
  const ahead = new Set(run.nodesAhead);
  for (const id of world.order) {
    const node = world.nodes[id]!;
    const worker = workers.live.get(id);
    if (node.status === 'down') expect(worker, `${id} is down after ${after}`).toBeUndefined();
    else if (worker !== undefined && !ahead.has(id)) expect(worker.state, `${id}'s worker after ${after}`).toEqual(node.state);
  }
}

/** How often a call changed the run while workers had run ahead: the case the rule exists for. */
const seen = { actsAhead: 0, seeksAhead: 0 };

async function drive(spec: RunSpec, calls: readonly Call[], stepping: Stepping): Promise<void> {
  const workers = new InMemoryWorkers();
  // A seek rewinds the trace too: an event takes the place of the one with its number.
  const trace: string[] = [];
  const run = await RemoteRun.create(beaconLab, spec, workers, { stepping, checkpointEvery: 150, onEvent: (e) => (trace[e.seq - 1] = JSON.stringify(e)) });
  try {
    for (const [i, c] of calls.entries()) {
      if (run.nodesAhead.length > 0 && c.kind === 'act') seen.actsAhead++;
      if (run.nodesAhead.length > 0 && c.kind === 'seek') seen.seeksAhead++;
      await call(run, c);
      expectWorkersInStep(run, workers, `call ${i} (${c.kind})`);
    }
    const count = run.sim.world.traceCount;
    expect(trace.slice(0, count)).toEqual(rerunLines(beaconLab, { ...run.sim.spec, actions: [...run.sim.actionList] }, count));
  } finally {
    run.close();
  }
}

const arbRun = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  variant: fc.constantFrom('hardened', 'article'),
  tickMs: fc.integer({ min: 5, max: 40 }),
  actions: fc.array(arbAction(NODES, 2500), { maxLength: 6 }),
  calls: fc.array(arbCall, { minLength: 1, maxLength: 12 }),
});

describe('a remote run', () => {
  it.each([
    ['windows', 150],
    ['batches', 40],
  ] as const)('keeps every worker in step with the kernel and writes the in-process trace, whatever is played, stepped, done and sought (%s)', async (stepping, numRuns) => {
    await fc.assert(
      fc.asyncProperty(arbRun, async ({ seed, variant, tickMs, actions, calls }) => {
        await drive(specFor(beaconLab, { seed, variant, actions, params: { tickMs } }), calls, stepping);
      }),
      { numRuns },
    );
  });

  it('met actions and seeks while workers had run ahead', () => {
    expect(seen.actsAhead).toBeGreaterThan(0);
    expect(seen.seeksAhead).toBeGreaterThan(0);
  });

  it('terminates the worker of a node that goes down, and gives a restarted node a new one, even at the same instant', async () => {
    const workers = new InMemoryWorkers();
    const spec = specFor(beaconLab, { seed: 5, actions: [{ at: 200, kind: 'crash', node: 'n1' }, { at: 400, kind: 'crash', node: 'n2' }, { at: 400, kind: 'restart', node: 'n2' }] });
    const run = await RemoteRun.create(beaconLab, spec, workers);
    try {
      await run.run({ untilMs: 300 });
      expect(workers.log).toEqual(['spawn n1', 'spawn n2', 'spawn n3', 'kill n1']);
      await run.run({ untilMs: 500 });
      expect(workers.log.slice(4)).toEqual(['kill n2', 'spawn n2']);
      expect([...workers.live.keys()].sort()).toEqual(['n2', 'n3']);
    } finally {
      run.close();
    }
    expect(workers.live.size).toBe(0);
  });
});
