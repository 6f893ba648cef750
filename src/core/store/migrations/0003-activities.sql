-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 3: activities (SPEC D1–D20, E3).

-- The lists of SPEC D3 and the goals and priorities, in one table.
-- term_set: 0 category, 1 kind, 2 type, 3 property, 4 goal, 5 priority.
-- A shipped entry has its English name in "builtin" and no "name" until an
-- administrator renames it, so that every user reads it in their own
-- language.
CREATE TABLE activity_terms (
  id           INTEGER PRIMARY KEY,
  term_set     INTEGER NOT NULL CHECK (term_set BETWEEN 0 AND 5),
  name         TEXT CHECK (name IS NULL OR trim (name) <> ''),
  builtin      TEXT,
  position     INTEGER NOT NULL DEFAULT 0,
  -- categories only: the kind and type they set, whether the user may
  -- change them, and whether they count towards sales targets (D20)
  kind_id      INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  type_id      INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  allow_choice INTEGER NOT NULL DEFAULT 0,
  sales_target INTEGER NOT NULL DEFAULT 0,
  CHECK (name IS NOT NULL OR builtin IS NOT NULL)
);
CREATE INDEX activity_terms_by_set ON activity_terms (term_set, position, id);

INSERT INTO activity_terms (id, term_set, builtin, position) VALUES
  (1, 1, 'Events', 0), (2, 1, 'Sales', 1), (3, 1, 'Marketing', 2),
  (11, 2, 'CRM events', 0), (12, 2, 'Leads', 1), (13, 2, 'Sales actions', 2),
  (14, 2, 'Customer visits', 3),
  (21, 3, 'Customer feedback', 0), (22, 3, 'Commercial', 1), (23, 3, 'Advice', 2),
  (41, 4, 'Arrange a meeting', 0), (42, 4, 'Make an offer', 1),
  (43, 4, 'Close the sale', 2), (44, 4, 'Get feedback', 3),
  (51, 5, 'Low', 0), (52, 5, 'Normal', 1), (53, 5, 'High', 2);
INSERT INTO activity_terms (id, term_set, builtin, position, kind_id, type_id, allow_choice, sales_target) VALUES
  (31, 0, 'CRM event', 0, 1, 11, 1, 0),
  (32, 0, 'Lead', 1, 2, 12, 0, 1),
  (33, 0, 'Sales action', 2, 2, 13, 0, 1),
  (34, 0, 'Customer visit', 3, 2, 14, 0, 1),
  (35, 0, 'Phone call', 4, 1, 11, 1, 0),
  (36, 0, 'E-mail', 5, 1, 11, 1, 0),
  (37, 0, 'Meeting', 6, 1, 11, 1, 0);

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

-- Times: start_local/end_local are wall-clock times ('YYYY-MM-DDTHH:MM:SS')
-- in the time zone tzid; start_utc/end_utc ('YYYY-MM-DDTHH:MM:SSZ') are the
-- first occurrence, and series_end_utc the end of the last one (NULL while
-- a recurrence has no end). Range queries use the UTC columns; recurrences
-- (rrule, RFC 5545) are expanded from the local times, only within the range
-- being read. Open-ended activities (D4) have no times.
-- status: 0 planned, 1 completed, 2 cancelled; outcome: 0 none, 1 success,
-- 2 failure; direction: 0 none, 1 inbound, 2 outbound; visibility as notes.
CREATE TABLE activities (
  id               INTEGER PRIMARY KEY,
  tracking         TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL CHECK (trim (title) <> ''),
  category_id      INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  kind_id          INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  type_id          INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  priority_id      INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  goal_id          INTEGER REFERENCES activity_terms (id) ON DELETE SET NULL,
  status           INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),
  outcome          INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 2),
  direction        INTEGER NOT NULL DEFAULT 0 CHECK (direction BETWEEN 0 AND 2),
  company_id       INTEGER REFERENCES companies (id) ON DELETE CASCADE,
  project_id       INTEGER,
  reference        TEXT,
  link             TEXT,
  assigner_id      INTEGER NOT NULL REFERENCES users (id),
  responsible_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  follow_up        TEXT CHECK (follow_up IS NULL OR follow_up GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  description      TEXT,
  details          TEXT,
  internal_notes   TEXT,
  open_ended       INTEGER NOT NULL DEFAULT 0,
  all_day          INTEGER NOT NULL DEFAULT 0,
  tzid             TEXT NOT NULL DEFAULT 'UTC',
  start_local      TEXT,
  end_local        TEXT,
  start_utc        TEXT,
  end_utc          TEXT,
  rrule            TEXT,
  series_end_utc   TEXT,
  busy             INTEGER NOT NULL DEFAULT 0,
  public           INTEGER NOT NULL DEFAULT 0,
  needs_completing INTEGER NOT NULL DEFAULT 0,
  visibility       INTEGER NOT NULL DEFAULT 0 CHECK (visibility BETWEEN 0 AND 2),
  completed_at     TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted          INTEGER NOT NULL DEFAULT 0,
  CHECK (open_ended = 1 OR (start_utc IS NOT NULL AND end_utc IS NOT NULL AND end_utc >= start_utc)),
  CHECK (rrule IS NULL OR open_ended = 0),
  CHECK (status = 1 OR outcome = 0)
);
CREATE INDEX activities_by_start ON activities (start_utc) WHERE deleted = 0 AND rrule IS NULL;
CREATE INDEX activities_recurring ON activities (series_end_utc) WHERE deleted = 0 AND rrule IS NOT NULL;
CREATE INDEX activities_open_ended ON activities (status) WHERE deleted = 0 AND open_ended = 1;
CREATE INDEX activities_by_company ON activities (company_id, start_utc) WHERE company_id IS NOT NULL;
CREATE INDEX activities_by_responsible ON activities (responsible_id) WHERE responsible_id IS NOT NULL;
CREATE INDEX activities_deleted ON activities (id) WHERE deleted = 1;
CREATE INDEX activities_to_complete ON activities (id) WHERE needs_completing = 1 AND deleted = 0;
CREATE INDEX activities_public ON activities (start_utc) WHERE public = 1 AND deleted = 0;
CREATE INDEX activities_by_length ON activities ((julianday (end_utc) - julianday (start_utc))) WHERE deleted = 0 AND rrule IS NULL;

