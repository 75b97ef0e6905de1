/**
 * The article's reply counting (seed lines 307-324 and 342-356): in each phase the proposer reads
 * exactly one reply from every other node before it looks at the count, and it has no timeout.
 * So a dead acceptor, or one lost message, leaves it waiting for good; and because it holds its
 * lock meanwhile (config.ts, `lockAcrossRound`), the node answers no one else either.
 */
import { beginAccept, decide, failRound, proposer, setProposer, withReport } from './proposer';
import type { Out } from './out';
import type { Accepted, Nack, PaxosState, PromiseMsg } from './types';

/** `count > nodes/2` with Go's integer division, as the seed tests it (lines 322, 349). */
function majority(o: Out<PaxosState>, count: number): boolean {
  return count > Math.floor((o.ctx.peers.length + 1) / 2);
}

export function onArticleReply(o: Out<PaxosState>, from: string, m: PromiseMsg | Accepted | Nack): void {
  const p = proposer(o);
  const before = p.replied ?? [];
  if (m.ballot !== p.ballot || before.includes(from)) return;
  const replied = [...before, from];
  if (p.phase === 'prepare' && m.type !== 'Accepted') {
    const ok = m.type === 'Promise';
    setProposer(o, { replied, promises: ok ? [...p.promises, from] : p.promises, best: ok ? withReport(p, m.accepted) : p.best });
    if (replied.length < o.ctx.peers.length) return;
    return majority(o, proposer(o).promises.length) ? beginAccept(o) : failRound(o);
  }
  if (p.phase === 'accept' && m.type !== 'Promise') {
    setProposer(o, { replied, accepts: m.type === 'Accepted' ? [...p.accepts, from] : p.accepts });
    if (replied.length < o.ctx.peers.length) return;
    return majority(o, proposer(o).accepts.length) ? decide(o) : failRound(o);
  }
}
