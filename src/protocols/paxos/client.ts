/**
 * Client operations at a single-decree proposer: `{op:"propose", value?}` from the page or a
 * scenario, and the built-in client (`autoProposeMs`) that proposes this node's own value now and
 * then, so a run without a script, and every fuzz seed, has proposers competing. A proposal is
 * answered with the value that was chosen, which may be another proposer's.
 */
import type { JsonObject } from '../../sim/json';
import { MAX_PENDING_OPS } from './config';
import { fact, result, type Out } from './out';
import { nextRound, proposer, setProposer, startRound } from './proposer';
import type { PaxosState, PendingOp } from './types';
import { ownValue, requestedValue } from './values';
import { invoke } from '../effects';

function begin(o: Out<PaxosState>, op: PendingOp): void {
  const p = proposer(o);
  if (p.ops.length + p.queue.length >= MAX_PENDING_OPS) return result(o, op.opId, false, 'too many proposals waiting');
  fact(o, { kind: 'proposed', value: op.value, op: op.opId });
  const running = p.phase === 'prepare' || p.phase === 'accept' || p.phase === 'backoff';
  if (!running) {
    setProposer(o, { value: op.value, ops: [op], attempts: 0 });
    return startRound(o);
  }
  // The article's second caller blocks on the lock until the running round ends; a hardened
  // proposer lets it share the running proposal's outcome (one decree has one value).
  if (o.rules.lockAcrossRound) setProposer(o, { queue: [...p.queue, op] });
  else setProposer(o, { ops: [...p.ops, op] });
}

export function onCommand(o: Out<PaxosState>, opId: string, cmd: JsonObject): void {
  if (cmd['op'] !== 'propose') return result(o, opId, false, `unknown op ${JSON.stringify(cmd['op'] ?? null)}; try {"op":"propose","value":"A"}`);
  if (o.s.proposer === null) return result(o, opId, false, `${o.ctx.id} is not a proposer`);
  begin(o, { opId, value: requestedValue(cmd) ?? ownValue(o.ctx.id) });
}

/** The built-in client's turn: propose this node's own value, unless a round is running. */
export function onProposeTimer(o: Out<PaxosState>): void {
  const p = proposer(o);
  if (p.phase !== 'idle' && p.phase !== 'done') return;
  const opId = `${o.ctx.id}.r${nextRound(p)}`;
  const value = ownValue(o.ctx.id);
  invoke(o, opId, { op: 'propose', value });
  begin(o, { opId, value });
}

/** After the article's lock is released: the next waiting caller gets its turn. */
export function startQueued(o: Out<PaxosState>): void {
  const p = o.s.proposer;
  if (p === null || (p.phase !== 'idle' && p.phase !== 'done')) return;
  const [next, ...rest] = p.queue;
  if (next === undefined) return;
  setProposer(o, { value: next.value, ops: [next], queue: rest, attempts: 0 });
  startRound(o);
}
