#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: documents and who may see them (SPEC G1, G2, E1, E5, M5).

Jan is in the sales team, Eva is in no group; both may see the customer.
Jan keeps a delivery project and a sale (he is in both teams).
"""

import hashlib
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402

OFFER = 'Offer 2026-17: 40 shelving units, 12 400 EUR.\n'.encode('utf-8')
EML = ('From: =?UTF-8?Q?Liisa_Meik=C3=A4l=C3=A4inen?= <liisa@virtanen.example>\r\n'
       'Subject: =?UTF-8?B?VGFyam91c3B5eW50w7Y=?= shelving\r\n'
       'Date: Tue, 3 Nov 2026 11:00:00 +0200\r\n\r\nPlease send an offer.\r\n').encode('ascii')


class Documents(CliTestCase):

    def setUp(self):
        super().setUp()
        self.ok('group', 'add', 'Sales team')
        self.add_user('jan', 'Jan Kowalski', groups=['Sales team'])
        self.add_user('eva', 'Eva Nowak')
        self.cid = self.new_id('company', 'add', 'Acme Oy')
        self.pid = self.new_id('person', 'add', 'Mari Mäkinen', '--company', str(self.cid))
        self.project = self.new_id('project', 'add', 'Warehouse', '--company', str(self.cid), user='jan')
        self.sale = self.new_id('sale', 'add', '--company', str(self.cid), '--title', 'Shelving',
                                '--value', '1000', '--close', '2026-12-15', user='jan')
        self.activity = self.new_id('activity', 'add', '--title', 'Pricing call', '--company', str(self.cid),
                                    '--open-ended', '--private', user='jan')

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    def docs(self, *args, user='jan'):
        return {d['id']: d for d in self.json('doc', 'list', *args, user=user)}

    # G1, G2

    def test_g1_g2_add_list_get_versions(self):
        path = self.write('offer-2026-17.txt', OFFER)
        did = self.new_id('doc', 'add', '--company', str(self.cid), path, user='jan')
        d = self.docs()[did]
        self.assertEqual(d['type'], 'document')
        self.assertEqual(d['title'], 'offer-2026-17.txt')
        self.assertEqual(d['file_name'], 'offer-2026-17.txt')
        self.assertEqual(d['content_type'], 'text/plain')
        self.assertEqual(d['size'], len(OFFER))
        self.assertEqual(d['sha256'], hashlib.sha256(OFFER).hexdigest())
        self.assertEqual(d['version'], 1)
        self.assertEqual(d['visibility'], 'everyone')
        self.assertEqual(d['groups'], [])
        self.assertEqual(d['author'], 'Jan Kowalski')
        self.assertEqual(d['parent'], {'type': 'company', 'id': self.cid, 'name': 'Acme Oy'})
        self.assertIsNone(d['email'])
        self.assertEqual(list(self.docs('--company', str(self.cid))), [did])

        # The content, byte for byte.
        out = os.path.join(self.tmp.name, 'out.txt')
        self.assertEqual(self.ok('doc', 'get', str(did), '--out', out, user='eva'), '')
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), OFFER)

        # A new version; the first is kept and can be fetched.
        second = self.write('offer-2026-17b.txt', b'Revised offer\n')
        self.assertEqual(self.ok('doc', 'version', 'add', str(did), second, '--comment', 'Discount',
                                 user='jan'), '2\n')
        shown = self.json('doc', 'show', str(did), user='jan')
        self.assertEqual(shown['version'], 2)
        self.assertEqual(shown['file_name'], 'offer-2026-17b.txt')
        self.assertEqual([v['number'] for v in shown['versions']], [2, 1])
        self.assertEqual(shown['versions'][0]['comment'], 'Discount')
        self.assertEqual(shown['versions'][1]['sha256'], hashlib.sha256(OFFER).hexdigest())
        old = os.path.join(self.tmp.name, 'old.txt')
        self.ok('doc', 'get', str(did), '--out', old, '--version', '1')
        with open(old, 'rb') as f:
            self.assertEqual(f.read(), OFFER)
        # An existing file is replaced only with --force.
        self.fails('doc', 'get', str(did), '--out', old, status=1)
        self.ok('doc', 'get', str(did), '--out', old, '--force')
        with open(old, 'rb') as f:
            self.assertEqual(f.read(), b'Revised offer\n')

        # Found by the search, with the record it is on.
        hits = [h for h in self.json('search', '2026-17b', user='eva') if h['type'] == 'document']
        self.assertEqual([h['id'] for h in hits], [did])

    def test_g1_every_kind_of_record_and_sale_check(self):
        path = self.write('plan.txt', b'Plan')
        on_person = self.new_id('doc', 'add', '--person', str(self.pid), path, user='jan')
        on_project = self.new_id('doc', 'add', '--project', str(self.project), path, user='jan')
        on_sale = self.new_id('doc', 'add', '--sale', str(self.sale), path, '--title', 'Sales plan', user='jan')
        on_sale_as_project = self.new_id('doc', 'add', '--project', str(self.sale), path, user='jan')
        on_activity = self.new_id('doc', 'add', '--activity', str(self.activity), path, user='jan')
        docs = self.docs()
        self.assertEqual(docs[on_person]['parent']['type'], 'person')
        self.assertEqual(docs[on_project]['parent'], {'type': 'project', 'id': self.project, 'name': 'Warehouse'})
        self.assertEqual(docs[on_sale]['parent'], {'type': 'sale', 'id': self.sale, 'name': 'Shelving'})
        self.assertEqual(docs[on_sale]['title'], 'Sales plan')
        self.assertEqual(docs[on_sale_as_project]['parent']['type'], 'sale')
        self.assertEqual(docs[on_activity]['parent']['type'], 'activity')
        self.assertEqual(set(self.docs('--on', 'sale')), {on_sale, on_sale_as_project})
        self.assertEqual(set(self.docs('--sale', str(self.sale))), {on_sale, on_sale_as_project})

        # --sale takes sales projects only.
        message = self.fails('doc', 'add', '--sale', str(self.project), path, user='jan', status=1)
        self.assertIn('not a sales project', message)
        self.fails('doc', 'list', '--sale', str(self.project), user='jan', status=1)

    def test_g1_email_subject_sender_date(self):
        path = self.write('request.eml', EML)
        did = self.new_id('doc', 'add', '--company', str(self.cid), path)
        d = self.docs(user='eva')[did]
        self.assertEqual(d['email'], {'subject': 'Tarjouspyyntö shelving',
                                      'from': 'Liisa Meikäläinen <liisa@virtanen.example>',
                                      'date': '2026-11-03T09:00:00Z'})
        self.assertEqual(list(self.docs('--email', user='eva')), [did])
        self.assertEqual(list(self.docs('--text', 'MEIKÄLÄINEN', user='eva')), [did])
        self.assertEqual(self.docs('--text', 'nothing-like-it', user='eva'), {})

    # E1, E5

    def test_e1_e5_private_group_team_and_activity_documents(self):
        path = self.write('margin.txt', b'Margin 31 %')
        private = self.new_id('doc', 'add', '--company', str(self.cid), path, '--private', user='jan')
        group = self.new_id('doc', 'add', '--company', str(self.cid), path, '--visible-to', 'Sales team',
                            user='admin')
        team = self.new_id('doc', 'add', '--project', str(self.project), path, '--team', user='jan')
        on_activity = self.new_id('doc', 'add', '--activity', str(self.activity), path, user='jan')
        self.assertEqual(set(self.docs(user='jan')), {private, group, team, on_activity})
        self.assertEqual(self.docs(user='jan')[group]['groups'], ['Sales team'])
        self.assertEqual(self.docs(user='jan')[team]['visibility'], 'team')

        # Eva sees none of them: not in lists, not by id, not by search.
        self.assertEqual(self.docs(user='eva'), {})
        self.assertEqual(self.ok('doc', 'list', user='eva'), '')
        self.assertEqual(self.docs('--company', str(self.cid), user='eva'), {})
        self.assertEqual([h for h in self.json('search', 'margin', user='eva') if h['type'] == 'document'], [])
        out = os.path.join(self.tmp.name, 'leak.txt')
        for did in (private, group, team, on_activity):
            message = self.fails('doc', 'get', str(did), '--out', out, user='eva', status=1)
            self.assertIn('no document with the id %d' % did, message)
            self.assertFalse(os.path.exists(out))
            self.fails('doc', 'show', str(did), user='eva', status=1)
        # The administrator neither sees Jan's private one nor his activity's.
        self.assertEqual(set(self.docs(user='admin')), {group})

        # Nor can Eva add to what she may not see; she is told as for a
        # record that does not exist.
        message = self.fails('doc', 'add', '--activity', str(self.activity), path, user='eva', status=1)
        hidden_message = self.fails('doc', 'add', '--activity', '9999', path, user='eva', status=1)
        self.assertEqual(message.replace(str(self.activity), 'N'), hidden_message.replace('9999', 'N'))
        self.fails('doc', 'list', '--activity', str(self.activity), user='eva', status=1)

    # G2: a damaged document is not written

    def test_g2_damaged_content_is_refused(self):
        path = self.write('offer.txt', OFFER)
        did = self.new_id('doc', 'add', '--company', str(self.cid), path)
        conn = sqlite3.connect(self.db)
        conn.execute("UPDATE document_versions SET data = CAST (substr (data, 1, 4) || 'X' || substr (data, 6)"
                     " AS BLOB) WHERE document_id = ?", (did,))
        conn.commit()
        conn.close()
        out = self.write('kept.txt', b'what was here before')
        message = self.fails('doc', 'get', str(did), '--out', out, '--force', status=1)
        self.assertIn('damaged', message)
        self.assertIn('offer.txt', message)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), b'what was here before')
        fresh = os.path.join(self.tmp.name, 'fresh.txt')
        self.fails('doc', 'get', str(did), '--out', fresh, status=1)
        self.assertFalse(os.path.exists(fresh))

    # M5: usage and file errors

    def test_errors(self):
        path = self.write('a.txt', b'a')
        missing = os.path.join(self.tmp.name, 'missing.txt')
        message = self.fails('doc', 'add', '--company', str(self.cid), missing, status=1)
        self.assertIn('missing.txt', message)
        message = self.fails('doc', 'add', '--company', str(self.cid), self.tmp.name, status=1)
        self.assertIn('not a file', message)
        if os.geteuid() != 0:
            unreadable = self.write('secret.txt', b'x')
            os.chmod(unreadable, 0)
            self.fails('doc', 'add', '--company', str(self.cid), unreadable, status=1)
        self.fails('doc', 'add', path, status=2)
        self.fails('doc', 'add', '--company', str(self.cid), '--person', str(self.pid), path, status=2)
        self.fails('doc', 'add', '--company', 'acme', path, status=2)
        self.fails('doc', 'add', '--company', str(self.cid), status=2)
        self.fails('doc', 'add', '--company', str(self.cid), path, '--private', '--team', status=2)
        message = self.fails('doc', 'add', '--company', str(self.cid), path, '--team', status=2)
        self.assertIn('project', message)
        self.fails('doc', 'add', '--company', '9999', path, status=1)
        self.fails('doc', 'add', '--company', str(self.cid), path, '--visible-to', 'No such group', status=1)
        self.fails('doc', 'get', '1', status=2)
        self.fails('doc', 'get', 'x', '--out', 'y', status=2)
        self.fails('doc', 'list', '--on', 'notes', status=2)
        self.fails('doc', 'list', '--from', 'last week', status=1)
        did = self.new_id('doc', 'add', '--company', str(self.cid), path)
        self.fails('doc', 'get', str(did), '--out', os.path.join(self.tmp.name, 'v9'), '--version', '9',
                   status=1)
        self.fails('doc', 'version', 'add', str(did), missing, status=1)
        self.assertEqual(len(self.docs(user='admin')), 1)


if __name__ == '__main__':
    clitest.main()
