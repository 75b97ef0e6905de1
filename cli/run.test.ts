import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerOf } from '../src/runtime/exportTrace';
import { formatTraceLine } from '../src/sim/trace';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './errors';
import { cli, spawnCli, tempDir } from './testSupport';
import { readRunSpec } from './traceFile';

const dir = tempDir();

describe('sim run', () => {
  it('writes a trace whose header round-trips and whose events are numbered in order', async () => {
    const out = join(dir, 'run.jsonl');
    const r = await cli('run', '--lab', 'beacon', '--variant', 'hardened', '--seed', '5', '--until', '3000', '--faults', 'heavy', '--out', out);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^beacon\/hardened seed 5: reached 3000 ms, \d+ events, \d+ messages sent, \d+ dropped, no violations; trace: /);
    const [first, ...events] = readFileSync(out, 'utf8').trimEnd().split('\n');
    const spec = readRunSpec(out, first);
    expect(formatTraceLine(headerOf(spec))).toBe(first);
    expect(spec).toMatchObject({ lab: 'beacon', variant: 'hardened', seed: 5, params: { nodes: 3, tickMs: 100 } });
    expect(spec.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['crash', 'restart', 'pause', 'healAll', 'network']));
    expect(events.length).toBeGreaterThan(100);
    events.forEach((line, i) => expect(JSON.parse(line)).toMatchObject({ seq: i + 1, t: expect.any(Number), type: expect.any(String) }));
    expect(r.stdout).toContain(`${events.length} events`);
  });

  it('writes the same bytes for the same seed', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    await cli('run', '--lab', 'beacon', '--seed', '9', '--faults', 'heavy', '--param', 'nodes=5', '--out', a);
    await cli('run', '--lab', 'beacon', '--seed', '9', '--faults', 'heavy', '--param', 'nodes=5', '--out', b);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
  });

  it('starts from a scenario and lets flags override it', async () => {
    const out = join(dir, 'scenario.jsonl');
    const r = await cli('run', '--lab', 'beacon', '--scenario', 'restart-forgets', '--seed', '8', '--out', out);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toMatch(/^beacon\/article seed 8: reached 1200 ms, .* 1 violation: count-monotonic at /);
    const spec = readRunSpec(out, readFileSync(out, 'utf8').split('\n')[0]);
    expect(spec.actions).toEqual([
      { at: 400, kind: 'crash', node: 'n1' },
      { at: 600, kind: 'restart', node: 'n1' },
    ]);
  });

  it('rejects a bad parameter value with its valid range, exit 2 (real process)', async () => {
    const r = await spawnCli('run', '--lab', 'beacon', '--param', 'tickMs=1', '--out', join(dir, 'never.jsonl'));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('tickMs (number 5..5000 ms, default 100)');
  });

  it('lists what is valid for an unknown lab, variant, scenario or parameter', async () => {
    expect(await cli('run', '--lab', 'nope')).toMatchObject({ code: EXIT_USAGE, stderr: expect.stringMatching(/labs: .*\bbeacon\b/) });
    expect(await cli('run', '--lab', 'beacon', '--variant', 'x')).toMatchObject({ code: EXIT_USAGE, stderr: expect.stringContaining('variants: hardened, article') });
    expect(await cli('run', '--lab', 'beacon', '--scenario', 'x')).toMatchObject({ code: EXIT_USAGE, stderr: expect.stringContaining('scenarios: restart-forgets') });
    expect(await cli('run', '--lab', 'beacon', '--param', 'speed=2')).toMatchObject({ code: EXIT_USAGE, stderr: expect.stringContaining('valid parameters: nodes') });
    expect(await cli('run', '--lab', 'beacon', '--faults', 'extreme')).toMatchObject({ code: EXIT_USAGE, stderr: expect.stringContaining('none, light, heavy') });
  });

  it('prints help for each command', async () => {
    for (const command of ['run', 'fuzz', 'replay', 'list']) {
      const r = await cli(command, '--help');
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout).toContain(`npm run sim -- ${command}`);
    }
  });

  it('lists labs with variants, parameters and scenarios', async () => {
    const r = await cli('list');
    expect(r.stdout).toContain('beacon — Beacon (test fixture)');
    expect(r.stdout).toContain('variants: hardened, article');
    expect(r.stdout).toContain('lossRate (number 0..1, default 0)');
    expect(r.stdout).toContain('restart-forgets');
  });
});
