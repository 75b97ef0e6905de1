/**
 * The shell: routes the hash URL to the landing page or a lab, applies the theme, shows errors.
 * The lab page (controls, views, runtime) is loaded on demand, so the landing page stays small.
 */
import { lazy, Suspense, useEffect } from 'react';
import { clearErrors, addError } from '../store/runActions';
import { ErrorBanner } from './shell/ErrorBanner';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { Header } from './shell/Header';
import { Landing } from './shell/Landing';
import { useHashRoute } from './shell/useHashRoute';
import { loadThemeChoice, useApplyTheme } from './shell/useTheme';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/jetbrains-mono/latin-400.css';
import './styles/theme.css';
import './styles/base.css';

const LabPage = lazy(() => import('./lab/LabPage'));

loadThemeChoice();

export function App() {
  const route = useHashRoute();
  useApplyTheme();
  useEffect(() => {
    clearErrors();
    route.problems.forEach(addError);
  }, [route]);

  return (
    <div className="app">
      <Header lab={route.kind === 'lab' ? route.lab : null} />
      <ErrorBanner />
      {route.kind === 'landing' ? (
        <Landing />
      ) : (
        <ErrorBoundary what="the lab page" actions={<a href="#/">Back to the list of labs</a>}>
          <Suspense fallback={<p className="page-loading">Loading the lab…</p>}>
            <LabPage key={route.lab.id} route={route} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
