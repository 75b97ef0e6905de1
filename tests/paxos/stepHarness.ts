/**
 * Driving a Paxos step function by hand: a fixed context (id, peers, variant, params, a scripted
 * random stream), inputs one by one, and helpers to pick effects out of a step's output.
 */
import type { Json, JsonObject } from '../../src/sim/json';
import type { Effect, NodeInput, ParamValue, StepContext, StepFunction, StepOutput } from '../../src/sim/node';

export interface CtxOptions {
  readonly id?: string;
  readonly peers?: readonly string[];
  readonly variant?: string;
  readonly params?: Record<string, ParamValue>;
  readonly now?: number;
  /** Values ctx.random() returns, in order; 0.5 once they run out. */
  readonly randoms?: readonly number[];
}

export function ctxFor(options: CtxOptions = {}): StepContext {
  const randoms = [...(options.randoms ?? [])];
  return {
    id: options.id ?? 'n1',
    peers: options.peers ?? ['n2', 'n3', 'n4', 'n5'],
    variant: options.variant ?? 'hardened',
    params: { autoProposeMs: 0, clientIntervalMs: 0, ...options.params },
    now: options.now ?? 0,
    random: () => randoms.shift() ?? 0.5,
  };
}

/** A node under test: its state after each input, the effects of the last step, and its disk. */
export class Driven<S> {
  state: S | undefined;
  effects: readonly Effect[] = [];
  readonly persisted: Record<string, Json> = {};

  constructor(
    private readonly step: StepFunction<S>,
    readonly ctx: StepContext,
  ) {}

  input(input: NodeInput): readonly Effect[] {
    const out: StepOutput<S> = this.step(this.state, input, this.ctx);
    this.state = out.state;
    this.effects = out.effects;
    for (const e of out.effects) if (e.kind === 'persist') this.persisted[e.key] = e.value;
    return out.effects;
  }

  start(): readonly Effect[] {
    return this.input({ kind: 'start', persisted: null });
  }

  /** A crash and restart: the volatile state is gone; the node starts with what it persisted. */
  restart(): readonly Effect[] {
    this.state = undefined;
    return this.input({ kind: 'start', persisted: { ...this.persisted } });
  }

  msg(from: string, msg: object): readonly Effect[] {
    return this.input({ kind: 'message', from, msg: msg as JsonObject });
  }

  timer(name: string): readonly Effect[] {
    return this.input({ kind: 'timer', name });
  }

  command(cmd: JsonObject, opId = 'op1'): readonly Effect[] {
    return this.input({ kind: 'command', opId, cmd });
  }
}

export function sends(effects: readonly Effect[]): { to: string; msg: JsonObject }[] {
  return effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg }] : []));
}

export function sentTypes(effects: readonly Effect[]): string[] {
  return sends(effects).map((s) => `${String(s.msg['type'])}>${s.to}`);
}

export function facts(effects: readonly Effect[], kind?: string): JsonObject[] {
  return effects.flatMap((e) => (e.kind === 'output' && (kind === undefined || e.fact['kind'] === kind) ? [e.fact] : []));
}

export function kinds(effects: readonly Effect[]): string[] {
  return effects.map((e) => e.kind);
}
