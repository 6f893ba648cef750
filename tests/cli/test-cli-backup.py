#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: backup --out FILE and restore FILE (SPEC M2, M5)."""

import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class Backup(CliTestCase):

    def setUp(self):
        super().setUp()
        for i in range(20):
            self.ok('company', 'add', 'Customer %03d Oy' % i, '--city', 'Tampere')
        self.out = os.path.join(self.tmp.name, 'tandem backup.db')

    def files(self):
        return sorted(os.listdir(self.tmp.name))

    def test_m2_backup_json_tells_file_size_and_schema(self):
        info = self.json('backup', '--out', self.out)
        self.assertEqual(info['file'], self.out)
        self.assertEqual(info['bytes'], os.path.getsize(self.out))
        self.assertIsInstance(info['schema'], int)
        self.assertGreater(info['schema'], 0)
        self.assertIn('made', info)
        with sqlite3.connect(self.out) as conn:
            self.assertEqual(conn.execute('PRAGMA integrity_check').fetchone()[0], 'ok')
            self.assertEqual(conn.execute('PRAGMA user_version').fetchone()[0], info['schema'])
            self.assertEqual(conn.execute('SELECT count(*) FROM companies').fetchone()[0], 20)
            self.assertEqual(conn.execute('PRAGMA journal_mode').fetchone()[0], 'delete')
        # Only the backup itself, no temporary or WAL files beside it
        self.assertEqual([f for f in self.files() if f.startswith('tandem backup') or f.startswith('.')],
                         ['tandem backup.db'])
        # A backup holds everyone's data: readable by its owner only
        self.assertEqual(os.stat(self.out).st_mode & 0o077, 0)

    def test_m2_backup_text_names_the_file(self):
        out = self.ok('backup', '--out', self.out)
        self.assertIn(self.out, out)

    def test_m2_existing_file_is_refused_unless_forced(self):
        with open(self.out, 'w') as f:
            f.write('my notes')
        message = self.fails('backup', '--out', self.out, status=1)
        self.assertIn('--force', message)
        with open(self.out) as f:
            self.assertEqual(f.read(), 'my notes')
        self.json('backup', '--out', self.out, '--force')
        with sqlite3.connect(self.out) as conn:
            self.assertEqual(conn.execute('SELECT count(*) FROM companies').fetchone()[0], 20)

    def test_m2_backup_needs_out(self):
        self.fails('backup', status=2)

    def test_m2_backup_into_a_missing_folder_leaves_nothing(self):
        target = os.path.join(self.tmp.name, 'no-such-folder', 'b.db')
        self.fails('backup', '--out', target, status=1)
        self.assertFalse(os.path.exists(os.path.dirname(target)))

    def test_m2_only_administrators_back_up(self):
        self.add_user('sam', 'Sam Seller')
        message = self.fails('backup', '--out', self.out, user='sam', status=1)
        self.assertIn('administrator', message)
        self.assertFalse(os.path.exists(self.out))


class Restore(CliTestCase):

    def setUp(self):
        super().setUp()
        for i in range(20):
            self.ok('company', 'add', 'Customer %03d Oy' % i)
        self.backup = os.path.join(self.tmp.name, 'backup.db')
        self.json('backup', '--out', self.backup)
        self.ok('company', 'add', 'Added Later Ab')

    def names(self):
        return set(self.company_names())

    def kept_copies(self):
        return [f for f in os.listdir(self.tmp.name) if f.startswith('tandem-before-restore-')]

    def test_m2_restore_round_trip_keeps_the_replaced_database(self):
        result = self.json('restore', self.backup)
        self.assertEqual(result['file'], self.backup)
        self.assertTrue(os.path.basename(result['kept']).startswith('tandem-before-restore-'))
        self.assertEqual(os.path.dirname(result['kept']), self.tmp.name)
        names = self.names()
        self.assertEqual(len(names), 20)
        self.assertNotIn('Added Later Ab', names)
        with sqlite3.connect(result['kept']) as conn:
            self.assertEqual(conn.execute("SELECT count(*) FROM companies WHERE name = 'Added Later Ab'")
                             .fetchone()[0], 1)
        # Restoring the kept copy brings the later company back
        self.json('restore', result['kept'])
        self.assertIn('Added Later Ab', self.names())

    def test_m2_damaged_backup_is_refused_and_nothing_changes(self):
        damaged = os.path.join(self.tmp.name, 'damaged.db')
        with open(self.backup, 'rb') as f:
            data = bytearray(f.read())
        start = (len(data) // 2) & ~4095
        for i in range(start, start + 4096):
            data[i] ^= 0x5a
        with open(damaged, 'wb') as f:
            f.write(data)
        message = self.fails('restore', damaged, status=1)
        self.assertIn('damaged', message)
        self.assertIn('Added Later Ab', self.names())
        self.assertEqual(self.kept_copies(), [])

    def test_m2_newer_backup_is_refused(self):
        with sqlite3.connect(self.backup) as conn:
            version = conn.execute('PRAGMA user_version').fetchone()[0]
            conn.execute('PRAGMA user_version = %d' % (version + 1))
        message = self.fails('restore', self.backup, status=1)
        self.assertIn('newer version of Tandem', message)
        self.assertIn('Added Later Ab', self.names())
        self.assertEqual(self.kept_copies(), [])

    def test_m2_other_files_are_refused(self):
        text = os.path.join(self.tmp.name, 'letter.txt')
        with open(text, 'w') as f:
            f.write('Dear customer,\n')
        self.assertIn('not a Tandem backup', self.fails('restore', text, status=1))
        other = os.path.join(self.tmp.name, 'music.db')
        with sqlite3.connect(other) as conn:
            conn.execute('CREATE TABLE songs (title TEXT)')
        self.assertIn('not a Tandem backup', self.fails('restore', other, status=1))
        self.fails('restore', os.path.join(self.tmp.name, 'missing.db'), status=1)
        self.fails('restore', status=2)
        self.assertIn('Added Later Ab', self.names())
        self.assertEqual(self.kept_copies(), [])

    def test_m2_only_administrators_restore(self):
        self.add_user('sam', 'Sam Seller')
        message = self.fails('restore', self.backup, user='sam', status=1)
        self.assertIn('administrator', message)
        self.assertIn('Added Later Ab', self.names())
        self.assertEqual(self.kept_copies(), [])


if __name__ == '__main__':
    clitest.main()
