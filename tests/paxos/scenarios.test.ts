/** Each scenario shows, at its seed, exactly what its title and narration say. */
import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import type { MultiState } from '../../src/protocols/paxos/multi/types';
import type { PaxosState } from '../../src/protocols/paxos/types';
import { roundOf } from '../../src/protocols/paxos/ballot';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { factsOf, majorityAccepted, runScenario, scenarioOf, violationsOf } from './scenarioRun';

const run = (id: string) => runScenario(paxosLab, scenarioOf(paxosLab, id));
const runMulti = (id: string) => runScenario(multiPaxosLab, scenarioOf(multiPaxosLab, id));
const values = (events: Parameters<typeof factsOf>[0]) => [...new Set(factsOf(events, 'chosen').map((f) => f.fact['value']))];

describe('paxos scenarios', () => {
  it('value-chosen: "A" is chosen in 1.n1 and every learner learns it', () => {
    const { events } = run('value-chosen');
    const chosen = factsOf(events, 'chosen');
    expect(chosen.map((f) => f.node).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(chosen.every((f) => f.fact['value'] === 'A' && f.fact['ballot'] === '1.n1')).toBe(true);
    expect(events.find((e) => e.type === 'ok')).toMatchObject({ node: 'n1', value: 'A' });
    expect(violationsOf(events)).toEqual([]);
  });

  it('later-adopts: "A" is chosen before n2 starts, and n2 proposes "A" instead of its "B"', () => {
    const { events } = run('later-adopts');
    expect(majorityAccepted(events.filter((e) => e.t < 400), 3)).toEqual(['0:1.n1=A']);
    expect(factsOf(events, 'chosen').filter((f) => f.t < 400)).toEqual([]);
    const accept = factsOf(events, 'phase').find((f) => f.node === 'n2' && f.fact['phase'] === 'accept');
    expect(accept?.fact).toMatchObject({ ballot: '1.n2', value: 'A', adopted: true });
    expect(values(events)).toEqual(['A']);
    expect(events.find((e) => e.type === 'ok')).toMatchObject({ node: 'n2', value: 'A' });
    expect(violationsOf(events)).toEqual([]);
  });

  it('dueling-livelock: ballots climb past 100 and no ballot is accepted by a majority', () => {
    const { events } = run('dueling-livelock');
    const rounds = factsOf(events, 'phase').map((f) => roundOf(String(f.fact['ballot'])));
    expect(Math.max(...rounds)).toBeGreaterThan(100);
    expect(factsOf(events, 'phase').filter((f) => f.fact['phase'] === 'accept').length).toBeGreaterThan(50);
    expect(majorityAccepted(events, 3)).toEqual([]);
    expect(factsOf(events, 'chosen')).toEqual([]);
    // Both proposers are still at it at the end.
    expect(new Set(factsOf(events, 'phase').filter((f) => f.t > 1400).map((f) => f.node))).toEqual(new Set(['n1', 'n2']));
    expect(violationsOf(events)).toEqual([]);
  });

  it('dueling-backoff: the same duel with randomized backoff chooses one value within 50 ms', () => {
    const { events } = run('dueling-backoff');
    const chosen = factsOf(events, 'chosen');
    expect(chosen[0]?.t).toBeLessThan(150);
    expect(chosen.map((f) => f.node).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(values(events)).toHaveLength(1);
    expect(events.filter((e) => e.type === 'ok').map((e) => (e.type === 'ok' ? e.value : null))).toEqual([chosen[0]?.fact['value'], chosen[0]?.fact['value']]);
  });

  it('article-stalled: n1 holds a majority of promises but waits for dead n5 forever, and n2 waits for n1', () => {
    const r = run('article-stalled');
    expect(factsOf(r.events, 'chosen')).toEqual([]);
    const n1 = r.sim.world.nodes['n1']?.state as PaxosState;
    const n2 = r.sim.world.nodes['n2']?.state as PaxosState;
    expect(n1.proposer).toMatchObject({ phase: 'prepare', ballot: '1.n1', promises: ['n1', 'n4', 'n3', 'n2'] });
    expect(n2.proposer).toMatchObject({ phase: 'prepare', ballot: '1.n2' });
    expect(n1.proposer?.locked.map((l) => l.msg.type)).toEqual(['Prepare']);
    expect(r.events.filter((e) => e.type === 'drop' && e.to === 'n5')).toHaveLength(2);
    // After n5 restarts nothing is ever sent again: no timeout, no retry.
    expect(r.events.filter((e) => e.type === 'send' && e.t > 400)).toEqual([]);
  });

  it('restart-keeps-promise: restarted n3 reports (1.n1, "A") and n2 adopts it; one value only', () => {
    const { events } = run('restart-keeps-promise');
    const report = events.find((e) => e.type === 'send' && e.from === 'n3' && e.msg['type'] === 'Promise' && e.t > 400);
    expect(report?.type === 'send' && report.msg['accepted']).toEqual([{ slot: 0, ballot: '1.n1', value: 'A' }]);
    expect(values(events)).toEqual(['A']);
    expect(violationsOf(events)).toEqual([]);
  });

  it('forgetful-acceptor: restarted n3 forgot, "B" is chosen after "A", and the checker catches it', () => {
    const { events } = run('forgetful-acceptor');
    expect(majorityAccepted(events, 3)).toEqual(['0:1.n1=A', '0:1.n2=B']);
    expect(values(events)).toEqual(['A', 'B']);
    expect(violationsOf(events)).toEqual(['one-value-per-slot']);
  });
});

describe('multi-paxos scenarios', () => {
  it('steady-leader: one phase 1 for the whole run, then one Accept round per command, applied in order everywhere', () => {
    const r = runMulti('steady-leader');
    const prepares = r.events.filter((e) => e.type === 'send' && e.msg['type'] === 'Prepare');
    expect(new Set(prepares.map((e) => (e.type === 'send' ? e.msg['ballot'] : null)))).toEqual(new Set(['1.n1']));
    expect(factsOf(r.events, 'role').map((f) => f.fact['role'])).toEqual(['candidate', 'leader']);
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) expect((r.sim.world.nodes[id]?.state as MultiState).log.applied).toBe(11);
    expect(violationsOf(r.events)).toEqual([]);
  });

  it('leader-change: n3 takes over with 2.n3, finishes "z" in slot 2, and restarted n1 applies x, y, z, w in order', () => {
    const r = runMulti('leader-change');
    const leaders = factsOf(r.events, 'role').filter((f) => f.fact['role'] === 'leader');
    expect(leaders.map((f) => `${f.node}@${String(f.fact['ballot'])}`)).toEqual(['n1@1.n1', 'n3@2.n3']);
    expect(factsOf(r.events, 'chosen').filter((f) => f.fact['slot'] === 2).every((f) => f.fact['value'] === 'z' && f.fact['ballot'] === '2.n3')).toBe(true);
    // "z" was already chosen (a majority accepted it in 1.n1) before n1 crashed unknowing.
    expect(majorityAccepted(r.events.filter((e) => e.t < 800), 3)).toContain('2:1.n1=z');
    const n1Applied = factsOf(r.events, 'applied').filter((f) => f.node === 'n1' && f.t > 1200);
    expect(n1Applied.map((f) => f.fact['value'])).toEqual(['x', 'y', 'z', 'w']);
    expect(violationsOf(r.events)).toEqual([]);
  });
});

describe('narration', () => {
  type Event = ReturnType<typeof run>['events'][number];
  type Seen = { readonly node: string; readonly f: Record<string, unknown>; readonly t: number };
  const fact = (kind: string, test: (seen: Seen) => boolean = () => true) => (e: Event) => e.type === 'output' && e.fact['kind'] === kind && test({ node: e.node, f: e.fact, t: e.t });
  /** Each step, by a piece of its text, and what it tells of: it must come at or after the last of those events. */
  const cases: [LabDefinition, string, string, (e: Event) => boolean][] = [
    [paxosLab, 'value-chosen', 'Each acceptor has written its promise', fact('promised')],
    [paxosLab, 'value-chosen', 'learns "A" and tells every learner', fact('chosen', ({ node }) => node === 'n1')],
    [paxosLab, 'later-adopts', 'All four acceptors accept "A"', fact('accepted', ({ f }) => f['ballot'] === '1.n1')],
    [paxosLab, 'later-adopts', 'it proposes "A", not "B"', fact('phase', ({ node, f }) => node === 'n2' && f['phase'] === 'accept')],
    [paxosLab, 'later-adopts', 'every learner that is up learns it', fact('chosen')],
    [paxosLab, 'dueling-livelock', 'prepares 2.n1 at once', fact('phase', ({ f }) => f['phase'] === 'prepare' && f['ballot'] === '2.n1')],
    [paxosLab, 'dueling-backoff', 'waits 39 ms', fact('phase', ({ node, f }) => node === 'n1' && f['phase'] === 'backoff')],
    [paxosLab, 'dueling-backoff', 'all five acceptors accept "B"', fact('accepted')],
    [paxosLab, 'dueling-backoff', 'learns "B" and tells the learners', fact('chosen', ({ node }) => node === 'n2')],
    [paxosLab, 'dueling-backoff', 'n1 learns "B" while it is still backing off', fact('chosen', ({ node }) => node === 'n1')],
    [paxosLab, 'article-stalled', 'its Prepare to n5 is lost', (e) => e.type === 'drop' && e.to === 'n5'],
    [paxosLab, 'restart-keeps-promise', 'the three learn it', fact('chosen', ({ t }) => t < 300)],
    [paxosLab, 'restart-keeps-promise', 'it reports (1.n1, "A")', (e) => e.type === 'send' && e.from === 'n3' && e.msg['type'] === 'Promise' && e.t > 400],
    [paxosLab, 'forgetful-acceptor', 'the three learn it', fact('chosen', ({ t }) => t < 300)],
    [paxosLab, 'forgetful-acceptor', 'n2 proposes its own "B"', fact('phase', ({ node, f }) => node === 'n2' && f['phase'] === 'accept')],
    [multiPaxosLab, 'steady-leader', 'n1 leads', fact('role', ({ f }) => f['role'] === 'leader')],
    [multiPaxosLab, 'leader-change', 'n1 leads', fact('role', ({ node, f }) => node === 'n1' && f['role'] === 'leader')],
    [multiPaxosLab, 'leader-change', 'Every learner has applied both', fact('applied', ({ f, t }) => f['slot'] === 1 && t < 400)],
    [multiPaxosLab, 'leader-change', 'the acceptors accept "z"', fact('accepted', ({ f }) => f['ballot'] === '1.n1')],
    [multiPaxosLab, 'leader-change', 'n3 leads and re-proposes "z"', fact('role', ({ node, f }) => node === 'n3' && f['role'] === 'leader')],
    [multiPaxosLab, 'leader-change', 'every learner that is up has it in slot 2', fact('chosen', ({ f, t }) => f['slot'] === 2 && t < 1200)],
    [multiPaxosLab, 'leader-change', 'n1 asks to catch up', (e) => e.type === 'send' && e.msg['type'] === 'CatchUp'],
    [multiPaxosLab, 'leader-change', 'n1 applies x, y, z, w', fact('applied', ({ node }) => node === 'n1')],
  ];

  it.each(cases.map(([lab, id, words, happened]) => [`${lab.id} ${id}`, words, lab, id, happened] as const))('%s: "%s" comes after it happened', (_, words, lab, id, happened) => {
    const step = scenarioOf(lab, id).narration.find((s) => s.text.includes(words));
    const times = runScenario(lab, scenarioOf(lab, id)).events.filter(happened).map((e) => e.t);
    expect(step, `no step says "${words}"`).toBeDefined();
    expect(times.length).toBeGreaterThan(0);
    expect(step?.at).toBeGreaterThanOrEqual(Math.max(...times));
  });
});
