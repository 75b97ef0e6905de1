/** Client values and operation ids the protocol makes up when a client does not give one. */
import type { NodeId } from '../../sim/node';

/** n1 proposes "A", n2 "B"... (any other id proposes itself), so a value says whose it was. */
export function ownValue(id: NodeId): string {
  const match = /^n(\d+)$/.exec(id);
  const index = match === null ? 0 : Number(match[1]);
  return index >= 1 && index <= 26 ? String.fromCharCode(64 + index) : id;
}

/** Shows a value in a detail line: a no-op as "no-op". */
export function showValue(value: string | null): string {
  return value === null ? 'no-op' : value;
}
