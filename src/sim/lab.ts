/**
 * What a lab is, as the kernel, the hosts, the CLI and the page see it. Each lab under src/labs
 * provides one of these; the types live here so the runtime can run a lab without importing it.
 */
import type { Action } from './actions';
import type { Checker, NodeView } from './checker';
import { faultPlan, type FaultIntensity } from './faultPlan';
import type { JsonObject } from './json';
import type { LabFaults } from './labFaults';
import type { NodeSpec, Protocol } from './node';
import { NETWORK_PARAMS, networkFromParams, resolveParams, type ParamSpec, type Params } from './params';
import type { RunSpec, SimModel } from './simulation';

export interface NarrationStep {
  readonly at: number;
  readonly text: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly variant: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly actions: readonly Action[];
  /** Where the scenario's story ends, in virtual ms. */
  readonly untilMs: number;
  readonly narration: readonly NarrationStep[];
}

/** A number a command takes, asked for next to its button: an error rate, a latency. */
export interface CommandArg {
  /** The field of the command that carries the value. */
  readonly name: string;
  readonly label: string;
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

/** A button the page offers on a node, e.g. "request" or "time out". */
export interface NodeCommand {
  readonly id: string;
  readonly label: string;
  readonly cmd: JsonObject;
  /** The node kinds (topology `kind`) that take this command; absent: every node. */
  readonly forKinds?: readonly string[];
  /** A number the command takes; the page sends `cmd` with this field set to the value given. */
  readonly arg?: CommandArg;
}

/** Why `text` is not a value `arg` takes, or null when it is. */
export function commandArgError(arg: CommandArg, text: string): string | null {
  const value = Number(text);
  if (text.trim() !== '' && Number.isFinite(value) && value >= arg.min && value <= arg.max) return null;
  return `${arg.label} takes a number from ${arg.min} to ${arg.max}${arg.unit === undefined ? '' : ` ${arg.unit}`}`;
}

/** The command to send: `command.cmd`, with its argument set to `value` when it takes one. */
export function commandWithArg(command: NodeCommand, value: number): JsonObject {
  return command.arg === undefined ? command.cmd : { ...command.cmd, [command.arg.name]: value };
}

/** The commands the page offers on a node of this kind. */
export function commandsFor(lab: LabDefinition, kind: string): readonly NodeCommand[] {
  return lab.commands.filter((c) => c.forKinds === undefined || c.forKinds.includes(kind));
}

/** Network presets the settings may offer, besides healing every link. */
export type NetworkPreset = 'split-majority' | 'bridge';
export const NETWORK_PRESETS: readonly NetworkPreset[] = ['split-majority', 'bridge'];

/** How a node looks in the shared views: its role or state (one colour each) and a short label. */
export interface NodeLook {
  readonly role: string;
  readonly detail: string;
}

export interface LabDefinition {
  readonly id: string;
  readonly title: string;
  /** One line for the landing page: what this lab shows. */
  readonly summary: string;
  readonly variants: readonly string[];
  readonly params: readonly ParamSpec[];
  /** The roles `look` can return, in legend order. */
  readonly roles: readonly string[];
  topology(params: Params): NodeSpec[];
  // Each kind's state type is its own; the host only moves it around as plain data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly protocols: Readonly<Record<string, Protocol<any>>>;
  checkers(variant: string, params: Params): Checker[];
  readonly scenarios: readonly Scenario[];
  readonly commands: readonly NodeCommand[];
  look(node: NodeView): NodeLook;
  /**
   * Messages that carry no news, such as Raft's heartbeats (AppendEntries with no entries): the
   * views draw them smaller and paler than the messages that change something. Absent: none.
   */
  readonly isLightMessage?: (msg: JsonObject) => boolean;
  /**
   * The network presets that mean something for this lab's topology. Splitting a majority from a
   * minority and bridging two halves through one node are about a group that votes; clients in
   * front of one gate have no majority. Absent: all of them.
   */
  readonly networkPresets?: readonly NetworkPreset[];
  /**
   * The faults a fuzzer should add for this lab on top of the common ones, because they are what
   * its mechanism is there to survive (a lock lab: pauses longer than the TTL, clock jumps on its
   * servers, slow links to the storage). Absent: the common ones only.
   */
  readonly faults?: (params: Params) => LabFaults;
}

export function networkPresetsOf(lab: LabDefinition): readonly NetworkPreset[] {
  return lab.networkPresets ?? NETWORK_PRESETS;
}

export function allParams(lab: LabDefinition): ParamSpec[] {
  return [...lab.params, ...NETWORK_PARAMS];
}

/** The run's parameters: those given, and the defaults of the variant (when given) for the rest. */
export function resolveLabParams(lab: LabDefinition, given: Readonly<Record<string, number | string | boolean>>, variant?: string): Params {
  return resolveParams(allParams(lab), given, variant);
}

/** The random faults of a fuzzed run of this lab: the common ones, and those the lab asks for. */
export function labFaultPlan(lab: LabDefinition, run: { readonly seed: number; readonly params: Params; readonly untilMs: number; readonly intensity: FaultIntensity }): Action[] {
  const nodes = lab.topology(run.params).map((n) => n.id);
  return faultPlan({ seed: run.seed, nodes, untilMs: run.untilMs, intensity: run.intensity, network: networkFromParams(run.params), labFaults: lab.faults?.(run.params) });
}

export function modelOf(lab: LabDefinition, spec: RunSpec): SimModel {
  if (!lab.variants.includes(spec.variant)) {
    throw new Error(`unknown variant "${spec.variant}" for lab ${lab.id}; valid: ${lab.variants.join(', ')}`);
  }
  const params = resolveLabParams(lab, spec.params, spec.variant);
  return { nodes: lab.topology(params), network: networkFromParams(params), checkers: lab.checkers(spec.variant, params) };
}

