-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 7: campaigns (SPEC I3): a name, a period and a target list
-- (a saved search). Activities and sales projects name their campaign by
-- id; the campaign names that sales projects had as text become campaigns.

CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (trim (name) <> ''),
  starts_on   TEXT CHECK (starts_on IS NULL OR starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ends_on     TEXT CHECK (ends_on IS NULL OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  search_id   INTEGER REFERENCES saved_searches (id) ON DELETE SET NULL,
  description TEXT,
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX campaigns_by_name ON campaigns (name COLLATE NOCASE);

INSERT INTO campaigns (name)
  SELECT trim (campaign) FROM projects
  WHERE campaign IS NOT NULL AND trim (campaign) <> ''
  GROUP BY trim (campaign) COLLATE NOCASE;

ALTER TABLE projects ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;
UPDATE projects SET campaign_id = (SELECT c.id FROM campaigns c WHERE c.name = trim (projects.campaign) COLLATE NOCASE)
  WHERE campaign IS NOT NULL AND trim (campaign) <> '';
ALTER TABLE projects DROP COLUMN campaign;
CREATE INDEX projects_by_campaign ON projects (campaign_id) WHERE campaign_id IS NOT NULL;

ALTER TABLE activities ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;
CREATE INDEX activities_by_campaign ON activities (campaign_id) WHERE campaign_id IS NOT NULL;
