/**
 * Load shapes: when a client sends its next requests. Pure functions of the shape's settings, the
 * time since the load began and the node's seeded random stream, so a run replays exactly.
 */
export type LoadShape = 'constant' | 'bursts' | 'ramp' | 'poisson' | 'off';
export const LOAD_SHAPES: readonly LoadShape[] = ['constant', 'bursts', 'ramp', 'poisson', 'off'];

export interface LoadSettings {
  readonly shape: LoadShape;
  /** The gap between requests (constant), between bursts (bursts), its mean (poisson), the first gap (ramp). */
  readonly intervalMs: number;
  /** Requests per burst. */
  readonly burstSize: number;
  /** Where a ramp ends, in requests per second, and how long it takes to get there. */
  readonly rampPeakRps: number;
  readonly rampMs: number;
}

/** How many requests go out now, and how long until the next batch (null: never). */
export interface LoadTick {
  readonly count: number;
  readonly nextInMs: number | null;
}

/** The ramp's rate at `elapsedMs` since the load began: linear from 1/interval to the peak. */
export function rampRps(load: LoadSettings, elapsedMs: number): number {
  const startRps = 1000 / load.intervalMs;
  const f = load.rampMs <= 0 ? 1 : Math.min(1, Math.max(0, elapsedMs / load.rampMs));
  return startRps + (load.rampPeakRps - startRps) * f;
}

export function loadTick(load: LoadSettings, elapsedMs: number, random: () => number): LoadTick {
  switch (load.shape) {
    case 'off':
      return { count: 0, nextInMs: null };
    case 'constant':
      return { count: 1, nextInMs: load.intervalMs };
    case 'bursts':
      return { count: load.burstSize, nextInMs: load.intervalMs };
    case 'ramp':
      return { count: 1, nextInMs: 1000 / Math.max(0.001, rampRps(load, elapsedMs)) };
    case 'poisson':
      // Exponential gaps: 1 - u is in (0, 1], so the log is finite.
      return { count: 1, nextInMs: -Math.log(1 - random()) * load.intervalMs };
  }
}
