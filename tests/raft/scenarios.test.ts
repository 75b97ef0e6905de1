/**
 * Every Raft scenario, run at its seed: its golden transcript (testdata/<id>.txt, written only
 * with UPDATE_GOLDEN=1; review the diff), and the key fact it exists to show.
 */
import { describe, expect, it } from 'vitest';
import { raftLab } from '../../src/labs/raft/lab';
import * as s from '../../src/labs/raft/scenarios/index';
import type { Scenario } from '../../src/labs/contract/scenario';
import type { TraceEvent } from '../../src/sim/trace';
import { expectGolden } from '../golden';
import { factsOf, opIdOf, resultOf, violationsOf } from './facts';
import { runScenario } from './transcript';

const GOLDEN_DIR = new URL('../../src/protocols/raft/testdata/', import.meta.url);
/** Runs the scenario and compares its transcript with the golden file. */
function run(scenario: Scenario) {
  const out = runScenario(raftLab, scenario);
  expectGolden(new URL(`${scenario.id}.txt`, GOLDEN_DIR), out.transcript);
  return out;
}

const leaders = (events: readonly TraceEvent[]) => factsOf(events, 'leader').map((f) => `${f.node}@${String(f['term'])}`);
const rules = (events: readonly TraceEvent[]) => violationsOf(events).map((v) => v.rule);

