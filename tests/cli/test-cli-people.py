#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: people (SPEC C1, C2, M5)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class People(CliTestCase):

    def people(self):
        return self.json('person', 'list')

    def test_c1_person_on_their_own(self):
        pid = self.new_id('person', 'add', 'Liisa Lonely')
        person = self.json('person', 'show', str(pid))
        self.assertEqual(person['id'], pid)
        self.assertEqual(person['type'], 'person')
        self.assertEqual(person['name'], 'Liisa Lonely')
        self.assertIsNone(person['company'])
        self.assertEqual(person['notes'], [])

    def test_c1_c2_person_at_a_company(self):
        cid = self.new_id('company', 'add', 'Acme Oy')
        pid = self.new_id('person', 'add', 'Mari Mäkinen', '--company', str(cid),
                          '--title', 'Purchasing Manager', '--email', 'mari@acme.fi',
                          '--phone', '+358 9 123', '--mobile', '+358 40 555')
        person = self.json('person', 'show', str(pid))
        self.assertEqual(person['company'], {'id': cid, 'type': 'company', 'name': 'Acme Oy'})
        self.assertEqual(person['job-title'], 'Purchasing Manager')
        self.assertEqual(person['email'], 'mari@acme.fi')
        self.assertEqual(person['phone'], '+358 9 123')
        self.assertEqual(person['mobile'], '+358 40 555')

        company = self.json('company', 'show', str(cid))
        self.assertEqual([(p['id'], p['name'], p['type']) for p in company['people']],
                         [(pid, 'Mari Mäkinen', 'person')])

        text = self.ok('person', 'show', str(pid)).splitlines()
        self.assertIn('Title: Purchasing Manager', text)
        self.assertIn('Company: Acme Oy (id %d)' % cid, text)
        line = self.ok('person', 'list').splitlines()[0].split('\t')
        self.assertEqual(line[:4], [str(pid), 'Mari Mäkinen', 'Purchasing Manager', 'Acme Oy'])

    def test_c1_missing_company_is_refused(self):
        self.new_id('person', 'add', 'Existing Person')
        message = self.fails('person', 'add', 'Ghost Worker', '--company', '999')
        self.assertIn('999', message)
        self.fails('person', 'add', 'Ghost Worker', '--company', 'acme', status=2)
        self.assertEqual([p['name'] for p in self.people()], ['Existing Person'])

    def test_c1_no_name_is_refused(self):
        self.fails('person', 'add', status=2)
        self.fails('person', 'add', '')
        self.assertEqual(self.people(), [])

    def test_c2_fields_of_people(self):
        self.new_id('field', 'add', 'person', 'classification', 'Decision maker', '--type', 'bool')
        self.new_id('field', 'add', 'person', 'additional', 'Birthday', '--type', 'date')
        self.new_id('field', 'add', 'company', 'additional', 'Employees', '--type', 'number')
        pid = self.new_id('person', 'add', 'Jan Kowalski', '--set', 'Decision maker=yes',
                          '--set', 'Birthday=31.12.1980')
        person = self.json('person', 'show', str(pid))
        self.assertIs(person['Decision maker'], True)
        self.assertEqual(person['Birthday'], '1980-12-31')
        self.assertNotIn('Employees', person)

        # A company's field is not a person's.
        message = self.fails('person', 'add', 'Eva', '--set', 'Employees=3')
        self.assertIn('Employees', message)
        self.fails('person', 'add', 'Eva', '--set', 'Birthday=1980-02-30')
        self.assertEqual([p['name'] for p in self.people()], ['Jan Kowalski'])

    def test_c1_show_of_missing_person_fails(self):
        self.fails('person', 'show', '42', status=1)
        self.fails('person', 'show', 'forty-two', status=2)


if __name__ == '__main__':
    clitest.main()
