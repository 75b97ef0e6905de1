/** The flags `run` and `fuzz` share, and how they become a RunChoice. */
import { UsageError } from './errors';
import { catalogue } from './catalogue';
import { parseChoice, parseNumberFlag, parseParamFlags } from './args';
import { FAULT_INTENSITIES, type FaultIntensity, type RunChoice } from './runConfig';

/** A day of virtual time: a bound on one run, far beyond any lab's story. */
export const MAX_UNTIL_MS = 86_400_000;

export const SHARED_FLAGS = {
  lab: { type: 'string' },
  variant: { type: 'string' },
  until: { type: 'string' },
  faults: { type: 'string' },
  param: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface SharedFlagValues {
  readonly lab?: string | undefined;
  readonly variant?: string | undefined;
  readonly until?: string | undefined;
  readonly faults?: string | undefined;
  readonly param?: string[] | undefined;
}

export const SHARED_HELP = `  --lab LAB            the lab (see: npm run sim -- list)
  --variant V          the variant, e.g. article or hardened
  --until MS           virtual time to run to, in ms (at most ${MAX_UNTIL_MS})
  --param NAME=VALUE   set a lab or network parameter; repeat for more (list shows them)`;

export function choiceFromFlags(values: SharedFlagValues, defaults: { faults: FaultIntensity }, more: Partial<RunChoice> = {}): RunChoice {
  if (values.lab === undefined) throw new UsageError(`--lab is required; labs: ${catalogue.ids}`);
  return {
    ...more,
    lab: values.lab,
    variant: values.variant,
    untilMs: values.until === undefined ? undefined : parseNumberFlag('until', values.until, { min: 0, max: MAX_UNTIL_MS }),
    faults: values.faults === undefined ? defaults.faults : parseChoice('faults', values.faults, FAULT_INTENSITIES),
    params: parseParamFlags(values.param),
  };
}
