/**
 * How a node reads in the views: its role (one colour each), its detail line and its accessible
 * name. A node that is down always shows as `down`, whatever the lab's look says of its last state.
 */
import type { NodeFrame } from '../../runtime/frame';
import type { NodeView } from '../../sim/checker';

/** What a lab's `look` says of a node: its role or state and a short label. */
export interface NodeLook {
  readonly role: string;
  readonly detail: string;
}

export interface NodeDisplay {
  readonly id: string;
  readonly role: string;
  readonly detail: string;
  readonly status: NodeFrame['status'];
  readonly error: string | null;
  /** "n1, ticking, count 4"; "n1, down"; "n1, leader, term 3, paused"; with the error when it threw. */
  readonly name: string;
  /** The name without the error (for places that show the error on its own). */
  readonly summary: string;
}

type Look = (node: NodeView) => NodeLook;

function safeLook(look: Look, node: NodeFrame): NodeLook {
  try {
    return look({ id: node.id, kind: node.kind, status: node.status, state: node.state, persisted: {} });
  } catch {
    // A look that fails on an odd state must not take the view down; show the status instead.
    return { role: node.status, detail: '' };
  }
}

export function displayNode(lab: { readonly look: Look }, node: NodeFrame): NodeDisplay {
  const look = node.status === 'down' ? { role: 'down', detail: '' } : safeLook(lab.look, node);
  const parts = [node.id, look.role];
  if (look.detail !== '') parts.push(look.detail);
  if (node.status === 'paused' && look.role !== 'paused') parts.push('paused');
  const summary = parts.join(', ');
  const name = node.status === 'down' && node.error !== null ? `${summary}, threw: ${node.error}` : summary;
  return { id: node.id, role: look.role, detail: look.detail, status: node.status, error: node.error, name, summary };
}
