-- HQ console accounts, their sessions and the audit log of every change made from the console.
-- Passwords are scrypt hashes with a per-account salt, the parameters stored beside them so they
-- can be raised later without breaking old hashes. A session cookie is stored only as its sha256:
-- a database leak does not let anyone sign in. The CSRF token is not a credential by itself (it
-- is useless without the cookie), so it is kept as it is sent.
CREATE TABLE hq_accounts (
  user_id text PRIMARY KEY,
  -- Lower-cased and trimmed by the application; the index makes any case collide anyway.
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'analyst')),
  -- scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>
  password_hash text NOT NULL,
  -- Consecutive failed logins since the last success or lockout; 5 lock the account for 15 min.
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX hq_accounts_email ON hq_accounts (lower(email));

CREATE TABLE hq_sessions (
  session_hash bytea PRIMARY KEY,
  user_id text NOT NULL REFERENCES hq_accounts (user_id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Touched at most once a minute; idle expiry counts from here.
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- Absolute expiry, whatever the activity.
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX hq_sessions_user ON hq_sessions (user_id) WHERE revoked_at IS NULL;

-- Who changed what, when, with the row before and after (a summary for bulk changes such as a
-- catalog import). user_id is null for the command line and the automation token.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  before jsonb,
  after jsonb
);
