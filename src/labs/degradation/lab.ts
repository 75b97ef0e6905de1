/**
 * The degradation lab: a strategy in front of the backend falls back when the error rate or the
 * average latency is too high. The article's lifetime rate and halving average beside a rolling
 * window.
 */
import { backendProtocol, clientProtocol, degradeProtocol, VARIANTS } from '../../protocols/traffic';
import type { ProductLab } from '../contract/lab';
import { DECISIONS_PANEL, DEGRADATION_PANEL } from '../traffic/panels';
import { BACKEND_COMMANDS, CLIENT_COMMANDS } from '../traffic/commands';
import { trafficTopology, TRAFFIC_NETWORK_PRESETS } from '../traffic/topology';
import { degradationLook, DEGRADATION_ROLES } from './look';
import { DEGRADATION_PARAMS } from './params';
import { DEGRADATION_SCENARIOS } from './scenarios';

export const degradationLab: ProductLab<'degradation'> = {
  id: 'degradation',
  area: 'traffic',
  title: 'Degradation',
  summary: 'Fall back when the backend errs or slows down; the article\'s averages never let it come back.',
  variants: VARIANTS,
  params: DEGRADATION_PARAMS,
  roles: DEGRADATION_ROLES,
  topology: trafficTopology([{ id: 'degrader', kind: 'degrader' }], true),
  protocols: { client: clientProtocol(['degrader']), degrader: degradeProtocol, backend: backendProtocol },
  checkers: () => [],
  scenarios: DEGRADATION_SCENARIOS,
  commands: [...BACKEND_COMMANDS, ...CLIENT_COMMANDS],
  look: degradationLook,
  networkPresets: TRAFFIC_NETWORK_PRESETS,
  panels: [DEGRADATION_PANEL, DECISIONS_PANEL],
};
