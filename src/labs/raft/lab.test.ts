import { describe, expect, it } from 'vitest';
import { initialState } from '../../protocols/raft';
import type { NodeView } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { modelOf, resolveLabParams } from '../../runtime/runnableLab';
import { displayNode } from '../contract/look';
import { buildFrame } from '../../runtime/frame';
import { createInProcessRun, runUntil } from '../../runtime/inProcess';
import { raftLab } from './lab';

const node = (status: NodeView['status'], state: object | undefined): NodeView => ({ id: 'n1', kind: 'raft', status, state: state as Json | undefined, persisted: {} });

describe('raft lab', () => {
  it('has the two variants, 3 to 9 nodes (5 by default) and timing parameters that fit 5-15 ms links', () => {
    expect(raftLab.variants).toEqual(['article', 'hardened']);
    const params = resolveLabParams(raftLab, {});
    expect(params).toMatchObject({ nodes: 5, electionTimeoutMsMin: 150, electionTimeoutMsMax: 300, heartbeatMs: 50 });
    expect(raftLab.topology(params).map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(raftLab.topology(resolveLabParams(raftLab, { nodes: 9 }))).toHaveLength(9);
    expect(() => resolveLabParams(raftLab, { nodes: 2 })).toThrow(/nodes/);
    expect(() => resolveLabParams(raftLab, { nodes: 10 })).toThrow(/nodes/);
  });

  it('runs every checker in both variants', () => {
    for (const variant of raftLab.variants) {
      const model = modelOf(raftLab, { lab: 'raft', variant, seed: 1, params: {}, actions: [] });
      expect(model.checkers.map((c) => c.rule)).toEqual(['election-safety', 'leader-append-only', 'log-matching', 'leader-completeness', 'state-machine-safety', 'term-monotonic', 'one-vote-per-term', 'commit-bounds']);
      for (const c of model.checkers) expect(c.description).toMatch(/\.$/);
    }
  });

  it('offers request, read and time out on a node', () => {
    expect(raftLab.commands.map((c) => [c.id, c.cmd])).toEqual([
      ['request', { op: 'put' }],
      ['read', { op: 'get', key: 'x' }],
      ['timeout', { op: 'timeout' }],
    ]);
  });

  it('looks like its role with its term, and the views name it "n1, leader, term 3"', () => {
    const leader = { ...initialState(null), role: 'leader', term: 3 };
    expect(raftLab.look(node('up', leader))).toEqual({ role: 'leader', detail: 'term 3' });
    const frame = { id: 'n1', kind: 'raft', status: 'up' as const, state: leader as unknown as Json, error: null };
    expect(displayNode(raftLab, frame as Parameters<typeof displayNode>[1]).name).toBe('n1, leader, term 3');
    expect(raftLab.look(node('paused', leader))).toEqual({ role: 'paused', detail: 'leader, term 3' });
    expect(raftLab.look(node('down', undefined))).toEqual({ role: 'down', detail: '' });
    expect(raftLab.look(node('up', { ...initialState(null), term: 2, preVote: { term: 3, votes: {} } }))).toEqual({ role: 'follower', detail: 'term 2, pre-vote' });
    for (const role of ['leader', 'candidate', 'follower', 'down', 'paused']) expect(raftLab.roles).toContain(role);
  });

  it('marks heartbeats, and only them, as light messages for the views', () => {
    /** AppendEntries in flight, sampled every 7 ms from 1 s to 4 s: how many light, how many not. */
    const sample = (clientIntervalMs: number) => {
      const run = createInProcessRun(raftLab, { lab: 'raft', variant: 'hardened', seed: 7, params: resolveLabParams(raftLab, { clientIntervalMs }), actions: [] });
      const seen = { light: 0, entries: 0 };
      for (let t = 1000; t < 4000; t += 7) {
        runUntil(run.sim, run.stepper, t);
        for (const m of buildFrame(run.sim, raftLab.isLightMessage).inFlight.filter((x) => x.type === 'AppendEntries')) seen[m.light ? 'light' : 'entries']++;
      }
      expect(buildFrame(run.sim).inFlight.every((m) => !m.light)).toBe(true);
      return seen;
    };
    const idle = sample(0);
    expect(idle.light).toBeGreaterThan(0);
    expect(idle.entries).toBe(0);
    const busy = sample(100);
    expect(busy.entries).toBeGreaterThan(0);
    expect(busy.light).toBeGreaterThan(0);
    expect(raftLab.isLightMessage?.({ type: 'AppendEntriesReply', entries: [] })).toBe(false);
  });
});
