/** Raft as a distlab protocol: one node kind, "raft", with the article and hardened variants. */
export { initialState, raftProtocol } from './step';
export type { RaftPersisted } from './out';

export { ARTICLE, HARDENED, VARIANTS, DEFAULT_TIMING, MAX_LOG_ENTRIES, type Rules } from './config';
export { commandText, lastIndex, lastTerm, termAt } from './log';
export type * from './types';
