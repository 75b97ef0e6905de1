/**
 * The command line on the Raft lab, as the "done" list runs it: fuzzing finds the article's
 * broken rules and none in hardened over the same seeds, and a plain run writes the documented
 * facts (docs/trace-format.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK } from '../../cli/errors';
import { cli, tempDir } from '../../cli/testSupport';
import { raftLab } from '../../src/labs/raft/lab';
import { resolveLabParams } from '../../src/runtime/runnableLab';

const SEEDS = ['--seeds', '5', '--until', '5000', '--faults', 'heavy', '--threads', '1'];
const raftRules = raftLab.checkers('article', resolveLabParams(raftLab, {})).map((c) => c.rule);

type Line = { type: string; t: number; node: string; fact: Record<string, unknown> };

function outputs(path: string): Line[] {
  const [, ...events] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return events.map((line) => JSON.parse(line) as Line);
}

describe('sim fuzz on raft', () => {
  it('article: exits 1 and names a Raft rule broken on each failing seed', async () => {
    const r = await cli('fuzz', '--lab', 'raft', '--variant', 'article', ...SEEDS, '--out-dir', tempDir());
    expect(r.code).toBe(EXIT_FAILED);
    const reports = [...r.stdout.matchAll(/^seed (\d+): ([a-z-]+) at [0-9.]+ ms \(/gm)];
    expect(reports.length, r.stdout).toBeGreaterThan(0);
    for (const [, , rule] of reports) expect(raftRules).toContain(rule);
    expect(r.stdout).toContain(`seeds 1..5: ${reports.length} failed`);
  });

  it('hardened: the same seeds and faults break nothing, exit 0', async () => {
    const r = await cli('fuzz', '--lab', 'raft', '--variant', 'hardened', ...SEEDS, '--out-dir', tempDir());
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('seeds 1..5: none failed');
  });
});

describe('sim run on raft', () => {
  it('seed 7 for 60 s writes leader, role and apply facts of the documented shapes, applies in index order', async () => {
    const out = join(tempDir(), 't.jsonl');
    const r = await cli('run', '--lab', 'raft', '--seed', '7', '--until', '60000', '--out', out);
    expect(r.code).toBe(EXIT_OK);
    const facts = outputs(out).filter((e) => e.type === 'output');
    const ofKind = (kind: string) => facts.filter((e) => e.fact['kind'] === kind);

    const roles = ofKind('role');
    const leaders = ofKind('leader');
    expect(leaders.length).toBeGreaterThan(0);
    for (const e of leaders) {
      expect(e.fact).toEqual({ kind: 'leader', term: expect.any(Number) });
      expect(roles).toContainEqual(expect.objectContaining({ t: e.t, node: e.node, fact: { kind: 'role', role: 'leader', term: e.fact['term'] } }));
    }
    expect(new Set(roles.map((e) => e.fact['role']))).toEqual(new Set(['follower', 'candidate', 'leader']));
    for (const e of roles) expect(e.fact).toEqual({ kind: 'role', role: expect.stringMatching(/^(follower|candidate|leader)$/), term: expect.any(Number) });

    // No faults in this run, so no restart makes a node apply again from index 1.
    const applies = ofKind('apply');
    expect(applies.length).toBeGreaterThan(100);
    const nextIndex = new Map<string, number>();
    for (const e of applies) {
      expect(e.fact).toEqual({ kind: 'apply', index: expect.any(Number), term: expect.any(Number), cmd: expect.stringMatching(/^(put \S+ \S+|get \S+|noop)$/) });
      expect(e.fact['index'], `${e.node} at ${e.t} ms`).toBe(nextIndex.get(e.node) ?? 1);
      nextIndex.set(e.node, (e.fact['index'] as number) + 1);
    }
    expect(nextIndex.size).toBe(5);
  });
});
