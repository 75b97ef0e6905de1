/**
 * `half-open-limit`: a half-open breaker lets at most `halfOpenMaxCalls` calls through before it
 * changes state again. The article lets the call that moves it to half-open through uncounted,
 * so one more passes. A restarted breaker starts closed at generation 0 again, so a crash clears
 * its count.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { admittedBy } from './decisions';

export type HalfOpenState = { readonly counts: Record<string, { generation: number; calls: number }>; [key: string]: Json };

export function halfOpenLimitChecker(halfOpenMaxCalls: number): Checker<HalfOpenState> {
  return {
    rule: 'half-open-limit',
    description: `A half-open breaker lets at most ${halfOpenMaxCalls} calls through.`,
    init: () => ({ counts: {} }),
    observe(state, event, view) {
      if (event.type === 'crash') {
        delete state.counts[event.node];
        return { state };
      }
      const admitted = admittedBy(event, view, 'breaker');
      if (admitted === null || admitted.fact['state'] !== 'half-open') return { state };
      const generation = Number(admitted.fact['generation']);
      const prev = state.counts[admitted.node];
      const calls = prev !== undefined && prev.generation === generation ? prev.calls + 1 : 1;
      state.counts[admitted.node] = { generation, calls };
      if (calls <= halfOpenMaxCalls) return { state };
      return { state, violation: { nodes: [admitted.node], detail: `${admitted.node} let ${calls} calls through while half-open (generation ${generation}); at most ${halfOpenMaxCalls} are allowed` } };
    },
  };
}
