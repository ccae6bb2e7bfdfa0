-- The HQ-managed catalog that flows down to tills. Every change to a product takes the next
-- value of one chain-wide version counter; a till pulls "everything with version > my cursor".
-- Writers bump the counter row under its row lock, so versions become visible in commit order
-- and a reader's cursor can never skip past a change that commits later.
CREATE TABLE catalog_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO catalog_state (singleton, version) VALUES (true, 0);

CREATE TABLE catalog_products (
  product_id text PRIMARY KEY,
  -- The full productSnapshotSchema object (shared/events/catalog.ts) as last published.
  snapshot jsonb NOT NULL,
  version bigint NOT NULL UNIQUE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
