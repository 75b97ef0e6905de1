/** Elections and failover in the hardened variant: how Raft is meant to behave. */
import type { Scenario } from '../../contract/scenario';
import { bridge, crash, get, healAll, isolate, put, restart } from './actions';

/** At seed 3, n4's timer fires first and it wins term 1 cleanly; the next scenarios start there. */
const QUIET = { clientIntervalMs: 0 };

export const firstElection: Scenario = {
  id: 'first-election',
  title: 'First election',
  variant: 'hardened',
  seed: 3,
  params: QUIET,
  actions: [put(450, 'n4', 'x', '1'), put(450, 'n1', 'x', '2'), get(650, 'n4', 'x')],
  untilMs: 800,
  narration: [
    { at: 0, text: 'Five nodes start as followers in term 0, each with an election timer set to a random 150–300 ms.' },
    { at: 156, text: "n4's timer fires first. Hardened Raft first asks for pre-votes: would the others vote for n4 in term 1? Asking changes no one's term." },
    { at: 177, text: 'A majority says yes, so n4 becomes a candidate: term 1 and a vote for itself, both persisted before it sends RequestVote to everyone.' },
    { at: 197, text: 'n4 has a majority of votes and leads term 1. It appends a blank no-op entry of its own term and sends heartbeats (empty AppendEntries) every 50 ms.' },
    { at: 218, text: 'The no-op is stored on a majority, so the leader commits and applies it.' },
    { at: 260, text: 'The followers learn the new commit index with the next heartbeat and apply the no-op too.' },
    { at: 450, text: 'A client writes x=1 at the leader and x=2 at follower n1. n1 refuses and names the leader it knows: n4.' },
    { at: 470, text: 'x=1 is committed as soon as a majority stores it; n4 applies it and answers the client.' },
    { at: 650, text: 'A client reads x at n4. A read goes through the log too: it is answered only when its entry is applied, so it sees every write committed before it.' },
    { at: 669, text: 'The read is applied at index 3 and answered: x is 1.' },
  ],
};

export const leaderCrash: Scenario = {
  id: 'leader-crash',
  title: 'Leader crash and re-election',
  variant: 'hardened',
  seed: 3,
  params: QUIET,
  actions: [put(400, 'n4', 'x', '1'), crash(520, 'n4'), put(900, 'n5', 'x', '2'), restart(1200, 'n4')],
  untilMs: 1600,
  narration: [
    { at: 0, text: "The same seed as 'First election': n4 will win term 1 at 196 ms." },
    { at: 461, text: 'x=1, written at n4 at 400 ms, is committed on all five nodes.' },
    { at: 520, text: 'n4 crashes. The followers hear no more heartbeats.' },
    { at: 754, text: "n5's election timer fires first: a pre-vote, then a candidacy for term 2." },
    { at: 777, text: 'n5 leads term 2 and appends a no-op at index 3.' },
    { at: 842, text: 'The no-op commits on the four live nodes.' },
    { at: 921, text: 'x=2, written at the new leader at 900 ms, commits.' },
    { at: 1200, text: 'n4 restarts with only what it persisted: term 1, its vote and its log. It is a follower.' },
    { at: 1238, text: 'The first heartbeat of term 2 brings its term and log up to date, and it applies the log again from index 1.' },
  ],
};

export const splitVote: Scenario = {
  id: 'split-vote',
  title: 'Split vote',
  variant: 'hardened',
  seed: 6,
  params: { ...QUIET, electionTimeoutMsMin: 150, electionTimeoutMsMax: 165 },
  actions: [],
  untilMs: 800,
  narration: [
    { at: 0, text: 'The election timeouts are narrowed to 150–165 ms, so the five timers fire within a few ms of each other.' },
    { at: 162, text: 'All five ask for pre-votes within 11 ms of each other. Nobody has a leader, so everyone grants them.' },
    { at: 177, text: 'n4, n3 and n2 become candidates for term 1, each voting for itself; n1 votes for n4 and n5 for n3. No candidate can reach the three votes it needs.' },
    { at: 199, text: 'Each candidate counts a majority of refusals and gives up. Term 1 has no leader.' },
    { at: 378, text: 'The timers, drawn again, fire close together again: term 2 splits between n5, n1 and n4 and ends without a leader too.' },
    { at: 548, text: "In term 3 n2's timer fires 14 ms before any other, long enough for its requests to arrive first: n2 gets every vote and leads term 3. Randomized timeouts end split votes, the wider the range the sooner." },
  ],
};

