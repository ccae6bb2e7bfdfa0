// Naming a new till; HQ answers with its one-time enrollment code (shown next, once).
import { useState, type FormEvent } from 'react';
import { consoleTillRequestSchema, type TillEnrollment } from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { errorWords } from '../api/consoleClient';
import { ConsoleForm } from '../parts/ConsoleForm';
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
      <ConsoleForm
        onSubmit={submit}
        onCancel={onClose}
        failure={failure}
        failureTestId="add-till-error"
        submitLabel="Add till"
        submitTestId="add-till-submit"
        busy={busy}
      >
        <Field
          label="Till name"
          testId="add-till-name"
          error={errors.name}
          hint="e.g. Front counter"
        >
          {(a) => <input value={name} onChange={(e) => setName(e.target.value)} {...a} />}
        </Field>
      </ConsoleForm>
    </Dialog>
  );
}
