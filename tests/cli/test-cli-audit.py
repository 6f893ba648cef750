#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli audit: the audit trail for administrators (SPEC E5, M5).

Sam sells and writes a private note on a customer; the administrator
reads the trail from the command line, as a script would: who did what
and when, without the title of what only Sam may see. Sam may not read
the trail at all, and a date that is not one is said plainly.
"""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402

KEYS = {'id', 'at', 'user', 'action', 'kind', 'record_id', 'title', 'detail'}


class Audit(CliTestCase):

    def setUp(self):
        super().setUp()
        self.base_env['LC_ALL'] = 'C.UTF-8'
        self.base_env['TZ'] = 'Europe/Helsinki'
        self.ok('group', 'add', 'Sales team')
        self.add_user('sam', 'Sam Seller', groups=['Sales team'])
        self.acme = self.new_id('company', 'add', 'Acme Oy', user='sam')
        self.secret = self.new_id('note', 'add', '--company', str(self.acme), '--private',
                                  '--text', 'SECRET-NOTE the price we can go down to', user='sam')
        self.open_note = self.new_id('note', 'add', '--company', str(self.acme),
                                     '--text', 'Met them at the fair', user='sam')
        self.today = datetime.date.today().isoformat()

    def entries(self, *args, user='admin'):
        return self.json('audit', '--from', self.today, *args, user=user)

    def find(self, entries, action, kind, record_id):
        found = [e for e in entries
                 if e['action'] == action and e['kind'] == kind and e['record_id'] == record_id]
        self.assertTrue(found, 'no %s %s %s in %r' % (action, kind, record_id, entries))
        return found[0]

    def test_json_shape_newest_first(self):
        entries = self.entries()
        self.assertGreaterEqual(len(entries), 5)
        for entry in entries:
            self.assertEqual(set(entry), KEYS)
            self.assertIsInstance(entry['id'], int)
            self.assertRegex(entry['at'], r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
            self.assertIn(entry['action'], ('created', 'changed', 'visibility', 'exported',
                                            'deleted', 'restored', 'purged'))
        ids = [e['id'] for e in entries]
        self.assertEqual(ids, sorted(ids, reverse=True))

        company = self.find(entries, 'created', 'company', self.acme)
        self.assertEqual(company['user'], 'Sam Seller')
        self.assertEqual(company['title'], 'Acme Oy')
        self.assertIsNone(company['detail'])
        self.assertEqual(self.find(entries, 'created', 'user', 2)['user'], 'Ada Admin')
        self.assertEqual(self.find(entries, 'created', 'note', self.open_note)['title'],
                         'Met them at the fair')

    def test_hidden_note_has_no_title_E(self):
        out = self.ok('audit', '--from', self.today, '--json')
        self.assertNotIn('SECRET', out)
        note = self.find(self.entries(), 'created', 'note', self.secret)
        self.assertEqual(note['user'], 'Sam Seller')
        self.assertIsNone(note['title'])
        # The readable table says there is a note, not what it says.
        text = self.ok('audit', '--from', self.today)
        self.assertNotIn('SECRET', text)
        self.assertIn('A note you may not see', text)

    def test_delete_and_filters(self):
        call = self.new_id('activity', 'add', '--title', 'Call Acme', '--company', str(self.acme),
                           '--open-ended', user='sam')
        self.ok('activity', 'delete', str(call), user='sam')
        deleted = self.entries('--action', 'deleted')
        self.assertEqual([(e['kind'], e['record_id'], e['user']) for e in deleted],
                         [('activity', call, 'Sam Seller')])
        # Deleted, it has no title for anyone: it is out of every view.
        self.assertIsNone(deleted[0]['title'])

        entries = self.entries('--user', 'sam')
        self.assertTrue(entries)
        self.assertTrue(all(e['user'] == 'Sam Seller' for e in entries))

        created = self.entries('--action', 'created', '--kind', 'note')
        self.assertEqual(sorted(e['record_id'] for e in created), sorted([self.secret, self.open_note]))

        # Nothing from tomorrow on; a range that ends yesterday is empty.
        tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        self.assertEqual(self.json('audit', '--from', tomorrow), [])
        self.assertEqual(self.json('audit', '--from', yesterday, '--to', yesterday), [])
        self.assertEqual(len(self.json('audit', '--from', yesterday, '--to', self.today)),
                         len(self.entries()))

    def test_password_change_recorded(self):
        self.ok('user', 'passwd', 'sam', new_password='another-secret-2')
        self.passwords['sam'] = 'another-secret-2'
        changed = self.entries('--kind', 'user', '--action', 'changed')
        self.assertEqual(len(changed), 1)
        self.assertEqual(changed[0]['detail'], 'password')
        self.assertEqual(changed[0]['user'], 'Ada Admin')
        self.assertEqual(changed[0]['title'], 'Sam Seller')

    def test_exports_recorded(self):
        self.ok('report', 'pipeline', '--csv', user='sam')
        self.ok('report', 'activities', '--from', self.today, '--to', self.today, '--json', user='sam')
        # A report read on the screen is not an export.
        self.ok('report', 'forecast', '--from', self.today, '--to', self.today, user='sam')
        exported = self.entries('--action', 'exported')
        self.assertEqual([(e['kind'], e['record_id'], e['detail'], e['user']) for e in exported],
                         [('report', 3, 'JSON', 'Sam Seller'), ('report', 0, 'CSV', 'Sam Seller')])
        self.assertTrue(all(e['title'] for e in exported))

    def test_document_saved_copy_recorded(self):
        path = os.path.join(self.tmp.name, 'SECRET-offer.txt')
        with open(path, 'w') as f:
            f.write('SECRET-CONTENT of the offer\n')
        doc = self.new_id('doc', 'add', '--company', str(self.acme), '--private', path, user='sam')
        self.ok('doc', 'get', str(doc), '--out', os.path.join(self.tmp.name, 'copy.txt'), user='sam')
        exported = self.entries('--action', 'exported')
        self.assertEqual([(e['kind'], e['record_id'], e['detail'], e['user']) for e in exported],
                         [('document', doc, 'document', 'Sam Seller')])
        # Private to Sam: the administrator reads neither its name nor its content.
        self.assertIsNone(exported[0]['title'])
        self.assertNotIn('SECRET', self.ok('audit', '--from', self.today, '--json'))

    def test_non_admin_refused(self):
        message = self.fails('audit', '--from', self.today, '--json', user='sam')
        self.assertIn('administrator', message)
        # Refused before it could tell whether a login exists.
        message = self.fails('audit', '--from', self.today, '--user', 'nobody', user='sam')
        self.assertIn('administrator', message)

    def test_bad_dates(self):
        message = self.fails('audit', '--from', '2026-02-30', status=2)
        self.assertIn('2026-02-30', message)
        self.assertIn('not a date', message)
        message = self.fails('audit', '--from', 'yesterday', status=2)
        self.assertIn('yesterday', message)
        message = self.fails('audit', '--from', self.today, '--to', 'soon', status=2)
        self.assertIn('--to', message)
        message = self.fails('audit', status=2)
        self.assertIn('--from', message)
        message = self.fails('audit', '--from', '2026-03-02', '--to', '2026-03-01', status=2)
        self.assertIn('comes before', message)
        message = self.fails('audit', '--from', self.today, '--action', 'stolen', status=2)
        self.assertIn('stolen', message)
        message = self.fails('audit', '--from', self.today, '--user', 'nobody')
        self.assertIn('nobody', message)

    def test_finnish_date_accepted(self):
        today = datetime.date.today()
        self.assertEqual(self.json('audit', '--from', today.strftime('%d.%m.%Y')), self.entries())


if __name__ == '__main__':
    clitest.main()
