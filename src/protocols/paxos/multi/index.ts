/**
 * Multi-Paxos as a distlab protocol: "proposer" nodes may lead; "acceptor" nodes accept and learn.
 */
import type { Protocol } from '../../../sim/node';
import { multiPaxosStep } from './step';
import type { MultiState } from './types';

export const multiProposerProtocol: Protocol<MultiState> = { kind: 'proposer', step: multiPaxosStep(true) };
export const multiAcceptorProtocol: Protocol<MultiState> = { kind: 'acceptor', step: multiPaxosStep(false) };

export { initialMultiState } from './step';
export { MAX_IN_FLIGHT } from './client';
export type * from './types';
