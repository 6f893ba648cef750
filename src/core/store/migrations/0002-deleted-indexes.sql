-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 2: deleted records are found without reading every row, so
-- that purging them at each start costs nothing when there are none.

CREATE INDEX companies_deleted ON companies (id) WHERE deleted = 1;
CREATE INDEX people_deleted ON people (id) WHERE deleted = 1;
CREATE INDEX notes_deleted ON notes (id) WHERE deleted = 1;
