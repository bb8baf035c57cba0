#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A second `dossier` joins the running instance (GApplication uniqueness
# over D-Bus): it hands its files to the first and exits, and the first
# imports them into the library it has open.  TAP.
#   test-instance.sh DOSSIER DOSSIER_CLI DATA_DIR
# Runs in its own dbus-run-session (and xvfb-run when there is no display).
set -u
dossier=$1 cli=$2 data=$3

if [ -z "${DOSSIER_INSTANCE_INNER:-}" ]; then
  if ! command -v dbus-run-session >/dev/null 2>&1; then
    echo "1..0 # SKIP dbus-run-session is not installed"; exit 0
  fi
  export DOSSIER_INSTANCE_INNER=1
  if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a dbus-run-session -- "$0" "$@"
  fi
  exec dbus-run-session -- "$0" "$@"
fi

echo "1..4"
tmp=$(mktemp -d)
lib="$tmp/library.db"
first_pid=
cleanup () {
  [ -n "$first_pid" ] && kill "$first_pid" 2>/dev/null && wait "$first_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none DOSSIER_NO_DEMO=1

"$cli" import --library "$lib" "$data/cli/harbour-talks.txt" >/dev/null 2>&1

# waits_for LIMIT COMMAND...: polls COMMAND every 0.1 s until it succeeds
# (status 0) or LIMIT seconds have passed (status 1)
waits_for () {
  limit=$1; shift
  end=$(( $(date +%s) + limit ))
  while ! "$@"; do
    [ "$(date +%s)" -lt "$end" ] || return 1
    sleep 0.1
  done
}
owns_name () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.dossierapp.Dossier 2>/dev/null | grep -q true
}
# the first one owns its name, or has died and never will
first_settled () {
  owns_name || ! kill -0 "$first_pid" 2>/dev/null
}
has_ferry () {
  "$cli" list --library "$lib" --json 2>/dev/null | grep -qi "ferry"
}

"$dossier" --library "$lib" >"$tmp/first.log" 2>&1 &
first_pid=$!
# the first start on a cold machine loads GTK and the library from disk
owned=no
waits_for 180 first_settled && owns_name && owned=yes
if [ $owned = yes ]; then echo "ok 1 - the first dossier owns org.dossierapp.Dossier"
else echo "not ok 1 - the first dossier never took its bus name"; sed 's/^/# /' "$tmp/first.log"; exit 1; fi

# the second one: hands over its file and exits by itself, quickly
start=$(date +%s)
timeout 30 "$dossier" --library "$lib" "$data/cli/ferry-strike.md" >"$tmp/second.log" 2>&1
status=$?
took=$(( $(date +%s) - start ))
if [ $status -eq 0 ] && [ $took -lt 15 ]; then echo "ok 2 - the second dossier exited (status 0, ${took} s)"
else echo "not ok 2 - the second dossier: status $status after ${took} s"; sed 's/^/# /' "$tmp/second.log"; fi

found=no
waits_for 60 has_ferry && found=yes
if [ $found = yes ]; then echo "ok 3 - the first instance imported the second one's file"
else echo "not ok 3 - the file given to the second dossier never reached the library"; sed 's/^/# /' "$tmp/first.log"; fi

if kill -0 "$first_pid" 2>/dev/null; then echo "ok 4 - the first instance is still running"
else echo "not ok 4 - the first instance died"; sed 's/^/# /' "$tmp/first.log"; fi
