#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: search (SPEC K1, E5, M5)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class Search(CliTestCase):

    def setUp(self):
        super().setUp()
        self.ok('field', 'add', 'company', 'classification', 'Industry',
                '--choices', 'Shipbuilding,Retail')
        self.cid = self.new_id('company', 'add', 'Acme (Oy)', '--city', 'Tampere',
                               '--set', 'Industry=Shipbuilding')
        self.pid = self.new_id('person', 'add', 'Mari Mäkinen', '--company', str(self.cid),
                               '--title', 'Buyer')

    def test_k1_query_syntax_is_plain_text(self):
        queries = ['"Acme', 'Acme"', 'NOT', 'Acme NOT', 'NOT Acme', '*', 'Ac*', ':',
                   'name:Acme', '(', ')', '(Oy)', 'Acme (Oy)', 'AND OR NEAR', '-Acme',
                   '^', "O'Brien", 'a\\b', '{x}', '""']
        for query in queries:
            r = self.run_cli('search', '--json', '--', query)
            self.assertEqual(r.status, 0, '%r: %s' % (query, r.stderr))
            self.assertEqual(r.stderr, '', query)
            self.assertIsInstance(clitest.json.loads(r.stdout), list, query)
            r = self.run_cli('search', '--', query)
            self.assertEqual(r.status, 0, '%r: %s' % (query, r.stderr))

    def test_k1_finds_text_with_brackets(self):
        hits = self.json('search', 'Acme (Oy)')
        self.assertIn(('company', self.cid), [(h['type'], h['id']) for h in hits])
        hits = self.json('search', '(Oy)')
        self.assertIn(('company', self.cid), [(h['type'], h['id']) for h in hits])

    def test_k1_finds_by_any_field(self):
        for query in ('Tampere', 'Shipbuilding', 'Mäkinen', 'Buyer'):
            hits = self.json('search', query)
            self.assertTrue(hits, query)

    def test_k1_json_shape(self):
        nid = self.new_id('note', 'add', '--company', str(self.cid), '--text', 'Acme wants a quote')
        hits = self.json('search', 'Acme')
        kinds = {h['type'] for h in hits}
        self.assertTrue({'company', 'note'} <= kinds, kinds)
        for hit in hits:
            for key in ('id', 'type', 'title', 'snippet'):
                self.assertIn(key, hit)
            self.assertIsInstance(hit['id'], int)
            self.assertNotIn('\x01', hit['snippet'])
            self.assertNotIn('\x02', hit['snippet'])
        note = [h for h in hits if h['type'] == 'note'][0]
        self.assertEqual(note['id'], nid)
        self.assertEqual(note['parent'], {'type': 'company', 'id': self.cid, 'name': 'Acme (Oy)'})
        company = [h for h in hits if h['type'] == 'company'][0]
        self.assertNotIn('parent', company)

    def test_k1_text_output_and_limit(self):
        for i in range(5):
            self.new_id('company', 'add', 'Widget %d' % i)
        lines = self.ok('search', 'Widget').splitlines()
        self.assertEqual(len(lines), 5)
        kind, hit_id = lines[0].split('\t')[:2]
        self.assertEqual(kind, 'company')
        self.assertTrue(hit_id.isdigit())
        self.assertEqual(len(self.json('search', 'Widget', '--limit', '2')), 2)
        self.fails('search', 'Widget', '--limit', '0', status=2)
        self.assertEqual(self.json('search', 'nothing-matches-this'), [])

    def test_k1_search_needs_a_query(self):
        self.fails('search', status=2)


if __name__ == '__main__':
    clitest.main()
