/**
 * The page's bounded memory of recent trace events (for the timeline and the event log), and the
 * violations seen in the current run. Pure functions so they can be tested without a store.
 */
import { RECENT_EVENTS_KEPT, type RunUpdate } from '../runtime/browser/controller';
import type { TraceEvent } from '../sim/trace';

export type ViolationEvent = Extract<TraceEvent, { type: 'violation' }>;

/** Appends `added` to `kept`, keeping only the newest `cap` events. Returns `kept` when nothing was added. */
export function appendRecent(kept: readonly TraceEvent[], added: readonly TraceEvent[], cap: number): readonly TraceEvent[] {
  if (added.length === 0) return kept;
  if (added.length >= cap) return added.slice(added.length - cap);
  const total = kept.length + added.length;
  const start = Math.max(0, total - cap);
  return start === 0 ? [...kept, ...added] : [...kept.slice(start), ...added];
}

/** The newest violation per rule, in rule order of first appearance. */
export function mergeViolations(known: readonly ViolationEvent[], ...sources: readonly (readonly TraceEvent[])[]): readonly ViolationEvent[] {
  let out: ViolationEvent[] | null = null;
  for (const source of sources) {
    for (const e of source) {
      if (e.type !== 'violation') continue;
      const list: ViolationEvent[] = out ?? [...known];
      out = list;
      const i = list.findIndex((v) => v.rule === e.rule);
      if (i < 0) list.push(e);
      else if ((list[i] as ViolationEvent).seq !== e.seq) list[i] = e;
    }
  }
  return out ?? known;
}

/** Whether `next` reports a halt that `before` did not: its newest violation is a different event. */
export function isNewHalt(before: readonly TraceEvent[], next: readonly TraceEvent[]): boolean {
  const last = next[next.length - 1];
  if (last === undefined) return false;
  const previous = before[before.length - 1];
  return previous === undefined || previous.seq !== last.seq || previous.t !== last.t;
}

/**
 * Two updates from the controller as one, as if only the later had been sent after the earlier
 * was applied: its frame, state and halt win, and the events add up (a reset starts them over).
 * The page applies updates once per animation frame with this, so a slow render never leaves a
 * queue of updates, each rendered in turn, between a person's click and the page.
 */
export function mergeUpdates(earlier: RunUpdate, later: RunUpdate): RunUpdate {
  if (later.reset) return later;
  return { ...later, reset: earlier.reset, events: appendRecent(earlier.events, later.events, RECENT_EVENTS_KEPT) };
}
