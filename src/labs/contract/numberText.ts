/** Numbers as the page writes them, in views and in the sentences of view models: times, counts, axis ticks. */

/** Groups thousands with a space: 1234.5 -> "1 234.5". */
function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A virtual time in ms with one decimal: "1 234.5". */
export function formatMs(t: number): string {
  const fixed = Math.abs(t).toFixed(1);
  const [i, d] = fixed.split('.') as [string, string];
  return `${t < 0 && fixed !== '0.0' ? '-' : ''}${group(i)}.${d}`;
}

export function formatCount(n: number): string {
  return group(String(Math.round(n)));
}

/** A short axis label: "0", "250", "1.5 s". */
export function formatTick(t: number): string {
  if (Math.abs(t) >= 10_000) return `${formatCount(t / 1000)} s`;
  if (Math.abs(t) >= 1000) return `${(t / 1000).toFixed(t % 1000 === 0 ? 0 : 1)} s`;
  return `${Math.round(t * 10) / 10}`;
}
