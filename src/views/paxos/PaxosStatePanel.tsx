/**
 * The Paxos labs' state table: per node its acceptor's promise and accepted proposal, its
 * proposer's (or would-be leader's) phase, ballot and promises and accepts against the quorum,
 * and what it learned; above it, the value chosen for slot 0, and any slot with two.
 */
import { useMemo } from 'react';
import type { Gathered, PaxosModel, PaxosRow } from '../../labs/paxos/stateModel';
import { roleColor, roleColors } from '../palette';
import type { PictureProps } from '../pictureProps';
import './paxos.css';
import '../a11y.css';

function Count({ value, quorum, what }: { readonly value: Gathered | string; readonly quorum: number; readonly what: string }) {
  if (typeof value === 'string') return <td className="muted">{value}</td>;
  const { n, enough, note } = value;
  return (
    <td className={enough ? 'gathered-enough' : ''} aria-label={`${n} of ${quorum} ${what}${note === '' ? '' : `, ${note}`}`}>
      {n} / {quorum}
      {note !== '' && <span className="paxos-note"> {note}</span>}
    </td>
  );
}

function Row({ row, quorum, color }: { readonly row: PaxosRow; readonly quorum: number; readonly color: string }) {
  const p = row.proposer;
  return (
    <tr className={row.down ? 'is-down' : ''}>
      <th scope="row" style={{ borderLeftColor: color }}>
        <span className="paxos-node">{row.id}</span> <span className="role-swatch" style={{ background: color }} aria-hidden="true" />
        {row.role}
      </th>
      <td>{row.promised}</td>
      <td>{row.accepted}</td>
      {p === null || p.waiting === '' ? (
        <td>{p?.phase ?? <span className="muted">—</span>}</td>
      ) : (
        <td aria-label={`${p.phase}, ${p.waiting}`}>
          {p.phase}
          <span className="paxos-note paxos-waiting">{p.waiting}</span>
        </td>
      )}
      <td>{p?.ballot ?? <span className="muted">—</span>}</td>
      <Count value={p?.promises ?? '—'} quorum={quorum} what="promises" />
      <Count value={p?.accepts ?? '—'} quorum={quorum} what="accepts" />
      <td className={row.learned === '—' ? 'muted' : 'paxos-chosen'}>{row.learned}</td>
    </tr>
  );
}

/** The headline: what is chosen (slot 0 for Multi-Paxos), and a warning for any slot with two values. */
function headline(model: PaxosModel): { readonly chosen: string; readonly conflict: string } {
  const single = model.singleDecree;
  const chosen = model.chosen.length === 0 ? `${single ? 'The value' : 'Slot 0'}: nothing chosen yet` : `${single ? 'Chosen' : 'Slot 0 chosen'}: ${model.chosen.join(' and ')}`;
  const clashes = model.conflicts.map((c) => (single ? 'two values chosen' : `slot ${c.slot}: ${c.values.join(' and ')} both chosen`));
  return { chosen, conflict: clashes.length === 0 ? '' : ` — ${clashes.join('; ')}, agreement broken!` };
}

export default function PaxosStatePanel({ model, lab }: PictureProps<'paxos-state'>) {
  const colors = useMemo(() => roleColors(lab.roles), [lab.roles]);
  const { chosen, conflict } = headline(model);
  return (
    <div className="paxos-state">
      <p className={`paxos-headline${conflict === '' ? '' : ' has-conflict'}`} role="status" aria-label={`${chosen}${conflict}`}>
        {chosen}
        {conflict !== '' && <strong className="paxos-conflict">{conflict}</strong>}
        <span className="muted"> · quorum {model.quorum} of {model.nodeCount}</span>
      </p>
      <div className="paxos-table-box">
        <table className="paxos-table">
          <caption className="visually-hidden">Paxos state per node</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Promised</th>
              <th scope="col">Accepted</th>
              <th scope="col">Phase</th>
              <th scope="col">Ballot</th>
              <th scope="col">Promises</th>
              <th scope="col">Accepts</th>
              <th scope="col">{model.singleDecree ? 'Learned' : 'Applied'}</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <Row key={row.id} row={row} quorum={model.quorum} color={roleColor(colors, row.role)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
