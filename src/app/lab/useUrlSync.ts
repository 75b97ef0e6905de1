/**
 * Keeps the address bar on the moment shown: lab, variant, seed, parameters, the actions taken
 * and the virtual time. It replaces the history entry (no history spam), and while the run plays
 * it writes at most once a second.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { Actor } from 'xstate';
import type { LabDefinition } from '../../labs/contract/lab';
import { useAppStore } from '../../store/appStore';
import type { PlaybackMachine } from '../../store/playbackMachine';
import { formatLabHash } from '../../store/url';

const PLAYING_WRITE_INTERVAL_MS = 1000;

export function useUrlSync(lab: LabDefinition, actor: Actor<PlaybackMachine>, scenarioId: string | null): void {
  const spec = useSelector(actor, (s) => s.context.spec);
  const state = useSelector(actor, (s) => s.value);
  const frame = useAppStore((s) => s.frame);
  const lastWrite = useRef(0);

  useEffect(() => {
    if (spec === null || frame === null || state === 'loading' || state === 'error') return;
    const now = performance.now();
    if (state === 'playing' && now - lastWrite.current < PLAYING_WRITE_INTERVAL_MS) return;
    const hash = formatLabHash(lab, { ...spec, actions: frame.actions }, frame.now, scenarioId);
    if (hash !== window.location.hash) {
      window.history.replaceState(window.history.state, '', hash);
      lastWrite.current = now;
    }
  }, [lab, spec, state, frame, scenarioId]);
}
