/**
 * The network model: every ordered pair of nodes has a link that is up or cut, with a latency
 * drawn uniformly in [latencyMsMin, latencyMsMax] and independent loss and duplication draws.
 * Each link has its own random stream, so traffic on one link never shifts another's numbers.
 * Reordering follows from the latency jitter.
 */
import type { NetworkSettings } from './actions';
import type { JsonObject } from './json';
import type { Kernel } from './kernel';
import type { NodeId } from './node';
import { nextBetween, nextFloat, streamState, type RandomState } from './random';
import { linkKey, quantize, type NetworkState } from './world';

export const DEFAULT_NETWORK: Required<NetworkSettings> = {
  latencyMsMin: 5,
  latencyMsMax: 15,
  lossRate: 0,
  duplicateRate: 0,
};

function linkRandom(k: Kernel, key: string): RandomState {
  let rng = k.world.linkRng[key];
  if (rng === undefined) {
    rng = streamState(k.seed, `link:${key}`);
    k.world.linkRng[key] = rng;
  }
  return rng;
}

function deliverAfter(k: Kernel, from: NodeId, to: NodeId, msg: JsonObject, rng: RandomState, dup: boolean): void {
  const { latencyMsMin, latencyMsMax } = k.world.network.settings;
  const msgId = ++k.world.msgCounter;
  // A link's extra delay only adds to the latency, so no message comes sooner than latencyMsMin
  // and the lookahead windows stay sound.
  const extraMs = k.world.network.delayMs[linkKey(from, to)] ?? 0;
  const arrive = quantize(k.world.now + nextBetween(rng, latencyMsMin, latencyMsMax) + extraMs);
  k.emit(dup ? { type: 'send', from, to, msgId, arrive, dup: true, msg } : { type: 'send', from, to, msgId, arrive, msg });
  k.schedule({ t: arrive, kind: 'deliver', node: to, from, msgId, sent: k.world.now, msg });
}

/** Sends one message: it is dropped (cut link or loss), delivered once, or delivered twice. */
export function transmit(k: Kernel, from: NodeId, to: NodeId, msg: JsonObject): void {
  const key = linkKey(from, to);
  const { lossRate, duplicateRate } = k.world.network.settings;
  if (k.world.network.cut[key] === true || (lossRate > 0 && nextFloat(linkRandom(k, key)) < lossRate)) {
    const msgId = ++k.world.msgCounter;
    k.emit({ type: 'send', from, to, msgId, msg });
    k.emit({ type: 'drop', from, to, msgId, reason: k.world.network.cut[key] === true ? 'cut' : 'loss' });
    return;
  }
  const rng = linkRandom(k, key);
  deliverAfter(k, from, to, msg, rng, false);
  if (duplicateRate > 0 && nextFloat(rng) < duplicateRate) deliverAfter(k, from, to, msg, rng, true);
}

/** Directed links between every pair of nodes that are in different groups. */
/**
 * The links a bridge cuts: the nodes other than `bridge` form two halves in node order (the first
 * one the larger), and every link between the halves goes. Each half with the bridge is a
 * majority when the cluster's size is odd: both sides can win elections with the bridge's vote.
 */
export function bridgeLinks(order: readonly NodeId[], bridge: NodeId): [NodeId, NodeId][] {
  const others = order.filter((id) => id !== bridge);
  const half = Math.ceil(others.length / 2);
  const sides = [others.slice(0, half), others.slice(half)];
  return linksBetweenGroups(others, sides);
}

export function linksBetweenGroups(order: readonly NodeId[], groups: readonly (readonly NodeId[])[]): [NodeId, NodeId][] {
  const groupOf = new Map<NodeId, number>();
  groups.forEach((g, i) => g.forEach((n) => groupOf.set(n, i)));
  const links: [NodeId, NodeId][] = [];
  for (const a of order) {
    for (const b of order) {
      if (a === b) continue;
      // A node named in no group stands alone.
      const ga = groupOf.get(a) ?? `alone:${a}`;
      const gb = groupOf.get(b) ?? `alone:${b}`;
      if (ga !== gb) links.push([a, b]);
    }
  }
  return links;
}

export function cutLinks(network: NetworkState, links: readonly (readonly [NodeId, NodeId])[]): void {
  for (const [a, b] of links) network.cut[linkKey(a, b)] = true;
}

/** Sets the extra latency of the link between `a` and `b`, both ways; 0 removes it. */
export function setLinkDelay(network: NetworkState, a: NodeId, b: NodeId, ms: number): void {
  for (const key of [linkKey(a, b), linkKey(b, a)]) {
    if (ms > 0) network.delayMs[key] = ms;
    else delete network.delayMs[key];
  }
}

export function healLinks(network: NetworkState, links: readonly (readonly [NodeId, NodeId])[]): void {
  for (const [a, b] of links) delete network.cut[linkKey(a, b)];
}

export class NetworkSettingsError extends Error {
  override name = 'NetworkSettingsError';
}

/** Checks merged settings; a bad value is a clear error, never a silently odd run. */
export function mergeNetworkSettings(current: Required<NetworkSettings>, change: NetworkSettings): Required<NetworkSettings> {
  const next = { ...current, ...change };
  const bad = (why: string): never => {
    throw new NetworkSettingsError(why);
  };
  if (!(next.latencyMsMin >= 0)) bad(`latencyMsMin must be at least 0 (got ${next.latencyMsMin})`);
  if (!(next.latencyMsMax >= next.latencyMsMin)) bad(`latencyMsMax (${next.latencyMsMax}) must be at least latencyMsMin (${next.latencyMsMin})`);
  if (!(next.latencyMsMax <= 60_000)) bad(`latencyMsMax must be at most 60000 (got ${next.latencyMsMax})`);
  if (!(next.lossRate >= 0 && next.lossRate <= 1)) bad(`lossRate must be between 0 and 1 (got ${next.lossRate})`);
  if (!(next.duplicateRate >= 0 && next.duplicateRate <= 1)) bad(`duplicateRate must be between 0 and 1 (got ${next.duplicateRate})`);
  return next;
}
