-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 9: documents (SPEC G1, G2). Every version of a document is
-- kept inside the database with its SHA-256, so that the one database file
-- and its backup hold them all. Files attached to activities (D12) become
-- documents on their activity; activity_attachments keeps the links.

-- A document is on exactly one company, person, project (delivery or
-- sales) or activity, and goes when it is purged. visibility as notes:
-- 0 everyone who may see the record, 1 chosen groups (document_teams),
-- 2 the author only, 3 the project team (on a project only). title NULL
-- shows the file name of the current version. The e-mail columns hold
-- the decoded Subject, From and Date (UTC) of an .eml file (is_email 1;
-- 2 while they are still to be read).
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  company_id      INTEGER REFERENCES companies (id) ON DELETE CASCADE,
  person_id       INTEGER REFERENCES people (id) ON DELETE CASCADE,
  project_id      INTEGER REFERENCES projects (id) ON DELETE CASCADE,
  activity_id     INTEGER REFERENCES activities (id) ON DELETE CASCADE,
  title           TEXT CHECK (title IS NULL OR trim (title) <> ''),
  visibility      INTEGER NOT NULL DEFAULT 0 CHECK (visibility BETWEEN 0 AND 3),
  author_id       INTEGER NOT NULL REFERENCES users (id),
  current_version INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  is_email        INTEGER NOT NULL DEFAULT 0,
  email_subject   TEXT,
  email_sender    TEXT,
  email_date      TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted         INTEGER NOT NULL DEFAULT 0,
  CHECK ((company_id IS NOT NULL) + (person_id IS NOT NULL)
         + (project_id IS NOT NULL) + (activity_id IS NOT NULL) = 1),
  CHECK (visibility <> 3 OR project_id IS NOT NULL)
);
CREATE INDEX documents_by_company ON documents (company_id, updated_at) WHERE company_id IS NOT NULL;
CREATE INDEX documents_by_person ON documents (person_id, updated_at) WHERE person_id IS NOT NULL;
CREATE INDEX documents_by_project ON documents (project_id, updated_at) WHERE project_id IS NOT NULL;
CREATE INDEX documents_by_activity ON documents (activity_id, updated_at) WHERE activity_id IS NOT NULL;
CREATE INDEX documents_by_update ON documents (updated_at) WHERE deleted = 0;
CREATE INDEX documents_deleted ON documents (id) WHERE deleted = 1;

CREATE TABLE document_teams (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, team_id)
) WITHOUT ROWID;

-- The versions, numbered from 1; documents.current_version is the newest.
-- sha256 is lower-case hex of data, checked on every read.
CREATE TABLE document_versions (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL CHECK (number >= 1),
  file_name    TEXT NOT NULL CHECK (trim (file_name) <> ''),
  content_type TEXT,
  size         INTEGER NOT NULL CHECK (size >= 0),
  sha256       TEXT NOT NULL CHECK (length (sha256) = 64),
  data         BLOB NOT NULL,
  added_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  comment      TEXT,
  UNIQUE (document_id, number)
);

-- Files of activities (D12) move over with their ids, bytes and hashes;
-- they follow the activity's visibility (0). An e-mail among them gets
-- is_email 2: the store reads its headers when it opens the database.
INSERT INTO documents (id, activity_id, visibility, author_id, current_version,
                       is_email, created_at, updated_at)
  SELECT t.id, t.activity_id, 0, coalesce (t.added_by, a.assigner_id), 1,
         CASE WHEN lower (t.title) LIKE '%.eml' OR lower (ifnull (t.content_type, '')) = 'message/rfc822'
              THEN 2 ELSE 0 END,
         t.created_at, t.created_at
  FROM activity_attachments t JOIN activities a ON a.id = t.activity_id
  WHERE t.is_file = 1;
INSERT INTO document_versions (document_id, number, file_name, content_type, size, sha256,
                               data, added_by, added_at)
  SELECT t.id, 1, t.title, t.content_type, length (t.data), lower (t.sha256), t.data,
         t.added_by, t.created_at
  FROM activity_attachments t
  WHERE t.is_file = 1 AND EXISTS (SELECT 1 FROM documents d WHERE d.id = t.id);
DELETE FROM activity_attachments WHERE is_file = 1;

-- The search index's rowid becomes id * 16 + kind, to make room for
-- documents (kind 8).
CREATE TEMP TABLE search_rows AS SELECT rowid AS r, title, body FROM search_index;
DELETE FROM search_index;
INSERT INTO search_index (rowid, title, body)
  SELECT (r >> 3) * 16 + (r & 7), title, body FROM search_rows;
DROP TABLE temp.search_rows;
-- Migrated documents are found by their file name.
INSERT INTO search_index (rowid, title, body)
  SELECT d.id * 16 + 8, v.file_name, NULL
  FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = 1;
