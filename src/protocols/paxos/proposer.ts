/**
 * The single-decree proposer's round: phase 1 (prepare, promises), phase 2 (accept, accepted),
 * then telling the learners. The rules (config.ts) make it the article's proposer or the
 * hardened one; the article's reply counting lives in articleProposer.ts.
 */
import type { Json } from '../../sim/json';
import { assert } from '../assert';
import { accept, promise } from './acceptor';
import { ballotOf, compareBallots, roundOf, type Ballot } from './ballot';
import { backoffDelayMs, MAX_ATTEMPTS, quorum, timing } from './config';
import { learn } from './learner';
import { broadcast, cancelTimer, fact, persist, result, setTimer, update, type Out } from './out';
import { TIMER, type AcceptedEntry, type PaxosState, type ProposerState } from './types';

export function proposer(o: Out<PaxosState>): ProposerState {
  const p = o.s.proposer;
  if (p === null) throw new Error(`${o.ctx.id} is not a proposer`);
  return p;
}

export function setProposer(o: Out<PaxosState>, change: Partial<ProposerState>): void {
  update(o, { proposer: { ...proposer(o), ...change } });
}

export function inRound(p: ProposerState | null): boolean {
  return p !== null && (p.phase === 'prepare' || p.phase === 'accept');
}

/** The round the next attempt will use: past its own rounds and, hardened, past any it saw. */
export function nextRound(p: ProposerState): number {
  return Math.max(p.round, p.seen) + 1;
}

function phaseFact(o: Out<PaxosState>, extra: Record<string, Json> = {}): void {
  const p = proposer(o);
  fact(o, { kind: 'phase', phase: p.phase, ballot: p.ballot, ...extra });
}

/** Keeps the highest-numbered accepted proposal reported for slot 0. */
export function withReport(p: ProposerState, entries: readonly AcceptedEntry[]): ProposerState['best'] {
  let best = p.best;
  for (const e of entries) {
    if (e.slot === 0 && (best === null || compareBallots(e.ballot, best.ballot) > 0)) best = { ballot: e.ballot, value: e.value };
  }
  return best;
}

/** Who has replied in a new phase: nobody yet, for the article that waits for all; nothing to track, hardened. */
function awaited(o: Out<PaxosState>): ProposerState['replied'] {
  return o.rules.majorityQuorum ? null : [];
}

/** Phase 1a. The round number is persisted first, so a restarted proposer never reuses one. */
export function startRound(o: Out<PaxosState>): void {
  const round = nextRound(proposer(o));
  const ballot = ballotOf(round, o.ctx.id);
  persist(o, 'round', round);
  // The article counts itself as one promise without asking its own acceptor (seed line 291).
  const self = o.rules.selfAsAcceptor ? [] : [o.ctx.id];
  setProposer(o, { phase: 'prepare', round, ballot, best: null, proposal: null, promises: self, accepts: [], replied: awaited(o) });
  phaseFact(o);
  if (o.rules.selfAsAcceptor) {
    const answer = promise(o, ballot, 0);
    if (!answer.ok) return preempted(o, answer.promised);
    setProposer(o, { promises: [o.ctx.id], best: withReport(proposer(o), answer.accepted) });
  }
  broadcast(o, { type: 'Prepare', ballot, slot: 0 });
  if (o.rules.majorityQuorum) setTimer(o, TIMER.phase, timing(o.ctx, 'phaseTimeoutMs'));
}

/** Phase 2a: the value of the highest-numbered proposal reported, or else its own. */
export function beginAccept(o: Out<PaxosState>): void {
  const p = proposer(o);
  assert(p.phase === 'prepare' && new Set(p.promises).size >= quorum(o.ctx), 'paxos: phase 2 begins only after a majority of distinct acceptors promised');
  const ballot = p.ballot as Ballot;
  const proposal = p.best === null ? p.value : p.best.value;
  // The article counts itself as one accept, again without its own acceptor (seed line 327).
  setProposer(o, { phase: 'accept', proposal, accepts: o.rules.selfAsAcceptor ? [] : [o.ctx.id], replied: awaited(o) });
  phaseFact(o, { value: proposal, adopted: p.best !== null && p.best.value !== p.value });
  if (o.rules.selfAsAcceptor) {
    const answer = accept(o, ballot, 0, proposal);
    if (!answer.ok) return preempted(o, answer.promised);
    setProposer(o, { accepts: [o.ctx.id] });
  }
  broadcast(o, { type: 'Accept', ballot, slot: 0, value: proposal });
  if (o.rules.majorityQuorum) setTimer(o, TIMER.phase, timing(o.ctx, 'phaseTimeoutMs'));
}

