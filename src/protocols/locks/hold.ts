/**
 * Holding the lock: do the work in `writes` parts spread over `workMs`, each part a write to the
 * storage under the lock's token; once the storage has answered the last write, release. A hardened holder knows its validity time and
 * checks it before each write; the article's holder believes it holds the lock until it lets go.
 */
import { num, rulesOf, STORAGE_ID } from './config';
import { cancelTimer, fact, persist, send, setTimer, update, type ClientOut } from './out';
import { answer, panic, rest, round3, roundToken } from './acquire';
import { startRenewal } from './renewal';
import { releaseEverywhere, stopTickers, unlock } from './release';
import { LOCK_KEY } from './types';

export function becomeHolder(o: ClientOut, validityMs: number | null, elapsedMs: number): void {
  const token = roundToken(o.s);
  const leaseUntil = validityMs === null ? null : (o.s.roundStartedAt ?? o.ctx.now) + validityMs;
  update(o, { phase: 'holding', hold: o.s.hold + 1, token, leaseUntil, written: 0 });
  persist(o, 'holds', o.s.hold);
  const extra = validityMs === null ? {} : { validityMs: round3(validityMs), elapsedMs: round3(elapsedMs) };
  fact(o, { kind: 'acquired', lock: LOCK_KEY, token, ...extra });
  answer(o, true, `token ${token}`);
  setTimer(o, 'work', num(o.ctx, 'workMs') / num(o.ctx, 'writes'));
  if (leaseUntil !== null) setTimer(o, 'lease', leaseUntil - o.ctx.now);
  startRenewal(o);
}

/** The hardened holder's own view: is the lock still safely ours by its clock? */
function leaseLeft(o: ClientOut): boolean {
  return o.s.leaseUntil === null || o.ctx.now < o.s.leaseUntil;
}

export function onWorkTimer(o: ClientOut): void {
  if (o.s.phase !== 'holding') return;
  const of = num(o.ctx, 'writes');
  // The last write went out a work period ago and its answer never came: unlock all the same.
  if (o.s.written >= of) return releaseHold(o);
  if (rulesOf(o.ctx).tellHolder && !leaseLeft(o)) return lose(o, 'the validity time ran out before the next write');
  const part = o.s.written + 1;
  send(o, STORAGE_ID, { type: 'write', token: o.s.token ?? 0, hold: o.s.hold, part, of });
  update(o, { written: part });
  setTimer(o, 'work', num(o.ctx, 'workMs') / of);
}

/** The storage answered a write; after the last one the work is done and the holder unlocks. */
export function onWritten(o: ClientOut, hold: number, part: number, accepted: boolean): void {
  if (o.s.phase !== 'holding' || hold !== o.s.hold) return;
  // The storage saw a higher token, or this one from another hold: a newer holder wrote (or a
  // server that came back empty handed out a token again).
  if (!accepted && rulesOf(o.ctx).tellHolder) return lose(o, `the storage rejected token ${o.s.token ?? '?'}: it had already accepted a higher token, or this one from another hold`);
  if (part >= num(o.ctx, 'writes')) releaseHold(o);
}

/** The work is done (or the page asked): Unlock. */
export function releaseHold(o: ClientOut): void {
  if (!unlock(o)) return panic(o, 'close of closed channel: Unlock called on a lock whose stop channel an earlier Unlock closed');
  rest(o);
}

/**
 * A hardened holder learns it no longer holds the lock: it stops work at once, says why, and
 * deletes whatever keys are still its own.
 */
export function lose(o: ClientOut, why: string): void {
  if (o.s.phase !== 'holding') return;
  cancelTimer(o, 'work');
  stopTickers(o);
  fact(o, { kind: 'lost', lock: LOCK_KEY, why });
  releaseEverywhere(o);
  rest(o);
}

export function onLeaseTimer(o: ClientOut): void {
  if (o.s.phase === 'holding' && !leaseLeft(o)) lose(o, 'the validity time ran out with no renewal from a majority');
  // Early by a rounding error: wait at least the kernel's microsecond, or the timer could fire at once forever.
  else if (o.s.phase === 'holding' && o.s.leaseUntil !== null) setTimer(o, 'lease', Math.max(0.001, o.s.leaseUntil - o.ctx.now));
}
