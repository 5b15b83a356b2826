import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';

/** "Are you sure?" before something that cannot be undone; the safe choice has the focus. */
export function ConfirmDialog({ title, children, confirmLabel, busy, onConfirm, onCancel }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>Cancel</button>
          <button type="button" className="btn btn-danger-solid" disabled={busy} onClick={onConfirm}>
            <Icon name="trash" />{busy ? 'Deleting…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
