/** The five traffic labs: registered, consistent, with the seed's defaults and valid scenarios. */
import { describe, expect, it } from 'vitest';
import { circuitBreakerLab } from '../../src/labs/circuit-breaker/lab';
import { degradationLab } from '../../src/labs/degradation/lab';
import { productLabs } from '../../src/labs/catalog';
import { slidingWindowLab } from '../../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import { workerPoolLab } from '../../src/labs/worker-pool/lab';
import { ALL_KEY } from '../../src/protocols/traffic';
import { raftLab } from '../../src/labs/raft/lab';
import { commandsFor, commandWithArg } from '../../src/labs/contract/commands';
import { networkPresetsOf } from '../../src/labs/contract/network';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import { ParamError } from '../../src/sim/params';
import { runUntil } from '../../src/runtime/inProcess';
import { record } from '../helpers';
import { admittedRate, decisions } from './scenarioFacts';

const TRAFFIC = [tokenBucketLab, slidingWindowLab, circuitBreakerLab, degradationLab, workerPoolLab];

describe('the traffic labs', () => {
  it('are registered, each with the article and hardened variants', () => {
    for (const lab of TRAFFIC) {
      expect(productLabs).toContain(lab);
      expect(lab.variants).toEqual(['article', 'hardened']);
    }
  });

  it('default to the seed article\'s numbers', () => {
    expect(resolveLabParams(tokenBucketLab, {})).toMatchObject({ capacity: 100, refillPerSec: 10 });
    expect(resolveLabParams(circuitBreakerLab, {})).toMatchObject({ halfOpenMaxCalls: 5 });
    expect(resolveLabParams(degradationLab, {})).toMatchObject({ errorRateThreshold: 0.5, latencyThresholdMs: 2000 });
    expect(resolveLabParams(workerPoolLab, {})).toMatchObject({ workers: 10, queueSize: 100, taskMsMax: 100 });
  });

  it('lay out clients, the gate and the backend, with a protocol for every node kind', () => {
    expect(tokenBucketLab.topology(resolveLabParams(tokenBucketLab, { clients: 2 })).map((n) => n.id)).toEqual(['c1', 'c2', 'bucket', 'backend']);
    expect(slidingWindowLab.topology(resolveLabParams(slidingWindowLab, { clients: 1 })).map((n) => n.id)).toEqual(['c1', 'log', 'fixed', 'counter', 'backend']);
    expect(workerPoolLab.topology(resolveLabParams(workerPoolLab, {})).map((n) => n.id)).toEqual(['c1', 'pool']);
    for (const lab of TRAFFIC) for (const node of lab.topology(resolveLabParams(lab, {}))) expect(lab.protocols[node.kind]).toBeDefined();
  });

  it('reject a value out of range and name what is valid', () => {
    expect(() => resolveLabParams(tokenBucketLab, { bucketScope: 'global' })).toThrow(/shared\|per-request/);
    expect(() => resolveLabParams(circuitBreakerLab, { halfOpenMaxCalls: 0 })).toThrow(ParamError);
  });

  // Each scenario's variant, parameters, nodes and narration are checked for every lab in
  // src/labs/registry.test.ts; here, that each traffic lab tells more than one story.
  it('have at least two scenarios each', () => {
    for (const lab of TRAFFIC) expect(lab.scenarios.length, lab.id).toBeGreaterThanOrEqual(2);
  });

  it('look up every role they can show in their legend', () => {
    expect(circuitBreakerLab.roles).toEqual(expect.arrayContaining(['closed', 'open', 'half-open', 'outage', 'slow', 'client', 'down']));
    expect(workerPoolLab.roles).toEqual(expect.arrayContaining(['running', 'stopping', 'stopped']));
  });

  it('offer no majority split or bridge in their settings: clients in front of a gate are no voting group', () => {
    for (const lab of TRAFFIC) expect(networkPresetsOf(lab), lab.id).toEqual([]);
    expect(networkPresetsOf(raftLab)).toEqual(['split-majority', 'bridge']);
  });

  it('with keys 0, count every request under one key, as the seed\'s one log: two clients share the limit', () => {
    const run = record({ variant: 'hardened', params: { clients: 2, load: 'constant', clientIntervalMs: 50, limit: 10, windowMs: 1000 } }, {}, slidingWindowLab);
    while (runUntil(run.sim, run.stepper, 5000) === 'halted') run.sim.clearHalt();
    expect(admittedRate(run.events, 1000, 5000, 'log')).toBeCloseTo(10, 0);
    expect(new Set(decisions(run.events, 'log').map((f) => f.fact['key']))).toEqual(new Set([ALL_KEY]));
  });

  // The inspector shows a node only the commands its kind takes; a command sent to another node
  // anyway is refused at once. Every command of the lab is tried on every node.
  it('offer each node exactly the commands it takes', () => {
    const COMMAND_AT = 5;
    for (const lab of TRAFFIC) {
      const nodes = lab.topology(resolveLabParams(lab, {}));
      for (const node of nodes) {
        const offered = commandsFor(lab, node.kind);
        for (const command of lab.commands) {
          const cmd = commandWithArg(command, command.arg?.default ?? 0);
          const run = record({ variant: 'hardened', actions: [{ kind: 'command', node: node.id, cmd, at: COMMAND_AT }] }, {}, lab);
          while (runUntil(run.sim, run.stepper, COMMAND_AT) === 'halted') run.sim.clearHalt();
          const refused = run.events.some((e) => e.type === 'fail' && e.node === node.id && e.t === COMMAND_AT);
          expect(refused, `${lab.id}: "${command.label}" on ${node.id}`).toBe(!offered.includes(command));
        }
      }
      expect(nodes.filter((n) => commandsFor(lab, n.kind).length > 0).length, lab.id).toBeGreaterThan(0);
    }
  });
});