export const leaderIsolated: Scenario = {
  id: 'leader-isolated',
  title: 'Leader isolated in a minority',
  variant: 'hardened',
  seed: 3,
  params: QUIET,
  actions: [isolate(500, 'n4'), put(520, 'n4', 'x', 'lost'), put(1000, 'n1', 'x', 'kept'), healAll(1300)],
  untilMs: 1700,
  narration: [
    { at: 0, text: "The same seed as 'First election': n4 will win term 1 at 196 ms." },
    { at: 500, text: 'n4 is cut off from the other four: a leader in a minority of one.' },
    { at: 520, text: 'A client writes x=lost at n4. n4 appends it, but no follower can store it: it never commits, and the client never gets an answer.' },
    { at: 647, text: 'CheckQuorum: n4 has not heard from a majority for an election timeout, so it steps down by itself, still in term 1, before anyone else has a leader. (The article variant has no CheckQuorum: there n4 stays leader until the heal.)' },
    { at: 722, text: 'The majority notices the silence: n1 pre-votes, wins term 2 and commits its no-op at index 2.' },
    { at: 884, text: 'n4 times out as well, but PreVote keeps it from raising its term: nobody answers, and it stays in term 1.' },
    { at: 1068, text: 'x=kept, written at n1 at 1000 ms, commits on the majority side.' },
    { at: 1300, text: 'The partition heals.' },
    { at: 1311, text: "n4, a follower since CheckQuorum, takes n1's heartbeat and its term 2. n4's entry at index 2 (x=lost, term 1) conflicts with n1's no-op of term 2, so n4 cuts it and takes n1's log: x=lost is gone, x=kept applied." },
  ],
};

/**
 * A bridge (as in Jepsen's nemesis): each half with the middle node is a majority. At seed 1 the
 * article's leader is n5; the same actions in the hardened variant keep its leader (n4 there).
 */
export const bridged: Scenario = {
  id: 'bridge',
  title: 'A bridge node deposes a working leader (article)',
  variant: 'article',
  seed: 1,
  params: QUIET,
  actions: [put(600, 'n5', 'x', '1'), bridge(1000, 'n3'), put(2200, 'n3', 'x', '2')],
  untilMs: 2400,
  narration: [
    { at: 0, text: "Five nodes running the article's Raft: no PreVote, no CheckQuorum, and a candidate counts its votes only once every peer has answered or timed out." },
    { at: 188, text: 'n5 leads term 1.' },
    { at: 660, text: 'x=1 is committed through n5.' },
    { at: 1000, text: 'The network becomes a bridge: n1 and n2 on one side, n4 and n5 on the other, and n3 in the middle, the only node that reaches both sides. Leader n5 still reaches n3 and n4, a majority: it could go on committing.' },
    { at: 1181, text: 'But n1 and n2 hear no more heartbeats. n2 times out and stands for term 2; n3 sees the higher term and takes it.' },
    { at: 1203, text: "n5's next heartbeat to n3 is answered with term 2, and n5 steps down: a working leader deposed by a node that cannot even reach it." },
    { at: 1415, text: 'n2 cannot win either: n4 and n5 never answer its RequestVote, so its count waits for their timeout, and its election timer fires first. Term 3, and n5 tries too.' },
    { at: 1532, text: 'n3, the one node every other node reaches, wins term 4. The cluster had no leader for about 330 ms.' },
    { at: 2255, text: "x=2 commits through n3. Switch the variant to hardened: n3 refuses a pre-vote while it still hears its leader, so the timeouts on one side depose no one and term 1's leader (n4 at this seed) keeps leading through the bridge." },
  ],
};
