/**
 * The Paxos lab's guided scenarios. Each one is seeded and scripted, and its story is checked by
 * a test (tests/paxos/scenarios.test.ts) at exactly this seed. The built-in client is off in all
 * of them (`autoProposeMs` 0), so only the scripted proposals happen.
 */
import type { Action } from '../../sim/actions';
import type { Scenario } from '../contract/scenario';

const propose = (at: number, node: string, value: string): Action => ({ at, kind: 'command', node, cmd: { op: 'propose', value } });

const valueChosen: Scenario = {
  id: 'value-chosen',
  title: 'A value is chosen',
  variant: 'hardened',
  seed: 1,
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0 },
  actions: [propose(100, 'n1', 'A')],
  untilMs: 400,
  narration: [
    { at: 0, text: 'Five acceptors, n1..n5; n1 and n2 can also propose, and every node learns.' },
    { at: 100, text: 'A client asks n1 to propose "A". Phase 1: n1 picks ballot 1.n1, promises it to itself (on disk first) and sends Prepare to the others.' },
    { at: 112, text: 'Each acceptor has written its promise to disk, then answered: it will take nothing numbered below 1.n1, and it has accepted nothing yet.' },
    { at: 117, text: 'Three promises are a majority. Nobody reported an accepted value, so n1 is free to propose its own: Accept(1.n1, "A").' },
    { at: 125, text: 'Acceptors accept "A" and say so. The moment a majority has accepted, "A" is chosen, before anyone knows it.' },
    { at: 130, text: 'n1 counts a majority of Accepted, learns "A" and tells every learner; its client gets "A".' },
  ],
};

const laterAdopts: Scenario = {
  id: 'later-adopts',
  title: 'Two proposers: the later one adopts the earlier value',
  variant: 'hardened',
  seed: 1,
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0 },
  actions: [propose(100, 'n1', 'A'), { at: 120, kind: 'crash', node: 'n1' }, propose(400, 'n2', 'B'), { at: 700, kind: 'restart', node: 'n1' }],
  untilMs: 900,
  narration: [
    { at: 100, text: 'n1 proposes "A" with ballot 1.n1: Prepare to every acceptor.' },
    { at: 117, text: 'With a majority of promises in, n1 sends Accept(1.n1, "A")…' },
    { at: 120, text: '…and crashes before any answer comes back. Its Accepts are on the wire all the same.' },
    { at: 130, text: 'All four acceptors accept "A": it is chosen, but no learner knows, and n1 is gone.' },
    { at: 400, text: 'n2 wants "B" and prepares 1.n2, a higher ballot than 1.n1.' },
    { at: 417, text: 'The promises report "A", accepted in 1.n1. n2 must adopt the highest-numbered value it was told about: it proposes "A", not "B".' },
    { at: 453, text: '"A" is chosen again in 1.n2 (the same value, so nothing changed) and every learner that is up learns it. n2’s client is answered "A".' },
    { at: 700, text: 'n1 restarts with its promise and accepted value from disk.' },
  ],
};

const DUEL: Pick<Scenario, 'seed' | 'actions' | 'untilMs'> = {
  seed: 66,
  actions: [propose(100, 'n1', 'A'), propose(100, 'n2', 'B')],
  untilMs: 1500,
};

const duelingLivelock: Scenario = {
  id: 'dueling-livelock',
  title: 'Dueling proposers: numbers climb, nothing is chosen',
  variant: 'hardened',
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0, backoff: 'none' },
  ...DUEL,
  narration: [
    { at: 0, text: 'Five acceptors; n1 and n2 both propose. Backoff is off: a proposer that learns it was overtaken starts a higher round at once.' },
    { at: 100, text: 'n1 prepares 1.n1 and n2 prepares 1.n2, at the same moment.' },
    { at: 115, text: 'n2’s Prepare reaches n1, whose own acceptor promises 1.n2: n1’s round cannot win now, so it gives up and prepares 2.n1 at once.' },
    { at: 122, text: 'n2 has its majority of promises and sends Accept(1.n2, "B"), but 2.n1 is already overtaking it at the acceptors.' },
    { at: 126, text: 'n2 gives up and prepares 3.n2, which overtakes 2.n1 in turn. Each Prepare lands before the rival’s Accepts can win a majority.' },
    { at: 300, text: 'The ballots have climbed past 20 and no ballot has been accepted by a majority: nothing is chosen.' },
    { at: 1500, text: 'Past 130 rounds, still nothing chosen: the livelock of Paxos Made Simple, section 2.4. Safety holds; progress does not.' },
  ],
};

