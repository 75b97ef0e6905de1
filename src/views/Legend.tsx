/** A row of colour swatches with names: roles or message types. */
import './legend.css';

interface Props {
  readonly title: string;
  readonly items: readonly { readonly name: string; readonly color: string }[];
  /** Dots for messages, squares for roles. */
  readonly shape: 'dot' | 'square';
}

export function Legend({ title, items, shape }: Props) {
  if (items.length === 0) return null;
  return (
    <div className="legend" role="group" aria-label={title}>
      <span className="legend-title">{title}</span>
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            <span className={`legend-swatch legend-${shape}`} style={{ background: item.color }} aria-hidden="true" />
            {item.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
