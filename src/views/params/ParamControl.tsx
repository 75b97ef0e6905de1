/**
 * One parameter as a control: numbers as sliders, choices as a select, flags as a checkbox. A
 * slider commits its value once the person stops moving it for a moment, so dragging across the
 * track makes one change, not fifty.
 */
import { useEffect, useRef, useState } from 'react';
import type { ParamValue } from '../../sim/node';
import type { ParamSpec } from '../../sim/params';
import { formatParam, sliderScale } from './sliderScale';

/** Quiet time after the last slider movement before the value is applied. */
export const SLIDER_COMMIT_MS = 350;

interface Props {
  readonly spec: ParamSpec;
  readonly value: ParamValue;
  /** Applies a value; returns false when the run refused it (the control then shows the run's value again). */
  readonly onCommit: (value: ParamValue) => boolean;
}

function NumberSlider({ spec, value, onCommit }: Props & { spec: Extract<ParamSpec, { kind: 'int' | 'number' }> }) {
  const scale = sliderScale(spec);
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The draft stays shown after its commit until the run's value changes: the value comes back
  // with the next frame, and a key pressed before that must step from the draft, not the old value.
  // A value that arrives while newer movement waits for its own commit is an earlier commit coming
  // back; dropping the draft then would make the next key step from that older value.
  useEffect(() => {
    if (timer.current === undefined) setDraft(null);
  }, [value]);
  const shown = draft ?? Number(value);
  const change = (position: number) => {
    const next = scale.toValue(position);
    setDraft(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      if (next !== Number(value) && !onCommit(next)) setDraft(null);
    }, SLIDER_COMMIT_MS);
  };
  const id = `param-${spec.name}`;
  return (
    <div className="param param-number">
      <label htmlFor={id}>{spec.label}</label>
      <output htmlFor={id}>{formatParam(spec, shown)}</output>
      <input
        id={id}
        type="range"
        min={0}
        max={scale.steps}
        step={1}
        value={scale.toPosition(shown)}
        aria-valuetext={formatParam(spec, shown)}
        onChange={(e) => change(Number(e.target.value))}
      />
    </div>
  );
}

export function ParamControl(props: Props) {
  const { spec, value, onCommit } = props;
  const id = `param-${spec.name}`;
  switch (spec.kind) {
    case 'int':
    case 'number':
      return <NumberSlider {...props} spec={spec} />;
    case 'enum':
      return (
        <div className="param param-enum">
          <label htmlFor={id}>{spec.label}</label>
          <select id={id} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
    case 'boolean':
      return (
        <div className="param param-boolean">
          <label>
            <input type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked)} /> {spec.label}
          </label>
        </div>
      );
  }
}
