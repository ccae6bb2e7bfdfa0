// Creating or editing a store, checked field by field with the contract's schema before sending
// (the server checks again). An edit sends only the fields that changed, because currency and time
// zone are refused (409) once the store has sales even when re-sent unchanged.
import { useState, type FormEvent } from 'react';
import {
  consoleStoreRequestSchema,
  consoleStoreUpdateSchema,
  type ConsoleStore,
  type ConsoleStoreRequest,
} from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { ConsoleForm } from '../parts/ConsoleForm';
import { Field } from '../parts/Field';
import { validate } from '../parts/fieldErrors';
import { useFormSend } from '../parts/useFormSend';
import { useSession } from '../state/sessionContext';
import { changedFields, STORE_FIELDS, type StoreDraft } from './storeDraft';

interface Props {
  store: ConsoleStore | null;
  onClose: () => void;
  onSaved: (s: ConsoleStore) => void;
}

const LABELS: Record<keyof StoreDraft, string> = {
  name: 'Name',
  code: 'Code',
  city: 'City',
  region: 'Region',
  country: 'Country',
  currency: 'Currency (ISO 4217)',
  timeZone: 'Time zone (IANA)',
};

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

export function StoreFormDialog({ store, onClose, onSaved }: Props) {
  const { api } = useSession();
  const initial: StoreDraft = store
    ? {
        name: store.name,
        code: store.code,
        city: store.city,
        region: store.region,
        country: store.country,
        currency: store.currency,
        timeZone: store.timeZone,
      }
    : {
        name: '',
        code: '',
        city: '',
        region: '',
        country: '',
        currency: '',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      };
  const [draft, setDraft] = useState<StoreDraft>(initial);
  const { errors, setErrors, failure, setFailure, busy, send } = useFormSend();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body: Partial<ConsoleStoreRequest> = store ? changedFields(initial, draft) : draft;
    const v = validate(store ? consoleStoreUpdateSchema : consoleStoreRequestSchema, body);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    if (store && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    await send(
      () =>
        store
          ? api.updateStore(store.storeId, v.value)
          : api.createStore(v.value as ConsoleStoreRequest),
      onSaved,
    );
  };

  return (
    <Dialog
      title={store ? `Edit ${store.name}` : 'Add a store'}
      testId="store-form"
      onClose={onClose}
      wide
    >
      <ConsoleForm
        onSubmit={submit}
        onCancel={onClose}
        failure={failure}
        failureTestId="store-form-error"
        submitLabel={store ? 'Save' : 'Add store'}
        submitTestId="store-form-submit"
        cancelTestId="store-form-cancel"
        busy={busy}
        grid
      >
        {STORE_FIELDS.map((field) => (
          <Field
            key={field}
            label={LABELS[field]}
            testId={`store-form-${field}`}
            error={errors[field]}
          >
            {(a) => (
              <input
                value={draft[field]}
                list={field === 'timeZone' ? 'console-time-zones' : undefined}
                maxLength={field === 'currency' ? 3 : undefined}
                onChange={(e) =>
                  setDraft((d) => ({
                    ...d,
                    [field]: field === 'currency' ? e.target.value.toUpperCase() : e.target.value,
                  }))
                }
                {...a}
              />
            )}
          </Field>
        ))}
        <datalist id="console-time-zones">
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {store && (
          <p className="hint console-span">
            Currency and time zone cannot change once the store has sales.
          </p>
        )}
      </ConsoleForm>
    </Dialog>
  );
}
