/**
 * The lock timeline's view model, from trace events: per client its spells of waiting (asking
 * and retrying), holding, and holding on to a lock that no longer exists (the client believes it
 * holds it, but fewer than a quorum of servers still keep its key) and the article's panics; the
 * storage's writes; and the violations. The Redis labs and the etcd labs give it the same client
 * and storage facts (docs/trace-format.md). Pure, so a unit test can call it.
 */
import type { TraceEvent } from '../../sim/trace';
import type { PictureInput } from '../contract/pictures';

export type SpellKind = 'waiting' | 'holding' | 'stale';

export interface Spell {
  readonly client: string;
  readonly kind: SpellKind;
  readonly from: number;
  /** The end, or null while it lasts. */
  readonly to: number | null;
  readonly token: number | null;
}

export interface WriteMark {
  readonly t: number;
  readonly client: string;
  readonly token: number;
  readonly accepted: boolean;
  readonly interleaved: boolean;
}

/** The article's second Unlock: a Go panic (close of a closed channel) in the client's process. */
export interface PanicMark {
  readonly t: number;
  readonly client: string;
  readonly why: string;
}

export interface ViolationMark {
  readonly t: number;
  readonly rule: string;
  readonly detail: string;
}

export interface LockTimeline {
  readonly spells: readonly Spell[];
  readonly writes: readonly WriteMark[];
  readonly panics: readonly PanicMark[];
  readonly violations: readonly ViolationMark[];
}

interface Open {
  kind: SpellKind;
  from: number;
  token: number | null;
}

class Builder {
  readonly spells: Spell[] = [];
  readonly writes: WriteMark[] = [];
  readonly panics: PanicMark[] = [];
  readonly violations: ViolationMark[] = [];
  private readonly open = new Map<string, Open>();
  /** Per server, the lock keys it keeps now and the client that set each (Redis: one key, L; etcd's mutex: one key per client under L/). */
  private readonly owners = new Map<string, Map<string, string>>();

  constructor(
    private readonly clients: ReadonlySet<string>,
    private readonly quorum: number,
  ) {}

  private close(client: string, t: number): void {
    const o = this.open.get(client);
    if (o === undefined) return;
    if (t > o.from) this.spells.push({ client, kind: o.kind, from: o.from, to: t, token: o.token });
    this.open.delete(client);
  }

  private start(client: string, kind: SpellKind, t: number, token: number | null): void {
    this.close(client, t);
    this.open.set(client, { kind, from: t, token });
  }

  private backed(client: string): boolean {
    let n = 0;
    for (const keys of this.owners.values()) if ([...keys.values()].includes(client)) n++;
    return n >= this.quorum;
  }

  /** A holder whose keys fell below a quorum is holding a lock that is gone (and back, if they return). */
  private recheck(t: number): void {
    for (const [client, o] of [...this.open]) {
      if (o.kind === 'waiting') continue;
      const kind: SpellKind = this.backed(client) ? 'holding' : 'stale';
      if (kind !== o.kind) this.start(client, kind, t, o.token);
    }
  }

  private onClientFact(client: string, t: number, fact: Extract<TraceEvent, { type: 'output' }>['fact'], token: number | null): void {
    const kind = String(fact['kind']);
    if (kind === 'panic') this.panics.push({ t, client, why: typeof fact['why'] === 'string' ? fact['why'] : '' });
    if (kind === 'acquiring' && !this.open.has(client)) this.start(client, 'waiting', t, null);
    else if (kind === 'acquired') this.start(client, this.backed(client) ? 'holding' : 'stale', t, token);
    else if (kind === 'gave-up' || kind === 'released' || kind === 'lost' || kind === 'panic') this.close(client, t);
  }

  private keysOf(server: string): Map<string, string> {
    const keys = this.owners.get(server) ?? new Map<string, string>();
    this.owners.set(server, keys);
    return keys;
  }

  /** Redis's `set` and etcd's `put` give a key an owner; `deleted` and `expired` take it; a restart (Redis's `keyspace` with its `entries`, etcd's `recovered` with its `keys`) says what is left. */
  private onServerFact(server: string, t: number, fact: Extract<TraceEvent, { type: 'output' }>['fact']): void {
    const kind = String(fact['kind']);
    const key = typeof fact['lock'] === 'string' ? fact['lock'] : '';
    const owner = typeof fact['owner'] === 'string' ? fact['owner'] : null;
    const keys = this.keysOf(server);
    if ((kind === 'set' || kind === 'put') && owner !== null) keys.set(key, owner);
    else if (kind === 'deleted' || kind === 'expired') keys.delete(key);
    else if (kind === 'keyspace') this.recover(keys, fact['entries']);
    else if (kind === 'recovered') this.recover(keys, fact['keys']);
    else return;
    this.recheck(t);
  }