describe('raft scenarios', () => {
  it('cover the issue and a bridge: ten of them, narrated in time order within the run', () => {
    expect(raftLab.scenarios.map((x) => x.id)).toEqual(['first-election', 'leader-crash', 'split-vote', 'leader-isolated', 'bridge', 'lagging-follower-article', 'lagging-follower-hardened', 'figure-8', 'stale-votes', 'unpersisted-vote']);
    for (const scenario of raftLab.scenarios) {
      const times = scenario.narration.map((n) => n.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(scenario.untilMs);
    }
  });

  it('narrate moments that happen: each step after the start is within 2 ms of an event of the run', () => {
    for (const scenario of raftLab.scenarios) {
      const times = runScenario(raftLab, scenario).events.filter((e) => e.type !== 'send' && e.type !== 'deliver').map((e) => e.t);
      for (const step of scenario.narration.filter((n) => n.at > 0)) {
        expect(times.some((t) => t >= step.at - 1 && t < step.at + 2), `${scenario.id} at ${step.at}`).toBe(true);
      }
    }
  });

  it('first election: one leader, a follower names it, reads go through the log', () => {
    const { events } = run(s.firstElection);
    expect(leaders(events)).toEqual(['n4@1']);
    expect(resultOf(events, opIdOf(events, 'n4', 450))).toMatchObject({ type: 'ok' });
    expect(resultOf(events, opIdOf(events, 'n1', 450))).toMatchObject({ type: 'fail', value: { notLeader: true, leader: 'n4' } });
    expect(resultOf(events, opIdOf(events, 'n4', 650))).toMatchObject({ type: 'ok', value: '1' });
    expect(rules(events)).toEqual([]);
  });

  it('leader crash: a new leader in the next term; the old one restarts as a follower and catches up', () => {
    const { events } = run(s.leaderCrash);
    expect(leaders(events)).toEqual(['n4@1', 'n5@2']);
    expect(resultOf(events, opIdOf(events, 'n5', 900))).toMatchObject({ type: 'ok' });
    const n4 = factsOf(events, 'apply', 'n4').filter((f) => f.t >= 1200).map((f) => f['index']);
    expect(n4).toEqual([1, 2, 3, 4]);
    expect(rules(events)).toEqual([]);
  });

  it('split vote: terms 1 and 2 end without a leader, term 3 elects one', () => {
    const { events } = run(s.splitVote);
    const candidates = (term: number) => factsOf(events, 'role').filter((f) => f['role'] === 'candidate' && f['term'] === term).length;
    expect(candidates(1)).toBeGreaterThanOrEqual(2);
    expect(candidates(2)).toBeGreaterThanOrEqual(2);
    expect(leaders(events)).toEqual(['n2@3']);
    expect(rules(events)).toEqual([]);
  });

  it('leader isolated: its write never commits, it steps down without raising its term, and its entry is replaced on heal', () => {
    const { events } = run(s.leaderIsolated);
    expect(resultOf(events, opIdOf(events, 'n4', 520))).toBeUndefined();
    const stepDown = factsOf(events, 'role', 'n4').filter((f) => f.t > 500)[0];
    expect(stepDown).toMatchObject({ role: 'follower', term: 1 });
    expect(stepDown?.t).toBeLessThan(1300);
    expect(factsOf(events, 'apply').some((f) => f['cmd'] === 'put x lost')).toBe(false);
    expect(resultOf(events, opIdOf(events, 'n1', 1000))).toMatchObject({ type: 'ok' });
    expect(factsOf(events, 'truncate', 'n4')).toMatchObject([{ index: 2, removed: 1 }]);
    expect(factsOf(events, 'apply', 'n4').map((f) => f['cmd'])).toContain('put x kept');
    expect(rules(events)).toEqual([]);
  });

  it('leader isolated, article: without CheckQuorum n4 stays leader until the heal', () => {
    const { events } = runScenario(raftLab, { ...s.leaderIsolated, variant: 'article' });
    const stepDown = factsOf(events, 'role', 'n4').filter((f) => f.t > 500)[0];
    expect(stepDown?.['role']).toBe('follower');
    expect(stepDown?.t).toBeGreaterThan(1300);
  });

  const nextIndexesFor = (events: readonly TraceEvent[], peer: string) => factsOf(events, 'next').filter((f) => f['peer'] === peer).map((f) => f['index'] as number);

  it('lagging follower, article: nextIndex walks back one step per rejection, one heartbeat each', () => {
    const { events } = run(s.laggingArticle);
    const walk = nextIndexesFor(events, 'n5');
    expect(walk.length).toBeGreaterThanOrEqual(5);
    expect(walk).toEqual(Array.from({ length: walk.length }, (_, i) => (walk[0] as number) - i));
    expect(walk.at(-1)).toBe(2);
    const times = factsOf(events, 'next').map((f) => f.t);
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThan(30);
    expect(rules(events)).toEqual([]);
  });

  it('lagging follower, hardened: one rejection and a jump straight to where the logs agree', () => {
    const { events } = run(s.laggingHardened);
    expect(nextIndexesFor(events, 'n5')).toEqual([2]);
    expect(rules(events)).toEqual([]);
  });

  it('lagging follower: both variants end with n5 holding the whole committed log', () => {
    for (const scenario of [s.laggingArticle, s.laggingHardened]) {
      const { events } = runScenario(raftLab, scenario);
      const lastCommit = (node: string) => Math.max(...factsOf(events, 'commit', node).map((f) => f['index'] as number));
      expect(lastCommit('n5')).toBeGreaterThanOrEqual(lastCommit('n1') - 2);
    }
  });

  it('figure 8: the old entry commits only with one of the current term, and survives', () => {
    const { events } = run(s.figure8);
    expect(leaders(events)).toEqual(['n1@1', 'n5@2', 'n1@3', 'n4@4']);
    const n1Commits = factsOf(events, 'commit', 'n1').filter((f) => f.t > 1450).map((f) => f['index']);
    expect(n1Commits[0]).toBe(3);
    const atIndex2 = factsOf(events, 'apply').filter((f) => f['index'] === 2 && f.t > 1450).map((f) => f['cmd']);
    expect(new Set(atIndex2)).toEqual(new Set(['put x 1']));
    expect(factsOf(events, 'truncate', 'n5')).toMatchObject([{ index: 2 }]);
    expect(rules(events)).toEqual([]);
  });

  it('stale votes (article): two leaders of one term, caught by Election Safety, then diverging logs', () => {
    const { events } = run(s.staleVotes);
    expect(leaders(events)).toEqual(['n1@2', 'n4@2']);
    const n1 = factsOf(events, undefined, 'n1');
    const becameLeader = n1.findIndex((f) => f.kind === 'leader');
    expect(n1[becameLeader - 2]).toMatchObject({ kind: 'tally', term: 1 });
    const first = violationsOf(events)[0];
    expect(first).toMatchObject({ rule: 'election-safety', nodes: ['n1', 'n4'] });
    expect(rules(events)).toEqual(['election-safety', 'log-matching', 'state-machine-safety']);
  });

  it('unpersisted vote (article): the restarted node forgets its term and votes twice in it', () => {
    const { events } = run(s.unpersistedVote);
    expect(factsOf(events, 'vote', 'n1').map((f) => `${String(f['for'])}@${String(f['term'])}`)).toEqual(['n1@1', 'n4@1']);
    expect(violationsOf(events).map((v) => [v.rule, v.nodes])).toEqual([
      ['term-monotonic', ['n1']],
      ['one-vote-per-term', ['n1', 'n4']],
      ['election-safety', ['n1', 'n4']],
    ]);
  });

  it('bridge: the article deposes leader n5 and elects the bridge n3; hardened keeps its first leader', () => {
    const { events } = run(s.bridged);
    expect(leaders(events)).toEqual(['n5@1', 'n3@4']);
    const partition = events.find((e) => e.type === 'partition');
    expect(partition?.type === 'partition' && partition.links).toHaveLength(8);
    expect(events.some((e) => e.type === 'output' && e.node === 'n5' && e.fact['kind'] === 'role' && e.fact['role'] === 'follower' && e.t > 1000)).toBe(true);
    expect(resultOf(events, opIdOf(events, 'n3', 2200))).toMatchObject({ type: 'ok' });
    expect(rules(events)).toEqual([]);
    const hardened = runScenario(raftLab, { ...s.bridged, variant: 'hardened' }).events;
    expect(leaders(hardened)).toEqual(['n4@1']);
    expect(rules(hardened)).toEqual([]);
  });

  it('the hardened variant keeps every checker green on the article scenarios', () => {
    for (const scenario of [s.staleVotes, s.unpersistedVote]) {
      const { events } = runScenario(raftLab, { ...scenario, variant: 'hardened' });
      expect(rules(events)).toEqual([]);
    }
  });

  it('applies agree: no two nodes of a hardened scenario apply different commands at one index', () => {
    const { events } = runScenario(raftLab, s.leaderCrash);
    const applied = new Map<number, unknown>();
    for (const f of factsOf(events, 'apply')) {
      const seen = applied.get(f['index'] as number);
      if (seen !== undefined) expect(f['cmd']).toBe(seen);
      applied.set(f['index'] as number, f['cmd']);
    }
    expect(applied.size).toBeGreaterThan(2);
  });
});
