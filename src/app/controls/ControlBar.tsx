/** Play, pause, step, speed, seed, variant and reset, with the status line. */
import { useSelector } from '@xstate/react';
import type { Speed } from '../../runtime/browser/controller';
import { SPEEDS } from '../../store/playbackMachine';
import { paramsForVariant } from '../../store/specEdits';
import { PanelToggles } from '../lab/PanelToggles';
import { usePlaybackState, useReload, useRun } from '../lab/runContext';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons';
import { SeedField } from './SeedField';
import { StatusLine } from './StatusLine';
import './controls.css';

function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}

export function ControlBar() {
  const { lab, actor } = useRun();
  const state = usePlaybackState();
  const speed = useSelector(actor, (s) => s.context.speed);
  const spec = useSelector(actor, (s) => s.context.spec);
  const ready = state === 'paused' || state === 'playing' || state === 'halted';
  const playing = state === 'playing';
  const reload = useReload();

  return (
    <section className="control-bar" aria-label="Playback controls">
      <div className="control-group">
        <button
          type="button"
          className="primary play-button"
          disabled={!ready}
          aria-label={playing ? 'Pause' : 'Play'}
          aria-keyshortcuts="Space"
          onClick={() => actor.send({ type: playing ? 'PAUSE' : 'PLAY' })}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span>{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" disabled={!ready} aria-label="Step one event" aria-keyshortcuts="ArrowRight" onClick={() => actor.send({ type: 'STEP' })}>
          <StepIcon />
          <span>Step</span>
        </button>
        <label className="field">
          <span>Speed</span>
          <select value={String(speed)} onChange={(e) => actor.send({ type: 'SET_SPEED', speed: e.target.value === 'max' ? 'max' : Number(e.target.value) })}>
            {SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={spec === null || state === 'loading'}
          title="Start this run again from 0 ms with the actions it was opened with"
          onClick={() => actor.send({ type: 'RESET' })}
        >
          <ResetIcon />
          <span>Reset</span>
        </button>
      </div>
      <div className="control-group">
        <SeedField seed={spec?.seed ?? 1} onChange={(seed) => reload({ seed })} />
        <label className="field">
          <span>Variant</span>
          <select value={spec?.variant ?? lab.variants[0]} disabled={spec === null} onChange={(e) => spec !== null && reload({ variant: e.target.value, params: paramsForVariant(lab, spec.params, spec.variant, e.target.value) }, true)}>
            {lab.variants.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="status-row">
        <StatusLine />
        <PanelToggles />
      </div>
    </section>
  );
}
