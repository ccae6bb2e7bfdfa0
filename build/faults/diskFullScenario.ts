// A till whose disk fills up, then whose data directory turns read-only: every sale attempted
// meanwhile must fail with a clear STORAGE_ERROR, the database must stay intact
// (PRAGMA integrity_check), and once space is back the till sells again and everything it
// committed reaches the warehouse exactly once. The data dir is a small tmpfs mounted for the
// test (root only); filling it with a ballast file is the "disk full".
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hqAdmin } from '../simulator/hqAdmin';
import { readTillLedger } from '../simulator/tillLedger';
import { openTillCore, type TillCore } from '../../electron/core/tillCore';
import { AppFailure } from '../../shared/result';
import { lastDeadLetterId, verifyChain, warehouseCount } from './chainInvariants';
import { sleep, type ScenarioResult } from './chainScenario';
import { ADMIN_TOKEN, type FaultEnvironment } from './faultEnvironment';

import { unmountTmpfs } from '../../electron/test/tmpfsProbe';

export { canMountTmpfs } from '../../electron/test/tmpfsProbe';

/** Writes zeros until the file system says ENOSPC. */
const fillDisk = (path: string): void => {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
};

const sell = async (core: TillCore): Promise<{ ok: boolean; code?: string; message?: string }> => {
  const cart = await core.dispatch('cart-open', {});
  if (!cart.ok) return { ok: false, code: cart.error.code, message: cart.error.message };
  const priced = await core.dispatch('cart-add-item', {
    cartId: cart.value.id,
    code: 'TEA1',
    quantity: 1,
  });
  if (!priced.ok) return { ok: false, code: priced.error.code, message: priced.error.message };
  const paid = await core.dispatch('cart-checkout', {
    cartId: cart.value.id,
    payments: [{ tender: 'cash', amount: priced.value.totals.total }],
  });
  return paid.ok ? { ok: true } : { ok: false, code: paid.error.code, message: paid.error.message };
};

