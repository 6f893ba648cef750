#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tandem-cli: two-step sign-in with an authenticator app (SPEC A2, M5).

The codes are computed here as an authenticator app would, from the key
in the otpauth:// link that `user totp enable` prints (RFC 6238)."""

import base64
import hashlib
import hmac
import os
import struct
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import clitest  # noqa: E402
from clitest import CliTestCase  # noqa: E402


def totp(secret, offset=0, now=None):
    """RFC 6238 with HMAC-SHA-1, 6 digits and 30-second steps."""
    key = base64.b32decode(secret + '=' * (-len(secret) % 8))
    step = int((time.time() if now is None else now) // 30) + offset
    digest = hmac.new(key, struct.pack('>Q', step), hashlib.sha1).digest()
    start = digest[-1] & 0x0f
    value = struct.unpack('>I', digest[start:start + 4])[0] & 0x7fffffff
    return '%06d' % (value % 1000000)


class TotpTestCase(CliTestCase):

    def enable(self, login, user='admin'):
        """Switches it on; returns (key, recovery codes)."""
        out = self.ok('user', 'totp', 'enable', login, user=user)
        lines = out.splitlines()
        uri = urllib.parse.urlsplit(lines[0])
        self.assertEqual(uri.scheme, 'otpauth')
        self.assertEqual(uri.netloc, 'totp')
        self.assertEqual(urllib.parse.unquote(uri.path), '/Tandem:' + login)
        query = urllib.parse.parse_qs(uri.query)
        self.assertEqual(query['issuer'], ['Tandem'])
        self.assertEqual(query['digits'], ['6'])
        self.assertEqual(query['period'], ['30'])
        codes = [line for line in lines[1:] if len(line) == 11 and line[5] == '-']
        self.assertEqual(len(codes), 10, out)
        return query['secret'][0], codes


class EnableAndSignIn(TotpTestCase):

    def test_a2_rfc6238_helper_matches_the_rfc(self):
        # RFC 6238 appendix B, SHA-1, the last six digits
        secret = base64.b32encode(b'12345678901234567890').decode()
        self.assertEqual(totp(secret, now=59), '287082')
        self.assertEqual(totp(secret, now=1111111109), '081804')
        self.assertEqual(totp(secret, now=20000000000), '353130')

    def test_a2_enable_prints_link_and_sign_in_needs_the_code(self):
        self.add_user('ben', 'Ben Seller')
        secret, _ = self.enable('ben')

        # Without a code (and without a terminal) it fails clearly.
        message = self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': None})
        self.assertIn('TANDEM_TOTP', message)
        self.assertIn('authenticator', message)
        r = self.run_cli('company', 'list', user='ben', env={'TANDEM_TOTP': None})
        self.assertEqual(r.status, 1)
        self.assertEqual(r.stdout, '')

        # The current code signs in.
        companies = self.json('company', 'list', user='ben', env={'TANDEM_TOTP': totp(secret)})
        self.assertEqual(companies, [])

        # The same code again is refused, like a wrong one, with one line.
        used = self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': totp(secret)})
        self.assertEqual(used, 'Wrong code')
        wrong = self.fails('company', 'list', user='ben',
                           env={'TANDEM_TOTP': '%06d' % ((int(totp(secret, 1)) + 1) % 1000000)})
        self.assertEqual(wrong, 'Wrong code')

        # A wrong password with the right code is still a wrong password.
        message = self.fails('company', 'list', user='ben', password='not-the-password',
                             env={'TANDEM_TOTP': totp(secret, 1)})
        self.assertIn('Wrong login or password', message)

        # Others sign in as before.
        self.assertEqual(self.json('company', 'list', env={'TANDEM_TOTP': None}), [])

    def test_a2_recovery_code_signs_in_once(self):
        self.add_user('ben', 'Ben Seller')
        _, codes = self.enable('ben')
        self.json('company', 'list', user='ben', env={'TANDEM_TOTP': codes[2].upper()})
        self.assertEqual(self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': codes[2]}),
                         'Wrong code')

    def test_a2_code_typed_at_the_terminal(self):
        self.add_user('ben', 'Ben Seller')
        secret, _ = self.enable('ben')
        status, shown = self.run_in_terminal(['--user', 'ben', 'company', 'list'],
                                             [clitest.USER_PASSWORD, totp(secret)])
        self.assertEqual(status, 0, shown)
        self.assertIn('Authenticator code for ben:', shown)

    def test_a2_json_and_permissions(self):
        self.add_user('ben', 'Ben Seller')
        self.add_user('cleo', 'Cleo Seller')
        data = self.json('user', 'totp', 'enable', 'cleo')
        self.assertEqual(data['login'], 'cleo')
        self.assertTrue(data['uri'].startswith('otpauth://totp/Tandem:cleo?secret='))
        self.assertEqual(len(data['recovery_codes']), 10)

        # Only administrators switch it on or off for someone else.
        message = self.fails('user', 'totp', 'enable', 'admin', user='ben')
        self.assertIn('administrator', message)
        self.fails('user', 'totp', 'disable', 'cleo', user='ben')
        self.fails('user', 'totp', 'enable', 'nobody')

        # A user switches on their own; the next sign-in needs the code.
        secret, _ = self.enable('ben', user='ben')
        self.fails('company', 'list', user='ben')
        self.json('company', 'list', user='ben', env={'TANDEM_TOTP': totp(secret)})

    def test_a2_disable(self):
        self.add_user('ben', 'Ben Seller')
        secret, _ = self.enable('ben')

        # Own: with the password (and a code to sign in at all)
        self.ok('user', 'totp', 'disable', 'ben', user='ben', env={'TANDEM_TOTP': totp(secret)})
        self.assertEqual(self.json('company', 'list', user='ben', env={'TANDEM_TOTP': None}), [])
        message = self.fails('user', 'totp', 'disable', 'ben', user='ben')
        self.assertIn('two-step', message)

        # An administrator switches off anyone's (a lost phone).
        self.enable('ben')
        self.fails('company', 'list', user='ben')
        self.ok('user', 'totp', 'disable', 'ben')
        self.assertEqual(self.json('company', 'list', user='ben'), [])

    def test_a2_five_wrong_codes_wait_30_seconds(self):
        self.add_user('ben', 'Ben Seller')
        secret, _ = self.enable('ben')
        for _ in range(4):
            self.assertEqual(self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': 'zzzzz-zzzzz'}),
                             'Wrong code')
        message = self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': 'zzzzz-zzzzz'})
        self.assertIn('30 seconds', message)
        message = self.fails('company', 'list', user='ben', env={'TANDEM_TOTP': totp(secret)})
        self.assertIn('Too many wrong codes', message)


if __name__ == '__main__':
    clitest.main()
