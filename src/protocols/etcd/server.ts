/**
 * The etcd server node: one member's store (real etcd replicates it through Raft, which the Raft
 * lab shows; this lab models a single member). It answers grants, keepalives, revokes,
 * transactions and watches, expires leases by its own local clock (so a clock jump or drift on
 * it moves every lease), and writes its store to disk after every change: a restart brings back
 * the keys, the revision and the leases, each lease with a fresh TTL as etcd gives them on
 * recovery. Watches are connection state and die with the process; clients open them again.
 */
import { assert, notAddressedTo } from '../assert';
import { defineProtocol } from '../define';
import { EMPTY_STORE, expireLeases, grant, keepAlive, refreshLeases, revoke, txn, type StoreChange } from './mvcc';
import { fact, persist, result, send, setTimer, update, type EtcdServerOut, type EtcdServerPersisted } from './out';
import type { EtcdMessage, EtcdRequest, EtcdResponse, EtcdState, Lease, ToEtcd } from './types';

const LEASE_TIMER = 'lease:';
/** The kernel's time step: one microsecond. */
const MIN_WAIT_MS = 0.001;

function restore(persisted: Partial<EtcdServerPersisted> | null): EtcdState {
  const saved = persisted?.store;
  return saved === undefined ? EMPTY_STORE : { ...saved, watchers: [] };
}

function save(o: EtcdServerOut): void {
  const { watchers: _notSaved, ...store } = o.s;
  persist(o, 'store', store);
}

function armLease(o: EtcdServerOut, lease: Lease): void {
  setTimer(o, LEASE_TIMER + String(lease.id), Math.max(MIN_WAIT_MS, lease.expiresAt - o.ctx.now));
}

/** A key's deletion ends the watches on it: each watcher hears once. */
function notifyWatchers(o: EtcdServerOut, key: string, createRevision: number, revision: number): void {
  const [hit, rest] = [o.s.watchers.filter((w) => w.key === key && w.createRevision === createRevision), o.s.watchers.filter((w) => !(w.key === key && w.createRevision === createRevision))];
  update(o, { watchers: rest });
  for (const w of hit) send(o, w.client, { type: 'etcd-reply', rid: w.rid, res: { op: 'deleted', key, revision } });
}

function report(o: EtcdServerOut, c: StoreChange): void {
  switch (c.kind) {
    case 'put':
      fact(o, { kind: 'put', lock: c.key, value: c.entry.value, owner: c.entry.owner, createRevision: c.entry.createRevision, revision: c.revision, version: c.entry.version, lease: c.entry.lease });
      return;
    case 'deleted':
      fact(o, { kind: 'deleted', lock: c.key, value: c.entry.value, owner: c.entry.owner, by: c.by, how: c.how, revision: c.revision });
      return notifyWatchers(o, c.key, c.entry.createRevision, c.revision);
    case 'expired':
      fact(o, { kind: 'expired', lock: c.key, value: c.entry.value, owner: c.entry.owner, lease: c.entry.lease, revision: c.revision });
      return notifyWatchers(o, c.key, c.entry.createRevision, c.revision);
    case 'granted':
      fact(o, { kind: 'granted', lease: c.lease.id, owner: c.lease.owner, ttlMs: c.lease.ttlMs });
      return armLease(o, c.lease);
    case 'revoked':
      fact(o, { kind: 'revoked', lease: c.lease.id, owner: c.lease.owner, by: c.by, keys: c.keys });
      return;
    case 'lease-expired':
      fact(o, { kind: 'lease-expired', lease: c.lease.id, owner: c.lease.owner, keys: c.keys });
      return;
  }
}

function applyChanges(o: EtcdServerOut, state: EtcdState, changes: readonly StoreChange[]): void {
  // The store's functions give back the state they were given when nothing changed.
  if (state !== o.s) {
    update(o, state);
    save(o);
  }
  for (const c of changes) report(o, c);
}

/** Leases whose time ran out by this server's clock go, with their keys (etcd's lessor does this on its own). */
function expireLapsed(o: EtcdServerOut): void {
  const lapsed = expireLeases(o.s, o.ctx.now);
  if (lapsed.result > 0) applyChanges(o, lapsed.state, lapsed.changes);
}

