/**
 * What to run, from the flags `run` and `fuzz` share: the lab, an optional scenario as the base,
 * then variant, seed, length, parameters and random faults on top. Every mistake is a usage error
 * that lists what is valid; nothing runs until the whole configuration is good.
 */
import { sortActions } from '../src/sim/actions';
import { FAULT_INTENSITIES, type FaultIntensity } from '../src/sim/faultPlan';
import { labFaultPlan } from '../src/labs/contract/faultPlan';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { Scenario } from '../src/labs/contract/scenario';
import { ParamError, type Params } from '../src/sim/params';
import type { RunSpec } from '../src/sim/simulation';
import { shellQuote } from './args';
import { UsageError } from './errors';
import { catalogue } from './catalogue';

/** How long a run goes when neither a flag nor a scenario says. */
export const DEFAULT_UNTIL_MS = 10_000;
export const DEFAULT_SEED = 1;

export interface RunChoice {
  readonly lab: string;
  readonly scenario?: string | undefined;
  readonly variant?: string | undefined;
  readonly seed?: number | undefined;
  readonly untilMs?: number | undefined;
  readonly faults: FaultIntensity;
  /** Parameter overrides as typed, checked against the lab's specs. */
  readonly params: Readonly<Record<string, string>>;
}

export interface RunConfig {
  readonly lab: LabDefinition;
  readonly spec: RunSpec;
  readonly untilMs: number;
  readonly choice: RunChoice;
}

export { FAULT_INTENSITIES, type FaultIntensity };

function labNamed(id: string): LabDefinition {
  const lab = catalogue.find(id);
  if (lab === undefined) throw new UsageError(`unknown lab "${id}"; labs: ${catalogue.ids}`);
  return lab;
}

function scenarioNamed(lab: LabDefinition, id: string | undefined): Scenario | undefined {
  if (id === undefined) return undefined;
  const scenario = lab.scenarios.find((s) => s.id === id);
  if (scenario !== undefined) return scenario;
  const valid = lab.scenarios.map((s) => s.id).join(', ');
  throw new UsageError(`unknown scenario "${id}" for lab ${lab.id}; ${valid === '' ? 'it has no scenarios' : `scenarios: ${valid}`}`);
}

function checkedParams(lab: LabDefinition, given: Readonly<Record<string, string | number | boolean>>, variant: string): Params {
  try {
    return resolveLabParams(lab, given, variant);
  } catch (error) {
    // The kernel's message already names the parameter and lists the valid names or range.
    if (error instanceof ParamError) throw new UsageError(`lab ${lab.id}: ${error.message}`);
    throw error;
  }
}

export function resolveRun(choice: RunChoice): RunConfig {
  const lab = labNamed(choice.lab);
  const scenario = scenarioNamed(lab, choice.scenario);
  const variant = choice.variant ?? scenario?.variant ?? lab.variants[0];
  if (variant === undefined || !lab.variants.includes(variant)) {
    throw new UsageError(`unknown variant "${String(variant)}" for lab ${lab.id}; variants: ${lab.variants.join(', ')}`);
  }
  const seed = choice.seed ?? scenario?.seed ?? DEFAULT_SEED;
  const untilMs = choice.untilMs ?? scenario?.untilMs ?? DEFAULT_UNTIL_MS;
  const params = checkedParams(lab, { ...scenario?.params, ...choice.params }, variant);
  const faults = labFaultPlan(lab, { seed, params, untilMs, intensity: choice.faults });
  const actions = sortActions([...(scenario?.actions ?? []), ...faults]);
  return { lab, spec: { lab: lab.id, variant, seed, params, actions }, untilMs, choice };
}

/** The `run` command line that redoes this configuration exactly (seed, length and variant spelled out). */
export function runCommandLine(config: RunConfig, extra: readonly string[] = []): string {
  const { choice, spec } = config;
  const args = ['run', '--lab', spec.lab];
  if (choice.scenario !== undefined) args.push('--scenario', choice.scenario);
  args.push('--variant', spec.variant, '--seed', String(spec.seed), '--until', String(config.untilMs));
  if (choice.faults !== 'none') args.push('--faults', choice.faults);
  for (const [name, value] of Object.entries(choice.params)) args.push('--param', `${name}=${value}`);
  return ['npm', 'run', 'sim', '--', ...args, ...extra].map(shellQuote).join(' ');
}
