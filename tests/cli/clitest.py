# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up for the tandem-cli tests (SPEC M5).

Each test case gets a fresh database in its own temporary folder, created
with `tandem-cli init` and an administrator "admin". Every run of the tool
is a separate process started in a new session, so it has no terminal: a
missing password makes it fail instead of waiting at a prompt.

Usage of a test script: SCRIPT PATH-TO-TANDEM-CLI [unittest arguments]
"""

import collections
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
import time
import unittest

ADMIN_PASSWORD = 'admin-secret-1'
USER_PASSWORD = 'user-secret-1'

Result = collections.namedtuple('Result', 'status stdout stderr')

CLI = None


class CliTestCase(unittest.TestCase):
    """A test with a fresh database and helpers to run tandem-cli."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='tandem-cli-test-')
        self.addCleanup(self.tmp.cleanup)
        self.db = os.path.join(self.tmp.name, 'tandem.db')
        env = dict(os.environ)
        for name in ('TANDEM_PASSWORD', 'TANDEM_NEW_PASSWORD', 'TANDEM_USER'):
            env.pop(name, None)
        # Never the real user's database, whatever a test forgets.
        env['HOME'] = self.tmp.name
        env['XDG_DATA_HOME'] = os.path.join(self.tmp.name, 'data')
        env.setdefault('TANDEM_PWHASH_FAST', '1')
        self.base_env = env
        self.passwords = {'admin': ADMIN_PASSWORD}
        self.ok('init', '--admin', 'admin', '--name', 'Ada Admin',
                user=None, new_password=ADMIN_PASSWORD)

    # Running the tool

    def run_cli(self, *args, user='admin', password=None, new_password=None,
                db=True, env=None):
        """Runs tandem-cli as @user; the password is the one the user was
        given unless @password says otherwise."""
        full_env = dict(self.base_env)
        if user is not None:
            if password is None:
                password = self.passwords.get(user, '')
            full_env['TANDEM_PASSWORD'] = password
        elif password is not None:
            full_env['TANDEM_PASSWORD'] = password
        if new_password is not None:
            full_env['TANDEM_NEW_PASSWORD'] = new_password
        if env:
            for key, value in env.items():
                if value is None:
                    full_env.pop(key, None)
                else:
                    full_env[key] = value
        argv = [CLI]
        if db:
            argv += ['--db', self.db]
        if user is not None:
            argv += ['--user', user]
        argv += list(args)
        proc = subprocess.run(argv, env=full_env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              start_new_session=True, timeout=120)
        return Result(proc.returncode, proc.stdout.decode('utf-8'),
                      proc.stderr.decode('utf-8'))

    def run_in_terminal(self, args, answers, timeout=60):
        """Runs tandem-cli --db DB ARGS on a pseudo-terminal with no
        password variables, typing each of @answers after a prompt that
        ends in a colon. Returns (status, everything the terminal showed)."""
        env = dict(self.base_env)
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(CLI, [CLI, '--db', self.db] + list(args), env)
            finally:
                os._exit(127)
        shown = b''
        pending = list(answers)
        buf = b''
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if pending and buf.rstrip().endswith(b':'):
                    os.write(fd, pending.pop(0).encode('utf-8') + b'\n')
                    buf = b''
                ready, _, _ = select.select([fd], [], [], 0.5)
                if not ready:
                    continue
                try:
                    data = os.read(fd, 1024)
                except OSError:
                    break
                if not data:
                    break
                shown += data
                buf += data
            else:
                os.kill(pid, 9)
                self.fail('tandem-cli %s hung at the terminal: %r' % (' '.join(args), shown))
        finally:
            os.close(fd)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), shown.decode('utf-8', 'replace')

    def ok(self, *args, **kwargs):
        """Runs a command that must succeed; returns its stdout."""
        r = self.run_cli(*args, **kwargs)
        self.assertEqual(r.status, 0,
                         'tandem-cli %s failed (%d): %s' % (' '.join(args), r.status, r.stderr))
        self.assertEqual(r.stderr, '', 'unexpected stderr for %s' % ' '.join(args))
        return r.stdout

    def fails(self, *args, status=None, **kwargs):
        """Runs a command that must fail the way the contract says: a
        non-zero status and one line "tandem-cli: <message>" on stderr.
        Returns the message."""
        r = self.run_cli(*args, **kwargs)
        self.assertNotEqual(r.status, 0, 'tandem-cli %s should have failed' % ' '.join(args))
        if status is not None:
            self.assertEqual(r.status, status,
                             'tandem-cli %s: exit status %d, expected %d (%s)'
                             % (' '.join(args), r.status, status, r.stderr))
        lines = r.stderr.splitlines()
        self.assertEqual(len(lines), 1, 'expected one line on stderr, got %r' % r.stderr)
        self.assertTrue(lines[0].startswith('tandem-cli: '), lines[0])
        self.assertGreater(len(lines[0]), len('tandem-cli: ') + 5, lines[0])
        self.assertNotIn('CRITICAL', r.stderr)
        return lines[0][len('tandem-cli: '):]

    def json(self, *args, **kwargs):
        return json.loads(self.ok(*(args + ('--json',)), **kwargs))

    def new_id(self, *args, **kwargs):
        """Runs an "add" command; returns the id it printed."""
        out = self.ok(*args, **kwargs)
        self.assertRegex(out, r'^[0-9]+\n$')
        return int(out)

    # Fixtures

    def add_user(self, login, name, role='user', groups=()):
        args = ['user', 'add', login, '--name', name, '--role', role]
        for group in groups:
            args += ['--group', group]
        self.ok(*args, new_password=USER_PASSWORD)
        self.passwords[login] = USER_PASSWORD

    def company_names(self, user='admin'):
        return [c['name'] for c in self.json('company', 'list', user=user)]


def main():
    global CLI
    if len(sys.argv) < 2:
        print('usage: %s PATH-TO-TANDEM-CLI [unittest arguments]' % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    CLI = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)
