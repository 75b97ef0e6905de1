/** Running a lab's scenario in-process to its end, violations included, and reading its trace. */
import { createInProcessRun, runUntil, type InProcessRun } from '../../src/runtime/inProcess';
import type { JsonObject } from '../../src/sim/json';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { Scenario } from '../../src/labs/contract/scenario';
import type { TraceEvent } from '../../src/sim/trace';

export interface ScenarioRun extends InProcessRun {
  readonly events: readonly TraceEvent[];
}

export function scenarioOf(lab: LabDefinition, id: string): Scenario {
  const scenario = lab.scenarios.find((s) => s.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id} in lab ${lab.id}`);
  return scenario;
}

/** Runs the scenario to its `untilMs`, going on past violations (they stay in the trace). */
export function runScenario(lab: LabDefinition, scenario: Scenario): ScenarioRun {
  const events: TraceEvent[] = [];
  const spec = { lab: lab.id, variant: scenario.variant, seed: scenario.seed, params: resolveLabParams(lab, scenario.params, scenario.variant), actions: scenario.actions };
  const run = createInProcessRun(lab, spec, { onEvent: (e) => events.push(e) });
  while (runUntil(run.sim, run.stepper, scenario.untilMs) === 'halted') run.sim.clearHalt();
  return { ...run, events };
}

export type FactEvent = { readonly t: number; readonly node: string; readonly fact: JsonObject };

export function factsOf(events: readonly TraceEvent[], kind: string): FactEvent[] {
  return events.flatMap((e) => (e.type === 'output' && e.fact['kind'] === kind ? [{ t: e.t, node: e.node, fact: e.fact }] : []));
}

export function violationsOf(events: readonly TraceEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'violation' ? [e.rule] : []));
}

/** Ballots (with their value) accepted by at least `majority` distinct acceptors. */
export function majorityAccepted(events: readonly TraceEvent[], majority: number): string[] {
  const by = new Map<string, Set<string>>();
  for (const { node, fact } of factsOf(events, 'accepted')) {
    const key = `${String(fact['slot'])}:${String(fact['ballot'])}=${String(fact['value'])}`;
    by.set(key, (by.get(key) ?? new Set()).add(node));
  }
  return [...by].filter(([, nodes]) => nodes.size >= majority).map(([key]) => key);
}

/**
 * The scenario's story as text, for golden files: every fact, fault, client operation and
 * violation, one a line, with its virtual time. Messages are left out (the facts say what they did).
 */
export function transcript(events: readonly TraceEvent[]): string {
  const lines: string[] = [];
  for (const e of events) {
    const t = e.t.toFixed(3).padStart(9);
    switch (e.type) {
      case 'output': {
        const { kind, ...rest } = e.fact;
        lines.push(`${t} ${e.node} ${String(kind)} ${JSON.stringify(rest)}`);
        break;
      }
      case 'crash':
      case 'restart':
        lines.push(`${t} ${e.node} ${e.type}`);
        break;
      case 'partition':
        lines.push(`${t} -- partition ${e.links.map(([a, b]) => `${a}>${b}`).join(' ')}`);
        break;
      case 'heal':
        lines.push(`${t} -- heal ${e.links === 'all' ? 'all' : e.links.map(([a, b]) => `${a}>${b}`).join(' ')}`);
        break;
      case 'invoke':
        lines.push(`${t} ${e.node} invoke ${e.opId} ${JSON.stringify(e.op)}`);
        break;
      case 'ok':
      case 'fail':
        lines.push(`${t} ${e.node} ${e.type} ${e.opId} ${JSON.stringify(e.value ?? null)}`);
        break;
      case 'violation':
        lines.push(`${t} !! violation ${e.rule}: ${e.detail}`);
        break;
      default:
        break;
    }
  }
  return `${lines.join('\n')}\n`;
}
