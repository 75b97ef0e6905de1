/**
 * What a checker remembers of one node's log: each entry's term, command text and a chain hash
 * of the whole prefix up to it (two logs with equal chain hashes at an index hold the same
 * entries up to that index). Kept in sync with the node's log at each observation, in time
 * proportional to what changed: Raft changes a log only by cutting a suffix and appending.
 *
 * For speed the track is updated in place: the kernel keeps only the state a checker returns,
 * and a checkpoint copies it, so no one else ever sees the old version.
 */
import { commandText, type Entry } from '../../protocols/raft';

export type LogTrack = { terms: number[]; cmds: string[]; chains: number[]; last: Entry | null };

export function emptyTrack(): LogTrack {
  return { terms: [], cmds: [], chains: [], last: null };
}

function chainOf(prev: number, term: number, cmd: string): number {
  let h = (prev ^ Math.imul(term + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < cmd.length; i++) {
    h ^= cmd.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sameAt(track: LogTrack, index: number, entry: Entry): boolean {
  return track.terms[index - 1] === entry.term && track.cmds[index - 1] === commandText(entry.cmd);
}

/** Brings `track` up to `log`. Returns 0 when nothing changed, else the first index that changed. */
export function syncTrack(track: LogTrack, log: readonly Entry[]): number {
  const oldLength = track.terms.length;
  const length = log.length;
  const lastEntry = length === 0 ? null : (log[length - 1] as Entry);
  if (length === oldLength && (lastEntry === track.last || (lastEntry !== null && sameAt(track, length, lastEntry)))) {
    track.last = lastEntry;
    return 0;
  }
  let keep = Math.min(length, oldLength);
  while (keep > 0 && !sameAt(track, keep, log[keep - 1] as Entry)) keep--;
  track.terms.length = keep;
  track.cmds.length = keep;
  track.chains.length = keep;
  for (let index = keep + 1; index <= length; index++) {
    const entry = log[index - 1] as Entry;
    const cmd = commandText(entry.cmd);
    track.terms.push(entry.term);
    track.cmds.push(cmd);
    track.chains.push(chainOf(track.chains[index - 2] ?? 0, entry.term, cmd));
  }
  track.last = lastEntry;
  return keep + 1;
}

export function trackOf(tracks: Record<string, LogTrack>, id: string): LogTrack {
  let track = tracks[id];
  if (track === undefined) {
    track = emptyTrack();
    tracks[id] = track;
  }
  return track;
}
