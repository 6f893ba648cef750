-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 11: the audit trail. Who created, changed, changed the
-- visibility of, exported, deleted, restored or purged what, and when.
--
-- The rows are written by triggers on the tables themselves, so that no
-- way of saving can forget them, and nothing can change or remove a row
-- once written. The triggers name who is signed in on the connection
-- through two SQL functions the store registers on each connection
-- (tandem_session_user () and tandem_session_user_name (), NULL while
-- nobody is signed in); a program writing to these tables on a connection
-- of its own must register them too (or switch triggers off with
-- SQLITE_DBCONFIG_ENABLE_TRIGGER), or its writes fail.
--
-- A row holds no content of the record: no note text, no title, no name.
-- What the record is called is looked up when an administrator reads the
-- trail, through the visibility rule, so that what they may not see stays
-- out of sight (SPEC E).
--
-- A later migration that rebuilds one of these tables must create its
-- triggers again (a test checks that every one is there).

-- action: created, changed, visibility, exported, deleted, restored,
-- purged. record_kind: TandemKind (1 company, 2 person, 3 note,
-- 4 activity, 5 project, 6 task, 7 campaign, 8 document), and 101 user,
-- 102 group of users, 103 contact group, 104 report (record_id is the
-- report's type). user_name is the user's name at the time, kept when
-- the user is gone.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name   TEXT,
  action      TEXT NOT NULL CHECK (action IN ('created', 'changed', 'visibility', 'exported',
                                              'deleted', 'restored', 'purged')),
  record_kind INTEGER NOT NULL,
  record_id   INTEGER,
  detail      TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_user ON audit_log (user_id) WHERE user_id IS NOT NULL;

-- Nothing edits the trail: not the app, not a bug in the store, not
-- another program using the file. The one update let through is the
-- foreign key's own, when a user who is gone becomes NULL (the name at
-- the time stays). INSERT OR REPLACE over an existing row is refused
-- before it could delete it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  WHEN NOT (NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
            AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_name IS OLD.user_name
            AND NEW.action = OLD.action AND NEW.record_kind = OLD.record_kind
            AND NEW.record_id IS OLD.record_id AND NEW.detail IS OLD.detail)
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

-- Records with a "deleted" flag: setting it is "deleted", clearing it
-- "restored", removing the row for good "purged".

CREATE TRIGGER audit_companies_insert AFTER INSERT ON companies
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 1, NEW.id);
END;
CREATE TRIGGER audit_companies_update AFTER UPDATE ON companies
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          1, NEW.id);
END;
CREATE TRIGGER audit_companies_delete AFTER DELETE ON companies
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 1, OLD.id);
END;

CREATE TRIGGER audit_people_insert AFTER INSERT ON people
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 2, NEW.id);
END;
CREATE TRIGGER audit_people_update AFTER UPDATE ON people
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          2, NEW.id);
END;
CREATE TRIGGER audit_people_delete AFTER DELETE ON people
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 2, OLD.id);
END;

CREATE TRIGGER audit_notes_insert AFTER INSERT ON notes
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 3, NEW.id);
END;
CREATE TRIGGER audit_notes_update AFTER UPDATE ON notes
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          3, NEW.id);
END;
CREATE TRIGGER audit_notes_delete AFTER DELETE ON notes
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 3, OLD.id);
END;

-- An activity's detail says when it was completed, cancelled or planned
-- again.
CREATE TRIGGER audit_activities_insert AFTER INSERT ON activities
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 4, NEW.id);
END;
CREATE TRIGGER audit_activities_update AFTER UPDATE ON activities
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          4, NEW.id,
          CASE WHEN NEW.status <> OLD.status
               THEN CASE NEW.status WHEN 0 THEN 'planned' WHEN 1 THEN 'completed' ELSE 'cancelled' END END);
END;
CREATE TRIGGER audit_activities_delete AFTER DELETE ON activities
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 4, OLD.id);
END;

-- A sale's detail says when it was won, lost or opened again.
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 5, NEW.id);
END;
CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          5, NEW.id,
          CASE WHEN NEW.state <> OLD.state
               THEN CASE NEW.state WHEN 0 THEN 'open' WHEN 1 THEN 'won' ELSE 'lost' END END);
END;
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 5, OLD.id);
END;

CREATE TRIGGER audit_project_tasks_insert AFTER INSERT ON project_tasks
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 6, NEW.id);
END;
CREATE TRIGGER audit_project_tasks_update AFTER UPDATE ON project_tasks
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          6, NEW.id,
          CASE WHEN NEW.state <> OLD.state
               THEN CASE NEW.state WHEN 0 THEN 'open' WHEN 1 THEN 'in-progress'
                                   WHEN 2 THEN 'done' ELSE 'cancelled' END END);
END;
CREATE TRIGGER audit_project_tasks_delete AFTER DELETE ON project_tasks
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 6, OLD.id);
END;

