# SPDX-License-Identifier: GPL-3.0-or-later
"""The privacy guarantee on the command line (SPEC E1–E5, M5).

privacy-make-org writes the privacy suite's organisation, each user's twin
(the same database without what the user may not see) and a manifest of
every record's marker and who may see it. Every command of
`tandem-cli --help` is either a read, run here by every user with --json
(when it has it) on the organisation and on their twin, or listed in
NOT_READS with the reason. For each user and each read:
  (a) no marker of a record the user may not see is printed;
  (b) the organisation and the twin print the same (stdout, stderr, exit
      status, and the files a command writes);
  (c) every record the user may see is printed by some command.
A command the help lists that is in neither table fails the test: a new
command joins the privacy check before it ships.

Usage: test-privacy-cli.py PATH-TO-PRIVACY-MAKE-ORG PATH-TO-TANDEM-CLI
"""

import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CLI = None

# Commands that read nothing a user may not see, or are not reads at all
WRITE = 'a change; what it reads back is checked by the reads'
NOT_READS = {
    'init': 'creates a database',
    'user add': WRITE, 'user passwd': WRITE,
    'user totp enable': WRITE, 'user totp disable': WRITE,
    'group add': WRITE, 'group members add': WRITE, 'group members remove': WRITE,
    'group move': WRITE,
    'role add': WRITE, 'field add': WRITE,
    'company add': WRITE, 'person add': WRITE, 'note add': WRITE,
    'search save': WRITE, 'campaign add': WRITE,
    'project add': WRITE, 'project member add': WRITE, 'project member remove': WRITE,
    'sale add': WRITE, 'sale move': WRITE, 'sale win': WRITE, 'sale lose': WRITE,
    'task add': WRITE, 'task done': WRITE, 'task cancel': WRITE,
    'product add': WRITE,
    'activity add': WRITE, 'activity complete': WRITE, 'activity cancel': WRITE,
    'activity delete': WRITE, 'activity message': WRITE,
    'timer start': WRITE, 'timer stop': WRITE,
    'term add': WRITE, 'term rename': WRITE, 'term delete': WRITE,
    'target set': WRITE,
    'doc add': WRITE, 'doc version add': WRITE,
    'backup': 'administrators only: a copy of the whole database, everyone\'s data by design (M2)',
    'restore': WRITE,
}

# The administrators' audit trail names the kind and id of records they may
# not see (never their titles); it is searched for markers, not compared.
NOT_COMPARED = {'audit'}


def ids(manifest, kind):
    return [str(r['id']) for r in manifest['records'] if r['kind'] == kind]


def day(manifest, offset):
    week = datetime.date.fromisoformat(manifest['week'])
    return (week + datetime.timedelta(days=offset)).isoformat()


