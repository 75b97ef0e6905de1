/**
 * The Paxos lab: single-decree Paxos with proposers, acceptors and learners, as the seed article
 * writes it and hardened as in "Paxos Made Simple".
 */
import type { ProductLab } from '../contract/lab';
import { paxosCheckers } from '../../check/paxos';
import { acceptorProtocol, proposerProtocol } from '../../protocols/paxos';
import { VARIANTS } from '../../protocols/paxos/config';
import { paxosLook, PAXOS_ROLES } from './look';
import { PAXOS_PARAMS, paxosTopology } from './params';
import { PAXOS_SCENARIOS } from './scenarios';
import { paxosStatePanel } from './stateModel';

export const paxosLab: ProductLab<'paxos'> = {
  id: 'paxos',
  area: 'consensus',
  title: 'Paxos',
  summary: 'Proposers, acceptors and learners agree on one value: promises, dueling proposers, and an acceptor that forgets.',
  variants: VARIANTS,
  params: PAXOS_PARAMS,
  roles: PAXOS_ROLES,
  topology: paxosTopology,
  protocols: { proposer: proposerProtocol, acceptor: acceptorProtocol },
  checkers: (_variant, params) => paxosCheckers(Number(params['acceptors'])),
  scenarios: PAXOS_SCENARIOS,
  commands: [{ id: 'propose', label: 'Propose its value', cmd: { op: 'propose' }, forKinds: ['proposer'] }],
  look: paxosLook,
  panels: [paxosStatePanel({ look: paxosLook }, true)],
};
