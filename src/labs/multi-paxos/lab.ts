/**
 * The Multi-Paxos lab: a log of slots decided one Paxos instance each, with a stable leader that
 * runs phase 1 once for all slots and then only phase 2 per client command.
 */
import type { ProductLab } from '../contract/lab';
import { multiPaxosCheckers } from '../../check/paxos';
import { multiAcceptorProtocol, multiProposerProtocol } from '../../protocols/paxos/multi';
import { MULTI_PAXOS_PARAMS, paxosTopology } from '../paxos/params';
import { multiPaxosLook, MULTI_PAXOS_ROLES } from './look';
import { paxosStatePanel } from '../paxos/stateModel';
import { MULTI_PAXOS_SCENARIOS } from './scenarios';
import { slotLogPanel } from './slotLogModel';

export const multiPaxosLab: ProductLab<'multi-paxos'> = {
  id: 'multi-paxos',
  area: 'consensus',
  title: 'Multi-Paxos',
  summary: 'A replicated log: a stable leader skips phase 1, client commands fill slots, learners apply them in order, and a new leader recovers the log.',
  variants: ['hardened'],
  params: MULTI_PAXOS_PARAMS,
  roles: MULTI_PAXOS_ROLES,
  topology: paxosTopology,
  protocols: { proposer: multiProposerProtocol, acceptor: multiAcceptorProtocol },
  checkers: (_variant, params) => multiPaxosCheckers(Number(params['acceptors'])),
  scenarios: MULTI_PAXOS_SCENARIOS,
  commands: [
    { id: 'propose', label: 'Client command', cmd: { op: 'propose' }, forKinds: ['proposer'] },
    { id: 'timeout', label: 'Time out (campaign)', cmd: { op: 'timeout' }, forKinds: ['proposer'] },
  ],
  look: multiPaxosLook,
  panels: [slotLogPanel({ look: multiPaxosLook }), paxosStatePanel({ look: multiPaxosLook }, false)],
};
