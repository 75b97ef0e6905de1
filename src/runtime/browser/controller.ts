/**
 * What the page uses to run a lab: the main thread's handle on the scheduler worker. The page
 * never steps nodes itself; it sends commands and receives updates to draw.
 */
import type { Action } from '../../sim/actions';
import type { RunSpec } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/trace';
import type { Frame } from '../frame';

export type Speed = number | 'max';

/** An action as the page issues it: the scheduler stamps it with the current virtual time. */
export type LiveAction = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

export interface RunUpdate {
  readonly frame: Frame;
  /** Trace events since the previous update (at most `RECENT_EVENTS_KEPT`). */
  readonly events: readonly TraceEvent[];
  /** When true, `events` replaces what the page kept (after a load or a seek) instead of adding to it. */
  readonly reset: boolean;
  readonly playing: boolean;
  /** Violations that halted the run, newest last; empty while it runs. */
  readonly halted: readonly TraceEvent[];
}

/** The page keeps at most this many recent events (timeline, event log); older ones are dropped. */
export const RECENT_EVENTS_KEPT = 5000;

export interface RunController {
  /** Starts a new run; rejects with a clear message when the spec is invalid. */
  load(spec: RunSpec): Promise<void>;
  play(speed: Speed): void;
  pause(): void;
  /** Processes one scheduled item (a delivery, a timer, a fault) and pauses. */
  step(): void;
  /** Rebuilds the run at virtual time `t` (paused there). */
  seek(t: number): void;
  /** Applies an action now; after a seek, it forks the run from there. */
  act(action: LiveAction): void;
  /** The run so far as JSON Lines, header first. */
  exportTrace(): Promise<string>;
  subscribe(listener: (update: RunUpdate) => void): () => void;
  /** Reports errors the page must show (a node worker that failed to load, a bad action). */
  onError(listener: (message: string) => void): () => void;
  dispose(): void;
}
