/**
 * `no-lost-task`: when the worker pool has stopped, every task it accepted has run and been
 * reported (done, failed or panicked). The article's Stop leaves queued tasks that never run and
 * that nobody hears of. Tasks a crash takes with it are the crash's doing, not Stop's, so a
 * crash of the pool clears the tally.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { factFrom } from './decisions';

export type NoLostTaskState = { readonly open: Record<string, Record<string, true>>; [key: string]: Json };

const FINAL = new Set(['done', 'failed', 'panicked']);

export const noLostTaskChecker: Checker<NoLostTaskState> = {
  rule: 'no-lost-task',
  description: 'A stopped worker pool has run and reported every task it accepted.',
  init: () => ({ open: {} }),
  observe(state, event, view) {
    if (event.type === 'crash') {
      delete state.open[event.node];
      return { state };
    }
    const task = factFrom(event, view, 'pool', 'task');
    if (task !== null) {
      const id = String(task.fact['id']);
      const open = (state.open[task.node] ??= {});
      if (task.fact['event'] === 'queued') open[id] = true;
      else if (FINAL.has(String(task.fact['event']))) delete open[id];
      return { state };
    }
    const pool = factFrom(event, view, 'pool', 'pool');
    if (pool === null || pool.fact['state'] !== 'stopped') return { state };
    const lost = Object.keys(state.open[pool.node] ?? {});
    if (lost.length === 0) return { state };
    const shown = lost.slice(0, 5).join(', ') + (lost.length > 5 ? ', …' : '');
    return { state, violation: { nodes: [pool.node], detail: `${pool.node} stopped with ${lost.length} accepted tasks never run: ${shown}` } };
  },
};
