// Three projects: fast unit tests; integration tests against the real Kafka and PostgreSQL
// (started by build/scripts/services-up.sh from the global setup); end-to-end tests driving the
// real UI in Debian's Chromium through browser mode.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = ['**/node_modules/**', 'build/.tsbuild/**', 'build/out/**', 'build/.cache/**'];

export default defineConfig({
  test: {
    root,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['{shared,electron,renderer,sync-service,build}/**/*.test.{ts,tsx}'],
          exclude: [...common, '**/*.int.test.ts', '**/*.e2e.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Fault tests stop and restart the shared Kafka and Postgres: never beside other suites.
          sequence: { groupOrder: 1 },
          include: ['{electron,sync-service,build}/**/*.int.test.ts'],
          exclude: common,
          globalSetup: ['build/test/servicesGlobalSetup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['renderer/e2e/**/*.e2e.test.ts'],
          exclude: common,
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A UI round trip (browser → host → core → re-render) can stall past expect.poll's 1 s
          // default on a busy 2-core CI box: one did, once, in a rehearsal. Waiting longer for a
          // state that must come costs nothing when it comes at once.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
