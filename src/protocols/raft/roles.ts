/**
 * Role changes, each in one place (as in etcd-io/raft): what the node resets, which timers it
 * runs, what it persists and which facts it reports.
 */
import type { NodeId } from '../../sim/node';
import { clientIntervalMs, heartbeatMs, electionTimeoutMinMs, rpcTimeoutMs } from './config';
import { lastIndex, lastTerm } from './log';
import { cancelTimer, fact, persist, resetElectionTimer, send, setTimer, update, type Out } from './out';
import { appendToLog, broadcastAppend } from './replicate';
import { TIMER, votesTimer, type Role } from './types';

type Was = { readonly role: Role; readonly term: number };

function was(o: Out): Was {
  return { role: o.s.role, term: o.s.term };
}

function reportRole(o: Out, before: Was): void {
  if (o.s.role !== before.role || o.s.term !== before.term) fact(o, { kind: 'role', role: o.s.role, term: o.s.term });
}

function stopLeading(o: Out): void {
  cancelTimer(o, TIMER.heartbeat);
  cancelTimer(o, TIMER.checkQuorum);
  cancelTimer(o, TIMER.client);
}

/** Follows `leader` (null: unknown) in `term`; a new term clears the vote and is persisted. */
export function becomeFollower(o: Out, term: number, leader: NodeId | null): void {
  const before = was(o);
  const newTerm = term !== before.term;
  update(o, {
    role: 'follower',
    term,
    votedFor: newTerm ? null : o.s.votedFor,
    leader,
    leaderSeenAt: null,
    votes: {},
    preVote: null,
    nextIndex: {},
    matchIndex: {},
    active: {},
    pending: [],
  });
  reportRole(o, before);
  if (newTerm) persist(o);
  if (before.role === 'leader') stopLeading(o);
  resetElectionTimer(o);
}

/**
 * Hardened: asks for pre-votes for the next term without raising its own (dissertation §9.6).
 * A candidate whose election timed out goes back to follower for this (as etcd's PreCandidate
 * leaves the candidate state); its term and vote stay as they are.
 */
export function becomePreCandidate(o: Out): void {
  const before = was(o);
  const term = o.s.term + 1;
  update(o, { role: 'follower', leader: null, leaderSeenAt: null, votes: {}, preVote: { term, votes: { [o.ctx.id]: true } } });
  reportRole(o, before);
  fact(o, { kind: 'prevote', term });
  resetElectionTimer(o);
  const log = o.s.log;
  for (const peer of o.ctx.peers) send(o, peer, { type: 'PreVote', term, lastLogIndex: lastIndex(log), lastLogTerm: lastTerm(log) });
}

/**
 * Starts an election: a new term, a vote for itself, RequestVote to every peer (seed lines
 * 75-132). The article neither persists the term nor the vote here, and counts this election
 * in a `VoteCount` that ends when every peer answered or the RPC timeout fired.
 */
export function becomeCandidate(o: Out): void {
  const before = was(o);
  const term = before.term + 1;
  const me = o.ctx.id;
  update(o, { role: 'candidate', term, votedFor: me, leader: null, leaderSeenAt: null, votes: { [me]: true }, preVote: null });
  reportRole(o, before);
  fact(o, { kind: 'vote', term, for: me });
  if (o.rules.persistOwnVote) persist(o);
  if (!o.rules.countVotesPerTerm) {
    update(o, { counts: [...o.s.counts, { term, waiting: [...o.ctx.peers], granted: 1 }] });
    setTimer(o, votesTimer(term), rpcTimeoutMs(o.ctx));
  }
  resetElectionTimer(o);
  const log = o.s.log;
  for (const peer of o.ctx.peers) send(o, peer, { type: 'RequestVote', term, lastLogIndex: lastIndex(log), lastLogTerm: lastTerm(log) });
}

/** Seed lines 134-149: nextIndex past the end of its log, matchIndex 0, heartbeats at once. */
export function becomeLeader(o: Out): void {
  const before = was(o);
  const next = lastIndex(o.s.log) + 1;
  const nextIndex: Record<NodeId, number> = {};
  const matchIndex: Record<NodeId, number> = {};
  for (const peer of o.ctx.peers) {
    nextIndex[peer] = next;
    matchIndex[peer] = 0;
  }
  update(o, { role: 'leader', leader: o.ctx.id, leaderSeenAt: null, votes: {}, preVote: null, nextIndex, matchIndex, active: {}, pending: [] });
  reportRole(o, before);
  fact(o, { kind: 'leader', term: o.s.term });
  cancelTimer(o, TIMER.election);
  setTimer(o, TIMER.heartbeat, heartbeatMs(o.ctx));
  if (o.rules.checkQuorum) setTimer(o, TIMER.checkQuorum, electionTimeoutMinMs(o.ctx));
  if (clientIntervalMs(o.ctx) > 0) setTimer(o, TIMER.client, clientIntervalMs(o.ctx));
  if (o.rules.noopOnElection) appendToLog(o, { op: 'noop' });
  broadcastAppend(o);
}
