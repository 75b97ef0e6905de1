/**
 * The node around an etcd lock client: starting (and restarting) it, its built-in loop, the
 * page's commands (acquire, trylock, release), keepalive ticks, resends and the storage's
 * answers. Each lab's client gives its lock-specific part as `ClientHandlers`.
 */
import type { JsonObject } from '../../sim/json';
import type { Protocol, StepContext } from '../../sim/node';
import { assert, notAddressedTo } from '../assert';
import { defineProtocol } from '../define';
import { LOCK_NAME, num } from './config';
import { beginAttempt, beginCycle, onWorkTimer, onWritten, rest, type LockDriver } from './cycle';
import { onResendTimer, takePending } from './request';
import { keepaliveTimerLease, onKeepaliveReply, onKeepaliveTick } from './session';
import { cancelTimer, fact, result, setTimer, update, type EtcdClientOut, type EtcdClientPersisted } from './out';
import { IDLE_ETCD_CLIENT, type EtcdClientState, type Pending } from './clientTypes';
import type { EtcdMessage, FromEtcd } from './types';

export interface ClientHandlers {
  readonly driver: LockDriver;
  /** A reply to one of the lock's own requests (not a keepalive). */
  onReply(o: EtcdClientOut, p: Pending, m: FromEtcd): void;
  /** A lease this client keeps alive is gone by what it was told or by its clock (hardened clients hear of it). */
  onLeaseLost(o: EtcdClientOut, lease: number): void;
  /** The lock's own timers, by name. */
  readonly timers: Readonly<Record<string, (o: EtcdClientOut) => void>>;
  /** Whether the client takes the `trylock` command. */
  readonly tryLock: boolean;
}

function onReply(o: EtcdClientOut, h: ClientHandlers, m: FromEtcd): void {
  const p = takePending(o, m.rid);
  if (p === null) return;
  if (m.res.op === 'keepalive' && p.lease !== null) {
    const lost = onKeepaliveReply(o, p.lease, m.res.ttlMs, p.sentAt);
    if (lost !== null) h.onLeaseLost(o, lost);
    return;
  }
  h.onReply(o, p, m);
}

function onTimer(o: EtcdClientOut, h: ClientHandlers, name: string): void {
  const lease = keepaliveTimerLease(name);
  if (lease !== null) {
    const lost = onKeepaliveTick(o, lease);
    if (lost !== null) h.onLeaseLost(o, lost);
  } else if (name === 'cycle' && (o.s.phase === 'idle' || o.s.phase === 'thinking')) beginCycle(o, h.driver, false);
  else if (name === 'retry' && o.s.phase === 'retry-wait') beginAttempt(o, h.driver);
  else if (name === 'work') onWorkTimer(o, h.driver);
  else if (name === 'resend:main') onResendTimer(o, 'main');
  else if (name === 'resend:background') onResendTimer(o, 'background');
  else h.timers[name]?.(o);
}

function onCommand(o: EtcdClientOut, h: ClientHandlers, opId: string, cmd: JsonObject): void {
  const op = cmd['op'];
  if (op === 'acquire' || (op === 'trylock' && h.tryLock)) {
    if (o.s.phase !== 'idle' && o.s.phase !== 'thinking') return result(o, opId, false, `busy: ${o.s.phase}`);
    cancelTimer(o, 'cycle');
    update(o, { opId });
    return beginCycle(o, h.driver, op === 'trylock');
  }
  if (op === 'release') {
    if (o.s.phase !== 'holding') return result(o, opId, false, 'lock not acquired');
    cancelTimer(o, 'work');
    h.driver.unlock(o);
    fact(o, { kind: 'released', lock: LOCK_NAME });
    rest(o);
    return result(o, opId, true);
  }
  result(o, opId, false, `unknown op ${JSON.stringify(op)}; valid: acquire, ${h.tryLock ? 'trylock, ' : ''}release`);
}

/** c1 starts first, c2 `startGapMs` later, and so on. */
function startDelayMs(ctx: StepContext): number {
  const index = Number(ctx.id.replace(/^\D+/, ''));
  return Number.isFinite(index) && index > 0 ? (index - 1) * num(ctx, 'startGapMs') : 0;
}

function onMessage(o: EtcdClientOut, h: ClientHandlers, m: EtcdMessage): void {
  switch (m.type) {
    case 'etcd-reply':
      return onReply(o, h, m);
    case 'written':
      return onWritten(o, h.driver, m.hold, m.part, m.accepted);
    case 'etcd':
    case 'write':
      return notAddressedTo('lock client', m.type);
  }
}

/** What holds after every step, in both variants; `given` is the state the step began with (none at a start). */
function invariants(o: EtcdClientOut, given: EtcdClientState | undefined): void {
  const s = o.s;
  assert(given === undefined || s.hold >= given.hold, "etcd: a client's count of holds never goes down");
  assert(s.phase !== 'holding' || (s.token !== null && s.main?.step === 'held'), 'etcd: a holder has its token and a held attempt');
  assert(s.written <= num(o.ctx, 'writes'), 'etcd: a holder writes at most `writes` parts of its work');
}

/** An etcd lock client; `h` gives its lock-specific part. */
export function etcdClientProtocol(h: ClientHandlers): Protocol<EtcdClientState> {
  return defineProtocol<EtcdClientState, EtcdMessage, EtcdClientPersisted>({
    kind: 'client',
    // A restarted client is a new process: its sessions are gone (their leases lapse on the server); it keeps only its hold count.
    initial: (persisted) => ({ ...IDLE_ETCD_CLIENT, hold: persisted?.holds ?? 0 }),
    onStart(persisted, o) {
      if (o.ctx.params['autoStart'] !== false) setTimer(o, 'cycle', persisted === null ? startDelayMs(o.ctx) : num(o.ctx, 'thinkMs'));
    },
    onMessage: (o, _from, m) => onMessage(o, h, m),
    onTimer: (o, name) => onTimer(o, h, name),
    onCommand: (o, opId, cmd) => onCommand(o, h, opId, cmd),
    invariants,
  });
}
