/** The message types worth a legend entry: those in flight or sent recently, sorted by name. */
import type { MessageInFlight } from '../../runtime/frame';
import type { TraceEvent } from '../../sim/trace';

/** Looks at the newest sends only; a legend needs the types, not every message. */
const SCAN_LAST = 2000;

export function messageTypes(events: readonly TraceEvent[], inFlight: readonly MessageInFlight[]): string[] {
  const types = new Set(inFlight.map((m) => m.type));
  for (let i = Math.max(0, events.length - SCAN_LAST); i < events.length; i++) {
    const e = events[i] as TraceEvent;
    if (e.type === 'send') types.add(typeof e.msg['type'] === 'string' ? e.msg['type'] : 'message');
  }
  return [...types].sort();
}
