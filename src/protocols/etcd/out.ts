/**
 * What the etcd lab's nodes share in a step: the step in progress (`o`, see ../define.ts) over
 * this package's messages, and what each kind keeps across a crash.
 */
import type { Step } from '../define';
import type { Persisted } from '../effects';
import type { EtcdClientState } from './clientTypes';
import type { EtcdMessage, EtcdState } from './types';

export { update } from '../define';
export { cancelTimer, fact, persist, result, send, setTimer } from '../effects';

export type Out<S, P extends Persisted = Persisted> = Step<S, EtcdMessage, P>;

/** A client keeps how many holds it had, so a restarted one never reuses a hold's number. */
export type EtcdClientPersisted = { readonly holds: number };
/** The server keeps its store after every change; watches are connection state and are not kept. */
export type EtcdServerPersisted = { readonly store: Omit<EtcdState, 'watchers'> };

export type EtcdClientOut = Out<EtcdClientState, EtcdClientPersisted>;
export type EtcdServerOut = Out<EtcdState, EtcdServerPersisted>;
