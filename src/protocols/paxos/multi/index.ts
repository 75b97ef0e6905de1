/**
 * Multi-Paxos as a distlab protocol: "proposer" nodes may lead; "acceptor" nodes accept and learn.
 */
export { initialMultiState, multiAcceptorProtocol, multiProposerProtocol } from './step';
export { MAX_IN_FLIGHT } from './client';
export type * from './types';
