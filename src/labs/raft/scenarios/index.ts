/**
 * The Raft lab's guided scenarios. Each is seeded and scripted so that it shows what its title
 * says on every run; tests/raft/scenarios.test.ts checks the key fact of each.
 */
import type { Scenario } from '../../contract/scenario';
import { staleVotes, unpersistedVote } from './articleBugs';
import { bridged, firstElection, leaderCrash, leaderIsolated, splitVote } from './basics';
import { figure8, laggingArticle, laggingHardened } from './replication';

export const raftScenarios: readonly Scenario[] = [firstElection, leaderCrash, splitVote, leaderIsolated, bridged, laggingArticle, laggingHardened, figure8, staleVotes, unpersistedVote];

export { bridged, figure8, firstElection, laggingArticle, laggingHardened, leaderCrash, leaderIsolated, splitVote, staleVotes, unpersistedVote };
