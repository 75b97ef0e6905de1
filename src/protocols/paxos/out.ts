/**
 * One step's work in progress: the node's next state and the effects so far, in order. The
 * functions of this package take an `Out`, replace `o.s` with a new object (the state they were
 * given is never changed) and append effects, so a whole step stays one pure function.
 */
import type { NodeId, StepContext } from '../../sim/node';
import { sendMessage, type StepOut } from '../effects';
import { rulesOf, type Rules } from './config';
import type { Message } from './types';

export { cancelTimer, fact, result, setTimer, update } from '../effects';

export interface Out<S> extends StepOut<S> {
  readonly rules: Rules;
}

export function outFor<S>(s: S, ctx: StepContext): Out<S> {
  return { s, fx: [], ctx, rules: rulesOf(ctx) };
}

export function send(o: Out<unknown>, to: NodeId, msg: Message): void {
  sendMessage(o, to, msg);
}

/** Sends to every other node; every node of a Paxos lab is an acceptor and a learner. */
export function broadcast(o: Out<unknown>, msg: Message): void {
  for (const peer of o.ctx.peers) send(o, peer, msg);
}
