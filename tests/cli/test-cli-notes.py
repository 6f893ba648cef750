#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: notes and who may read them (SPEC F1, E1, E2, E5, M5).

Jan is in the sales team, Eva is in no group; both may see the customer.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class Notes(CliTestCase):

    def setUp(self):
        super().setUp()
        self.ok('group', 'add', 'Sales team')
        self.ok('group', 'add', 'Owners')
        self.add_user('jan', 'Jan Kowalski', groups=['Sales team'])
        self.add_user('eva', 'Eva Nowak')
        self.cid = self.new_id('company', 'add', 'Acme Oy')

    def notes_seen_by(self, user, cid=None):
        company = self.json('company', 'show', str(cid or self.cid), user=user)
        return {n['id']: n for n in company['notes']}

    def search_ids(self, user, text):
        return {(h['type'], h['id']) for h in self.json('search', text, user=user)}

    def test_f1_e1_note_for_everyone(self):
        nid = self.new_id('note', 'add', '--company', str(self.cid), '--text', 'Called about pricing')
        for user in ('admin', 'jan', 'eva'):
            notes = self.notes_seen_by(user)
            self.assertIn(nid, notes, user)
            self.assertEqual(notes[nid]['visibility'], 'everyone')
        note = self.notes_seen_by('eva')[nid]
        self.assertEqual(note['type'], 'note')
        self.assertEqual(note['text'], 'Called about pricing')
        self.assertEqual(note['author'], 'Ada Admin')
        self.assertIsNone(note['due'])

    def test_e1_e5_note_visible_to_a_group(self):
        nid = self.new_id('note', 'add', '--company', str(self.cid),
                          '--text', 'Discount zebrafish agreed', '--visible-to', 'Sales team',
                          '--due', '2027-03-01')
        # The group member sees it, in the card and in search.
        note = self.notes_seen_by('jan')[nid]
        self.assertEqual(note['visibility'], 'groups')
        self.assertEqual(note['groups'], ['Sales team'])
        self.assertEqual(note['due'], '2027-03-01')
        self.assertIn(('note', nid), self.search_ids('jan', 'zebrafish'))
        hit = [h for h in self.json('search', 'zebrafish', user='jan') if h['type'] == 'note'][0]
        self.assertEqual(hit['parent'], {'type': 'company', 'id': self.cid, 'name': 'Acme Oy'})
        self.assertIn('zebrafish', hit['snippet'])

        # Eva is not in the group: no note, no hit, no trace.
        self.assertEqual(self.notes_seen_by('eva'), {})
        self.assertEqual(self.json('search', 'zebrafish', user='eva'), [])
        self.assertEqual(self.ok('search', 'zebrafish', user='eva'), '')
        self.assertNotIn('zebrafish', self.ok('company', 'show', str(self.cid), user='eva'))

    def test_e1_note_visible_to_several_groups(self):
        nid = self.new_id('note', 'add', '--company', str(self.cid), '--text', 'Board meeting',
                          '--visible-to', 'Sales team', '--visible-to', 'Owners')
        self.assertEqual(sorted(self.notes_seen_by('jan')[nid]['groups']), ['Owners', 'Sales team'])
        self.assertNotIn(nid, self.notes_seen_by('eva'))

    def test_e1_private_note(self):
        nid = self.new_id('note', 'add', '--company', str(self.cid), '--text', 'My own walrus idea',
                          '--private', user='jan')
        self.assertEqual(self.notes_seen_by('jan')[nid]['visibility'], 'private')
        self.assertIn(('note', nid), self.search_ids('jan', 'walrus'))
        for user in ('eva', 'admin'):
            self.assertNotIn(nid, self.notes_seen_by(user), user)
            self.assertEqual(self.search_ids(user, 'walrus'), set(), user)

    def test_e1_private_and_groups_together_is_refused(self):
        message = self.fails('note', 'add', '--company', str(self.cid), '--text', 'Both',
                             '--private', '--visible-to', 'Sales team', status=2)
        self.assertIn('private', message)
        self.assertEqual(self.notes_seen_by('admin'), {})

    def test_f1_bad_due_dates_are_refused(self):
        for due in ('2026-13-01', '2026-02-30', 'tomorrow'):
            message = self.fails('note', 'add', '--company', str(self.cid), '--text', 'Due',
                                 '--due', due)
            self.assertIn(due, message)
        self.assertEqual(self.notes_seen_by('admin'), {})

    def test_f1_bad_targets_are_refused(self):
        self.fails('note', 'add', '--company', '999', '--text', 'Nowhere')
        self.fails('note', 'add', '--text', 'Nowhere', status=2)
        self.fails('note', 'add', '--company', str(self.cid), '--person', '1', '--text', 'Both',
                   status=2)
        self.fails('note', 'add', '--company', str(self.cid), status=2)
        self.fails('note', 'add', '--company', str(self.cid), '--text', '   ')
        message = self.fails('note', 'add', '--company', str(self.cid), '--text', 'Secret',
                             '--visible-to', 'Nobody')
        self.assertIn('Nobody', message)
        self.assertEqual(self.notes_seen_by('admin'), {})

    def test_f1_note_on_a_person(self):
        pid = self.new_id('person', 'add', 'Mari Mäkinen', '--company', str(self.cid))
        nid = self.new_id('note', 'add', '--person', str(pid), '--text', 'Prefers e-mail',
                          '--visible-to', 'Sales team')
        person = self.json('person', 'show', str(pid), user='jan')
        self.assertEqual([n['id'] for n in person['notes']], [nid])
        self.assertEqual(person['notes'][0]['parent']['type'], 'person')
        self.assertEqual(self.json('person', 'show', str(pid), user='eva')['notes'], [])


if __name__ == '__main__':
    clitest.main()
