/**
 * The single-decree Paxos node: acceptor and learner always, proposer too when its kind is
 * "proposer". Start, messages, timers and client commands in; the next state and effects out.
 */
import type { NodeInput, PersistedData, StepContext, StepOutput } from '../../sim/node';
import { onAccept, onPrepare, restoreAcceptor } from './acceptor';
import { onArticleReply } from './articleProposer';
import { MAX_LOCKED, timing } from './config';
import { learn } from './learner';
import { onCommand, onProposeTimer, startQueued } from './client';
import { cancelTimer, outFor, setTimer, type Out } from './out';
import { checkOwnAcceptor, failRound, finish, inRound, onAccepted, onPromise, preempted, proposer, setProposer, startRound } from './proposer';
import { TIMER, type Message, type PaxosState, type ProposerState } from './types';

export const IDLE_PROPOSER: ProposerState = {
  phase: 'idle',
  round: 0,
  seen: 0,
  ballot: null,
  value: null,
  proposal: null,
  best: null,
  promises: [],
  accepts: [],
  replied: null,
  attempts: 0,
  ops: [],
  queue: [],
  locked: [],
};

/** A fresh node, or a restarted one with exactly what it persisted (nothing, if its acceptor is forgetful). */
export function initialState(persisted: PersistedData | null, isProposer: boolean): PaxosState {
  const round = persisted?.['round'];
  return {
    acceptor: restoreAcceptor(persisted),
    proposer: isProposer ? { ...IDLE_PROPOSER, round: typeof round === 'number' ? round : 0 } : null,
    learner: { chosen: null },
  };
}

function onStart(o: Out<PaxosState>): void {
  const everyMs = timing(o.ctx, 'autoProposeMs');
  if (o.s.proposer !== null && everyMs > 0) setTimer(o, TIMER.propose, everyMs * o.ctx.random());
}

/** The article's lock: while its round runs, requests from other nodes wait (a bounded queue). */
function waitsForLock(o: Out<PaxosState>, m: Message): boolean {
  return o.rules.lockAcrossRound && inRound(o.s.proposer) && (m.type === 'Prepare' || m.type === 'Accept' || m.type === 'Learn');
}

function onLearn(o: Out<PaxosState>, value: string | null, ballot: string): void {
  const news = learn(o, value, ballot);
  const p = o.s.proposer;
  if (!news || !o.rules.finishOnLearn || p === null || (p.phase !== 'prepare' && p.phase !== 'accept' && p.phase !== 'backoff')) return;
  // Hardened: the decree is decided, so this proposer's clients get the chosen value now.
  cancelTimer(o, TIMER.phase);
  cancelTimer(o, TIMER.retry);
  setProposer(o, { phase: 'done', attempts: 0 });
  finish(o, o.s.learner.chosen?.value ?? value);
}

function onReply(o: Out<PaxosState>, from: string, m: Extract<Message, { type: 'Promise' | 'Accepted' | 'Nack' }>): void {
  const p = o.s.proposer;
  if (p === null || !inRound(p)) return;
  if (!o.rules.majorityQuorum) return onArticleReply(o, from, m);
  if (m.ballot !== p.ballot) return;
  if (m.type === 'Promise' && p.phase === 'prepare') return onPromise(o, from, m.accepted);
  if (m.type === 'Accepted' && p.phase === 'accept') return onAccepted(o, from);
  if (m.type === 'Nack' && o.rules.abandonWhenPreempted) preempted(o, m.promised ?? null);
}

function onMessage(o: Out<PaxosState>, from: string, m: Message): void {
  if (waitsForLock(o, m)) {
    const p = proposer(o);
    if (p.locked.length < MAX_LOCKED) setProposer(o, { locked: [...p.locked, { from, msg: m }] });
    return;
  }
  switch (m.type) {
    case 'Prepare':
      onPrepare(o, from, m);
      return checkOwnAcceptor(o);
    case 'Accept':
      onAccept(o, from, m);
      return checkOwnAcceptor(o);
    case 'Promise':
    case 'Accepted':
    case 'Nack':
      return onReply(o, from, m);
    case 'Learn':
      return onLearn(o, m.value, m.ballot);
    case 'Heartbeat':
    case 'CatchUp':
      return; // Multi-Paxos only.
  }
}

function onTimer(o: Out<PaxosState>, name: string): void {
  const p = o.s.proposer;
  if (p === null) return;
  if (name === TIMER.phase && inRound(p)) return failRound(o);
  if (name === TIMER.retry && p.phase === 'backoff') return startRound(o);
  if (name === TIMER.propose) onProposeTimer(o);
}

/** Once the article's round is over, the requests that waited for its lock are served in order. */
function releaseLock(o: Out<PaxosState>): void {
  while (o.s.proposer !== null && !inRound(o.s.proposer) && o.s.proposer.locked.length > 0) {
    const [first, ...rest] = o.s.proposer.locked;
    setProposer(o, { locked: rest });
    if (first !== undefined) onMessage(o, first.from, first.msg);
  }
  startQueued(o);
}

export function paxosStep(isProposer: boolean) {
  return (state: PaxosState | undefined, input: NodeInput, ctx: StepContext): StepOutput<PaxosState> => {
    if (input.kind === 'start') {
      const o = outFor(initialState(input.persisted, isProposer), ctx);
      onStart(o);
      return { state: o.s, effects: o.fx };
    }
    if (state === undefined) throw new Error('stepped before start');
    const o = outFor(state, ctx);
    if (input.kind === 'message') onMessage(o, input.from, input.msg as unknown as Message);
    else if (input.kind === 'timer') onTimer(o, input.name);
    else onCommand(o, input.opId, input.cmd);
    if (o.rules.lockAcrossRound) releaseLock(o);
    return { state: o.s, effects: o.fx };
  };
}
