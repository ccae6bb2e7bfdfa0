// The ordered list of schema migrations. Append only: a shipped migration is never edited, and a
// new one is numbered above the last (the runner refuses one below the newest a till has applied).
import type Database from 'better-sqlite3';
import { up as initial } from './0010_initial';
import { up as saleLinesByProduct } from './0020_sale_lines_by_product';
import { up as sync } from './0500_sync';
import { up as counterIntegrity } from './0510_counter_integrity';
import { up as voidsAndHandover } from './0520_voids_and_handover';
import { up as idleLock } from './0530_idle_lock';
import { up as oneTillIdentity } from './0540_one_till_identity';
import { up as outboxByStatusType } from './0550_outbox_by_status_type';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial },
  { version: 20, name: 'sale_lines_by_product', up: saleLinesByProduct },
  { version: 500, name: 'sync', up: sync },
  { version: 510, name: 'counter_integrity', up: counterIntegrity },
  { version: 520, name: 'voids_and_handover', up: voidsAndHandover },
  { version: 530, name: 'idle_lock', up: idleLock },
  { version: 540, name: 'one_till_identity', up: oneTillIdentity },
  { version: 550, name: 'outbox_by_status_type', up: outboxByStatusType },
];
