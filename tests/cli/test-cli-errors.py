#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: usage, help, exit statuses and databases it must not touch
(SPEC M5; a database from a newer Tandem is refused and left as it was)."""

import hashlib
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


class Usage(CliTestCase):

    def test_m5_help(self):
        for args in (['--help'], ['company', 'add', '--help'], ['user', '--help'],
                     ['note', 'add', '--help'], ['search', '--help']):
            r = self.run_cli(*args, user=None, db=False)
            self.assertEqual(r.status, 0, args)
            self.assertIn('Usage', r.stdout, args)
        out = self.run_cli('--help', user=None, db=False).stdout
        for command in ('init', 'user add', 'company show', 'note add', 'search'):
            self.assertIn(command, out)
        out = self.run_cli('company', 'add', '--help', user=None, db=False).stdout
        for option in ('--business-id', '--role', '--set', '--country', '--vat'):
            self.assertIn(option, out)
        out = self.run_cli('note', 'add', '--help', user=None, db=False).stdout
        for option in ('--visible-to', '--private', '--due'):
            self.assertIn(option, out)

    def test_m5_usage_errors_exit_2(self):
        self.fails(status=2)
        self.fails('frobnicate', status=2)
        self.fails('company', status=2)
        self.fails('company', 'frobnicate', status=2)
        self.fails('company', 'list', '--no-such-option', status=2)
        self.fails('company', 'list', 'extra', status=2)
        self.fails('company', 'show', status=2)
        self.fails('company', 'show', 'abc', status=2)
        self.fails('company', 'show', '-5', status=2)

    def test_m5_missing_records_exit_1(self):
        message = self.fails('company', 'show', '12345', status=1)
        self.assertIn('12345', message)
        self.fails('person', 'show', '12345', status=1)
        self.assertEqual(self.ok('company', 'list'), '')

    def test_m5_global_options_after_the_command(self):
        self.new_id('company', 'add', 'Late Options Oy')
        r = self.run_cli('company', 'list', '--db', self.db, '--user', 'admin',
                         user=None, db=False, password=clitest.ADMIN_PASSWORD)
        self.assertEqual(r.status, 0, r.stderr)
        self.assertIn('Late Options Oy', r.stdout)

    def test_m5_missing_database_is_not_created(self):
        missing = os.path.join(self.tmp.name, 'typo.db')
        message = self.fails('--db', missing, 'company', 'list', db=False)
        self.assertIn('typo.db', message)
        self.assertFalse(os.path.exists(missing))

    def test_m5_default_database_is_the_apps(self):
        # Without --db the tool uses the app's database under XDG_DATA_HOME.
        self.ok('init', '--admin', 'admin', '--name', 'Default Admin',
                user=None, db=False, new_password=clitest.ADMIN_PASSWORD)
        self.assertTrue(os.path.exists(os.path.join(self.tmp.name, 'data', 'tandem', 'tandem.db')))
        self.new_id('company', 'add', 'Default Oy', db=False)
        self.assertIn('Default Oy', self.ok('company', 'list', db=False))
        self.assertNotIn('Default Oy', self.ok('company', 'list'))

    def test_m5_not_a_database(self):
        junk = os.path.join(self.tmp.name, 'junk.db')
        with open(junk, 'wb') as f:
            f.write(b'this is not a database at all, just some words\n' * 100)
        before = digest(junk)
        self.fails('--db', junk, 'company', 'list', db=False)
        self.assertEqual(digest(junk), before)

    def test_m5_newer_database_is_refused_and_left_unchanged(self):
        self.new_id('company', 'add', 'Future Oy')
        con = sqlite3.connect(self.db)
        con.execute('PRAGMA user_version = 999')
        con.commit()
        con.close()
        before = digest(self.db)

        message = self.fails('company', 'list')
        self.assertIn('newer', message)
        self.fails('company', 'add', 'Should Not Be Saved Oy')
        self.fails('init', '--admin', 'x', '--name', 'X', user=None,
                   new_password=clitest.ADMIN_PASSWORD)

        self.assertEqual(digest(self.db), before)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute('PRAGMA user_version').fetchone()[0], 999)
        con.close()

    def test_m5_text_in_a_plain_c_locale(self):
        # Scripts run from cron often have no UTF-8 locale; names still
        # arrive and leave as UTF-8.
        env = {'LC_ALL': 'C', 'LANG': None, 'LANGUAGE': None}
        cid = self.new_id('company', 'add', 'Mäkinen & Wójcik', env=env)
        company = clitest.json.loads(self.ok('company', 'show', str(cid), '--json', env=env))
        self.assertEqual(company['name'], 'Mäkinen & Wójcik')
        self.assertIn('Mäkinen & Wójcik', self.ok('company', 'list', env=env))


if __name__ == '__main__':
    clitest.main()
