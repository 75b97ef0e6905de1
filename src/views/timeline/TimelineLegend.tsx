/** What the marks of the space-time diagram mean. */
import { arrowHead, crossPath } from './geometry';

const ITEMS: readonly { readonly name: string; readonly className: string; readonly d: string; readonly line?: boolean }[] = [
  { name: 'message', className: 'tl-legend-arrow', d: `M2,13L20,5${arrowHead(2, 13, 20, 5, 6)}` },
  { name: 'dropped', className: 'tl-drop', d: crossPath(11, 9, 5) },
  { name: 'output', className: 'tl-output', d: 'M11,1V17' },
  { name: 'crash', className: 'tl-crash', d: crossPath(11, 9, 6) },
  { name: 'restart / resume', className: 'tl-restart', d: 'M11,2L17,14L5,14Z' },
  { name: 'pause / clock', className: 'tl-pause', d: 'M11,2L17,14L5,14Z' },
  { name: 'violation', className: 'tl-violation', d: 'M11,1L19,9L11,17L3,9Z' },
  { name: 'network change', className: 'tl-legend-global', d: 'M11,0V18' },
];

export function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Timeline marks">
      {ITEMS.map((item) => (
        <li key={item.name}>
          <svg width="22" height="18" viewBox="0 0 22 18" aria-hidden="true">
            <path className={`tl-mark ${item.className}`} d={item.d} />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
