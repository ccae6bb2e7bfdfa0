import type Database from 'better-sqlite3';
import type { Role, User } from '../../../shared/api/types';

interface UserRow {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
}

export interface StoredUser extends User {
  pinHash: string;
}

const fromRow = (r: UserRow): StoredUser => ({
  id: r.id,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  pinHash: r.pin_hash,
});

export const publicUser = (u: StoredUser): User => ({
  id: u.id,
  name: u.name,
  role: u.role,
  active: u.active,
});

export const usersRepo = (db: Database.Database) => {
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY role DESC, name');
  const activeOwners = db.prepare<[], UserRow>(
    "SELECT * FROM users WHERE role = 'owner' AND active = 1",
  );
  const insert = db.prepare(
    'INSERT INTO users (id, name, role, pin_hash, active, created_at) VALUES (@id, @name, @role, @pinHash, 1, @createdAt)',
  );
  const update = db.prepare(
    'UPDATE users SET name = @name, pin_hash = @pinHash, active = @active WHERE id = @id',
  );
  return {
    get: (id: string): StoredUser | null => {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    list: (): StoredUser[] => all.all().map(fromRow),
    activeOwners: (): StoredUser[] => activeOwners.all().map(fromRow),
    insert: (u: {
      id: string;
      name: string;
      role: Role;
      pinHash: string;
      createdAt: number;
    }): void => {
      insert.run(u);
    },
    update: (u: { id: string; name: string; pinHash: string; active: boolean }): void => {
      update.run({ ...u, active: u.active ? 1 : 0 });
    },
  };
};
export type UsersRepo = ReturnType<typeof usersRepo>;
