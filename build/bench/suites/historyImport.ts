// History import at scale: writes a CSV of N rows (default 1,000,000; ~2.5 rows per order, 1 in
// 40 orders a return) into a fresh till's import folder, imports it through the real background
// pass, then imports it again. Reports time, rows/s and peak RSS (sampled every 100 ms), which must
// stay flat because the file is streamed. Options: --rows <n>, --products <n>.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newHistoryFile } from '../../../electron/core/historyImport/historyFiles';
import { newStatus, runHistoryPass } from '../../../electron/core/historyImport/historyImportJob';
import { coreContext, openTillCore } from '../../../electron/core/tillCore';
import { MAPPING } from '../../../electron/test/historyImport/historyImportTestKit';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const writeCsv = async (file: string, rows: number, products: number): Promise<number> => {
  const out = createWriteStream(file);
  out.write('order_id,date,sku,qty,unit_price,type,customer\n');
  const start = Date.UTC(2022, 0, 1);
  let order = 0;
  for (let written = 0; written < rows; order++) {
    const lines = Math.min(rows - written, 1 + (order % 4));
    const day = new Date(start + Math.floor((order / (rows / 2.5)) * 3 * 365) * 86_400_000);
    const date = `${day.toISOString().slice(0, 10)} ${String(10 + (order % 10)).padStart(2, '0')}:${String(order % 60).padStart(2, '0')}`;
    const type = order % 40 === 39 ? 'return' : 'order';
    for (let l = 0; l < lines; l++, written++) {
      const p = (order * 7 + l * 13) % products;
      if (
        !out.write(
          `O-${order},${date},SKU-${p},${1 + (l % 2)},${100 + (p % 50)}.00,${type},Customer ${order % 997}\n`,
        )
      )
        await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return order;
};

export default async function historyImport(args: string[]): Promise<Record<string, unknown>> {
  const rows = Number(arg(args, 'rows', '1000000'));
  const productCount = Number(arg(args, 'products', '500'));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-history-'));
  const core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const init = await core.dispatch('setup-init', {
      storeName: 'Bench',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Owner',
      ownerPin: '123456',
      demo: false,
    });
    if (!init.ok) throw new Error(init.error.message);
    for (let p = 0; p < productCount; p++) {
      const r = await core.dispatch('catalog-upsert', {
        product: {
          sku: `SKU-${p}`,
          barcodes: [],
          name: `Product ${p}`,
          category: `Cat ${p % 12}`,
          subCategory: '',
          unitPrice: 10_000,
          taxRateBp: 500,
          reorderLevel: 0,
          leadTimeDays: 0,
          active: true,
        },
      });
      if (!r.ok) throw new Error(r.error.message);
    }
    const ctx = coreContext(core);
    const user = ctx.repos.users.get(ctx.session.userId!)!;
    const { importId, path: file } = newHistoryFile(ctx);
    let t0 = performance.now();
    const orders = await writeCsv(file, rows, productCount);
    const writeMs = performance.now() - t0;
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;

    const first = newStatus(importId, 0);
    t0 = performance.now();
    let lastPrint = 0;
    const progress = setInterval(() => {
      if (first.rowsDone - lastPrint >= 100_000) {
        lastPrint = first.rowsDone;
        console.error(`  ${first.rowsDone} rows, ${Math.round(first.bytesDone / 1e6)} MB read`);
      }
    }, 1000);
    await runHistoryPass(ctx, first, { mode: 'import', mapping: MAPPING, user });
    clearInterval(progress);
    const importMs = performance.now() - t0;
    if (first.phase !== 'done') throw new Error(`import ${first.phase}: ${first.message}`);
    const firstPeak = peakRss;

    const second = newStatus(importId, 0);
    t0 = performance.now();
    await runHistoryPass(ctx, second, { mode: 'import', mapping: MAPPING, user });
    const reimportMs = performance.now() - t0;
    const outboxRows = (ctx.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number })
      .n;
    return {
      rows,
      orders,
      fileMB: Math.round(first.bytesTotal / 1e5) / 10,
      writeCsvS: Math.round(writeMs / 100) / 10,
      importS: Math.round(importMs / 100) / 10,
      rowsPerS: Math.round(rows / (importMs / 1000)),
      sales: first.sales,
      returns: first.returns,
      errors: first.errorCount,
      rssBeforeMB: Math.round(rssBefore / 1e6),
      peakRssImportMB: Math.round(firstPeak / 1e6),
      reimportS: Math.round(reimportMs / 100) / 10,
      reimportAdded: second.sales + second.returns,
      reimportAlready: second.alreadyImported,
      peakRssMB: Math.round(peakRss / 1e6),
      outboxRows,
    };
  } finally {
    clearInterval(sampler);
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
