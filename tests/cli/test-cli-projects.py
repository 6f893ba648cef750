#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: projects and sales projects, their teams and tasks, and the
sales and activity reports (SPEC H1–H4, E1, E2, E4, J1, J2, M5).

Sam sells and is in the group "Sales team". Dave delivers: he is a
manager (so that he reads every seller's targets) in the group "Delivery",
and joins a sale's team only once it is won. Eva is in no group and no
team. Everything is done through the command line, as a script would.
"""

import csv
import decimal
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402

D = decimal.Decimal
FROM, TO = '2026-11-01', '2027-01-31'


class Projects(CliTestCase):

    def setUp(self):
        super().setUp()
        self.base_env['TZ'] = 'Europe/Helsinki'
        self.ok('group', 'add', 'Sales team')
        self.ok('group', 'add', 'Delivery')
        self.add_user('sam', 'Sam Seller', groups=['Sales team'])
        self.add_user('dave', 'Dave Delivery', role='manager', groups=['Delivery'])
        self.add_user('eva', 'Eva Else')
        self.cid = self.new_id('company', 'add', 'Acme Oy')
        self.new_id('product', 'add', 'Widget', '--group', 'Hardware')

    # Helpers

    def sale(self, *args, user='sam'):
        return self.new_id('sale', 'add', '--company', str(self.cid), *args, user=user)

    def show(self, pid, user='sam', what='project'):
        return self.json(what, 'show', str(pid), user=user)

    def report(self, name, *args, user='sam'):
        return self.json('report', name, '--from', FROM, '--to', TO, *args, user=user)

    def report_csv(self, name, *args, user='sam'):
        out = self.ok('report', name, '--from', FROM, '--to', TO, '--csv', *args, user=user)
        self.assertTrue(out == '' or out.endswith('\r\n'), out)
        return list(csv.DictReader(io.StringIO(out, newline='')))

    def visible_sales(self, user):
        """Every sale @user may see, each read with sale show --json."""
        return [self.show(s['id'], user=user, what='sale') for s in self.json('sale', 'list', user=user)]

    def note_texts(self, project):
        return sorted(n['text'] for n in project['notes'])

    def activity(self, *args, user='sam'):
        return self.new_id('activity', 'add', *args, user=user)

    # SPEC H1, H2, H4, E1, E2, E4, K1, J1, J2: a sale from lead to delivery

    def test_h2_e2_lead_to_delivery_keeps_sales_team_notes_restricted(self):
        sid = self.sale('--title', 'Acme renewal', '--value', '12500.50', '--close', '2026-12-15',
                        '--probability', '30', '--stage', 'lead', '--product', 'Widget',
                        '--campaign', 'Fair 2026')
        sale = self.show(sid, what='sale')
        self.assertEqual((sale['name'], sale['company_id'], sale['stage'], sale['state']),
                         ('Acme renewal', self.cid, 'Lead', 'open'))
        self.assertEqual((sale['value'], sale['currency'], sale['probability'], sale['weighted']),
                         ('12500.50', 'EUR', 30, '3750.15'))
        self.assertEqual((sale['seller'], sale['product'], sale['campaign'], sale['close_date']),
                         ('sam', 'Widget', 'Fair 2026', '2026-12-15'))
        self.assertTrue(sale['is_sale'])
        self.assertFalse(sale['is_delivery'])
        self.assertEqual([m['login'] for m in sale['team']], ['sam'])

        # Notes and activities: the sales team's, the project team's, everyone's (E1).
        self.ok('note', 'add', '--project', str(sid), '--text', 'Budget is tight, walrus discount',
                '--visible-to', 'Sales team', user='sam')
        self.ok('note', 'add', '--project', str(sid), '--text', 'Kickoff after signing',
                '--visible-to', 'team', user='sam')
        self.ok('note', 'add', '--project', str(sid), '--text', 'Customer is happy', user='sam')
        self.activity('--title', 'Price talk', '--project', str(sid), '--company', str(self.cid),
                      '--start', '2026-12-02 10:00', '--visible-to', 'Sales team')
        self.activity('--title', 'Kickoff meeting', '--project', str(sid), '--company', str(self.cid),
                      '--start', '2026-12-03 10:00', '--visible-to', 'team')
        self.activity('--title', 'Site visit', '--project', str(sid), '--company', str(self.cid),
                      '--start', '2026-12-04 10:00')

        # Lead → offer → won (H2); the stage sets the probability.
        self.ok('sale', 'move', str(sid), '--stage', 'offer', user='sam')
        sale = self.show(sid, what='sale')
        self.assertEqual((sale['stage'], sale['probability'], sale['state']), ('Offer', 40, 'open'))
        self.ok('sale', 'win', str(sid), user='sam')
        sale = self.show(sid, what='sale')
        self.assertEqual((sale['stage'], sale['state'], sale['probability']), ('Won', 'won', 100))
        self.assertTrue(sale['is_delivery'])

        # The delivery team joins afterwards and gets tasks (H2, H3).
        self.ok('project', 'member', 'add', str(sid), 'dave', '--role', 'Installer', user='sam')
        self.new_id('task', 'add', '--project', str(sid), '--title', 'Install the widgets',
                    '--responsible', 'dave', '--due', '2026-12-20', user='sam')
        self.new_id('task', 'add', '--project', str(sid), '--title', 'Order parts', user='sam')

        seen = self.show(sid, user='dave')
        self.assertEqual(sorted((m['login'], m['role']) for m in seen['team']),
                         [('dave', 'Installer'), ('sam', None)])
        self.assertEqual(sorted(t['title'] for t in seen['tasks']), ['Install the widgets', 'Order parts'])
        self.assertEqual(self.note_texts(seen), ['Customer is happy', 'Kickoff after signing'])
        self.assertEqual(sorted(a['title'] for a in seen['activities']), ['Kickoff meeting', 'Site visit'])
        raw = self.ok('project', 'show', str(sid), '--json', user='dave')
        for hidden in ('walrus', 'Budget', 'Price talk'):
            self.assertNotIn(hidden, raw)
        text = self.ok('project', 'show', str(sid), user='dave')
        self.assertIn('Kickoff after signing', text)
        self.assertIn('Install the widgets', text)
        self.assertNotIn('walrus', text)
        # The seller still sees everything.
        self.assertEqual(len(self.show(sid)['notes']), 3)
        self.assertEqual(len(self.show(sid)['activities']), 3)

        # Eva may see the customer and the project, but not the team's notes or the tasks (E4).
        seen = self.show(sid, user='eva')
        self.assertEqual(self.note_texts(seen), ['Customer is happy'])
        self.assertEqual(seen['tasks'], [])
        self.assertEqual(sorted(a['title'] for a in seen['activities']), ['Site visit'])

        # Search (K1): the sales team's note is found by the seller only.
        self.assertIn('walrus', self.ok('search', 'walrus', user='sam'))
        self.assertEqual(self.json('search', 'walrus', user='dave'), [])
        self.assertEqual(self.json('search', 'walrus', user='eva'), [])
        self.assertTrue(any(h['type'] == 'note' and 'signing' in h['snippet']
                            for h in self.json('search', 'signing', user='dave')))

        # Reports (J1, J2, E5) leave out what Dave may not see.
        secret = self.sale('--title', 'Secret deal', '--value', '99999', '--close', '2026-12-20',
                           '--stage', 'offer', '--visible-to', 'Sales team')
        self.sale('--title', 'Public deal', '--value', '1000', '--close', '2027-01-10',
                           '--stage', 'lead', '--probability', '25')
        self.assertEqual(sorted(s['name'] for s in self.visible_sales('dave')),
                         ['Acme renewal', 'Public deal'])
        self.fails('sale', 'show', str(secret), user='dave')
        for name in ('pipeline', 'forecast', 'development'):
            rows = self.report(name, user='dave')
            self.assertNotEqual(rows, [], name)
            self.assertNotIn('99999', json.dumps(rows), name)
            self.assertNotIn('Secret', json.dumps(rows), name)
        pipeline = self.report('pipeline', '--by', 'seller', user='dave')
        self.assertEqual([(r['key'], r['count'], r['value']) for r in pipeline], [('sam', 1, '1000.00')])
        pipeline = self.report('pipeline', '--by', 'seller')
        self.assertEqual([(r['key'], r['count'], r['value']) for r in pipeline], [('sam', 2, '100999.00')])
        for user, open_value in (('sam', D('100999')), ('dave', D('1000'))):
            forecast = self.report('forecast', user=user)
            self.assertEqual(sum(D(r['value']) for r in forecast if r['series'] == 'open'), open_value, user)
            self.assertEqual(sum(D(r['value']) for r in forecast if r['series'] == 'won'), D('12500.50'), user)
        # At each month end the secret deal is in Sam's pipeline only.
        points = {}
        for user in ('sam', 'dave'):
            for r in self.report('development', user=user):
                if r['series'] == 'sam':
                    points.setdefault(r['key'], {})[user] = D(r['value'])
        self.assertEqual(sorted(points), ['2026-11-30', '2026-12-31', '2027-01-31'])
        for key, values in points.items():
            self.assertEqual(values['sam'] - values['dave'], D('99999'), key)

        self.ok('activity', 'add', '--title', 'Lead call', '--category', 'Lead', '--project', str(sid),
                '--start', '2026-12-07 09:00', '--visible-to', 'Sales team', user='sam')
        self.ok('activity', 'add', '--title', 'Open call', '--category', 'Lead',
                '--start', '2026-12-08 09:00', user='sam')
        calls = self.json('activity', 'list', '--from', '2026-12-07', '--to', '2026-12-08', user='sam')
        self.assertEqual(len(calls), 2)
        for call in calls:
            self.ok('activity', 'complete', str(call['id']), user='sam')
        for user, expected in (('sam', 5), ('dave', 3)):
            rows = self.report('activities', '--by', 'user', user=user)
            self.assertEqual(sum(r['count'] for r in rows), expected, user)
            self.assertNotIn('Price talk', json.dumps(rows))

        self.ok('target', 'set', '--seller', 'sam', '--category', 'Lead', '--per', 'month', '4', user='dave')
        for user, done in (('sam', 2), ('dave', 1)):
            rows = self.report('targets', user=user)
            self.assertEqual([(r['key'], r['series_label'], r['value'], r['target'])
                              for r in rows if r['key'] == 'sam'],
                             [('sam', 'Lead', done, 12)], user)

    # SPEC E4 and the customer's complaint in seeds/000: 26 projects of one customer

    def test_e4_member_of_one_of_26_projects_sees_only_its_tasks(self):
        self.add_user('pia', 'Pia Project')
        projects = []
        for n in range(26):
            name = 'Rollout %s' % chr(ord('A') + n)
            args = ['project', 'add', name, '--company', str(self.cid)]
            if n == 7:
                args += ['--member', 'pia']
            pid = self.new_id(*args)
            projects.append(pid)
            for t in range(1 + n % 2):
                self.new_id('task', 'add', '--project', str(pid), '--title', 'Task %d of %s' % (t + 1, name))

        mine = projects[7]
        self.assertEqual(sorted(t['title'] for t in self.json('task', 'list', user='pia')),
                         ['Task 1 of Rollout H', 'Task 2 of Rollout H'])
        for pid in projects:
            seen = self.show(pid, user='pia')
            tasks = sorted(t['title'] for t in seen['tasks'])
            listed = sorted(t['title'] for t in self.json('task', 'list', '--project', str(pid), user='pia'))
            if pid == mine:
                self.assertEqual(tasks, ['Task 1 of Rollout H', 'Task 2 of Rollout H'])
                self.assertEqual([m['login'] for m in seen['team'] if m['login'] == 'pia'], ['pia'])
            else:
                self.assertEqual(tasks, [], seen['name'])
            self.assertEqual(listed, tasks)
            if pid != mine:
                self.assertNotIn('Task ', self.ok('project', 'show', str(pid), user='pia'))
        # Someone in no team sees all 26 projects and no task at all.
        self.assertEqual(len(self.json('project', 'list', '--company', str(self.cid), user='eva')), 26)
        self.assertEqual(self.json('task', 'list', user='eva'), [])
        self.assertEqual(sum(len(self.show(pid, user='eva')['tasks']) for pid in projects), 0)
        # The administrator made them all and is in every team.
        self.assertEqual(len(self.json('task', 'list')), sum(1 + n % 2 for n in range(26)))

    # SPEC E1, E4: a project someone may not see does not exist for them

    def test_e1_hidden_project_is_not_found_like_a_missing_one(self):
        pid = self.new_id('project', 'add', 'Team only', '--company', str(self.cid),
                          '--visible-to', 'team', '--member', 'dave', user='sam')
        grouped = self.new_id('project', 'add', 'Sales only', '--company', str(self.cid),
                              '--team', 'Sales team', user='admin')
        self.assertEqual(self.show(pid, user='dave')['visibility'], 'team')
        self.assertEqual(self.show(grouped, user='sam')['groups'], ['Sales team'])
        hidden = self.fails('project', 'show', str(pid), user='eva', status=1)
        missing = self.fails('project', 'show', '987654', user='eva', status=1)
        self.assertEqual(hidden.replace(str(pid), 'N'), missing.replace('987654', 'N'))
        self.fails('project', 'show', str(grouped), user='eva', status=1)
        self.fails('task', 'list', '--project', str(pid), user='eva', status=1)
        self.assertEqual([p['name'] for p in self.json('project', 'list', user='eva')], [])
        self.assertEqual(sorted(p['name'] for p in self.json('project', 'list', user='sam')),
                         ['Sales only', 'Team only'])
        # Nothing of them leaks into a search or a note of theirs.
        self.ok('note', 'add', '--project', str(pid), '--text', 'Narwhal plans', user='dave')
        self.assertEqual(self.json('search', 'Narwhal', user='eva'), [])
        self.fails('note', 'add', '--project', str(pid), '--text', 'Sneaky', user='eva')

    # SPEC J1, J2, J3: report figures are the sum of their parts; CSV is CSV

    def test_j1_report_figures_add_up_and_csv_parses(self):
        self.new_id('product', 'add', 'Gadget')
        self.sale('--title', 'One', '--value', '1000', '--close', '2026-12-01', '--stage', 'Lead')
        self.sale('--title', 'Two', '--value', '2500.25', '--close', '2026-12-31', '--stage', 'Offer',
                  '--probability', '55', '--product', 'Widget')
        self.sale('--title', 'Three, "quoted"', '--value', '333.33', '--close', '2027-01-05',
                  '--stage', '3', '--product', 'Gadget', '--seller', 'dave')
        self.sale('--title', 'Four', '--value', '10', '--currency', 'pln', '--close', '2026-11-20',
                  '--stage', 'Offer')
        self.sale('--title', 'Outside', '--value', '77', '--close', '2027-03-01', '--stage', 'Lead')
        won = self.sale('--title', 'Won one', '--value', '400', '--close', '2026-12-10', '--stage', 'Offer')
        self.ok('sale', 'win', str(won))
        lost = self.sale('--title', 'Lost one', '--value', '900', '--close', '2026-12-11')
        self.ok('sale', 'lose', str(lost))

        sales = self.visible_sales('sam')
        self.assertEqual(len(sales), 7)
        in_range = [s for s in sales if FROM <= s['close_date'] <= TO]
        open_sales = [s for s in in_range if s['state'] == 'open']

        def sums(key):
            totals = {}
            for s in open_sales:
                k = (key(s), s['currency'])
                count, value, weighted = totals.get(k, (0, D(0), D(0)))
                totals[k] = (count + 1, value + D(s['value']), weighted + D(s['weighted']))
            return totals

        by = {
            'stage': lambda s: s['stage_id'],
            'seller': lambda s: s['seller'],
            'product': lambda s: s['product_id'],
            'month': lambda s: s['close_date'][:7],
        }
        for name, key in by.items():
            rows = self.report('pipeline', '--by', name)
            got = {}
            for r in rows:
                k = r['key_id'] if name in ('stage', 'product') else r['key']
                got[(k, r['currency'])] = (r['count'], D(r['value']), D(r['weighted']))
            self.assertEqual(got, sums(key), name)
            # The weighted value of each sale is its value × probability.
            for s in open_sales:
                self.assertEqual(D(s['weighted']),
                                 (D(s['value']) * s['probability'] / 100).quantize(D('0.01'),
                                                                                  decimal.ROUND_HALF_UP))
            # CSV has the same rows and columns, and parses as CSV.
            table = self.report_csv('pipeline', '--by', name)
            self.assertEqual(len(table), len(rows))
            for line, r in zip(table, rows):
                self.assertEqual(set(line), set(r))
                for column, value in r.items():
                    self.assertEqual(line[column], '' if value is None else str(value), column)

        # The forecast's open series is the pipeline by month; "won" holds the won sale.
        forecast = self.report('forecast')
        open_rows = {(r['key'], r['currency']): (r['count'], D(r['value']), D(r['weighted']))
                     for r in forecast if r['series'] == 'open'}
        self.assertEqual(open_rows, sums(by['month']))
        won_rows = [r for r in forecast if r['series'] == 'won']
        self.assertEqual(sum(r['count'] for r in won_rows), 1)
        self.assertEqual(sum(D(r['value']) for r in won_rows), D('400'))
        self.assertEqual(len(self.report_csv('forecast')), len(forecast))

        # Activities by category add up to what the activity lists show.
        self.activity('--title', 'Call A', '--category', 'Phone call', '--start', '2026-12-01 09:00')
        self.activity('--title', 'Call B', '--category', 'Phone call', '--start', '2026-12-02 09:00')
        visit = self.activity('--title', 'Visit', '--category', 'Customer visit', '--start', '2026-12-03 09:00')
        self.activity('--title', 'Later', '--category', 'Customer visit', '--start', '2027-06-03 09:00')
        self.ok('activity', 'complete', str(visit))
        rows = self.report('activities')
        got = {(r['label'], r['series']): r['count'] for r in rows if r['count']}
        self.assertEqual(got, {('Phone call', 'planned'): 2, ('Customer visit', 'completed'): 1})
        for r in rows:
            self.assertEqual(r['count'], r['value'])
        table = self.report_csv('activities', '--by', 'kind')
        self.assertEqual(sum(int(line['count']) for line in table), 3)

        # The time report keeps its shape.
        self.assertEqual(self.report('time'), [])
        self.assertEqual(self.ok('report', 'time', '--from', FROM, '--to', TO, '--csv'),
                         'key,label,seconds,hours\r\n')

    # SPEC J1, E5: the pipeline of one seller or one product adds up to that seller's sales

    def test_j1_pipeline_of_one_seller_or_product(self):
        self.new_id('product', 'add', 'Gadget')
        self.sale('--title', 'Sam lead', '--value', '1000', '--close', '2026-12-01', '--stage', 'Lead',
                  '--product', 'Widget')
        self.sale('--title', 'Sam offer', '--value', '2500.25', '--close', '2026-12-31', '--stage', 'Offer',
                  '--probability', '55', '--product', 'Gadget')
        self.sale('--title', 'Dave widget', '--value', '333.33', '--close', '2027-01-05', '--stage', 'Offer',
                  '--product', 'Widget', '--seller', 'dave')
        self.sale('--title', 'Dave zloty', '--value', '10', '--currency', 'PLN', '--close', '2026-11-20',
                  '--seller', 'dave')
        self.sale('--title', 'Dave later', '--value', '77', '--close', '2027-03-01', '--seller', 'dave')
        won = self.sale('--title', 'Dave won', '--value', '400', '--close', '2026-12-10', '--seller', 'dave')
        self.ok('sale', 'win', str(won))
        # Dave's own sale for the delivery group only: Sam may not see it.
        self.sale('--title', 'Dave hidden', '--value', '5000', '--close', '2026-12-12', '--stage', 'Offer',
                  '--product', 'Widget', '--visible-to', 'Delivery', user='dave')

        def expected(user, by_key, seller=None, product=None):
            totals = {}
            for s in self.json('sale', 'list', user=user):
                if s['state'] != 'open' or not FROM <= (s['close_date'] or '') <= TO:
                    continue
                if (seller and s['seller'] != seller) or (product and s['product'] != product):
                    continue
                k = (by_key(s), s['currency'])
                count, value, weighted = totals.get(k, (0, D(0), D(0)))
                totals[k] = (count + 1, value + D(s['value']), weighted + D(s['weighted']))
            return totals

        def got(user, by, *args):
            rows = self.report('pipeline', '--by', by, *args, user=user)
            key = 'key_id' if by in ('stage', 'product') else 'key'
            return {(r[key], r['currency']): (r['count'], D(r['value']), D(r['weighted'])) for r in rows}

        keys = {'stage': lambda s: s['stage_id'], 'month': lambda s: s['close_date'][:7]}
        for user in ('sam', 'dave'):
            for by, key in keys.items():
                for seller in ('sam', 'dave'):
                    self.assertEqual(got(user, by, '--seller', seller), expected(user, key, seller=seller),
                                     (user, by, seller))
                self.assertEqual(got(user, by, '--product', 'Widget'), expected(user, key, product='Widget'),
                                 (user, by))
                self.assertEqual(got(user, by, '--seller', 'dave', '--product', 'Widget'),
                                 expected(user, key, seller='dave', product='Widget'), (user, by))

        # Sam's figures for Dave leave out the sale hidden from Sam (E5); Dave's count it.
        def total(user):
            return sum(D(r['value']) for r in self.report('pipeline', '--seller', 'dave', '--currency', 'EUR',
                                                          user=user))
        self.assertEqual(total('sam'), D('333.33'))
        self.assertEqual(total('dave'), D('5333.33'))
        sam_csv = self.report_csv('pipeline', '--by', 'seller', '--seller', 'dave')
        self.assertEqual(sorted((line['key'], line['currency'], line['value']) for line in sam_csv),
                         [('dave', 'EUR', '333.33'), ('dave', 'PLN', '10.00')])
        self.assertEqual(self.report('pipeline', '--seller', 'eva'), [])

        # Who or what does not exist is named; only the pipeline takes these options.
        self.assertIn('nobody', self.fails('report', 'pipeline', '--seller', 'nobody', status=1))
        self.assertIn('Gizmo', self.fails('report', 'pipeline', '--product', 'Gizmo', status=1))
        self.fails('report', 'forecast', '--from', FROM, '--to', TO, '--seller', 'sam', status=2)
        out = self.run_cli('report', 'pipeline', '--help', user=None, db=False).stdout
        self.assertIn('--seller', out)
        self.assertIn('--product', out)

    # SPEC M5: bad input is refused with one clear line and saves nothing

    def test_m5_bad_input_saves_nothing(self):
        base = ['sale', 'add', '--company', str(self.cid), '--title', 'Bad', '--close', '2026-12-01']
        cases = [
            (['--value', '12,5,0'], '12,5,0', 2),
            (['--value', '-5'], '-5', 2),
            (['--value', '1.234'], '1.234', 2),
            (['--probability', '150'], '150', 2),
            (['--probability', 'high'], 'high', 2),
            (['--close', '2026-02-30'], '2026-02-30', 2),
            (['--stage', 'Haggling'], 'Haggling', 1),
            (['--seller', 'nobody'], 'nobody', 1),
            (['--product', 'Gizmo'], 'Gizmo', 1),
            (['--currency', 'EURO'], 'EURO', 2),
            (['--member', 'nobody'], 'nobody', 1),
            (['--visible-to', 'No such group'], 'No such group', 1),
            (['--visible-to', 'private'], 'private', 2),
        ]
        for extra, named, status in cases:
            message = self.fails(*(base + extra), user='sam', status=status)
            self.assertIn(named, message, extra)
        self.fails('sale', 'add', '--company', '999999', '--title', 'Nowhere', user='sam')
        self.fails('sale', 'add', '--title', 'No customer', user='sam', status=2)
        self.fails('project', 'add', 'Half', '--company', str(self.cid), '--member', 'sam',
                   '--member', 'nobody', status=1)
        self.assertEqual(self.json('project', 'list'), [])
        self.assertEqual(self.json('sale', 'list', user='sam'), [])

        # A title full of quotes and semicolons is stored as it is.
        title = 'He said "50%"; DROP TABLE projects; --\'\t\\n ;;'
        sid = self.sale('--title', title, '--value', '5', user='sam')
        self.assertEqual(self.show(sid, what='sale')['name'], title)
        self.assertEqual([s['name'] for s in self.json('sale', 'list', user='sam')], [title])

        # Moving, closing and tasks refuse what does not exist.
        self.assertIn('Haggling', self.fails('sale', 'move', str(sid), '--stage', 'Haggling', user='sam'))
        self.fails('sale', 'move', str(sid), user='sam', status=2)
        self.fails('sale', 'move', '999999', '--stage', 'Offer', user='sam', status=1)
        self.fails('sale', 'win', '999999', user='sam', status=1)
        self.assertEqual(self.show(sid, what='sale')['stage'], 'Lead')
        self.assertIn('nobody', self.fails('task', 'add', '--project', str(sid), '--title', 'T',
                                           '--responsible', 'nobody', user='sam'))
        self.assertIn('2026-02-30', self.fails('task', 'add', '--project', str(sid), '--title', 'T',
                                               '--due', '2026-02-30', user='sam', status=2))
        self.fails('task', 'add', '--project', str(sid), '--title', 'Not a member', user='eva')
        self.fails('project', 'member', 'add', str(sid), 'nobody', user='sam', status=1)
        self.fails('project', 'member', 'add', str(sid), user='sam', status=2)
        self.assertEqual(self.show(sid, what='sale')['tasks'], [])
        self.assertEqual([m['login'] for m in self.show(sid, what='sale')['team']], ['sam'])

        # The project team is a visibility of project records only.
        self.assertIn('--project', self.fails('note', 'add', '--company', str(self.cid), '--text', 'X',
                                              '--visible-to', 'team', status=2))
        self.fails('note', 'add', '--project', str(sid), '--text', 'X', '--visible-to', 'team',
                   '--private', status=2)
        self.assertEqual(self.show(sid, what='sale')['notes'], [])

        # Reports: an unknown grouping names the valid ones; dates must be real.
        message = self.fails('report', 'pipeline', '--from', FROM, '--to', TO, '--by', 'colour', status=2)
        for valid in ('stage', 'seller', 'product', 'month', 'colour'):
            self.assertIn(valid, message)
        message = self.fails('report', 'activities', '--from', FROM, '--to', TO, '--by', 'stage', status=2)
        for valid in ('category', 'kind', 'type', 'user', 'month', 'week'):
            self.assertIn(valid, message)
        self.assertIn('seller', self.fails('report', 'targets', '--from', FROM, '--to', TO, '--by', 'month',
                                           status=2))
        self.fails('report', 'forecast', '--from', '2026-02-30', '--to', TO, status=2)
        self.fails('report', 'forecast', '--from', TO, '--to', FROM, status=2)
        self.fails('report', 'forecast', '--from', FROM, '--to', TO, '--csv', '--json', status=2)
        self.fails('report', 'forecast', status=2)

    # SPEC M5: the commands are in --help

    def test_m5_help_lists_the_commands(self):
        out = self.run_cli('--help', user=None, db=False).stdout
        for command in ('project add', 'project member add', 'sale add', 'sale move', 'sale win',
                        'task add', 'report pipeline', 'report forecast', 'report targets'):
            self.assertIn(command, out)
        out = self.run_cli('sale', 'add', '--help', user=None, db=False).stdout
        for option in ('--company', '--title', '--value', '--currency', '--close', '--probability',
                       '--stage', '--seller', '--product', '--campaign', '--visible-to'):
            self.assertIn(option, out)
        out = self.run_cli('project', 'member', '--help', user=None, db=False).stdout
        self.assertIn('member remove', out)
        out = self.run_cli('report', 'pipeline', '--help', user=None, db=False).stdout
        self.assertTrue(re.search(r'--by.*stage', out), out)


if __name__ == '__main__':
    clitest.main()
