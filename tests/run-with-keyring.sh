#!/bin/sh
# Runs a test program inside a D-Bus session of its own with a real
# secret service (gnome-keyring, unlocked with a throwaway password), in
# folders of its own that go when it ends:
#   run-with-keyring.sh TEST_PROGRAM [ARGS…]
# Skips (TAP) when dbus-run-session or gnome-keyring-daemon is missing.
set -u
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "1..0 # SKIP dbus-run-session or gnome-keyring-daemon is missing (build-aux/deps.sh installs them)"
  exit 0
fi
work=$(mktemp -d /tmp/dossier-keyring-XXXXXX)
mkdir -m 700 "$work/runtime" "$work/data" "$work/config" "$work/cache"
trap 'rm -rf "$work"' EXIT
trap 'exit 143' TERM INT
export XDG_RUNTIME_DIR="$work/runtime" XDG_DATA_HOME="$work/data"
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
# settings are written to a file, which the test reads back
export GSETTINGS_BACKEND=keyfile
# the services the session starts run without the test's fatal warnings
# (a portal's warning would end it); the test gets them back
export DOSSIER_TEST_G_DEBUG="${G_DEBUG:-}"
unset G_DEBUG
timeout 600 dbus-run-session -- sh -c '
  printf "%s" "keyring-of-a-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || {
    echo "1..0 # SKIP gnome-keyring-daemon did not start"; exit 0; }
  G_DEBUG="$DOSSIER_TEST_G_DEBUG" exec "$@"' sh "$@"
