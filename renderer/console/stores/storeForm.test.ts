import { describe, expect, it } from 'vitest';
import { consoleStoreRequestSchema, type StoreHealth } from '../../../shared/console/consoleApi';
import { validate } from '../parts/fieldErrors';
import { changedFields, type StoreDraft } from './storeDraft';
import { pushAgeWords, storeHealthFlag } from './syncHealthWords';

const draft: StoreDraft = {
  name: 'Camp',
  code: 'PUNE-1',
  city: 'Pune',
  region: 'West',
  country: 'IN',
  currency: 'INR',
  timeZone: 'Asia/Kolkata',
};

describe('store form and sync health', () => {
  it("shows the contract schema's messages per field", () => {
    const v = validate(consoleStoreRequestSchema, {
      ...draft,
      code: 'a b',
      timeZone: 'Mars/Base',
      name: '',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.code).toBe('letters, digits, . _ - (at most 32)');
    expect(v.errors.timeZone).toBe('unknown IANA time zone');
    expect(v.errors.name).toBeDefined();
    expect(validate(consoleStoreRequestSchema, draft).ok).toBe(true);
  });
  it('sends only what an edit changed', () => {
    expect(changedFields(draft, { ...draft, city: 'Pune ' })).toEqual({});
    expect(changedFields(draft, { ...draft, name: 'Camp 2', region: 'South' })).toEqual({
      name: 'Camp 2',
      region: 'South',
    });
  });
  it('says the last push in words and flags overdue stores', () => {
    expect(pushAgeWords(null, 0, 'en-GB')).toBe('never');
    expect(pushAgeWords(0, 3 * 60_000, 'en-GB')).toBe('3 minutes ago');
    const h = (x: Partial<StoreHealth>): StoreHealth => ({
      tills: 1,
      activeTills: 1,
      overdueTills: 0,
      lastPushAt: 1,
      eventsToday: 0,
      importedEvents: 0,
      lateEvents: 0,
      ...x,
    });
    expect(storeHealthFlag(h({}))).toBe('ok');
    expect(storeHealthFlag(h({ overdueTills: 1 }))).toBe('overdue');
    expect(storeHealthFlag(h({ lastPushAt: null }))).toBe('never');
    expect(storeHealthFlag(h({ activeTills: 0 }))).toBe('no-tills');
  });
});
