/**
 * The node around an etcd lock client: starting (and restarting) it, its built-in loop, the
 * page's commands (acquire, trylock, release), keepalive ticks, resends and the storage's
 * answers. Each lab's client gives its lock-specific part as `ClientHandlers`.
 */
import type { NodeInput, StepContext, StepFunction } from '../../sim/node';
import type { WriteReply } from '../locks/types';
import { LOCK_NAME, num } from './config';
import { beginAttempt, beginCycle, onWorkTimer, onWritten, rest, type LockDriver } from './cycle';
import { onResendTimer, takePending } from './request';
import { keepaliveTimerLease, onKeepaliveReply, onKeepaliveTick } from './session';
import { cancelTimer, fact, outFor, result, setTimer, update, type Out } from './out';
import { IDLE_ETCD_CLIENT, type EtcdClientState, type Pending } from './clientTypes';
import type { FromEtcd } from './types';

export interface ClientHandlers {
  readonly driver: LockDriver;
  /** A reply to one of the lock's own requests (not a keepalive). */
  onReply(o: Out<EtcdClientState>, p: Pending, m: FromEtcd): void;
  /** A lease this client keeps alive is gone by what it was told or by its clock (hardened clients hear of it). */
  onLeaseLost(o: Out<EtcdClientState>, lease: number): void;
  /** The lock's own timers, by name. */
  readonly timers: Readonly<Record<string, (o: Out<EtcdClientState>) => void>>;
  /** Whether the client takes the `trylock` command. */
  readonly tryLock: boolean;
}

function onReply(o: Out<EtcdClientState>, h: ClientHandlers, m: FromEtcd): void {
  const p = takePending(o, m.rid);
  if (p === null) return;
  if (m.res.op === 'keepalive' && p.lease !== null) {
    const lost = onKeepaliveReply(o, p.lease, m.res.ttlMs, p.sentAt);
    if (lost !== null) h.onLeaseLost(o, lost);
    return;
  }
  h.onReply(o, p, m);
}

function onTimer(o: Out<EtcdClientState>, h: ClientHandlers, name: string): void {
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

function onCommand(o: Out<EtcdClientState>, h: ClientHandlers, opId: string, op: unknown): void {
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

export function clientStepOf(h: ClientHandlers): StepFunction<EtcdClientState> {
  return (state: EtcdClientState | undefined, input: NodeInput, ctx: StepContext) => {
    if (input.kind === 'start') {
      // A restarted client is a new process: its sessions are gone (their leases lapse on the server); it keeps only its hold count.
      const holds = input.persisted?.['holds'];
      const o = outFor({ ...IDLE_ETCD_CLIENT, hold: typeof holds === 'number' ? holds : 0 }, ctx);
      if (ctx.params['autoStart'] !== false) setTimer(o, 'cycle', input.persisted === null ? startDelayMs(ctx) : num(ctx, 'thinkMs'));
      return { state: o.s, effects: o.fx };
    }
    if (state === undefined) throw new Error('stepped before start');
    const o = outFor(state, ctx);
    if (input.kind === 'message' && input.msg['type'] === 'etcd-reply') onReply(o, h, input.msg as unknown as FromEtcd);
    else if (input.kind === 'message' && input.msg['type'] === 'written') {
      const w = input.msg as unknown as WriteReply;
      onWritten(o, h.driver, w.hold, w.part, w.accepted);
    } else if (input.kind === 'timer') onTimer(o, h, input.name);
    else if (input.kind === 'command') onCommand(o, h, input.opId, input.cmd['op']);
    return { state: o.s, effects: o.fx };
  };
}
