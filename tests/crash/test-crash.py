# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety: SIGKILL in the middle of saves, imports and attachments.

Runs crash-worker on one database again and again, killing it with SIGKILL
at a random moment (5–300 ms after it starts), many times; then checks that
the database is consistent (PRAGMA integrity_check, foreign keys), that
every save the worker was told had committed is there with its exact text
(files and documents with their SHA-256), that every batch of 50 (the
stand-in for an import) is there whole or not at all, and that the store
still opens it, migrates it and reads it.

Usage: test-crash.py PATH-TO-CRASH-WORKER
Environment: CRASH_SEED (default: from the clock, printed), CRASH_KILLS
(default 200).
"""

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BATCH = 50


def main():
    worker = os.path.abspath(sys.argv[1])
    seed = int(os.environ.get('CRASH_SEED', str(int(time.time() * 1000) % 1000000)))
    kills = int(os.environ.get('CRASH_KILLS', '200'))
    print('seed %d (CRASH_SEED=%d reproduces the kill times), %d kills' % (seed, seed, kills), flush=True)
    rng = random.Random(seed)
    env = dict(os.environ)
    env.setdefault('TANDEM_PWHASH_FAST', '1')

    with tempfile.TemporaryDirectory(prefix='tandem-crash-') as tmp:
        db = os.path.join(tmp, 'tandem.db')
        subprocess.run([worker, 'init', db], env=env, check=True)

        acked = []
        killed_mid_work = 0
        started = time.monotonic()
        for run in range(kills):
            delay = rng.uniform(0.005, 0.300)
            proc = subprocess.Popen([worker, 'run', db, 'r%d' % run], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(delay)
            if proc.poll() is not None:
                out, err = proc.communicate()
                sys.exit('run %d: the worker ended by itself (%d): %s'
                         % (run, proc.returncode, err.decode('utf-8', 'replace')))
            os.kill(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                sys.exit('run %d: worker status %d: %s' % (run, proc.returncode, err.decode()))
            lines = out.decode('utf-8', 'replace').split('\n')
            # The last line may have been cut by the kill: only whole lines count
            for line in lines[:-1]:
                parts = line.split(' ')
                if parts[0] != 'ACK':
                    sys.exit('run %d: unexpected output %r' % (run, line))
                acked.append(parts[1:])
            if lines[-1]:
                killed_mid_work += 1
            if err.strip():
                sys.exit('run %d: the worker complained: %s' % (run, err.decode('utf-8', 'replace')))
        elapsed = time.monotonic() - started
        kinds = {}
        for a in acked:
            kinds[a[0]] = kinds.get(a[0], 0) + 1
        print('%d kills in %.1f s; %d acknowledged saves: %s' % (
            kills, elapsed, len(acked), ', '.join('%s %d' % kv for kv in sorted(kinds.items()))),
            flush=True)

        failures = check(db, acked)
        status = subprocess.run([worker, 'check', db], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        if status.returncode != 0 or not status.stdout.startswith(b'OK'):
            failures.append('the store could not open and read the database: %s'
                            % status.stderr.decode('utf-8', 'replace'))
        else:
            print(status.stdout.decode().strip())
        for kind in ('company', 'person', 'note', 'activity', 'batch', 'file', 'document'):
            if kinds.get(kind, 0) == 0:
                failures.append('no %s was ever acknowledged: the kills came too early to test it' % kind)
        if failures:
            for f in failures[:50]:
                print('FAIL: ' + f)
            print('seed %d' % seed)
            sys.exit(1)
        print('database consistent; every acknowledged save is there')


def check(db, acked):
    failures = []
    conn = sqlite3.connect(db)
    integrity = conn.execute('PRAGMA integrity_check').fetchall()
    if integrity != [('ok',)]:
        failures.append('integrity_check: %r' % integrity[:10])
    fk = conn.execute('PRAGMA foreign_key_check').fetchall()
    if fk:
        failures.append('foreign_key_check: %r' % fk[:10])

    def one(sql, *args):
        row = conn.execute(sql, args).fetchone()
        return row[0] if row else None

    for a in acked:
        kind, rid, marker = a[0], int(a[1]), a[2]
        if kind == 'company':
            want, got = 'Crash Company ' + marker, one('SELECT name FROM companies WHERE id = ?', rid)
        elif kind == 'person':
            want, got = 'Crash Person ' + marker, one('SELECT name FROM people WHERE id = ?', rid)
        elif kind == 'note':
            want, got = 'Crash note ' + marker, one('SELECT body FROM notes WHERE id = ?', rid)
        elif kind == 'activity':
            want, got = 'Crash activity ' + marker, one('SELECT title FROM activities WHERE id = ?', rid)
        elif kind == 'batch':
            want = BATCH
            got = one("SELECT count(*) FROM companies WHERE id BETWEEN ? AND ? AND name LIKE ?",
                      rid, rid + BATCH - 1, 'Batch ' + marker + ' #%')
        elif kind == 'file':
            # An activity's file is kept as a document on it
            want = a[3]
            got = document_hash(conn, rid, failures)
        elif kind == 'document':
            want = a[3]
            got = document_hash(conn, rid, failures)
        else:
            failures.append('unknown acknowledgement %r' % a)
            continue
        if got != want:
            failures.append('%s %d (%s) acknowledged but %r in the database, expected %r'
                            % (kind, rid, marker, got, want))

    # An import is all or nothing, acknowledged or not
    for marker, n in conn.execute(
            "SELECT substr (name, 7, instr (name, ' #') - 7), count(*) FROM companies"
            " WHERE name LIKE 'Batch %' GROUP BY 1"):
        if n != BATCH:
            failures.append('batch %s has %d of its %d companies' % (marker, n, BATCH))
    conn.close()
    return failures


def document_hash(conn, rid, failures):
    """The SHA-256 of the current version's content, hashed here."""
    row = conn.execute(
        'SELECT v.data, v.sha256 FROM documents d JOIN document_versions v'
        ' ON v.document_id = d.id AND v.number = d.current_version WHERE d.id = ?', (rid,)).fetchone()
    if row is None:
        return None
    got = hashlib.sha256(row[0]).hexdigest()
    if row[1] != got:
        failures.append('document %d: stored hash %s, content hashes to %s' % (rid, row[1], got))
    return got


if __name__ == '__main__':
    main()
