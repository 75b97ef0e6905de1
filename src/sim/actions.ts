/**
 * Actions: everything a person, a scenario or the fuzzer does to a run, each at a virtual time.
 * A run is fully determined by (lab, variant, seed, params, actions). An action at time t takes
 * effect after every event of time t, so an action issued live and the same action replayed from
 * a URL or a trace header land in the same place.
 */
import type { JsonObject } from './json';
import type { NodeId } from './node';

export interface NetworkSettings {
  readonly latencyMsMin?: number;
  readonly latencyMsMax?: number;
  readonly lossRate?: number;
  readonly duplicateRate?: number;
}

export type ActionBody =
  | { readonly kind: 'crash'; readonly node: NodeId }
  | { readonly kind: 'restart'; readonly node: NodeId }
  | { readonly kind: 'pause'; readonly node: NodeId; readonly ms: number }
  /** Jumps the node's clock by `ms` (negative: backwards). */
  | { readonly kind: 'skew'; readonly node: NodeId; readonly ms: number }
  /** Sets how fast the node's clock runs against virtual time (1 = exact). */
  | { readonly kind: 'drift'; readonly node: NodeId; readonly rate: number }
  | { readonly kind: 'cut'; readonly from: NodeId; readonly to: NodeId; readonly oneWay: boolean }
  | { readonly kind: 'heal'; readonly from: NodeId; readonly to: NodeId }
  /** Adds `ms` to the latency of the link between two nodes, both ways (0: back to the network's own). */
  | { readonly kind: 'delay'; readonly from: NodeId; readonly to: NodeId; readonly ms: number }
  | { readonly kind: 'isolate'; readonly node: NodeId }
  /** The other nodes split in two halves (in node order) that reach each other only through `node`. */
  | { readonly kind: 'bridge'; readonly node: NodeId }
  | { readonly kind: 'split'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly kind: 'healAll' }
  | { readonly kind: 'network'; readonly settings: NetworkSettings }
  | { readonly kind: 'command'; readonly node: NodeId; readonly cmd: JsonObject };

export type Action = ActionBody & { readonly at: number };
export type ActionKind = ActionBody['kind'];

export class ActionParseError extends Error {
  override name = 'ActionParseError';
}

const NODE_ID = /^[A-Za-z0-9_-]+$/;
const NETWORK_KEYS = ['latencyMsMin', 'latencyMsMax', 'lossRate', 'duplicateRate'] as const;

function encodeBody(a: ActionBody): string {
  switch (a.kind) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'bridge':
      return `${a.kind}:${a.node}`;
    case 'pause':
    case 'skew':
      return `${a.kind}:${a.node},${a.ms}`;
    case 'drift':
      return `drift:${a.node},${a.rate}`;
    case 'cut':
      return `${a.oneWay ? 'cut1' : 'cut'}:${a.from},${a.to}`;
    case 'heal':
      return `heal:${a.from},${a.to}`;
    case 'delay':
      return `delay:${a.from},${a.to},${a.ms}`;
    case 'split':
      return `split:${a.groups.map((g) => g.join('.')).join('|')}`;
    case 'healAll':
      return 'healall';
    case 'network':
      return `net:${NETWORK_KEYS.filter((k) => a.settings[k] !== undefined).map((k) => `${k}=${a.settings[k]}`).join(',')}`;
    case 'command':
      // encodeURIComponent leaves '~' as it is, and '~' separates actions.
      return `cmd:${a.node},${encodeURIComponent(JSON.stringify(a.cmd)).replaceAll('~', '%7E')}`;
  }
}

/** Compact text form used in URLs: `1200:crash:n1~3400:cut:n1,n2`. */
export function encodeActions(actions: readonly Action[]): string {
  return actions.map((a) => `${a.at}:${encodeBody(a)}`).join('~');
}

function node(text: string | undefined, where: string): NodeId {
  if (text === undefined || !NODE_ID.test(text)) throw new ActionParseError(`${where}: "${text ?? ''}" is not a node id`);
  return text;
}

function num(text: string | undefined, where: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value)) throw new ActionParseError(`${where}: "${text ?? ''}" is not a number`);
  return value;
}

function decodeNetwork(args: string, where: string): NetworkSettings {
  const settings: Record<string, number> = {};
  for (const pair of args.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    if (!NETWORK_KEYS.includes(key as (typeof NETWORK_KEYS)[number])) {
      throw new ActionParseError(`${where}: unknown network setting "${key ?? ''}" (valid: ${NETWORK_KEYS.join(', ')})`);
    }
    settings[key as string] = num(value, where);
  }
  return settings;
}

function decodeCommand(args: string, where: string): ActionBody {
  const comma = args.indexOf(',');
  const target = node(comma < 0 ? args : args.slice(0, comma), where);
  let cmd: unknown;
  try {
    cmd = JSON.parse(decodeURIComponent(args.slice(comma + 1)));
  } catch {
    throw new ActionParseError(`${where}: the command is not valid JSON`);
  }
  if (comma < 0 || typeof cmd !== 'object' || cmd === null || Array.isArray(cmd)) {
    throw new ActionParseError(`${where}: a command must be a JSON object`);
  }
  return { kind: 'command', node: target, cmd: cmd as JsonObject };
}

function decodeBody(kind: string, args: string, where: string): ActionBody {
  const parts = args.split(',');
  switch (kind) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'bridge':
      return { kind, node: node(args, where) };
    case 'pause':
    case 'skew':
      return { kind, node: node(parts[0], where), ms: num(parts[1], where) };
    case 'drift':
      return { kind, node: node(parts[0], where), rate: num(parts[1], where) };
    case 'cut':
    case 'cut1':
      return { kind: 'cut', from: node(parts[0], where), to: node(parts[1], where), oneWay: kind === 'cut1' };
    case 'heal':
      return { kind, from: node(parts[0], where), to: node(parts[1], where) };
    case 'delay': {
      const ms = num(parts[2], where);
      if (ms < 0) throw new ActionParseError(`${where}: a link delay must not be negative`);
      return { kind, from: node(parts[0], where), to: node(parts[1], where), ms };
    }
    case 'split':
      return { kind, groups: args.split('|').map((g) => g.split('.').map((n) => node(n, where))) };
    case 'healall':
      return { kind: 'healAll' };
    case 'net':
      return { kind: 'network', settings: decodeNetwork(args, where) };
    case 'cmd':
      return decodeCommand(args, where);
    default:
      throw new ActionParseError(`${where}: unknown action "${kind}"`);
  }
}

export function decodeActions(text: string): Action[] {
  if (text.trim() === '') return [];
  return text.split('~').map((item, i) => {
    const where = `action ${i + 1} ("${item}")`;
    const first = item.indexOf(':');
    const second = item.indexOf(':', first + 1);
    const at = num(item.slice(0, first < 0 ? undefined : first), where);
    if (at < 0) throw new ActionParseError(`${where}: time must not be negative`);
    const kind = first < 0 ? '' : second < 0 ? item.slice(first + 1) : item.slice(first + 1, second);
    const args = second < 0 ? '' : item.slice(second + 1);
    return { at, ...decodeBody(kind, args, where) };
  });
}

/** Orders actions by time, keeping the given order among equal times. */
export function sortActions(actions: readonly Action[]): Action[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.at - y.a.at || x.i - y.i)
    .map(({ a }) => a);
}
