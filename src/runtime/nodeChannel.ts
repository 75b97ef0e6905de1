/**
 * Messages between the scheduler and a node's worker (a browser Web Worker or a Node
 * worker_thread). The worker holds the node's state and runs its steps; the scheduler decides
 * what the node gets and when.
 */
import type { Json } from '../sim/json';
import type { NodeInput } from '../sim/node';
import type { RandomState } from '../sim/random';
import type { NodeWindow } from '../sim/lookahead';
import type { NodeIdentity } from './stepNode';
import type { StepKey } from '../sim/lookahead';
import type { WireResult } from './wireResult';

export type ToNode =
  | { readonly type: 'INIT'; readonly lab: string; readonly identity: NodeIdentity }
  | { readonly type: 'STEP'; readonly id: number; readonly input: NodeInput; readonly now: number; readonly rng: RandomState }
  /** Run the node's lookahead window (src/sim/lookahead.ts) and answer with every step's result. */
  | { readonly type: 'STEP_WINDOW'; readonly id: number; readonly window: NodeWindow }
  /** After a seek: the node's state becomes this one. */
  | { readonly type: 'SET_STATE'; readonly id: number; readonly state: Json | undefined };

export type FromNode =
  | { readonly type: 'READY'; readonly node: string }
  /** Results carry the state as a change from the node's previous one (wireResult.ts). */
  | { readonly type: 'RESULT'; readonly id: number; readonly result: WireResult }
  | { readonly type: 'WINDOW_RESULT'; readonly id: number; readonly steps: readonly { readonly key: StepKey; readonly result: WireResult }[] }
  | { readonly type: 'STATE_SET'; readonly id: number }
  | { readonly type: 'INIT_FAILED'; readonly node: string; readonly error: string };
