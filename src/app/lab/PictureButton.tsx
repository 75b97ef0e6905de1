/**
 * Saves what the lab page shows (the cluster, the timeline, the lab's views, the invariants...)
 * as a PNG named after the lab, the seed and the virtual time, for slides and notes. The views
 * read virtual time only, so the same link gives the same picture. modern-screenshot draws the page's
 * DOM, styles and bundled fonts into a canvas; it is loaded on the first click, so the first page
 * load does not pay for it.
 */
import { useSelector } from '@xstate/react';
import { useState, type RefObject } from 'react';
import { appStore } from '../../store/appStore';
import { addError } from '../../store/runActions';
import { pictureFileName } from '../../store/traceFile';
import { download } from './download';
import { useRun } from './runContext';

/** Twice the screen's pixels: sharp on a projector and in slides. */
const PIXEL_RATIO = 2;

export function PictureButton({ target }: { readonly target: RefObject<HTMLElement | null> }) {
  const { actor } = useRun();
  const spec = useSelector(actor, (s) => s.context.spec);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const element = target.current;
    if (spec === null || element === null) return;
    setBusy(true);
    try {
      const t = appStore.getState().frame?.now ?? 0;
      const { domToBlob } = await import('modern-screenshot');
      const background = getComputedStyle(document.body).backgroundColor;
      const blob = await domToBlob(element, { scale: PIXEL_RATIO, backgroundColor: background, type: 'image/png' });
      if (blob === null) throw new Error('the browser drew no picture');
      download(blob, pictureFileName(spec.lab, spec.seed, t));
    } catch (error) {
      addError(`The picture could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" disabled={spec === null || busy} onClick={() => void save()}>
      {busy ? 'Drawing…' : 'Save picture'}
    </button>
  );
}
