#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: first administrator, sign-in, users, groups (SPEC A1, A3,
A4, A5, M5)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import ADMIN_PASSWORD, USER_PASSWORD, CliTestCase  # noqa: E402


class InitAndSignIn(CliTestCase):

    def test_a5_init_creates_first_admin_who_signs_in(self):
        users = self.json('user', 'list')
        self.assertEqual(len(users), 1)
        self.assertEqual(users[0]['login'], 'admin')
        self.assertEqual(users[0]['name'], 'Ada Admin')
        self.assertEqual(users[0]['role'], 'admin')
        self.assertEqual(users[0]['type'], 'user')
        self.assertIsInstance(users[0]['id'], int)

    def test_a5_init_refused_when_admin_exists(self):
        message = self.fails('init', '--admin', 'eve', '--name', 'Eve',
                             user=None, new_password='whatever-123')
        self.assertIn('administrator', message)
        self.assertEqual([u['login'] for u in self.json('user', 'list')], ['admin'])

    def test_a5_init_needs_admin_and_name(self):
        other = os.path.join(self.tmp.name, 'other.db')
        self.fails('--db', other, 'init', '--admin', 'x', status=2,
                   user=None, db=False, new_password='long-enough-1')
        self.assertFalse(os.path.exists(other))

    def test_a3_init_with_short_password_leaves_no_database(self):
        other = os.path.join(self.tmp.name, 'short.db')
        message = self.fails('--db', other, 'init', '--admin', 'x', '--name', 'X',
                             user=None, db=False, new_password='short')
        self.assertIn('password', message)
        self.assertFalse(os.path.exists(other))

    def test_a1_wrong_password_is_refused_with_a_generic_message(self):
        wrong = self.fails('company', 'list', password='not-the-password')
        unknown = self.fails('company', 'list', user='nobody', password='not-the-password')
        # An unknown login and a wrong password cannot be told apart.
        self.assertEqual(wrong, unknown)
        self.assertIn('Wrong login or password', wrong)

    def test_a1_no_password_and_no_terminal_is_one_line_error(self):
        message = self.fails('company', 'list', user=None,
                             env={'TANDEM_USER': 'admin'})
        self.assertIn('TANDEM_PASSWORD', message)

    def test_a1_a3_passwords_typed_at_the_terminal_are_not_shown(self):
        other = os.path.join(self.tmp.name, 'typed.db')
        self.db = other
        status, shown = self.run_in_terminal(
            ['init', '--admin', 'tia', '--name', 'Tia'], ['typed-secret-1', 'typed-secret-1'])
        self.assertEqual(status, 0, shown)
        self.assertIn('New password for tia', shown)
        self.assertNotIn('typed-secret-1', shown)

        status, shown = self.run_in_terminal(['--user', 'tia', 'user', 'list'], ['typed-secret-1'])
        self.assertEqual(status, 0, shown)
        self.assertIn('Password for tia', shown)
        self.assertNotIn('typed-secret-1', shown)
        self.assertIn('tia\tTia\tadmin', shown)

        # A new password is asked twice; two different ones change nothing.
        status, shown = self.run_in_terminal(['--user', 'tia', 'user', 'add', 'bo', '--name', 'Bo'],
                                             ['typed-secret-1', 'bo-secret-1', 'bo-secret-2'])
        self.assertNotEqual(status, 0)
        self.assertIn('do not match', shown)
        self.passwords['tia'] = 'typed-secret-1'
        self.assertEqual([u['login'] for u in self.json('user', 'list', user='tia')], ['tia'])

    def test_a1_user_from_environment(self):
        out = self.ok('user', 'list', user=None, password=ADMIN_PASSWORD,
                      env={'TANDEM_USER': 'admin'})
        self.assertIn('admin', out)