-- Check-box properties (D3)
CREATE TABLE activity_property_values (
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  term_id     INTEGER NOT NULL REFERENCES activity_terms (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, term_id)
) WITHOUT ROWID;

-- Contact persons (D1); an activity on a person without a company has the
-- person here and no company.
CREATE TABLE activity_people (
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, person_id)
) WITHOUT ROWID;
CREATE INDEX activity_people_person ON activity_people (person_id);

-- Performers (D7)
CREATE TABLE activity_performers (
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, user_id)
) WITHOUT ROWID;
CREATE INDEX activity_performers_user ON activity_performers (user_id, activity_id);

-- Groups of an activity restricted to chosen groups (E1)
CREATE TABLE activity_teams (
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, team_id)
) WITHOUT ROWID;

-- One occurrence of a recurring activity moved, completed or cancelled on
-- its own (D6). recurrence_id is the UTC start the rule gives it.
CREATE TABLE activity_exceptions (
  activity_id   INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  recurrence_id TEXT NOT NULL,
  start_utc     TEXT NOT NULL,
  end_utc       TEXT NOT NULL,
  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),
  outcome       INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 2),
  PRIMARY KEY (activity_id, recurrence_id)
) WITHOUT ROWID;

-- Discussion (D10)
CREATE TABLE activity_messages (
  id          INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  author_id   INTEGER NOT NULL REFERENCES users (id),
  body        TEXT NOT NULL CHECK (trim (body) <> ''),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX activity_messages_by_activity ON activity_messages (activity_id, id);

-- Reminders (D11): minutes before the start; channel 0 in the app and on
-- the desktop, 1 e-mail, 2 SMS.
CREATE TABLE activity_reminders (
  id             INTEGER PRIMARY KEY,
  activity_id    INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  minutes_before INTEGER NOT NULL CHECK (minutes_before >= 0),
  channel        INTEGER NOT NULL DEFAULT 0 CHECK (channel BETWEEN 0 AND 2),
  UNIQUE (activity_id, minutes_before, channel)
);

-- The notification list: one row per reminder, occurrence and user.
CREATE TABLE notifications (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  activity_id    INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  reminder_id    INTEGER REFERENCES activity_reminders (id) ON DELETE SET NULL,
  occurrence_utc TEXT NOT NULL,
  fire_at        TEXT NOT NULL,
  is_read        INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (user_id, reminder_id, occurrence_utc)
);
CREATE INDEX notifications_by_user ON notifications (user_id, is_read, fire_at);

-- Stopwatch sessions (D8); a running one has no stop time, so it survives
-- closing the app.
CREATE TABLE activity_timers (
  id          INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  started_at  TEXT NOT NULL,
  stopped_at  TEXT,
  CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
CREATE INDEX activity_timers_by_activity ON activity_timers (activity_id);
CREATE INDEX activity_timers_by_start ON activity_timers (started_at);
CREATE UNIQUE INDEX activity_timers_running ON activity_timers (user_id) WHERE stopped_at IS NULL;

-- Files and links (D12); files are kept in the database with their hash.
CREATE TABLE activity_attachments (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  is_file      INTEGER NOT NULL,
  title        TEXT NOT NULL CHECK (trim (title) <> ''),
  url          TEXT,
  content_type TEXT,
  data         BLOB,
  sha256       TEXT,
  added_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((is_file = 1 AND data IS NOT NULL AND sha256 IS NOT NULL) OR (is_file = 0 AND url IS NOT NULL))
);
CREATE INDEX activity_attachments_by_activity ON activity_attachments (activity_id);

-- Sales targets (D20): period 0 a week, 1 a month.
CREATE TABLE sales_targets (
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES activity_terms (id) ON DELETE CASCADE,
  period      INTEGER NOT NULL CHECK (period IN (0, 1)),
  target      INTEGER NOT NULL CHECK (target > 0),
  PRIMARY KEY (user_id, category_id)
) WITHOUT ROWID;

-- The search index's rowid becomes id * 8 + kind, to make room for
-- activities (kind 4).
CREATE TEMP TABLE search_rows AS SELECT rowid AS r, title, body FROM search_index;
DELETE FROM search_index;
INSERT INTO search_index (rowid, title, body)
  SELECT (r >> 2) * 8 + (r & 3), title, body FROM search_rows;
DROP TABLE temp.search_rows;
