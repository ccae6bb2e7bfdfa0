// One owner per table (issue 13): the sync side reaches the core's tables only through the core's
// repositories (settings row, outbox, catalog, analytics cache), and writes SQL only for its own
// tables. Read from the source, so a new statement in the wrong place fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(__dirname, '..');
const SYNC_TABLES = ['sync_settings', 'hq_products'];

/** Production source: no tests, no migration DDL. */
const productionFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : productionFiles(path);
    // Test kits live in electron/test (productionHoldsNoTestCode.test.ts): here only tests are skipped.
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return [];
    return [path];
  });

const READ_OR_WRITE = /\b(?:FROM|INTO|UPDATE|JOIN)\s+([a-z_][a-z0-9_]*)/g;
const WRITE = /\b(?:INTO|UPDATE)\s+([a-z_][a-z0-9_]*)/g;

const tablesNamedIn = (path: string, pattern = READ_OR_WRITE): string[] => {
  const text = readFileSync(path, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return [...found];
};

const filesNaming = (table: string, pattern = READ_OR_WRITE): string[] =>
  productionFiles(CORE)
    .filter((f) => tablesNamedIn(f, pattern).includes(table))
    .map((f) => relative(CORE, f))
    .sort();

describe('table ownership', () => {
  it('sync/ writes SQL only for its own tables', () => {
    const foreign = productionFiles(join(CORE, 'sync')).flatMap((f) =>
      tablesNamedIn(f)
        .filter((t) => !SYNC_TABLES.includes(t))
        .map((t) => `${relative(CORE, f)}: ${t}`),
    );
    expect(foreign).toEqual([]);
  });

  it('analytics_cache has one owner, prepared once with the core repos', () => {
    expect(filesNaming('analytics_cache')).toEqual(['analytics/analyticsCacheRepo.ts']);
  });

  it('the outbox table is read and written only by the outbox domain', () => {
    expect(filesNaming('outbox').every((f) => f.startsWith('outbox/'))).toBe(true);
  });

  it('the store/till ids are written only by the settings domain', () => {
    expect(filesNaming('settings', WRITE)).toEqual(['settings/settingsRepo.ts']);
  });

  it('every table is written by one domain (products.on_hand: the stock ledger’s cache)', () => {
    const WRITES =
      /\b(?:INSERT(?: OR \w+)? INTO|REPLACE INTO|UPDATE|DELETE FROM)\s+([a-z_][a-z0-9_]*)/g;
    const writers = new Map<string, Set<string>>();
    for (const file of productionFiles(CORE)) {
      const domain = relative(CORE, file).split('/')[0]!;
      for (const table of tablesNamedIn(file, WRITES)) {
        if (!writers.has(table)) writers.set(table, new Set());
        writers.get(table)!.add(domain);
      }
    }
    const shared = [...writers]
      .filter(([, domains]) => domains.size > 1)
      .map(([table, domains]) => `${table}: ${[...domains].sort().join(', ')}`);
    expect(shared).toEqual(['products: catalog, stock']);
  });
});
