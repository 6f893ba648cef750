#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: activities, their stopwatch, the time report, the activity
lists and sales targets (SPEC D1–D20, E3, E5, J2, M5).

Jan is in the sales team and Eva is in no group; both are plain users and
may see the customer Acme Oy. Times are read in Europe/Helsinki (UTC+2 in
March), so that the offsets in the output can be checked.
"""

import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


class Activities(CliTestCase):

    def setUp(self):
        super().setUp()
        self.base_env['TZ'] = 'Europe/Helsinki'
        self.ok('group', 'add', 'Sales team')
        self.add_user('jan', 'Jan Kowalski', groups=['Sales team'])
        self.add_user('eva', 'Eva Nowak')
        self.cid = self.new_id('company', 'add', 'Acme Oy')
        self.pid = self.new_id('person', 'add', 'Mari Mäkinen', '--company', str(self.cid))

    def add(self, *args, user='admin'):
        return self.new_id('activity', 'add', *args, user=user)

    def show(self, aid, user='admin'):
        return self.json('activity', 'show', str(aid), user=user)

    def calendar(self, day_from, day_to, user='admin', of=None):
        args = ['activity', 'list', '--from', day_from, '--to', day_to]
        if of is not None:
            args += ['--of', of]
        return self.json(*args, user=user)

    # SPEC D1, D2, D3, D7, D11, D13, E1

    def test_d1_add_and_show(self):
        aid = self.add('--title', 'Visit Acme', '--category', 'Customer visit',
                       '--start', '2026-03-02 14:00', '--end', '2026-03-02 15:30',
                       '--company', str(self.cid), '--person', str(self.pid),
                       '--performer', 'jan', '--performer', 'admin', '--responsible', 'admin',
                       '--busy', '--public', '--goal', 'Arrange a meeting', '--priority', 'High',
                       '--description', 'Demo of the new line', '--details', 'Bring samples',
                       '--visible-to', 'Sales team', '--follow-up', '2026-03-09',
                       '--reminder', '15', '--reminder', '1440', '--needs-completing')
        a = self.show(aid)
        self.assertEqual(a['id'], aid)
        self.assertRegex(a['tracking'], r'^[0-9]{4}-[0-9]{5}$')
        self.assertEqual(a['title'], 'Visit Acme')
        # The category sets the kind and type (D3).
        self.assertEqual((a['category'], a['kind'], a['type']),
                         ('Customer visit', 'Sales', 'Customer visits'))
        self.assertEqual(a['status'], 'planned')
        self.assertIsNone(a['outcome'])
        self.assertEqual(a['start'], '2026-03-02T14:00:00+02:00')
        self.assertEqual(a['end'], '2026-03-02T15:30:00+02:00')
        self.assertFalse(a['open_ended'])
        self.assertTrue(a['busy'])
        self.assertTrue(a['public'])
        self.assertEqual(a['company_id'], self.cid)
        self.assertEqual(a['company'], 'Acme Oy')
        self.assertEqual(a['people'], [{'id': self.pid, 'name': 'Mari Mäkinen'}])
        self.assertEqual(sorted(a['performers']), ['admin', 'jan'])
        self.assertEqual(a['responsible'], 'admin')
        self.assertEqual(a['assigner'], 'admin')
        self.assertEqual(a['goal'], 'Arrange a meeting')
        self.assertEqual(a['priority'], 'High')
        self.assertEqual(a['visibility'], 'groups')
        self.assertEqual(a['groups'], ['Sales team'])
        self.assertEqual(a['description'], 'Demo of the new line')
        self.assertEqual(a['details'], 'Bring samples')
        self.assertEqual(a['follow_up'], '2026-03-09')
        self.assertEqual(sorted(a['reminders']), [15, 1440])
        self.assertTrue(a['needs_completing'])
        self.assertEqual(a['messages'], [])

        # --json on add prints the same activity.
        added = self.json('activity', 'add', '--title', 'Call back', '--category', '35',
                          '--start', '2026-03-03 09:00')
        self.assertEqual(added['category'], 'Phone call')
        self.assertEqual(added['end'], '2026-03-03T10:00:00+02:00')
        self.assertEqual(added['performers'], ['admin'])
        self.assertEqual(added['visibility'], 'everyone')

        text = self.ok('activity', 'show', str(aid))
        self.assertIn('Visit Acme', text)
        self.assertIn('Acme Oy', text)
        self.assertIn('Customer visit', text)

        # The company's activities and the To complete list (D13).
        self.assertEqual([x['id'] for x in self.json('activity', 'list', '--company', str(self.cid))],
                         [aid])
        self.assertIn(aid, [x['id'] for x in self.json('activity', 'list', '--to-complete', user='jan')])
        self.assertNotIn(aid, [x['id'] for x in self.json('activity', 'list', '--to-complete', user='eva')])

    # SPEC D4

    def test_d4_time_zones_all_day_and_open_ended(self):
        a = self.json('activity', 'add', '--title', 'Call New York', '--tz', 'America/New_York',
                      '--start', '2026-03-02 09:00', '--end', '2026-03-02 09:30')
        self.assertEqual(a['start'], '2026-03-02T09:00:00-05:00')
        self.assertEqual(a['tz'], 'America/New_York')
        # The same instant in the local calendar.
        day = self.calendar('2026-03-02', '2026-03-02')
        self.assertEqual([(x['id'], x['start']) for x in day], [(a['id'], '2026-03-02T16:00:00+02:00')])

        fair = self.json('activity', 'add', '--title', 'Fair', '--all-day',
                         '--start', '2026-03-10', '--end', '2026-03-11')
        self.assertTrue(fair['all_day'])
        self.assertEqual(fair['start'], '2026-03-10T00:00:00+02:00')
        self.assertEqual(fair['end'], '2026-03-12T00:00:00+02:00')

        for args in ([], ['--open-ended']):
            task = self.json('activity', 'add', '--title', 'Think about pricing', *args)
            self.assertTrue(task['open_ended'])
            self.assertIsNone(task['start'])
            self.assertIsNone(task['end'])

        self.fails('activity', 'add', '--title', 'Both', '--open-ended',
                   '--start', '2026-03-02 09:00', status=2)
        self.fails('activity', 'add', '--title', 'Day', '--all-day', '--start', '2026-03-02 09:00',
                   status=2)

    def test_bad_input_saves_nothing(self):
        message = self.fails('activity', 'add', '--title', 'Nowhen', '--start', '2026-02-30 10:00')
        self.assertIn('2026-02-30', message)
        message = self.fails('activity', 'add', '--title', 'Late', '--start', '2026-03-02 25:00')
        self.assertIn('25:00', message)
        message = self.fails('activity', 'add', '--title', 'No time', '--start', '2026-03-02')
        self.assertIn('time', message)
        message = self.fails('activity', 'add', '--title', 'Backwards',
                             '--start', '2026-03-02 10:00', '--end', '2026-03-02 09:00')
        self.assertIn('before', message)
        message = self.fails('activity', 'add', '--title', 'What', '--category', 'Séance',
                             '--start', '2026-03-02 10:00')
        self.assertIn('Séance', message)
        message = self.fails('activity', 'add', '--title', 'Where', '--tz', 'Mars/Olympus',
                             '--start', '2026-03-02 10:00')
        self.assertIn('Mars/Olympus', message)
        message = self.fails('activity', 'add', '--title', 'Who', '--performer', 'nobody',
                             '--start', '2026-03-02 10:00')
        self.assertIn('nobody', message)
        self.fails('activity', 'add', '--title', 'Goal', '--goal', 'Win the lottery',
                   '--start', '2026-03-02 10:00')
        self.fails('activity', 'add', '--title', 'Secret', '--private', '--visible-to', 'Sales team',
                   status=2)
        self.fails('activity', 'add', '--title', 'Team', '--visible-to', 'Nobody',
                   '--start', '2026-03-02 10:00')
        self.fails('activity', 'add', '--title', 'Remind', '--reminder', 'soon',
                   '--start', '2026-03-02 10:00', status=2)
        self.fails('activity', 'add', '--title', 'Follow', '--follow-up', '2026-02-30')
        self.fails('activity', 'add', '--title', 'End only', '--end', '2026-03-02 10:00', status=2)
        self.fails('activity', 'add', '--title', 'Rule', '--repeat', 'FREQ=SOMETIMES',
                   '--start', '2026-03-02 10:00')
        self.fails('activity', 'add', '--title', 'Company', '--company', '999',
                   '--start', '2026-03-02 10:00')
        self.fails('activity', 'add', '--start', '2026-03-02 10:00', status=2)
        self.fails('activity', 'add', '--title', '   ', '--start', '2026-03-02 10:00')
        self.fails('activity', 'show', 'first', status=2)
        self.fails('activity', 'show', '12345')
        self.assertEqual(self.calendar('2026-03-01', '2026-03-31'), [])
        self.assertEqual(self.json('activity', 'list', '--company', str(self.cid)), [])
        self.assertEqual(self.json('activity', 'list'), [])

    # SPEC D5

    def test_d5_busy_conflict(self):
        first = self.add('--title', 'Demo at Acme', '--start', '2026-03-02 10:00',
                         '--end', '2026-03-02 11:00', '--busy', '--performer', 'jan')
        message = self.fails('activity', 'add', '--title', 'Dentist', '--start', '2026-03-02 10:30',
                             '--end', '2026-03-02 11:30', '--busy', '--performer', 'jan')
        self.assertIn('Demo at Acme', message)
        # Not busy, or someone else: no conflict.
        self.add('--title', 'Reading', '--start', '2026-03-02 10:30', '--performer', 'jan')
        self.add('--title', 'Other demo', '--start', '2026-03-02 10:30', '--busy', '--performer', 'eva')
        titles = [x['title'] for x in self.calendar('2026-03-02', '2026-03-02', of='jan')]
        self.assertEqual(sorted(titles), ['Demo at Acme', 'Reading'])
        self.assertEqual(self.show(first)['title'], 'Demo at Acme')

    # SPEC D9, D1 status

    def test_d9_goal_needs_an_outcome(self):
        aid = self.add('--title', 'Call about a meeting', '--goal', 'Arrange a meeting',
                       '--start', '2026-03-02 10:00')
        message = self.fails('activity', 'complete', str(aid))
        self.assertIn('outcome', message)
        self.assertEqual(self.show(aid)['status'], 'planned')
        self.fails('activity', 'complete', str(aid), '--outcome', 'maybe', status=2)
        self.ok('activity', 'complete', str(aid), '--outcome', 'failure')
        a = self.show(aid)
        self.assertEqual((a['status'], a['outcome']), ('completed', 'failure'))
        self.assertIsNotNone(a['completed'])

        other = self.add('--title', 'Lunch', '--start', '2026-03-03 12:00')
        self.ok('activity', 'complete', str(other))
        self.assertEqual(self.show(other)['status'], 'completed')
        self.ok('activity', 'cancel', str(other))
        self.assertEqual(self.show(other)['status'], 'cancelled')
        self.ok('activity', 'delete', str(other))
        self.fails('activity', 'show', str(other))
        self.fails('activity', 'cancel', str(other))

    # SPEC D6

    def test_d6_one_occurrence(self):
        aid = self.add('--title', 'Stand-up', '--start', '2026-03-04 09:00', '--end', '2026-03-04 09:15',
                       '--repeat', 'FREQ=DAILY;COUNT=3')
        self.ok('activity', 'complete', str(aid), '--occurrence', '2026-03-05 09:00')
        days = self.calendar('2026-03-01', '2026-03-31')
        self.assertEqual([(x['start'], x['status']) for x in days],
                         [('2026-03-04T09:00:00+02:00', 'planned'),
                          ('2026-03-05T09:00:00+02:00', 'completed'),
                          ('2026-03-06T09:00:00+02:00', 'planned')])
        self.assertTrue(all(x['id'] == aid for x in days))
        self.fails('activity', 'complete', str(aid), '--occurrence', '2026-03-05 10:00')
        self.fails('activity', 'complete', str(aid), '--occurrence', '2026-02-30 09:00', status=2)

    # SPEC D10

    def test_d10_discussion(self):
        aid = self.add('--title', 'Offer for Acme', '--performer', 'jan', '--start', '2026-03-02 10:00')
        first = self.new_id('activity', 'message', str(aid), 'Can you send the offer today?')
        second = self.new_id('activity', 'message', str(aid), 'Sent at noon.', user='jan')
        self.assertNotEqual(first, second)
        messages = self.show(aid, user='eva')['messages']
        self.assertEqual([(m['author'], m['text']) for m in messages],
                         [('admin', 'Can you send the offer today?'), ('jan', 'Sent at noon.')])
        self.assertIn('Sent at noon.', self.ok('activity', 'show', str(aid)))
        # Eva sees it but takes no part in it.
        self.fails('activity', 'message', str(aid), 'Me too', user='eva')
        self.fails('activity', 'message', str(aid), status=2)
        self.assertEqual(len(self.show(aid)['messages']), 2)

    # SPEC D8, J2

    def test_d8_timer_and_time_report(self):
        aid = self.add('--title', 'Prepare offer', '--company', str(self.cid), '--performer', 'jan',
                       '--start', '2026-03-02 10:00')
        self.assertEqual(self.json('timer', 'status', user='jan'), {'running': False})
        self.ok('timer', 'start', str(aid), user='jan')
        status = self.json('timer', 'status', user='jan')
        self.assertTrue(status['running'])
        self.assertEqual((status['id'], status['title']), (aid, 'Prepare offer'))
        self.assertIn(str(aid), self.ok('timer', 'status', user='jan'))
        time.sleep(1.2)
        self.ok('timer', 'stop', user='jan')
        self.assertEqual(self.json('timer', 'status', user='jan'), {'running': False})
        tracked = self.show(aid)['tracked_seconds']
        self.assertGreaterEqual(tracked, 1)
        # Eva does not perform it.
        self.fails('timer', 'start', str(aid), user='eva')

        today = datetime.date.today().isoformat()
        rows = self.json('report', 'time', '--from', today, '--to', today)
        self.assertEqual([(r['key'], r['label'], r['seconds']) for r in rows],
                         [('jan', 'Jan Kowalski', tracked)])
        rows = self.json('report', 'time', '--from', today, '--to', today, '--by', 'company')
        self.assertEqual([(r['key_id'], r['label'], r['seconds']) for r in rows],
                         [(self.cid, 'Acme Oy', tracked)])
        csv = self.ok('report', 'time', '--from', today, '--to', today, '--by', 'month', '--csv')
        lines = csv.splitlines()
        self.assertEqual(lines[0], 'key,label,seconds,hours')
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[1].startswith(today[:7] + ','), lines[1])
        self.assertIn('Jan Kowalski', self.ok('report', 'time', '--from', today, '--to', today))
        # Another period has nothing.
        self.assertEqual(self.json('report', 'time', '--from', '2020-01-01', '--to', '2020-12-31'), [])

        self.fails('report', 'time', '--from', today, status=2)
        self.fails('report', 'time', '--from', today, '--to', today, '--by', 'planet', status=2)
        self.fails('report', 'time', '--from', today, '--to', today, '--csv', '--json', status=2)
        self.fails('report', 'time', '--from', '2026-02-30', '--to', today, status=2)
        self.fails('report', 'time', '--from', today, '--to', '2020-01-01', status=2)

    # SPEC E3, E5

    def test_e3_e5_private_activity_of_someone_else(self):
        busy = self.add('--title', 'Dentist Zebra', '--company', str(self.cid), '--private', '--busy',
                        '--start', '2026-03-03 10:00', '--end', '2026-03-03 11:00', user='eva')
        free = self.add('--title', 'Secret Walrus plan', '--company', str(self.cid), '--private',
                        '--start', '2026-03-03 12:00', user='eva')
        self.ok('timer', 'start', str(busy), user='eva')
        time.sleep(1.2)
        self.ok('timer', 'stop', user='eva')

        # Eva herself sees both, with their titles.
        own = self.calendar('2026-03-03', '2026-03-03', user='eva')
        self.assertEqual([x['title'] for x in own], ['Dentist Zebra', 'Secret Walrus plan'])

        for reader in ('admin', 'jan'):
            # Her calendar shows the busy one as busy time only, the other not at all.
            entries = self.calendar('2026-03-03', '2026-03-03', user=reader, of='eva')
            self.assertEqual(entries, [{'busy': True, 'start': '2026-03-03T10:00:00+02:00',
                                        'end': '2026-03-03T11:00:00+02:00'}], reader)
            out = self.ok('activity', 'list', '--from', '2026-03-03', '--to', '2026-03-03',
                          '--of', 'eva', user=reader)
            for secret in ('Zebra', 'Walrus', 'Acme'):
                self.assertNotIn(secret, out, reader)
            self.assertEqual(self.calendar('2026-03-03', '2026-03-03', user=reader), [], reader)
            # Not found, not listed with the company, not counted.
            for aid in (busy, free):
                message = self.fails('activity', 'show', str(aid), user=reader)
                self.assertNotIn('Zebra', message)
                self.assertNotIn('Walrus', message)
                self.fails('activity', 'message', str(aid), 'Hello?', user=reader)
                self.fails('timer', 'start', str(aid), user=reader)
            self.assertEqual(self.json('activity', 'list', '--company', str(self.cid), user=reader), [])
            today = datetime.date.today().isoformat()
            self.assertEqual(self.json('report', 'time', '--from', today, '--to', today, user=reader), [],
                             reader)
        today = datetime.date.today().isoformat()
        self.assertEqual([r['key'] for r in self.json('report', 'time', '--from', today, '--to', today,
                                                      user='eva')], ['eva'])

    # SPEC D3, D9, L1

    def test_l1_terms(self):
        terms = self.json('term', 'list')
        sets = {t['set'] for t in terms}
        self.assertEqual(sets, {'category', 'kind', 'type', 'property', 'goal', 'priority'})
        kinds = self.json('term', 'list', '--set', 'kind')
        self.assertEqual([k['name'] for k in kinds], ['Events', 'Sales', 'Marketing'])
        lead = [c for c in self.json('term', 'list', '--set', 'category') if c['name'] == 'Lead'][0]
        self.assertEqual((lead['kind'], lead['type'], lead['sales_target']), ('Sales', 'Leads', True))

        cid = self.new_id('term', 'add', '--set', 'category', 'Trade fair', '--kind', 'Marketing',
                          '--type', 'Customer visits', '--allow-choice', '--sales-target')
        fair = [c for c in self.json('term', 'list', '--set', 'category') if c['id'] == cid][0]
        self.assertEqual((fair['name'], fair['kind'], fair['type'], fair['allow_choice'],
                          fair['sales_target']),
                         ('Trade fair', 'Marketing', 'Customer visits', True, True))
        self.assertEqual(self.json('term', 'list', '--set', 'category')[-1]['id'], cid)
        a = self.json('activity', 'add', '--title', 'Helsinki fair', '--category', 'Trade fair',
                      '--start', '2026-03-02 10:00')
        self.assertEqual((a['kind'], a['type']), ('Marketing', 'Customer visits'))

        # Renaming a shipped kind keeps where it came from.
        events = kinds[0]['id']
        self.ok('term', 'rename', str(events), 'Happenings')
        renamed = self.json('term', 'list', '--set', 'kind')[0]
        self.assertEqual((renamed['name'], renamed['builtin'], renamed['renamed']),
                         ('Happenings', 'Events', True))
        self.assertIn('Happenings', self.ok('term', 'list', '--set', 'kind', user='jan'))
        # The same name again keeps a shipped entry shipped (and translated).
        sales = self.json('term', 'list', '--set', 'kind')[1]
        self.ok('term', 'rename', str(sales['id']), 'Sales')
        sales = self.json('term', 'list', '--set', 'kind')[1]
        self.assertEqual((sales['name'], sales['renamed']), ('Sales', False))

        goals = self.json('term', 'list', '--set', 'goal')
        feedback = [g['id'] for g in goals if g['name'] == 'Get feedback'][0]
        self.ok('term', 'delete', str(feedback))
        self.assertNotIn('Get feedback', [g['name'] for g in self.json('term', 'list', '--set', 'goal')])
        self.fails('activity', 'add', '--title', 'Ask', '--goal', 'Get feedback',
                   '--start', '2026-03-02 10:00')

        # Only administrators change the lists.
        self.fails('term', 'add', '--set', 'goal', 'Win', user='jan')
        self.fails('term', 'rename', str(events), 'Mine', user='jan')
        self.fails('term', 'delete', str(events), user='jan')
        self.assertEqual(self.json('term', 'list', '--set', 'kind')[0]['name'], 'Happenings')
        self.fails('term', 'add', '--set', 'planet', 'Mars', status=2)
        self.fails('term', 'add', 'No set', status=2)
        self.fails('term', 'add', '--set', 'goal', 'Win', '--sales-target', status=2)
        self.fails('term', 'add', '--set', 'category', 'Odd', '--kind', 'Nope')
        self.fails('term', 'list', '--set', 'planet', status=2)

    # SPEC D20

    def test_d20_sales_targets(self):
        self.add_user('maria', 'Maria Manager', role='manager')
        self.ok('target', 'set', '--seller', 'jan', '--category', 'Lead', '--per', 'week', '3', user='maria')
        targets = self.json('target', 'list', '--seller', 'jan', user='maria')
        self.assertEqual([(t['user'], t['category'], t['per'], t['target'], t['done']) for t in targets],
                         [('jan', 'Lead', 'week', 3, 0)])

        # A completed lead Jan performs this week counts.
        now = datetime.datetime.now()
        start = now.replace(hour=0, minute=10).strftime('%Y-%m-%d %H:%M')
        aid = self.add('--title', 'New lead', '--category', 'Lead', '--start', start, user='jan')
        self.ok('activity', 'complete', str(aid), user='jan')
        targets = self.json('target', 'list', user='jan')
        self.assertEqual([(t['category'], t['target'], t['done']) for t in targets], [('Lead', 3, 1)])
        # Managers see everyone's.
        self.assertIn('jan', [t['user'] for t in self.json('target', 'list', user='maria')])
        self.assertIn('Lead', self.ok('target', 'list', user='jan'))

        # Sellers neither set targets nor read others'.
        self.fails('target', 'set', '--seller', 'jan', '--category', 'Lead', '--per', 'week', '1', user='jan')
        self.fails('target', 'list', '--seller', 'eva', user='jan')
        # Only sales-target categories, real numbers, weeks or months.
        self.fails('target', 'set', '--seller', 'jan', '--category', 'Phone call', '--per', 'week', '2',
                   user='maria')
        self.fails('target', 'set', '--seller', 'jan', '--category', 'Lead', '--per', 'year', '2',
                   user='maria', status=2)
        self.fails('target', 'set', '--seller', 'jan', '--category', 'Lead', '--per', 'week', 'many',
                   user='maria', status=2)
        self.fails('target', 'set', '--seller', 'nobody', '--category', 'Lead', '--per', 'week', '2',
                   user='maria')
        self.fails('target', 'set', '--category', 'Lead', '--per', 'week', '2', user='maria', status=2)
        self.assertEqual(self.json('target', 'list', '--seller', 'jan', user='maria')[0]['target'], 3)

        # 0 removes it.
        self.ok('target', 'set', '--seller', 'jan', '--category', 'Lead', '--per', 'month', '0', user='admin')
        self.assertEqual(self.json('target', 'list', '--seller', 'jan'), [])

    # SPEC M5

    def test_m5_help(self):
        out = self.run_cli('--help', user=None, db=False).stdout
        for command in ('activity add', 'activity complete', 'timer status', 'report time',
                        'term rename', 'target set'):
            self.assertIn(command, out)
        out = self.run_cli('activity', 'add', '--help', user=None, db=False).stdout
        for option in ('--title', '--category', '--open-ended', '--tz', '--performer', '--busy',
                       '--repeat', '--goal', '--visible-to', '--needs-completing', '--reminder'):
            self.assertIn(option, out)
        out = self.run_cli('activity', 'list', '--help', user=None, db=False).stdout
        for option in ('--from', '--to', '--of', '--company', '--to-complete', '--json'):
            self.assertIn(option, out)
        out = self.run_cli('report', '--help', user=None, db=False).stdout
        self.assertIn('report time', out)


if __name__ == '__main__':
    clitest.main()
