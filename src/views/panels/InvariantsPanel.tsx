/**
 * The invariants of the run, each ok or violated. A violation halts the run; the panel names the
 * rule, the nodes and the detail, and offers to jump to the moment it happened.
 */
import { useAppStore } from '../../store/appStore';
import { formatMs } from '../../labs/contract/numberText';
import './panels.css';

interface Props {
  readonly onJump: (t: number) => void;
}

export function InvariantsPanel({ onJump }: Props) {
  const checkers = useAppStore((s) => s.frame?.checkers);
  const violations = useAppStore((s) => s.violations);
  const halted = useAppStore((s) => s.halted);
  return (
    <section className="panel invariants" aria-labelledby="invariants-title">
      <div className="panel-head">
        <h2 id="invariants-title">Invariants</h2>
      </div>
      {halted.length > 0 && (
        <p className="halt-note" role="alert">
          The run halted: an invariant was violated. Play or step to go on past it.
        </p>
      )}
      {checkers === undefined || checkers.length === 0 ? (
        <p className="muted">This lab checks no invariants.</p>
      ) : (
        <ul className="invariant-list">
          {checkers.map((c) => {
            const v = c.violated ? violations.find((x) => x.rule === c.rule) : undefined;
            return (
              <li key={c.rule} className={c.violated ? 'violated' : 'ok'} aria-label={`${c.rule}: ${c.violated ? 'violated' : 'ok'}`}>
                <div className="invariant-head">
                  <span className={`badge ${c.violated ? 'badge-bad' : 'badge-ok'}`}>{c.violated ? 'violated' : 'ok'}</span>
                  <code className="invariant-rule">{c.rule}</code>
                </div>
                <p className="invariant-description">{c.description}</p>
                {v !== undefined && (
                  <div className="violation-detail">
                    <p>
                      <strong>{v.nodes.join(', ') || 'the cluster'}</strong>: {v.detail}
                    </p>
                    <button type="button" onClick={() => onJump(v.t)}>
                      Jump to t = {formatMs(v.t)} ms
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
