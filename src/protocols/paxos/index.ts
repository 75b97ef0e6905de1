/**
 * Single-decree Paxos as a distlab protocol. Two node kinds share one step function: "proposer"
 * nodes propose, accept and learn; "acceptor" nodes accept and learn.
 */
import type { Protocol } from '../../sim/node';
import { paxosStep } from './step';
import type { PaxosState } from './types';

export const proposerProtocol: Protocol<PaxosState> = { kind: 'proposer', step: paxosStep(true) };
export const acceptorProtocol: Protocol<PaxosState> = { kind: 'acceptor', step: paxosStep(false) };

export { ballotOf, compareBallots, maxBallot, proposerOf, roundOf, type Ballot } from './ballot';
export { ARTICLE_RULES, DEFAULT_TIMING, HARDENED_RULES, VARIANTS, quorum, type Rules } from './config';
export { initialState } from './step';
export { ownValue, showValue } from './values';
export type * from './types';