function serve(o: EtcdServerOut, from: string, rid: number, req: EtcdRequest): EtcdResponse | null {
  const now = o.ctx.now;
  switch (req.op) {
    case 'grant': {
      const a = grant(o.s, req.ttlMs, from, now);
      applyChanges(o, a.state, a.changes);
      return { op: 'grant', lease: a.result.id, ttlMs: a.result.ttlMs };
    }
    case 'keepalive': {
      const a = keepAlive(o.s, req.lease, now);
      applyChanges(o, a.state, a.changes);
      const lease = o.s.leases[String(req.lease)];
      if (a.result > 0 && lease !== undefined) armLease(o, lease);
      return { op: 'keepalive', lease: req.lease, ttlMs: a.result };
    }
    case 'revoke': {
      const a = revoke(o.s, req.lease, from, now);
      applyChanges(o, a.state, a.changes);
      return { op: 'revoke', lease: req.lease, found: a.result };
    }
    case 'txn': {
      const a = txn(o.s, req.compare, req.success, req.failure, from, now);
      applyChanges(o, a.state, a.changes);
      return { op: 'txn', ...a.result };
    }
    case 'watch': {
      const k = o.s.keys[req.key];
      if (k === undefined || k.createRevision !== req.createRevision) return { op: 'deleted', key: req.key, revision: o.s.revision };
      // One watch per client and key: a watch opened again replaces the one before.
      const others = o.s.watchers.filter((w) => !(w.client === from && w.key === req.key));
      update(o, { watchers: [...others, { client: from, rid, key: req.key, createRevision: req.createRevision }] });
      return null;
    }
  }
}

function onRequest(o: EtcdServerOut, from: string, m: ToEtcd): void {
  expireLapsed(o);
  const res = serve(o, from, m.rid, m.req);
  if (res !== null) send(o, from, { type: 'etcd-reply', rid: m.rid, res });
}

function onLeaseTimer(o: EtcdServerOut, id: string): void {
  const lease = o.s.leases[id];
  if (lease === undefined) return;
  // The clock may have been set back since the timer was armed: then the lease lives on.
  if (lease.expiresAt > o.ctx.now) return armLease(o, lease);
  expireLapsed(o);
}

function onStart(o: EtcdServerOut): void {
  update(o, refreshLeases(o.s, o.ctx.now));
  const held = Object.entries(o.s.keys).map(([lock, k]) => ({ lock, owner: k.owner, createRevision: k.createRevision, lease: k.lease }));
  fact(o, { kind: 'recovered', revision: o.s.revision, keys: held, leases: Object.keys(o.s.leases).length });
  for (const lease of Object.values(o.s.leases)) armLease(o, lease);
}

function onMessage(o: EtcdServerOut, from: string, m: EtcdMessage): void {
  if (m.type === 'etcd') return onRequest(o, from, m);
  notAddressedTo('etcd server', m.type);
}

/** What holds after every step; `given` is the state the step began with (none at a start). */
function invariants(o: EtcdServerOut, given: EtcdState | undefined): void {
  const s = o.s;
  assert(given === undefined || (s.revision >= given.revision && s.nextLease >= given.nextLease), "etcd: the store's revision and lease ids never go down");
  for (const key in s.keys) {
    const k = s.keys[key];
    // A put needs a live lease, and a lease that ends takes its keys with it.
    assert(k !== undefined && k.createRevision <= k.modRevision && k.modRevision <= s.revision && (k.lease === 0 || s.leases[String(k.lease)] !== undefined), () => `etcd: key ${key} has revisions in order and a lease that exists`);
  }
}

export const etcdProtocol = defineProtocol<EtcdState, EtcdMessage, EtcdServerPersisted>({
  kind: 'etcd',
  initial: (persisted) => restore(persisted),
  onStart: (_persisted, o) => onStart(o),
  onMessage,
  onTimer(o, name) {
    if (name.startsWith(LEASE_TIMER)) onLeaseTimer(o, name.slice(LEASE_TIMER.length));
  },
  onCommand(o, opId) {
    result(o, opId, false, 'the etcd server takes no commands from the page; crash, restart or skew its clock instead');
  },
  invariants,
});