class Users(CliTestCase):

    def setUp(self):
        super().setUp()
        self.assertRegex(self.ok('group', 'add', 'Sales team'), r'^[0-9]+\n$')
        self.ok('group', 'add', 'Owners')

    def test_a4_user_add_with_role_and_groups(self):
        self.add_user('jan', 'Jan Kowalski', role='manager', groups=['Sales team', 'Owners'])
        self.add_user('eva', 'Eva Nowak')
        users = {u['login']: u for u in self.json('user', 'list')}
        self.assertEqual(set(users), {'admin', 'jan', 'eva'})
        self.assertEqual(users['jan']['role'], 'manager')
        self.assertEqual(sorted(users['jan']['groups']), ['Owners', 'Sales team'])
        self.assertEqual(users['eva']['role'], 'user')
        self.assertEqual(users['eva']['groups'], [])
        self.assertIs(users['eva']['active'], True)
        # The new users sign in with the password they were given.
        self.ok('company', 'list', user='jan')
        self.ok('company', 'list', user='eva')

        text = self.ok('user', 'list')
        line = [l for l in text.splitlines() if l.startswith('jan\t')][0]
        self.assertEqual(line.split('\t')[:3], ['jan', 'Jan Kowalski', 'manager'])

    def test_a4_group_list(self):
        groups = self.json('group', 'list')
        self.assertEqual(sorted(g['name'] for g in groups), ['Owners', 'Sales team'])
        self.assertTrue(all(g['type'] == 'group' for g in groups))

    def test_a4_non_admin_cannot_add_users_or_groups(self):
        self.add_user('jan', 'Jan Kowalski', role='manager')
        message = self.fails('user', 'add', 'mallory', '--name', 'Mallory',
                             user='jan', new_password='mallory-pass-1')
        self.assertIn('administrator', message)
        self.fails('group', 'add', 'Hackers', user='jan')
        self.fails('field', 'add', 'company', 'additional', 'Secret', user='jan')
        self.assertEqual(sorted(u['login'] for u in self.json('user', 'list')), ['admin', 'jan'])
        self.assertEqual(len(self.json('group', 'list')), 2)
        self.assertEqual(self.json('field', 'list', 'company'), [])

    def test_a4_unknown_group_or_role_changes_nothing(self):
        self.fails('user', 'add', 'jan', '--name', 'Jan', '--group', 'Nobody',
                   new_password=USER_PASSWORD)
        self.fails('user', 'add', 'jan', '--name', 'Jan', '--role', 'boss', status=2,
                   new_password=USER_PASSWORD)
        self.assertEqual([u['login'] for u in self.json('user', 'list')], ['admin'])

    def test_a4_user_add_needs_name_and_free_login(self):
        self.fails('user', 'add', 'jan', status=2, new_password=USER_PASSWORD)
        self.add_user('jan', 'Jan')
        message = self.fails('user', 'add', 'jan', '--name', 'Other Jan', new_password=USER_PASSWORD)
        self.assertIn('jan', message)
        self.assertEqual(len(self.json('user', 'list')), 2)

    def test_a3_weak_new_password_is_refused(self):
        self.fails('user', 'add', 'jan', '--name', 'Jan', new_password='short')
        self.assertEqual(len(self.json('user', 'list')), 1)

    def test_a3_user_add_without_new_password_and_terminal_fails(self):
        message = self.fails('user', 'add', 'jan', '--name', 'Jan')
        self.assertIn('TANDEM_NEW_PASSWORD', message)
        self.assertEqual(len(self.json('user', 'list')), 1)

    def test_a1_user_passwd(self):
        self.add_user('jan', 'Jan')
        self.add_user('eva', 'Eva')
        # An administrator sets anyone's password.
        self.ok('user', 'passwd', 'jan', new_password='jan-new-secret')
        self.fails('company', 'list', user='jan', password=USER_PASSWORD)
        self.ok('company', 'list', user='jan', password='jan-new-secret')
        # Users set their own, and only their own.
        self.ok('user', 'passwd', 'eva', user='eva', new_password='eva-new-secret')
        self.passwords['eva'] = 'eva-new-secret'
        self.ok('company', 'list', user='eva')
        self.fails('user', 'passwd', 'admin', user='eva', new_password='taken-over-1')
        self.ok('company', 'list', user='admin')
        self.fails('user', 'passwd', 'nobody', new_password='whatever-123')


if __name__ == '__main__':
    clitest.main()
