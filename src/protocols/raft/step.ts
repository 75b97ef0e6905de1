/**
 * The Raft node's step function: start, timers, messages and client commands in, the next state
 * and effects out. Term rules common to every message are here; the rest is dispatched.
 */
import type { JsonObject } from '../../sim/json';
import type { NodeId, NodeInput, PersistedData, StepContext, StepOutput } from '../../sim/node';
import { electionTimeoutMinMs } from './config';
import { handleAppendEntries, handleAppendReply } from './appendEntries';
import { onArticleVoteReply, onArticleVotesTimeout } from './articleVotes';
import { handleCommand, onClientTick } from './client';
import { handlePreVote, handlePreVoteReply, handleRequestVote, handleVoteReply, onElectionTimeout } from './election';
import { onCheckQuorum, onHeartbeat } from './leaderTicks';
import { fact, outFor, resetElectionTimer, send, type Out } from './out';
import { becomeFollower } from './roles';
import { TIMER, type Entry, type Message, type RaftState } from './types';

/** A fresh node, or a restarted one with exactly what it persisted and nothing else. */
export function initialState(persisted: PersistedData | null): RaftState {
  const term = persisted?.['term'];
  const votedFor = persisted?.['votedFor'];
  const log = persisted?.['log'];
  return {
    role: 'follower',
    term: typeof term === 'number' ? term : 0,
    votedFor: typeof votedFor === 'string' ? votedFor : null,
    log: Array.isArray(log) ? (log as unknown as Entry[]) : [],
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

function onStart(persisted: PersistedData | null, ctx: StepContext): StepOutput<RaftState> {
  const o = outFor(initialState(persisted), ctx);
  fact(o, { kind: 'role', role: 'follower', term: o.s.term });
  resetElectionTimer(o);
  return { state: o.s, effects: o.fx };
}

export function raftStep(state: RaftState | undefined, input: NodeInput, ctx: StepContext): StepOutput<RaftState> {
  if (input.kind === 'start') return onStart(input.persisted, ctx);
  if (state === undefined) throw new Error('raft: stepped before start');
  const o = outFor(state, ctx);
  switch (input.kind) {
    case 'message':
      onMessage(o, input.from, input.msg as unknown as Message);
      break;
    case 'timer':
      onTimer(o, input.name);
      break;
    case 'command':
      handleCommand(o, input.opId, input.cmd as JsonObject);
      break;
  }
  return { state: o.s, effects: o.fx };
}
