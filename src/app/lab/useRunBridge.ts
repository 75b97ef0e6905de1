/**
 * Connects the controller to the page: updates go into the store, a new halt moves the playback
 * machine to `halted`, and errors the controller reports become banners.
 *
 * Updates are applied at most once per animation frame: those that arrive in between are merged.
 * Each applied update re-renders the page synchronously, so applying every one as it arrives
 * would, whenever a render takes longer than the scheduler's frame interval, keep the main thread
 * busy with a backlog and make clicks (Pause above all) wait behind it.
 */
import { useEffect } from 'react';
import type { Actor } from 'xstate';
import type { RunController, RunUpdate } from '../../runtime/browser/controller';
import { appStore } from '../../store/appStore';
import type { PlaybackMachine } from '../../store/playbackMachine';
import { isNewHalt, mergeUpdates } from '../../store/recentEvents';
import { addError, applyUpdate } from '../../store/runActions';

export function useRunBridge(controller: RunController, actor: Actor<PlaybackMachine>): void {
  useEffect(() => {
    let pending: RunUpdate | null = null;
    let scheduled: number | null = null;
    const flush = () => {
      scheduled = null;
      const update = pending;
      pending = null;
      if (update === null) return;
      const before = appStore.getState().halted;
      applyUpdate(update);
      if (isNewHalt(before, update.halted)) actor.send({ type: 'HALTED' });
    };
    const stopUpdates = controller.subscribe((update) => {
      pending = pending === null ? update : mergeUpdates(pending, update);
      scheduled ??= requestAnimationFrame(flush);
    });
    const stopErrors = controller.onError((message) => addError(message));
    return () => {
      if (scheduled !== null) cancelAnimationFrame(scheduled);
      stopUpdates();
      stopErrors();
    };
  }, [controller, actor]);
}
