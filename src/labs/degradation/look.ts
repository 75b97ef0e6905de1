/** How the degradation strategy looks: calling the primary or degraded, with what it decides by. */
import type { DegradeNodeState } from '../../protocols/traffic';
import type { NodeLook } from '../contract/look';
import { BACKEND_ROLES, CLIENT_ROLES, lookWith } from '../traffic/look';

export const DEGRADATION_ROLES = [...CLIENT_ROLES, 'primary', 'degraded', ...BACKEND_ROLES, 'paused', 'down'] as const;

function degradeLook(s: DegradeNodeState): NodeLook {
  return { role: s.degraded ? 'degraded' : 'primary', detail: `${s.primary} primary · ${s.fallbacks} fallback` };
}

export const degradationLook = lookWith(['degrader'], degradeLook, { role: 'primary', detail: '' });
