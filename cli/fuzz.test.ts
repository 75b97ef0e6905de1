import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK } from './errors';
import { cli, shell, tempDir } from './testSupport';

describe('sim fuzz', () => {
  it('passes the hardened beacon over 20 seeds of heavy faults', async () => {
    const r = await cli('fuzz', '--lab', 'beacon', '--variant', 'hardened', '--seeds', '20', '--until', '5000', '--faults', 'heavy', '--out-dir', tempDir());
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('seeds 1..20: none failed');
    expect(r.stderr).toContain('20/20 seeds done');
  });

  it('catches the article beacon and prints a command that reproduces the violation', async () => {
    const outDir = tempDir();
    const r = await cli('fuzz', '--lab', 'beacon', '--variant', 'article', '--seeds', '6', '--from', '100', '--until', '5000', '--out-dir', outDir);
    expect(r.code).toBe(EXIT_FAILED);
    const found = /seed (\d+): (count-monotonic at [0-9.]+ ms \([^)]*\))\n {2}trace: {2}(\S+)\n {2}replay: (.+)\n/.exec(r.stdout);
    expect(found, r.stdout).not.toBeNull();
    const [, seed, violation, tracePath, command] = found as unknown as [string, string, string, string, string];
    expect(tracePath).toBe(join(outDir, `beacon-article-seed${seed}.jsonl`));
    expect(command).toBe(`npm run sim -- run --lab beacon --variant article --seed ${seed} --until 5000 --faults heavy --halt`);

    // The printed command, pasted into a shell (with somewhere to put its trace).
    const out = join(outDir, 'reproduced.jsonl');
    const again = await shell(`${command} --out ${out}`);
    expect(again.code).toBe(EXIT_FAILED);
    expect(again.stdout).toContain(`1 violation: ${violation}`);
    expect(readFileSync(out).equals(readFileSync(tracePath))).toBe(true);
    expect((await cli('replay', tracePath)).code).toBe(EXIT_OK);
  });

  it('fails a seed on which a node’s step threw, with the error, and its replay command fails the same way', async () => {
    const outDir = tempDir();
    const r = await cli('fuzz', '--lab', 'tripwire', '--variant', 'article', '--seeds', '3', '--until', '5000', '--out-dir', outDir);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toContain('seeds 1..3: 3 failed (seeds 1, 2, 3)');
    const found = /seed (\d+): (n\d) threw at ([0-9.]+) ms \((assertion failed: [^)]*)\)[^\n]*\n {2}trace: {2}(\S+)\n {2}replay: npm run sim -- (.+)\n/.exec(r.stdout);
    expect(found, r.stdout).not.toBeNull();
    const [, seed = '', node = '', t = '', error = '', tracePath = '', command = ''] = found ?? [];
    expect(tracePath).toBe(join(outDir, `tripwire-article-seed${seed}.jsonl`));
    const crash = readFileSync(tracePath, 'utf8').split('\n').find((line) => line.includes('"type":"crash"') && line.includes('"error"'));
    expect(JSON.parse(crash ?? '{}')).toMatchObject({ type: 'crash', node, t: Number(t), error });

    const again = await cli(...command.split(' '), '--out', join(outDir, 'again.jsonl'));
    expect(again.code).toBe(EXIT_FAILED);
    expect(again.stdout).toMatch(/, \d+ node errors?: /);
    expect(again.stdout).toContain(`${node} threw at ${t} ms (${error})`);
  });

  it('passes the tripwire whose hardened nodes drop stale counts instead of asserting on them', async () => {
    const r = await cli('fuzz', '--lab', 'tripwire', '--variant', 'hardened', '--seeds', '3', '--until', '5000', '--out-dir', tempDir());
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('seeds 1..3: none failed');
  });
});
