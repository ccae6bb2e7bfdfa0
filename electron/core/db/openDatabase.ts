// Opens the till database with the durability settings sales need: WAL so readers never block
// the till, synchronous=FULL so a committed sale survives a power cut, foreign keys enforced.
import Database from 'better-sqlite3';
import { join } from 'node:path';

export const DATABASE_FILE = 'till.sqlite';

export const openDatabase = (dataDir: string): Database.Database => {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
};