def reads(m):
    """Every read command with the arguments it is run with."""
    logins = [u['login'] for u in m['users']]
    frm, to = m['from'], m['to']
    report = lambda name, bys, extra=(): [
        [*name.split(), '--from', frm, '--to', to, '--by', by, *fmt, *x]
        for by in bys for fmt in ([], ['--csv']) for x in ([], *extra)]
    return {
        'user list': [[]],
        'group list': [[], ['--contact']],
        'group list-members': [[], ['--include', 'Mailing list'],
                               ['--exclude', 'Do not contact', '--people'], ['--companies']],
        'role list': [[]],
        'field list': [[], ['--people']],
        'company show': [[i] for i in ids(m, 'company')],
        'company list': [[]],
        'person show': [[i] for i in ids(m, 'person')],
        'person list': [[]],
        'search run': [[str(m['sales-search'])], [str(m['private-search'])]],
        'search list': [[]],
        'search': [['--limit', '500', w] for w in
                   ('secret', 'acme', 'borealis', 'visit', 'price', 'board', 'crane', 'quotation',
                    'deal', 'press', 'team', 'quiet', 'offer', 'mail')]
                  + [['--limit', '3', w] for w in ('secret', 'acme', 'visit')],
        'campaign list': [[]],
        'campaign show': [[str(m['campaign-shared'])], [str(m['campaign-private'])]],
        'labels templates': [[]],
        'labels': [['--template', 'L7160', *q, '--out', '@OUT@labels.pdf'] for q in (
            ['--group', 'Mailing list'], ['--include', 'Visit'], ['--group', 'Do not contact'],
            ['--campaign', str(m['campaign-shared'])], ['--campaign', str(m['campaign-private'])],
            ['--search', str(m['sales-search'])], ['--search', str(m['private-search'])])],
        'project show': [[i] for i in ids(m, 'project')],
        'project list': [[], ['--sales'], ['--delivery'], ['--mine'], ['--text', 'deal'],
                         ['--company', str(m['acme'])]],
        'sale show': [[i] for i in ids(m, 'project')],
        'sale list': [[], ['--open'], ['--seller', 'olli'], ['--stage', 'Offer'],
                      ['--company', str(m['acme'])], ['--from', day(m, 0), '--to', day(m, 11)],
                      ['--product', 'Hydraulic press']],
        'task list': [['--mine'], []] + [['--project', i] for i in ids(m, 'project')],
        'stage list': [[]],
        'product list': [[], ['--all']],
        'activity show': [[i] for i in ids(m, 'activity')],
        'activity list': [[], ['--to-complete'], ['--company', str(m['acme'])],
                          ['--company', str(m['borealis'])]]
                         + [['--from', day(m, 7), '--to', day(m, 13), '--of', login] for login in logins]
                         + [['--from', day(m, -7), '--to', day(m, 60)]],
        'timer status': [[]],
        'report time': [['report', 'time', '--from', frm, '--to', to, '--by', 'company']],
        'report pipeline': report('report pipeline', ('stage', 'seller', 'product', 'month'),
                                  (['--currency', 'PLN'], ['--seller', 'olli'])),
        'report forecast': report('report forecast', ('month', 'seller'), (['--currency', 'PLN'],)),
        'report development': report('report development', ('month',)),
        'report activities': report('report activities', ('category', 'kind', 'type', 'user', 'month', 'week')),
        'report targets': report('report targets', ('seller',)),
        'term list': [[]],
        'target list': [[]] + [['--seller', login] for login in logins],
        'doc list': [[], ['--email'], ['--text', 'quotation']],
        'doc show': [[i] for i in ids(m, 'document')],
        'doc get': [[i, '--out', '@OUT@doc.bin'] for i in ids(m, 'document')],
        'audit': [['--from', day(m, -3650)]],
    }


