import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './errors';
import { cli, spawnCli, tempDir } from './testSupport';

const dir = tempDir();
const trace = join(dir, 'trace.jsonl');
let lines: string[] = [];

function variantFile(name: string, edit: (lines: string[]) => string[]): string {
  const path = join(dir, name);
  writeFileSync(path, edit([...lines]).join('\n') + '\n');
  return path;
}

beforeAll(async () => {
  await cli('run', '--lab', 'beacon', '--variant', 'article', '--seed', '4', '--until', '4000', '--faults', 'heavy', '--out', trace);
  lines = readFileSync(trace, 'utf8').trimEnd().split('\n');
});

describe('sim replay', () => {
  it('says a written trace is identical (real process)', async () => {
    const r = await spawnCli('replay', trace);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain(`identical: ${trace}: the header and ${lines.length - 1} events`);
  });

  it('says where a tampered trace first differs, with both lines', async () => {
    const tampered = variantFile('tampered.jsonl', (l) => {
      l[100] = (l[100] as string).replace(/"t":[0-9.]+/, '"t":0.5');
      return l;
    });
    const r = await cli('replay', tampered);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toContain(`differs: ${tampered} line 101 (event 100 of ${lines.length - 1})`);
    expect(r.stdout).toContain(`file:   ${lines[100]?.replace(/"t":[0-9.]+/, '"t":0.5')}`);
    expect(r.stdout).toContain(`re-run: ${lines[100]}`);
  });

  it('spots a changed seed in the header', async () => {
    const reseeded = variantFile('reseeded.jsonl', (l) => [(l[0] as string).replace('"seed":4', '"seed":5'), ...l.slice(1)]);
    const r = await cli('replay', reseeded);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toMatch(/differs: .* line \d+ \(event \d+ of/);
  });

  it('accepts a cut-short trace and flags extra lines', async () => {
    expect((await cli('replay', variantFile('short.jsonl', (l) => l.slice(0, 50)))).code).toBe(EXIT_OK);
    const extra = await cli('replay', variantFile('extra.jsonl', (l) => [...l, '{"t":1,"seq":1,"type":"bogus"}']));
    expect(extra.code).toBe(EXIT_FAILED);
    expect(extra.stdout).toContain(`line ${lines.length + 1}`);
  });

  it('refuses files that are not distlab traces, with exit 2 and the reason', async () => {
    const cases: [string, string, string][] = [
      ['text.txt', 'hello world\n', 'line 1 is not JSON'],
      ['empty.jsonl', '', 'it is empty'],
      ['v2.jsonl', '{"format":"distlab-trace","version":2}\n', 'version 2; this distlab reads version 1'],
      ['nolab.jsonl', (lines[0] as string).replace('"lab":"beacon"', '"lab":"raft9"') + '\n', 'lab "raft9", which this distlab does not have; labs: raft, '],
      ['badaction.jsonl', (lines[0] as string).replace('"kind":"crash"', '"kind":"explode"') + '\n', 'has kind "explode"'],
    ];
    for (const [name, text, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const r = await cli('replay', path);
      expect(r.code, name).toBe(EXIT_USAGE);
      expect(r.stderr, name).toContain(message);
    }
    expect((await cli('replay', join(dir, 'missing.jsonl'))).stderr).toContain('cannot read');
  });
});
