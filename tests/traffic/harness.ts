/**
 * Driving a traffic node's step function by hand: a clock the test moves, a scripted or seeded
 * random stream, and helpers to pick effects out of a step.
 */
import type { Json, JsonObject } from '../../src/sim/json';
import type { Effect, NodeInput, ParamValue, Protocol, StepContext } from '../../src/sim/node';

export interface DriveOptions {
  readonly id?: string;
  readonly peers?: readonly string[];
  readonly variant?: string;
  readonly params?: Record<string, ParamValue>;
  /** Values ctx.random() returns, in order, then `fallbackRandom`. */
  readonly randoms?: readonly number[];
  readonly fallbackRandom?: number;
}

export class Driven<S> {
  state: S | undefined;
  effects: readonly Effect[] = [];
  now = 0;
  private readonly randoms: number[];

  constructor(
    private readonly protocol: Protocol<S>,
    private readonly options: DriveOptions = {},
  ) {
    this.randoms = [...(options.randoms ?? [])];
  }

  private ctx(): StepContext {
    return {
      id: this.options.id ?? 'gate',
      peers: this.options.peers ?? [],
      variant: this.options.variant ?? 'hardened',
      params: this.options.params ?? {},
      now: this.now,
      random: () => this.randoms.shift() ?? this.options.fallbackRandom ?? 0.5,
    };
  }

  /** Moves the clock to `now` (local ms) for the next inputs. */
  at(now: number): this {
    this.now = now;
    return this;
  }

  /** Queues values for ctx.random(). */
  willDraw(...values: number[]): this {
    this.randoms.push(...values);
    return this;
  }

  input(input: NodeInput): readonly Effect[] {
    const out = this.protocol.step(this.state, input, this.ctx());
    this.state = out.state;
    this.effects = out.effects;
    return out.effects;
  }

  start(): readonly Effect[] {
    return this.input({ kind: 'start', persisted: null });
  }

  msg(from: string, msg: object): readonly Effect[] {
    return this.input({ kind: 'message', from, msg: msg as JsonObject });
  }

  request(id: string, extra: { from?: string; key?: string; waitMs?: number } = {}): readonly Effect[] {
    const msg: JsonObject = { type: 'Request', id, key: extra.key ?? 'c1' };
    if (extra.waitMs !== undefined) msg['waitMs'] = extra.waitMs;
    return this.msg(extra.from ?? 'c1', msg);
  }

  reply(id: string, ok: boolean): readonly Effect[] {
    return this.msg('backend', ok ? { type: 'Reply', id, ok } : { type: 'Reply', id, ok, error: 'error' });
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

export function facts(effects: readonly Effect[], kind?: string): JsonObject[] {
  return effects.flatMap((e) => (e.kind === 'output' && (kind === undefined || e.fact['kind'] === kind) ? [e.fact] : []));
}

export function timers(effects: readonly Effect[]): { name: string; delayMs: number }[] {
  return effects.flatMap((e) => (e.kind === 'setTimer' ? [{ name: e.name, delayMs: e.delayMs }] : []));
}

export function results(effects: readonly Effect[]): { opId: string; ok: boolean; value: Json | undefined }[] {
  return effects.flatMap((e) => (e.kind === 'result' ? [{ opId: e.opId, ok: e.ok, value: e.value }] : []));
}

/** The gate's answers to clients: `id=result` each. */
export function responses(effects: readonly Effect[]): string[] {
  return sends(effects)
    .filter((s) => s.msg['type'] === 'Response')
    .map((s) => `${String(s.msg['id'])}=${String(s.msg['result'])}`);
}

/** The calls the gate made to the backend, by id. */
export function calls(effects: readonly Effect[]): string[] {
  return sends(effects)
    .filter((s) => s.msg['type'] === 'Call')
    .map((s) => String(s.msg['id']));
}
