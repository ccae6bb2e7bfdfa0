// The store form's fields and what an edit changed (PATCH sends only those).
import type { ConsoleStoreRequest } from '../../../shared/console/consoleApi';

export interface StoreDraft {
  name: string;
  code: string;
  city: string;
  region: string;
  country: string;
  currency: string;
  timeZone: string;
}

export const STORE_FIELDS: readonly (keyof StoreDraft)[] = [
  'name',
  'code',
  'city',
  'region',
  'country',
  'currency',
  'timeZone',
];

export const changedFields = (
  before: StoreDraft,
  after: StoreDraft,
): Partial<ConsoleStoreRequest> => {
  const out: Partial<ConsoleStoreRequest> = {};
  for (const f of STORE_FIELDS) if (before[f].trim() !== after[f].trim()) out[f] = after[f];
  return out;
};
