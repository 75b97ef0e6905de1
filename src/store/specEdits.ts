/**
 * Changing a run from the control bar: a new seed, variant or parameters makes a new spec. The
 * actions the person already took are kept when they still name nodes the new run has.
 */
import type { NetworkSettings } from '../sim/actions';
import { nodesNamedBy } from '../sim/faults';
import { allParams, resolveLabParams } from '../runtime/runnableLab';
import type { LabDefinition } from '../labs/contract/lab';
import type { ParamValue } from '../sim/node';
import { defaultFor, type Params } from '../sim/params';
import type { RunSpec } from '../sim/simulation';

/** A spec with some parameters changed; throws a ParamError naming a bad value. */
export function withParams(lab: LabDefinition, spec: RunSpec, changed: Readonly<Record<string, ParamValue>>): RunSpec {
  const params = resolveLabParams(lab, { ...spec.params, ...changed }, spec.variant);
  const ids = new Set(lab.topology(params).map((n) => n.id));
  const actions = spec.actions.filter((a) => nodesNamedBy(a).every((id) => ids.has(id)));
  return { ...spec, params, actions };
}

/**
 * The parameters for a switch to another variant: those still at the old variant's default take
 * the new one's (the article's lock has no fencing tokens, the hardened one has), and the values
 * the person chose stay.
 */
export function paramsForVariant(lab: LabDefinition, params: Params, from: string, to: string): Params {
  const out: Record<string, ParamValue> = { ...params };
  for (const p of allParams(lab)) if (params[p.name] === defaultFor(p, from)) out[p.name] = defaultFor(p, to);
  return out;
}

const NETWORK_KEYS = ['latencyMsMin', 'latencyMsMax', 'lossRate', 'duplicateRate'] as const;

export function isNetworkParam(name: string): name is (typeof NETWORK_KEYS)[number] {
  return (NETWORK_KEYS as readonly string[]).includes(name);
}

/** The live network change for one slider; latency min and max move together to stay ordered. */
export function networkChange(current: Required<NetworkSettings>, name: (typeof NETWORK_KEYS)[number], value: number): NetworkSettings {
  if (name === 'latencyMsMin' && value > current.latencyMsMax) return { latencyMsMin: value, latencyMsMax: value };
  if (name === 'latencyMsMax' && value < current.latencyMsMin) return { latencyMsMin: value, latencyMsMax: value };
  return { [name]: value };
}

/**
 * Nodes split into a majority (the first floor(n/2)+1) and the minority left over, which is
 * strictly less than half: with an even count, two equal halves would leave neither side a quorum.
 * Under three nodes the minority is empty, so the page offers the split from three on.
 */
export function majorityMinority(ids: readonly string[]): string[][] {
  const majority = Math.floor(ids.length / 2) + 1;
  return [ids.slice(0, majority), ids.slice(majority)];
}
