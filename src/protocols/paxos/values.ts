/**
 * Client values: what a `propose` operation asks for, and what the protocol proposes when it
 * gives none. The validity checker reads the same functions, so what counts as proposed is what
 * the client asked for, not what a node says it took.
 */
import type { JsonObject } from '../../sim/json';
import type { NodeId } from '../../sim/node';

/** The value a `propose` operation names (a number counts as its text), or null when it names none. */
export function requestedValue(cmd: JsonObject): string | null {
  const raw = cmd['value'];
  return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
}

/** n1 proposes "A", n2 "B"... (any other id proposes itself), so a value says whose it was. */
export function ownValue(id: NodeId): string {
  const match = /^n(\d+)$/.exec(id);
  const index = match === null ? 0 : Number(match[1]);
  return index >= 1 && index <= 26 ? String.fromCharCode(64 + index) : id;
}

/** What a Multi-Paxos leader appends for a command without a value: its own letter and the slot, "C7". */
export function ownCommand(id: NodeId, slot: number): string {
  return `${ownValue(id)}${slot}`;
}

/** Shows a value in a detail line: a no-op as "no-op". */
export function showValue(value: string | null): string {
  return value === null ? 'no-op' : value;
}
