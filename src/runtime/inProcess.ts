/**
 * The in-process host: runs every node step synchronously on the calling thread. Tests, the CLI
 * and the browser's seek (which replays from a checkpoint) use it.
 */
import { modelOf, type RunnableLab } from './runnableLab';
import type { Json } from '../sim/json';
import type { Protocol } from '../sim/node';
import { Simulation, type RunSpec, type SimOptions, type StepRequest, type StepResult } from '../sim/simulation';
import { identitiesOf, stepNode, type NodeIdentity } from './stepNode';

export type Stepper = (request: StepRequest) => StepResult;

export function inProcessStepper(lab: RunnableLab, sim: Simulation): Stepper {
  const identities = new Map<string, NodeIdentity>(identitiesOf(sim.model.nodes, sim.spec.variant, sim.spec.params).map((i) => [i.id, i]));
  const protocols = new Map<string, Protocol<Json>>();
  for (const n of sim.model.nodes) {
    const protocol = lab.protocols[n.kind];
    if (protocol === undefined) throw new Error(`lab ${lab.id} has no protocol for node kind "${n.kind}"`);
    protocols.set(n.id, protocol);
  }
  return (request) => {
    const node = sim.world.nodes[request.node];
    return stepNode(protocols.get(request.node) as Protocol<Json>, identities.get(request.node) as NodeIdentity, node?.state, request.input, request.now, request.rng);
  };
}

export type RunOutcome = 'reached' | 'halted';

/**
 * Runs until every event at or before `untilMs` is done, or a checker halts the run.
 * `maxItems` bounds the work of one call (for cooperative hosts); it returns 'reached' early then.
 */
export function runUntil(sim: Simulation, stepper: Stepper, untilMs: number, maxItems = Infinity): RunOutcome {
  for (let done = 0; done < maxItems; done++) {
    const batch = sim.nextBatch(untilMs, 1);
    if (batch === null) return sim.haltedBy.length > 0 ? 'halted' : 'reached';
    const request = batch[0] as StepRequest;
    sim.apply(request, stepper(request));
  }
  return 'reached';
}

/**
 * Steps a run one item at a time while `wanted()` holds and anything is left, going on past
 * violations (they are in the trace; re-creating a trace must not stop at them).
 */
export function runThroughHalts(run: InProcessRun, wanted: () => boolean): void {
  while (wanted()) {
    const batch = run.sim.nextBatch(Infinity, 1);
    if (batch === null) {
      if (run.sim.haltedBy.length === 0) return;
      run.sim.clearHalt();
      continue;
    }
    for (const request of batch) run.sim.apply(request, run.stepper(request));
  }
}

export interface InProcessRun {
  readonly sim: Simulation;
  readonly stepper: Stepper;
}

export function createInProcessRun(lab: RunnableLab, spec: RunSpec, options: SimOptions = {}): InProcessRun {
  const sim = new Simulation(modelOf(lab, spec), spec, options);
  return { sim, stepper: inProcessStepper(lab, sim) };
}

/**
 * Seeks to virtual time `t`: rewinds to a checkpoint and replays in-process. Violations met on
 * the way were already reported when the run first passed them, so the replay does not stop.
 */
export function seekInProcess(run: InProcessRun, t: number): void {
  if (!run.sim.rewindTo(t)) throw new Error('this run keeps no checkpoints, so it cannot seek');
  while (runUntil(run.sim, run.stepper, t) === 'halted') run.sim.clearHalt();
}
