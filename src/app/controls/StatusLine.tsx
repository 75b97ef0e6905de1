/** The run's status: virtual time, events so far, messages in flight, and the playback state. */
import { useAppStoreShallow } from '../../store/appStore';
import type { PlaybackState } from '../../store/playbackMachine';
import { formatCount, formatMs } from '../../labs/contract/numberText';
import { usePlaybackState } from '../lab/runContext';

const STATE_TEXT: Readonly<Record<PlaybackState, string>> = {
  idle: 'starting',
  loading: 'loading',
  paused: 'paused',
  playing: 'playing',
  halted: 'halted by a violation',
  error: 'failed',
};

export function StatusLine() {
  const state = usePlaybackState();
  const { now, events, inFlight } = useAppStoreShallow((s) => ({
    now: s.frame?.now ?? 0,
    events: s.frame?.eventCount ?? 0,
    inFlight: s.frame?.inFlightCount ?? 0,
  }));
  return (
    <div className="status-line" role="status" aria-live="off" aria-label="Run status">
      <span className="status-time" data-testid="status-time">
        t = {formatMs(now)} ms
      </span>
      <span data-testid="status-events">{formatCount(events)} events</span>
      <span data-testid="status-inflight">{formatCount(inFlight)} in flight</span>
      <span className={`status-state status-${state}`} data-testid="status-state">
        {STATE_TEXT[state]}
      </span>
    </div>
  );
}