/** A majority accepted: the value is chosen. Learn it here and tell every other learner. */
export function decide(o: Out<PaxosState>): void {
  const p = proposer(o);
  assert(p.phase === 'accept' && new Set(p.accepts).size >= quorum(o.ctx), 'paxos: a value is chosen only once a majority of distinct acceptors accepted it');
  const ballot = p.ballot as Ballot;
  cancelTimer(o, TIMER.phase);
  setProposer(o, { phase: 'done', attempts: 0 });
  phaseFact(o, { value: p.proposal });
  learn(o, p.proposal, ballot);
  broadcast(o, { type: 'Learn', slot: 0, value: p.proposal, ballot });
  finish(o, p.proposal);
}

/** Answers the round's clients with the chosen value and arms the built-in client again. */
export function finish(o: Out<PaxosState>, value: string | null): void {
  for (const op of proposer(o).ops) result(o, op.opId, true, value);
  setProposer(o, { ops: [] });
  const everyMs = timing(o.ctx, 'autoProposeMs');
  if (everyMs > 0) setTimer(o, TIMER.propose, everyMs * (0.5 + o.ctx.random()));
}

/** The round failed: retry after a backoff (none in the article), or give up after too many. */
export function failRound(o: Out<PaxosState>): void {
  const p = proposer(o);
  cancelTimer(o, TIMER.phase);
  const attempts = p.attempts + 1;
  if (attempts >= MAX_ATTEMPTS) {
    for (const op of p.ops) result(o, op.opId, false, `gave up after ${attempts} rounds`);
    setProposer(o, { phase: 'idle', attempts: 0, ops: [] });
    return phaseFact(o);
  }
  setProposer(o, { phase: 'backoff', attempts });
  const delayMs = backoffDelayMs(o.ctx, o.rules, attempts);
  phaseFact(o, { retryInMs: delayMs });
  setTimer(o, TIMER.retry, delayMs);
}

/** Someone promised a higher ballot: hardened, remember its round (to jump past it) and give up this round. */
export function preempted(o: Out<PaxosState>, promised: Ballot | null): void {
  const p = proposer(o);
  const seen = promised === null ? p.seen : Math.max(p.seen, roundOf(promised));
  setProposer(o, { seen });
  failRound(o);
}

/** Hardened: after its own acceptor promised a rival a higher ballot, this round cannot win. */
export function checkOwnAcceptor(o: Out<PaxosState>): void {
  const p = o.s.proposer;
  if (!o.rules.abandonWhenPreempted || p === null || !inRound(p)) return;
  const promised = o.s.acceptor.promised;
  if (compareBallots(promised, p.ballot) > 0) preempted(o, promised);
}

/** Hardened: count a promise once per acceptor; a majority starts phase 2. */
export function onPromise(o: Out<PaxosState>, from: string, entries: readonly AcceptedEntry[]): void {
  const p = proposer(o);
  if (p.promises.includes(from)) return;
  setProposer(o, { promises: [...p.promises, from], best: withReport(p, entries) });
  if (proposer(o).promises.length >= quorum(o.ctx)) beginAccept(o);
}

/** Hardened: count an accept once per acceptor; a majority means chosen. */
export function onAccepted(o: Out<PaxosState>, from: string): void {
  const p = proposer(o);
  if (p.accepts.includes(from)) return;
  setProposer(o, { accepts: [...p.accepts, from] });
  if (proposer(o).accepts.length >= quorum(o.ctx)) decide(o);
}
