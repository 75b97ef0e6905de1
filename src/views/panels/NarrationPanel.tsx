/**
 * A guided scenario's story: the step that matches the current virtual time, large enough for a
 * projector, with buttons that move the run to the previous or next step's moment.
 */
import type { Scenario } from '../../labs/contract/scenario';
import { useAppStore } from '../../store/appStore';
import { formatMs } from '../../labs/contract/numberText';
import { currentStep } from './narration';
import './panels.css';

interface Props {
  readonly scenario: Scenario;
  readonly onSeek: (t: number) => void;
}

export function NarrationPanel({ scenario, onSeek }: Props) {
  const now = useAppStore((s) => s.frame?.now ?? 0);
  const steps = scenario.narration;
  const i = currentStep(steps, now);
  const step = steps[i];
  const previous = steps[i - 1];
  const next = steps[i + 1];
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <div className="panel-head">
        <h2 id="narration-title">Scenario: {scenario.title}</h2>
        <div className="button-row tight">
          <span className="muted small">{i < 0 ? `${steps.length} steps` : `step ${i + 1} of ${steps.length}`}</span>
          <button type="button" disabled={previous === undefined} onClick={() => previous !== undefined && onSeek(previous.at)}>
            Previous step
          </button>
          <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onSeek(next.at)}>
            Next step
          </button>
        </div>
      </div>
      <p className="narration-text" aria-live="polite">
        {step === undefined ? (
          <span className="muted">Press Play, or Next step, to start the story.</span>
        ) : (
          <>
            <span className="narration-at">{formatMs(step.at)} ms</span> {step.text}
          </>
        )}
      </p>
      {now >= scenario.untilMs && <p className="muted small">The story ends at {formatMs(scenario.untilMs)} ms; the run goes on if you play.</p>}
    </section>
  );
}
