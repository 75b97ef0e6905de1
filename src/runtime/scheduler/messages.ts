/** Messages between the page's main thread and the scheduler worker. */
import type { RunSpec } from '../../sim/simulation';
import type { LiveAction, RunUpdate, Speed } from '../browser/controller';
import type { WireFrame } from '../frameStates';

export type ToScheduler =
  | { readonly type: 'LOAD'; readonly id: number; readonly spec: RunSpec }
  /** Plays at `speed`; with `untilMs`, pauses on reaching that virtual time. */
  | { readonly type: 'PLAY'; readonly speed: Speed; readonly untilMs?: number }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'STEP' }
  | { readonly type: 'SEEK'; readonly t: number }
  | { readonly type: 'ACT'; readonly action: LiveAction }
  | { readonly type: 'EXPORT'; readonly id: number }
  | { readonly type: 'DIGEST'; readonly id: number }
  /** The main thread created the worker of `node`; here is the port to it. */
  | { readonly type: 'NODE_PORT'; readonly node: string; readonly port: MessagePort };

export interface DigestReply {
  readonly events: number;
  readonly digest: string;
  /** False once a seek replayed part of the run in-process. */
  readonly liveOnly: boolean;
}

/** An update as the scheduler sends it: node states as changes from the previous frame's (frameStates.ts). */
export type WireUpdate = Omit<RunUpdate, 'frame'> & { readonly frame: WireFrame };

export type FromScheduler =
  | { readonly type: 'UPDATE'; readonly update: WireUpdate }
  | { readonly type: 'LOADED'; readonly id: number; readonly error?: string }
  | { readonly type: 'EXPORTED'; readonly id: number; readonly text: string }
  | { readonly type: 'DIGESTED'; readonly id: number; readonly reply: DigestReply }
  | { readonly type: 'ERROR'; readonly message: string }
  | { readonly type: 'SPAWN'; readonly node: string }
  | { readonly type: 'KILL'; readonly node: string };
