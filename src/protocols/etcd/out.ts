/** One step's work in progress for the etcd lab's nodes: the shared effect builders with this package's messages. */
import type { NodeId } from '../../sim/node';
import { sendMessage, stepOut, type StepOut } from '../effects';
import type { WriteMsg } from '../locks/types';
import type { FromEtcd, ToEtcd } from './types';

export { cancelTimer, fact, persist, result, setTimer, update } from '../effects';

export type Out<S> = StepOut<S>;

export const outFor = stepOut;

export function send(o: Out<unknown>, to: NodeId, msg: ToEtcd | FromEtcd | WriteMsg): void {
  sendMessage(o, to, msg);
}
