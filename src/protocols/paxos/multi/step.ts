/**
 * The Multi-Paxos node's step function: acceptor and learner always, a would-be leader too when
 * its kind is "proposer".
 */
import type { Protocol } from '../../../sim/node';
import { assert, unreachable } from '../../assert';
import { defineProtocol } from '../../define';
import { onAccept, onPrepare, restoreAcceptor } from '../acceptor';
import { compareBallots, roundOf } from '../ballot';
import { rulesOf, timing, type Rules } from '../config';
import { send, setTimer, update, type Out, type PaxosPersisted } from '../out';
import type { Message } from '../types';
import { onClientTimer, onCommand } from './client';
import { campaign, onCandidatePromise } from './election';
import { resetElectionTimer, setLead, stepDown } from './lead';
import { learnSlot, onCatchUp } from './log';
import { onLeaderAccepted, resendAccepts, sendHeartbeats, settleFromLearn } from './replicate';
import { MTIMER, type LeadState, type MultiState } from './types';

export const FOLLOWER: LeadState = { role: 'follower', round: 0, seen: 0, ballot: null, from: 0, promises: [], recovered: {}, nextSlot: 0, inflight: {}, submitted: 0 };

export function initialMultiState(persisted: Partial<PaxosPersisted> | null, leads: boolean): MultiState {
  return {
    acceptor: restoreAcceptor(persisted),
    log: { chosen: {}, applied: 0 },
    lead: leads ? { ...FOLLOWER, round: persisted?.round ?? 0 } : null,
    leader: null,
    leaderBallot: null,
  };
}

function onStart(o: Out<MultiState>): void {
  if (o.s.lead === null) return;
  resetElectionTimer(o);
  const everyMs = timing(o.ctx, 'clientIntervalMs');
  if (everyMs > 0) setTimer(o, MTIMER.client, everyMs);
}

/** After our acceptor promised or accepted a higher ballot, our own leadership or campaign is over. */
function checkOwnAcceptor(o: Out<MultiState>): void {
  const l = o.s.lead;
  const promised = o.s.acceptor.promised;
  if (l === null || l.role === 'follower' || compareBallots(promised, l.ballot) <= 0) return;
  stepDown(o, promised);
}

function onHeartbeat(o: Out<MultiState>, from: string, ballot: string, chosenThrough: number): void {
  const promised = o.s.acceptor.promised;
  if (compareBallots(ballot, promised) < 0) {
    // A leader from before our latest promise: tell it, so it stops.
    send(o, from, { type: 'Nack', ballot, slot: -1, ...(promised === null ? {} : { promised }) });
    return;
  }
  // The common case, a heartbeat from the leader it already follows, changes no state.
  if (o.s.leader !== from || o.s.leaderBallot !== ballot) update(o, { leader: from, leaderBallot: ballot });
  const l = o.s.lead;
  if (l !== null && l.role !== 'follower' && compareBallots(l.ballot, ballot) < 0) stepDown(o, ballot);
  else if (l !== null && l.role === 'follower') resetElectionTimer(o);
  const follower = o.s.lead;
  if (follower !== null && follower.role === 'follower' && follower.seen < roundOf(ballot)) setLead(o, { seen: roundOf(ballot) });
  if (o.s.log.applied < chosenThrough) send(o, from, { type: 'CatchUp', slot: o.s.log.applied });
}

function onReply(o: Out<MultiState>, from: string, m: Extract<Message, { type: 'Promise' | 'Accepted' | 'Nack' }>): void {
  const l = o.s.lead;
  if (l === null || l.role === 'follower' || m.ballot !== l.ballot) return;
  if (m.type === 'Promise') return onCandidatePromise(o, from, m.accepted);
  if (m.type === 'Accepted') return onLeaderAccepted(o, from, m.ballot, m.slot);
  stepDown(o, m.promised ?? null);
}

function onMessage(o: Out<MultiState>, from: string, m: Message): void {
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
      learnSlot(o, m.slot, m.value, m.ballot);
      return settleFromLearn(o, m.slot, m.value);
    case 'Heartbeat':
      return onHeartbeat(o, from, m.ballot, m.chosenThrough);
    case 'CatchUp':
      return onCatchUp(o, from, m.slot);
    default:
      return unreachable(m, 'multi-paxos: a message of no known type');
  }
}

function onTimer(o: Out<MultiState>, name: string): void {
  const l = o.s.lead;
  if (l === null) return;
  if (name === MTIMER.election && l.role === 'follower') return campaign(o);
  if (name === MTIMER.phase && l.role === 'candidate') return stepDown(o, null);
  if (name === MTIMER.client) return onClientTimer(o);
  if (name === MTIMER.heartbeat && l.role === 'leader') {
    sendHeartbeats(o);
    resendAccepts(o);
    setTimer(o, MTIMER.heartbeat, timing(o.ctx, 'heartbeatMs'));
  }
}

/** What holds after every step; `given` is the state the step began with (none at a start). */
function invariants(o: Out<MultiState>, given: MultiState | undefined): void {
  const { acceptor, log, lead } = o.s;
  assert(given === undefined || compareBallots(acceptor.promised, given.acceptor.promised) >= 0, "multi-paxos: an acceptor's promise never falls while it runs");
  assert(given === undefined || log.applied >= given.log.applied, 'multi-paxos: a learner never unapplies a slot');
  // A higher promise of its own acceptor ends its campaign or leadership in the same step.
  assert(lead === null || lead.role === 'follower' || acceptor.promised === lead.ballot, "multi-paxos: a candidate or leader holds its own acceptor's promise");
  assert(lead === null || lead.nextSlot <= timing(o.ctx, 'maxSlots'), 'multi-paxos: a leader never proposes past maxSlots');
}

function multiPaxosProtocol(kind: string, leads: boolean): Protocol<MultiState> {
  return defineProtocol<MultiState, Message, PaxosPersisted, Rules>({
    kind,
    rules: rulesOf,
    initial: (persisted) => initialMultiState(persisted, leads),
    onStart: (_persisted, o) => onStart(o),
    onMessage,
    onTimer,
    onCommand,
    invariants,
  });
}

/** "proposer" nodes may lead; "acceptor" nodes accept and learn. */
export const multiProposerProtocol = multiPaxosProtocol('proposer', true);
export const multiAcceptorProtocol = multiPaxosProtocol('acceptor', false);
