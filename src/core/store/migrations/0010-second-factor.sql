-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 10: the second factor (SPEC A2). A user may sign in with
-- a code from an authenticator app (TOTP, RFC 6238) after the password;
-- an administrator may require it of a user or of a group of users.

ALTER TABLE users ADD COLUMN totp_required INTEGER NOT NULL DEFAULT 0 CHECK (totp_required IN (0, 1));
ALTER TABLE teams ADD COLUMN totp_required INTEGER NOT NULL DEFAULT 0 CHECK (totp_required IN (0, 1));

-- secret is the base32 key once a first code has confirmed it; during
-- enrolment the key waits in pending_secret. last_step is the newest
-- 30-second step a code has signed in with: a code of that step or an
-- earlier one is refused, so a code works once. After five wrong codes
-- in a row codes are refused until locked_until (Unix time).
CREATE TABLE user_totp (
  user_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret         TEXT CHECK (secret IS NULL OR secret <> ''),
  confirmed_at   TEXT,
  pending_secret TEXT CHECK (pending_secret IS NULL OR pending_secret <> ''),
  pending_at     TEXT,
  last_step      INTEGER NOT NULL DEFAULT -1,
  failed_codes   INTEGER NOT NULL DEFAULT 0,
  locked_until   INTEGER NOT NULL DEFAULT 0
);

-- One-time recovery codes, only as a keyed BLAKE2b hash with a salt of
-- their own; used_at is set when one has signed in.
CREATE TABLE user_recovery_codes (
  id      INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  salt    BLOB NOT NULL CHECK (length (salt) = 16),
  hash    BLOB NOT NULL CHECK (length (hash) = 32),
  used_at TEXT
);
CREATE INDEX user_recovery_codes_user ON user_recovery_codes (user_id) WHERE used_at IS NULL;