def help_commands():
    out = subprocess.run([CLI, '--help'], stdout=subprocess.PIPE, check=True,
                         env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')).stdout.decode()
    section = out.split('Commands:', 1)[1]
    names = []
    for line in section.split('\n')[1:]:
        if not line.strip():
            break
        match = re.match(r'^  (\S.*?)(?:\s{2,}.*)?$', line)
        if match:
            names.append(match.group(1).strip())
    return names


def has_json(command):
    out = subprocess.run([CLI, *command.split(), '--help'], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT).stdout.decode()
    # The options before "Subcommands:" are the command's own
    return '--json' in out.split('Subcommands:', 1)[0]


def pdf_text(path):
    return subprocess.run(['pdftotext', '-layout', path, '-'], stdout=subprocess.PIPE,
                          check=True).stdout.decode('utf-8', 'replace')


def run_all(manifest, user, db, work, table, json_commands, env):
    """Runs every read as @user on a fresh copy of @db; one text per run."""
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, 'tandem.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    shutil.copyfile(db, path)
    password = next(u['password'] for u in manifest['users'] if u['login'] == user)
    run_env = dict(env, TANDEM_PASSWORD=password)
    texts = []
    for command, arg_lists in table.items():
        for args in arg_lists:
            argv = [CLI, '--db', path, '--user', user]
            words = command.split()
            if args[:len(words)] != words:
                argv += words
            argv += [a.replace('@OUT@', work + os.sep) for a in args]
            if command in json_commands and '--csv' not in args:
                argv.append('--json')
            outputs = [a.replace('@OUT@', work + os.sep) for a in args if a.startswith('@OUT@')]
            for o in outputs:
                if os.path.exists(o):
                    os.unlink(o)
            proc = subprocess.run(argv, env=run_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=120)
            text = '$ %s %s\nstatus %d\n%s%s' % (command, ' '.join(args), proc.returncode,
                                                  proc.stdout.decode('utf-8', 'replace'),
                                                  proc.stderr.decode('utf-8', 'replace'))
            for o in outputs:
                if not os.path.exists(o):
                    text += '(no file)\n'
                elif o.endswith('.pdf'):
                    text += pdf_text(o)
                else:
                    with open(o, 'rb') as f:
                        data = f.read()
                    text += data.decode('utf-8', 'replace')
            texts.append((command, text))
    return texts


def check_user(manifest, folder, user, table, json_commands, env):
    problems = []
    twin = next(u['twin'] for u in manifest['users'] if u['login'] == user)
    work = os.path.join(folder, 'work-' + user)
    org_texts = run_all(manifest, user, os.path.join(folder, 'org.db'), work, table, json_commands, env)
    twin_texts = run_all(manifest, user, os.path.join(folder, twin), work, table, json_commands, env)
    hidden = [r for r in manifest['records'] if user not in r['seen-by']]
    for (command, a), (_, b) in zip(org_texts, twin_texts):
        for r in hidden:
            if r['marker'] in a:
                line = next(l for l in a.split('\n') if r['marker'] in l)
                problems.append('%s sees %s %d (%s) in "%s": %s'
                                % (user, r['kind'], r['id'], r['marker'], a.split('\n')[0], line[:300]))
        if command not in NOT_COMPARED and a != b:
            la, lb = a.split('\n'), b.split('\n')
            i = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
            problems.append('%s: "%s" differs on the database without what they may not see, line %d\n'
                            '    organisation: %s\n    twin:         %s'
                            % (user, la[0], i + 1, la[i][:300] if i < len(la) else '(end)',
                               lb[i][:300] if i < len(lb) else '(end)'))
    everything = '\n'.join(t for _, t in org_texts)
    for r in manifest['records']:
        # The command line shows no links of activities
        if r['kind'] == 'attachment':
            continue
        if user in r['seen-by'] and r['marker'] not in everything:
            problems.append('%s may see %s %d (%s), but no command prints it'
                            % (user, r['kind'], r['id'], r['marker']))
    return problems


def main():
    global CLI
    if len(sys.argv) != 3:
        sys.exit('usage: %s PATH-TO-PRIVACY-MAKE-ORG PATH-TO-TANDEM-CLI' % sys.argv[0])
    maker = os.path.abspath(sys.argv[1])
    CLI = os.path.abspath(sys.argv[2])
    env = dict(os.environ)
    env.setdefault('TANDEM_PWHASH_FAST', '1')
    env.update(LANGUAGE='en', LC_ALL='C.UTF-8')
    for name in ('TANDEM_USER', 'TANDEM_NEW_PASSWORD', 'TANDEM_TOTP'):
        env.pop(name, None)

    problems = []
    commands = help_commands()
    with tempfile.TemporaryDirectory(prefix='tandem-privacy-cli-') as folder:
        env['HOME'] = folder
        env['XDG_DATA_HOME'] = os.path.join(folder, 'data')
        subprocess.run([maker, folder], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(folder, 'manifest.json')) as f:
            manifest = json.load(f)
        table = reads(manifest)

        for command in commands:
            if command not in table and command not in NOT_READS:
                problems.append('"tandem-cli %s" is neither a read of this test nor listed in NOT_READS '
                                '(tests/privacy/test-privacy-cli.py)' % command)
        # Entries for commands this build does not have yet are skipped
        table = {c: a for c, a in table.items() if c in commands}
        json_commands = {c for c in table if has_json(c)}
        print('%d commands, %d reads, %d runs per user and database'
              % (len(commands), len(table), sum(len(a) for a in table.values())), flush=True)

        users = [u['login'] for u in manifest['users']]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for user, found in zip(users, pool.map(
                    lambda u: check_user(manifest, folder, u, table, json_commands, env), users)):
                print('%s: %s' % (user, 'ok' if not found else '%d problems' % len(found)), flush=True)
                problems += found

    for p in problems:
        print('FAIL: ' + p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
