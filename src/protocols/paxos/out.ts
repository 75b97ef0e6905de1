/**
 * What every part of a Paxos node shares in a step, single-decree and Multi-Paxos alike: the step
 * in progress (`o`, see ../define.ts), the messages, what an acceptor and a proposer persist.
 */
import type { Step } from '../define';
import { send } from '../effects';
import type { Ballot } from './ballot';
import type { Rules } from './config';
import type { Message, Value } from './types';

export { update } from '../define';
export { cancelTimer, fact, persist, result, send, setTimer } from '../effects';

/** An accepted proposal as the acceptor writes it to disk, one key per slot. */
export type AcceptedRecord = { readonly ballot: Ballot; readonly value: Value };

/** What a Paxos node keeps across a crash: the proposer's round, the acceptor's promise and what it accepted, by slot. */
export type PaxosPersisted = {
  readonly round: number;
  readonly promised: Ballot | null;
  readonly [slot: `accepted.${number}`]: AcceptedRecord;
};

export type Out<S> = Step<S, Message, PaxosPersisted, Rules>;

/** Sends to every other node; every node of a Paxos lab is an acceptor and a learner. */
export function broadcast(o: Out<unknown>, msg: Message): void {
  for (const peer of o.ctx.peers) send(o, peer, msg);
}
