/**
 * A node's state as its protocol's own type. Frames and checkers carry states as plain JSON; a lab
 * knows which protocol runs each node kind, and the kernel hands a node's inputs only to that
 * protocol, so once the kind is checked the state is that protocol's. This is the one place the
 * views' models make that step.
 */
import type { Json } from '../../sim/json';

export function stateOf<S>(node: { readonly kind: string; readonly state: Json | undefined }, kinds: string | readonly string[]): S | null {
  const wanted = typeof kinds === 'string' ? node.kind === kinds : kinds.includes(node.kind);
  if (!wanted || typeof node.state !== 'object' || node.state === null || Array.isArray(node.state)) return null;
  return node.state as unknown as S;
}
