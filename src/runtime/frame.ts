/**
 * A frame: what the page draws at one moment of a run. It is built from the world by a pure
 * function, sent from the scheduler worker to the main thread, and kept in the store.
 */
import type { Action, NetworkSettings } from '../sim/actions';
import type { NodeStatus } from '../sim/checker';
import type { Json } from '../sim/json';
import type { RunnableLab } from './runnableLab';
import type { Simulation } from '../sim/simulation';
import type { Item } from '../sim/world';

export interface NodeFrame {
  readonly id: string;
  readonly kind: string;
  readonly status: NodeStatus;
  readonly state: Json | undefined;
  /** Why the node crashed, when it threw. */
  readonly error: string | null;
  readonly pausedUntil: number | null;
  /** The node's local clock now, and its skew and rate against virtual time. */
  readonly localNow: number;
  readonly clockOffsetMs: number;
  readonly clockRate: number;
  /** Live timers: name and the virtual time it fires. */
  readonly timers: readonly { readonly name: string; readonly at: number }[];
}

export interface MessageInFlight {
  readonly msgId: number;
  readonly from: string;
  readonly to: string;
  readonly sentAt: number;
  readonly arrive: number;
  readonly type: string;
  /** A message that carries no news (a heartbeat), drawn lighter; see RunnableLab.isLightMessage. */
  readonly light: boolean;
}

export interface CheckerFrame {
  readonly rule: string;
  readonly description: string;
  readonly violated: boolean;
}

export interface Frame {
  readonly now: number;
  readonly eventCount: number;
  readonly nodes: readonly NodeFrame[];
  /** Directed cut links as [from, to]. */
  readonly cut: readonly (readonly [string, string])[];
  readonly network: Required<NetworkSettings>;
  readonly inFlight: readonly MessageInFlight[];
  /** All messages in flight, drawn or not. */
  readonly inFlightCount: number;
  readonly checkers: readonly CheckerFrame[];
  readonly actions: readonly Action[];
}

/** At most this many in-flight messages are drawn; the rest are counted in the status line. */
export const MAX_DRAWN_MESSAGES = 300;

type LightTest = RunnableLab['isLightMessage'];

function messageOf(item: Extract<Item, { kind: 'deliver' }>, isLight: LightTest): MessageInFlight {
  const type = item.msg['type'];
  return { msgId: item.msgId, from: item.from, to: item.node, sentAt: item.sent, arrive: item.t, type: typeof type === 'string' ? type : 'message', light: isLight?.(item.msg) ?? false };
}

/** `isLight` is the lab's test for messages drawn lighter (heartbeats). */
export function buildFrame(sim: Simulation, isLight?: LightTest): Frame {
  const w = sim.world;
  const timers = new Map<string, { name: string; at: number }[]>();
  const inFlight: MessageInFlight[] = [];
  let inFlightCount = 0;
  for (const item of w.queue) {
    if (item.kind === 'deliver') inFlightCount++;
    if (item.kind === 'deliver' && inFlight.length < MAX_DRAWN_MESSAGES) inFlight.push(messageOf(item, isLight));
    if (item.kind === 'timer' && w.nodes[item.node]?.timers[item.name] === item.generation) {
      const list = timers.get(item.node) ?? [];
      list.push({ name: item.name, at: item.t });
      timers.set(item.node, list);
    }
  }
  inFlight.sort((a, b) => a.arrive - b.arrive || a.msgId - b.msgId);
  const nodes = w.order.map((id): NodeFrame => {
    const n = w.nodes[id]!;
    return {
      id,
      kind: n.kind,
      status: n.status,
      state: n.state,
      error: n.error,
      pausedUntil: n.pausedUntil,
      localNow: n.clock.offsetMs + n.clock.rate * w.now,
      clockOffsetMs: n.clock.offsetMs,
      clockRate: n.clock.rate,
      timers: (timers.get(id) ?? []).sort((a, b) => a.at - b.at),
    };
  });
  const cut = Object.keys(w.network.cut).map((key) => key.split('>') as [string, string]);
  const checkers = sim.model.checkers.map((c) => ({ rule: c.rule, description: c.description, violated: w.violatedRules.includes(c.rule) }));
  return { now: w.now, eventCount: w.traceCount, nodes, cut, network: w.network.settings, inFlight, inFlightCount, checkers, actions: sim.actionList };
}

