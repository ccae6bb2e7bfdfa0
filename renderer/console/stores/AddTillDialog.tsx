// Naming a new till; HQ answers with its one-time enrollment code (shown next, once).
import { useState, type FormEvent } from 'react';
import { consoleTillRequestSchema, type TillEnrollment } from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { ConsoleForm } from '../parts/ConsoleForm';
import { Field } from '../parts/Field';
import { validate } from '../parts/fieldErrors';
import { useFormSend } from '../parts/useFormSend';
import { useSession } from '../state/sessionContext';

interface Props {
  storeId: string;
  onClose: () => void;
  onAdded: (e: TillEnrollment) => void;
}

export function AddTillDialog({ storeId, onClose, onAdded }: Props) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const { errors, setErrors, failure, busy, send } = useFormSend();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validate(consoleTillRequestSchema, { name });
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    await send(() => api.addTill(storeId, v.value.name), onAdded);
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
