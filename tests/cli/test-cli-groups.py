#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: contact groups and their members, saved searches, campaigns
and label sheets (SPEC I1–I4, K2, E1, E5, M5).

The admin sorts the fair's visitors into contact groups and calls down the
list of those not yet contacted. Sam sells and is in the group "Sales
team"; Eva is in no group. Everything is done through the command line,
as a script would, and the label sheets are read back with poppler's
pdftotext.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402

MM = 72 / 25.4  # PDF points per millimetre
L7160 = 'a4-3x7-63.5x38.1'


class Groups(CliTestCase):

    def setUp(self):
        super().setUp()
        # Messages in English, and Finland as the home country of the addresses.
        self.base_env['LC_ALL'] = 'C.UTF-8'
        self.base_env['TZ'] = 'Europe/Helsinki'
        self.ok('group', 'add', 'Sales team')
        self.add_user('sam', 'Sam Seller', groups=['Sales team'])
        self.add_user('eva', 'Eva Else')
        self.fair = self.new_id('group', 'add', 'Fair visitors', '--contact')
        self.contacted = self.new_id('group', 'add', 'Contacted', '--contact')
        self.acme = self.new_id('company', 'add', 'Acme Oy', '--phone', '+358 9 123 456',
                                '--email', 'info@acme.example', '--street', 'Mannerheimintie 1',
                                '--postcode', '00100', '--city', 'Helsinki', '--country', 'FI')
        self.beta = self.new_id('company', 'add', 'Beta Ab', '--phone', '+46 8 555 000',
                                '--street', 'Storgatan 2', '--postcode', '111 22', '--city', 'Stockholm',
                                '--country', 'SE')
        self.gamma = self.new_id('company', 'add', 'Gamma GmbH', '--street', 'Hauptstraße 3',
                                 '--postcode', '10115', '--city', 'Berlin', '--country', 'DE')
        self.liisa = self.new_id('person', 'add', 'Liisa Laine', '--company', str(self.acme),
                                 '--phone', '+358 40 111', '--mobile', '+358 50 222',
                                 '--email', 'liisa@acme.example')
        self.pekka = self.new_id('person', 'add', 'Pekka Puu', '--company', str(self.beta))

    # Helpers

    def members(self, *args, user='admin'):
        return self.json('group', 'list-members', *args, user=user)

    def names(self, rows):
        return [r['name'] for r in rows]

    def contact_groups(self, user='admin'):
        return {g['name']: g for g in self.json('group', 'list', '--contact', user=user)}

    def counts(self, user='admin'):
        return {name: g['members'] for name, g in self.contact_groups(user).items()}

    def refs(self, companies=(), people=()):
        args = []
        for c in companies:
            args += ['--company', str(c)]
        for p in people:
            args += ['--person', str(p)]
        return args

    # SPEC I1, I2: the fair scenario

    def test_i2_fair_visitors_not_contacted_called_down_the_list(self):
        out = self.ok('group', 'members', 'add', 'Fair visitors',
                      *self.refs([self.acme, self.beta, self.gamma], [self.liisa]))
        self.assertIn('Added 4 to “Fair visitors”', out)
        self.ok('group', 'members', 'add', 'contacted', *self.refs([self.beta]))

        # In "Fair visitors" and not in "Contacted", by name, with the phone numbers.
        rows = self.members('--include', 'Fair visitors', '--exclude', 'Contacted')
        self.assertEqual(self.names(rows), ['Acme Oy', 'Gamma GmbH', 'Liisa Laine'])
        liisa = rows[2]
        self.assertEqual((liisa['kind'], liisa['type'], liisa['id']), ('person', 'person', self.liisa))
        self.assertEqual((liisa['company'], liisa['company_id']), ('Acme Oy', self.acme))
        self.assertEqual((liisa['phone'], liisa['mobile'], liisa['email']),
                         ('+358 40 111', '+358 50 222', 'liisa@acme.example'))
        self.assertEqual(liisa['groups'], ['Fair visitors'])
        self.assertEqual(liisa['group_ids'], [self.fair])
        acme = rows[0]
        self.assertEqual((acme['kind'], acme['company'], acme['phone'], acme['mobile']),
                         ('company', None, '+358 9 123 456', None))
        self.assertEqual(set(rows[0]),
                         {'id', 'type', 'kind', 'name', 'company_id', 'company', 'phone', 'mobile', 'email',
                          'city', 'groups', 'group_ids'})

        # The same as lines: kind, id, name, company, phone, mobile, e-mail, groups.
        lines = self.ok('group', 'list-members', '--include', str(self.fair),
                        '--exclude', 'Contacted').splitlines()
        self.assertEqual(lines[2].split('\t'),
                         ['person', str(self.liisa), 'Liisa Laine', 'Acme Oy', '+358 40 111', '+358 50 222',
                          'liisa@acme.example', 'Fair visitors'])

        # Calling down the list: record each call and move the contact on.
        for row in rows:
            kind = '--company' if row['kind'] == 'company' else '--person'
            args = ['--title', 'Call after the fair']
            if row['kind'] == 'company':
                args += ['--company', str(row['id'])]
            else:
                args += ['--company', str(row['company_id']), '--person', str(row['id'])]
            self.new_id('activity', 'add', *args)
            self.ok('group', 'move', 'Fair visitors', 'Contacted', kind, str(row['id']))
        self.assertEqual(self.members('--include', 'Fair visitors', '--exclude', 'Contacted'), [])
        self.assertEqual(self.names(self.members('--include', 'Contacted')),
                         ['Acme Oy', 'Beta Ab', 'Gamma GmbH', 'Liisa Laine'])
        # Beta Ab, already contacted, was never on the list and stays where it was.
        self.assertEqual(self.names(self.members('--include', 'Fair visitors')), ['Beta Ab'])
        self.assertEqual((self.counts()['Fair visitors'], self.counts()['Contacted']), (1, 4))

    def test_i2_include_any_or_all_and_kinds(self):
        visit = 'Visit'
        self.ok('group', 'members', 'add', 'Fair visitors', *self.refs([self.acme, self.beta], [self.pekka]))
        self.ok('group', 'members', 'add', visit, *self.refs([self.beta], [self.liisa]))
        self.assertEqual(self.names(self.members('--include', 'Fair visitors', '--include', visit)),
                         ['Acme Oy', 'Beta Ab', 'Liisa Laine', 'Pekka Puu'])
        self.assertEqual(self.names(self.members('--include', 'Fair visitors', '--include', visit, '--all')),
                         ['Beta Ab'])
        self.assertEqual(self.names(self.members('--include', 'Fair visitors', '--people')), ['Pekka Puu'])
        self.assertEqual(self.names(self.members('--include', 'Fair visitors', '--companies')),
                         ['Acme Oy', 'Beta Ab'])
        # Every other user sees the same contacts and counts.
        self.assertEqual(self.members('--include', 'Fair visitors', user='eva'),
                         self.members('--include', 'Fair visitors'))
        self.assertEqual(self.counts(user='eva')['Fair visitors'], 3)

    # SPEC I2: add, remove and move with counts

    def test_i2_members_add_remove_move_say_what_changed(self):
        result = self.json('group', 'members', 'add', 'Fair visitors',
                           *self.refs([self.acme, self.beta, self.acme], [self.liisa]))
        self.assertEqual(result, {'changed': 3, 'unchanged': 0, 'group_id': self.fair,
                                  'group': 'Fair visitors', 'group_members': 3})
        result = self.json('group', 'members', 'add', str(self.fair), *self.refs([self.acme, self.gamma]))
        self.assertEqual((result['changed'], result['unchanged'], result['group_members']), (1, 1, 4))

        out = self.ok('group', 'members', 'add', 'Fair visitors', *self.refs([self.acme]))
        self.assertEqual(out, 'Added 0 to “Fair visitors”, which now has 4 members\n1 was in it already\n')

        result = self.json('group', 'move', 'Fair visitors', 'Contacted', *self.refs([self.acme], [self.pekka]))
        self.assertEqual((result['from'], result['from_id'], result['to'], result['to_id']),
                         ('Fair visitors', self.fair, 'Contacted', self.contacted))
        self.assertEqual((result['from_members'], result['to_members']), (3, 2))
        self.assertEqual(self.names(self.members('--include', 'Contacted')), ['Acme Oy', 'Pekka Puu'])

        out = self.ok('group', 'move', 'Fair visitors', 'Contacted', '--company', str(self.beta))
        self.assertIn('Moved 1 from “Fair visitors” to “Contacted”', out)
        self.assertIn('“Fair visitors” now has 2, “Contacted” 3', out)

        out = self.ok('group', 'members', 'remove', 'Contacted', *self.refs([self.acme, self.gamma]))
        self.assertEqual(out, 'Removed 1 from “Contacted”, which now has 2 members\n1 was not in it\n')
        result = self.json('group', 'members', 'remove', 'Fair visitors', *self.refs([self.gamma], [self.liisa]))
        self.assertEqual((result['changed'], result['group_members']), (2, 0))

        counts = self.counts()
        self.assertEqual((counts['Fair visitors'], counts['Contacted']), (0, 2))
        self.assertEqual(counts['Mailing list'], 0)

    def test_i1_bad_group_names_and_ids_change_nothing(self):
        self.ok('group', 'members', 'add', 'Fair visitors', '--company', str(self.acme))
        before = self.counts()

        msg = self.fails('group', 'members', 'add', 'Fair visiters', '--company', str(self.beta), status=1)
        self.assertIn('Fair visiters', msg)
        msg = self.fails('group', 'move', 'Fair visitors', 'Nowhere', '--company', str(self.acme), status=1)
        self.assertIn('Nowhere', msg)
        msg = self.fails('group', 'list-members', '--include', 'Fair visitors', '--exclude', 'Nope', status=1)
        self.assertIn('Nope', msg)
        self.fails('group', 'members', 'remove', '999', '--company', str(self.acme), status=1)
        self.fails('group', 'move', 'Fair visitors', 'fair visitors', '--company', str(self.acme), status=1)
        # A missing company among real ones: nothing is added at all.
        msg = self.fails('group', 'members', 'add', 'Contacted', '--company', str(self.beta),
                         '--company', '9999', status=1)
        self.assertIn('9999', msg)
        # The command line itself is wrong.
        self.fails('group', 'members', 'add', 'Contacted', status=2)
        self.fails('group', 'members', 'add', 'Contacted', '--company', 'Acme', status=2)
        self.fails('group', 'move', 'Fair visitors', '--company', str(self.acme), status=2)
        self.fails('group', 'members', 'Contacted', '--company', str(self.acme), status=2)
        self.assertEqual(self.counts(), before)

        # Only administrators add contact groups; a taken name is refused.
        self.fails('group', 'add', 'Sam’s group', '--contact', user='sam', status=1)
        msg = self.fails('group', 'add', 'FAIR VISITORS', '--contact', status=1)
        self.assertIn('already', msg)
        self.assertEqual(set(self.contact_groups()), set(before))

    def test_i1_user_groups_keep_their_commands(self):
        # "group add NAME" and "group list" are still about groups of users.
        self.assertEqual(self.ok('group', 'list'), '1\tSales team\n')
        self.assertEqual(self.json('group', 'list'), [{'id': 1, 'type': 'group', 'name': 'Sales team'}])
        self.assertEqual(self.new_id('group', 'add', 'Delivery'), 2)
        self.assertEqual(self.ok('group', 'list'), '2\tDelivery\n1\tSales team\n')
        self.add_user('dave', 'Dave Delivery', groups=['Delivery'])
        self.fails('user', 'add', 'x', '--name', 'X', '--group', 'Fair visitors', new_password='pw-secret-77',
                   status=1)

        # Contact groups come with --contact, the shipped ones first.
        groups = self.json('group', 'list', '--contact')
        self.assertEqual([g['name'] for g in groups],
                         ['Mailing list', 'Candidates', 'Visit', 'Do not contact', 'Fair visitors', 'Contacted'])
        dnc = groups[3]
        self.assertEqual((dnc['type'], dnc['do_not_contact'], dnc['members'], dnc['builtin']),
                         ('contact-group', True, 0, 'Do not contact'))
        self.assertEqual(set(dnc), {'id', 'type', 'name', 'members', 'do_not_contact', 'builtin'})
        self.assertEqual(groups[4]['builtin'], None)
        lines = self.ok('group', 'list', '--contact').splitlines()
        self.assertEqual(lines[3].split('\t'), [str(dnc['id']), 'Do not contact', '0', 'do not contact'])

        gid = self.new_id('group', 'add', 'Press', '--contact', '--do-not-contact')
        self.assertTrue(self.contact_groups()['Press']['do_not_contact'])
        self.assertEqual(gid, self.contact_groups()['Press']['id'])
        self.fails('group', 'add', 'Quiet', '--do-not-contact', status=2)
        self.assertNotIn('Quiet', self.contact_groups())
        self.assertNotIn('Press', self.ok('group', 'list'))

    # SPEC K2: saved searches

    def test_k2_quotes_and_odd_characters_in_search_values(self):
        quoted = self.new_id('company', 'add', '"Tools" 100% Oy', '--city', 'Åbo')
        irish = self.new_id('company', 'add', "O'Brien & Sons", '--city', 'Dublin')
        self.new_id('company', 'add', 'Toolbox Oy', '--city', 'Oulu')

        self.new_id('search', 'save', 'Quoted', '--where', 'name contains "tools"')
        self.new_id('search', 'save', 'Irish', '--where', "name is o'brien & sons")
        self.new_id('search', 'save', 'Percent', '--where', 'name contains 100%', '--where', 'city starts-with åB')
        self.new_id('search', 'save', 'Wildcards', '--where', 'name contains _')

        self.assertEqual([r['id'] for r in self.json('search', 'run', 'Quoted')], [quoted])
        self.assertEqual([r['id'] for r in self.json('search', 'run', 'irish')], [irish])
        self.assertEqual([r['id'] for r in self.json('search', 'run', 'Percent')], [quoted])
        self.assertEqual(self.json('search', 'run', 'Wildcards'), [])

        saved = {s['name']: s for s in self.json('search', 'list')}
        self.assertEqual(saved['Quoted']['criteria'], [{'field': 'name', 'op': 'contains', 'value': '"tools"'}])
        self.assertEqual(saved['Irish']['criteria'][0]['value'], "o'brien & sons")
        line = [li for li in self.ok('search', 'list').splitlines() if '\tQuoted\t' in li][0]
        self.assertEqual(line.split('\t')[1:], ['Quoted', 'companies', 'all', 'shared', 'name contains "tools"'])

    def test_k2_bad_conditions_are_explained_and_save_nothing(self):
        for where, words in (('city', 'FIELD OPERATOR VALUE'),
                             ('colour is red', 'colour'),
                             ('city resembles Turku', 'resembles'),
                             ('group in No such group', 'No such group'),
                             ('role in Reseller', 'Reseller'),
                             ('created before yesterday', 'yesterday')):
            msg = self.fails('search', 'save', 'Broken', '--where', where, status=1)
            self.assertIn(words, msg, where)
        self.fails('search', 'save', 'Broken', status=2)
        self.fails('search', 'save', 'Broken', '--people', '--companies', '--where', 'city is Oulu', status=2)
        self.assertEqual(self.json('search', 'list'), [])
        msg = self.fails('search', 'run', 'Broken', status=1)
        self.assertIn('Broken', msg)

    def test_k2_full_text_search_still_finds_save_and_list(self):
        save = self.new_id('company', 'add', 'Save Oy')
        self.new_id('company', 'add', 'List Ltd')
        self.assertIn(('company', self.acme), [(h['type'], h['id']) for h in self.json('search', 'Acme')])
        # Options go before "--": after it everything is text to search for.
        hits = json.loads(self.ok('search', '--json', '--', 'save'))
        self.assertEqual([(h['type'], h['id']) for h in hits], [('company', save)])
        self.assertIn('List Ltd', self.ok('search', '--', 'list'))
        msg = self.fails('search', 'save', status=2)
        self.assertIn('search -- save', msg)
        msg = self.fails('search', 'list', 'Ltd', status=2)
        self.assertIn('search -- list Ltd', msg)
        help_text = self.ok('search', '--help', user=None, db=False)
        self.assertIn('--limit', help_text)
        self.assertIn('search save', help_text)
        self.assertIn('search -- save', help_text)

    # SPEC K2, I3, E1, E5: a saved search as a campaign's target list

    def test_i3_saved_search_and_campaign_lifecycle(self):
        self.ok('group', 'members', 'add', 'Fair visitors', *self.refs([self.acme, self.gamma], [self.liisa]))
        self.ok('group', 'members', 'add', 'Contacted', *self.refs([self.gamma]))

        sid = self.new_id('search', 'save', 'Fair not contacted', '--where', 'group in Fair visitors',
                          '--where', 'group not-in Contacted')
        self.assertEqual(self.names(self.json('search', 'run', 'Fair not contacted')), ['Acme Oy'])
        people = self.new_id('search', 'save', 'Fair people', '--people', '--where', 'group in fair visitors',
                             '--where', 'city is Nowhere', '--any')
        self.assertEqual(self.names(self.json('search', 'run', str(people))), ['Liisa Laine'])
        saved = {s['name']: s for s in self.json('search', 'list')}
        self.assertEqual((saved['Fair people']['entity'], saved['Fair people']['match']), ('people', 'any'))
        self.assertEqual(saved['Fair not contacted']['criteria'][0],
                         {'field': 'group', 'op': 'in', 'value': str(self.fair)})
        self.assertEqual((saved['Fair not contacted']['owner'], saved['Fair not contacted']['shared']),
                         ('admin', True))
        self.assertIn('group in Fair visitors and group not-in Contacted', self.ok('search', 'list'))

        # A name is saved once; --replace changes it, by its owner or an administrator only.
        self.fails('search', 'save', 'fair not contacted', '--where', 'city is Helsinki', status=1)
        self.assertEqual(self.new_id('search', 'save', 'Fair not contacted', '--replace',
                                     '--where', 'group in Fair visitors'), sid)
        self.assertEqual(self.names(self.json('search', 'run', 'Fair not contacted')), ['Acme Oy', 'Gamma GmbH'])
        self.fails('search', 'save', 'Fair not contacted', '--replace', '--where', 'city is Oulu',
                   user='sam', status=1)

        # The campaign and its target list.
        cid = self.new_id('campaign', 'add', 'Spring mailing', '--search', 'Fair not contacted',
                          '--from', '2027-03-01', '--to', '2027-04-30', '--description', 'Spring offers')
        self.fails('campaign', 'add', 'SPRING MAILING', status=1)
        self.fails('campaign', 'add', 'Backwards', '--from', '2027-03-01', '--to', '2027-02-01', status=1)
        self.fails('campaign', 'add', 'No such', '--search', 'No such search', status=1)
        self.fails('campaign', 'add', 'Bad date', '--from', '2027-02-30', status=1)
        self.assertEqual([c['name'] for c in self.json('campaign', 'list')], ['Spring mailing'])

        self.new_id('activity', 'add', '--title', 'Mail the offer', '--company', str(self.acme),
                    '--campaign', 'spring mailing', user='sam')
        sale = self.new_id('sale', 'add', '--company', str(self.acme), '--title', 'Spring deal',
                           '--campaign', 'Spring mailing', '--value', '1200', user='sam')

        shown = self.json('campaign', 'show', 'Spring mailing', user='sam')
        self.assertEqual((shown['id'], shown['name'], shown['starts_on'], shown['ends_on']),
                         (cid, 'Spring mailing', '2027-03-01', '2027-04-30'))
        self.assertEqual((shown['search'], shown['search_id'], shown['description']),
                         ('Fair not contacted', sid, 'Spring offers'))
        self.assertEqual((shown['targets'], shown['n_activities'], shown['n_sales']), (2, 1, 1))
        self.assertEqual([a['title'] for a in shown['activities']], ['Mail the offer'])
        self.assertEqual(shown['activities'][0]['campaign'], 'Spring mailing')
        self.assertEqual([(s['id'], s['name'], s['campaign']) for s in shown['sales']],
                         [(sale, 'Spring deal', 'Spring mailing')])
        self.assertEqual(self.json('campaign', 'show', str(cid)), shown)
        text = self.ok('campaign', 'show', 'Spring mailing')
        for part in ('Spring mailing', 'Targets: 2', 'Mail the offer', 'Spring deal', 'Fair not contacted'):
            self.assertIn(part, text)
        listed = self.json('campaign', 'list')[0]
        self.assertEqual((listed['n_activities'], listed['n_sales'], listed['search']),
                         (1, 1, 'Fair not contacted'))
        self.assertEqual(self.ok('campaign', 'list').split('\t')[:5],
                         [str(cid), 'Spring mailing', '2027-03-01', '2027-04-30', 'Fair not contacted'])

        # The target list is re-run: it follows the groups.
        self.ok('group', 'members', 'add', 'Fair visitors', '--company', str(self.beta))
        self.assertEqual(self.json('campaign', 'show', 'Spring mailing')['targets'], 3)
        self.fails('campaign', 'show', 'Autumn mailing', status=1)

    def test_e1_e5_what_others_may_not_see_never_appears(self):
        self.ok('group', 'members', 'add', 'Fair visitors', '--company', str(self.acme))
        self.new_id('search', 'save', 'Fair', '--where', 'group in Fair visitors')
        self.new_id('search', 'save', 'Sam’s secret list', '--private', '--where', 'city is Helsinki', user='sam')
        self.new_id('campaign', 'add', 'Autumn', '--search', 'Fair')

        self.new_id('activity', 'add', '--title', 'Walrus negotiation', '--company', str(self.acme),
                    '--campaign', 'Autumn', '--private', '--start', '2027-09-01 10:00', '--busy', user='sam')
        self.new_id('activity', 'add', '--title', 'Team-only tactics', '--company', str(self.acme),
                    '--campaign', 'Autumn', '--visible-to', 'Sales team', user='sam')
        self.new_id('sale', 'add', '--company', str(self.acme), '--title', 'Confidential upsell',
                    '--campaign', 'Autumn', '--visible-to', 'Sales team', user='sam')
        self.new_id('activity', 'add', '--title', 'Open letter', '--company', str(self.acme),
                    '--campaign', 'Autumn', user='sam')

        mine = self.json('campaign', 'show', 'Autumn', user='sam')
        self.assertEqual(sorted(a['title'] for a in mine['activities']),
                         ['Open letter', 'Team-only tactics', 'Walrus negotiation'])
        self.assertEqual(len(mine['sales']), 1)

        for user in ('eva', 'admin'):
            raw = self.ok('campaign', 'show', 'Autumn', '--json', user=user)
            shown = json.loads(raw)
            self.assertNotIn('Walrus', raw)
            self.assertNotIn('Busy', raw)
            self.assertNotIn('Walrus', self.ok('campaign', 'show', 'Autumn', user=user))
            self.assertNotIn('Walrus', self.ok('campaign', 'list', '--json', user=user))
            titles = [a['title'] for a in shown['activities']]
            self.assertNotIn('Walrus negotiation', titles)
            self.assertEqual(shown['n_activities'], len(titles))
            self.assertEqual(shown['n_sales'], len(shown['sales']))
        eva = self.json('campaign', 'show', 'Autumn', user='eva')
        self.assertEqual([a['title'] for a in eva['activities']], ['Open letter'])
        self.assertEqual((eva['sales'], eva['n_activities'], eva['n_sales']), ([], 1, 0))
        raw = self.ok('campaign', 'show', 'Autumn', '--json', user='eva')
        self.assertNotIn('Team-only', raw)
        self.assertNotIn('Confidential', raw)

        # A private saved search is Sam's alone, not even its name shows.
        self.assertNotIn('secret', self.ok('search', 'list', '--json', user='eva'))
        self.assertNotIn('secret', self.ok('search', 'list', '--json', user='admin'))
        msg = self.fails('search', 'run', 'Sam’s secret list', user='eva', status=1)
        self.assertIn('no saved search', msg)
        self.fails('campaign', 'add', 'Stolen', '--search', 'Sam’s secret list', user='eva', status=1)
        self.assertEqual(self.names(self.json('search', 'run', 'Sam’s secret list', user='sam')), ['Acme Oy'])

    # SPEC I4: label sheets

    def labels(self, *args, user='admin', out=None):
        """Runs labels with @args; returns (path, stderr lines)."""
        out = out or os.path.join(self.tmp.name, 'labels.pdf')
        r = self.run_cli('labels', *args, '--out', out, user=user)
        self.assertEqual(r.status, 0, r.stderr)
        self.assertTrue(os.path.getsize(out) > 0)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(5), b'%PDF-')
        return out, r.stderr.splitlines()

    def pdf_text(self, path):
        return subprocess.run(['pdftotext', '-layout', path, '-'], check=True,
                              stdout=subprocess.PIPE).stdout.decode('utf-8')

    def pdf_words(self, path):
        """Every word of the PDF: (page, text, x, y) with x, y in mm from the top left."""
        html = subprocess.run(['pdftotext', '-bbox', path, '-'], check=True,
                              stdout=subprocess.PIPE).stdout.decode('utf-8')
        html = re.sub(r'<!DOCTYPE[^>]*>', '', html)
        html = html.replace(' xmlns="http://www.w3.org/1999/xhtml"', '')
        root = ET.fromstring(html)
        words = []
        for number, page in enumerate(root.iter('page')):
            for word in page.iter('word'):
                words.append((number, word.text, float(word.get('xMin')) / MM, float(word.get('yMin')) / MM))
        return words

    def template(self, template_id):
        return {t['id']: t for t in self.json('labels', 'templates')}[template_id]

    def label_rect(self, template, index):
        column, row = index % template['columns'], index // template['columns']
        x = template['margin_left'] + column * (template['label_width'] + template['gap_x'])
        y = template['margin_top'] + row * (template['label_height'] + template['gap_y'])
        return x, y, x + template['label_width'], y + template['label_height']

    def assert_in_label(self, words, text, template, index, page=0):
        found = [w for w in words if w[1] == text and w[0] == page]
        self.assertEqual(len(found), 1, (text, words))
        _, _, x, y = found[0]
        x0, y0, x1, y1 = self.label_rect(template, index)
        self.assertTrue(x0 < x < x1 and y0 < y < y1,
                        '%s at (%.1f, %.1f) mm is not on label %d (%.1f, %.1f)–(%.1f, %.1f)'
                        % (text, x, y, index + 1, x0, y0, x1, y1))

    def test_i4_templates_list_the_common_sheets(self):
        templates = self.json('labels', 'templates')
        ids = [t['id'] for t in templates]
        for wanted in (L7160, 'a4-3x8-70x37', 'a4-2x7-99.1x38.1', 'a4-2x8-99.1x33.9', 'a4-3x7-70x42.3',
                       'a4-2x4-99.1x67.7'):
            self.assertIn(wanted, ids)
        sheet = self.template(L7160)
        self.assertEqual((sheet['columns'], sheet['rows'], sheet['labels_per_sheet'], sheet['builtin']),
                         (3, 7, 21, True))
        self.assertAlmostEqual(sheet['label_width'], 63.5)
        self.assertAlmostEqual(sheet['label_height'], 38.1)
        self.assertAlmostEqual(sheet['page_width'], 210)
        self.assertEqual(set(sheet), {'id', 'name', 'product', 'builtin', 'page_width', 'page_height', 'columns',
                                      'rows', 'labels_per_sheet', 'label_width', 'label_height', 'margin_top',
                                      'margin_left', 'gap_x', 'gap_y', 'corner_radius'})
        line = [li for li in self.ok('labels', 'templates').splitlines() if li.startswith(L7160 + '\t')][0]
        self.assertEqual(line.split('\t')[2:], ['3×7', '63.5×38.1'])

    @unittest.skipUnless(shutil.which('pdftotext'), 'needs poppler-utils')
    def test_i4_labels_for_a_group_leave_out_do_not_contact(self):
        self.ok('group', 'members', 'add', 'Fair visitors',
                *self.refs([self.acme, self.beta, self.gamma], [self.pekka]))
        self.ok('group', 'members', 'add', 'Do not contact', '--company', str(self.gamma))
        # A person is left out through their company too.
        self.ok('group', 'members', 'add', 'Do not contact', '--company', str(self.beta))

        path, lines = self.labels('--template', L7160, '--group', 'Fair visitors')
        self.assertEqual(lines, ['Wrote 1 label on 1 page to %s' % path,
                                 '3 left out for “Do not contact”; add --include-do-not-contact to print them'])
        text = self.pdf_text(path)
        self.assertIn('Acme Oy', text)
        self.assertIn('Mannerheimintie 1', text)
        self.assertIn('00100', text)
        for hidden in ('Beta', 'Gamma', 'Pekka', 'Storgatan', 'Hauptstraße'):
            self.assertNotIn(hidden, text)

        path, lines = self.labels('--template', L7160, '--group', str(self.fair), '--include-do-not-contact')
        self.assertEqual(lines, ['Wrote 4 labels on 1 page to %s' % path])
        text = self.pdf_text(path)
        for shown in ('Acme Oy', 'Beta Ab', 'Gamma GmbH', 'Pekka Puu', 'Hauptstraße 3', 'GERMANY', 'SWEDEN'):
            self.assertIn(shown, text)
        self.assertNotIn('FINLAND', text)

        # The same with --include/--exclude, with --json for scripts.
        out = os.path.join(self.tmp.name, 'filtered.pdf')
        r = self.run_cli('labels', '--template', L7160, '--include', 'Fair visitors', '--exclude', 'Contacted',
                         '--include-do-not-contact', '--out', out, '--json')
        self.assertEqual(r.status, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), {'file': out, 'template': L7160, 'labels': 4, 'pages': 1,
                                                'left_out': 0, 'start_at': 1})
        self.ok('group', 'members', 'add', 'Contacted', '--company', str(self.acme))
        path, lines = self.labels('--template', L7160, '--include', 'Fair visitors', '--exclude', 'Contacted',
                                  '--include-do-not-contact')
        self.assertNotIn('Acme', self.pdf_text(path))

        # Nobody left: said plainly, and no file is written.
        out = os.path.join(self.tmp.name, 'nobody.pdf')
        msg = self.fails('labels', '--template', L7160, '--include', 'Fair visitors', '--exclude', 'Contacted',
                         '--out', out, status=1)
        self.assertIn('--include-do-not-contact', msg)
        self.assertFalse(os.path.exists(out))

    @unittest.skipUnless(shutil.which('pdftotext'), 'needs poppler-utils')
    def test_i4_labels_for_a_campaign_and_a_saved_search(self):
        self.ok('group', 'members', 'add', 'Fair visitors', *self.refs([self.beta, self.gamma]))
        self.new_id('search', 'save', 'Fair', '--where', 'group in Fair visitors')
        self.new_id('search', 'save', 'Fair people', '--people', '--where', 'company contains beta')
        self.new_id('campaign', 'add', 'Autumn', '--search', 'Fair')
        self.new_id('campaign', 'add', 'Untargeted')

        path, lines = self.labels('--template', 'a4-2x7-99.1x38.1', '--campaign', 'autumn', user='eva')
        self.assertEqual(lines[0], 'Wrote 2 labels on 1 page to %s' % path)
        text = self.pdf_text(path)
        self.assertIn('Beta Ab', text)
        self.assertIn('Gamma GmbH', text)
        self.assertNotIn('Acme', text)
        path, lines = self.labels('--template', 'L7163', '--search', 'Fair people')
        self.assertIn('Pekka Puu', self.pdf_text(path))
        msg = self.fails('labels', '--template', L7160, '--campaign', 'Untargeted',
                         '--out', os.path.join(self.tmp.name, 'x.pdf'), status=1)
        self.assertIn('Untargeted', msg)

    @unittest.skipUnless(shutil.which('pdftotext'), 'needs poppler-utils')
    def test_i4_start_at_shifts_the_first_label_on_the_sheet(self):
        sheet = self.template(L7160)
        zeta = self.new_id('company', 'add', 'Zetaworks Oy', '--street', 'Kauppakatu 9', '--postcode', '33100',
                           '--city', 'Tampere')
        omega = self.new_id('company', 'add', 'Zulu Oy', '--city', 'Oulu', '--postcode', '90100')
        self.ok('group', 'members', 'add', 'Visit', *self.refs([zeta, omega]))

        path, _ = self.labels('--template', L7160, '--group', 'Visit')
        words = self.pdf_words(path)
        self.assert_in_label(words, 'Zetaworks', sheet, 0)
        self.assert_in_label(words, 'Zulu', sheet, 1)

        # Label 5 is the second column of the second row; the next one follows it.
        path, _ = self.labels('--template', L7160, '--group', 'Visit', '--start-at', '5')
        words = self.pdf_words(path)
        self.assert_in_label(words, 'Zetaworks', sheet, 4)
        self.assert_in_label(words, 'Kauppakatu', sheet, 4)
        self.assert_in_label(words, 'Zulu', sheet, 5)

        # The last label of the sheet: the second address goes to the next page.
        path, lines = self.labels('--template', L7160, '--group', 'Visit', '--start-at', '21')
        self.assertEqual(lines, ['Wrote 2 labels on 2 pages to %s' % path])
        words = self.pdf_words(path)
        self.assert_in_label(words, 'Zetaworks', sheet, 20)
        self.assert_in_label(words, 'Zulu', sheet, 0, page=1)

        # Another sheet, another geometry.
        other = self.template('a4-2x4-99.1x67.7')
        path, _ = self.labels('--template', other['id'], '--group', 'Visit', '--start-at', '4')
        words = self.pdf_words(path)
        self.assert_in_label(words, 'Zetaworks', other, 3)
        self.assert_in_label(words, 'Zulu', other, 4)

    def test_i4_labels_refuse_bad_templates_positions_and_files(self):
        self.ok('group', 'members', 'add', 'Visit', '--company', str(self.acme))
        out = os.path.join(self.tmp.name, 'labels.pdf')

        msg = self.fails('labels', '--template', 'a4-9x9', '--group', 'Visit', '--out', out, status=1)
        self.assertIn('a4-9x9', msg)
        self.assertIn('labels templates', msg)
        for start in ('22', '0', '-3'):
            msg = self.fails('labels', '--template', L7160, '--group', 'Visit', '--start-at', start,
                             '--out', out, status=1)
            self.assertIn('21', msg)
        msg = self.fails('labels', '--template', L7160, '--group', 'Visit', '--out',
                         os.path.join(self.tmp.name, 'no-such-folder', 'labels.pdf'), status=1)
        self.assertIn('no-such-folder', msg)
        msg = self.fails('labels', '--template', L7160, '--group', 'Visit', '--out', self.tmp.name, status=1)
        self.assertIn('folder', msg)
        msg = self.fails('labels', '--template', L7160, '--group', 'No such group', '--out', out, status=1)
        self.assertIn('No such group', msg)
        self.assertFalse(os.path.exists(out))

        # The command line itself is wrong.
        self.fails('labels', '--group', 'Visit', '--out', out, status=2)
        self.fails('labels', '--template', L7160, '--group', 'Visit', status=2)
        self.fails('labels', '--template', L7160, '--out', out, status=2)
        self.fails('labels', '--template', L7160, '--group', 'Visit', '--campaign', 'X', '--out', out, status=2)
        self.fails('labels', '--template', L7160, '--exclude', 'Visit', '--out', out, status=2)
        self.fails('labels', '--template', L7160, '--group', 'Visit', '--start-at', 'five', '--out', out,
                   status=2)
        self.assertFalse(os.path.exists(out))
        self.assertEqual([f for f in os.listdir(self.tmp.name) if f.endswith(('.pdf', '.part'))], [])

if __name__ == '__main__':
    clitest.main()
