/**
 * Each Raft scenario's narration against its own run: a step that says something happened is
 * shown at a moment when the trace already holds it. "Next step" stops at the last step and the
 * screenshots are taken there, so a step placed before its outcome would show a story that the
 * pictures contradict.
 */
import { describe, expect, it } from 'vitest';
import { raftLab } from '../../src/labs/raft/lab';
import type { Json } from '../../src/sim/json';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf } from './facts';
import { runScenario } from './transcript';

/** Something a step names: an output fact's fields, a violation's rule, a client's answer, a crash or restart. */
type Happening = { readonly kind: string; readonly node?: string; readonly [field: string]: Json | undefined };
type Seen = Happening & { readonly t: number };

const role = (node: string, name: string, term: number): Happening => ({ kind: 'role', node, role: name, term });
const leader = (node: string, term: number): Happening => ({ kind: 'leader', node, term });
const prevote = (node: string, term: number): Happening => ({ kind: 'prevote', node, term });
const vote = (node: string, candidate: string, term: number): Happening => ({ kind: 'vote', node, for: candidate, term });
const commit = (node: string, index: number): Happening => ({ kind: 'commit', node, index });
const apply = (node: string, index: number, cmd: string): Happening => ({ kind: 'apply', node, index, cmd });
const next = (leaderId: string, peer: string, index: number): Happening => ({ kind: 'next', node: leaderId, peer, index });
const ok = (node: string, opId: string): Happening => ({ kind: 'ok', node, opId });
const violation = (rule: string): Happening => ({ kind: 'violation', rule });
const commitsOn = (nodes: readonly string[], index: number) => nodes.map((n) => commit(n, index));

/**
 * For each scenario, the steps that name an outcome (found by a piece of their text) and what the
 * trace must hold by then. Steps that only announce an action or a mechanism are left out.
 */
const OUTCOMES: Readonly<Record<string, readonly (readonly [string, ...Happening[]])[]>> = {
  'first-election': [
    ["n4's timer fires first", prevote('n4', 1)],
    ['n4 becomes a candidate', role('n4', 'candidate', 1), vote('n4', 'n4', 1)],
    ['leads term 1', leader('n4', 1)],
    ['the leader commits and applies it', commit('n4', 1)],
    ['The followers learn the new commit index', ...commitsOn(['n1', 'n2', 'n3', 'n5'], 1)],
    ['n1 refuses and names the leader', { kind: 'fail', node: 'n1', opId: 'op2' }],
    ['x=1 is committed', commit('n4', 2), ok('n4', 'op1')],
    ['The read is applied at index 3', apply('n4', 3, 'get x'), { kind: 'ok', node: 'n4', opId: 'op3', value: '1' }],
  ],
  'leader-crash': [
    ['committed on all five nodes', ...commitsOn(['n1', 'n2', 'n3', 'n4', 'n5'], 2)],
    ["n5's election timer fires first", prevote('n5', 2), role('n5', 'candidate', 2)],
    ['n5 leads term 2', leader('n5', 2)],
    ['commits on the four live nodes', ...commitsOn(['n1', 'n2', 'n3', 'n5'], 3)],
    ['x=2, written at the new leader', commit('n5', 4), ok('n5', 'op2')],
    ['n4 restarts with only what it persisted', { kind: 'restart', node: 'n4' }, role('n4', 'follower', 1)],
    ['The first heartbeat of term 2', role('n4', 'follower', 2), commit('n4', 4)],
  ],
  'split-vote': [
    ['All five ask for pre-votes', ...['n1', 'n2', 'n3', 'n4', 'n5'].map((n) => prevote(n, 1))],
    ['n4, n3 and n2 become candidates', role('n4', 'candidate', 1), role('n3', 'candidate', 1), role('n2', 'candidate', 1), vote('n1', 'n4', 1), vote('n5', 'n3', 1)],
    ['Term 1 has no leader', role('n4', 'follower', 1), role('n3', 'follower', 1), role('n2', 'follower', 1)],
    ['term 2 splits', ...['n5', 'n1', 'n4'].flatMap((n) => [role(n, 'candidate', 2), role(n, 'follower', 2)])],
    ['n2 gets every vote', leader('n2', 3), ...['n1', 'n3', 'n4', 'n5'].map((n) => vote(n, 'n2', 3))],
  ],
  'leader-isolated': [
    ['CheckQuorum: n4 has not heard', role('n4', 'follower', 1)],
    ['The majority notices the silence', prevote('n1', 2), leader('n1', 2), commit('n1', 2)],
    ['PreVote keeps it from raising its term', prevote('n4', 2)],
    ['x=kept, written at n1', ok('n1', 'op2'), ...commitsOn(['n1', 'n2', 'n3', 'n5'], 3)],
    ['n4, a follower since CheckQuorum', role('n4', 'follower', 2), { kind: 'truncate', node: 'n4', index: 2 }, apply('n4', 3, 'put x kept')],
  ],
  bridge: [
    ['n5 leads term 1', leader('n5', 1)],
    ['x=1 is committed through n5', commit('n5', 1), ok('n5', 'op1')],
    ['n2 times out and stands for term 2', role('n2', 'candidate', 2), role('n3', 'follower', 2)],
    ['n5 steps down', role('n5', 'follower', 2)],
    ['n2 cannot win either', role('n2', 'candidate', 3), role('n5', 'candidate', 3)],
    ['wins term 4', leader('n3', 4)],
    ['x=2 commits through n3', commit('n3', 2), ok('n3', 'op2')],
  ],
  'lagging-follower-article': [
    ['n1 times out and asks for votes in term 2', role('n1', 'candidate', 2)],
    ['n1 leads term 2 with n2 and n3', leader('n1', 2), vote('n2', 'n1', 2), vote('n3', 'n1', 2)],
    ['n5 restarts with its one entry', { kind: 'restart', node: 'n5' }],
    ['8, 7, 6', next('n1', 'n5', 8), next('n1', 'n5', 7), next('n1', 'n5', 6)],
    ['At nextIndex 2 the logs agree', next('n1', 'n5', 2), commit('n5', 16)],
  ],
  'lagging-follower-hardened': [
    ['pre-votes and wins term 2', prevote('n1', 2), leader('n1', 2)],
    ['n5 restarts with its one entry', { kind: 'restart', node: 'n5' }],
    ['The leader jumps nextIndex straight to 2', next('n1', 'n5', 2), commit('n5', 14)],
  ],
  'figure-8': [
    ['wins term 1', leader('n1', 1), ...commitsOn(['n1', 'n2', 'n3', 'n4', 'n5'], 1)],
    ['n3 and n4 vote for it', role('n5', 'candidate', 2), vote('n3', 'n5', 2), vote('n4', 'n5', 2)],
    ['n5 leads term 2', leader('n5', 2)],
    ['n1 asks for pre-votes for term 2', prevote('n1', 2), role('n1', 'follower', 2)],
    ['n1 runs for term 3 and wins', leader('n1', 3)],
    ['n1 commits 3, and 2 with it', commit('n1', 3), apply('n1', 2, 'put x 1')],
    ['It can never overwrite index 2 now', prevote('n5', 3), role('n5', 'follower', 3)],
    ['n4 wins term 4', leader('n4', 4)],
    ['cuts its stale no-op', { kind: 'truncate', node: 'n5', index: 2 }, apply('n5', 2, 'put x 1')],
  ],
  'stale-votes': [
    ['n2 and n3 vote for it at once', vote('n2', 'n1', 1), vote('n3', 'n1', 1)],
    ['n5, n2 and n3 say yes', role('n4', 'candidate', 2), vote('n5', 'n4', 2), vote('n2', 'n4', 2), vote('n3', 'n4', 2)],
    ['n1 times out again: term 2', role('n1', 'candidate', 2)],
    ["n1's count for term 1 ends", { kind: 'tally', node: 'n1', term: 1, granted: 3 }, leader('n1', 2)],
    ["n4's count ends", { kind: 'tally', node: 'n4', term: 2, granted: 4 }, leader('n4', 2), violation('election-safety')],
    ['so Log Matching breaks', violation('log-matching')],
    ['both clients are told OK', violation('state-machine-safety'), ok('n1', 'op5'), ok('n4', 'op6')],
  ],
  'unpersisted-vote': [
    ['n1 times out: term 1', role('n1', 'candidate', 1), vote('n1', 'n1', 1)],
    ['n1 counts 3 of 5', { kind: 'tally', node: 'n1', term: 1, granted: 3 }, leader('n1', 1)],
    ['n1 crashes before', { kind: 'crash', node: 'n1' }],
    ['Its term went backwards', { kind: 'restart', node: 'n1' }, violation('term-monotonic')],
    ['its second vote in term 1', vote('n1', 'n4', 1), violation('one-vote-per-term')],
    ['n4 leads term 1', leader('n4', 1), violation('election-safety')],
  ],
};

