/**
 * The breaker node: every request is a REQUEST event to its breaker machine; a call let through
 * goes to the backend tagged with the breaker's generation, and its outcome (or timeout) comes
 * back as SUCCESS or FAILURE with that generation. Facts: `breaker` on each change of state,
 * `decision` per request, `call` per outcome.
 */
import type { NodeId, StepContext } from '../../../sim/node';
import { assert } from '../../assert';
import { defineProtocol } from '../../define';
import { numberParam } from '../config';
import { CODE, EMPTY_RECORD, record, recordOutcome, type GateRecord } from '../gate/history';
import { forward, hasRoom, onCallTimer, onGateMessage, respond, type CallOutcome, type Gate, type RelayState } from '../gate/relay';
import { fact, result, update, type Out } from '../out';
import type { Request, TrafficMessage } from '../types';
import { breakerMachine, sendBreaker, startBreaker, type StoredBreaker } from './breakerRun';
import type { BreakerEvent, BreakerSettings, BreakerStateName } from './breakerTypes';

/** The breaker node's state; the level of its history points is 0 closed, 1 half-open, 2 open. */
export type BreakerNodeState = RelayState & GateRecord & {
  /** Which machine runs (the run's variant), so a view can draw it from its definition. */
  readonly machine: string;
  readonly breaker: StoredBreaker;
  /** When the breaker last changed state (local ms), for "time to half-open" in the views. */
  readonly since: number;
  readonly allowed: number;
  readonly rejected: number;
  readonly succeeded: number;
  readonly failed: number;
};

export const STATE_LEVEL: Readonly<Record<BreakerStateName, number>> = { closed: 0, 'half-open': 1, open: 2 };

export function breakerSettings(ctx: StepContext): BreakerSettings {
  return {
    maxFailures: numberParam(ctx, 'maxFailures', 5),
    resetTimeoutMs: numberParam(ctx, 'resetTimeoutMs', 1000),
    halfOpenMaxCalls: numberParam(ctx, 'halfOpenMaxCalls', 5),
  };
}

function send(o: Out<BreakerNodeState>, event: BreakerEvent): void {
  const before = o.s.breaker;
  const after = sendBreaker(breakerMachine(o.ctx.variant), before, event);
  update(o, { breaker: after });
  assert(after.context.halfOpenCalls <= after.context.halfOpenMaxCalls, 'breaker: a half-open breaker counts at most halfOpenMaxCalls calls');
  if (after.state !== before.state) {
    update(o, { since: o.ctx.now });
    fact(o, { kind: 'breaker', state: after.state, generation: after.context.generation, from: before.state });
  }
}

function onRequest(o: Out<BreakerNodeState>, from: NodeId, m: Request): void {
  if (!hasRoom(o)) return respond(o, from, m.id, 'rejected', 'too many calls in flight');
  send(o, { type: 'REQUEST', now: o.ctx.now });
  const { state, context } = o.s.breaker;
  const allowed = context.admitted;
  fact(o, { kind: 'decision', allowed, state, generation: context.generation });
  update(o, {
    ...record(o.s, [o.ctx.now, STATE_LEVEL[state], allowed ? CODE.allowed : CODE.rejected]),
    ...(allowed ? { allowed: o.s.allowed + 1 } : { rejected: o.s.rejected + 1 }),
  });
  if (allowed) forward(o, from, m.id, context.generation);
  else respond(o, from, m.id, 'rejected', 'circuit breaker is open');
}

function onOutcome(o: Out<BreakerNodeState>, outcome: CallOutcome): void {
  const generation = typeof outcome.tag === 'number' ? outcome.tag : 0;
  fact(o, { kind: 'call', ok: outcome.ok, generation, ...(outcome.ok ? {} : { error: outcome.error }) });
  update(o, outcome.ok ? { succeeded: o.s.succeeded + 1 } : { failed: o.s.failed + 1 });
  update(o, recordOutcome(o.s, o.ctx.now, outcome.ok));
  send(o, { type: outcome.ok ? 'SUCCESS' : 'FAILURE', now: o.ctx.now, generation });
  respond(o, outcome.client, outcome.id, outcome.ok ? 'allowed' : 'error', outcome.ok ? undefined : outcome.error);
}

const gate: Gate<BreakerNodeState> = { name: 'circuit breaker', onRequest, onOutcome };

export const breakerProtocol = defineProtocol<BreakerNodeState, TrafficMessage>({
  kind: 'breaker',
  initial(_persisted, ctx) {
    const breaker = startBreaker(breakerMachine(ctx.variant), breakerSettings(ctx));
    return { calls: {}, machine: ctx.variant, breaker, since: ctx.now, allowed: 0, rejected: 0, succeeded: 0, failed: 0, ...EMPTY_RECORD };
  },
  onStart(_persisted, o) {
    fact(o, { kind: 'breaker', state: o.s.breaker.state, generation: 0 });
  },
  onMessage: (o, from, m) => onGateMessage(gate, o, from, m),
  onTimer: (o, name) => onCallTimer(gate, o, name),
  onCommand(o, opId) {
    result(o, opId, false, `${o.ctx.id} is the circuit breaker; it takes no commands`);
  },
});