const integrity = (core: TillCore): string =>
  (core.db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join(', ');

export const runDiskFullScenario = async (world: FaultEnvironment): Promise<ScenarioResult> => {
  const scenario = 'till disk full / read-only';
  const violations: string[] = [];
  const deadLettersBefore = await lastDeadLetterId(world.pool);
  const dir = mkdtempSync(join(tmpdir(), 'pos-diskfull-'));
  // Room for the till's WAL as well as its database: this scenario runs faster than the
  // checkpoint worker's timer (walCheckpointer.ts), so its WAL reaches 4-6 MB, and at 6 MB the
  // till's own WAL filled the disk again once the ballast was gone (the reopen after the read-only
  // phase failed, once the outbox gained an index). The ballast fills whatever is left, so the
  // size changes nothing else.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
  const ballast = join(dir, 'ballast');
  let core: TillCore | null = null;
  try {
    const admin = hqAdmin(world.url, ADMIN_TOKEN);
    const store = await admin.createStore({
      name: 'Full Disk Traders',
      city: 'Pune',
      region: 'West',
    });
    const till = await admin.createTill(store.storeId, 'Till 1');
    const open = () =>
      openTillCore({
        dataDir: dir,
        log: () => undefined,
        sync: { relay: { backoff: { baseMs: 200, maxMs: 1_000, minMs: 50 }, idlePollMs: 500 } },
      });
    core = open();
    const must = async (method: Parameters<TillCore['dispatch']>[0], input: unknown) => {
      const r = await core!.dispatch(method, input as never);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    };
    await must('setup-init', {
      storeName: store.name,
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Owner',
      ownerPin: '123456',
      demo: false,
    });
    await must('catalog-upsert', {
      product: {
        sku: 'TEA1',
        barcodes: ['890TEA1'],
        name: 'Masala tea',
        category: 'Drinks',
        subCategory: 'Tea',
        unitPrice: 40_00,
        taxRateBp: 500,
        reorderLevel: 5,
        leadTimeDays: 3,
        active: true,
      },
    });
    await must('sync-enroll', { url: world.url, code: till.enrollmentCode });
    await must('shift-open', { openingFloat: 1_000_00 });
    for (let i = 0; i < 40; i++)
      if (!(await sell(core)).ok) violations.push('a sale failed with space free');

    // Disk full: sales must fail cleanly, with nothing half-written.
    fillDisk(ballast);
    let failure: { code?: string; message?: string } | null = null;
    let soldWhileFull = 0;
    for (let i = 0; i < 2_000 && !failure; i++) {
      const r = await sell(core);
      if (r.ok) soldWhileFull++;
      else failure = r;
    }
    if (failure?.code !== 'STORAGE_ERROR' || !/disk is full/.test(failure.message ?? ''))
      violations.push(
        `disk full: expected STORAGE_ERROR, got ${failure ? `${failure.code}: ${failure.message}` : `${soldWhileFull} sales`}`,
      );
    if (integrity(core) !== 'ok')
      violations.push(`disk full: integrity_check says ${integrity(core)}`);

    unlinkSync(ballast); // space returns
    for (let i = 0; i < 20; i++) {
      const r = await sell(core);
      if (!r.ok) violations.push(`after space returned: ${r.code}: ${r.message}`);
    }

    // Read-only data dir (the till restarts on a disk remounted read-only): a clear refusal,
    // either at open or as STORAGE_ERROR on the first sale, never a crash or a half-write.
    core.close();
    await core.closed();
    core = null;
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      const roCore = open();
      const ro = await sell(roCore);
      console.log(
        `read-only data dir: the till opened; a sale answered ${ro.ok ? 'ok' : `${ro.code}: ${ro.message}`}`,
      );
      roCore.close();
      if (ro.ok || ro.code !== 'STORAGE_ERROR')
        violations.push(
          `read-only: expected STORAGE_ERROR, got ${ro.ok ? 'a sale' : `${ro.code}: ${ro.message}`}`,
        );
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const code = e instanceof AppFailure ? e.code : 'a raw error';
      console.log(`read-only data dir: opening the till refused: ${code}: ${message}`);
      if (code !== 'STORAGE_ERROR' || !/read-only/.test(message))
        violations.push(`read-only: opening the till failed unclearly: ${code}: ${message}`);
    }
    execFileSync('mount', ['-o', 'remount,rw', dir]);
    core = open();
    const users = await core.dispatch('users-list', {});
    const owner = users.ok ? users.value.find((u) => u.role === 'owner') : undefined;
    if (!owner) throw new Error('the reopened till lists no owner');
    await must('auth-login', { userId: owner.id, pin: '123456' });
    const healedAt = performance.now();
    for (let i = 0; i < 20; i++) {
      const r = await sell(core);
      if (!r.ok) violations.push(`after read-write again: ${r.code}: ${r.message}`);
    }
    if (integrity(core) !== 'ok')
      violations.push(`after recovery: integrity_check says ${integrity(core)}`);

    const deadline = Date.now() + 120_000;
    const pendingNow = () =>
      (
        core!.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as {
          n: number;
        }
      ).n;
    while (pendingNow() > 0 && Date.now() < deadline) await sleep(100);
    core.close();
    await core.closed();
    core = null;
    const ledger = readTillLedger('diskfull', dir);
    while (
      (await warehouseCount(world.pool, [ledger.storeId])) < ledger.eventIds.length &&
      Date.now() < deadline
    )
      await sleep(100);
    const recoveryMs = Math.round(performance.now() - healedAt);
    await sleep(1_000);
    const verdict = await verifyChain(world.pool, [ledger], {
      afterId: deadLettersBefore,
      planted: 0,
    });
    return { scenario, recoveryMs, ...verdict, violations: [...violations, ...verdict.violations] };
  } finally {
    core?.close();
    await core?.closed();
    await unmountTmpfs(dir);
  }
};
