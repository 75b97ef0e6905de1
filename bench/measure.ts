/** Honest timing: a warm-up that is thrown away, then the median of several runs. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `once` `warmups` times unmeasured (JIT, caches), then `runs` times; returns each result. */
export async function repeat<T>(warmups: number, runs: number, once: () => T | Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmups; i++) await once();
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  return results;
}

export function elapsedMs(startMs: number): number {
  return performance.now() - startMs;
}
