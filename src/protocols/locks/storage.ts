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
import type { NodeId } from '../../sim/node';
import { assert, notAddressedTo } from '../assert';
import { defineProtocol } from '../define';
import { flag } from './config';
import { fact, persist, result, send, update, type StorageOut, type StoragePersisted } from './out';
import type { LockMessage, StorageState, WriteMsg } from './types';

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

function onWrite(o: StorageOut, from: NodeId, m: WriteMsg): void {
  const holder = holderKey(from, m.hold);
  const fencing = flag(o.ctx, 'fencing', false);
  const fenced = fencingAccepts(o.s, m.token, holder);
  const ok = fenced || !fencing;
  const interleaved = ok && !fenced;
  if (ok) update(o, accept(o.s, holder, m.token));
  else update(o, { rejected: o.s.rejected + 1 });
  if (interleaved) update(o, { interleaved: o.s.interleaved + 1 });
  update(o, { recent: [...o.s.recent, { client: from, token: m.token, accepted: ok, interleaved }].slice(-MAX_RECENT) });
  // Written before the answer goes out: a database keeps what it accepted across a restart, the fencing high-water mark included.
  persist(o, 'record', { ...o.s });
  const base = { kind: 'write', client: from, token: m.token, accepted: ok, hold: m.hold, part: m.part, of: m.of };
  fact(o, interleaved ? { ...base, interleaved: true } : base);
  send(o, from, { type: 'written', hold: m.hold, part: m.part, accepted: ok });
}

function onMessage(o: StorageOut, from: NodeId, m: LockMessage): void {
  if (m.type === 'write') return onWrite(o, from, m);
  notAddressedTo('storage', m.type);
}

export const storageProtocol = defineProtocol<StorageState, LockMessage, StoragePersisted>({
  kind: 'storage',
  initial: (persisted) => persisted?.record ?? EMPTY_STORAGE,
  onMessage,
  onCommand(o, opId) {
    result(o, opId, false, 'the storage takes writes from lock holders only');
  },
  invariants(o, given) {
    const lastToken = given?.lastToken ?? null;
    assert(lastToken === null || (o.s.lastToken !== null && o.s.lastToken >= lastToken), "locks: the storage's highest accepted token never goes down");
  },
});
