/**
 * Client commands through the node's `command` input, and the built-in client that, while this
 * node leads, submits a put every `clientIntervalMs` (so fuzzing and benchmarks have a workload).
 */
import type { JsonObject } from '../../sim/json';
import { clientIntervalMs, MAX_LOG_ENTRIES } from './config';
import { onElectionTimeout } from './election';
import { lastIndex } from './log';
import { result, setTimer, update, type Out } from './out';
import { appendToLog, broadcastAppend } from './replicate';
import { TIMER, type Command } from './types';
import { invoke } from '../effects';

const KEYS = ['x', 'y', 'z'] as const;

/** The number in an operation id ("op7" → 7), to make up a key and value for a bare put. */
function numberIn(opId: string): number {
  const digits = opId.replace(/\D/g, '');
  return digits === '' ? opId.length : Number(digits.slice(-9));
}

/** Reads {op:'put', key, value} or {op:'get', key}; a put without key or value gets made-up ones. */
export function parseCommand(cmd: JsonObject, opId: string): Command | null {
  const n = numberIn(opId);
  const key = typeof cmd['key'] === 'string' ? cmd['key'] : (KEYS[n % KEYS.length] as string);
  if (cmd['op'] === 'get') return { op: 'get', key, id: opId };
  if (cmd['op'] !== 'put') return null;
  const raw = cmd['value'];
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : String(n);
  return { op: 'put', key, value, id: opId };
}

/** The leader appends the command and answers once it is applied (replicate.ts). */
function propose(o: Out, cmd: Command & { id: string }): void {
  if (lastIndex(o.s.log) >= MAX_LOG_ENTRIES) {
    result(o, cmd.id, false, { logFull: true, limit: MAX_LOG_ENTRIES });
    return;
  }
  appendToLog(o, cmd);
  update(o, { pending: [...o.s.pending, cmd.id] });
  if (o.rules.replicateOnPropose) broadcastAppend(o);
}

export function handleCommand(o: Out, opId: string, raw: JsonObject): void {
  if (raw['op'] === 'timeout') {
    if (o.s.role === 'leader') return result(o, opId, false, 'a leader has no election timeout');
    onElectionTimeout(o);
    return result(o, opId, true);
  }
  const cmd = parseCommand(raw, opId);
  if (cmd === null) return result(o, opId, false, `unknown op ${JSON.stringify(raw['op'] ?? null)}; try put, get or timeout`);
  if (o.s.role !== 'leader') return result(o, opId, false, { notLeader: true, leader: o.s.leader });
  propose(o, { ...cmd, id: opId });
}

/** The built-in client's tick: a put with a fresh operation id, invoked here at the leader. */
export function onClientTick(o: Out): void {
  if (o.s.role !== 'leader') return;
  const index = lastIndex(o.s.log) + 1;
  const opId = `${o.ctx.id}.${o.s.term}.${index}`;
  const cmd = { op: 'put', key: KEYS[index % KEYS.length] as string, value: `${o.s.term}.${index}` } as const;
  invoke(o, opId, { op: cmd.op, key: cmd.key, value: cmd.value });
  propose(o, { ...cmd, id: opId });
  setTimer(o, TIMER.client, clientIntervalMs(o.ctx));
}
