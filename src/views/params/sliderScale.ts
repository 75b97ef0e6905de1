/**
 * How a numeric parameter maps onto a slider. Small ranges are linear; wide ones (latency from
 * 0 to 10 000 ms) use a cubic scale so the usual small values get most of the track.
 */
import { scalePow } from 'd3-scale';
import type { ParamSpec } from '../../sim/params';

type NumericSpec = Extract<ParamSpec, { kind: 'int' | 'number' }>;

export interface SliderScale {
  /** Slider positions go from 0 to `steps`. */
  readonly steps: number;
  toValue(position: number): number;
  toPosition(value: number): number;
}

/** Rounds to a precision that suits the size of the value. */
export function niceRound(v: number, isInt: boolean): number {
  if (isInt) return Math.round(v);
  const unit = v < 1 ? 0.01 : v < 10 ? 0.1 : v < 100 ? 1 : 10;
  return Number((Math.round(v / unit) * unit).toFixed(2));
}

export function sliderScale(spec: NumericSpec): SliderScale {
  const span = spec.max - spec.min;
  const isInt = spec.kind === 'int';
  if (isInt && span <= 200) {
    return { steps: span, toValue: (p) => spec.min + Math.round(p), toPosition: (v) => v - spec.min };
  }
  if (span <= 1) {
    return { steps: 100, toValue: (p) => niceRound(spec.min + (span * p) / 100, false), toPosition: (v) => Math.round(((v - spec.min) / span) * 100) };
  }
  const steps = 1000;
  const scale = scalePow().exponent(3).domain([0, steps]).range([spec.min, spec.max]).clamp(true);
  return {
    steps,
    toValue: (p) => Math.min(spec.max, Math.max(spec.min, niceRound(scale(p), isInt))),
    toPosition: (v) => Math.round(scale.invert(v)),
  };
}

/** The value as the slider's text says it: "15 ms", "0.25", "3". */
export function formatParam(spec: NumericSpec, value: number): string {
  return spec.unit === undefined ? String(value) : `${value} ${spec.unit}`;
}
