-- Per till: when the gateway last accepted a push from it (and what that push carried), so HQ can
-- see which tills have gone quiet. One row per till, upserted once per accepted push request
-- (coalesced in the gateway under load), never per event. What HQ has applied for a till is not
-- stored again here: the events ledger's (store_id, till_id, seq) index answers it.
CREATE TABLE till_sync_state (
  till_id text PRIMARY KEY REFERENCES tills (till_id),
  store_id text NOT NULL REFERENCES stores (store_id),
  last_push_at timestamptz NOT NULL,
  -- Events in that push (accepted or duplicate); pushes counts every accepted push request.
  last_push_events integer NOT NULL,
  pushes bigint NOT NULL,
  -- Highest per-till sequence and occurred_at the gateway has accepted (null: only empty pushes).
  pushed_seq bigint,
  pushed_event_at timestamptz
);
CREATE INDEX till_sync_state_store ON till_sync_state (store_id);
