/**
 * The leader's side of log replication (seed lines 151-249) and, for every role, committing and
 * applying: AppendEntries out, the commit rule, the key-value state machine and client answers.
 */
import type { JsonObject } from '../../sim/json';
import type { NodeId } from '../../sim/node';
import { assert } from '../assert';
import { quorum } from './config';
import { commandText, lastIndex, termAt } from './log';
import { fact, persist, result, send, update, type Out } from './out';
import type { Command, Entry } from './types';

/** AppendEntries to one peer from its nextIndex: a heartbeat when it is up to date. */
export function sendAppend(o: Out, peer: NodeId): void {
  const s = o.s;
  const next = s.nextIndex[peer] ?? lastIndex(s.log) + 1;
  const prev = next - 1;
  const entries = s.log.slice(prev, prev + o.rules.maxEntriesPerMessage);
  send(o, peer, { type: 'AppendEntries', term: s.term, prevLogIndex: prev, prevLogTerm: termAt(s.log, prev), entries, leaderCommit: s.commitIndex });
}

export function broadcastAppend(o: Out): void {
  for (const peer of o.ctx.peers) sendAppend(o, peer);
}

/** The leader appends a command of its term and persists it before sending it anywhere. */
export function appendToLog(o: Out, cmd: Command): number {
  const entry: Entry = { term: o.s.term, cmd };
  update(o, { log: [...o.s.log, entry] });
  persist(o);
  return lastIndex(o.s.log);
}

/**
 * Seed lines 232-249: the highest index stored on a majority whose entry is of the current term
 * becomes committed. Entries of earlier terms commit only with it (§5.4.2, Figure 8).
 * Returns whether the commit index moved.
 */
export function maybeCommit(o: Out): boolean {
  const s = o.s;
  const needed = quorum(o.ctx);
  for (let n = lastIndex(s.log); n > s.commitIndex; n--) {
    const term = termAt(s.log, n);
    if (term < s.term) break;
    if (term !== s.term) continue;
    let count = 1;
    for (const peer of o.ctx.peers) if ((s.matchIndex[peer] ?? 0) >= n) count++;
    if (count >= needed) {
      commitTo(o, n);
      return true;
    }
  }
  return false;
}

/** Moves the commit index up (never down) and applies what it covers. */
export function commitTo(o: Out, index: number): void {
  if (index <= o.s.commitIndex) return;
  assert(index <= lastIndex(o.s.log), "raft: an index is committed only once it is in the node's log");
  update(o, { commitIndex: index });
  fact(o, { kind: 'commit', index, term: o.s.term });
  applyCommitted(o);
}

/** Applies entries lastApplied+1..commitIndex in order; a leader answers its own clients. */
export function applyCommitted(o: Out): void {
  const s = o.s;
  if (s.lastApplied >= s.commitIndex) return;
  const kv = { ...s.kv };
  let pending = s.pending;
  for (let index = s.lastApplied + 1; index <= s.commitIndex; index++) {
    const entry = s.log[index - 1] as Entry;
    const cmd = entry.cmd;
    if (cmd.op === 'put') kv[cmd.key] = cmd.value;
    fact(o, { kind: 'apply', index, term: entry.term, cmd: commandText(cmd) });
    if (cmd.op !== 'noop' && cmd.id !== undefined && pending.includes(cmd.id)) {
      pending = pending.filter((id) => id !== cmd.id);
      const value: JsonObject | string | null | undefined = cmd.op === 'get' ? (kv[cmd.key] ?? null) : undefined;
      result(o, cmd.id, true, value);
    }
  }
  update(o, { kv, lastApplied: s.commitIndex, pending });
}
