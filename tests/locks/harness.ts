/** Driving the lock nodes' step functions by hand, with a local clock the test moves. */
import type { StepContext, StepFunction } from '../../src/sim/node';
import { lockClientProtocol } from '../../src/protocols/locks/client';
import type { ClientState } from '../../src/protocols/locks/types';
import { ctxFor, Driven, type CtxOptions } from '../paxos/stepHarness';

export class Clocked<S> extends Driven<S> {
  constructor(step: StepFunction<S>, ctx: StepContext) {
    super(step, ctx);
  }

  at(now: number): this {
    (this.ctx as { now: number }).now = now;
    return this;
  }
}

export const ONE_SERVER = ['c2', 'r1', 'storage'];
export const FIVE_SERVERS = ['c2', 'r1', 'r2', 'r3', 'r4', 'r5', 'storage'];

/** A client c1 that acts only on commands, unless the test's params say otherwise. */
export function lockClient(options: CtxOptions & { peers?: readonly string[] } = {}): Clocked<ClientState> {
  const ctx = ctxFor({ id: 'c1', peers: ONE_SERVER, ...options, params: { autoStart: false, ttlMs: 500, ...options.params } });
  const node = new Clocked<ClientState>(lockClientProtocol.step, ctx);
  node.start();
  return node;
}

/** The request ids of the Redis commands in a step's effects, by server. */
export function ridsOf(effects: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of effects) {
    if (e.kind === 'send') {
      const s = e as unknown as { to: string; msg: { type: string; rid?: number } };
      if (s.msg.type === 'cmd' && s.msg.rid !== undefined) out[s.to] = s.msg.rid;
    }
  }
  return out;
}