  private recover(keys: Map<string, string>, held: unknown): void {
    keys.clear();
    if (!Array.isArray(held)) return;
    for (const k of held as { lock?: unknown; owner?: unknown }[]) if (typeof k.lock === 'string' && typeof k.owner === 'string') keys.set(k.lock, k.owner);
  }

  add(e: TraceEvent): void {
    if (e.type === 'violation') this.violations.push({ t: e.t, rule: e.rule, detail: e.detail });
    else if (e.type === 'crash') {
      this.close(e.node, e.t);
      // A server that is down keeps no lock for anyone until it comes back.
      if (this.owners.has(e.node)) this.onServerFact(e.node, e.t, { kind: 'keyspace' });
    } else if (e.type === 'output') this.onOutput(e.node, e.t, e.fact);
  }

  private onOutput(node: string, t: number, fact: Extract<TraceEvent, { type: 'output' }>['fact']): void {
    const kind = String(fact['kind']);
    const token = typeof fact['token'] === 'number' ? fact['token'] : null;
    if (kind === 'write' && typeof fact['client'] === 'string') {
      this.writes.push({ t, client: fact['client'], token: token ?? 0, accepted: fact['accepted'] === true, interleaved: fact['interleaved'] === true });
    } else if (this.clients.has(node)) this.onClientFact(node, t, fact, token);
    else this.onServerFact(node, t, fact);
  }

  finish(): LockTimeline {
    for (const [client, o] of this.open) this.spells.push({ client, kind: o.kind, from: o.from, to: null, token: o.token });
    this.spells.sort((a, b) => a.from - b.from || a.client.localeCompare(b.client));
    return { spells: this.spells, writes: this.writes, panics: this.panics, violations: this.violations };
  }
}

/** Reads the events up to `now`; `servers` is how many lock servers the run has (Redis servers, or one etcd; the quorum follows). */
export function lockTimelineModel(events: readonly TraceEvent[], clients: readonly string[], servers: number, now: number): LockTimeline {
  const b = new Builder(new Set(clients), Math.floor(servers / 2) + 1);
  for (const e of events) if (e.t <= now) b.add(e);
  return b.finish();
}

/** The timeline with its lanes (one per client) and the virtual time it ends at. */
export interface LockTimelinePicture {
  readonly timeline: LockTimeline;
  readonly clients: readonly string[];
  readonly now: number;
}

export function lockTimelinePicture({ frame, events }: PictureInput): LockTimelinePicture {
  const clients = frame.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const servers = frame.nodes.filter((n) => n.kind === 'redis' || n.kind === 'etcd').length;
  return { timeline: lockTimelineModel(events, clients, servers, frame.now), clients, now: frame.now };
}

const SPELL_WORDS: Readonly<Record<SpellKind, string>> = {
  waiting: 'waits for the lock',
  holding: 'holds the lock',
  stale: 'believes it holds the lock, but the lock is gone',
};

/** How a spell is named for screen readers and tests: "c1 holds the lock, token 1, 22–400 ms". */
export function spellLabel(s: Spell, now: number): string {
  const token = s.token === null ? '' : `, token ${s.token}`;
  const end = s.to === null ? `${Math.round(now)} ms, ongoing` : `${Math.round(s.to)} ms`;
  return `${s.client} ${SPELL_WORDS[s.kind]}${token}, ${Math.round(s.from)}–${end}`;
}

/** "c1 panics at 500 ms: close of closed channel: Unlock called twice". */
export function panicLabel(p: PanicMark): string {
  return `${p.client} panics at ${Math.round(p.t)} ms: ${p.why}`;
}

export function writeLabel(w: WriteMark): string {
  const what = w.accepted ? (w.interleaved ? 'accepted, interleaved with another holder' : 'accepted') : 'rejected';
  return `write by ${w.client} with token ${w.token} at ${Math.round(w.t)} ms, ${what}`;
}

declare module '../contract/pictures' {
  interface PictureModels {
    'lock-timeline': LockTimelinePicture;
  }
}
