/**
 * The page's one store: a vanilla Zustand store built from the run and view slices, so the
 * runtime can write into it without React. Components read it through selectors.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createStore } from 'zustand/vanilla';
import { initialRunSlice, type RunSlice } from './runSlice';
import { initialViewSlice, type ViewSlice } from './viewSlice';

export type AppState = RunSlice & ViewSlice;

export const appStore = createStore<AppState>()(() => ({ ...initialRunSlice, ...initialViewSlice }));

/** Reads one value; the component re-renders when it changes (by Object.is). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Reads an object or array built by the selector; re-renders only when a member changes. */
export function useAppStoreShallow<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}

/** Back to a fresh page (tests call this between cases). */
export function resetStore(): void {
  appStore.setState({ ...initialRunSlice, ...initialViewSlice }, true);
}
