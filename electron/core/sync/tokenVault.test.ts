// The HQ token at rest: with a seal (Electron's safeStorage) till.sqlite never holds it in plain
// text, a plain token left by an older till is sealed on first use, and one that no longer
// opens counts as none instead of crashing the till.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreContext, openTillCore, type TillCore } from '../tillCore';
import { syncEngineOf } from './syncHandlers';
import type { TokenSeal } from './syncSettings';

const TOKEN = 'till-token-0123456789abcdef';
/** Stands in for safeStorage: reversible, and the stored text never contains the token. */
const reversing: TokenSeal = {
  encrypt: (plain) => Buffer.from([...plain].reverse().join(''), 'utf8').toString('base64'),
  decrypt: (sealed) => [...Buffer.from(sealed, 'base64').toString('utf8')].reverse().join(''),
};
const broken: TokenSeal = {
  encrypt: reversing.encrypt,
  decrypt: () => {
    throw new Error('keychain reset');
  },
};

let dir: string;
let core: TillCore | null = null;
const open = (tokenSeal?: TokenSeal): TillCore => {
  core?.close();
  core = openTillCore({
    dataDir: dir,
    log: () => {},
    sync: { autoStart: false, ...(tokenSeal ? { tokenSeal } : {}) },
  });
  return core;
};
const vaultOf = (c: TillCore) => syncEngineOf(coreContext(c))!.vault;
const storedToken = (c: TillCore): string | undefined =>
  coreContext(c)
    .db.prepare<[], { value: string }>("SELECT value FROM sync_settings WHERE key = 'token'")
    .get()?.value;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-token-vault-'));
});
afterEach(() => {
  core?.close();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the till token with a seal', () => {
  it('is never stored in plain text and reads back after a restart', () => {
    vaultOf(open(reversing)).store(TOKEN);
    expect(storedToken(core!)).toBeDefined();
    expect(storedToken(core!)).not.toContain(TOKEN);
    expect(vaultOf(open(reversing)).load()).toBe(TOKEN);
  });

  it('seals a plain token an older till left behind, the first time it is read', () => {
    vaultOf(open()).store(TOKEN);
    expect(storedToken(core!)).toBe(TOKEN);
    expect(vaultOf(open(reversing)).load()).toBe(TOKEN);
    expect(storedToken(core!)).not.toContain(TOKEN);
    expect(vaultOf(open(reversing)).load()).toBe(TOKEN);
  });

  it('counts a token that no longer unseals as none', () => {
    vaultOf(open(reversing)).store(TOKEN);
    expect(vaultOf(open(broken)).load()).toBeNull();
  });
});
