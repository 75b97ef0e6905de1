/**
 * The token bucket lab: clients, one token bucket in front of a backend. The article's bucket
 * (whole tokens, Wait by polling) beside a hardened one (fractions kept, Wait by reservation).
 */
import { bucketBoundChecker } from '../../check/traffic';
import { backendProtocol, clientProtocol, tokenBucketProtocol, VARIANTS } from '../../protocols/traffic';
import type { ProductLab } from '../contract/lab';
import { DECISIONS_PANEL } from '../traffic/panels';
import { BACKEND_COMMANDS, CLIENT_COMMANDS } from '../traffic/commands';
import { trafficTopology, TRAFFIC_NETWORK_PRESETS } from '../traffic/topology';
import { tokenBucketLook, TOKEN_BUCKET_ROLES } from './look';
import { TOKEN_BUCKET_PARAMS } from './params';
import { TOKEN_BUCKET_SCENARIOS } from './scenarios';

export const tokenBucketLab: ProductLab<'token-bucket'> = {
  id: 'token-bucket',
  area: 'traffic',
  title: 'Token bucket',
  summary: 'A bucket of tokens absorbs bursts and limits the rate; the article loses fractional tokens and polls in Wait.',
  variants: VARIANTS,
  params: TOKEN_BUCKET_PARAMS,
  roles: TOKEN_BUCKET_ROLES,
  topology: trafficTopology([{ id: 'bucket', kind: 'token-bucket' }], true),
  protocols: { client: clientProtocol(['bucket']), 'token-bucket': tokenBucketProtocol, backend: backendProtocol },
  checkers: (_variant, params) => [bucketBoundChecker({ capacity: Number(params['capacity']), ratePerSec: Number(params['refillPerSec']) })],
  scenarios: TOKEN_BUCKET_SCENARIOS,
  commands: [...CLIENT_COMMANDS, ...BACKEND_COMMANDS],
  look: tokenBucketLook,
  networkPresets: TRAFFIC_NETWORK_PRESETS,
  panels: [DECISIONS_PANEL],
};
