/**
 * The lock client node: contends for lock L on the run's Redis servers (one: a single-instance
 * lock; five: RedLock), holds it while it works and writes to the storage, then releases it.
 * With `autoStart` on it does so in a loop, starting `startGapMs` after the client before it;
 * the page's and scenarios' `acquire` and `release` commands drive it too.
 */
import type { JsonObject } from '../../sim/json';
import type { StepContext } from '../../sim/node';
import { assert, notAddressedTo } from '../assert';
import { defineProtocol } from '../define';
import { num, rulesOf } from './config';
import { takePending } from './clientOut';
import { answer, beginAttempt, beginCycle, finishRound, onSetReply, panic } from './acquire';
import { onLeaseTimer, onWorkTimer, onWritten, releaseHold } from './hold';
import { result, setTimer, update, type ClientOut, type ClientPersisted } from './out';
import { onRaiseReply } from './raiseToken';
import { onReleaseReply } from './release';
import { onInstanceTick, onRenewReply, onRenewTick } from './renewal';
import type { ClientState, LockMessage, RedisResult } from './types';

export const IDLE_CLIENT: ClientState = {
  phase: 'idle',
  cycle: 0,
  attempt: 0,
  hold: 0,
  value: null,
  token: null,
  round: 0,
  roundStartedAt: null,
  granted: {},
  answered: [],
  raised: null,
  leaseUntil: null,
  renewing: null,
  tickers: {},
  stopClosed: false,
  panic: null,
  written: 0,
  nextRid: 1,
  pending: {},
  opId: null,
};

/** c1 starts first, c2 `startGapMs` later, and so on. */
function startDelayMs(ctx: StepContext): number {
  const index = Number(ctx.id.replace(/^\D+/, ''));
  return Number.isFinite(index) && index > 0 ? (index - 1) * num(ctx, 'startGapMs') : 0;
}

function onReply(o: ClientOut, from: string, rid: number, res: RedisResult): void {
  const pending = takePending(o, rid);
  if (pending === null || pending.server !== from) return;
  const n = typeof res === 'number' ? res : 0;
  switch (pending.purpose) {
    case 'set':
      return onSetReply(o, from, pending.round, res !== null && typeof res === 'object' ? res.token : null);
    case 'raise':
      return onRaiseReply(o, from, pending.round, n);
    case 'renew':
      return onRenewReply(o, from, pending.round, n);
    case 'release':
      return onReleaseReply(o, from, n);
  }
}

function onMessage(o: ClientOut, from: string, m: LockMessage): void {
  switch (m.type) {
    case 'reply':
      return onReply(o, from, m.rid, m.result);
    case 'written':
      return onWritten(o, m.hold, m.part, m.accepted);
    case 'cmd':
    case 'write':
      return notAddressedTo('lock client', m.type);
  }
}

function onTimer(o: ClientOut, name: string): void {
  if (name === 'cycle' && (o.s.phase === 'idle' || o.s.phase === 'thinking')) beginCycle(o);
  else if (name === 'round') finishRound(o);
  else if (name === 'retry' && o.s.phase === 'retry-wait') beginAttempt(o);
  else if (name === 'work') onWorkTimer(o);
  else if (name === 'lease') onLeaseTimer(o);
  else if (name === 'renew') onRenewTick(o);
  else if (name.startsWith('renew:')) onInstanceTick(o, name.slice('renew:'.length));
}

function onCommand(o: ClientOut, opId: string, cmd: JsonObject): void {
  const op = cmd['op'];
  if (op === 'acquire') {
    if (o.s.phase !== 'idle' && o.s.phase !== 'thinking') return result(o, opId, false, `busy: ${o.s.phase}`);
    answer(o, false, 'superseded');
    update(o, { opId });
    return beginCycle(o);
  }
  if (op === 'release') {
    if (o.s.phase === 'holding') {
      releaseHold(o);
      return result(o, opId, true);
    }
    // The article's Unlock on a lock already unlocked closes its stop channel again: a panic.
    if (rulesOf(o.ctx).renewalPerInstance && o.s.stopClosed) {
      panic(o, 'close of closed channel: Unlock called twice');
      return result(o, opId, false, 'panic: close of closed channel');
    }
    return result(o, opId, false, 'not holding the lock');
  }
  result(o, opId, false, `unknown op ${JSON.stringify(op)}; valid: acquire, release`);
}

/** What holds after every step, in both variants; `given` is the state the step began with (none at a start). */
function invariants(o: ClientOut, given: ClientState | undefined): void {
  const s = o.s;
  assert(given === undefined || s.hold >= given.hold, "locks: a client's count of holds never goes down");
  assert(s.phase !== 'holding' || (s.token !== null && s.token >= 1), 'locks: a holder has the token its acquisition won');
  assert(s.written <= num(o.ctx, 'writes'), 'locks: a holder writes at most `writes` parts of its work');
}

export const lockClientProtocol = defineProtocol<ClientState, LockMessage, ClientPersisted>({
  kind: 'client',
  // After a restart the client is a new process that holds nothing; it keeps only how many
  // holds it had, so its writes from before and after the restart are never taken for one hold.
  initial: (persisted) => ({ ...IDLE_CLIENT, hold: persisted?.holds ?? 0 }),
  onStart(persisted, o) {
    if (o.ctx.params['autoStart'] !== false) setTimer(o, 'cycle', persisted === null ? startDelayMs(o.ctx) : num(o.ctx, 'thinkMs'));
  },
  onMessage,
  onTimer,
  onCommand,
  invariants,
});