const duelingBackoff: Scenario = {
  id: 'dueling-backoff',
  title: 'Dueling proposers: randomized backoff ends the duel',
  variant: 'hardened',
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0, backoff: 'randomized' },
  ...DUEL,
  untilMs: 400,
  narration: [
    { at: 100, text: 'The same duel at the same seed, with randomized backoff: an overtaken proposer waits a random time (below 40 ms, doubling with each failure) before it tries again.' },
    { at: 115, text: 'n1 is overtaken by 1.n2 as before, but now it waits 39 ms instead of preparing again at once.' },
    { at: 122, text: 'Nobody disturbs n2’s round: Accept(1.n2, "B") goes out…' },
    { at: 137, text: '…and all five acceptors accept "B": it is chosen.' },
    { at: 143, text: 'n2 sees a majority of Accepted, learns "B" and tells the learners; its client gets "B".' },
    { at: 152.5, text: 'n1 learns "B" while it is still backing off (it would have tried again at 153.3 ms), and answers its client with "B".' },
  ],
};

const articleStalled: Scenario = {
  id: 'article-stalled',
  title: 'Article: one dead acceptor stalls the proposer',
  variant: 'article',
  seed: 1,
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0 },
  actions: [{ at: 50, kind: 'crash', node: 'n5' }, propose(100, 'n1', 'A'), propose(300, 'n2', 'B'), { at: 600, kind: 'restart', node: 'n5' }],
  untilMs: 1500,
  narration: [
    { at: 50, text: 'Acceptor n5 crashes. Four of five acceptors are up: a majority, so Paxos should go on.' },
    { at: 100, text: 'The article’s n1 takes its lock and sends Prepare(1.n1) to every other node; it counts itself as a promise without asking its own acceptor.' },
    { at: 126, text: 'n2, n3 and n4 promise: with itself that is 4 of 5. But the article reads one reply from every other node before it counts, and n5 will never answer.' },
    { at: 311, text: 'At 300 ms n2 proposed "B". Its Prepare to n1 waits for n1’s lock, which n1 holds for its whole round; its Prepare to n5 is lost.' },
    { at: 600, text: 'n5 restarts, but the Prepares it missed are never sent again: there is no timeout and no retry. Both proposers wait forever, and nothing is chosen.' },
  ],
};

const RESTART_STORY: Pick<Scenario, 'seed' | 'actions' | 'untilMs'> = {
  seed: 1,
  actions: [
    { at: 50, kind: 'split', groups: [['n1', 'n3', 'n4'], ['n2', 'n5']] },
    propose(100, 'n1', 'A'),
    { at: 300, kind: 'crash', node: 'n3' },
    { at: 400, kind: 'restart', node: 'n3' },
    { at: 500, kind: 'healAll' },
    { at: 500, kind: 'split', groups: [['n1', 'n4'], ['n2', 'n3', 'n5']] },
    propose(600, 'n2', 'B'),
    { at: 900, kind: 'healAll' },
  ],
  untilMs: 1200,
};

const restartKeepsPromise: Scenario = {
  id: 'restart-keeps-promise',
  title: 'An acceptor restarts and keeps its promise (safe)',
  variant: 'hardened',
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0, acceptorPersistence: 'durable' },
  ...RESTART_STORY,
  narration: [
    { at: 50, text: 'The network splits: n1, n3, n4 on one side, n2, n5 on the other.' },
    { at: 156, text: 'At 100 ms n1 proposed "A"; n1, n3 and n4, a majority of five, accept it: "A" is chosen, and the three learn it.' },
    { at: 400, text: 'n3 crashed at 300 ms and now restarts. It wrote its promise and its accepted (1.n1, "A") to disk before it answered, so it reads them back.' },
    { at: 500, text: 'The split moves: now n2, n3, n5 are together, away from n1 and n4.' },
    { at: 611, text: 'n2 proposes "B" with 1.n2. n3 is the one acceptor in n2’s majority that was in n1’s, and it reports (1.n1, "A").' },
    { at: 624, text: 'So n2 proposes "A", and "A" stays the only value chosen.' },
  ],
};

const forgetfulAcceptor: Scenario = {
  id: 'forgetful-acceptor',
  title: 'A forgetful acceptor: two values chosen, and the checker catches it',
  variant: 'hardened',
  params: { acceptors: 5, proposers: 2, autoProposeMs: 0, acceptorPersistence: 'forgetful' },
  ...RESTART_STORY,
  narration: [
    { at: 0, text: 'The same story as "restart keeps its promise", but acceptors keep their promise and accepted value in memory only.' },
    { at: 156, text: 'n1 gets "A" chosen by n1, n3 and n4, and the three learn it.' },
    { at: 400, text: 'n3 crashed at 300 ms and now restarts with nothing: no promise, no accepted value.' },
    { at: 624, text: 'n2 prepared 1.n2 with n3 and n5. Nobody in its majority reports "A", so n2 proposes its own "B".' },
    { at: 635, text: 'n2, n3 and n5 accept "B": a second value is chosen for the same decree. The one-value-per-slot checker stops the run here.' },
  ],
};

export const PAXOS_SCENARIOS: readonly Scenario[] = [valueChosen, laterAdopts, duelingLivelock, duelingBackoff, articleStalled, restartKeepsPromise, forgetfulAcceptor];
