/**
 * The Raft lab: n1..nN running Raft, the article's version or the hardened one, with the safety
 * checkers live and the guided scenarios of scenarios.ts.
 */
import { raftCheckers } from '../../check/raft';
import { raftProtocol, VARIANTS } from '../../protocols/raft';
import type { ProductLab } from '../contract/lab';
import { decorateRaftNode } from './decoration';
import { raftLogPicture } from './logModel';
import { raftLook, RAFT_ROLES } from './look';
import { raftParams } from './params';
import { raftScenarios } from './scenarios/index';

export const raftLab: ProductLab<'raft'> = {
  id: 'raft',
  area: 'consensus',
  title: 'Raft',
  summary: 'Leader election and log replication under crashes and partitions, the article\'s Raft beside a hardened one, with live safety checks.',
  variants: VARIANTS,
  params: raftParams,
  roles: RAFT_ROLES,
  topology: (params) => Array.from({ length: Number(params['nodes']) }, (_, i) => ({ id: `n${i + 1}`, kind: 'raft' })),
  protocols: { raft: raftProtocol },
  checkers: () => raftCheckers(),
  scenarios: raftScenarios,
  commands: [
    { id: 'request', label: 'Request (put)', cmd: { op: 'put' } },
    { id: 'read', label: 'Read x', cmd: { op: 'get', key: 'x' } },
    { id: 'timeout', label: 'Time out', cmd: { op: 'timeout' } },
  ],
  look: raftLook,
  // A heartbeat is an AppendEntries with nothing to append.
  isLightMessage: (msg) => msg['type'] === 'AppendEntries' && Array.isArray(msg['entries']) && msg['entries'].length === 0,
  panels: [{ id: 'raft-log', title: 'Logs', picture: 'log-grid', model: raftLogPicture }],
  decorate: decorateRaftNode,
};
