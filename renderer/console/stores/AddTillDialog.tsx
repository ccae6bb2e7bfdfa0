// Naming a new till; HQ answers with its one-time enrollment code (shown next, once).
import { useState, type FormEvent } from 'react';
import { consoleTillRequestSchema, type TillEnrollment } from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { errorWords } from '../api/consoleClient';
import { Field } from '../parts/Field';
import { validate, type FieldErrors } from '../parts/fieldErrors';
import { useSession } from '../state/sessionContext';

interface Props {
  storeId: string;
  onClose: () => void;
  onAdded: (e: TillEnrollment) => void;
}

export function AddTillDialog({ storeId, onClose, onAdded }: Props) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validate(consoleTillRequestSchema, { name });
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    setBusy(true);
    const r = await api.addTill(storeId, v.value.name);
    setBusy(false);
    if (r.ok) onAdded(r.value);
    else setFailure(errorWords(r.error));
  };
  return (
    <Dialog title="Add a till" testId="add-till-dialog" onClose={onClose}>
      <form className="console-form" onSubmit={(e) => void submit(e)} noValidate>
        {failure && (
          <p className="error-banner" role="alert" data-testid="add-till-error">
            {failure}
          </p>
        )}
        <Field
          label="Till name"
          testId="add-till-name"
          error={errors.name}
          hint="e.g. Front counter"
        >
          {(a) => <input value={name} onChange={(e) => setName(e.target.value)} {...a} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn-primary"
            disabled={busy}
            data-testid="add-till-submit"
          >
            Add till
          </button>
        </div>
      </form>
    </Dialog>
  );
}
