/**
 * AppendEntries on both ends: the follower's consistency check and merge (Figure 2), and the
 * leader's handling of the reply: matchIndex, the commit rule, and nextIndex after a rejection.
 */
import type { NodeId } from '../../sim/node';
import { assert } from '../assert';
import { firstConflict, firstIndexOfTerm, lastIndex, lastIndexOfTerm, matchesAt, mergeEntries, termAt } from './log';
import { fact, persist, resetElectionTimer, send, update, type Out } from './out';
import { commitTo, maybeCommit, sendAppend } from './replicate';
import { becomeFollower } from './roles';
import type { AppendEntries, AppendEntriesReply } from './types';

/** Where a hardened follower's log stops agreeing with the leader's prevLogIndex. */
function conflictHint(o: Out, m: AppendEntries): { conflictIndex: number; conflictTerm: number } {
  const log = o.s.log;
  if (m.prevLogIndex > lastIndex(log)) return { conflictIndex: lastIndex(log) + 1, conflictTerm: 0 };
  const conflictTerm = termAt(log, m.prevLogIndex);
  return { conflictIndex: firstIndexOfTerm(log, conflictTerm, m.prevLogIndex), conflictTerm };
}

/** Called with m.term equal to the node's term (a higher one made it a follower already). */
export function handleAppendEntries(o: Out, from: NodeId, m: AppendEntries): void {
  // Two leaders in one term cannot happen when votes are counted per term (the article's stale votes can make them).
  assert(o.s.role !== 'leader' || !o.rules.countVotesPerTerm, () => `raft: ${o.ctx.id} leads term ${o.s.term} and got AppendEntries from ${from} for the same term`);
  if (o.s.role !== 'follower' || o.s.preVote !== null) becomeFollower(o, o.s.term, from);
  else resetElectionTimer(o);
  update(o, { leader: from, leaderSeenAt: o.ctx.now });
  const base = { type: 'AppendEntriesReply', term: o.s.term, reqTerm: m.term, prevLogIndex: m.prevLogIndex, count: m.entries.length } as const;
  if (!matchesAt(o.s.log, m.prevLogIndex, m.prevLogTerm)) {
    send(o, from, o.rules.fastBacktrack ? { ...base, success: false, ...conflictHint(o, m) } : { ...base, success: false });
    return;
  }
  const cut = firstConflict(o.s.log, m.prevLogIndex, m.entries);
  if (cut > 0) fact(o, { kind: 'truncate', index: cut, removed: lastIndex(o.s.log) - cut + 1 });
  const log = mergeEntries(o.s.log, m.prevLogIndex, m.entries);
  if (log !== o.s.log) {
    update(o, { log });
    persist(o);
  }
  if (m.leaderCommit > o.s.commitIndex) commitTo(o, Math.min(m.leaderCommit, m.prevLogIndex + m.entries.length));
  send(o, from, { ...base, success: true });
}

function onAccepted(o: Out, from: NodeId, m: AppendEntriesReply): void {
  const s = o.s;
  const reached = m.prevLogIndex + m.count;
  // The article takes the echoed values as they are (seed lines 221-222), even from a reordered
  // older reply; hardened never moves matchIndex back.
  const match = o.rules.fastBacktrack ? Math.max(s.matchIndex[from] ?? 0, reached) : reached;
  // The reply answers a request this leader sent in its term, from its log, which only grows while it leads.
  assert(match <= lastIndex(s.log), "raft: a leader's matchIndex never passes its own log's end");
  const next = o.rules.fastBacktrack ? Math.max(s.nextIndex[from] ?? 1, match + 1) : match + 1;
  // Most replies acknowledge a heartbeat and change nothing; they need no new maps.
  if (match === s.matchIndex[from] && next === s.nextIndex[from]) return;
  update(o, { matchIndex: { ...s.matchIndex, [from]: match }, nextIndex: { ...s.nextIndex, [from]: next } });
  maybeCommit(o);
  if (o.rules.fastBacktrack && next <= lastIndex(o.s.log)) sendAppend(o, from);
}

/** Hardened: jump to the end of the leader's entries of the conflicting term, or to the hint. */
function backtrackTo(o: Out, from: NodeId, m: AppendEntriesReply): number {
  const ofTerm = m.conflictTerm !== undefined && m.conflictTerm > 0 ? lastIndexOfTerm(o.s.log, m.conflictTerm) : 0;
  const wanted = ofTerm > 0 ? ofTerm + 1 : (m.conflictIndex ?? m.prevLogIndex);
  return Math.max((o.s.matchIndex[from] ?? 0) + 1, Math.min(wanted, m.prevLogIndex));
}

function onRejected(o: Out, from: NodeId, m: AppendEntriesReply): void {
  const s = o.s;
  let next: number;
  if (o.rules.fastBacktrack) {
    // A rejection of anything but the latest probe is stale: nextIndex has moved since.
    if (m.prevLogIndex + 1 !== s.nextIndex[from]) return;
    next = backtrackTo(o, from, m);
  } else {
    // Seed line 228: nextIndex = nextIdx - 1, one step back per rejection, retried on the next
    // heartbeat. (It cannot reach 0: a request with prevLogIndex 0 is only refused for its term.)
    next = Math.max(1, m.prevLogIndex);
  }
  update(o, { nextIndex: { ...s.nextIndex, [from]: next } });
  fact(o, { kind: 'next', peer: from, index: next });
  if (o.rules.fastBacktrack) sendAppend(o, from);
}

/**
 * Replies of an earlier term are dropped: in the article the lock is held across the RPC
 * (lines 176-204), so a reply is always handled by the leadership that sent the request.
 */
export function handleAppendReply(o: Out, from: NodeId, m: AppendEntriesReply): void {
  if (o.s.role !== 'leader' || m.reqTerm !== o.s.term) return;
  if (o.rules.checkQuorum && o.s.active[from] !== true) update(o, { active: { ...o.s.active, [from]: true } });
  if (m.success) onAccepted(o, from, m);
  else onRejected(o, from, m);
}
