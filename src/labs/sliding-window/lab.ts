/**
 * The sliding-window lab: the seed's sliding-log limiter beside a fixed window and a
 * sliding-window counter on the same traffic, per key. The article keeps every key forever;
 * the hardened limiters evict idle keys and bound their table.
 */
import { windowLimitChecker } from '../../check/traffic';
import { backendProtocol, clientProtocol, VARIANTS, windowProtocol } from '../../protocols/traffic';
import type { ProductLab } from '../contract/lab';
import { DECISIONS_PANEL, WINDOW_CONTENTS_PANEL } from '../traffic/panels';
import { BACKEND_COMMANDS, CLIENT_COMMANDS } from '../traffic/commands';
import { trafficTopology, TRAFFIC_NETWORK_PRESETS } from '../traffic/topology';
import { slidingWindowLook, SLIDING_WINDOW_ROLES } from './look';
import { SLIDING_WINDOW_PARAMS } from './params';
import { SLIDING_WINDOW_SCENARIOS } from './scenarios';

/** Node ids of the three limiters, in the order clients send to them. */
export const WINDOW_LIMITERS = ['log', 'fixed', 'counter'] as const;

export const slidingWindowLab: ProductLab<'sliding-window'> = {
  id: 'sliding-window',
  area: 'traffic',
  title: 'Sliding window',
  summary: 'A sliding log, a fixed window and a sliding-window counter limit the same traffic: the boundary burst, and key tables that grow.',
  variants: VARIANTS,
  params: SLIDING_WINDOW_PARAMS,
  roles: SLIDING_WINDOW_ROLES,
  topology: trafficTopology(
    [
      { id: 'log', kind: 'sliding-log' },
      { id: 'fixed', kind: 'fixed-window' },
      { id: 'counter', kind: 'sliding-counter' },
    ],
    true,
  ),
  protocols: {
    client: clientProtocol(WINDOW_LIMITERS),
    'sliding-log': windowProtocol('sliding-log'),
    'fixed-window': windowProtocol('fixed-window'),
    'sliding-counter': windowProtocol('sliding-counter'),
    backend: backendProtocol,
  },
  checkers: (_variant, params) => [windowLimitChecker({ limit: Number(params['limit']), windowMs: Number(params['windowMs']) })],
  scenarios: SLIDING_WINDOW_SCENARIOS,
  commands: [...CLIENT_COMMANDS, ...BACKEND_COMMANDS],
  look: slidingWindowLook,
  networkPresets: TRAFFIC_NETWORK_PRESETS,
  panels: [WINDOW_CONTENTS_PANEL, DECISIONS_PANEL],
};
