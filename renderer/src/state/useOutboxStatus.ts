// Polls the outbox so the status strip shows whether sales are reaching HQ.
import { useEffect, useState } from 'react';
import type { OutboxStatus } from '../../../shared/api';
import { call } from '../api/client';

const POLL_MS = 10_000;
/** Screens that change the connection (enrol, disconnect) announce it so the strip is not stale. */
export const SYNC_CHANGED_EVENT = 'pos:sync-changed';
export const announceSyncChanged = (): void => {
  window.dispatchEvent(new Event(SYNC_CHANGED_EVENT));
};

/** `sessionKey` changes on login/logout, when the core starts (or stops) answering. */
export const useOutboxStatus = (sessionKey: string): OutboxStatus | null => {
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const r = await call('outbox-status', {});
      if (alive && r.ok) setStatus(r.value);
    };
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    const onChanged = () => void load();
    window.addEventListener(SYNC_CHANGED_EVENT, onChanged);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener(SYNC_CHANGED_EVENT, onChanged);
    };
  }, [sessionKey]);
  return status;
};
