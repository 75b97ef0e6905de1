/** Log repair and the commit rule. */
import type { Scenario } from '../../contract/scenario';
import { crash, cut, healAll, put, restart, split, timeout } from './actions';

/**
 * A follower misses most of the log, and a new leader, which knows nothing of it, starts with
 * nextIndex past its own log. The vote RPC timeout is short so the article's elections with
 * two nodes down stay clean.
 */
const LAGGING = { clientIntervalMs: 100, rpcTimeoutMs: 100 };

export const laggingArticle: Scenario = {
  id: 'lagging-follower-article',
  title: 'Lagging follower repaired, one step at a time (article)',
  variant: 'article',
  seed: 3,
  params: LAGGING,
  actions: [crash(300, 'n5'), crash(1050, 'n4'), timeout(1100, 'n1'), restart(1500, 'n4'), restart(1700, 'n5')],
  untilMs: 2600,
  narration: [
    { at: 0, text: "n4 will lead term 1 from 180 ms, and a client at the leader writes every 100 ms. (The vote RPC timeout is cut to 100 ms here so elections with nodes down stay short; 'Stale votes' shows what a long one does.)" },
    { at: 300, text: 'n5 crashes holding one entry; the log grows on the other four.' },
    { at: 1050, text: 'The leader n4 crashes.' },
    { at: 1100, text: 'n1 times out and asks for votes in term 2; its count ends when the RPCs to n4 and n5 time out.' },
    { at: 1200, text: 'n1 leads term 2 with n2 and n3, and sets every nextIndex just past its own log, index 9: it knows nothing of n5.' },
    { at: 1700, text: 'n5 restarts with its one entry.' },
    { at: 1823, text: 'Each AppendEntries to n5 fails the consistency check, and the article steps nextIndex back by one per rejection (seed line 228), retrying on the next heartbeat: 8, 7, 6...' },
    { at: 2065, text: 'At nextIndex 2 the logs agree; n5 takes everything it lacks in one AppendEntries (the article sends the whole suffix) and catches up: it commits and applies indexes 1 to 16.' },
  ],
};

export const laggingHardened: Scenario = {
  id: 'lagging-follower-hardened',
  title: 'Lagging follower repaired in one jump (hardened)',
  variant: 'hardened',
  seed: 3,
  params: LAGGING,
  actions: [crash(300, 'n5'), crash(1050, 'n4'), timeout(1205, 'n1'), restart(1500, 'n4'), restart(1700, 'n5')],
  untilMs: 2600,
  narration: [
    { at: 0, text: 'n4 will lead term 1 from 196 ms, and a client at the leader writes every 100 ms.' },
    { at: 300, text: 'n5 crashes holding one entry; the log grows on the other four.' },
    { at: 1050, text: 'The leader n4 crashes.' },
    { at: 1243, text: "n1 times out once its lease from n4's heartbeats has run out, pre-votes and wins term 2. Its nextIndex for n5 is just past its own log." },
    { at: 1700, text: 'n5 restarts with its one entry.' },
    { at: 1722, text: "n5's first rejection carries a hint: its log ends at index 1. The leader jumps nextIndex straight to 2 and sends what is missing at once: n5 commits and applies indexes 1 to 14." },
  ],
};

export const figure8: Scenario = {
  id: 'figure-8',
  title: 'Figure 8: an old entry on a majority is not yet committed',
  variant: 'hardened',
  seed: 2,
  params: { clientIntervalMs: 0, electionTimeoutMsMin: 1000, electionTimeoutMsMax: 1500 },
  actions: [
    timeout(20, 'n1'),
    split(300, ['n1', 'n2'], ['n3', 'n4', 'n5']),
    put(310, 'n1', 'x', '1'),
    crash(400, 'n1'),
    cut(1365, 'n5', 'n3', true),
    cut(1365, 'n5', 'n4', true),
    crash(1450, 'n5'),
    healAll(1450),
    restart(1450, 'n1'),
    timeout(1500, 'n1'),
    timeout(1600, 'n1'),
    crash(2000, 'n1'),
    restart(2000, 'n5'),
  ],
  untilMs: 3400,
  narration: [
    { at: 0, text: 'The sequence of Figure 8 in the Raft paper. Election timeouts are 1–1.5 s so the story happens between timers.' },
    { at: 124, text: 'n1 is made to time out at 20 ms and wins term 1; its no-op commits everywhere.' },
    { at: 300, text: 'The network splits: n1, n2 | n3, n4, n5.' },
    { at: 310, text: 'x=1 is written at n1: index 2, term 1. Only n2 can receive it, so it will be stored on n1 and n2 only.' },
    { at: 400, text: 'n1 crashes.' },
    { at: 1369, text: "n5 becomes a candidate for term 2 and n3 and n4 vote for it. Just after its requests leave, its links to n3 and n4 fail one way: their votes come back, its entries will not get out." },
    { at: 1379, text: 'n5 leads term 2 and appends its no-op at index 2, term 2, on n5 alone. Two different entries now sit at index 2, each on a minority.' },
    { at: 1450, text: 'n5 crashes, the network heals, and n1 restarts with x=1 at index 2.' },
    { at: 1519, text: 'n1 asks for pre-votes for term 2; n3 and n4 are in term 2 already and refuse, telling n1 their term.' },
    { at: 1638, text: "n1 runs for term 3 and wins: its log ends at index 2 in term 1, ahead of n3's and n4's. If it now counted index 2 on a majority and called it committed, a crash could let n5 win and overwrite it. Raft commits only entries of the current term by counting (§5.4.2); hardened n1 appends a no-op of term 3 at once, and index 2 travels with it." },
    { at: 1671, text: 'Index 3, of term 3, is on a majority: n1 commits 3, and 2 with it. x=1 is committed for good.' },
    { at: 2000, text: 'n1 crashes and n5 restarts with its term-2 no-op at index 2.' },
    { at: 3068, text: 'n5 times out and asks for pre-votes: refused, its log is behind (last term 2 against 3). It can never overwrite index 2 now.' },
    { at: 3133, text: 'n4 wins term 4.' },
    { at: 3185, text: "n4's AppendEntries walk back to n5's index 2: n5 follows n4, cuts its stale no-op of term 2 there and takes x=1. Every checker stays green." },
  ],
};
