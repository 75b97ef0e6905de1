/**
 * The space-time diagram: one lane per node, virtual time across. It follows the run until the
 * person zooms (wheel or buttons) or pans (shift + wheel); the cursor shows the current time and
 * dragging or clicking on the plot scrubs to another time (the page seeks there on release).
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useAppStore, useAppStoreShallow } from '../../store/appStore';
import { setCursor } from '../../store/viewActions';
import { formatMs } from '../../labs/contract/numberText';
import { useElementWidth } from '../useElementWidth';
import { AXIS_H, timelineGeometry } from './geometry';
import { buildTimeline, clampTime, DEFAULT_SPAN_MS, followWindow, panWindow, scaleSpan, zoomWindow, type TimeWindow } from './model';
import { TimelineLegend } from './TimelineLegend';
import { TimelinePlot } from './TimelinePlot';
import './timeline.css';

interface Props {
  /** Moves the run to virtual time t. */
  readonly onSeek: (t: number) => void;
}

type View = { readonly follow: true; readonly span: number } | { readonly follow: false; readonly window: TimeWindow };

export function Timeline({ onSeek }: Props) {
  const events = useAppStore((s) => s.events);
  const now = useAppStore((s) => s.frame?.now ?? 0);
  const cursorT = useAppStore((s) => s.cursorT);
  const ids = useAppStoreShallow((s) => s.frame?.nodes.map((n) => n.id) ?? []);
  const [view, setView] = useState<View>({ follow: true, span: DEFAULT_SPAN_MS });
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useElementWidth(box, 900);

  const { start, end } = view.follow ? followWindow(now, view.span) : view.window;
  const w = useMemo(() => ({ start, end }), [start, end]);
  const g = useMemo(() => timelineGeometry(ids, w, width), [ids, w, width]);
  const model = useMemo(() => buildTimeline(events, w), [events, w]);
  const maxT = Math.max(now, w.end);
  const shownT = cursorT ?? now;

  const zoom = (factor: number) =>
    setView((v) => (v.follow ? { follow: true, span: scaleSpan(v.span, factor) } : { follow: false, window: zoomWindow(v.window, factor, (v.window.start + v.window.end) / 2) }));

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  const onWheel = useEffectEvent((e: WheelEvent) => {
    e.preventDefault();
    const rect = svg.current?.getBoundingClientRect();
    const anchor = rect === undefined ? shownT : g.x.invert(e.clientX - rect.left);
    if (e.shiftKey) setView({ follow: false, window: panWindow(w, (e.deltaY + e.deltaX) * ((w.end - w.start) / width)) });
    else setView({ follow: false, window: zoomWindow(w, e.deltaY > 0 ? 1.25 : 0.8, anchor) });
  });
  useEffect(() => {
    const el = svg.current;
    if (el === null) return;
    const listener = (e: WheelEvent) => onWheel(e);
    el.addEventListener('wheel', listener, { passive: false });
    return () => el.removeEventListener('wheel', listener);
  }, []);

  const timeAt = (e: PointerEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return clampTime(g.x.invert(e.clientX - rect.left), maxT);
  };
  // Whether a scrub is under way; a ref, since pointerup may come before React re-renders.
  const scrubbing = useRef(false);
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    scrubbing.current = true;
    setCursor(timeAt(e));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (scrubbing.current) setCursor(timeAt(e));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!scrubbing.current) return;
    scrubbing.current = false;
    const t = timeAt(e);
    setCursor(null);
    onSeek(t);
  };
  const onPointerCancel = () => {
    scrubbing.current = false;
    setCursor(null);
  };
  const onSliderKey = (e: KeyboardEvent) => {
    const stepMs = (w.end - w.start) / 50;
    const target = { ArrowLeft: now - stepMs, ArrowRight: now + stepMs, Home: 0, PageDown: now - stepMs * 10, PageUp: now + stepMs * 10 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    onSeek(clampTime(target, Number.MAX_SAFE_INTEGER));
  };

  const cx = Math.round(g.x(shownT) * 10) / 10;
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">Timeline</h2>
        <div className="button-row tight">
          <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom(2)} aria-label="Zoom out">
            −
          </button>
          <button type="button" aria-pressed={view.follow} onClick={() => setView({ follow: true, span: w.end - w.start })}>
            Follow the run
          </button>
        </div>
      </div>
      <div ref={box} className="timeline-box">
        <svg
          ref={svg}
          className="timeline-svg"
          width={width}
          height={g.height}
          role="img"
          aria-label={`Space-time diagram from ${formatMs(w.start)} to ${formatMs(w.end)} ms`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        >
          <TimelinePlot ids={ids} g={g} model={model} />
          <g className={`tl-cursor${cursorT !== null ? ' dragging' : ''}`}>
            <line x1={cx} x2={cx} y1={AXIS_H - 8} y2={g.height - 4} />
            <path d={`M${cx - 7},${AXIS_H - 16}h14l-7,9z`} />
          </g>
        </svg>
        <div
          className="tl-slider"
          role="slider"
          tabIndex={0}
          aria-label="Time cursor"
          aria-valuemin={0}
          aria-valuemax={Math.round(maxT)}
          aria-valuenow={Math.round(shownT * 10) / 10}
          aria-valuetext={`${formatMs(shownT)} ms`}
          onKeyDown={onSliderKey}
        >
          Cursor at {formatMs(shownT)} ms. Drag on the diagram, or focus here and use ← →, to move in time.
        </div>
        <TimelineLegend />
      </div>
    </section>
  );
}
