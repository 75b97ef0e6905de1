/**
 * Runs one node's lookahead window inside its worker: the inputs the kernel planned, plus the
 * timers the node sets for itself that fall inside the window, in the kernel's own order. It
 * mirrors the kernel's rules for timers (a re-set or cancelled timer never fires) so that the
 * kernel, applying the results later, finds each one answering the input it expects.
 */
import { heapPop, heapPush } from '../sim/eventQueue';
import type { Json } from '../sim/json';
import type { NodeWindow, StepKey, WindowItem } from '../sim/lookahead';
import type { Protocol } from '../sim/node';
import type { StepResult } from '../sim/simulation';
import { localTime, quantize } from '../sim/world';
import { stepNode, type NodeIdentity } from './stepNode';

export interface WindowStep {
  /** What the step answered, without the message payload (the kernel has it). */
  readonly key: StepKey;
  readonly result: StepResult;
}

/** Local timers sort after every item the kernel planned (their kernel numbers are all lower). */
const LOCAL_SEQ_BASE = 2 ** 50;

function keyOf(item: WindowItem): StepKey {
  const { t, seq, input } = item;
  if (input.kind === 'timer') return { t, seq, kind: input.kind, name: input.name };
  if (input.kind === 'command') return { t, seq, kind: input.kind, opId: input.opId };
  return { t, seq, kind: input.kind };
}

export function stepWindow(protocol: Protocol<Json>, identity: NodeIdentity, stateIn: Json | undefined, plan: NodeWindow): { steps: WindowStep[]; state: Json | undefined } {
  const queue: WindowItem[] = [];
  for (const item of plan.items) heapPush(queue, item);
  const timers: Record<string, number> = { ...plan.timers };
  let state = stateIn;
  let rng = plan.rng;
  let localSeq = LOCAL_SEQ_BASE;
  let localGeneration = -1;
  const steps: WindowStep[] = [];
  for (let item = heapPop(queue); item !== undefined; item = heapPop(queue)) {
    const input = item.input;
    if (input.kind === 'timer') {
      if (timers[input.name] !== item.generation) continue;
      delete timers[input.name];
    }
    if (input.kind === 'start' && item.incarnation !== plan.incarnation) continue;
    const result = stepNode(protocol, identity, state, input, localTime(plan.clock, item.t), rng);
    steps.push({ key: keyOf(item), result });
    if (!result.ok) break;
    state = result.state;
    rng = result.rng;
    for (const effect of result.effects) {
      if (effect.kind === 'cancelTimer') delete timers[effect.name];
      if (effect.kind !== 'setTimer') continue;
      const generation = localGeneration--;
      timers[effect.name] = generation;
      const t = quantize(item.t + Math.max(0, effect.delayMs) / plan.clock.rate);
      if (t <= plan.boundMs) heapPush(queue, { t, seq: localSeq++, input: { kind: 'timer', name: effect.name }, generation });
    }
  }
  return { steps, state };
}
