/**
 * Steps run ahead in lookahead windows, waiting to be applied. The kernel asks for each node
 * step in its own order; a prefetched result is used only if it answers exactly that input.
 */
import { answersItem } from '../sim/lookahead';
import type { StepRequest, StepResult } from '../sim/simulation';
import type { WindowStep } from './windowStepper';

export class Prefetch {
  private readonly byNode = new Map<string, WindowStep[]>();
  /** The window the waiting steps belong to: inputs at or before this virtual time. */
  boundMs = Infinity;

  get isEmpty(): boolean {
    return this.byNode.size === 0;
  }

  put(node: string, steps: readonly WindowStep[]): void {
    if (steps.length > 0) this.byNode.set(node, [...steps]);
  }

  /** The prefetched result for this request, or undefined when the node has none waiting. */
  take(request: StepRequest): StepResult | undefined {
    const steps = this.byNode.get(request.node);
    const next = steps?.[0];
    if (steps === undefined || next === undefined) return undefined;
    if (!answersItem(next.key, request.item)) {
      throw new Error(`lookahead diverged at ${request.item.t} ms on ${request.node}: ran ahead for ${next.key.kind} at ${next.key.t} ms, the kernel stepped ${request.item.kind}`);
    }
    steps.shift();
    if (steps.length === 0) this.byNode.delete(request.node);
    return next.result;
  }

  /** Nodes whose workers ran past what the kernel applied (their state must be reset). */
  nodesAhead(): string[] {
    return [...this.byNode.keys()];
  }

  /** Forgets every step run ahead and the window; returns the nodes whose workers ran ahead. */
  drop(): string[] {
    const ahead = this.nodesAhead();
    this.byNode.clear();
    this.boundMs = Infinity;
    return ahead;
  }
}
