/** Keyboard shortcuts of a lab page: space plays or pauses, → steps one event. */
import { useEffect } from 'react';
import type { Actor } from 'xstate';
import type { PlaybackMachine } from '../../store/playbackMachine';

/** Fields take every key; buttons, links and toggles also take Space (it presses them). */
const TYPING = 'input, select, textarea, [role="slider"], [contenteditable="true"]';
const PRESSING = `${TYPING}, button, a[href], summary, [role="button"], [role="checkbox"]`;

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest(key === ' ' ? PRESSING : TYPING) !== null;
}

export function useShortcuts(actor: Actor<PlaybackMachine>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
      const state = actor.getSnapshot().value;
      if (event.key === ' ') {
        event.preventDefault();
        actor.send({ type: state === 'playing' ? 'PAUSE' : 'PLAY' });
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        actor.send({ type: 'STEP' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);
}
