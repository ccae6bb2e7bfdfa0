// Enrols the till with HQ: trades a one-time code for the HQ-assigned storeId/tillId and a
// token. The HQ ids replace the local ones everywhere a not-yet-sent fact carries them, in one
// transaction, so the warehouse never sees the provisional ids (nothing left the till before
// enrolment, and a re-enrolment re-keys only what is still pending). The core's tables change
// only through their owners' interfaces: the settings row through tillIdentityRepo, the outbox
// through outboxRepo.rekeyPending; sync_settings is this side's own.
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../shared/result';
import { enrollResponseSchema } from '../../../shared/sync/gatewayApi';
import type { OutboxForSync } from '../outbox/outboxRepo';
import type { TillIdentityRepo } from '../settings/settingsRepo';
import { callGateway, type GatewayFailure } from './gatewayClient';
import { checkHqUrl } from './hqUrlPolicy';
import type { SyncSettings, TokenVault } from './syncSettings';

export interface EnrollInput {
  url: string;
  code: string;
  /** The owner ticked "allow unencrypted": plain http:// to a host off this machine. */
  allowInsecure?: boolean;
}

export interface EnrollOutcome {
  storeId: string;
  tillId: string;
  storeName: string | null;
  storeCity: string | null;
  hqUrl: string;
  /** Pending outbox events re-keyed to the HQ ids. */
  rekeyed: number;
}

export interface EnrollDeps {
  /** For the one transaction around the enrolment's writes. */
  db: Database.Database;
  /** The core's settings row: its currency, and the ids HQ's replace. */
  till: TillIdentityRepo;
  outbox: Pick<OutboxForSync, 'rekeyPending'>;
  settings: SyncSettings;
  vault: TokenVault;
  now: () => number;
  timeoutMs?: number;
  /** Lets the core drop caches of the settings row after the ids changed. */
  onIdentityChanged?: () => void;
}

const failureMessage = (f: GatewayFailure): string => {
  switch (f.kind) {
    case 'retry':
      return `The sync service could not be reached: ${f.reason}`;
    case 'unauthorized':
      return 'The enrolment code was refused. Ask HQ for a new code.';
    case 'forbidden':
    case 'too-large':
      return 'The sync service refused the request.';
    case 'refused':
      return `The sync service refused the enrolment: ${f.reason}`;
  }
};

export const enrollTill = async (
  deps: EnrollDeps,
  input: EnrollInput,
): Promise<Result<EnrollOutcome>> => {
  const checked = checkHqUrl(input.url, input.allowInsecure === true);
  if (!checked.ok) return checked;
  const hqUrl = checked.value;
  const code = input.code.trim();
  if (code === '') return err('VALIDATION', 'Enter the one-time enrolment code from HQ.');

  const answer = await callGateway(
    {
      baseUrl: hqUrl,
      path: '/v1/enroll',
      method: 'POST',
      body: JSON.stringify({ code }),
      timeoutMs: deps.timeoutMs ?? 15_000,
    },
    (body) => {
      const parsed = enrollResponseSchema.safeParse(body);
      return parsed.success ? parsed.data : null;
    },
  );
  if (answer.kind === 'not-modified')
    return err('SYNC_ERROR', 'Unexpected answer from the sync service.');
  if (answer.kind !== 'ok') {
    const codeForUi =
      answer.kind === 'retry'
        ? 'SYNC_ERROR'
        : answer.kind === 'unauthorized'
          ? 'UNAUTHENTICATED'
          : 'VALIDATION';
    return err(codeForUi, failureMessage(answer));
  }
  const hq = answer.value;
  const localCurrency = deps.till.get()?.currency ?? null;
  if (localCurrency !== null && hq.store.currency !== localCurrency) {
    return err(
      'CONFLICT',
      `HQ's store trades in ${hq.store.currency} but this till in ${localCurrency}; the till was not enrolled.`,
    );
  }

  const rekeyed = applyEnrolment(deps, {
    hqUrl,
    storeId: hq.storeId,
    tillId: hq.tillId,
    token: hq.token,
    storeName: hq.store.name,
    storeCity: hq.store.city,
  });
  deps.onIdentityChanged?.();
  return ok({
    storeId: hq.storeId,
    tillId: hq.tillId,
    storeName: hq.store.name,
    storeCity: hq.store.city,
    hqUrl,
    rekeyed,
  });
};

/** One transaction: settings, token, the core's store/till ids and every pending body. */
export const applyEnrolment = (
  deps: Pick<EnrollDeps, 'db' | 'till' | 'outbox' | 'settings' | 'vault' | 'now'>,
  ids: {
    hqUrl: string;
    storeId: string;
    tillId: string;
    token: string;
    storeName?: string;
    storeCity?: string;
  },
): number => {
  const { db, settings, vault } = deps;
  return db.transaction(() => {
    settings.set('hq_url', ids.hqUrl);
    settings.set('enrolled_at', String(deps.now()));
    settings.set('store_name', ids.storeName ?? '');
    settings.set('store_city', ids.storeCity ?? '');
    settings.remove('needs_reenrolment');
    // A new identity may mean a different HQ catalog: pull it from the start (idempotent).
    settings.remove('catalog_cursor');
    vault.store(ids.token);
    deps.till.adopt(ids.storeId, ids.tillId);
    return deps.outbox.rekeyPending(ids.storeId, ids.tillId);
  })();
};
