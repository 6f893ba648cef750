#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints one closing line, "N passed, N failed", from meson's test log.

A test that reports TAP results counts each of its subtests; any other
test counts once. Exits non-zero when something failed or nothing ran."""

import json
import re
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        entries = [json.loads(line) for line in log if line.strip()]
except OSError as error:
    print(f"no test log: {error}", file=sys.stderr)
    entries = []

for entry in entries:
    result = entry.get("result", "")
    stdout = entry.get("stdout") or ""
    ok = len(re.findall(r"^ok \d+", stdout, re.M))
    not_ok = len(re.findall(r"^not ok \d+", stdout, re.M))
    skip = len(re.findall(r"^ok \d+.*# SKIP", stdout, re.M))
    if ok + not_ok > 0 and re.search(r"^1\.\.\d+", stdout, re.M):
        passed += ok - skip
        skipped += skip
        failed += not_ok
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not_ok == 0:
            failed += 1
    elif result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
