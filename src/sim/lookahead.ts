/**
 * Lookahead windows: which node steps can run ahead, in parallel, before the kernel applies them.
 *
 * No message arrives sooner than the network's minimum latency after it was sent. So from the
 * earliest pending time T, every input a node gets before T + latencyMsMin (and before the next
 * action, which may change anything) is already in the queue, or is a timer the node sets for
 * itself. Each up node can therefore run its steps of that window alone, in its own worker; the
 * kernel then applies the results in its usual (time, sequence) order and checks that each one
 * answers the input it expected. The trace is the same as stepping one at a time.
 */
import type { Action } from './actions';
import type { PersistedData, NodeId, NodeInput } from './node';
import type { RandomState } from './random';
import type { Clock, Item, World } from './world';

/** Below this minimum latency a window would hold too little to be worth a round trip. */
export const MIN_LOOKAHEAD_MS = 1;
/** Times are whole microseconds; staying 0.6 µs short of T + latency keeps rounding safe. */
const ROUNDING_MARGIN_MS = 0.0006;

export interface WindowItem {
  readonly t: number;
  readonly seq: number;
  readonly input: NodeInput;
  /** For timers: the setting this item belongs to (stale ones are skipped). */
  readonly generation?: number;
  /** For starts: the incarnation it starts. */
  readonly incarnation?: number;
}

export interface NodeWindow {
  readonly node: NodeId;
  /** Inputs at or before this virtual time belong to the window. */
  readonly boundMs: number;
  readonly incarnation: number;
  readonly timers: Readonly<Record<string, number>>;
  readonly clock: Readonly<Clock>;
  readonly rng: RandomState;
  readonly items: readonly WindowItem[];
}

export interface WindowPlan {
  readonly boundMs: number;
  readonly nodes: readonly NodeWindow[];
}

function inputOf(item: Item, persisted: PersistedData): WindowItem | null {
  switch (item.kind) {
    case 'start':
      return { t: item.t, seq: item.seq, input: { kind: 'start', persisted: item.incarnation === 0 ? null : persisted }, incarnation: item.incarnation };
    case 'deliver':
      return { t: item.t, seq: item.seq, input: { kind: 'message', from: item.from, msg: item.msg } };
    case 'timer':
      return { t: item.t, seq: item.seq, input: { kind: 'timer', name: item.name }, generation: item.generation };
    case 'command':
      return { t: item.t, seq: item.seq, input: { kind: 'command', opId: item.opId, cmd: item.cmd } };
    case 'resume':
      return null;
  }
}

/** Items with t ≤ bound, found by walking only the heap's subtrees that can hold them. */
function itemsUpTo(queue: readonly Item[], boundMs: number): Item[] {
  const found: Item[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const item = queue[i];
    if (item === undefined || item.t > boundMs) continue;
    found.push(item);
    stack.push(2 * i + 1, 2 * i + 2);
  }
  return found.sort((a, b) => a.t - b.t || a.seq - b.seq);
}

export function planWindow(world: World, nextAction: Action | undefined, untilMs: number): WindowPlan | null {
  const head = world.queue[0];
  const latency = world.network.settings.latencyMsMin;
  if (head === undefined || head.t > untilMs || latency < MIN_LOOKAHEAD_MS) return null;
  if (nextAction !== undefined && nextAction.at < head.t) return null;
  const boundMs = Math.min(untilMs, head.t + latency - ROUNDING_MARGIN_MS, nextAction?.at ?? Infinity);
  const byNode = new Map<NodeId, WindowItem[]>();
  for (const item of itemsUpTo(world.queue, boundMs)) {
    const n = world.nodes[item.node];
    if (n === undefined || n.status !== 'up') continue;
    const planned = inputOf(item, n.persisted);
    if (planned === null) continue;
    const list = byNode.get(item.node) ?? [];
    list.push(planned);
    byNode.set(item.node, list);
  }
  const nodes = [...byNode.entries()].map(([id, items]): NodeWindow => {
    const n = world.nodes[id]!;
    return { node: id, boundMs, incarnation: n.incarnation, timers: { ...n.timers }, clock: { ...n.clock }, rng: [...n.rng] as RandomState, items };
  });
  return { boundMs, nodes };
}

/** What identifies the input a step answered (timers set inside a window have no kernel number yet). */
export interface StepKey {
  readonly t: number;
  readonly seq: number;
  readonly kind: NodeInput['kind'];
  readonly name?: string;
  readonly opId?: string;
}

/** Whether a step run ahead answered the item the kernel is about to step. */
export function answersItem(key: StepKey, item: Item): boolean {
  if (key.t !== item.t) return false;
  switch (item.kind) {
    case 'deliver':
      return key.kind === 'message' && key.seq === item.seq;
    case 'timer':
      return key.kind === 'timer' && key.name === item.name;
    case 'command':
      return key.kind === 'command' && key.opId === item.opId;
    case 'start':
      return key.kind === 'start';
    case 'resume':
      return false;
  }
}
