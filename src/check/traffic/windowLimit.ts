/**
 * `window-limit`: a sliding-log limiter lets at most `limit` requests of one key through in any
 * trailing window of `windowMs` (a request exactly one window old no longer counts). A fixed
 * window would break this at a window boundary, which is why the checker watches the log only.
 * The log lives in memory, so a restarted limiter starts empty: the limit holds per life of the node.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { admittedBy } from './decisions';

export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type WindowLimitState = { readonly logs: Record<string, number[]>; [key: string]: Json };

export function windowLimitChecker(bound: WindowLimit, nodeKind = 'sliding-log'): Checker<WindowLimitState> {
  return {
    rule: 'window-limit',
    description: `The sliding log lets at most ${bound.limit} requests of a key through in any ${bound.windowMs} ms.`,
    init: () => ({ logs: {} }),
    observe(state, event, view) {
      if (event.type === 'crash') {
        for (const key of Object.keys(state.logs)) if (key.startsWith(`${event.node}/`)) delete state.logs[key];
        return { state };
      }
      const admitted = admittedBy(event, view, nodeKind);
      if (admitted === null) return { state };
      const key = `${admitted.node}/${String(admitted.fact['key'])}`;
      const log = [...(state.logs[key] ?? []).filter((t) => t > event.t - bound.windowMs), event.t];
      // Replaced in place: the kernel clones checker state when it checkpoints.
      state.logs[key] = log.length > bound.limit + 1 ? log.slice(log.length - bound.limit - 1) : log;
      if (log.length <= bound.limit) return { state };
      return { state, violation: { nodes: [admitted.node], detail: `${admitted.node} let ${log.length} requests of key ${String(admitted.fact['key'])} through in the ${bound.windowMs} ms up to ${event.t} ms; the limit is ${bound.limit}` } };
    },
  };
}
