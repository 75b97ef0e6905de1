/**
 * `window-limit`: a sliding-log limiter lets at most `limit` requests of one key through in any
 * trailing window of `windowMs` (a request exactly one window old no longer counts). A fixed
 * window would break this at a window boundary, which is why the checker watches the log only.
 * The log lives in memory, so a restarted limiter starts empty: the limit holds per life of the node.
 * Windows are measured on the limiter's own clock (gateClock.ts), the one its log keeps.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { admittedBy } from './decisions';
import { gateTime, noteClock, type GateClocks } from './gateClock';

export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type WindowLimitState = { readonly logs: Record<string, number[]>; readonly clocks: GateClocks; [key: string]: Json };

export function windowLimitChecker(bound: WindowLimit, nodeKind = 'sliding-log'): Checker<WindowLimitState> {
  return {
    rule: 'window-limit',
    description: `The sliding log lets at most ${bound.limit} requests of a key through in any ${bound.windowMs} ms of its own clock.`,
    init: () => ({ logs: {}, clocks: {} }),
    observe(state, event, view) {
      if (event.type === 'crash') {
        for (const key of Object.keys(state.logs)) if (key.startsWith(`${event.node}/`)) delete state.logs[key];
        return { state };
      }
      if (noteClock(state.clocks, event) !== null) return { state };
      const admitted = admittedBy(event, view, nodeKind);
      if (admitted === null) return { state };
      const now = gateTime(state.clocks, admitted.node, event.t);
      const key = `${admitted.node}/${String(admitted.fact['key'])}`;
      const log = [...(state.logs[key] ?? []).filter((t) => t > now - bound.windowMs), now];
      // Replaced in place: the kernel clones checker state when it checkpoints.
      state.logs[key] = log.length > bound.limit + 1 ? log.slice(log.length - bound.limit - 1) : log;
      // After the clock was set back, admissions it made later than its now are kept, but they
      // are not in the window that ends now.
      const count = log.filter((t) => t <= now).length;
      if (count <= bound.limit) return { state };
      return { state, violation: { nodes: [admitted.node], detail: `${admitted.node} let ${count} requests of key ${String(admitted.fact['key'])} through in the ${bound.windowMs} ms up to ${now} ms; the limit is ${bound.limit}` } };
    },
  };
}
