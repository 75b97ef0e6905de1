/**
 * What a host needs of a lab to run it: its nodes, their protocols, its parameters and checkers.
 * Everything else a lab declares (scenarios, narration, commands, looks, pictures) is for people
 * and lives with the lab in src/labs; the hosts run any lab through this part alone.
 */
import type { Checker } from '../sim/checker';
import type { JsonObject } from '../sim/json';
import type { NodeSpec, Protocol } from '../sim/node';
import { NETWORK_PARAMS, networkFromParams, resolveParams, type ParamSpec, type Params } from '../sim/params';
import type { RunSpec, SimModel } from '../sim/simulation';

export interface RunnableLab {
  readonly id: string;
  readonly variants: readonly string[];
  readonly params: readonly ParamSpec[];
  topology(params: Params): NodeSpec[];
  // Each kind's state type is its own; the host only moves it around as plain data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly protocols: Readonly<Record<string, Protocol<any>>>;
  checkers(variant: string, params: Params): Checker[];
  /**
   * Messages that carry no news, such as Raft's heartbeats (AppendEntries with no entries): the
   * views draw them smaller and paler than the messages that change something. Absent: none.
   */
  readonly isLightMessage?: (msg: JsonObject) => boolean;
}

/** The lab's own parameters, then the network's, which every lab has. */
export function allParams(lab: RunnableLab): ParamSpec[] {
  return [...lab.params, ...NETWORK_PARAMS];
}

/** The run's parameters: those given, and the defaults of the variant (when given) for the rest. */
export function resolveLabParams(lab: RunnableLab, given: Readonly<Record<string, number | string | boolean>>, variant?: string): Params {
  return resolveParams(allParams(lab), given, variant);
}

/** What the kernel runs for this spec: the nodes, the network and the checkers. */
export function modelOf(lab: RunnableLab, spec: RunSpec): SimModel {
  if (!lab.variants.includes(spec.variant)) {
    throw new Error(`unknown variant "${spec.variant}" for lab ${lab.id}; valid: ${lab.variants.join(', ')}`);
  }
  const params = resolveLabParams(lab, spec.params, spec.variant);
  return { nodes: lab.topology(params), network: networkFromParams(params), checkers: lab.checkers(spec.variant, params) };
}
