/**
 * Connects the controller to the page: every update goes into the store, a new halt moves the
 * playback machine to `halted`, and errors the controller reports become banners.
 */
import { useEffect } from 'react';
import type { Actor } from 'xstate';
import type { RunController } from '../../runtime/browser/controller';
import { appStore } from '../../store/appStore';
import type { PlaybackMachine } from '../../store/playbackMachine';
import { isNewHalt } from '../../store/recentEvents';
import { addError, applyUpdate } from '../../store/runActions';

export function useRunBridge(controller: RunController, actor: Actor<PlaybackMachine>): void {
  useEffect(() => {
    const stopUpdates = controller.subscribe((update) => {
      const before = appStore.getState().halted;
      applyUpdate(update);
      if (isNewHalt(before, update.halted)) actor.send({ type: 'HALTED' });
    });
    const stopErrors = controller.onError((message) => addError(message));
    return () => {
      stopUpdates();
      stopErrors();
    };
  }, [controller, actor]);
}
