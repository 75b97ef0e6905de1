/**
 * Lab parameters: each lab declares its own, every lab gets the network ones. Values from a URL,
 * the CLI or the page go through `resolveParams`, so an unknown name or a value out of range is
 * a clear error that lists what is valid.
 */
import type { NetworkSettings } from './actions';
import type { ParamValue } from './node';

interface ParamBase {
  readonly name: string;
  readonly label: string;
  /** The variants in which the parameter does anything; absent: all. The page offers it only there. */
  readonly variants?: readonly string[];
}

export type ParamSpec =
  | (ParamBase & {
      readonly kind: 'int' | 'number';
      readonly min: number;
      readonly max: number;
      readonly default: number;
      readonly unit?: string;
      /** Never above the value of this other parameter (a lab's proposers are some of its acceptors). */
      readonly atMost?: string;
    })
  | (ParamBase & { readonly kind: 'enum'; readonly options: readonly string[]; readonly default: string })
  | (ParamBase & {
      readonly kind: 'boolean';
      readonly default: boolean;
      /** A variant whose default differs (the lock labs' article variant has no fencing tokens). */
      readonly variantDefaults?: Readonly<Record<string, boolean>>;
    });

/** The parameter's default in this variant (absent: the lab's plain default). */
export function defaultFor(spec: ParamSpec, variant?: string): ParamValue {
  if (spec.kind === 'boolean' && variant !== undefined) return spec.variantDefaults?.[variant] ?? spec.default;
  return spec.default;
}

export type Params = Readonly<Record<string, ParamValue>>;

export class ParamError extends Error {
  override name = 'ParamError';
}

export const NETWORK_PARAMS: readonly ParamSpec[] = [
  { name: 'latencyMsMin', label: 'Latency min', kind: 'number', min: 0, max: 10_000, default: 5, unit: 'ms' },
  { name: 'latencyMsMax', label: 'Latency max', kind: 'number', min: 0, max: 60_000, default: 15, unit: 'ms' },
  { name: 'lossRate', label: 'Loss', kind: 'number', min: 0, max: 1, default: 0 },
  { name: 'duplicateRate', label: 'Duplication', kind: 'number', min: 0, max: 1, default: 0 },
];

function describeRange(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'number':
      return `${spec.kind === 'int' ? 'integer' : 'number'} ${spec.min}..${spec.max}${spec.unit === undefined ? '' : ` ${spec.unit}`}${spec.atMost === undefined ? '' : ` and at most ${spec.atMost}`}, default ${spec.default}`;
    case 'enum':
      return `one of ${spec.options.join('|')}, default ${spec.default}`;
    case 'boolean': {
      const others = Object.entries(spec.variantDefaults ?? {}).map(([variant, value]) => `, ${value} in ${variant}`);
      return `true|false, default ${spec.default}${others.join('')}`;
    }
  }
}

export function describeSpec(spec: ParamSpec): string {
  const only = spec.variants === undefined ? '' : `; only in ${spec.variants.join(', ')}`;
  return `${spec.name} (${describeRange(spec)}${only})`;
}

/** Whether the parameter does anything in this variant. */
export function paramApplies(spec: ParamSpec, variant: string): boolean {
  return spec.variants === undefined || spec.variants.includes(variant);
}

/** The parameter that bounds this one from above (`atMost`), if any. */
function boundOf(spec: ParamSpec): string | undefined {
  return spec.kind === 'int' || spec.kind === 'number' ? spec.atMost : undefined;
}

/** The spec as a control should offer it: a number bounded by another parameter gets that bound as its maximum. */
export function boundedSpec(spec: ParamSpec, params: Readonly<Record<string, ParamValue>>): ParamSpec {
  const name = boundOf(spec);
  const bound = name === undefined ? undefined : params[name];
  return (spec.kind === 'int' || spec.kind === 'number') && typeof bound === 'number' ? { ...spec, max: Math.min(spec.max, bound) } : spec;
}

/** One parameter's new value, with any parameter bounded by it lowered to stay within it. */
export function changeWithin(specs: readonly ParamSpec[], params: Readonly<Record<string, ParamValue>>, name: string, value: ParamValue): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = { [name]: value };
  for (const s of specs) {
    const current = params[s.name];
    if (boundOf(s) === name && typeof current === 'number' && typeof value === 'number' && current > value) out[s.name] = value;
  }
  return out;
}

function parseValue(spec: ParamSpec, raw: ParamValue): ParamValue {
  const wrong = (): never => {
    throw new ParamError(`invalid value "${String(raw)}" for ${describeSpec(spec)}`);
  };
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(value) || value < spec.min || value > spec.max) return wrong();
      if (spec.kind === 'int' && !Number.isInteger(value)) return wrong();
      return value;
    }
    case 'enum':
      return typeof raw === 'string' && spec.options.includes(raw) ? raw : wrong();
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      return wrong();
  }
}

/** Throws when a parameter is above the one that bounds it (`atMost`). */
function checkBounds(specs: readonly ParamSpec[], values: Params): void {
  for (const spec of specs) {
    const boundName = boundOf(spec);
    if (boundName === undefined) continue;
    const value = values[spec.name];
    const bound = values[boundName];
    if (typeof value === 'number' && typeof bound === 'number' && value > bound) {
      throw new ParamError(`${spec.name} (${value}) must be at most ${boundName} (${bound})`);
    }
  }
}

/** Fills defaults (the variant's, when it is given) and checks every given value against its spec. */
export function resolveParams(specs: readonly ParamSpec[], given: Readonly<Record<string, ParamValue>>, variant?: string): Params {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: Record<string, ParamValue> = {};
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) {
      throw new ParamError(`unknown parameter "${name}"; valid parameters: ${specs.map(describeSpec).join(', ')}`);
    }
  }
  for (const spec of specs) {
    const raw = given[spec.name];
    out[spec.name] = raw === undefined ? defaultFor(spec, variant) : parseValue(spec, raw);
  }
  checkBounds(specs, out);
  if ((out['latencyMsMax'] as number) < (out['latencyMsMin'] as number)) {
    throw new ParamError(`latencyMsMax (${String(out['latencyMsMax'])}) must be at least latencyMsMin (${String(out['latencyMsMin'])})`);
  }
  return out;
}

export function networkFromParams(params: Params): Required<NetworkSettings> {
  return {
    latencyMsMin: Number(params['latencyMsMin']),
    latencyMsMax: Number(params['latencyMsMax']),
    lossRate: Number(params['lossRate']),
    duplicateRate: Number(params['duplicateRate']),
  };
}
