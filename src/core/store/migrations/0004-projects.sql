-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 4: projects and sales projects, their teams and tasks, the
-- project-team visibility and the record of visibility changes (SPEC H1–H4,
-- E1, E2, E4, J1). Runs with foreign keys off, so that notes and
-- activities can be rebuilt in place; the store checks the keys before it
-- commits.

-- Sales stages (H1): configurable. outcome: 0 open, 1 won, 2 lost. A
-- shipped stage has its English name in "builtin" until renamed, as the
-- activity terms do. probability is the default a sale takes when it
-- moves to the stage.
CREATE TABLE sale_stages (
  id          INTEGER PRIMARY KEY,
  name        TEXT CHECK (name IS NULL OR trim (name) <> ''),
  builtin     TEXT,
  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  outcome     INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 2),
  position    INTEGER NOT NULL DEFAULT 0,
  CHECK (name IS NOT NULL OR builtin IS NOT NULL)
);
INSERT INTO sale_stages (id, builtin, probability, outcome, position) VALUES
  (1, 'Lead', 10, 0, 0),
  (2, 'Offer', 40, 0, 1),
  (3, 'Negotiation', 70, 0, 2),
  (4, 'Won', 100, 1, 3),
  (5, 'Lost', 0, 2, 4);

-- Products and product groups (H1), kept by administrators.
CREATE TABLE products (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim (name) <> ''),
  product_group TEXT,
  active        INTEGER NOT NULL DEFAULT 1
);

-- A project, a sales project, or a sales project that was won and became a
-- delivery project (H2): one record all its life, so that its notes,
-- activities, team and visibility stay with it.
--   is_sale:     it is (or was) a sales project; the sale columns apply
--   is_delivery: it is a delivery project (added as one, or a won sale)
--   state:       the sale's 0 open, 1 won, 2 lost (the stage's outcome,
--                kept here for the pipeline's indexes)
--   value_cents: the sale's value in hundredths of the currency
--   visibility:  0 everyone who may see the customer, 1 chosen groups
--                (and the team), 3 the team only. The author, the seller
--                and the members always see it.
CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (trim (name) <> ''),
  company_id  INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  is_sale     INTEGER NOT NULL DEFAULT 0,
  is_delivery INTEGER NOT NULL DEFAULT 0,
  stage_id    INTEGER REFERENCES sale_stages (id),
  state       INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),
  seller_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  currency    TEXT NOT NULL DEFAULT 'EUR' CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  close_date  TEXT CHECK (close_date IS NULL OR close_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  product_id  INTEGER REFERENCES products (id) ON DELETE SET NULL,
  campaign    TEXT,
  description TEXT,
  visibility  INTEGER NOT NULL DEFAULT 0 CHECK (visibility IN (0, 1, 3)),
  author_id   INTEGER NOT NULL REFERENCES users (id),
  closed_at   TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted     INTEGER NOT NULL DEFAULT 0,
  CHECK (is_sale = 1 OR is_delivery = 1),
  CHECK (is_sale = 0 OR stage_id IS NOT NULL)
);
CREATE INDEX projects_by_company ON projects (company_id, name) WHERE deleted = 0;
CREATE INDEX projects_open_sales ON projects (close_date) WHERE is_sale = 1 AND state = 0 AND deleted = 0;
CREATE INDEX projects_by_seller ON projects (seller_id) WHERE is_sale = 1 AND deleted = 0;
CREATE INDEX projects_deleted ON projects (id) WHERE deleted = 1;

CREATE TABLE project_teams (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, team_id)
) WITHOUT ROWID;

