/** Plain functions that write the run slice; the runtime bridge and the playback machine call them. */
import { RECENT_EVENTS_KEPT, type RunUpdate } from '../runtime/browser/controller';
import { appStore } from './appStore';
import { initialRunSlice } from './runSlice';
import { appendRecent, mergeViolations } from './recentEvents';

/** How many error banners stay on screen at once; older ones go first. */
export const MAX_ERRORS_SHOWN = 5;

let nextErrorId = 1;

/** Takes in one update from the controller. */
export function applyUpdate(update: RunUpdate): void {
  appStore.setState((s) => ({
    frame: update.frame,
    events: update.reset ? appendRecent([], update.events, RECENT_EVENTS_KEPT) : appendRecent(s.events, update.events, RECENT_EVENTS_KEPT),
    halted: update.halted,
    violations: mergeViolations(s.violations, update.events, update.halted),
    playing: update.playing,
  }));
}

/** Forgets the previous run's frame, events and violations (a new run is loading). Errors stay. */
export function clearRun(): void {
  appStore.setState({ frame: initialRunSlice.frame, events: [], halted: [], violations: [], playing: false });
}

export function addError(message: string): void {
  appStore.setState((s) => {
    if (s.errors.some((e) => e.message === message)) return s;
    return { errors: [...s.errors, { id: nextErrorId++, message }].slice(-MAX_ERRORS_SHOWN) };
  });
}

export function dismissError(id: number): void {
  appStore.setState((s) => ({ errors: s.errors.filter((e) => e.id !== id) }));
}

export function clearErrors(): void {
  appStore.setState({ errors: [] });
}
