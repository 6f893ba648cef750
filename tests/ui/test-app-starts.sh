#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPEC A1, A5: the real app binary starts on a new database and shows a
# window (the first start asks for the first administrator).
set -u
tandem=${1:?usage: test-app-starts.sh PATH-TO-TANDEM}
dir=$(mktemp -d)
"$tandem" --db "$dir/t.db" >"$dir/log" 2>&1 &
pid=$!
# Only a window of this process counts: other tests may show theirs.
found=$(timeout 20 xdotool search --sync --onlyvisible --pid "$pid" --name "Tandem" 2>/dev/null | head -n 1)
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
status=0
if [ -z "$found" ]; then
  echo "no Tandem window appeared" >&2
  cat "$dir/log" >&2
  status=1
fi
rm -rf "$dir"
exit $status
