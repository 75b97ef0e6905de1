/** The seed of the run: typing a new one and pressing Enter (or leaving the field) reloads. */
import { useState } from 'react';
import { isSeed, MAX_SEED } from '../../sim/random';

interface Props {
  readonly seed: number;
  readonly onChange: (seed: number) => void;
}

export function SeedField({ seed, onChange }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = Number(draft);
  const invalid = draft !== null && (draft.trim() === '' || !isSeed(value));
  const commit = () => {
    if (draft === null) return;
    if (!invalid && value !== seed) onChange(value);
    if (!invalid) setDraft(null);
  };
  return (
    <label className="field seed-field">
      <span>Seed</span>
      <input
        type="text"
        inputMode="numeric"
        value={draft ?? String(seed)}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'seed-error' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {invalid && (
        <span id="seed-error" className="field-error" role="alert">
          A seed is a whole number from 0 to {MAX_SEED}.
        </span>
      )}
    </label>
  );
}
