-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 8: an index for the activity report (SPEC J2). It holds
-- every column the report and the visibility rule read of a single
-- activity (the partial index's own condition columns too, so that SQLite
-- 3.40 finds it covering), so that a year of activities is counted from
-- index pages, not the activities' rows with their texts.
CREATE INDEX activities_report ON activities (start_utc, open_ended, rrule, deleted, status, category_id, kind_id,
  type_id, company_id, project_id, assigner_id, responsible_id, visibility)
  WHERE deleted = 0 AND rrule IS NULL;
