// No production folder holds test code, and nothing a till or HQ runs can carry any: the Electron
// bundles are built the way `npm run build:electron` builds them and their inputs listed; the
// installer's file list takes only those bundles and the renderer's build; every non-test file in
// a production folder is reached from an entry point (a file no entry point reaches is a test kit
// or dead); and the lint rule that keeps production code from importing test code does fire.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where production code lives; test folders inside them are excluded by isTestPath. */
const PRODUCTION_FOLDERS = [
  'electron',
  'sync-service/src',
  'shared',
  'renderer/src',
  'renderer/console',
];

/** What a till or HQ starts: the Electron bundles, browser mode, the service processes, the UIs. */
const ENTRY_POINTS = [
  'electron/main/main.ts',
  'electron/preload/preload.ts',
  'electron/core/sync/outboxRelayWorker.ts',
  'electron/core/db/walCheckpointWorker.ts',
  'electron/host/serveCli.ts',
  'sync-service/src/main.ts',
  'sync-service/src/gatewayMain.ts',
  'sync-service/src/consumerMain.ts',
  'sync-service/src/analyticsMain.ts',
  'sync-service/src/hqCli.ts',
  'renderer/src/main.tsx',
  'renderer/console/main.tsx',
];

/** A test, or a file in a test folder (electron/test, sync-service/test, build/, renderer/e2e). */
const isTestPath = (file: string): boolean =>
  /(^|\/)(test|tests|e2e)\//.test(file) || file.startsWith('build/') || /\.test\.tsx?$/.test(file);

/** Named as test support wherever it lies. */
const isTestKitName = (file: string): boolean =>
  /(TestKit|TestSupport|testSupport)\.tsx?$/.test(file);

const TEST_PACKAGES = ['vitest', 'fast-check', 'playwright-core', '@vitest'];

const sourcesUnder = (dir: string): string[] =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'dist' || name === 'dist-console') return [];
    if (statSync(path.join(root, rel)).isDirectory()) return sourcesUnder(rel);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });

/** Relative imports (static, type-only, re-exports, dynamic) of one file, resolved to files. */
const importsOf = (file: string): string[] => {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ext) => base + ext)
      .find(
        (candidate) =>
          existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile(),
      );
    return found ? [found] : [];
  });
};

const reachedFrom = (entries: readonly string[]): Set<string> => {
  const reached = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    pending.push(...importsOf(file));
  }
  return reached;
};

describe('no test code in production', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'pos-electron-inputs-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the Electron bundles are built from production files and packages only', () => {
    const inputsFile = path.join(scratch, 'inputs.json');
    const built = spawnSync(
      process.execPath,
      [
        'build/scripts/buildElectron.mjs',
        '--outdir',
        path.join(scratch, 'out'),
        '--metafile',
        inputsFile,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(built.status, built.stderr).toBe(0);
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
    expect(inputs).toContain('electron/main/main.ts');
    expect(inputs).toContain('electron/core/tillCore.ts');
    const ours = inputs.filter((input) => !input.includes('node_modules/'));
    expect(ours.filter((input) => isTestPath(input) || isTestKitName(input))).toEqual([]);
    const packages = inputs.filter((input) =>
      TEST_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)),
    );
    expect(packages).toEqual([]);
  });

  it("the installer's file list takes only the built bundles and the renderer's build", () => {
    const yml = readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8').split('\n');
    const start = yml.indexOf('files:');
    expect(start).toBeGreaterThanOrEqual(0);
    const patterns: string[] = [];
    for (const line of yml.slice(start + 1)) {
      if (/^\S/.test(line)) break; // the next top-level key
      const item = /^\s+-\s+'?([^'#]+?)'?\s*$/.exec(line);
      if (item) patterns.push(item[1]!);
    }
    const included = patterns.filter((p) => !p.startsWith('!'));
    expect(included.length).toBeGreaterThan(0);
    const stray = included.filter(
      (p) =>
        p !== 'package.json' &&
        !p.startsWith('build/out/electron/') &&
        !p.startsWith('renderer/dist/'),
    );
    expect(stray).toEqual([]);
  });

  it('every file in a production folder is production code an entry point reaches', () => {
    for (const entry of ENTRY_POINTS) expect(existsSync(path.join(root, entry)), entry).toBe(true);
    const reached = reachedFrom(ENTRY_POINTS);
    const sources = PRODUCTION_FOLDERS.flatMap(sourcesUnder).filter((file) => !isTestPath(file));
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((file) => !reached.has(file) || isTestKitName(file))).toEqual([]);
    expect([...reached].filter((file) => isTestPath(file) || isTestKitName(file))).toEqual([]);
  });

  it('lint refuses a test kit, a test folder or a test library imported by production code', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: 'build/eslint.config.js' });
    const code = [
      "import { openTestCore } from '../../test/testSupport';",
      "import { startGateway } from '../../../sync-service/test/gatewayTestKit';",
      "import fc from 'fast-check';",
      'export const unused = [openTestCore, startGateway, fc];',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, {
      filePath: path.join(root, 'electron/core/sales/checkoutService.ts'),
    });
    const refused = result!.messages.filter(
      (m) => m.ruleId === '@typescript-eslint/no-restricted-imports',
    );
    expect(refused.map((m) => m.line)).toEqual([1, 2, 3]);
  }, 120_000);
});