/** The run's happenings in time order, in the shape of `Happening`. */
function happenings(events: readonly TraceEvent[]): Seen[] {
  return events.flatMap((e): Seen[] => {
    switch (e.type) {
      case 'output':
        return factsOf([e]);
      case 'violation':
        return [{ t: e.t, kind: 'violation', rule: e.rule }];
      case 'ok':
      case 'fail':
        return [{ t: e.t, kind: e.type, node: e.node, opId: e.opId, ...(e.value === undefined ? {} : { value: e.value }) }];
      case 'crash':
      case 'restart':
        return [{ t: e.t, kind: e.type, node: e.node }];
      default:
        return [];
    }
  });
}

const matches = (seen: Seen, wanted: Happening) => Object.entries(wanted).every(([key, value]) => seen[key] === value);

describe('raft scenario narration', () => {
  it('lists the outcomes of every scenario', () => {
    expect(Object.keys(OUTCOMES).sort()).toEqual(raftLab.scenarios.map((s) => s.id).sort());
  });

  for (const scenario of raftLab.scenarios) {
    it(`${scenario.id}: each step that names an outcome comes after it, and shows something new`, () => {
      const seen = happenings(runScenario(raftLab, scenario).events);
      const steps = scenario.narration;
      for (const [fragment, ...wanted] of OUTCOMES[scenario.id] ?? []) {
        const at = steps.flatMap((s, i) => (s.text.includes(fragment) ? [i] : []));
        expect(at, `one step of ${scenario.id} says "${fragment}"`).toHaveLength(1);
        const i = at[0] as number;
        const step = steps[i] as (typeof steps)[number];
        const firstTimes = wanted.map((w) => seen.find((h) => matches(h, w))?.t ?? Infinity);
        wanted.forEach((w, k) => expect(firstTimes[k], `${scenario.id} step ${i + 1} at ${step.at} ms: ${JSON.stringify(w)}`).toBeLessThanOrEqual(step.at));
        const previousAt = steps[i - 1]?.at ?? -Infinity;
        expect(Math.max(...firstTimes), `${scenario.id} step ${i + 1} shows nothing that happened after step ${i}`).toBeGreaterThan(previousAt);
      }
    });
  }
});
