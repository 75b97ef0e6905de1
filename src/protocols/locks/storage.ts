/**
 * The storage node the lock protects: every holder writes its work here in parts. With `fencing`
 * on it accepts a write only when its token is above the highest it accepted, or equal to it from
 * that same hold (the later parts of one hold's work); every other write is rejected (Kleppmann,
 * "How to do distributed locking"). With fencing off it accepts everything and marks as
 * interleaved each write that fencing would have turned away: a holder writing after a holder
 * with a newer token wrote. Tokens are all the storage can see of the order of the holds; where
 * they follow the order of acquisitions (one Redis server that keeps its counter) the mark agrees
 * with the `mutual-exclusion` checker, which judges by the acquisitions themselves.
 */
import type { JsonObject } from '../../sim/json';
import type { NodeId, NodeInput, StepContext, StepOutput } from '../../sim/node';
import { flag } from './config';
import { fact, outFor, result, send, type Out } from './out';
import type { StorageState, WriteMsg } from './types';

const MAX_RECENT = 24;

export const EMPTY_STORAGE: StorageState = { lastToken: null, lastHolder: null, accepted: 0, rejected: 0, interleaved: 0, recent: [] };

export function holderKey(client: NodeId, hold: number): string {
  return `${client}#${hold}`;
}

/** Whether fencing lets this write through, given what the storage accepted last. */
export function fencingAccepts(s: StorageState, token: number, holder: string): boolean {
  if (s.lastToken === null) return true;
  return token > s.lastToken || (token === s.lastToken && holder === s.lastHolder);
}

/** Counts an accepted write; the highest token and the hold that wrote it are what fencing compares with. */
function accept(s: StorageState, holder: string, token: number): StorageState {
  const newest = s.lastToken === null || token >= s.lastToken;
  return { ...s, lastToken: newest ? token : s.lastToken, lastHolder: newest ? holder : s.lastHolder, accepted: s.accepted + 1 };
}

function onWrite(o: Out<StorageState>, from: NodeId, m: WriteMsg): void {
  const holder = holderKey(from, m.hold);
  const fencing = flag(o.ctx, 'fencing', false);
  const fenced = fencingAccepts(o.s, m.token, holder);
  const ok = fenced || !fencing;
  const interleaved = ok && !fenced;
  if (ok) o.s = accept(o.s, holder, m.token);
  else o.s = { ...o.s, rejected: o.s.rejected + 1 };
  if (interleaved) o.s = { ...o.s, interleaved: o.s.interleaved + 1 };
  o.s = { ...o.s, recent: [...o.s.recent, { client: from, token: m.token, accepted: ok, interleaved }].slice(-MAX_RECENT) };
  const base = { kind: 'write', client: from, token: m.token, accepted: ok, hold: m.hold, part: m.part, of: m.of };
  fact(o, interleaved ? { ...base, interleaved: true } : base);
  send(o, from, { type: 'written', hold: m.hold, part: m.part, accepted: ok });
}

export function storageStep(state: StorageState | undefined, input: NodeInput, ctx: StepContext): StepOutput<StorageState> {
  if (input.kind === 'start') {
    // A database keeps what it accepted across a restart, the fencing high-water mark included.
    const saved = input.persisted?.['record'];
    return { state: saved === undefined ? EMPTY_STORAGE : (saved as unknown as StorageState), effects: [] };
  }
  const o = outFor(state ?? EMPTY_STORAGE, ctx);
  if (input.kind === 'message' && input.msg['type'] === 'write') {
    onWrite(o, input.from, input.msg as unknown as WriteMsg);
    o.fx.unshift({ kind: 'persist', key: 'record', value: o.s as unknown as JsonObject });
  }
  else if (input.kind === 'command') result(o, input.opId, false, 'the storage takes writes from lock holders only');
  return { state: o.s, effects: o.fx };
}
