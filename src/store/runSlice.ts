/**
 * The run slice: what the controller last reported (frame, recent events, halt) and the errors
 * the page must show. The runtime writes it through the actions in `runActions.ts`.
 */
import type { Frame } from '../runtime/frame';
import type { TraceEvent } from '../sim/trace';
import type { ViolationEvent } from './recentEvents';

export interface AppError {
  readonly id: number;
  readonly message: string;
}

export interface RunSlice {
  readonly frame: Frame | null;
  /** Recent trace events, oldest first, at most RECENT_EVENTS_KEPT. */
  readonly events: readonly TraceEvent[];
  /** Violations that halted the run, newest last; empty while it runs. */
  readonly halted: readonly TraceEvent[];
  /** The newest violation of each rule seen in this run (they outlive a resume). */
  readonly violations: readonly ViolationEvent[];
  readonly playing: boolean;
  readonly errors: readonly AppError[];
}

export const initialRunSlice: RunSlice = {
  frame: null,
  events: [],
  halted: [],
  violations: [],
  playing: false,
  errors: [],
};
