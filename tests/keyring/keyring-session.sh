#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test program against a real keyring (SPEC A3): a private D-Bus
# session of its own with gnome-keyring-daemon, its login keyring created
# and unlocked in a temporary home folder. The program's user password is
# in TANDEM_KEYRING_TEST_PASSWORD. Afterwards every file under that home,
# except the keyring's own files, is searched for the password: it must
# be in none of them.
#
#   keyring-session.sh PROGRAM [ARGUMENTS…]
set -u

if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "1..0 # SKIP gnome-keyring-daemon or dbus-run-session is not installed"
  exit 77
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/tandem-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -p "$home/.local/share" "$home/.config" "$home/.cache" "$home/run"
chmod 700 "$home/run"

password="kr-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

export HOME="$home"
export XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/run"
# Settings go to a file here, so that the search below covers them.
export GSETTINGS_BACKEND=keyfile
export TANDEM_KEYRING_TEST_PASSWORD="$password"
export TANDEM_KEYRING_TEST_HOME="$home"

# Inside the session: the daemon unlocks (and creates) the login keyring
# with the password from standard input, the test waits until it owns
# the Secret Service name, runs, and the daemon is stopped by its id.
dbus-run-session -- sh -c '
  echo "keyring-test-unlock" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  daemon=$!
  tries=0
  until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
          --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; do
    tries=$((tries + 1))
    if [ $tries -gt 100 ]; then
      echo "Bail out! gnome-keyring-daemon did not start"
      kill $daemon 2>/dev/null
      exit 1
    fi
    sleep 0.1
  done
  "$@"
  status=$?
  kill $daemon 2>/dev/null
  wait $daemon 2>/dev/null
  exit $status
' keyring-session "$@"
status=$?

# The password is kept in the keyring only (SPEC A3).
leaks=$(grep -rlF --exclude-dir=keyrings -e "$password" "$home" 2>/dev/null)
if [ -n "$leaks" ]; then
  echo "Bail out! the password was found outside the keyring: $leaks"
  exit 1
fi
exit $status
