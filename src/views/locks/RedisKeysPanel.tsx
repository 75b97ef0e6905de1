/**
 * The Redis servers: per server the lock's key (who set it, its value), the fencing counter, and a
 * bar of the time to live left by that server's own clock, so a clock jump on one server shows.
 */
import type { RedisKeyRow } from '../../labs/locks/redisKeysModel';
import type { PictureProps } from '../pictureProps';
import './locks.css';
import '../a11y.css';

function ttlText(r: RedisKeyRow): string {
  if (r.owner === null) return 'free';
  if (r.leftMs === null) return 'no expiry';
  return r.leftMs <= 0 ? 'expired' : `${Math.round(r.leftMs)} ms left`;
}

function Row({ r }: { readonly r: RedisKeyRow }) {
  const ttl = ttlText(r);
  return (
    <tr className={r.status === 'down' ? 'is-down' : ''}>
      <th scope="row">{r.id}</th>
      <td aria-label={r.owner === null ? `${r.id}: no key` : `${r.id}: key set by ${r.owner}`}>{r.owner === null ? <span className="muted">—</span> : r.owner}</td>
      <td className="lock-value">{r.value ?? ''}</td>
      <td>{r.counter}</td>
      <td aria-label={`${r.id} time to live: ${ttl}`}>
        <span className="lock-ttl">
          <span className="lock-ttl-bar" style={{ width: `${Math.round((r.fraction ?? 0) * 100)}%` }} />
        </span>{' '}
        <span className="lock-ttl-text">{r.status === 'down' ? 'down' : ttl}</span>
      </td>
    </tr>
  );
}

export default function RedisKeysPanel({ model: rows }: PictureProps<'redis-keys'>) {
  return (
    <div className="redis-keys">
      <table className="redis-keys-table">
        <caption className="visually-hidden">Redis servers and the lock key</caption>
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Held by</th>
            <th scope="col">Value</th>
            <th scope="col">Token counter</th>
            <th scope="col">Time to live (its own clock)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} r={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
