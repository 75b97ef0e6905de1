/**
 * What the traffic nodes share in a step: the step in progress (`o`, see ../define.ts) over this
 * package's messages. They keep nothing across a crash. Facts are documented in
 * docs/trace-format.md, "traffic control".
 */
import type { Step } from '../define';
import type { NothingPersisted } from '../effects';
import type { TrafficMessage } from './types';

export { update } from '../define';
export { cancelTimer, fact, result, send, setTimer } from '../effects';

export type Out<S> = Step<S, TrafficMessage, NothingPersisted>;
