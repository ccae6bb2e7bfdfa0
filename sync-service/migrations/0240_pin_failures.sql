-- Wrong PINs typed at tills (pin_failed events, issue 11), so HQ sees a cashier guessing PINs at
-- sign-in or in an owner-approval dialog. One row per event; few rows (a till locks a subject
-- after 3 failures, with growing delays), so not partitioned. Newest first for the console.
CREATE TABLE pin_failures (
  event_id uuid PRIMARY KEY,
  store_id text NOT NULL,
  till_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  attempt text NOT NULL CHECK (attempt IN ('login', 'owner_pin')),
  user_id text,
  user_name text,
  signed_in_user_id text,
  failures integer NOT NULL,
  locked_until timestamptz
);
CREATE INDEX pin_failures_by_time ON pin_failures (occurred_at DESC, event_id);
