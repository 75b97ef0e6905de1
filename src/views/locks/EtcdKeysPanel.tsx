/**
 * The etcd server: its revision, the keys of the lock with their create revision (the owner's
 * marked) and lease, and each lease with a bar of the time it has left by the server's own clock.
 */
import type { EtcdView } from '../../labs/locks/etcdKeysModel';
import type { PictureProps } from '../pictureProps';
import './locks.css';
import '../a11y.css';

function Server({ v }: { readonly v: EtcdView }) {
  const down = v.status === 'down';
  return (
    <div className={down ? 'etcd-server is-down' : 'etcd-server'}>
      <p className="etcd-revision" aria-label={`${v.id} revision ${v.revision}${down ? ', down' : ''}`}>
        {v.id} · revision <strong>{v.revision}</strong>
        {down && ' · down (its data is on disk)'}
      </p>
      <table className="redis-keys-table">
        <caption className="visually-hidden">Keys on {v.id}</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Set by</th>
            <th scope="col">Create rev</th>
            <th scope="col">Mod rev</th>
            <th scope="col">Lease</th>
          </tr>
        </thead>
        <tbody>
          {v.keys.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                no keys: the lock is free
              </td>
            </tr>
          )}
          {v.keys.map((k) => (
            <tr key={k.key} aria-label={`key ${k.key} set by ${k.owner}, create revision ${k.createRevision}${k.owns ? ', owns the lock' : ''}`}>
              <th scope="row" className="lock-value">
                {k.key}
                {k.owns && <span className="etcd-owner"> owner</span>}
              </th>
              <td>{k.owner}</td>
              <td>{k.createRevision}</td>
              <td>{k.modRevision}</td>
              <td>{k.lease === 0 ? '—' : k.lease}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="redis-keys-table">
        <caption className="visually-hidden">Leases on {v.id}</caption>
        <thead>
          <tr>
            <th scope="col">Lease</th>
            <th scope="col">Granted to</th>
            <th scope="col">Keys</th>
            <th scope="col">Time to live (the server’s clock)</th>
          </tr>
        </thead>
        <tbody>
          {v.leases.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.id}</th>
              <td>{l.owner}</td>
              <td className="lock-value">{l.keys.join(' ') || '—'}</td>
              <td aria-label={`lease ${l.id} time to live: ${Math.round(l.leftMs)} of ${l.ttlMs} ms left`}>
                <span className="lock-ttl">
                  <span className="lock-ttl-bar" style={{ width: `${Math.round(l.fraction * 100)}%` }} />
                </span>{' '}
                <span className="lock-ttl-text">{down ? 'down' : `${Math.round(l.leftMs)} ms left`}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function EtcdKeysPanel({ model: views }: PictureProps<'etcd-keys'>) {
  return (
    <div className="etcd-keys">
      {views.map((v) => (
        <Server key={v.id} v={v} />
      ))}
    </div>
  );
}
