/**
 * Variants and parameters shared by the traffic-control nodes. A node reads its numbers from the
 * run's parameters, falling back to the seed article's defaults, so a step function stays usable
 * on its own in tests.
 */
import type { StepContext } from '../../sim/node';

/** The article's code as the seed writes it, pitfalls included, and a hardened one. */
export const VARIANTS = ['article', 'hardened'] as const;

export function isArticle(ctx: StepContext): boolean {
  return ctx.variant === 'article';
}

export { numberParam } from '../params';

export function stringParam(ctx: StepContext, name: string, fallback: string): string {
  const value = ctx.params[name];
  return typeof value === 'string' ? value : fallback;
}

/** A bound on calls a gate waits on at once; past it a request is turned away (put a limit on everything). */
export const MAX_PENDING = 2000;
