/**
 * The etcd server node: one member's store (real etcd replicates it through Raft, which the Raft
 * lab shows; this lab models a single member). It answers grants, keepalives, revokes,
 * transactions and watches, expires leases by its own local clock (so a clock jump or drift on
 * it moves every lease), and writes its store to disk after every change: a restart brings back
 * the keys, the revision and the leases, each lease with a fresh TTL as etcd gives them on
 * recovery. Watches are connection state and die with the process; clients open them again.
 */
import type { JsonObject } from '../../sim/json';
import type { NodeInput, PersistedData, StepContext, StepOutput } from '../../sim/node';
import { EMPTY_STORE, expireLeases, grant, keepAlive, refreshLeases, revoke, txn, type StoreChange } from './mvcc';
import { fact, outFor, persist, result, send, setTimer, type Out } from './out';
import type { EtcdRequest, EtcdResponse, EtcdState, Lease, ToEtcd } from './types';

const LEASE_TIMER = 'lease:';
/** The kernel's time step: one microsecond. */
const MIN_WAIT_MS = 0.001;

function restore(persisted: PersistedData | null): EtcdState {
  const saved = persisted?.['store'];
  return saved === undefined || saved === null ? EMPTY_STORE : { ...(saved as unknown as EtcdState), watchers: [] };
}

function save(o: Out<EtcdState>): void {
  const { watchers: _notSaved, ...store } = o.s;
  persist(o, 'store', store as unknown as JsonObject);
}

function armLease(o: Out<EtcdState>, lease: Lease): void {
  setTimer(o, LEASE_TIMER + String(lease.id), Math.max(MIN_WAIT_MS, lease.expiresAt - o.ctx.now));
}

/** A key's deletion ends the watches on it: each watcher hears once. */
function notifyWatchers(o: Out<EtcdState>, key: string, createRevision: number, revision: number): void {
  const [hit, rest] = [o.s.watchers.filter((w) => w.key === key && w.createRevision === createRevision), o.s.watchers.filter((w) => !(w.key === key && w.createRevision === createRevision))];
  o.s = { ...o.s, watchers: rest };
  for (const w of hit) send(o, w.client, { type: 'etcd-reply', rid: w.rid, res: { op: 'deleted', key, revision } });
}

function report(o: Out<EtcdState>, c: StoreChange): void {
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

function applyChanges(o: Out<EtcdState>, state: EtcdState, changes: readonly StoreChange[]): void {
  const changed = state !== o.s;
  o.s = state;
  if (changed) save(o);
  for (const c of changes) report(o, c);
}

/** Leases whose time ran out by this server's clock go, with their keys (etcd's lessor does this on its own). */
function expireLapsed(o: Out<EtcdState>): void {
  const lapsed = expireLeases(o.s, o.ctx.now);
  if (lapsed.result > 0) applyChanges(o, lapsed.state, lapsed.changes);
}

function serve(o: Out<EtcdState>, from: string, rid: number, req: EtcdRequest): EtcdResponse | null {
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
      o.s = { ...o.s, watchers: [...others, { client: from, rid, key: req.key, createRevision: req.createRevision }] };
      return null;
    }
  }
}

function onRequest(o: Out<EtcdState>, from: string, m: ToEtcd): void {
  expireLapsed(o);
  const res = serve(o, from, m.rid, m.req);
  if (res !== null) send(o, from, { type: 'etcd-reply', rid: m.rid, res });
}

function onLeaseTimer(o: Out<EtcdState>, id: string): void {
  const lease = o.s.leases[id];
  if (lease === undefined) return;
  // The clock may have been set back since the timer was armed: then the lease lives on.
  if (lease.expiresAt > o.ctx.now) return armLease(o, lease);
  expireLapsed(o);
}

function onStart(o: Out<EtcdState>): void {
  o.s = refreshLeases(o.s, o.ctx.now);
  const held = Object.entries(o.s.keys).map(([lock, k]) => ({ lock, owner: k.owner, createRevision: k.createRevision, lease: k.lease }));
  fact(o, { kind: 'recovered', revision: o.s.revision, keys: held, leases: Object.keys(o.s.leases).length });
  for (const lease of Object.values(o.s.leases)) armLease(o, lease);
}

export function etcdStep(state: EtcdState | undefined, input: NodeInput, ctx: StepContext): StepOutput<EtcdState> {
  if (input.kind === 'start') {
    const o = outFor(restore(input.persisted), ctx);
    onStart(o);
    return { state: o.s, effects: o.fx };
  }
  if (state === undefined) throw new Error('stepped before start');
  const o = outFor(state, ctx);
  if (input.kind === 'message' && input.msg['type'] === 'etcd') onRequest(o, input.from, input.msg as unknown as ToEtcd);
  else if (input.kind === 'timer' && input.name.startsWith(LEASE_TIMER)) onLeaseTimer(o, input.name.slice(LEASE_TIMER.length));
  else if (input.kind === 'command') result(o, input.opId, false, 'the etcd server takes no commands from the page; crash, restart or skew its clock instead');
  return { state: o.s, effects: o.fx };
}
