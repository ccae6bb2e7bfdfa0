// What the HQ console e2e tests share: a sync service on a fresh database and topics, waiting for a state that must come, watching a page for
// errors and CSP violations, signing in to the console, ringing a planned day of sales on a till
// core, and checking that a screen fits its viewport without horizontal page scrolling.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import {
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../electron/test/sync/syncServiceProcess';
import {
  createTestDatabase,
  deleteTopics,
  uniqueTopic,
  type TestDatabase,
} from '../../build/test/serviceEnv';
import type { ClockedTill } from './clockedTill';
import type { PlannedSale } from './closedLoopPlan';

/** Polls `check` until it holds, or throws after `ms` naming what never came. */
export const until = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  ms = 60_000,
): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Page errors, and CSP violations (an inline style or script is a bug, not noise), go to `problems`. */
export const watchPage = (p: Page, who: string, problems: string[]): void => {
  p.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      problems.push(`${who}: ${m.text()}`);
  });
};

/** Opens the console at `serviceUrl` and signs in; resolves once the signed-in app is up. */
export const consoleSignIn = async (
  p: Page,
  serviceUrl: string,
  who: { email: string; password: string },
): Promise<void> => {
  await p.goto(`${serviceUrl}/console/`);
  await p.getByTestId('login-email').fill(who.email);
  await p.getByTestId('login-password').fill(who.password);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('console-app').waitFor();
};

/** Rings each planned sale at its planned time (null: now), paid in cash. */
export const ringPlanned = async (till: ClockedTill, sales: readonly PlannedSale[]) => {
  for (const s of sales) {
    till.setClock(s.at);
    const cart = await till.call('cart-open', {});
    const priced = await till.call('cart-add-item', {
      cartId: cart.id,
      code: s.product.sku,
      quantity: s.quantity,
    });
    await till.call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: priced.totals.total }],
    });
  }
  till.setClock(null);
};

// The layout checks live with the till's (layoutKit.ts); the console tests import it from here.
export { pageFitsWidth } from './layoutKit';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ConsoleService {
  database: TestDatabase;
  service: RunningSyncService;
  /** Stops the service, drops the database and deletes the topics it used. */
  stop(): Promise<void>;
}

/** Kafka and Postgres up, then the real sync service on a fresh database and unique topics. */
export const startConsoleService = async (label: string): Promise<ConsoleService> => {
  execFileSync('bash', [path.join(repoRoot, 'build/scripts/services-up.sh')], { stdio: 'inherit' });
  const database = await createTestDatabase();
  const topics = { events: uniqueTopic(`${label}.events`), dlq: uniqueTopic(`${label}.dlq`) };
  try {
    const service = await startSyncService({
      databaseUrl: database.url,
      eventsTopic: topics.events,
      dlqTopic: topics.dlq,
      consumerGroup: uniqueTopic(`${label}.group`),
      port: await freePort(),
    });
    return {
      database,
      service,
      async stop() {
        await service.stop();
        await database.drop();
        await deleteTopics([topics.events, topics.dlq]);
      },
    };
  } catch (e) {
    await database.drop();
    throw e;
  }
};
