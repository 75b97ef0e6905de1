/**
 * Lab parameters: each lab declares its own, every lab gets the network ones. Values from a URL,
 * the CLI or the page go through `resolveParams`, so an unknown name or a value out of range is
 * a clear error that lists what is valid.
 */
import type { NetworkSettings } from './actions';
import type { ParamValue } from './node';

export type ParamSpec =
  | { readonly name: string; readonly label: string; readonly kind: 'int' | 'number'; readonly min: number; readonly max: number; readonly default: number; readonly unit?: string }
  | { readonly name: string; readonly label: string; readonly kind: 'enum'; readonly options: readonly string[]; readonly default: string }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'boolean';
      readonly default: boolean;
      /** A variant whose default differs (the lock labs' article variant has no fencing tokens). */
      readonly variantDefaults?: Readonly<Record<string, boolean>>;
    };

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

export function describeSpec(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'number':
      return `${spec.name} (${spec.kind === 'int' ? 'integer' : 'number'} ${spec.min}..${spec.max}${spec.unit === undefined ? '' : ` ${spec.unit}`}, default ${spec.default})`;
    case 'enum':
      return `${spec.name} (one of ${spec.options.join('|')}, default ${spec.default})`;
    case 'boolean': {
      const others = Object.entries(spec.variantDefaults ?? {}).map(([variant, value]) => `, ${value} in ${variant}`);
      return `${spec.name} (true|false, default ${spec.default}${others.join('')})`;
    }
  }
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
