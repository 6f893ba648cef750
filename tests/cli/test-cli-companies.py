#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: companies, partner roles, classification and additional
fields (SPEC B1, B2, B3, B4, B5, M5)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class Companies(CliTestCase):

    def test_b1_name_is_enough(self):
        cid = self.new_id('company', 'add', 'Solo Oy')
        company = self.json('company', 'show', str(cid))
        self.assertEqual(company['id'], cid)
        self.assertEqual(company['type'], 'company')
        self.assertEqual(company['name'], 'Solo Oy')
        self.assertIsNone(company['phone'])
        self.assertEqual(company['roles'], [])
        self.assertEqual(company['people'], [])
        self.assertEqual(company['notes'], [])
        self.assertEqual(self.company_names(), ['Solo Oy'])

    def test_b1_no_name_is_refused(self):
        self.fails('company', 'add', status=2)
        message = self.fails('company', 'add', '   ')
        self.assertIn('name', message)
        self.assertEqual(self.company_names(), [])

    def test_b2_every_option(self):
        cid = self.new_id('company', 'add', 'Example Oy',
                          '--phone', '+358 40 123 4567',
                          '--fax', '+358 9 765 4321',
                          '--email', 'info@example.fi',
                          '--website', 'https://example.fi',
                          '--business-id', '0112038-9',
                          '--vat', 'FI01120389',
                          '--street', 'Hämeenkatu 1',
                          '--postcode', '33100',
                          '--city', 'Tampere',
                          '--country', 'FI')
        company = self.json('company', 'show', str(cid))
        expected = {
            'name': 'Example Oy',
            'phone': '+358 40 123 4567',
            'fax': '+358 9 765 4321',
            'email': 'info@example.fi',
            'website': 'https://example.fi',
            'business-id': '0112038-9',
            'vat-number': 'FI01120389',
            'visit-street': 'Hämeenkatu 1',
            'visit-postcode': '33100',
            'visit-city': 'Tampere',
            'visit-country': 'FI',
        }
        for key, value in expected.items():
            self.assertEqual(company[key], value, key)

        # The text form: "Label: value" lines.
        text = self.ok('company', 'show', str(cid)).splitlines()
        self.assertIn('Name: Example Oy', text)
        self.assertIn('Business ID: 0112038-9', text)
        self.assertIn('Visiting address: Hämeenkatu 1, 33100 Tampere, FI', text)

    def test_b2_business_ids_are_checked(self):
        self.new_id('company', 'add', 'Finnish Oy', '--business-id', '0112038-9')
        self.new_id('company', 'add', 'Polska Sp. z o.o.', '--business-id', '5260250274')
        before = self.ok('company', 'list')

        message = self.fails('company', 'add', 'Wrong Oy', '--business-id', '0112038-8')
        self.assertIn('0112038-8', message)
        message = self.fails('company', 'add', 'Zła Sp. z o.o.', '--business-id', '5260250275')
        self.assertIn('5260250275', message)

        self.assertEqual(self.ok('company', 'list'), before)
        self.assertEqual(sorted(self.company_names()), ['Finnish Oy', 'Polska Sp. z o.o.'])

    def test_b2_bad_email_is_refused(self):
        self.fails('company', 'add', 'Mail Oy', '--email', 'not-an-address')
        self.assertEqual(self.company_names(), [])

    def test_b3_partner_roles(self):
        self.new_id('role', 'add', 'customer')
        self.new_id('role', 'add', 'supplier')
        self.assertEqual(sorted(r['name'] for r in self.json('role', 'list')),
                         ['customer', 'supplier'])
        cid = self.new_id('company', 'add', 'Both Oy', '--role', 'customer', '--role', 'supplier')
        self.assertEqual(sorted(self.json('company', 'show', str(cid))['roles']),
                         ['customer', 'supplier'])

    def test_b3_unknown_role_is_refused(self):
        self.new_id('role', 'add', 'customer')
        message = self.fails('company', 'add', 'Odd Oy', '--role', 'customer', '--role', 'alien')
        self.assertIn('alien', message)
        self.assertEqual(self.company_names(), [])

    def add_fields(self):
        self.new_id('field', 'add', 'company', 'classification', 'Industry',
                    '--type', 'choice', '--choices', 'Retail,Wholesale,Software')
        self.new_id('field', 'add', 'company', 'classification', 'Class', '--choices', 'A,B,C')
        self.new_id('field', 'add', 'company', 'additional', 'Notes text')
        self.new_id('field', 'add', 'company', 'additional', 'Employees', '--type', 'number')
        self.new_id('field', 'add', 'company', 'additional', 'Founded', '--type', 'date')
        self.new_id('field', 'add', 'company', 'additional', 'Newsletter', '--type', 'bool')
        self.new_id('field', 'add', 'company', 'additional', 'Intranet', '--type', 'link')

    def test_b4_b5_fields_of_each_type(self):
        self.add_fields()
        fields = {f['name']: f for f in self.json('field', 'list', 'company')}
        self.assertEqual(fields['Industry']['field-type'], 'choice')
        self.assertEqual(fields['Industry']['kind'], 'classification')
        self.assertEqual(fields['Industry']['choices'], ['Retail', 'Wholesale', 'Software'])
        self.assertEqual(fields['Class']['field-type'], 'choice')
        self.assertEqual(fields['Notes text']['field-type'], 'text')
        self.assertEqual(fields['Employees']['field-type'], 'number')
        self.assertEqual(fields['Founded']['field-type'], 'date')
        self.assertEqual(fields['Newsletter']['field-type'], 'bool')
        self.assertEqual(fields['Intranet']['field-type'], 'link')
        self.assertEqual(self.json('field', 'list', 'person'), [])

        cid = self.new_id('company', 'add', 'Typed Oy',
                          '--set', 'Industry=Software',
                          '--set', 'Class=B',
                          '--set', 'Notes text=Likes = signs',
                          '--set', 'Employees=42',
                          '--set', 'Founded=2026-02-28',
                          '--set', 'Newsletter=yes',
                          '--set', 'Intranet=https://intra.example')
        company = self.json('company', 'show', str(cid))
        self.assertEqual(company['Industry'], 'Software')
        self.assertEqual(company['Class'], 'B')
        self.assertEqual(company['Notes text'], 'Likes = signs')
        self.assertEqual(company['Employees'], 42)
        self.assertIsInstance(company['Employees'], int)
        self.assertEqual(company['Founded'], '2026-02-28')
        self.assertIs(company['Newsletter'], True)
        self.assertEqual(company['Intranet'], 'https://intra.example')
        self.assertEqual(company['fields']['Employees'], 42)

        cid = self.new_id('company', 'add', 'Other Oy', '--set', 'Newsletter=no',
                          '--set', 'Employees=2.5')
        company = self.json('company', 'show', str(cid))
        self.assertIs(company['Newsletter'], False)
        self.assertEqual(company['Employees'], 2.5)
        self.assertIsNone(company['Industry'])

        text = self.ok('company', 'show', str(cid)).splitlines()
        self.assertIn('Newsletter: No', text)

    def test_b4_b5_invalid_values_are_refused(self):
        self.add_fields()
        for assignment in ('Employees=abc', 'Founded=2026-02-30', 'Industry=Mining',
                           'Newsletter=perhaps'):
            message = self.fails('company', 'add', 'Bad Oy', '--set', assignment)
            self.assertIn(assignment.split('=')[0], message)
        self.fails('company', 'add', 'Bad Oy', '--set', 'no-equals-sign', status=2)
        self.assertEqual(self.company_names(), [])

    def test_b4_b5_unknown_field_is_refused(self):
        self.add_fields()
        message = self.fails('company', 'add', 'Bad Oy', '--set', 'Colour=red')
        self.assertIn('Colour', message)
        self.assertEqual(self.company_names(), [])

    def test_b4_field_definitions_are_checked(self):
        self.fails('field', 'add', 'company', 'classification', 'Empty', '--type', 'choice')
        self.fails('field', 'add', 'company', 'additional', 'N', '--type', 'number',
                   '--choices', 'A,B', status=2)
        self.fails('field', 'add', 'company', 'additional', 'N', '--type', 'colour', status=2)
        self.fails('field', 'add', 'project', 'additional', 'N', status=2)
        self.fails('field', 'add', 'company', 'special', 'N', status=2)
        self.new_id('field', 'add', 'company', 'additional', 'Twice')
        self.fails('field', 'add', 'company', 'additional', 'Twice')
        self.assertEqual([f['name'] for f in self.json('field', 'list', 'company')], ['Twice'])

    def test_list_walks_the_register_in_pages(self):
        # More than one page (200), with equal names across the page
        # boundary: nothing is lost or repeated.
        for i in range(205):
            name = 'Same Oy' if 190 <= i < 210 else 'Company %03d' % i
            self.new_id('company', 'add', name)
        companies = self.json('company', 'list')
        self.assertEqual(len(companies), 205)
        self.assertEqual(len({c['id'] for c in companies}), 205)
        keys = [(c['name'].lower(), c['id']) for c in companies]
        self.assertEqual(keys, sorted(keys))
        self.assertTrue(all(c['type'] == 'company' for c in companies))
        lines = self.ok('company', 'list').splitlines()
        self.assertEqual(len(lines), 205)
        self.assertEqual(lines[0].split('\t')[:2], [str(companies[0]['id']), companies[0]['name']])


if __name__ == '__main__':
    clitest.main()
