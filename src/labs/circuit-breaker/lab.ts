/**
 * The circuit breaker lab: clients, a breaker (an XState machine run through its pure
 * transition API) and a backend that can fail, slow down or go out. The article's breaker beside
 * one that follows sony/gobreaker.
 */
import { halfOpenLimitChecker } from '../../check/traffic';
import { backendProtocol, breakerProtocol, clientProtocol, VARIANTS } from '../../protocols/traffic';
import type { ProductLab } from '../contract/lab';
import { BREAKER_PANEL, DECISIONS_PANEL } from '../traffic/panels';
import { BACKEND_COMMANDS, CLIENT_COMMANDS } from '../traffic/commands';
import { trafficTopology, TRAFFIC_NETWORK_PRESETS } from '../traffic/topology';
import { circuitBreakerLook, CIRCUIT_BREAKER_ROLES } from './look';
import { CIRCUIT_BREAKER_PARAMS } from './params';
import { CIRCUIT_BREAKER_SCENARIOS } from './scenarios';

export const circuitBreakerLab: ProductLab<'circuit-breaker'> = {
  id: 'circuit-breaker',
  area: 'traffic',
  title: 'Circuit breaker',
  summary: 'Closed, open, half-open: a breaker stops calls to a failing backend and probes it; the article lets too many probes through.',
  variants: VARIANTS,
  params: CIRCUIT_BREAKER_PARAMS,
  roles: CIRCUIT_BREAKER_ROLES,
  topology: trafficTopology([{ id: 'breaker', kind: 'breaker' }], true),
  protocols: { client: clientProtocol(['breaker']), breaker: breakerProtocol, backend: backendProtocol },
  checkers: (_variant, params) => [halfOpenLimitChecker(Number(params['halfOpenMaxCalls']))],
  scenarios: CIRCUIT_BREAKER_SCENARIOS,
  commands: [...BACKEND_COMMANDS, ...CLIENT_COMMANDS],
  look: circuitBreakerLook,
  networkPresets: TRAFFIC_NETWORK_PRESETS,
  panels: [BREAKER_PANEL, DECISIONS_PANEL],
};
