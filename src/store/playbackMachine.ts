/**
 * The playback controller: which state the run is in (loading, paused, playing, halted by a
 * violation, failed) and which controller call each button makes. Every call to the
 * RunController is a named action or the `loadRun` actor, so tests swap them with `.provide()`.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LiveAction, RunController, Speed } from '../runtime/browser/controller';
import type { RunSpec } from '../sim/simulation';

/** The speeds the control bar offers: virtual ms per wall-clock ms, or as fast as possible. */
export const SPEEDS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 'max'];
export const DEFAULT_SPEED: Speed = 1;

export interface PlaybackInput {
  readonly controller: RunController;
}

export interface PlaybackContext {
  readonly controller: RunController;
  /** The spec of the run loaded last (RESET loads it again). */
  readonly spec: RunSpec | null;
  /** Where the run goes right after loading (a shared URL's moment), or null for 0 ms. */
  readonly seekOnLoad: number | null;
  /** A seek asked for while the run was loading; it happens once the run is there. */
  readonly pendingSeek: number | null;
  readonly speed: Speed;
  readonly error: string | null;
}

export type PlaybackEvent =
  | { readonly type: 'LOAD'; readonly spec: RunSpec; readonly t: number | null }
  | { readonly type: 'RESET' }
  | { readonly type: 'PLAY' }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'STEP' }
  | { readonly type: 'SEEK'; readonly t: number }
  | { readonly type: 'SET_SPEED'; readonly speed: Speed }
  | { readonly type: 'ACT'; readonly action: LiveAction }
  /** The controller reported a violation that halted the run. */
  | { readonly type: 'HALTED' }
  /** The run cannot go on (a worker died, the controller broke). */
  | { readonly type: 'FAILED'; readonly message: string };

export interface LoadInput {
  readonly controller: RunController;
  readonly spec: RunSpec;
  readonly t: number | null;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the run failed for an unknown reason';
}

const loadAndSeek = async ({ input }: { input: LoadInput }): Promise<void> => {
  await input.controller.load(input.spec);
  if (input.t !== null && input.t > 0) input.controller.seek(input.t);
};

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  actors: {
    loadRun: fromPromise<void, LoadInput>(loadAndSeek),
  },
  actions: {
    /** Called as a load starts, so views stop drawing the previous run; the app provides it. */
    clearRunView: () => {},
    startPlaying: ({ context }) => context.controller.play(context.speed),
    stopPlaying: ({ context }) => context.controller.pause(),
    stepOnce: ({ context }) => context.controller.step(),
    seekTo: ({ context }, params: { t: number }) => context.controller.seek(params.t),
    applyAction: ({ context }, params: { action: LiveAction }) => context.controller.act(params.action),
    rememberLoad: assign(({ event }) => (event.type === 'LOAD' ? { spec: event.spec, seekOnLoad: event.t, pendingSeek: null, error: null } : {})),
    rememberSeek: assign(({ event, context }) => ({ pendingSeek: event.type === 'SEEK' ? event.t : context.pendingSeek })),
    seekPending: ({ context }) => {
      if (context.pendingSeek !== null) context.controller.seek(context.pendingSeek);
    },
    forgetPendingSeek: assign({ pendingSeek: null }),
    forgetSeek: assign({ seekOnLoad: null }),
    setSpeed: assign(({ context, event }) => ({ speed: event.type === 'SET_SPEED' ? event.speed : context.speed })),
    rememberFailure: assign(({ event }) => ({ error: event.type === 'FAILED' ? event.message : null })),
  },
  guards: {
    hasSpec: ({ context }) => context.spec !== null,
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ controller: input.controller, spec: null, seekOnLoad: null, pendingSeek: null, speed: DEFAULT_SPEED, error: null }),
  initial: 'idle',
  on: {
    LOAD: { target: '.loading', reenter: true, actions: 'rememberLoad' },
    FAILED: { target: '.error', actions: 'rememberFailure' },
    SET_SPEED: { actions: 'setSpeed' },
  },
  states: {
    idle: {},
    loading: {
      entry: 'clearRunView',
      invoke: {
        src: 'loadRun',
        input: ({ context }) => ({ controller: context.controller, spec: context.spec as RunSpec, t: context.seekOnLoad }),
        onDone: { target: 'paused', actions: ['seekPending', 'forgetPendingSeek'] },
        onError: { target: 'error', actions: [assign({ error: ({ event }) => errorText(event.error) }), 'forgetPendingSeek'] },
      },
      on: {
        SEEK: { actions: 'rememberSeek' },
      },
    },
    paused: {
      on: {
        PLAY: 'playing',
        STEP: { actions: 'stepOnce' },
        SEEK: { actions: { type: 'seekTo', params: ({ event }) => ({ t: event.t }) } },
        ACT: { actions: { type: 'applyAction', params: ({ event }) => ({ action: event.action }) } },
        HALTED: 'halted',
        RESET: { guard: 'hasSpec', target: 'loading', actions: 'forgetSeek' },
      },
    },
    playing: {
      entry: 'startPlaying',
      on: {
        PAUSE: { target: 'paused', actions: 'stopPlaying' },
        // Stepping and seeking both leave the run paused.
        STEP: { target: 'paused', actions: ['stopPlaying', 'stepOnce'] },
        SEEK: { target: 'paused', actions: { type: 'seekTo', params: ({ event }) => ({ t: event.t }) } },
        // A new speed takes effect at once: enter `playing` again, which calls play(speed).
        SET_SPEED: { target: 'playing', reenter: true, actions: 'setSpeed' },
        ACT: { actions: { type: 'applyAction', params: ({ event }) => ({ action: event.action }) } },
        HALTED: 'halted',
        RESET: { guard: 'hasSpec', target: 'loading', actions: ['stopPlaying', 'forgetSeek'] },
      },
    },
    halted: {
      on: {
        PLAY: 'playing',
        STEP: { target: 'paused', actions: 'stepOnce' },
        SEEK: { target: 'paused', actions: { type: 'seekTo', params: ({ event }) => ({ t: event.t }) } },
        ACT: { actions: { type: 'applyAction', params: ({ event }) => ({ action: event.action }) } },
        RESET: { guard: 'hasSpec', target: 'loading', actions: 'forgetSeek' },
      },
    },
    error: {
      on: {
        RESET: { guard: 'hasSpec', target: 'loading', actions: 'forgetSeek' },
      },
    },
  },
});

export type PlaybackMachine = typeof playbackMachine;

/** The state names the views show; `idle` only before the first load. */
export type PlaybackState = 'idle' | 'loading' | 'paused' | 'playing' | 'halted' | 'error';
