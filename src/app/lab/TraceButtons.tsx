/**
 * Export the run as a trace file, and open one (file picker, or drop a file anywhere on the
 * page). A file that is not a valid trace is refused with a clear message and the run stays.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { addError } from '../../store/runActions';
import { parseTraceFile, traceFileName } from '../../store/traceFile';
import { formatLabHash } from '../../store/url';
import { catalogue } from '../catalogue';
import { download } from './download';
import { useRun } from './runContext';

export function TraceButtons() {
  const { lab, actor, controller } = useRun();
  const spec = useSelector(actor, (s) => s.context.spec);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const exportTrace = async () => {
    if (spec === null) return;
    setBusy(true);
    try {
      download(new Blob([await controller.exportTrace()], { type: 'application/x-ndjson' }), traceFileName(spec.lab, spec.seed));
    } catch (error) {
      addError(`The trace could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const open = async (file: File) => {
    const result = parseTraceFile(await file.text(), file.name, catalogue.labs);
    if (!result.ok) return addError(result.error);
    const t = result.lastT > 0 ? result.lastT : null;
    const target = catalogue.find(result.spec.lab);
    if (result.spec.lab === lab.id) actor.send({ type: 'LOAD', spec: result.spec, t });
    else if (target !== undefined) window.location.hash = formatLabHash(target, result.spec, t);
  };
  const onDropFile = useEffectEvent((file: File) => void open(file));

  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file !== undefined) onDropFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className="trace-buttons button-row">
      <button type="button" disabled={spec === null || busy} onClick={() => void exportTrace()}>
        {busy ? 'Exporting…' : 'Export trace'}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Open trace…
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonl,.json,.txt,application/x-ndjson"
        hidden
        aria-label="Open a trace file"
        data-testid="trace-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void open(file);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a distlab trace (.jsonl) to open it
        </div>
      )}
    </div>
  );
}