-- A document (0009-documents.sql): a new version is a change, with
-- "version" as its detail. Reading an e-mail's headers after adding it
-- is not a change of the document.
CREATE TRIGGER audit_documents_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 8, NEW.id);
END;
CREATE TRIGGER audit_documents_update
  AFTER UPDATE OF title, visibility, current_version, deleted, company_id, person_id, project_id, activity_id
  ON documents
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (),
          CASE WHEN NEW.deleted > OLD.deleted THEN 'deleted'
               WHEN NEW.deleted < OLD.deleted THEN 'restored' ELSE 'changed' END,
          8, NEW.id,
          CASE WHEN NEW.current_version <> OLD.current_version THEN 'version' END);
END;
CREATE TRIGGER audit_documents_delete AFTER DELETE ON documents
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'purged', 8, OLD.id);
END;

-- Records without a "deleted" flag: removing the row is "deleted".

CREATE TRIGGER audit_campaigns_insert AFTER INSERT ON campaigns
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 7, NEW.id);
END;
CREATE TRIGGER audit_campaigns_update AFTER UPDATE ON campaigns
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 7, NEW.id);
END;
CREATE TRIGGER audit_campaigns_delete AFTER DELETE ON campaigns
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'deleted', 7, OLD.id);
END;

-- A user's detail names what changed of the account: never the
-- password's hash, only that it changed.
CREATE TRIGGER audit_users_insert AFTER INSERT ON users
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 101, NEW.id);
END;
CREATE TRIGGER audit_users_update AFTER UPDATE OF name, role, active, password_hash, totp_required ON users
  WHEN NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role OR NEW.active IS NOT OLD.active
       OR NEW.password_hash IS NOT OLD.password_hash OR NEW.totp_required IS NOT OLD.totp_required
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 101, NEW.id,
          CASE WHEN NEW.password_hash IS NOT OLD.password_hash THEN 'password'
               WHEN NEW.active IS NOT OLD.active THEN CASE WHEN NEW.active THEN 'enabled' ELSE 'disabled' END
               WHEN NEW.totp_required IS NOT OLD.totp_required
                 THEN CASE WHEN NEW.totp_required THEN 'two-step-required' ELSE 'two-step-not-required' END
               WHEN NEW.role IS NOT OLD.role THEN 'role'
               ELSE 'name' END);
END;

-- A user's second factor (0010-second-factor.sql) switched on or off, or
-- given a new key; never the key itself. Using a code is not a change.
CREATE TRIGGER audit_user_totp_insert AFTER INSERT ON user_totp
  WHEN NEW.secret IS NOT NULL
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 101, NEW.user_id, 'two-step-on');
END;
CREATE TRIGGER audit_user_totp_update AFTER UPDATE OF secret ON user_totp
  WHEN NEW.secret IS NOT OLD.secret
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 101, NEW.user_id,
          CASE WHEN NEW.secret IS NULL THEN 'two-step-off'
               WHEN OLD.secret IS NULL THEN 'two-step-on' ELSE 'two-step-new-key' END);
END;
CREATE TRIGGER audit_user_totp_delete AFTER DELETE ON user_totp
  WHEN OLD.secret IS NOT NULL
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 101, OLD.user_id, 'two-step-off');
END;
CREATE TRIGGER audit_users_delete AFTER DELETE ON users
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'deleted', 101, OLD.id);
END;

CREATE TRIGGER audit_teams_insert AFTER INSERT ON teams
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 102, NEW.id);
END;
CREATE TRIGGER audit_teams_update AFTER UPDATE OF name, totp_required ON teams
  WHEN NEW.name IS NOT OLD.name OR NEW.totp_required IS NOT OLD.totp_required
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 102, NEW.id,
          CASE WHEN NEW.name IS NOT OLD.name THEN 'name'
               WHEN NEW.totp_required THEN 'two-step-required' ELSE 'two-step-not-required' END);
END;
CREATE TRIGGER audit_teams_delete AFTER DELETE ON teams
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'deleted', 102, OLD.id);
END;

-- Moving a contact group up or down the list is not a change of it.
CREATE TRIGGER audit_contact_groups_insert AFTER INSERT ON contact_groups
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'created', 103, NEW.id);
END;
CREATE TRIGGER audit_contact_groups_update AFTER UPDATE ON contact_groups
  WHEN NEW.name IS NOT OLD.name OR NEW.do_not_contact IS NOT OLD.do_not_contact
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'changed', 103, NEW.id);
END;
CREATE TRIGGER audit_contact_groups_delete AFTER DELETE ON contact_groups
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'deleted', 103, OLD.id);
END;

-- A change of who may see a note, activity, project, task or document
-- (SPEC E2): the detail is the visibility before and after, as
-- "everyone → private"; the chosen groups are in the visibility history.
CREATE TRIGGER audit_visibility_changes_insert AFTER INSERT ON visibility_changes
BEGIN
  INSERT INTO audit_log (user_id, user_name, action, record_kind, record_id, detail)
  VALUES (tandem_session_user (), tandem_session_user_name (), 'visibility', NEW.record_kind, NEW.record_id,
          CASE NEW.old_visibility WHEN 0 THEN 'everyone' WHEN 1 THEN 'groups' WHEN 2 THEN 'private' ELSE 'team' END
          || ' → ' ||
          CASE NEW.new_visibility WHEN 0 THEN 'everyone' WHEN 1 THEN 'groups' WHEN 2 THEN 'private' ELSE 'team' END);
END;
