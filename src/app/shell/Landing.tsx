/** The landing page: what distlab is, and every lab with its summary and scenarios. */
import type { LabDefinition } from '../../labs/contract/lab';
import type { Scenario } from '../../labs/contract/scenario';
import { formatLabHash, scenarioSpec } from '../../store/url';
import { labsByArea } from '../../labs/areas';
import { catalogue } from '../catalogue';

function scenarioHash(lab: LabDefinition, s: Scenario): string | null {
  try {
    return formatLabHash(lab, scenarioSpec(lab, s), null, s.id);
  } catch {
    // A scenario with bad parameters gets no link rather than a broken page.
    return null;
  }
}

function LabCard({ lab }: { readonly lab: LabDefinition }) {
  return (
    <li className="lab-card">
      <h3>
        <a href={`#/${encodeURIComponent(lab.id)}`}>{lab.title}</a>
      </h3>
      <p>{lab.summary}</p>
      <p className="muted small">Variants: {lab.variants.join(', ')}</p>
      {lab.scenarios.length > 0 && (
        <>
          <h4>Scenarios</h4>
          <ul className="scenario-list">
            {lab.scenarios.map((s) => {
              const hash = scenarioHash(lab, s);
              return <li key={s.id}>{hash === null ? s.title : <a href={hash}>{s.title}</a>}</li>;
            })}
          </ul>
        </>
      )}
    </li>
  );
}

export function Landing() {
  return (
    <main className="landing" id="main">
      <div className="landing-intro">
        <h1>distlab</h1>
        <p className="tagline">A lab in the browser for distributed-systems mechanisms: real Web Worker nodes on a network you can break, replayable from a seed.</p>
      </div>
      {catalogue.labs.length === 0 && <p className="muted">No labs are built into this version.</p>}
      {labsByArea(catalogue.labs).map(({ area, labs: own }) => (
        <section key={area.id} className="lab-area" aria-labelledby={`area-${area.id}`}>
          <h2 className="section-title" id={`area-${area.id}`}>
            {area.title}
          </h2>
          <p className="muted area-summary">{area.summary}</p>
          <ul className="lab-list">
            {own.map((lab) => (
              <LabCard key={lab.id} lab={lab} />
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
