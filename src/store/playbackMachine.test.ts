import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { LiveAction, RunController, RunUpdate } from '../runtime/browser/controller';
import type { RunSpec } from '../sim/simulation';
import { playbackMachine, type LoadInput } from './playbackMachine';

interface FakeController extends RunController {
  readonly calls: string[];
}

function fakeController(options: { failLoad?: string } = {}): FakeController {
  const calls: string[] = [];
  return {
    calls,
    load: async (spec: RunSpec) => {
      calls.push(`load ${spec.lab} ${spec.seed}`);
      if (options.failLoad !== undefined) throw new Error(options.failLoad);
    },
    play: (speed) => void calls.push(`play ${speed}`),
    pause: () => void calls.push('pause'),
    step: () => void calls.push('step'),
    seek: (t) => void calls.push(`seek ${t}`),
    act: (a: LiveAction) => void calls.push(`act ${a.kind}`),
    exportTrace: async () => '',
    subscribe: (_listener: (u: RunUpdate) => void) => () => {},
    onError: () => () => {},
    dispose: () => void calls.push('dispose'),
  };
}

const spec: RunSpec = { lab: 'beacon', variant: 'hardened', seed: 7, params: {}, actions: [] };

async function loaded(controller: FakeController, t: number | null = null) {
  const actor = createActor(playbackMachine, { input: { controller } }).start();
  actor.send({ type: 'LOAD', spec, t });
  await waitFor(actor, (s) => s.matches('paused'));
  return actor;
}

describe('playbackMachine', () => {
  it('starts idle, loads, and lands paused', async () => {
    const c = fakeController();
    const actor = createActor(playbackMachine, { input: { controller: c } }).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'LOAD', spec, t: null });
    expect(actor.getSnapshot().value).toBe('loading');
    await waitFor(actor, (s) => s.matches('paused'));
    expect(c.calls).toEqual(['load beacon 7']);
  });

  it('seeks to the shared moment right after loading', async () => {
    const c = fakeController();
    await loaded(c, 1234.5);
    expect(c.calls).toEqual(['load beacon 7', 'seek 1234.5']);
  });

  it('plays at the chosen speed, changes speed live, pauses', async () => {
    const c = fakeController();
    const actor = await loaded(c);
    actor.send({ type: 'SET_SPEED', speed: 10 });
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'SET_SPEED', speed: 'max' });
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(c.calls.slice(1)).toEqual(['play 10', 'play max', 'pause']);
  });

  it('step and seek leave a playing run paused', async () => {
    const c = fakeController();
    const actor = await loaded(c);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SEEK', t: 50 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(c.calls.slice(1)).toEqual(['play 1', 'pause', 'step', 'play 1', 'seek 50']);
  });

  it('passes actions to the controller without changing state', async () => {
    const c = fakeController();
    const actor = await loaded(c);
    actor.send({ type: 'ACT', action: { kind: 'crash', node: 'n1' } });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'ACT', action: { kind: 'healAll' } });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(c.calls).toContain('act crash');
    expect(c.calls).toContain('act healAll');
  });

  it('halts on a violation and can go on from there', async () => {
    const c = fakeController();
    const actor = await loaded(c);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'HALTED' });
    expect(actor.getSnapshot().value).toBe('halted');
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'HALTED' });
    actor.send({ type: 'SEEK', t: 10 });
    expect(actor.getSnapshot().value).toBe('paused');
  });

  it('reports a load that fails, and RESET tries the same spec again', async () => {
    const c = fakeController({ failLoad: 'unknown variant "x"' });
    const actor = createActor(playbackMachine, { input: { controller: c } }).start();
    actor.send({ type: 'LOAD', spec, t: null });
    await waitFor(actor, (s) => s.matches('error'));
    expect(actor.getSnapshot().context.error).toBe('unknown variant "x"');
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('loading');
  });

  it('RESET reloads the last spec from 0 ms', async () => {
    const c = fakeController();
    const actor = await loaded(c, 500);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'RESET' });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(c.calls).toEqual(['load beacon 7', 'seek 500', 'play 1', 'pause', 'load beacon 7']);
  });

  it('FAILED moves any state to error with the message', async () => {
    const c = fakeController();
    const actor = await loaded(c);
    actor.send({ type: 'FAILED', message: 'worker for n2 failed to load' });
    expect(actor.getSnapshot().value).toBe('error');
    expect(actor.getSnapshot().context.error).toBe('worker for n2 failed to load');
  });

  it('lets tests swap the side effects with provide()', async () => {
    const seen: string[] = [];
    const machine = playbackMachine.provide({
      actors: { loadRun: fromPromise<void, LoadInput>(async ({ input }) => void seen.push(`loaded ${input.spec.seed} at ${String(input.t)}`)) },
      actions: { clearRunView: () => void seen.push('cleared'), startPlaying: () => void seen.push('playing') },
    });
    const actor = createActor(machine, { input: { controller: fakeController() } }).start();
    actor.send({ type: 'LOAD', spec, t: 20 });
    await waitFor(actor, (s) => s.matches('paused'));
    actor.send({ type: 'PLAY' });
    expect(seen).toEqual(['cleared', 'loaded 7 at 20', 'playing']);
  });

  it('a seek asked for while loading happens once the run is loaded', async () => {
    const c = fakeController();
    const actor = createActor(playbackMachine, { input: { controller: c } }).start();
    actor.send({ type: 'LOAD', spec, t: null });
    actor.send({ type: 'SEEK', t: 400 });
    actor.send({ type: 'SEEK', t: 600 });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(c.calls).toEqual(['load beacon 7', 'seek 600']);
    expect(actor.getSnapshot().context.pendingSeek).toBeNull();
  });

  it('a second LOAD while loading starts over with the new spec', async () => {
    const c = fakeController();
    const actor = createActor(playbackMachine, { input: { controller: c } }).start();
    actor.send({ type: 'LOAD', spec, t: null });
    actor.send({ type: 'LOAD', spec: { ...spec, seed: 9 }, t: null });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(actor.getSnapshot().context.spec?.seed).toBe(9);
    expect(c.calls).toEqual(['load beacon 7', 'load beacon 9']);
  });
});