-- The team (H2, H4): members with their role in the project.
CREATE TABLE project_members (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT,
  added_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
CREATE INDEX project_members_user ON project_members (user_id, project_id);

-- Project tasks (H3, E4), seen by the project's members only.
-- state: 0 open, 1 in progress, 2 done, 3 cancelled.
-- visibility: 3 the team, 1 chosen groups of the team, 2 the author and the
-- responsible person.
CREATE TABLE project_tasks (
  id             INTEGER PRIMARY KEY,
  project_id     INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title          TEXT NOT NULL CHECK (trim (title) <> ''),
  description    TEXT,
  responsible_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  due            TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  state          INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
  visibility     INTEGER NOT NULL DEFAULT 3 CHECK (visibility IN (1, 2, 3)),
  author_id      INTEGER NOT NULL REFERENCES users (id),
  completed_at   TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_tasks_by_project ON project_tasks (project_id, state, due) WHERE deleted = 0;
CREATE INDEX project_tasks_deleted ON project_tasks (id) WHERE deleted = 1;

CREATE TABLE project_task_teams (
  task_id INTEGER NOT NULL REFERENCES project_tasks (id) ON DELETE CASCADE,
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, team_id)
) WITHOUT ROWID;

-- How each sale stood over time (J1: how the pipeline developed). A row is
-- added whenever stage, state, value, currency, probability, closing date
-- or seller change; valid_to is the time the next row took over (NULL for
-- the current one), so the pipeline on any date is one range read.
CREATE TABLE sale_history (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  valid_from  TEXT NOT NULL,
  valid_to    TEXT,
  changed_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  stage_id    INTEGER REFERENCES sale_stages (id) ON DELETE SET NULL,
  state       INTEGER NOT NULL,
  seller_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  value_cents INTEGER NOT NULL,
  currency    TEXT NOT NULL,
  probability INTEGER NOT NULL,
  close_date  TEXT
);
CREATE INDEX sale_history_by_project ON sale_history (project_id, valid_from);
CREATE INDEX sale_history_by_time ON sale_history (valid_from);

-- E2: every change of a record's visibility, kept for good. kind as in
-- TandemKind (3 note, 4 activity, 5 project, 6 task); groups are the names
-- of the chosen groups at the time, one per line.
CREATE TABLE visibility_changes (
  id             INTEGER PRIMARY KEY,
  record_kind    INTEGER NOT NULL,
  record_id      INTEGER NOT NULL,
  user_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name      TEXT NOT NULL,
  changed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  old_visibility INTEGER NOT NULL,
  old_groups     TEXT,
  new_visibility INTEGER NOT NULL,
  new_groups     TEXT
);
CREATE INDEX visibility_changes_by_record ON visibility_changes (record_kind, record_id, changed_at);

-- Notes gain a project parent and the project-team visibility (3).
CREATE TABLE notes_new (
  id         INTEGER PRIMARY KEY,
  company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE,
  person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users (id),
  visibility INTEGER NOT NULL DEFAULT 0 CHECK (visibility BETWEEN 0 AND 3),
  body       TEXT NOT NULL CHECK (trim (body) <> ''),
  due        TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted    INTEGER NOT NULL DEFAULT 0,
  CHECK ((company_id IS NOT NULL) + (person_id IS NOT NULL) + (project_id IS NOT NULL) = 1),
  CHECK (visibility <> 3 OR project_id IS NOT NULL)
);
INSERT INTO notes_new (id, company_id, person_id, author_id, visibility, body, due, created_at, updated_at, deleted)
  SELECT id, company_id, person_id, author_id, visibility, body, due, created_at, updated_at, deleted FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_by_company ON notes (company_id, updated_at) WHERE company_id IS NOT NULL;
CREATE INDEX notes_by_person ON notes (person_id, updated_at) WHERE person_id IS NOT NULL;
CREATE INDEX notes_by_project ON notes (project_id, updated_at) WHERE project_id IS NOT NULL;
CREATE INDEX notes_deleted ON notes (id) WHERE deleted = 1;

-- Activities gain the project-team visibility (3) and a real reference to
-- their project (D2).
CREATE TABLE activities_new (
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
  project_id       INTEGER REFERENCES projects (id) ON DELETE SET NULL,
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
  visibility       INTEGER NOT NULL DEFAULT 0 CHECK (visibility BETWEEN 0 AND 3),
  completed_at     TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted          INTEGER NOT NULL DEFAULT 0,
  CHECK (open_ended = 1 OR (start_utc IS NOT NULL AND end_utc IS NOT NULL AND end_utc >= start_utc)),
  CHECK (rrule IS NULL OR open_ended = 0),
  CHECK (status = 1 OR outcome = 0),
  CHECK (visibility <> 3 OR project_id IS NOT NULL)
);
INSERT INTO activities_new SELECT * FROM activities;
UPDATE activities_new SET project_id = NULL WHERE project_id IS NOT NULL;
DROP TABLE activities;
ALTER TABLE activities_new RENAME TO activities;
CREATE INDEX activities_by_start ON activities (start_utc) WHERE deleted = 0 AND rrule IS NULL;
CREATE INDEX activities_recurring ON activities (series_end_utc) WHERE deleted = 0 AND rrule IS NOT NULL;
CREATE INDEX activities_open_ended ON activities (status) WHERE deleted = 0 AND open_ended = 1;
CREATE INDEX activities_by_company ON activities (company_id, start_utc) WHERE company_id IS NOT NULL;
CREATE INDEX activities_by_responsible ON activities (responsible_id) WHERE responsible_id IS NOT NULL;
CREATE INDEX activities_deleted ON activities (id) WHERE deleted = 1;
CREATE INDEX activities_to_complete ON activities (id) WHERE needs_completing = 1 AND deleted = 0;
CREATE INDEX activities_public ON activities (start_utc) WHERE public = 1 AND deleted = 0;
CREATE INDEX activities_by_length ON activities ((julianday (end_utc) - julianday (start_utc))) WHERE deleted = 0 AND rrule IS NULL;
CREATE INDEX activities_by_project ON activities (project_id, start_utc) WHERE project_id IS NOT NULL;
