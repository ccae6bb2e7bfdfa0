-- Till credentials. Neither enrollment codes nor tokens are stored in the clear: only their
-- sha256, so a database leak does not let anyone push events as a till.

-- One-time codes an HQ admin hands to a till; consumed when the till enrolls.
CREATE TABLE enrollment_codes (
  code_hash bytea PRIMARY KEY,
  till_id text NOT NULL REFERENCES tills (till_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX enrollment_codes_till ON enrollment_codes (till_id);

-- Bearer tokens of enrolled tills. Re-enrolling a till revokes its earlier tokens.
CREATE TABLE till_tokens (
  token_hash bytea PRIMARY KEY,
  till_id text NOT NULL REFERENCES tills (till_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX till_tokens_till ON till_tokens (till_id) WHERE revoked_at IS NULL;
