// A full or read-only database answers STORAGE_ERROR with a message a cashier can act on, leaves
// nothing half-written, and the till sells again once the disk is back. SQLite's own limits make
// the real failures without a special file system: max_page_count gives SQLITE_FULL exactly as a
// full disk does, query_only gives SQLITE_READONLY. (The tmpfs version, with ENOSPC and EROFS
// from the kernel, is build/faults/diskFull.int.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs, unmountTmpfs } from '../../test/tmpfsProbe';
import { AppFailure } from '../../../shared/result';
import { openTestCore, type TestCore } from '../../test/testSupport';
import { openTillCore } from '../tillCore';
import { storageFailureOf } from './storageFailure';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('A1', 100_00);
  await t.call('shift-open', { openingFloat: 1_000_00 });
});
afterEach(() => t.close());

const sell = async () => {
  const cart = await t.core.dispatch('cart-open', {});
  if (!cart.ok) return cart;
  const priced = await t.core.dispatch('cart-add-item', { cartId: cart.value.id, code: 'A1' });
  if (!priced.ok) return priced;
  return t.core.dispatch('cart-checkout', {
    cartId: cart.value.id,
    payments: [{ tender: 'cash', amount: priced.value.totals.total }],
  });
};

const openingError = (dir: string): unknown => {
  try {
    openTillCore({ dataDir: dir, log: () => undefined, sync: { autoStart: false } }).close();
    return null;
  } catch (e) {
    return e;
  }
};

const count = (table: string): number =>
  (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a till whose storage refuses writes', () => {
  it('answers STORAGE_ERROR on a full disk, keeps every table consistent, and sells once space is back', async () => {
    expect((await sell()).ok).toBe(true);
    const pages = (t.core.db.pragma('page_count', { simple: true }) as number) + 1;
    t.core.db.pragma(`max_page_count = ${pages}`);
    let failure = null;
    for (let i = 0; i < 500 && !failure; i++) {
      const r = await sell();
      if (!r.ok) failure = r.error;
    }
    expect(failure?.code).toBe('STORAGE_ERROR');
    expect(failure?.message).toMatch(/disk is full.*Nothing was saved/);
    expect(failure?.message).not.toMatch(/SQLITE_/);
    // A sale is all or nothing: every sale has its outbox row and no outbox row lacks its sale.
    expect(count("outbox WHERE type = 'sale'")).toBe(count('sales'));
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    t.core.db.pragma('max_page_count = 1073741823');
    expect((await sell()).ok).toBe(true);
    expect(count("outbox WHERE type = 'sale'")).toBe(count('sales'));
  });

  it('answers STORAGE_ERROR when the database turns read-only', async () => {
    const before = count('sales');
    t.core.db.pragma('query_only = ON');
    const r = await sell();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('STORAGE_ERROR');
    expect(r.error.message).toMatch(/read-only/);
    t.core.db.pragma('query_only = OFF');
    expect(count('sales')).toBe(before);
    expect((await sell()).ok).toBe(true);
  });
});

describe('opening a till on storage it cannot use', () => {
  // A read-only mount is the only honest read-only directory for root (who ignores file modes).
  const mountable = canMountTmpfs();

  it.skipIf(!mountable)(
    'refuses a read-only data folder with STORAGE_ERROR and says what to do',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'till-ro-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
      try {
        // The read-only test needs a real database there first.
        const till = await openTestCore({ dataDir: dir });
        till.close();
        await till.core.closed(); // a remount read-only needs every writer gone
        execFileSync('mount', ['-o', 'remount,ro', dir]);
        const refusal = openingError(dir);
        expect(refusal).toBeInstanceOf(AppFailure);
        expect((refusal as AppFailure).code).toBe('STORAGE_ERROR');
        expect((refusal as AppFailure).message).toMatch(/read-only.*mounted read-write/);
        // An empty read-only folder (a first start on a read-only disk) is refused the same way.
        expect((openingError(join(dir, 'never-made')) as AppFailure).code).toBe('STORAGE_ERROR');
        execFileSync('mount', ['-o', 'remount,rw', dir]);
        const again = openTillCore({ dataDir: dir, log: () => undefined });
        expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
        again.close();
        await again.closed();
      } finally {
        await unmountTmpfs(dir);
      }
    },
  );

  it('maps the kernel and SQLite refusals to one STORAGE_ERROR each', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: refused`), { code });
    for (const [code, words] of [
      ['EROFS', /read-only/],
      ['ENOSPC', /disk is full/],
      ['SQLITE_FULL', /disk is full/],
      ['SQLITE_READONLY_DBMOVED', /read-only/],
      ['SQLITE_IOERR_WRITE', /could not be read or written/],
      ['SQLITE_BUSY', /busy/],
    ] as const) {
      const failure = storageFailureOf(errno(code), 'record the sale');
      expect(failure?.code, code).toBe('STORAGE_ERROR');
      expect(failure?.message, code).toMatch(words);
      expect(failure?.message, code).toMatch(/record the sale/);
    }
    expect(storageFailureOf(new Error('plain bug'), 'x')).toBeNull();
    expect(storageFailureOf(errno('SQLITE_CONSTRAINT_UNIQUE'), 'x')).toBeNull();
    expect(storageFailureOf(new AppFailure('NOT_FOUND', 'gone'), 'x')).toBeNull();
  });
});
