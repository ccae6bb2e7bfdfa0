import { afterEach, describe, expect, it } from 'vitest';
import { coreContext } from './coreRegistry';
import { appendHistoryChunk } from './historyImport/historyFiles';
import { syncEngineOf } from './sync/syncHandlers';
import { openTestCore, type TestCore } from '../test/testSupport';

let t: TestCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

describe('per-core state lives in the core context', () => {
  it('holds the sync engine and history uploads as fields of the context, one set per core', async () => {
    t = await openTestCore();
    const other = await openTestCore();
    try {
      expect(t.ctx.state.sync).not.toBeNull();
      expect(syncEngineOf(t.ctx)).toBe(t.ctx.state.sync);
      expect(other.ctx.state.sync).not.toBe(t.ctx.state.sync);
      const { importId } = appendHistoryChunk(t.ctx, {
        seq: 0,
        data: Buffer.from('a').toString('base64'),
      });
      expect([...t.ctx.state.historyUploads.keys()]).toEqual([importId]);
      expect(other.ctx.state.historyUploads.size).toBe(0);
    } finally {
      other.close();
    }
  });

  it('drops what the core held when it closes', async () => {
    t = await openTestCore();
    const ctx = t.ctx;
    appendHistoryChunk(ctx, { seq: 0, data: Buffer.from('a').toString('base64') });
    ctx.state.hqConnection = {
      hqUrl: 'https://hq.example',
      session: 's',
      csrfToken: 'c',
      email: 'o@example.com',
      userId: 'u',
    };
    t.core.close();
    expect(ctx.state.sync).toBeNull();
    expect(ctx.state.hqConnection).toBeNull();
    expect(ctx.state.historyUploads.size).toBe(0);
    expect(() => coreContext(t!.core)).toThrow(/already closed/);
  });
});
