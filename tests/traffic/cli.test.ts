/** `npm run sim -- run --lab token-bucket …` and the other traffic labs write traces with their facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK } from '../../cli/errors';
import { cli, tempDir } from '../../cli/testSupport';

const dir = tempDir();

function traceOf(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('sim run on the traffic labs', () => {
  it('token-bucket: invoke / ok with the verdict, and a decision fact per request', async () => {
    const out = join(dir, 'bucket.jsonl');
    const r = await cli('run', '--lab', 'token-bucket', '--scenario', 'fractional-loss', '--until', '4000', '--out', out);
    expect(r.code).toBe(EXIT_OK);
    const [header, ...events] = traceOf(out);
    expect(header).toMatchObject({ lab: 'token-bucket', variant: 'article', params: { capacity: 100, refillPerSec: 10, clientIntervalMs: 70 } });
    // The scenario's burst is a command; each request it sends is an operation of its own.
    expect(events.find((e) => e['type'] === 'invoke')).toMatchObject({ node: 'c1', op: { op: 'burst', count: 110 } });
    expect(events.find((e) => e['type'] === 'invoke' && e['opId'] === 'c1.1')).toMatchObject({ node: 'c1', op: { op: 'request', to: 'bucket', key: 'all' } });
    const values = events.flatMap((e) => (e['type'] === 'ok' && typeof e['value'] === 'object' && e['value'] !== null ? [e['value'] as Record<string, unknown>] : []));
    const verdicts = new Set(values.flatMap((v) => ('result' in v ? [v['result']] : [])));
    expect(verdicts).toEqual(new Set(['allowed', 'rejected']));
    expect(events.find((e) => e['type'] === 'output' && (e['fact'] as Record<string, unknown>)['kind'] === 'decision')).toMatchObject({ node: 'bucket', fact: { key: 'all', allowed: true, tokens: 99 } });
  });

  it('circuit-breaker: breaker state changes in the trace, and the article\'s half-open violation', async () => {
    const out = join(dir, 'breaker.jsonl');
    const r = await cli('run', '--lab', 'circuit-breaker', '--scenario', 'article-half-open', '--out', out);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.stdout).toContain('half-open-limit');
    const facts = traceOf(out).flatMap((e) => (e['type'] === 'output' ? [e['fact'] as Record<string, unknown>] : []));
    expect(facts.filter((f) => f['kind'] === 'breaker').map((f) => f['state'])).toEqual(expect.arrayContaining(['closed', 'open', 'half-open']));
  });

  it('worker-pool, degradation, sliding-window: their facts are in the trace', async () => {
    const runs = [
      ['worker-pool', 'stop-drains-queue', 'task'],
      ['degradation', 'slow-backend', 'degraded'],
      ['sliding-window', 'boundary-burst', 'decision'],
    ] as const;
    for (const [lab, scenario, kind] of runs) {
      const out = join(dir, `${lab}.jsonl`);
      expect((await cli('run', '--lab', lab, '--scenario', scenario, '--out', out)).code).toBe(EXIT_OK);
      expect(traceOf(out).some((e) => e['type'] === 'output' && (e['fact'] as Record<string, unknown>)['kind'] === kind)).toBe(true);
    }
  });
});
