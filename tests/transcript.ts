/**
 * Running a lab's scenario in-process to its end, reading its trace, and telling its story as
 * text for golden files (tests/golden.ts): one line per fact, fault, client operation and
 * violation, with its virtual time. Messages are left out (the facts say what they did).
 */
import { createInProcessRun, runUntil, type InProcessRun } from '../src/runtime/inProcess';
import type { JsonObject } from '../src/sim/json';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { Scenario } from '../src/labs/contract/scenario';
import type { TraceEvent } from '../src/sim/trace';

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

/** A golden file's first line: which scenario, of which lab, run how. */
export function scenarioHeader(lab: LabDefinition, scenario: Scenario): string {
  return `# ${lab.id}/${scenario.id}: ${scenario.title} (${scenario.variant}, seed ${scenario.seed}, until ${scenario.untilMs} ms)`;
}

/** A virtual time as a transcript's first column. */
export function timeColumn(t: number): string {
  return t.toFixed(3).padStart(9);
}

function links(value: readonly (readonly [string, string])[] | 'all'): string {
  return value === 'all' ? 'all' : value.map(([a, b]) => `${a}>${b}`).join(' ');
}

/** One line for an event worth a transcript line (not a message, drop or timer), or null. */
export function eventLine(e: TraceEvent): string | null {
  const t = timeColumn(e.t);
  switch (e.type) {
    case 'output': {
      const { kind, ...rest } = e.fact;
      return `${t} ${e.node} ${String(kind)} ${JSON.stringify(rest)}`;
    }
    case 'crash':
      return `${t} ${e.node} crash${e.error === undefined ? '' : `: ${e.error}`}`;
    case 'restart':
    case 'resume':
      return `${t} ${e.node} ${e.type}`;
    case 'pause':
      return `${t} ${e.node} pause until ${e.until.toFixed(3)}`;
    case 'clock':
      return `${t} ${e.node} clock offset ${e.offsetMs} ms, rate ${e.rate}`;
    case 'partition':
    case 'heal':
      return `${t} -- ${e.type} ${links(e.links)}`;
    case 'network':
      return `${t} -- network ${JSON.stringify(e.settings)}`;
    case 'invoke':
      return `${t} ${e.node} invoke ${e.opId} ${JSON.stringify(e.op)}`;
    case 'ok':
    case 'fail':
      return `${t} ${e.node} ${e.type} ${e.opId} ${JSON.stringify(e.value ?? null)}`;
    case 'violation':
      return `${t} !! violation ${e.rule}: ${e.detail}`;
    default:
      return null;
  }
}

/** The scenario's story as text: every fact, fault, client operation and violation, one a line. */
export function transcript(events: readonly TraceEvent[]): string {
  return `${events.flatMap((e) => eventLine(e) ?? []).join('\n')}\n`;
}

/** The scenario's header line, then every fact, fault, client operation and violation of its run. */
export function headedTranscript(run: ScenarioRun, lab: LabDefinition, scenario: Scenario): string {
  return `${scenarioHeader(lab, scenario)}\n${transcript(run.events)}`;
}
