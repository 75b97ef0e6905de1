/** The errors the page must show (bad URL, bad file, a failed worker), each dismissable. */
import { useAppStore } from '../../store/appStore';
import { dismissError } from '../../store/runActions';

export function ErrorBanner() {
  const errors = useAppStore((s) => s.errors);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert" aria-label="Errors">
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <span>{e.message}</span>
            <button type="button" className="quiet" aria-label="Dismiss this error" onClick={() => dismissError(e.id)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
