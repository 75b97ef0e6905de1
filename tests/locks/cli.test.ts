/** The CLI runs the lock labs and writes their facts into the trace. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../cli/testSupport';
import { EXIT_FAILED, EXIT_OK } from '../../cli/errors';

const dir = tempDir();

function traceLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const factKinds = (lines: Record<string, unknown>[]) => new Set(lines.flatMap((l) => (l['type'] === 'output' ? [(l['fact'] as { kind: string }).kind] : [])));

describe('sim run on the lock labs', () => {
  it('the GC-pause scenario without fencing: the trace shows the interleaved write and the violation, exit 1', async () => {
    const out = join(dir, 'gc.jsonl');
    const r = await cli('run', '--lab', 'redis-lock', '--scenario', 'gc-pause-two-writers', '--out', out);
    expect(r.code).toBe(EXIT_FAILED);
    const [header, ...events] = traceLines(out);
    expect(header).toMatchObject({ lab: 'redis-lock', variant: 'article', params: { fencing: false } });
    expect(events).toContainEqual(expect.objectContaining({ type: 'output', node: 'storage', fact: expect.objectContaining({ kind: 'write', client: 'c1', token: 1, accepted: true, interleaved: true }) }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'violation', rule: 'mutual-exclusion' }));
  });

  it('hardened RedLock under heavy faults: acquired, write and released facts, no violation, exit 0', async () => {
    const out = join(dir, 'redlock.jsonl');
    const r = await cli('run', '--lab', 'redlock', '--variant', 'hardened', '--seed', '3', '--until', '3000', '--faults', 'heavy', '--out', out);
    expect(r.code).toBe(EXIT_OK);
    const events = traceLines(out).slice(1);
    for (const kind of ['acquired', 'released', 'write', 'set', 'deleted']) expect(factKinds(events).has(kind)).toBe(true);
    const acquired = events.find((e) => e['type'] === 'output' && (e['fact'] as { kind: string }).kind === 'acquired');
    expect(acquired?.['fact']).toMatchObject({ kind: 'acquired', lock: 'L', token: expect.any(Number) });
  });

  it('fuzz, hardened RedLock under heavy faults: 20 seeds pass with fencing on, and some fail without it', async () => {
    const fuzz = (fencing: boolean) => cli('fuzz', '--lab', 'redlock', '--variant', 'hardened', '--seeds', '20', '--faults', 'heavy', '--param', `fencing=${fencing}`, '--out-dir', tempDir());
    const [fenced, unfenced] = [await fuzz(true), await fuzz(false)];
    expect(fenced.code, fenced.stdout).toBe(EXIT_OK);
    expect(unfenced.code).toBe(EXIT_FAILED);
    expect(unfenced.stdout).toMatch(/seed \d+: mutual-exclusion at/);
  });
});
