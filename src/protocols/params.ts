/** Reading a run parameter inside a step, for every protocol. */
import type { StepContext } from '../sim/node';

/** The number parameter `name`, or `fallback` when the run does not give a finite number for it. */
export function numberParam(ctx: StepContext, name: string, fallback: number): number {
  const value = ctx.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
