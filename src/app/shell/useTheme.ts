/**
 * Applies the theme: the person's choice (kept in localStorage), or the system's
 * prefers-color-scheme. The page's colours are CSS variables keyed on `data-theme`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/appStore';
import { setTheme } from '../../store/viewActions';
import type { ThemeChoice } from '../../store/viewSlice';

const KEY = 'distlab.theme';
const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeSystem(onChange: () => void): () => void {
  const mq = query();
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function loadThemeChoice(): void {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') setTheme(saved);
  } catch {
    // Storage may be off (private mode); the system theme is fine then.
  }
}

export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeSystem, () => query().matches);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function useApplyTheme(): 'light' | 'dark' {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return theme;
}

export function chooseTheme(choice: ThemeChoice): void {
  setTheme(choice);
  try {
    if (choice === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, choice);
  } catch {
    // See loadThemeChoice.
  }
}
