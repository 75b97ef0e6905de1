/**
 * The newest trace events, one a line, newest last. It shows a bounded tail of the recent-events
 * ring, and stays scrolled to the bottom by CSS alone (panels.css, `.log-scroll`): keeping it
 * there from script meant reading the list's height after every update, a forced layout that
 * took a sixth of the main thread while a run played.
 */
import { useAppStore } from '../../store/appStore';
import { formatCount, formatMs } from '../../labs/contract/numberText';
import { describeEvent } from '../format';
import './panels.css';

/** Lines drawn at once while paused, to read back; older events stay in the ring for the timeline. */
export const LOG_LINES_SHOWN = 300;
/**
 * Lines drawn while the run plays: a little more than the panel's height. At speed, hundreds of
 * events arrive per frame and scroll past unread, and redrawing 300 lines each frame was most of
 * the page's layout work.
 */
export const LOG_LINES_WHILE_PLAYING = 40;

export function EventLog() {
  const events = useAppStore((s) => s.events);
  const playing = useAppStore((s) => s.playing);
  const shown = events.slice(-(playing ? LOG_LINES_WHILE_PLAYING : LOG_LINES_SHOWN));

  return (
    <section className="panel event-log" aria-labelledby="log-title">
      <div className="panel-head">
        <h2 id="log-title">Event log</h2>
        <span className="muted small">
          last {formatCount(shown.length)} of {formatCount(events.length)} kept
        </span>
      </div>
      {/* Focusable so the keyboard can scroll it. */}
      <div className="log-scroll" tabIndex={0}>
        <ol className="log-lines" aria-label="Recent events, newest last">
          {shown.map((e) => (
            <li key={e.seq} className={`log-${e.type}`}>
              <span className="log-t">{formatMs(e.t).padStart(10)}</span> {describeEvent(e)}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
