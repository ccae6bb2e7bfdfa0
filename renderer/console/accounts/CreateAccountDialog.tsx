// A new HQ account: email, name, role and an initial password (at least 10 characters), checked
// with the contract's schema before sending; the person changes the password after signing in.
import { useState, type FormEvent } from 'react';
import {
  CONSOLE_ROLES,
  createAccountRequestSchema,
  type ConsoleRole,
} from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { errorWords } from '../api/consoleClient';
import { ConsoleForm } from '../parts/ConsoleForm';
import { Field } from '../parts/Field';
import { validate } from '../parts/fieldErrors';
import { useFormSend } from '../parts/useFormSend';
import { PasswordInput } from '../parts/PasswordInput';
import { useSession } from '../state/sessionContext';

export function CreateAccountDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: () => void;
}) {
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ConsoleRole>('analyst');
  const [password, setPassword] = useState('');
  const { errors, setErrors, failure, send } = useFormSend();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validate(createAccountRequestSchema, { email, name, role, password });
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    await send(
      () => api.createAccount(v.value),
      onCreated,
      (error) =>
        error.code === 'CONFLICT'
          ? 'An account with this email exists already.'
          : errorWords(error),
    );
  };
  return (
    <Dialog title="Add an account" testId="account-form" onClose={onClose}>
      <ConsoleForm
        onSubmit={submit}
        onCancel={onClose}
        failure={failure}
        failureTestId="account-form-error"
        submitLabel="Add account"
        submitTestId="account-form-submit"
      >
        <Field label="Email" testId="account-form-email" error={errors.email}>
          {(a) => (
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} {...a} />
          )}
        </Field>
        <Field label="Name" testId="account-form-name" error={errors.name}>
          {(a) => <input value={name} onChange={(e) => setName(e.target.value)} {...a} />}
        </Field>
        <Field label="Role" testId="account-form-role" error={errors.role}>
          {(a) => (
            <select value={role} onChange={(e) => setRole(e.target.value as ConsoleRole)} {...a}>
              {CONSOLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Initial password"
          testId="account-form-password"
          error={errors.password}
          hint="At least 10 characters; tell it to the person, who changes it after signing in."
        >
          {(a) => (
            <PasswordInput
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              a11y={a}
            />
          )}
        </Field>
      </ConsoleForm>
    </Dialog>
  );
}
