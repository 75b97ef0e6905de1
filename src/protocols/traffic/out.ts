/**
 * One step's work in progress for the traffic nodes: the shared effect builders (src/protocols/
 * effects.ts) with this package's own message type. Facts are documented in docs/trace-format.md,
 * "traffic control".
 */
import type { NodeId } from '../../sim/node';
import { sendMessage, stepOut, type StepOut } from '../effects';
import type { TrafficMessage } from './types';

export { cancelTimer, fact, result, setTimer, update } from '../effects';

export type Out<S> = StepOut<S>;

export const outFor = stepOut;

export function send(o: Out<unknown>, to: NodeId, msg: TrafficMessage): void {
  sendMessage(o, to, msg);
}
