import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { raftLab } from '../labs/raft/lab';
import { staleVotes } from '../labs/raft/scenarios/index';
import type { Action } from '../sim/actions';
import { resolveLabParams } from '../runtime/runnableLab';
import { formatLabHash, parseRoute, scenarioSpec, tellsScenario } from './url';

const find = (id: string) => (id === 'beacon' ? beaconLab : undefined);

function labRoute(hash: string) {
  const route = parseRoute(hash, find);
  if (route.kind !== 'lab') throw new Error(`expected a lab route, got ${JSON.stringify(route)}`);
  return route;
}

describe('parseRoute', () => {
  it('reads the landing page', () => {
    expect(parseRoute('', find)).toEqual({ kind: 'landing', problems: [] });
    expect(parseRoute('#/', find)).toEqual({ kind: 'landing', problems: [] });
  });

  it('reads a full lab URL', () => {
    const r = labRoute('#/beacon?variant=article&seed=42&t=1234.5&p.nodes=5&a=400:crash:n1~600:restart:n1');
    expect(r.problems).toEqual([]);
    expect(r.t).toBe(1234.5);
    expect(r.spec).toEqual({
      lab: 'beacon',
      variant: 'article',
      seed: 42,
      params: resolveLabParams(beaconLab, { nodes: 5 }),
      actions: [
        { at: 400, kind: 'crash', node: 'n1' },
        { at: 600, kind: 'restart', node: 'n1' },
      ],
    });
  });

  it('fills defaults for a bare lab URL', () => {
    const r = labRoute('#/beacon');
    expect(r.problems).toEqual([]);
    expect(r.spec.variant).toBe('hardened');
    expect(r.spec.seed).toBe(1);
    expect(r.t).toBeNull();
  });

  it('falls back to the landing page for an unknown lab, naming it', () => {
    const r = parseRoute('#/nope?seed=1', find);
    expect(r.kind).toBe('landing');
    expect(r.problems[0]).toContain('"nope"');
  });

  it('names each bad field and keeps the rest', () => {
    const r = labRoute('#/beacon?variant=zzz&seed=abc&t=-5&p.nodes=99&p.color=red&a=12:explode:n1&x=1');
    expect(r.spec.variant).toBe('hardened');
    expect(r.spec.seed).toBe(1);
    expect(r.t).toBeNull();
    expect(r.spec.params['nodes']).toBe(3);
    expect(r.spec.actions).toEqual([]);
    const text = r.problems.join('\n');
    for (const bit of ['"zzz"', '"abc"', 't="-5"', 'p.nodes', 'p.color', 'explode', '"x"']) expect(text).toContain(bit);
  });

  it('rejects actions naming nodes the run does not have', () => {
    const r = labRoute('#/beacon?a=100:crash:n7');
    expect(r.spec.actions).toEqual([]);
    expect(r.problems[0]).toContain('"n7"');
  });

  it('accepts a latency pair only when max is at least min', () => {
    expect(labRoute('#/beacon?p.latencyMsMin=1&p.latencyMsMax=3').problems).toEqual([]);
    const bad = labRoute('#/beacon?p.latencyMsMin=50&p.latencyMsMax=20');
    expect(bad.problems.join(' ')).toContain('latency');
    expect(bad.spec.params['latencyMsMin']).toBe(5);
  });

  it('rejects seeds that are not uint32', () => {
    for (const seed of ['1.5', '-1', '4294967296', '']) expect(labRoute(`#/beacon?seed=${seed}`).problems.length).toBe(1);
  });
});

describe('formatLabHash', () => {
  it('round-trips a run, leaving out defaults', () => {
    const actions: Action[] = [
      { at: 100, kind: 'cut', from: 'n1', to: 'n2', oneWay: true },
      { at: 200, kind: 'network', settings: { lossRate: 0.25 } },
      { at: 300, kind: 'command', node: 'n2', cmd: { op: 'set', value: 1, note: 'a&b = c?' } },
    ];
    const spec = { variant: 'article', seed: 9, params: resolveLabParams(beaconLab, { tickMs: 50 }), actions };
    const hash = formatLabHash(beaconLab, spec, 250.125);
    expect(hash.startsWith('#/beacon?variant=article&seed=9&t=250.125&p.tickMs=50&a=100:cut1:n1,n2~')).toBe(true);
    expect(hash).not.toContain('p.nodes');
    expect(hash).toContain('~200:net:lossRate=0.25~');
    const back = labRoute(hash);
    expect(back.problems).toEqual([]);
    expect(back.t).toBe(250.125);
    expect(back.spec).toEqual({ lab: 'beacon', ...spec });
  });

  it('leaves t out at 0 ms', () => {
    expect(formatLabHash(beaconLab, { variant: 'hardened', seed: 1, params: resolveLabParams(beaconLab, {}), actions: [] }, 0)).toBe('#/beacon?variant=hardened&seed=1');
  });
});

