/**
 * Client commands at a Multi-Paxos node: `{op:"propose", value?}` appends a command to the next
 * free slot at the leader (any other node refuses and names the leader it knows), and
 * `{op:"timeout"}` makes a proposer campaign now. The built-in client (`clientIntervalMs`)
 * submits a command at the leader now and then, so fuzz seeds have a workload.
 */
import type { JsonObject } from '../../../sim/json';
import { timing } from '../config';
import { fact, result, setTimer, type Out } from '../out';
import { ownCommand, requestedValue } from '../values';
import { campaign } from './election';
import { isLeader, lead, setLead } from './lead';
import { proposeAt } from './replicate';
import { MTIMER, type MultiState } from './types';
import { invoke } from '../../effects';

/** A bound on slots in flight at once. */
export const MAX_IN_FLIGHT = 32;

/** Why the leader cannot take a command now, or null. */
function refusal(o: Out<MultiState>): string | null {
  const l = lead(o);
  if (l.nextSlot >= timing(o.ctx, 'maxSlots')) return `the log is full (maxSlots ${timing(o.ctx, 'maxSlots')}; there is no compaction)`;
  if (Object.keys(l.inflight).length >= MAX_IN_FLIGHT) return `${MAX_IN_FLIGHT} commands are already in flight`;
  return null;
}

function submit(o: Out<MultiState>, opId: string, value: string): void {
  const slot = lead(o).nextSlot;
  fact(o, { kind: 'proposed', value, op: opId, slot });
  setLead(o, { nextSlot: slot + 1 });
  proposeAt(o, slot, value, opId);
}

function onPropose(o: Out<MultiState>, opId: string, cmd: JsonObject): void {
  if (!isLeader(o)) return result(o, opId, false, { notLeader: true, leader: o.s.leader });
  const why = refusal(o);
  if (why !== null) return result(o, opId, false, why);
  submit(o, opId, requestedValue(cmd) ?? ownCommand(o.ctx.id, lead(o).nextSlot));
}

export function onCommand(o: Out<MultiState>, opId: string, cmd: JsonObject): void {
  if (o.s.lead === null) return result(o, opId, false, `${o.ctx.id} is an acceptor and learner only; commands go to the leader`);
  if (cmd['op'] === 'propose') return onPropose(o, opId, cmd);
  if (cmd['op'] === 'timeout') {
    if (isLeader(o)) return result(o, opId, false, `${o.ctx.id} already leads`);
    campaign(o);
    return result(o, opId, true);
  }
  result(o, opId, false, `unknown op ${JSON.stringify(cmd['op'] ?? null)}; try {"op":"propose","value":"x"} or {"op":"timeout"}`);
}

/** The built-in client's turn: while this node leads, submit one command. */
export function onClientTimer(o: Out<MultiState>): void {
  const everyMs = timing(o.ctx, 'clientIntervalMs');
  if (everyMs <= 0) return;
  setTimer(o, MTIMER.client, everyMs);
  if (!isLeader(o) || refusal(o) !== null) return;
  const l = lead(o);
  const opId = `${o.ctx.id}.${l.round}.${l.submitted + 1}`;
  const value = ownCommand(o.ctx.id, l.nextSlot);
  setLead(o, { submitted: l.submitted + 1 });
  invoke(o, opId, { op: 'propose', value });
  submit(o, opId, value);
}
