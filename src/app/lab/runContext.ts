/**
 * What every part of a lab page shares: the lab, the controller and the playback actor. The
 * helpers here are how the page acts on the run; they all go through the playback machine.
 */
import { useSelector } from '@xstate/react';
import { createContext, useContext } from 'react';
import type { Actor } from 'xstate';
import type { LiveAction, RunController } from '../../runtime/browser/controller';
import type { LabDefinition } from '../../labs/contract/lab';
import type { RunSpec } from '../../sim/simulation';
import { appStore } from '../../store/appStore';
import type { PlaybackMachine, PlaybackState } from '../../store/playbackMachine';

export interface RunContextValue {
  readonly lab: LabDefinition;
  readonly controller: RunController;
  readonly actor: Actor<PlaybackMachine>;
}

export const RunContext = createContext<RunContextValue | null>(null);

export function useRun(): RunContextValue {
  const value = useContext(RunContext);
  if (value === null) throw new Error('useRun() is only available inside a lab page');
  return value;
}

export function usePlaybackState(): PlaybackState {
  const { actor } = useRun();
  return useSelector(actor, (s) => s.value as PlaybackState);
}

/** Applies an action to the run now (it is recorded with the current virtual time). */
export function useAct(): (action: LiveAction) => void {
  const { actor } = useRun();
  return (action) => actor.send({ type: 'ACT', action });
}

export function useSeek(): (t: number) => void {
  const { actor } = useRun();
  return (t) => actor.send({ type: 'SEEK', t });
}

/**
 * Loads the run again with a changed spec, keeping the actions taken so far. With `keepMoment`
 * it opens at the same virtual time (to compare variants at one moment).
 */
export function useReload(): (patch: Partial<Omit<RunSpec, 'lab'>>, keepMoment?: boolean) => void {
  const { actor } = useRun();
  return (patch, keepMoment = false) => {
    const spec = actor.getSnapshot().context.spec;
    const frame = appStore.getState().frame;
    if (spec === null) return;
    const actions = frame?.actions ?? spec.actions;
    actor.send({ type: 'LOAD', spec: { ...spec, actions, ...patch }, t: keepMoment ? (frame?.now ?? null) : null });
  };
}
