/**
 * The worker pool's view model (pure): the queue against its size, and per worker a lane of the
 * tasks it ran in the last seconds (coloured by outcome) and the one it runs now.
 */
import { LANE_SPAN_MS, type PoolState } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';
import { stateOf } from '../contract/nodeState';

export interface LaneTask {
  readonly start: number;
  readonly end: number;
  /** done, failed, panicked or running. */
  readonly outcome: string;
}

export interface PoolModel {
  readonly id: string;
  /** The pool's local clock now, where its lanes end (its tasks' times are on that clock). */
  readonly now: number;
  /** How far back the lanes reach, in ms. */
  readonly spanMs: number;
  readonly queued: number;
  readonly state: 'running' | 'stopping' | 'stopped';
  readonly lanes: readonly (readonly LaneTask[])[];
  readonly exited: number;
  readonly done: number;
  readonly failed: number;
  readonly panicked: number;
  readonly rejected: number;
}

const OUTCOMES: Readonly<Record<number, string>> = { 1: 'done', 3: 'failed', 4: 'panicked' };

export function poolModel(node: NodeFrame): PoolModel | null {
  const s = stateOf<PoolState>(node, 'pool');
  if (s === null || !('workers' in s)) return null;
  const now = node.localNow;
  const lanes = s.workers.map((w, i): LaneTask[] => {
    const past = s.lanes.filter((l) => l[0] === i && l[2] >= now - LANE_SPAN_MS).map((l) => ({ start: l[1], end: l[2], outcome: OUTCOMES[l[3]] ?? 'done' }));
    return w.task === null ? past : [...past, { start: w.startedAt, end: now, outcome: 'running' }];
  });
  return {
    id: node.id,
    now,
    spanMs: LANE_SPAN_MS,
    queued: s.queue.length,
    state: s.stopped ? 'stopped' : s.stopping ? 'stopping' : 'running',
    lanes,
    exited: s.workers.filter((w) => w.exited).length,
    done: s.done,
    failed: s.failed,
    panicked: s.panicked,
    rejected: s.rejected,
  };
}

declare module '../contract/pictures' {
  interface PictureModels {
    'pool-lanes': readonly PoolModel[];
  }
}
