/**
 * Applying actions to a running world: node faults (crash, restart, pause, clock skew and drift),
 * link faults (cut, heal, isolate, split) and client commands. Each is written to the trace.
 */
import type { Action } from './actions';
import type { Kernel } from './kernel';
import { bridgeLinks, cutLinks, healLinks, linksBetweenGroups, mergeNetworkSettings, setLinkDelay } from './network';
import type { NodeId } from './node';
import { localTime, type NodeRuntime } from './world';

function node(k: Kernel, id: NodeId): NodeRuntime {
  const n = k.world.nodes[id];
  if (n === undefined) throw new Error(`no node "${id}" in this run`);
  return n;
}

/** Volatile state, timers and waiting inputs are gone; only `persisted` survives. */
export function crashNode(k: Kernel, n: NodeRuntime, error: string | null): void {
  n.status = 'down';
  n.incarnation++;
  n.state = undefined;
  n.timers = {};
  n.pausedUntil = null;
  n.error = error;
  k.emit(error === null ? { type: 'crash', node: n.id } : { type: 'crash', node: n.id, error });
  for (const item of n.held) {
    if (item.kind === 'deliver') k.emit({ type: 'drop', from: item.from, to: n.id, msgId: item.msgId, reason: 'down' });
    if (item.kind === 'command') k.emit({ type: 'fail', node: n.id, opId: item.opId, value: 'node down' });
  }
  n.held = [];
}

function restartNode(k: Kernel, n: NodeRuntime): void {
  if (n.status !== 'down') return;
  n.status = 'up';
  n.error = null;
  k.emit({ type: 'restart', node: n.id });
  k.schedule({ t: k.world.now, kind: 'start', node: n.id, incarnation: n.incarnation });
}

function pauseNode(k: Kernel, n: NodeRuntime, ms: number): void {
  if (n.status === 'down') return;
  const until = Math.max(n.pausedUntil ?? 0, k.world.now + ms);
  n.status = 'paused';
  n.pausedUntil = until;
  k.emit({ type: 'pause', node: n.id, until });
  k.schedule({ t: until, kind: 'resume', node: n.id, incarnation: n.incarnation });
}

function setClock(k: Kernel, n: NodeRuntime, offsetDeltaMs: number, rate: number): void {
  // Keep the local clock continuous when the rate changes, then jump it by the skew.
  const local = localTime(n.clock, k.world.now);
  n.clock.rate = rate;
  n.clock.offsetMs = local - rate * k.world.now + offsetDeltaMs;
  k.emit({ type: 'clock', node: n.id, offsetMs: n.clock.offsetMs, rate });
}

export function applyAction(k: Kernel, a: Action): void {
  const w = k.world;
  switch (a.kind) {
    case 'crash': {
      const n = node(k, a.node);
      if (n.status !== 'down') crashNode(k, n, null);
      return;
    }
    case 'restart':
      return restartNode(k, node(k, a.node));
    case 'pause':
      return pauseNode(k, node(k, a.node), a.ms);
    case 'skew':
      return setClock(k, node(k, a.node), a.ms, node(k, a.node).clock.rate);
    case 'drift':
      return setClock(k, node(k, a.node), 0, a.rate);
    case 'cut': {
      const links: [NodeId, NodeId][] = a.oneWay ? [[a.from, a.to]] : [[a.from, a.to], [a.to, a.from]];
      cutLinks(w.network, links);
      return k.emit({ type: 'partition', links });
    }
    case 'heal': {
      const links: [NodeId, NodeId][] = [[a.from, a.to], [a.to, a.from]];
      healLinks(w.network, links);
      return k.emit({ type: 'heal', links });
    }
    case 'delay': {
      setLinkDelay(w.network, a.from, a.to, a.ms);
      return k.emit({ type: 'network', settings: { link: [a.from, a.to], delayMs: a.ms } });
    }
    case 'isolate': {
      const links = linksBetweenGroups(w.order, [[a.node], w.order.filter((id) => id !== a.node)]);
      cutLinks(w.network, links);
      return k.emit({ type: 'partition', links });
    }
    case 'bridge': {
      node(k, a.node);
      const links = bridgeLinks(w.order, a.node);
      cutLinks(w.network, links);
      return k.emit({ type: 'partition', links });
    }
    case 'split': {
      const links = linksBetweenGroups(w.order, a.groups);
      cutLinks(w.network, links);
      return k.emit({ type: 'partition', links });
    }
    case 'healAll':
      w.network.cut = {};
      return k.emit({ type: 'heal', links: 'all' });
    case 'network':
      w.network.settings = mergeNetworkSettings(w.network.settings, a.settings);
      return k.emit({ type: 'network', settings: { ...w.network.settings } });
    case 'command': {
      node(k, a.node);
      const opId = `op${++w.opCounter}`;
      k.emit({ type: 'invoke', node: a.node, opId, op: a.cmd });
      return k.schedule({ t: w.now, kind: 'command', node: a.node, opId, cmd: a.cmd });
    }
  }
}

/** Every node an action names, so a run can refuse actions on nodes it does not have. */
export function nodesNamedBy(a: Action): NodeId[] {
  switch (a.kind) {
    case 'cut':
    case 'heal':
    case 'delay':
      return [a.from, a.to];
    case 'split':
      return a.groups.flat();
    case 'healAll':
    case 'network':
      return [];
    default:
      return [a.node];
  }
}
