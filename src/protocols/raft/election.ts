/**
 * Elections: the election timeout, answering RequestVote and PreVote, and the hardened way of
 * counting replies (once per voter, for the current term only). The article's counting is in
 * articleVotes.ts.
 */
import type { NodeId } from '../../sim/node';
import { quorum } from './config';
import { isUpToDate } from './log';
import { fact, persist, resetElectionTimer, send, update, type Out } from './out';
import { becomeCandidate, becomeFollower, becomeLeader, becomePreCandidate } from './roles';
import type { PreVote, PreVoteReply, RequestVote, RequestVoteReply } from './types';

/** The election timer fired (or a client forced it): campaign, unless this node leads. */
export function onElectionTimeout(o: Out): void {
  if (o.s.role === 'leader') return;
  if (o.rules.preVote) becomePreCandidate(o);
  else becomeCandidate(o);
}

/**
 * Figure 2, RequestVote receiver, called with m.term at most the node's term (a higher term
 * made it a follower first): grant if it has not voted for another candidate in this term and
 * the candidate's log is at least as up to date. The vote is persisted before the reply.
 */
export function handleRequestVote(o: Out, from: NodeId, m: RequestVote): void {
  const s = o.s;
  const reply = { type: 'RequestVoteReply', term: s.term, reqTerm: m.term } as const;
  const free = s.votedFor === null || s.votedFor === from;
  if (m.term < s.term || !free || !isUpToDate(s.log, m.lastLogIndex, m.lastLogTerm)) {
    send(o, from, { ...reply, granted: false });
    return;
  }
  if (s.votedFor === null) {
    update(o, { votedFor: from });
    fact(o, { kind: 'vote', term: s.term, for: from });
    persist(o);
  }
  resetElectionTimer(o);
  send(o, from, { ...reply, granted: true });
}

/** Hardened: a pre-vote changes nothing here; it is granted for a later term and a good log. */
export function handlePreVote(o: Out, from: NodeId, m: PreVote): void {
  const s = o.s;
  const granted = m.term > s.term && isUpToDate(s.log, m.lastLogIndex, m.lastLogTerm);
  send(o, from, { type: 'PreVoteReply', term: granted ? m.term : s.term, reqTerm: m.term, granted });
}

function tally(votes: Readonly<Record<NodeId, boolean>>): { yes: number; no: number } {
  let yes = 0;
  let no = 0;
  for (const granted of Object.values(votes)) {
    if (granted) yes++;
    else no++;
  }
  return { yes, no };
}

/** Hardened: each voter counts once, and only for the election of the current term. */
export function handleVoteReply(o: Out, from: NodeId, m: RequestVoteReply): void {
  if (o.s.role !== 'candidate' || m.reqTerm !== o.s.term || m.term !== o.s.term) return;
  update(o, { votes: { ...o.s.votes, [from]: m.granted } });
  const { yes, no } = tally(o.s.votes);
  if (yes >= quorum(o.ctx)) becomeLeader(o);
  else if (no >= quorum(o.ctx)) becomeFollower(o, o.s.term, null);
}

export function handlePreVoteReply(o: Out, from: NodeId, m: PreVoteReply): void {
  const campaign = o.s.preVote;
  if (campaign === null || o.s.role !== 'follower' || m.reqTerm !== campaign.term) return;
  update(o, { preVote: { term: campaign.term, votes: { ...campaign.votes, [from]: m.granted } } });
  const { yes, no } = tally((o.s.preVote ?? campaign).votes);
  if (yes >= quorum(o.ctx)) becomeCandidate(o);
  else if (no >= quorum(o.ctx)) update(o, { preVote: null });
}
