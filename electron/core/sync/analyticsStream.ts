// The live analytics stream while online: GET /v1/analytics/stream (server-sent events) read
// with fetch streaming. Each `analytics` message for this store triggers a conditional re-pull;
// the stream carries only "something changed", the figures still come through the ETag'd GETs,
// so a missed message costs nothing but freshness. Reconnects with jittered backoff.
import { backoffDelay, type BackoffPolicy } from './backoff';
import { joinUrl } from './gatewayClient';
import type { SyncSettings, TokenVault } from './syncSettings';

export interface SseMessage {
  event: string;
  data: string;
}

/** Splits an SSE text buffer into complete messages and the unfinished rest. */
export const parseSse = (buffer: string): { messages: SseMessage[]; rest: string } => {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) messages.push({ event, data: data.join('\n') });
  }
  return { messages, rest };
};

export interface AnalyticsStreamOptions {
  settings: SyncSettings;
  vault: TokenVault;
  log?: (message: string) => void;
  onChange: () => void;
  backoff?: BackoffPolicy;
  /** Coalesces a burst of change messages into one re-pull. */
  debounceMs?: number;
}

export class AnalyticsStream {
  private readonly opts: AnalyticsStreamOptions;
  private controller: AbortController | null = null;
  private running = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  constructor(opts: AnalyticsStreamOptions) {
    this.opts = opts;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.controller?.abort();
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const connected = await this.readOnce();
      if (!this.running) break;
      failures = connected ? 1 : failures + 1;
      await new Promise((r) =>
        setTimeout(
          r,
          backoffDelay(failures, this.opts.backoff ?? { baseMs: 1_000, maxMs: 60_000, minMs: 500 }),
        ),
      );
    }
  }

  /** One connection, read until it ends. Returns whether it ever connected. */
  private async readOnce(): Promise<boolean> {
    const identity = this.opts.settings.identity();
    const token = this.opts.vault.load();
    if (identity === null || token === null) {
      this.running = false;
      return false;
    }
    this.controller = new AbortController();
    try {
      const res = await fetch(joinUrl(identity.hqUrl, '/v1/analytics/stream'), {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal: this.controller.signal,
      });
      if (!res.ok || res.body === null) {
        await res.body?.cancel().catch(() => undefined);
        if (res.status === 401 || res.status === 403 || res.status === 404) this.running = false;
        return false;
      }
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        const { messages, rest } = parseSse(buffer);
        buffer = rest;
        for (const m of messages) this.onMessage(m, identity.storeId);
      }
      return true;
    } catch (e) {
      if (this.running)
        this.opts.log?.(`analytics stream: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    } finally {
      this.controller = null;
    }
  }

  private onMessage(m: SseMessage, storeId: string): void {
    if (m.event !== 'analytics') return;
    try {
      const change = JSON.parse(m.data) as { storeId?: unknown };
      if (change.storeId !== storeId) return;
    } catch {
      return;
    }
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (this.running) this.opts.onChange();
    }, this.opts.debounceMs ?? 250);
  }
}
