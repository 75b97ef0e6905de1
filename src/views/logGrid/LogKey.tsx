/** The log grid's key: the colour of each term, and what solid, dashed, hatched, bar and dot mean. */
import { Legend } from '../Legend';
import { termColor } from './layout';

interface Props {
  readonly colorName: string;
  readonly colorKeys: readonly number[];
  readonly committedWord: string;
}

/** At most this many terms in the legend: the newest ones. */
const MAX_KEYS = 10;

export function LogKey({ colorName, colorKeys, committedWord }: Props) {
  const keys = colorKeys.slice(-MAX_KEYS);
  return (
    <>
      <Legend title={`${colorName[0]?.toUpperCase() ?? ''}${colorName.slice(1)}s`} shape="square" items={keys.map((k) => ({ name: `${colorName} ${k}`, color: termColor(k) }))} />
      <ul className="log-key" aria-label="How cells are marked">
        <li>
          <span className="log-cell committed" style={{ background: termColor(1) }} aria-hidden="true" /> {committedWord}
        </li>
        <li>
          <span className="log-cell uncommitted" style={{ background: termColor(1) }} aria-hidden="true" /> not {committedWord}
        </li>
        <li>
          <span className="log-cell uncommitted minority" style={{ background: termColor(1) }} aria-hidden="true" /> not on a majority
        </li>
        <li>
          <span aria-hidden="true">▌</span> {committedWord === 'committed' ? 'commit index' : 'last chosen'} · <span aria-hidden="true">•</span> last applied · c / a: {committedWord === 'committed' ? 'commit' : 'chosen'} / applied
        </li>
      </ul>
    </>
  );
}
