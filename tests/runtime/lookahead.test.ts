import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWindowsAsync, type WindowedNodes } from '../../src/runtime/asyncHost';
import { runUntil } from '../../src/runtime/inProcess';
import { Prefetch } from '../../src/runtime/prefetch';
import { identitiesOf, stepNode, type NodeIdentity } from '../../src/runtime/stepNode';
import { stepWindow } from '../../src/runtime/windowStepper';
import type { Json } from '../../src/sim/json';
import type { Simulation } from '../../src/sim/simulation';
import { beaconProtocol } from '../fixtures/beaconLab';
import { arbAction } from '../arbitraries';
import { record, type SpecInput } from '../helpers';

/** Nodes that keep their own state, as workers do, and run windows like workers do. */
function fakeWorkers(sim: Simulation): WindowedNodes & { windows: number; steps: number } {
  const identities = new Map<string, NodeIdentity>(identitiesOf(sim.model.nodes, sim.spec.variant, sim.spec.params).map((i) => [i.id, i]));
  const held = new Map<string, { incarnation: number; state: Json | undefined }>();
  const protocol = beaconProtocol as unknown as Parameters<typeof stepNode>[0];
  const mine = (node: string) => {
    const incarnation = sim.world.nodes[node]!.incarnation;
    const h = held.get(node);
    if (h !== undefined && h.incarnation === incarnation) return h;
    const fresh = { incarnation, state: undefined as Json | undefined };
    held.set(node, fresh);
    return fresh;
  };
  const api = {
    windows: 0,
    steps: 0,
    step: async (request: Parameters<WindowedNodes['step']>[0]) => {
      api.steps++;
      const h = mine(request.node);
      const result = stepNode(protocol, identities.get(request.node)!, h.state, request.input, request.now, request.rng);
      if (result.ok) h.state = result.state;
      return result;
    },
    runWindow: async (window: Parameters<WindowedNodes['runWindow']>[0]) => {
      api.windows++;
      const h = mine(window.node);
      const ran = stepWindow(protocol, identities.get(window.node)!, h.state, window);
      h.state = ran.state;
      return ran.steps;
    },
  };
  return api;
}

async function windowed(input: SpecInput, untilMs: number) {
  const r = record(input);
  const nodes = fakeWorkers(r.sim);
  const prefetch = new Prefetch();
  while ((await runWindowsAsync(r.sim, nodes, prefetch, { untilMs })) === 'halted') r.sim.clearHalt();
  return { lines: r.lines(), nodes };
}

function straight(input: SpecInput, untilMs: number): string {
  const r = record(input);
  while (runUntil(r.sim, r.stepper, untilMs) === 'halted') r.sim.clearHalt();
  return r.lines();
}


describe('lookahead windows', () => {
  it('give the same trace as stepping one item at a time, whatever the faults', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('hardened', 'article'),
        fc.integer({ min: 5, max: 40 }),
        fc.array(arbAction(['n1', 'n2', 'n3'], 1500), { maxLength: 10 }),
        async (seed, variant, tickMs, actions) => {
          const input = { seed, variant, actions, params: { tickMs } };
          const ahead = await windowed(input, 2000);
          expect(ahead.lines).toBe(straight(input, 2000));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('answer many steps per round trip', async () => {
    const { nodes, lines } = await windowed({ seed: 1, params: { nodes: 5, tickMs: 5 } }, 5000);
    const steps = lines.split('\n').filter((l) => l.includes('"type":"deliver"') || l.includes('"type":"timer"')).length;
    // Each window is one round trip per node; single steps are the fallback.
    expect(nodes.windows + nodes.steps).toBeLessThan(steps / 1.5);
  });
});
