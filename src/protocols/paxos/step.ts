/**
 * The single-decree Paxos node: acceptor and learner always, proposer too when its kind is
 * "proposer". Start, messages, timers and client commands in; the next state and effects out.
 */
import type { Protocol } from '../../sim/node';
import { assert, unreachable } from '../assert';
import { defineProtocol } from '../define';
import { onAccept, onPrepare, restoreAcceptor } from './acceptor';
import { onArticleReply } from './articleProposer';
import { compareBallots } from './ballot';
import { MAX_LOCKED, rulesOf, timing, type Rules } from './config';
import { learn } from './learner';
import { onCommand, onProposeTimer, startQueued } from './client';
import { cancelTimer, setTimer, type Out, type PaxosPersisted } from './out';
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
export function initialState(persisted: Partial<PaxosPersisted> | null, isProposer: boolean): PaxosState {
  return {
    acceptor: restoreAcceptor(persisted),
    proposer: isProposer ? { ...IDLE_PROPOSER, round: persisted?.round ?? 0 } : null,
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
    default:
      return unreachable(m, 'paxos: a message of no known type');
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

/** What holds after every step, in both variants; `given` is the state the step began with (none at a start). */
function invariants(o: Out<PaxosState>, given: PaxosState | undefined): void {
  if (given === undefined) return;
  assert(compareBallots(o.s.acceptor.promised, given.acceptor.promised) >= 0, "paxos: an acceptor's promise never falls while it runs");
  const chosen = given.learner.chosen;
  assert(chosen === null || o.s.learner.chosen === chosen, 'paxos: a learner never changes the value it learned');
}

/** Inputs other than a start; once the article's round is over, the requests that waited for its lock are served. */
function afterInput(o: Out<PaxosState>): void {
  if (o.rules.lockAcrossRound) releaseLock(o);
}

function paxosProtocol(kind: string, isProposer: boolean): Protocol<PaxosState> {
  return defineProtocol<PaxosState, Message, PaxosPersisted, Rules>({
    kind,
    rules: rulesOf,
    initial: (persisted) => initialState(persisted, isProposer),
    onStart: (_persisted, o) => onStart(o),
    onMessage(o, from, m) {
      onMessage(o, from, m);
      afterInput(o);
    },
    onTimer(o, name) {
      onTimer(o, name);
      afterInput(o);
    },
    onCommand(o, opId, cmd) {
      onCommand(o, opId, cmd);
      afterInput(o);
    },
    invariants,
  });
}

/** "proposer" nodes propose, accept and learn; "acceptor" nodes accept and learn. */
export const proposerProtocol = paxosProtocol('proposer', true);
export const acceptorProtocol = paxosProtocol('acceptor', false);
