/**
 * Seeded randomness for the simulation.
 *
 * Algorithm: xoshiro128** (Blackman and Vigna, 2018), a 32-bit generator with a 128-bit state and
 * period 2^128 - 1. Each stream's state is filled by SplitMix32 from a 32-bit stream seed, and the
 * stream seed is the run's seed mixed with the FNV-1a hash of the stream's name ("node:n1",
 * "link:n1>n2", "faults"). A stream therefore depends only on (run seed, its own name): adding a
 * node or a link leaves every other stream's numbers unchanged.
 *
 * The state is a plain array of four uint32 so it can be checkpointed and sent to a worker.
 */
export type RandomState = [number, number, number, number];

/** The largest seed: a run's seed is 32-bit, as the streams mix it. */
export const MAX_SEED = 0xffff_ffff;

export function isSeed(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/** FNV-1a over the UTF-16 code units of a string, 32-bit. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitMix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The initial state of the stream called `name` in a run seeded with `seed`. */
export function streamState(seed: number, name: string): RandomState {
  const next = splitMix32((seed >>> 0) ^ fnv1a32(name));
  const state: RandomState = [next(), next(), next(), next()];
  // xoshiro must not start from the all-zero state.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** Advances `s` in place and returns the next uint32. */
export function nextUint32(s: RandomState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  s[0] >>>= 0;
  s[1] >>>= 0;
  s[2] >>>= 0;
  s[3] >>>= 0;
  return result;
}

/** A float in [0, 1) with 32 bits of randomness. */
export function nextFloat(s: RandomState): number {
  return nextUint32(s) / 4294967296;
}

/** A float uniformly in [min, max]. */
export function nextBetween(s: RandomState, min: number, max: number): number {
  return max <= min ? min : min + nextFloat(s) * (max - min);
}

/** An integer uniformly in [0, n). */
export function nextInt(s: RandomState, n: number): number {
  return Math.floor(nextFloat(s) * n);
}
