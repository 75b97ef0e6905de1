/** How the breaker looks: its state (closed, open, half-open) and its counters. */
import type { BreakerNodeState } from '../../protocols/traffic';
import type { NodeLook } from '../contract/look';
import { BACKEND_ROLES, CLIENT_ROLES, lookWith } from '../traffic/look';

export const CIRCUIT_BREAKER_ROLES = [...CLIENT_ROLES, 'closed', 'open', 'half-open', ...BACKEND_ROLES, 'paused', 'down'] as const;

function breakerLook(s: BreakerNodeState): NodeLook {
  const { state, context } = s.breaker;
  const detail =
    state === 'closed'
      ? `${context.failures} failure${context.failures === 1 ? '' : 's'} in a row`
      : state === 'half-open'
        ? `${context.halfOpenCalls}/${context.halfOpenMaxCalls} probes · ${context.successes} ok`
        : `generation ${context.generation}`;
  return { role: state, detail };
}

export const circuitBreakerLook = lookWith(['breaker'], breakerLook, { role: 'closed', detail: '' });
