/** The app bar: the name (back to the list of labs), the open lab, the theme switch. */
import type { LabDefinition } from '../../labs/contract/lab';
import { MoonIcon, SunIcon } from '../controls/icons';
import { chooseTheme, useResolvedTheme } from './useTheme';

export function Header({ lab }: { readonly lab: LabDefinition | null }) {
  const theme = useResolvedTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="app-header">
      <nav aria-label="Main">
        <a className="brand" href="#/">
          distlab
        </a>
        {lab !== null && (
          <>
            <span className="crumb-sep" aria-hidden="true">
              /
            </span>
            <span className="crumb">{lab.title}</span>
          </>
        )}
      </nav>
      <button type="button" className="quiet theme-toggle" onClick={() => chooseTheme(next)} aria-label={`Switch to the ${next} theme`}>
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        <span>{next === 'dark' ? 'Dark' : 'Light'}</span>
      </button>
    </header>
  );
}
