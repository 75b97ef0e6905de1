/**
 * One step's work in progress for the lock nodes: the shared effect builders (src/protocols/
 * effects.ts) with this package's own message type.
 */
import type { NodeId } from '../../sim/node';
import { sendMessage, stepOut, type StepOut } from '../effects';
import type { LockMessage } from './types';

export { cancelTimer, fact, persist, result, setTimer, update } from '../effects';

export type Out<S> = StepOut<S>;

export const outFor = stepOut;

export function send(o: Out<unknown>, to: NodeId, msg: LockMessage): void {
  sendMessage(o, to, msg);
}
