/** The worker pool's state: a bounded queue, N workers, and what the views draw of its past. */
import type { NodeId } from '../../../sim/node';

export type Task = { readonly id: string; readonly client: NodeId; readonly submittedAt: number };

export type TaskOutcome = 'done' | 'failed' | 'panicked';

export type WorkerSlot = {
  readonly task: Task | null;
  readonly startedAt: number;
  /** What the running task will do when its time is up, drawn when it starts. */
  readonly outcome: TaskOutcome;
  /** The worker's goroutine returned (only after Stop). */
  readonly exited: boolean;
};

/** One finished task in a worker's lane: [worker, started, ended, outcome code]. */
export type LaneEntry = readonly [worker: number, start: number, end: number, code: number];

/** How far back the lanes reach (local ms): the span the pool's view draws. */
export const LANE_SPAN_MS = 2000;
/**
 * Tasks kept per worker within the span. A lane a few hundred pixels wide cannot show more apart,
 * and the bound holds however short the tasks are, so every worker's lane reaches back the span.
 */
export const LANE_TASKS_PER_WORKER = 200;

export type PoolState = {
  readonly queue: readonly Task[];
  readonly workers: readonly WorkerSlot[];
  /** Stop was called; `stopOp` is the command waiting for the workers to finish. */
  readonly stopping: boolean;
  readonly stopOp: string | null;
  readonly stopped: boolean;
  readonly done: number;
  readonly failed: number;
  readonly panicked: number;
  readonly rejected: number;
  readonly lanes: readonly LaneEntry[];
};

export const OUTCOME_CODE: Readonly<Record<TaskOutcome, number>> = { done: 1, failed: 3, panicked: 4 };
