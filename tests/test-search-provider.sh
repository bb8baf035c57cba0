#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# GNOME Shell's search provider over D-Bus: org.gnome.Shell.SearchProvider2
# on the running application answers the overview's calls with articles of
# the default library, found by any word form and across scripts.  TAP.
#   test-search-provider.sh DOSSIER DOSSIER_CLI DATA_DIR
# Runs in its own dbus-run-session (and xvfb-run when there is no display).
set -u
dossier=$1 cli=$2 data=$3

if [ -z "${DOSSIER_PROVIDER_INNER:-}" ]; then
  if ! command -v dbus-run-session >/dev/null 2>&1; then
    echo "1..0 # SKIP dbus-run-session is not installed"; exit 0
  fi
  export DOSSIER_PROVIDER_INNER=1
  if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a dbus-run-session -- "$0" "$@"
  fi
  exec dbus-run-session -- "$0" "$@"
fi

echo "1..6"
tmp=$(mktemp -d)
pid=
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none DOSSIER_NO_DEMO=1
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
lib=$XDG_DATA_HOME/dossier/library.db
mkdir -p "$XDG_DATA_HOME/dossier"
"$cli" import --library "$lib" "$data/search/sanctions-en.txt" "$data/search/sanctions-ru.txt" "$data/cli/harbour-talks.txt" >/dev/null 2>&1

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
settled () {
  owns_name || ! kill -0 "$pid" 2>/dev/null
}
provider () {
  timeout 60 gdbus call --session --dest org.dossierapp.Dossier \
    --object-path /org/dossierapp/Dossier/SearchProvider \
    --method "org.gnome.Shell.SearchProvider2.$@" 2>&1
}
id_of () {   # id_of TITLE-WORD: the article's id, from dossier-cli
  "$cli" list --library "$lib" --json | /usr/bin/python3 -c '
import json, sys
for a in json.load(sys.stdin):
    if sys.argv[1] in a["title"]:
        print(a["id"])' "$1"
}
en=$(id_of "sanctions widen")
ru=$(id_of "Лавров ответил")

"$dossier" --gapplication-service >"$tmp/app.log" 2>&1 &
pid=$!
owned=no
waits_for 180 settled && owns_name && owned=yes
if [ $owned = yes ]; then echo "ok 1 - dossier owns org.dossierapp.Dossier"
else echo "not ok 1 - dossier never took its bus name"; sed 's/^/# /' "$tmp/app.log"; exit 1; fi

out=$(provider GetInitialResultSet "['sanction']")
echo "$out" | sed 's/^/# /'
out_ru=$(provider GetInitialResultSet "['санкциями']")
echo "$out_ru" | sed 's/^/# /'
if [ "$out" = "(['$en'],)" ] && [ "$out_ru" = "(['$ru'],)" ]; then
  echo "ok 2 - 'sanction' finds the English article and 'санкциями' the Russian one, by their word forms"
else echo "not ok 2 - 'sanction' gave: $out, 'санкциями' gave: $out_ru"; fi

out=$(provider GetSubsearchResultSet "['$en', '$ru']" "['Lavrov']")
half=$(provider GetInitialResultSet "['Lavr']")
echo "$half" | sed 's/^/# /'
echo "$out" | sed 's/^/# /'
if echo "$out" | grep -q "'$en'" && echo "$out" | grep -q "'$ru'" && echo "$half" | grep -q "'$en'"; then
  echo "ok 3 - 'Lavrov' finds Лавров too, and 'Lavr' as it is typed finds Lavrov"
else echo "not ok 3 - 'Lavrov' gave: $out"; fi

out=$(provider GetResultMetas "['$en']")
echo "$out" | sed 's/^/# /'
if echo "$out" | grep -q "New sanctions widen after the talks stall" && echo "$out" | grep -q "'id': <'$en'>"; then
  echo "ok 4 - the result's meta has its id and title"
else echo "not ok 4 - GetResultMetas gave: $out"; fi

out=$(provider GetInitialResultSet "['zzyzxqvw']")
if [ "$out" = "(@as [],)" ]; then echo "ok 5 - a word in no article finds nothing"
else echo "not ok 5 - 'zzyzxqvw' gave: $out"; fi

out=$(provider ActivateResult "'$en'" "['sanction']" 0)
if [ "$out" = "()" ] && kill -0 "$pid" 2>/dev/null; then echo "ok 6 - ActivateResult is answered (it opens dossier://article/N), and the app runs on"
else echo "not ok 6 - ActivateResult gave: $out"; sed 's/^/# /' "$tmp/app.log"; fi
