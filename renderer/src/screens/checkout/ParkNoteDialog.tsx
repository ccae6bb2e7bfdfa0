// F8: park the sale with an optional note ("man in blue, fetching his wallet"), so the parked
// list (F9) can tell similar sales apart. Enter parks at once; the note may stay empty.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';

interface Props {
  onPark: (note: string) => Promise<boolean>;
  onClose: () => void;
}

export function ParkNoteDialog({ onPark, onClose }: Props) {
  const [note, setNote] = useState('');
  const park = async () => {
    if (await onPark(note.trim())) onClose();
  };
  return (
    <Dialog title="Park this sale" testId="park-dialog" onClose={onClose}>
      <input
        className="big-input"
        data-testid="park-note"
        aria-label="Note for this parked sale (optional)"
        placeholder="Note (optional), e.g. man in blue, fetching wallet"
        maxLength={200}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void park();
          }
        }}
      />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid="park-confirm"
          onClick={() => void park()}
        >
          Park <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
