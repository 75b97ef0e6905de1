/**
 * Nodes by log index (or slot) as a table: cells filled by term, committed cells solid, the
 * others dashed, entries not yet on a majority hatched; the commit index is a bar after its cell
 * and applied cells carry a dot. A long log shows its last indices only, as many as fit.
 */
import { useRef } from 'react';
import { inkOn, roleColor } from '../palette';
import { useElementWidth } from '../useElementWidth';
import { columnsThatFit, indexWindow, termColor } from './layout';
import type { GridModel, GridRow } from '../../labs/pictures/logGrid';
import './logGrid.css';
import '../a11y.css';

interface Props {
  readonly model: GridModel;
  readonly caption: string;
  readonly roleColors: ReadonlyMap<string, string>;
}

function Row({ row, indices, roleColors }: { readonly row: GridRow; readonly indices: readonly number[]; readonly roleColors: ReadonlyMap<string, string> }) {
  const color = roleColor(roleColors, row.down ? 'down' : row.role.split(',')[0] ?? row.role);
  return (
    <tr className={`log-row${row.leader ? ' is-leader' : ''}${row.down ? ' is-down' : ''}`}>
      <th scope="row" aria-label={row.label} style={{ borderLeftColor: color }}>
        <span className="log-node">{row.id}</span>
        <span className="log-role">
          <span className="role-swatch" style={{ background: color }} aria-hidden="true" />
          {row.leader ? '★ ' : ''}
          {row.role}
        </span>
        <span className="log-marks">
          c {row.commitIndex} · a {row.appliedIndex}
        </span>
      </th>
      {indices.map((index) => {
        const cell = row.cells.get(index);
        if (cell === undefined) return <td key={index} className="log-cell empty" aria-label={`${row.id} index ${index} empty`} />;
        const fill = termColor(cell.colorKey);
        const classes = ['log-cell', cell.committed ? 'committed' : 'uncommitted', cell.onMajority ? '' : 'minority', index === row.commitIndex ? 'commit-mark' : '', index === row.appliedIndex ? 'applied-mark' : ''];
        return (
          <td key={index} className={classes.filter(Boolean).join(' ')} aria-label={cell.label} title={cell.label} style={{ background: fill, color: inkOn(fill) }}>
            <span className="log-cell-text">{cell.text}</span>
          </td>
        );
      })}
    </tr>
  );
}

export function LogGrid({ model, caption, roleColors }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 800);
  const win = indexWindow(model.lo, model.hi, columnsThatFit(width));
  const indices = win.last < win.first ? [] : Array.from({ length: win.last - win.first + 1 }, (_, i) => win.first + i);
  return (
    <div className="log-grid" ref={box}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="log-corner">
              {win.hidden > 0 ? `${model.indexName} (${win.hidden} earlier hidden)` : model.indexName}
            </th>
            {indices.map((i) => (
              <th scope="col" key={i} className="log-index">
                {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <Row key={row.id} row={row} indices={indices} roleColors={roleColors} />
          ))}
        </tbody>
      </table>
      {indices.length === 0 && <p className="muted">No entries yet.</p>}
    </div>
  );
}
