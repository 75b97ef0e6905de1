import { beforeEach, describe, expect, it } from 'vitest';
import type { RunUpdate } from '../runtime/browser/controller';
import type { Frame } from '../runtime/frame';
import type { TraceEvent } from '../sim/trace';
import { appStore, resetStore } from './appStore';
import { addError, applyUpdate, clearRun, dismissError, MAX_ERRORS_SHOWN } from './runActions';
import { clearSelection, isSelected, selectLink, selectNode, setTheme, togglePanel } from './viewActions';

const frame = { now: 10, eventCount: 2 } as unknown as Frame;
const timer = (seq: number): TraceEvent => ({ t: seq, seq, type: 'timer', node: 'n1', name: 'tick' });
const violation: TraceEvent = { t: 3, seq: 3, type: 'violation', rule: 'r', nodes: ['n1'], detail: 'broke' };

function update(patch: Partial<RunUpdate>): RunUpdate {
  return { frame, events: [], reset: false, playing: false, halted: [], ...patch };
}

beforeEach(resetStore);

describe('run slice', () => {
  it('appends events, and replaces them on a reset update', () => {
    applyUpdate(update({ events: [timer(1), timer(2)] }));
    applyUpdate(update({ events: [timer(3)] }));
    expect(appStore.getState().events.map((e) => e.seq)).toEqual([1, 2, 3]);
    applyUpdate(update({ events: [timer(9)], reset: true }));
    expect(appStore.getState().events.map((e) => e.seq)).toEqual([9]);
    expect(appStore.getState().frame).toBe(frame);
  });

  it('remembers violations after the halt is lifted, until a new run', () => {
    applyUpdate(update({ events: [violation], halted: [violation] }));
    expect(appStore.getState().halted).toHaveLength(1);
    applyUpdate(update({ playing: true }));
    expect(appStore.getState().halted).toHaveLength(0);
    expect(appStore.getState().violations).toEqual([violation]);
    clearRun();
    expect(appStore.getState().violations).toEqual([]);
    expect(appStore.getState().frame).toBeNull();
  });

  it('shows each error once and at most a few', () => {
    addError('a');
    addError('a');
    expect(appStore.getState().errors).toHaveLength(1);
    for (let i = 0; i < 10; i++) addError(`e${i}`);
    const errors = appStore.getState().errors;
    expect(errors).toHaveLength(MAX_ERRORS_SHOWN);
    expect(errors[errors.length - 1]?.message).toBe('e9');
    dismissError(errors[0]?.id ?? -1);
    expect(appStore.getState().errors).toHaveLength(MAX_ERRORS_SHOWN - 1);
  });
});

describe('view slice', () => {
  it('names a link the same whichever end was clicked', () => {
    selectLink('n3', 'n1', ['n1', 'n2', 'n3']);
    expect(appStore.getState().selection).toEqual({ kind: 'link', a: 'n1', b: 'n3' });
    expect(isSelected(appStore.getState().selection, { kind: 'link', a: 'n1', b: 'n3' })).toBe(true);
    selectNode('n2');
    expect(isSelected(appStore.getState().selection, { kind: 'node', id: 'n2' })).toBe(true);
    clearSelection();
    expect(appStore.getState().selection).toBeNull();
  });

  it('toggles panels and theme; resetStore puts them back', () => {
    togglePanel('log');
    setTheme('dark');
    expect(appStore.getState().panels.log).toBe(false);
    resetStore();
    expect(appStore.getState().panels.log).toBe(true);
    expect(appStore.getState().theme).toBe('system');
  });
});
