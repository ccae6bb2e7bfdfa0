// One lint config for the whole repository. The boundary rules are the point: they keep the
// renderer away from Node/Electron, shared/ runtime-neutral, and the till core electron-free.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'build/.tsbuild/**',
      'build/out/**',
      'build/.cache/**',
      'build/output/**',
      'renderer/dist/**',
      'renderer/dist-console/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname + '/..' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Test code lives in test folders (electron/test, sync-service/test, build/, renderer/e2e) and
    // in *.test.ts files; production code never imports it, so no bundle or installer carries it
    // (build/test/productionHoldsNoTestCode.test.ts checks the bundles and the tree). A rule of its
    // own name, so the boundary rules below (no-restricted-imports) still apply beside it.
    files: [
      'electron/**/*.ts',
      'sync-service/src/**/*.ts',
      'shared/**/*.ts',
      'renderer/src/**/*.{ts,tsx}',
      'renderer/console/**/*.{ts,tsx}',
    ],
    ignores: ['electron/test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['vitest', 'fast-check', 'playwright-core'].map((name) => ({
            name,
            message: 'Test libraries belong to tests and test folders, not production code.',
          })),
          patterns: [
            {
              group: [
                '**/test/**',
                '**/e2e/**',
                '**/build/**',
                '**/*TestKit',
                '**/*TestSupport',
                '**/testSupport',
                '**/*.test',
              ],
              message:
                'Production code does not import test code (test folders, test kits, *.test files).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'shared/ must stay runtime-neutral: no Node, Electron or DOM APIs.',
          })),
          patterns: [
            {
              group: ['../electron/*', '../renderer/*', '../sync-service/*', '../build/*'],
              message: 'shared/ imports only itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'renderer/src/**/*.ts',
      'renderer/src/**/*.tsx',
      'renderer/console/**/*.ts',
      'renderer/console/**/*.tsx',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kafkajs', 'pg', 'fastify'].map(
            (name) => ({
              name,
              message: 'The renderer imports only shared/ and itself (it runs sandboxed).',
            }),
          ),
          patterns: [
            {
              group: ['**/electron/**', '**/sync-service/**', '**/build/**'],
              message: 'The renderer imports only shared/ and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The till core is plain Node: no electron import.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/sync-service/**', '../main/*', '../preload/*'],
              message: 'The till core depends only on shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sale fact has one writer: sales, sale_lines and payments are inserted only by
    // electron/core/sales/saleFact.ts, through its private repository.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/sales/saleFact.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='saleFacts']",
          message: 'Sales are recorded only by recordSaleFact (electron/core/sales/saleFact.ts).',
        },
      ],
    },
  },
  {
    files: ['sync-service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The sync service never imports electron.' }],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'The sync service depends only on shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The desktop shell and browser mode are two hosts of the same till: what both serve lives in
    // electron/shell, so neither imports the other (they used to import each other in a cycle).
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/host/*', '**/host'],
              message:
                'electron/main does not import browser mode (electron/host); use electron/shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/*', '**/main'],
              message:
                'Browser mode does not import the Electron main process; use electron/shell.',
            },
          ],
        },
      ],
    },
  },
);