describe('scenarios in URLs', () => {
  const scenario = beaconLab.scenarios[0]!;

  it('round-trips the scenario id and names an unknown one', () => {
    const hash = formatLabHash(beaconLab, scenarioSpec(beaconLab, scenario), null, scenario.id);
    expect(hash).toBe('#/beacon?variant=article&seed=7&a=400:crash:n1~600:restart:n1&s=restart-forgets');
    expect(labRoute(hash).scenario?.id).toBe('restart-forgets');
    expect(labRoute(hash).problems).toEqual([]);
    const bad = labRoute('#/beacon?s=nope');
    expect(bad.scenario).toBeNull();
    expect(bad.problems[0]).toContain('"nope"');
  });

  it('opens a short scenario link (no run settings) on the scenario\'s own run, at the time given', () => {
    const short = labRoute('#/beacon?s=restart-forgets');
    expect(short.problems).toEqual([]);
    expect(short.scenario?.id).toBe('restart-forgets');
    expect(short.spec).toEqual(scenarioSpec(beaconLab, scenario));
    const later = labRoute('#/beacon?s=restart-forgets&t=500');
    expect(later.t).toBe(500);
    expect(later.spec).toEqual(scenarioSpec(beaconLab, scenario));
  });

  it('opens #/raft?s=stale-votes as the article run with its parameters and actions', () => {
    const route = parseRoute('#/raft?s=stale-votes', (id) => (id === 'raft' ? raftLab : undefined));
    if (route.kind !== 'lab') throw new Error('expected the Raft lab');
    expect(route.problems).toEqual([]);
    expect(route.spec).toEqual(scenarioSpec(raftLab, staleVotes));
    expect(route.spec).toMatchObject({ variant: 'article', seed: 1, params: { rpcTimeoutMs: 400, clientIntervalMs: 0 } });
    expect(tellsScenario(raftLab, staleVotes, route.spec)).toBe(true);
  });

  it('keeps settings the URL gives that are not the scenario\'s, and says the story is not shown', () => {
    const other = labRoute('#/beacon?s=restart-forgets&seed=8');
    expect(other.spec.seed).toBe(8);
    expect(other.spec.actions).toEqual([]);
    expect(other.problems).toEqual([expect.stringContaining('its story is not shown')]);
    const own = labRoute('#/beacon?s=restart-forgets&variant=article&seed=7&a=900:healall');
    expect(own.problems).toEqual([]);
  });

  it('tells the story only at the scenario\'s seed, variant and parameters', () => {
    const spec = scenarioSpec(beaconLab, scenario);
    expect(tellsScenario(beaconLab, scenario, spec)).toBe(true);
    expect(tellsScenario(beaconLab, scenario, { ...spec, actions: [...spec.actions, { at: 900, kind: 'healAll' }] })).toBe(true);
    expect(tellsScenario(beaconLab, scenario, { ...spec, seed: 8 })).toBe(false);
    expect(tellsScenario(beaconLab, scenario, { ...spec, variant: 'hardened' })).toBe(false);
    expect(tellsScenario(beaconLab, scenario, { ...spec, params: resolveLabParams(beaconLab, { nodes: 4 }) })).toBe(false);
  });
});

describe('a parameter whose default differs by variant', () => {
  const guarded = { ...beaconLab, id: 'guarded', params: [...beaconLab.params, { name: 'guard', label: 'Guard', kind: 'boolean' as const, default: true, variantDefaults: { article: false } }] };
  const findGuarded = (id: string) => (id === 'guarded' ? guarded : undefined);
  const route = (hash: string) => parseRoute(hash, findGuarded);

  it('takes the variant’s default when the URL names none, and writes a value only when it differs from that', () => {
    for (const [variant, guard] of [['hardened', true], ['article', false]] as const) {
      const r = route(`#/guarded?variant=${variant}&seed=1`);
      expect(r.kind === 'lab' && r.spec.params['guard']).toBe(guard);
      const spec = { variant, seed: 1, params: resolveLabParams(guarded, {}, variant), actions: [] };
      expect(formatLabHash(guarded, spec, null)).toBe(`#/guarded?variant=${variant}&seed=1`);
      const flipped = formatLabHash(guarded, { ...spec, params: { ...spec.params, guard: !guard } }, null);
      expect(flipped).toBe(`#/guarded?variant=${variant}&seed=1&p.guard=${String(!guard)}`);
      const back = route(flipped);
      expect(back.kind === 'lab' && back.spec.params['guard']).toBe(!guard);
    }
  });
});
