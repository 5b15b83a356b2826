import { useMemo } from 'react';
import type { JsonObject } from '../forms/jsonSchema';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';

type ConflictDialogProps = {
  mine: JsonObject;
  theirs: JsonObject;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  onCancel: () => void;
};

/** Lines of one JSON text, marked when the other version has no identical line at that place. */
function markDifferences(a: string[], b: string[]): boolean[] {
  const others = new Set(b);
  return a.map((line, i) => line !== b[i] && !others.has(line));
}

/** Someone saved the callflow after it was opened: both versions side by side, and the choice of which to keep. */
export function ConflictDialog({ mine, theirs, onKeepMine, onKeepTheirs, onCancel }: ConflictDialogProps) {
  const [left, right, leftMarks, rightMarks] = useMemo(() => {
    const l = JSON.stringify(mine, null, 2).split('\n');
    const r = JSON.stringify(theirs, null, 2).split('\n');
    return [l, r, markDifferences(l, r), markDifferences(r, l)];
  }, [mine, theirs]);
  return (
    <Dialog
      wide
      title="Someone else saved this callflow"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>Decide later</button>
          <button type="button" className="btn" onClick={onKeepTheirs}><Icon name="download" size={14} />Keep theirs (drop my changes)</button>
          <button type="button" className="btn btn-primary" onClick={onKeepMine}><Icon name="upload" size={14} />Keep mine (save over theirs)</button>
        </>
      }
    >
      <p className="muted">The callflow changed on the server after you opened it. Lines that differ are marked.</p>
      <div className="conflict-columns">
        {[{ title: 'Your version', lines: left, marks: leftMarks }, { title: 'Saved on the server', lines: right, marks: rightMarks }].map((col) => (
          <section key={col.title} className="conflict-column" aria-label={col.title}>
            <h3 className="panel-subtitle">{col.title}</h3>
            <pre>{col.lines.map((line, i) => <div key={i} className={col.marks[i] ? 'is-different' : undefined}>{line || ' '}</div>)}</pre>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
