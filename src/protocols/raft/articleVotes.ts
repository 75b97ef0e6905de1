/**
 * The article's vote counting (seed lines 93-128). Each election gets a counter that waits for
 * every peer to answer or time out, then, without looking at any term, makes the node leader if
 * a majority said yes and the node is a candidate *now*, possibly of a later term than the one
 * those votes were for. That is the stale-vote bug the lab shows.
 */
import type { NodeId } from '../../sim/node';
import { quorum } from './config';
import { cancelTimer, fact, update, type Out } from './out';
import { becomeLeader } from './roles';
import { votesTimer, type RequestVoteReply, type VoteCount } from './types';

function finish(o: Out, count: VoteCount): void {
  update(o, { counts: o.s.counts.filter((c) => c.term !== count.term) });
  fact(o, { kind: 'tally', term: count.term, granted: count.granted, cluster: o.ctx.peers.length + 1 });
  // Line 125: the only checks are the number of votes and the role, not the term.
  if (count.granted >= quorum(o.ctx) && o.s.role === 'candidate') becomeLeader(o);
}

/** One peer's reply reaches the counter of the election it answers (the goroutine's channel). */
export function onArticleVoteReply(o: Out, from: NodeId, m: RequestVoteReply): void {
  const count = o.s.counts.find((c) => c.term === m.reqTerm);
  if (count === undefined || !count.waiting.includes(from)) return;
  const next: VoteCount = { term: count.term, waiting: count.waiting.filter((p) => p !== from), granted: count.granted + (m.granted ? 1 : 0) };
  update(o, { counts: o.s.counts.map((c) => (c.term === count.term ? next : c)) });
  if (next.waiting.length > 0) return;
  cancelTimer(o, votesTimer(next.term));
  finish(o, next);
}

/** The RPC timeout: every peer that has not answered counts as a "no" (line 108). */
export function onArticleVotesTimeout(o: Out, term: number): void {
  const count = o.s.counts.find((c) => c.term === term);
  if (count !== undefined) finish(o, count);
}
