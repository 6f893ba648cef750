-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 1: users, groups, companies, people, fields, notes, search.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (login <> ''),
  name          TEXT NOT NULL CHECK (name <> ''),
  password_hash TEXT NOT NULL,
  role          INTEGER NOT NULL DEFAULT 2 CHECK (role BETWEEN 0 AND 2),
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE teams (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')
);

CREATE TABLE team_members (
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;
CREATE INDEX team_members_user ON team_members (user_id, team_id);

CREATE TABLE partner_roles (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')
);

CREATE TABLE companies (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (trim (name) <> ''),
  phone            TEXT,
  fax              TEXT,
  email            TEXT,
  website          TEXT,
  business_id      TEXT,
  vat_number       TEXT,
  visit_street     TEXT,
  visit_postcode   TEXT,
  visit_city       TEXT,
  visit_country    TEXT,
  postal_street    TEXT,
  postal_postcode  TEXT,
  postal_city      TEXT,
  postal_country   TEXT,
  billing_street   TEXT,
  billing_postcode TEXT,
  billing_city     TEXT,
  billing_country  TEXT,
  created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX companies_by_name ON companies (name COLLATE NOCASE, id) WHERE deleted = 0;

CREATE TABLE company_roles (
  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  role_id    INTEGER NOT NULL REFERENCES partner_roles (id) ON DELETE CASCADE,
  PRIMARY KEY (company_id, role_id)
) WITHOUT ROWID;
CREATE INDEX company_roles_role ON company_roles (role_id);

CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (trim (name) <> ''),
  company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  job_title  TEXT,
  email      TEXT,
  phone      TEXT,
  mobile     TEXT,
  street     TEXT,
  postcode   TEXT,
  city       TEXT,
  country    TEXT,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_by_name ON people (name COLLATE NOCASE, id) WHERE deleted = 0;
CREATE INDEX people_by_company ON people (company_id, name COLLATE NOCASE);

-- Classification (kind 0) and additional (kind 1) fields of companies
-- (entity 1) and people (entity 2).
CREATE TABLE fields (
  id       INTEGER PRIMARY KEY,
  entity   INTEGER NOT NULL CHECK (entity IN (1, 2)),
  kind     INTEGER NOT NULL CHECK (kind IN (0, 1)),
  name     TEXT NOT NULL CHECK (trim (name) <> ''),
  type     INTEGER NOT NULL DEFAULT 0 CHECK (type BETWEEN 0 AND 5),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity, name COLLATE NOCASE)
);

CREATE TABLE field_choices (
  id       INTEGER PRIMARY KEY,
  field_id INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  value    TEXT NOT NULL CHECK (value <> ''),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (field_id, value)
);

CREATE TABLE field_values (
  field_id  INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  record_id INTEGER NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (record_id, field_id)
) WITHOUT ROWID;
CREATE INDEX field_values_by_field ON field_values (field_id, value);

-- SPEC E1: visibility 0 everyone who may see the record, 1 chosen groups,
-- 2 private. Exactly one parent.
CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE,
  person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users (id),
  visibility INTEGER NOT NULL DEFAULT 0 CHECK (visibility BETWEEN 0 AND 2),
  body       TEXT NOT NULL CHECK (trim (body) <> ''),
  due        TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted    INTEGER NOT NULL DEFAULT 0,
  CHECK ((company_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX notes_by_company ON notes (company_id, updated_at) WHERE company_id IS NOT NULL;
CREATE INDEX notes_by_person ON notes (person_id, updated_at) WHERE person_id IS NOT NULL;

CREATE TABLE note_teams (
  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, team_id)
) WITHOUT ROWID;

-- One row per searchable record; rowid = record id * 4 + kind
-- (1 company, 2 person, 3 note). Kept by the store in the same transaction
-- as the record.
CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
