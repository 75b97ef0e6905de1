/** The buttons a lab offers on its nodes: client operations such as "request" or "time out". */
import type { JsonObject } from '../../sim/json';

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
export function commandsFor(lab: { readonly commands: readonly NodeCommand[] }, kind: string): readonly NodeCommand[] {
  return lab.commands.filter((c) => c.forKinds === undefined || c.forKinds.includes(kind));
}
