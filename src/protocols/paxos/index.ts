/**
 * Single-decree Paxos as a distlab protocol. Two node kinds share one step function: "proposer"
 * nodes propose, accept and learn; "acceptor" nodes accept and learn.
 */
export { acceptorProtocol, initialState, proposerProtocol } from './step';
export type { PaxosPersisted } from './out';

export { ballotOf, compareBallots, maxBallot, proposerOf, roundOf, type Ballot } from './ballot';
export { ARTICLE_RULES, DEFAULT_TIMING, HARDENED_RULES, VARIANTS, quorum, type Rules } from './config';
export { ownValue, showValue } from './values';
export type * from './types';
