/**
 * The Raft node's step function: start, timers, messages and client commands in, the next state
 * and effects out. Term rules common to every message are here; the rest is dispatched.
 */
import type { NodeId } from '../../sim/node';
import { assert } from '../assert';
import { defineProtocol } from '../define';
import { electionTimeoutMinMs, rulesOf, type Rules } from './config';
import { handleAppendEntries, handleAppendReply } from './appendEntries';
import { onArticleVoteReply, onArticleVotesTimeout } from './articleVotes';
import { handleCommand, onClientTick } from './client';
import { handlePreVote, handlePreVoteReply, handleRequestVote, handleVoteReply, onElectionTimeout } from './election';
import { onCheckQuorum, onHeartbeat } from './leaderTicks';
import { fact, resetElectionTimer, send, type Out, type RaftPersisted } from './out';
import { becomeFollower } from './roles';
import { TIMER, type Message, type RaftState } from './types';

/** A fresh node, or a restarted one with exactly what it persisted and nothing else. */
export function initialState(persisted: Partial<RaftPersisted> | null): RaftState {
  return {
    role: 'follower',
    term: persisted?.term ?? 0,
    votedFor: persisted?.votedFor ?? null,
    log: persisted?.log ?? [],
    commitIndex: 0,
    lastApplied: 0,
    kv: {},
    leader: null,
    leaderSeenAt: null,
    votes: {},
    preVote: null,
    counts: [],
    nextIndex: {},
    matchIndex: {},
    active: {},
    pending: [],
  };
}

/** Hardened lease: it heard from a leader within the minimum election timeout (or leads). */
function inLease(o: Out): boolean {
  const s = o.s;
  if (!o.rules.checkQuorum) return false;
  if (s.role === 'leader') return true;
  return s.leader !== null && s.leaderSeenAt !== null && o.ctx.now - s.leaderSeenAt < electionTimeoutMinMs(o.ctx);
}

/**
 * Rules for a message from a later term. Returns false when the message is to be ignored: a
 * hardened node that hears from its leader ignores vote requests (§9.6), so a node that was cut
 * off cannot depose a healthy leader. Pre-votes never change anyone's term.
 */
function onHigherTerm(o: Out, from: NodeId, m: Message): boolean {
  if ((m.type === 'RequestVote' || m.type === 'PreVote') && inLease(o)) return false;
  if (m.type === 'PreVote' || (m.type === 'PreVoteReply' && m.granted)) return true;
  becomeFollower(o, m.term, m.type === 'AppendEntries' ? from : null);
  return true;
}

/** A message from an earlier term: tell the sender our term where that helps it, else drop it. */
function onLowerTerm(o: Out, from: NodeId, m: Message): void {
  if (m.type === 'RequestVote') handleRequestVote(o, from, m);
  else if (m.type === 'PreVote') handlePreVote(o, from, m);
  else if (m.type === 'AppendEntries') {
    send(o, from, { type: 'AppendEntriesReply', term: o.s.term, reqTerm: m.term, success: false, prevLogIndex: m.prevLogIndex, count: m.entries.length });
  }
}

function dispatch(o: Out, from: NodeId, m: Message): void {
  switch (m.type) {
    case 'RequestVote':
      return handleRequestVote(o, from, m);
    case 'PreVote':
      return handlePreVote(o, from, m);
    case 'RequestVoteReply':
      return handleVoteReply(o, from, m);
    case 'PreVoteReply':
      return handlePreVoteReply(o, from, m);
    case 'AppendEntries':
      return handleAppendEntries(o, from, m);
    case 'AppendEntriesReply':
      return handleAppendReply(o, from, m);
  }
}

function onMessage(o: Out, from: NodeId, m: Message): void {
  // The article's counter takes every vote reply without looking at its term (seed line 105).
  if (m.type === 'RequestVoteReply' && !o.rules.countVotesPerTerm) return onArticleVoteReply(o, from, m);
  if (m.term > o.s.term && !onHigherTerm(o, from, m)) return;
  if (m.term < o.s.term) return onLowerTerm(o, from, m);
  dispatch(o, from, m);
}

function onTimer(o: Out, name: string): void {
  if (name === TIMER.election) return onElectionTimeout(o);
  if (name === TIMER.heartbeat) return onHeartbeat(o);
  if (name === TIMER.checkQuorum) return onCheckQuorum(o);
  if (name === TIMER.client) return onClientTick(o);
  if (name.startsWith('votes:')) return onArticleVotesTimeout(o, Number(name.slice('votes:'.length)));
}

/** What holds after every step, in both variants; `given` is the state the step began with (none at a start). */
function invariants(o: Out, given: RaftState | undefined): void {
  const s = o.s;
  assert(given === undefined || s.term >= given.term, 'raft: a term never goes down while a node runs');
  assert(given === undefined || s.commitIndex >= given.commitIndex, 'raft: commitIndex never moves back while a node runs');
  assert(s.lastApplied === s.commitIndex, 'raft: a step applies every entry it commits');
  assert(s.role === 'follower' || s.votedFor === o.ctx.id, 'raft: a candidate or leader voted for itself in its term');
  assert(s.role !== 'leader' || s.leader === o.ctx.id, 'raft: a leader knows itself as the leader of its term');
  assert(s.preVote === null || s.preVote.term === s.term + 1, 'raft: a pre-vote campaign is for the term after the current one');
}

export const raftProtocol = defineProtocol<RaftState, Message, RaftPersisted, Rules>({
  kind: 'raft',
  rules: rulesOf,
  initial: (persisted) => initialState(persisted),
  onStart(_persisted, o) {
    fact(o, { kind: 'role', role: 'follower', term: o.s.term });
    resetElectionTimer(o);
  },
  onMessage,
  onTimer,
  onCommand: handleCommand,
  invariants,
});
