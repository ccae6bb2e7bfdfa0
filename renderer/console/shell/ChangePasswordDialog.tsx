// Changing one's own password: the current one, and a new one checked by the contract's rule
// (at least 10 characters) before it is sent. HQ ends the person's other sessions.
import { useState, type FormEvent } from 'react';
import { changePasswordRequestSchema } from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { errorWords } from '../api/consoleClient';
import { ConsoleForm } from '../parts/ConsoleForm';
import { Field } from '../parts/Field';
import { validate } from '../parts/fieldErrors';
import { useFormSend } from '../parts/useFormSend';
import { PasswordInput } from '../parts/PasswordInput';
import { useSession } from '../state/sessionContext';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { api } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, setErrors, failure, send } = useFormSend();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validate(changePasswordRequestSchema, { currentPassword, newPassword });
    const errs = v.ok ? {} : v.errors;
    if (repeat !== newPassword) errs.repeat = 'the two new passwords differ';
    setErrors(errs);
    if (!v.ok || errs.repeat) return;
    await send(
      () => api.changePassword(currentPassword, newPassword),
      () => setDone(true),
      (error) =>
        error.code === 'LOGIN_FAILED' ? 'The current password is wrong.' : errorWords(error),
    );
  };
  return (
    <Dialog title="Change password" testId="change-password-dialog" onClose={onClose}>
      {done ? (
        <>
          <p className="info-note" data-testid="change-password-done">
            Password changed. Your other sessions have been logged out.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn-primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <ConsoleForm
          onSubmit={submit}
          onCancel={onClose}
          failure={failure}
          failureTestId="change-password-error"
          submitLabel="Change password"
          submitTestId="cp-submit"
        >
          <Field label="Current password" testId="cp-current" error={errors.currentPassword}>
            {(a) => (
              <PasswordInput
                autoComplete="current-password"
                value={currentPassword}
                onChange={setCurrent}
                a11y={a}
              />
            )}
          </Field>
          <Field
            label="New password"
            testId="cp-new"
            error={errors.newPassword}
            hint="At least 10 characters."
          >
            {(a) => (
              <PasswordInput
                autoComplete="new-password"
                value={newPassword}
                onChange={setNew}
                a11y={a}
              />
            )}
          </Field>
          <Field label="New password again" testId="cp-repeat" error={errors.repeat}>
            {(a) => (
              <PasswordInput
                autoComplete="new-password"
                value={repeat}
                onChange={setRepeat}
                a11y={a}
              />
            )}
          </Field>
        </ConsoleForm>
      )}
    </Dialog>
  );
}
