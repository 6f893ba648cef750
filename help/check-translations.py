#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Merge each help translation into the pages and validate the result.

Usage: check-translations.py HELP_DIR

For every language in HELP_DIR/LINGUAS: compile HELP_DIR/LANG/LANG.po,
merge it into HELP_DIR/C/*.page with itstool, as the installed help will be,
and check the translated pages with `yelp-check validate`. A msgstr with
broken markup fails here instead of at install time.
Exits 77 (skipped) when msgfmt, itstool or yelp-check is missing.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    help_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    tools = ['msgfmt', 'itstool', 'yelp-check']
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        print('skipped: %s not found' % ', '.join(missing))
        return 77

    with open(os.path.join(help_dir, 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#')[0].split()]
    pages = sorted(glob.glob(os.path.join(help_dir, 'C', '*.page')))

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            po = os.path.join(help_dir, lang, lang + '.po')
            mo = os.path.join(tmp, lang + '.mo')
            out = os.path.join(tmp, lang)
            os.mkdir(out)
            steps = [
                ['msgfmt', '--check', '-o', mo, po],
                ['itstool', '-m', mo, '-o', out + os.sep] + pages,
                ['yelp-check', 'validate', out],
            ]
            for cmd in steps:
                r = subprocess.run(cmd, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
                if r.returncode != 0 or r.stdout.strip():
                    print('%s: %s' % (lang, ' '.join(cmd[:2])))
                    print(r.stdout, end='')
                if r.returncode != 0:
                    failed = True
                    break
            else:
                print('%s: %d pages OK' % (lang, len(pages)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
