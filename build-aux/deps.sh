#!/bin/sh
# Installs the Debian 12 packages Dossier needs to build, run and test, when
# any is missing.  Sourced by build-aux/run and build-aux/test.
DOSSIER_PACKAGES="meson ninja-build gcc pkg-config gettext libglib2.0-dev libgtk-4-dev
libadwaita-1-dev librsvg2-common libsqlite3-dev libxml2-dev libjson-glib-dev libuchardet-dev libcmark-dev
libstemmer-dev libicu-dev libsoup-3.0-dev libarchive-dev
desktop-file-utils appstream xvfb xauth imagemagick dbus-x11 at-spi2-core
python3-pyatspi python3-dogtail python3-jsonschema cmark xdotool
clang libclang-rt-14-dev valgrind strace
libpq-dev postgresql libsecret-1-dev gnome-keyring"

dossier_install_deps () {
  missing=""
  for p in $DOSSIER_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "build-aux: installing$missing" >&2
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null \
    || { echo "build-aux: could not install:$missing" >&2; return 1; }
}
