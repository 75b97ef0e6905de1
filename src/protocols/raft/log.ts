/** Pure helpers over a Raft log. Index i is `log[i - 1]`; index 0 is the empty prefix, term 0. */
import type { Command, Entry } from './types';

export function lastIndex(log: readonly Entry[]): number {
  return log.length;
}

/** The term of the entry at `index`: 0 for index 0, -1 past the end (matches nothing). */
export function termAt(log: readonly Entry[], index: number): number {
  if (index === 0) return 0;
  return log[index - 1]?.term ?? -1;
}

export function lastTerm(log: readonly Entry[]): number {
  return termAt(log, log.length);
}

/** §5.4.1: a candidate's log is at least as up to date as ours. */
export function isUpToDate(log: readonly Entry[], candidateLastIndex: number, candidateLastTerm: number): boolean {
  const myTerm = lastTerm(log);
  return candidateLastTerm > myTerm || (candidateLastTerm === myTerm && candidateLastIndex >= log.length);
}

/** Whether the log holds an entry at `index` with `term` (the AppendEntries consistency check). */
export function matchesAt(log: readonly Entry[], index: number, term: number): boolean {
  return termAt(log, index) === term;
}

/**
 * Figure 2, AppendEntries receiver steps 3-4: entries after `prevIndex` that conflict with new
 * ones (same index, other term) are cut with everything after them; new entries are appended.
 * Entries that already match stay, so a late or duplicated request never shortens the log.
 * Returns the same array when nothing changes.
 */
export function mergeEntries(log: readonly Entry[], prevIndex: number, entries: readonly Entry[]): readonly Entry[] {
  for (let k = 0; k < entries.length; k++) {
    const index = prevIndex + 1 + k;
    const entry = entries[k] as Entry;
    if (index > log.length) return [...log, ...entries.slice(k)];
    if (termAt(log, index) !== entry.term) return [...log.slice(0, index - 1), ...entries.slice(k)];
  }
  return log;
}

/** The first index at which `entries` (placed after `prevIndex`) conflict with the log, or 0. */
export function firstConflict(log: readonly Entry[], prevIndex: number, entries: readonly Entry[]): number {
  const end = Math.min(log.length, prevIndex + entries.length);
  for (let index = prevIndex + 1; index <= end; index++) {
    if (termAt(log, index) !== (entries[index - prevIndex - 1] as Entry).term) return index;
  }
  return 0;
}

/** The first index holding `term`, searching back from `from` (the conflict hint). */
export function firstIndexOfTerm(log: readonly Entry[], term: number, from: number): number {
  let index = from;
  while (index > 1 && termAt(log, index - 1) === term) index--;
  return index;
}

/** The last index holding `term`, or 0 when the log has none. */
export function lastIndexOfTerm(log: readonly Entry[], term: number): number {
  for (let index = log.length; index >= 1; index--) {
    const t = termAt(log, index);
    if (t === term) return index;
    if (t < term) return 0;
  }
  return 0;
}

/** "put x 1", "get x", "noop": how a command reads in facts and views. */
export function commandText(cmd: Command): string {
  switch (cmd.op) {
    case 'put':
      return `put ${cmd.key} ${cmd.value}`;
    case 'get':
      return `get ${cmd.key}`;
    case 'noop':
      return 'noop';
  }
}
