-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 6: contact groups and their members, saved searches, label
-- sheet templates and the organisation's own settings (SPEC I1, I2, I4, K2).

-- Contact groups (I1): kept by administrators, separate from partner roles.
-- A shipped group has its English name in "builtin" until renamed, as the
-- sales stages do. do_not_contact: members are left out of label sheets
-- unless the user asks for them (I4).
CREATE TABLE contact_groups (
  id             INTEGER PRIMARY KEY,
  name           TEXT CHECK (name IS NULL OR trim (name) <> ''),
  builtin        TEXT,
  do_not_contact INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1)),
  position       INTEGER NOT NULL DEFAULT 0,
  CHECK (name IS NOT NULL OR builtin IS NOT NULL)
);
INSERT INTO contact_groups (id, builtin, do_not_contact, position) VALUES
  (1, 'Mailing list', 0, 0),
  (2, 'Candidates', 0, 1),
  (3, 'Visit', 0, 2),
  (4, 'Do not contact', 1, 3);

-- A company or a person in a contact group; either can be in many (I1).
CREATE TABLE contact_group_members (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES contact_groups (id) ON DELETE CASCADE,
  company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE,
  person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
  added_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  added_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((company_id IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX contact_group_members_company ON contact_group_members (company_id, group_id)
  WHERE company_id IS NOT NULL;
CREATE UNIQUE INDEX contact_group_members_person ON contact_group_members (person_id, group_id)
  WHERE person_id IS NOT NULL;
CREATE INDEX contact_group_members_by_group ON contact_group_members (group_id, company_id, person_id);

-- Saved searches (K2, I3): criteria on any field of companies (entity 1)
-- or people (entity 2), all of them (match_all 1) or any. criteria is a
-- JSON array of {"field", "op", "value"}; the store compiles it with bound
-- parameters and reads only through the visibility rule. A search is its
-- owner's unless shared.
CREATE TABLE saved_searches (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (trim (name) <> ''),
  entity     INTEGER NOT NULL CHECK (entity IN (1, 2)),
  match_all  INTEGER NOT NULL DEFAULT 1 CHECK (match_all IN (0, 1)),
  criteria   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (criteria)),
  owner_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  shared     INTEGER NOT NULL DEFAULT 1 CHECK (shared IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX saved_searches_by_name ON saved_searches (name COLLATE NOCASE);

-- Custom label sheet templates (I4); the common sheets ship with the
-- program. Lengths in millimetres: the first label's top-left corner is at
-- (margin_left, margin_top); the next column starts label_width + gap_x
-- further right, the next row label_height + gap_y further down.
CREATE TABLE label_templates (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim (name) <> ''),
  page_width    REAL NOT NULL CHECK (page_width > 0 AND page_width <= 1000),
  page_height   REAL NOT NULL CHECK (page_height > 0 AND page_height <= 1000),
  rows          INTEGER NOT NULL CHECK (rows BETWEEN 1 AND 100),
  columns       INTEGER NOT NULL CHECK (columns BETWEEN 1 AND 100),
  label_width   REAL NOT NULL CHECK (label_width > 0),
  label_height  REAL NOT NULL CHECK (label_height > 0),
  margin_top    REAL NOT NULL DEFAULT 0 CHECK (margin_top >= 0),
  margin_left   REAL NOT NULL DEFAULT 0 CHECK (margin_left >= 0),
  gap_x         REAL NOT NULL DEFAULT 0 CHECK (gap_x >= 0),
  gap_y         REAL NOT NULL DEFAULT 0 CHECK (gap_y >= 0),
  corner_radius REAL NOT NULL DEFAULT 0 CHECK (corner_radius >= 0),
  created_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Settings of the organisation, shared by every user of the database
-- (e.g. "home-country", the country whose addresses need no country line).
CREATE TABLE organisation_settings (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
