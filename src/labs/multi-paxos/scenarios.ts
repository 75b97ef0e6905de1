/**
 * The Multi-Paxos lab's guided scenarios, each checked at its seed by tests/paxos/scenarios.test.ts.
 */
import type { Action } from '../../sim/actions';
import type { Scenario } from '../contract/scenario';

const command = (at: number, node: string, value: string): Action => ({ at, kind: 'command', node, cmd: { op: 'propose', value } });

const steadyLeader: Scenario = {
  id: 'steady-leader',
  title: 'A stable leader skips phase 1',
  variant: 'hardened',
  seed: 5,
  params: { acceptors: 5, proposers: 3, clientIntervalMs: 100 },
  actions: [],
  untilMs: 1500,
  narration: [
    { at: 0, text: 'Five acceptors; n1, n2 and n3 may lead. Nobody leads yet, so each waits a random election timeout (300 to 600 ms).' },
    { at: 330, text: 'n1 times out first and runs phase 1 once, for every slot from slot 0 on: Prepare(1.n1).' },
    { at: 347, text: 'A majority promises and reports nothing accepted: n1 leads, and its heartbeats keep n2 and n3 from campaigning.' },
    { at: 400, text: 'The built-in client sends a command every 100 ms. Each costs one round trip: Accept to all, Accepted from a majority, then Learn.' },
    { at: 600, text: 'Slots 0, 1, 2… fill in order; every learner applies each slot as soon as all the slots before it are known.' },
    { at: 1500, text: 'One Prepare round for the whole run, and eleven slots chosen and applied everywhere.' },
  ],
};

const leaderChange: Scenario = {
  id: 'leader-change',
  title: 'Leader change: the new leader recovers the log',
  variant: 'hardened',
  seed: 1,
  params: { acceptors: 5, proposers: 3, clientIntervalMs: 0 },
  actions: [
    { at: 50, kind: 'command', node: 'n1', cmd: { op: 'timeout' } },
    command(200, 'n1', 'x'),
    command(300, 'n1', 'y'),
    command(400, 'n1', 'z'),
    { at: 402, kind: 'crash', node: 'n1' },
    command(1000, 'n3', 'w'),
    { at: 1200, kind: 'restart', node: 'n1' },
  ],
  untilMs: 1600,
  narration: [
    { at: 50, text: 'A client tells n1 to time out: it campaigns with ballot 1.n1.' },
    { at: 67, text: 'A majority promises, and n1 leads.' },
    { at: 331, text: '"x" went to slot 0 and "y" to slot 1, each with a single Accept round: no phase 1 while n1 leads. Every learner has applied both.' },
    { at: 400, text: 'n1 sends Accept(1.n1, slot 2, "z")…' },
    { at: 402, text: '…and crashes before any answer comes back.' },
    { at: 414, text: 'The Accepts were on the wire: the acceptors accept "z", so it is chosen, but no learner was told.' },
    { at: 830, text: 'No heartbeats: n3’s election timeout fires first. It prepares 2.n3 from slot 2, the first slot it does not know chosen.' },
    { at: 847, text: 'The promises report "z" in slot 2. n3 leads and re-proposes "z" in 2.n3, the only value it may propose there.' },
    { at: 880, text: '"z" is chosen again, in 2.n3, and every learner that is up has it in slot 2.' },
    { at: 1000, text: 'A client sends "w" to the new leader: slot 3, one round trip.' },
    { at: 1203, text: 'n1 restarted at 1 200 ms as a follower, knowing nothing. The leader’s heartbeat says 4 slots are chosen; n1 asks to catch up.' },
    { at: 1231, text: 'The Learns arrive out of order (1, 3, 0, 2), but n1 applies x, y, z, w strictly in slot order.' },
  ],
};

export const MULTI_PAXOS_SCENARIOS: readonly Scenario[] = [steadyLeader, leaderChange];
