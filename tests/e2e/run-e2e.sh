#!/bin/sh
# Runs an AT-SPI end-to-end test against the real dossier binary:
#   run-e2e.sh DOSSIER_BINARY TEST.py
# Needs a display (build-aux/test runs the suite under xvfb-run), D-Bus
# (dbus-run-session), at-spi2-core and python3-pyatspi.
set -u
app=$1
script=$2
if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi
if ! /usr/bin/python3 -c "import pyatspi" 2>/dev/null || ! command -v dbus-run-session >/dev/null \
   || ! command -v xdotool >/dev/null; then
  echo "1..0 # SKIP pyatspi, dbus-run-session or xdotool is missing"
  exit 0
fi
work=$(mktemp -d /tmp/dossier-e2e-XXXXXX)
# the session's runtime dir is ours too: the accessibility bus's socket and
# the document portal's mount go there, never into the user's /run/user/UID
mkdir -m 700 "$work/runtime"
cleanup () {
  if mountpoint -q "$work/runtime/doc" 2>/dev/null; then
    fusermount3 -u "$work/runtime/doc" 2>/dev/null || fusermount -u "$work/runtime/doc" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo
# the cairo renderer draws without GL, so GDK need not load the GL stack
# (Mesa's llvmpipe, tens of MB) on a cold start either
export GDK_DEBUG=gl-disable
unset NO_AT_BRIDGE GTK_A11Y G_DEBUG AT_SPI_BUS_ADDRESS
# GTK reports AT-SPI positions relative to the window; with no window
# manager under Xvfb the window sits at 0,0, so they are screen positions
export DOSSIER_E2E_APP="$app" DOSSIER_E2E_LOG="$work/app.log"
# D-Bus activates services whose chatter would land in the TAP stream:
# the test writes TAP to fd 3, everything else goes to stderr.  Each wait
# in the test has its own limit; this one only ends a test that hangs.
exec 3>&1
timeout 540 dbus-run-session -- /usr/bin/python3 "$script" 1>&2
