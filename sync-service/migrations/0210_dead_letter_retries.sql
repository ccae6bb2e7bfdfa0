-- A dead letter can be retried from the HQ console once its cause is fixed: its event is checked
-- again with the current schema and, when valid, produced to the events topic again (the
-- consumer's ledger makes that idempotent). What the last retry did is kept on the letter.
ALTER TABLE dead_letters ADD COLUMN retried_at timestamptz;
ALTER TABLE dead_letters ADD COLUMN retry_outcome text;
