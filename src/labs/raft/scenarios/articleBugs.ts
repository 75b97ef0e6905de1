/** The article's pitfalls, each shown happening and caught by a checker. */
import type { Scenario } from '../../contract/scenario';
import { crash, cut, healAll, put, restart, timeout } from './actions';

/** Long election timeouts, so only the scenario's forced time-outs start elections. */
const SCRIPTED = { clientIntervalMs: 0, electionTimeoutMsMin: 1000, electionTimeoutMsMax: 1200, rpcTimeoutMs: 400 };

export const staleVotes: Scenario = {
  id: 'stale-votes',
  title: "Stale votes: two leaders in one term (article)",
  variant: 'article',
  seed: 1,
  params: SCRIPTED,
  actions: [
    cut(100, 'n1', 'n4'),
    cut(100, 'n1', 'n5'),
    timeout(200, 'n1'),
    timeout(300, 'n4'),
    timeout(320, 'n4'),
    timeout(350, 'n1'),
    put(800, 'n1', 'x', 'from-n1'),
    put(800, 'n4', 'x', 'from-n4'),
  ],
  untilMs: 1300,
  narration: [
    { at: 0, text: 'Article variant. Election timeouts are long (1–1.2 s), so only forced time-outs start elections here; a vote RPC times out after 400 ms.' },
    { at: 100, text: 'n1 loses its links to n4 and n5.' },
    { at: 212, text: 'n1 times out at 200 ms: term 1. n2 and n3 vote for it at once, but the article counts only after every peer has answered or timed out (seed lines 113-120), so n1 waits for n4 and n5 until 600 ms.' },
    { at: 334, text: 'n4 times out twice (300 and 320 ms) and asks for votes in term 2: n5, n2 and n3 say yes. n4 also waits, for n1, until 720 ms.' },
    { at: 350, text: 'n1 times out again: term 2. It asks n2 and n3, which have voted for n4 in term 2 already: both will refuse.' },
    { at: 600, text: "n1's count for term 1 ends: 3 of 5. The article checks the count and that n1 is a candidate (line 125), not that the votes were for the term n1 is in now: n1 becomes leader of term 2 with votes from term 1." },
    { at: 720, text: "n4's count ends: 4 of 5, and n4 becomes leader of term 2 as well. Election Safety is broken." },
    { at: 800, text: 'Each leader takes a write: x=from-n1 at n1, x=from-n4 at n4, both at index 1 in term 2.' },
    { at: 820, text: 'Followers see the same index and term from both and keep the first they got, so Log Matching breaks.' },
    { at: 872, text: 'The two leaders commit and apply different values at index 1, which breaks State Machine Safety, and both clients are told OK.' },
  ],
};

export const unpersistedVote: Scenario = {
  id: 'unpersisted-vote',
  title: 'Unpersisted vote: a restarted node votes twice (article)',
  variant: 'article',
  seed: 1,
  params: SCRIPTED,
  actions: [cut(100, 'n1', 'n4'), cut(100, 'n1', 'n5'), timeout(200, 'n1'), crash(650, 'n1'), restart(700, 'n1'), healAll(700), timeout(750, 'n4')],
  untilMs: 1000,
  narration: [
    { at: 0, text: 'Article variant, long election timeouts. At 100 ms n1 loses its links to n4 and n5, which stay in term 0.' },
    { at: 200, text: 'n1 times out: term 1 and a vote for itself. The article persists neither (seed lines 80-82 call no persist).' },
    { at: 600, text: 'Once the RPCs to n4 and n5 time out, n1 counts 3 of 5 (itself, n2, n3) and leads term 1.' },
    { at: 650, text: 'n1 crashes before anything made it write its state to disk.' },
    { at: 700, text: 'n1 restarts with nothing persisted: term 0, no vote. Its term went backwards. The network heals.' },
    { at: 760, text: 'n4 times out into term 1 at 750 ms and asks n1, which has no record of voting in term 1 and says yes: its second vote in term 1.' },
    { at: 774, text: 'With n1, n5 and itself, n4 leads term 1, a term n1 already led.' },
  ],
};
