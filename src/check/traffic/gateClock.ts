/**
 * A gate's own clock, as the traffic checkers measure their windows. A limiter promises its rate
 * per second of its own clock, the only one it has: the checkers follow each node's clock from
 * the trace's `clock` events (a jump moves its offset, drift its rate) and judge a decision at the
 * gate's local time, not at virtual time. So a clock that runs fast lets more through per real
 * second, as it would in Go, without breaking the limiter's own promise.
 */
import type { Json } from '../../sim/json';
import type { TraceEvent } from '../../sim/trace';
import { localTime, type Clock } from '../../sim/world';

export type GateClocks = Record<string, Clock & Record<string, Json>>;

/** Notes a change of a node's clock: how far its local time jumped (0 for a change of rate), or null when `event` is none. */
export function noteClock(clocks: GateClocks, event: TraceEvent): { node: string; jumpMs: number } | null {
  if (event.type !== 'clock') return null;
  const before = gateTime(clocks, event.node, event.t);
  // Replaced in place: the kernel clones checker state when it checkpoints.
  clocks[event.node] = { offsetMs: event.offsetMs, rate: event.rate };
  return { node: event.node, jumpMs: gateTime(clocks, event.node, event.t) - before };
}

/** The node's local time at virtual time `t`. */
export function gateTime(clocks: GateClocks, node: string, t: number): number {
  const clock = clocks[node];
  return clock === undefined ? t : localTime(clock, t);
}
