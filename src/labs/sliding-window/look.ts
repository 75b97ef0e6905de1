/** How the window limiters look: under their limit or at it, with the keys they track. */
import type { WindowNodeState } from '../../protocols/traffic';
import type { NodeLook } from '../contract/look';
import { BACKEND_ROLES, CLIENT_ROLES, lookWith } from '../traffic/look';

export const SLIDING_WINDOW_ROLES = [...CLIENT_ROLES, 'under limit', 'limiting', ...BACKEND_ROLES, 'paused', 'down'] as const;

function windowLook(s: WindowNodeState): NodeLook {
  const last = s.history[s.history.length - 1];
  const keys = Object.keys(s.keys).length;
  const detail = `${keys} key${keys === 1 ? '' : 's'} · ${s.allowed} allowed · ${s.rejected} rejected`;
  return { role: last !== undefined && last[2] === 0 ? 'limiting' : 'under limit', detail };
}

export const slidingWindowLook = lookWith(['sliding-log', 'fixed-window', 'sliding-counter'], windowLook, { role: 'under limit', detail: '' });
