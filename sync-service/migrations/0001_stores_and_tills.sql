-- HQ's registry of stores and their tills. These are also the warehouse's store and till
-- dimensions: facts carry store_id / till_id and join here for name, city, region, country,
-- currency and the time zone that reporting days are computed in.
CREATE TABLE stores (
  store_id text PRIMARY KEY CHECK (store_id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  city text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  -- ISO 4217; all money of this store is integer minor units of this currency.
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- IANA zone name, e.g. Europe/Berlin.
  time_zone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Till ids are unique across the chain (an event's tillId alone names its till); the
-- (store_id, till_id) pair is unique too so facts can join on both.
CREATE TABLE tills (
  till_id text PRIMARY KEY CHECK (till_id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  store_id text NOT NULL REFERENCES stores (store_id),
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set when the till exchanged its enrollment code for a token.
  enrolled_at timestamptz,
  UNIQUE (store_id, till_id)
);
CREATE INDEX tills_store ON tills (store_id);
