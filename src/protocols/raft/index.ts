/** Raft as a distlab protocol: one node kind, "raft", with the article and hardened variants. */
import type { Protocol } from '../../sim/node';
import { raftStep } from './step';
import type { RaftState } from './types';

export const raftProtocol: Protocol<RaftState> = { kind: 'raft', step: raftStep };

export { ARTICLE, HARDENED, VARIANTS, DEFAULT_TIMING, MAX_LOG_ENTRIES, type Rules } from './config';
export { commandText, lastIndex, lastTerm, termAt } from './log';
export { initialState } from './step';
export type * from './types';
