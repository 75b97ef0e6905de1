/** The degradation strategy's metrics and node, article and hardened. */
import { describe, expect, it } from 'vitest';
import { degradeProtocol, type DegradeNodeState } from '../../src/protocols/traffic';
import { articleReading, articleRecord, degrades, rollingReading, rollingRecord, type ArticleMetrics, type RollingMetrics } from '../../src/protocols/traffic/degradation/metrics';
import { calls, Driven, facts, responses, sends } from './harness';

const T = { errorRate: 0.5, latencyMs: 2000, windowMs: 10_000, minSamples: 5 };

describe('degradation metrics', () => {
  it('article: the "average" halves toward each new latency, so one slow call weighs half', () => {
    let m: ArticleMetrics = { requests: 2, errors: 0, avgMs: 20 };
    m = articleRecord(m, true, 3000);
    expect(m.avgMs).toBe(1510);
    m = articleRecord(m, true, 3000);
    expect(degrades(articleReading(m), T)).toBe(true);
    // Failures leave the average alone.
    expect(articleRecord(m, false, 10).avgMs).toBe(m.avgMs);
  });

  it('article: the error rate is over every request since the start, and must be strictly above 0.5', () => {
    expect(articleReading({ requests: 400, errors: 200, avgMs: 0 }).errorRate).toBe(0.5);
    expect(degrades({ errorRate: 0.5, avgLatencyMs: 0, samples: 400 }, T)).toBe(false);
  });

  it('hardened: calls fall out of the rolling window as time passes', () => {
    let m: RollingMetrics = { buckets: [] };
    for (let t = 0; t < 5; t++) m = rollingRecord(m, T, t * 100, false, 10);
    expect(rollingReading(m, T, 500)).toEqual({ errorRate: 1, avgLatencyMs: 0, samples: 5 });
    expect(rollingReading(m, T, 10_000).samples).toBe(0);
    expect(m.buckets.length).toBe(1);
  });
});

function degrader(variant: string, params: Record<string, number | string> = {}) {
  const n = new Driven(degradeProtocol, { variant, params: { backendSlowMs: 3000, ...params } });
  n.start();
  return n;
}

/** `count` requests answered after `latencyMs`, ok or not, one after another. */
function serve(n: Driven<DegradeNodeState>, from: number, count: number, latencyMs: number, ok: boolean): number {
  let t = from;
  for (let i = 0; i < count; i++) {
    const id = `r${t}`;
    n.at(t).request(id);
    if (calls(n.effects).length > 0) n.at(t + latencyMs).reply(id, ok);
    t += latencyMs + 1;
  }
  return t;
}

describe('the degradation node', () => {
  it('article: two slow calls degrade it, and with no primary call the average never comes down', () => {
    const n = degrader('article');
    let t = serve(n, 0, 3, 20, true);
    t = serve(n, t, 2, 3000, true);
    expect((n.state as DegradeNodeState).degraded).toBe(false);
    expect(responses(n.at(t).request('x'))).toEqual(['x=fallback']);
    expect(facts(n.effects, 'degraded')).toEqual([{ kind: 'degraded', on: true, errorRate: 0, avgLatencyMs: 2254.375 }]);
    expect(responses(n.at(t + 3_600_000).request('y'))).toEqual(['y=fallback']);
  });

  it('hardened: degrades on the window\'s average, and tries the primary again once the window is empty', () => {
    const n = degrader('hardened');
    for (let i = 0; i < 5; i++) n.at(i).request(`r${i}`);
    for (let i = 0; i < 4; i++) n.at(3000 + i).reply(`r${i}`, true);
    // Four samples are fewer than minSamples: no decision on them yet.
    expect(calls(n.at(3005).request('w'))).toEqual(['w']);
    n.at(3006).reply('r4', true);
    expect(responses(n.at(3007).request('x'))).toEqual(['x=fallback']);
    expect(calls(n.at(13_001).request('y'))).toEqual(['y']);
  });

  it('a failed primary call falls back; the fallback is the custom value, the static one, or an error when off', () => {
    for (const [fallback, answer] of [
      ['custom', 'fallback:custom fallback data'],
      ['static', 'fallback:fallback data'],
      ['none', 'error:degradation strategy enabled but fallback not available'],
    ] as const) {
      const n = degrader('article', { fallback });
      n.request('a');
      const [response] = sends(n.reply('a', false));
      expect(`${String(response?.msg['result'])}:${String(response?.msg['detail'])}`).toBe(answer);
    }
  });
});
