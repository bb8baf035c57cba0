#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-potfiles.sh [SOURCE_ROOT]
#
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, when POTFILES.in names a file that does not exist, or
# when POTFILES.in is not sorted.  Run with --list to print what
# POTFILES.in should contain.
#
# A file counts as translatable when it holds
#   C:        _("  N_("  C_("  NC_("  Q_("  g_dgettext  g_dngettext
#             g_dpgettext  ngettext
#   .ui:      translatable="yes"
#   data/:    a desktop file with Name/GenericName/Comment/Keywords,
#             a metainfo file, a GSettings schema with <summary> or
#             <description>.

set -u

list_only=no
if [ "${1:-}" = "--list" ]; then
  list_only=yes
  shift
fi

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || { echo "Bail out! cannot enter $srcdir"; exit 1; }

potfiles=po/POTFILES.in
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

c_pattern='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ *\( *"|g_d(n|p)?gettext *\(|(^|[^A-Za-z0-9_])n?gettext *\('

{
  find src -name '*.c' -type f 2>/dev/null | sort | while read -r f; do
    grep -Eq "$c_pattern" "$f" && echo "$f"
  done
  find src ui -name '*.ui' -type f 2>/dev/null | sort | while read -r f; do
    grep -q 'translatable="yes"' "$f" && echo "$f"
  done
  for f in data/*.desktop.in data/*.desktop.in.in; do
    [ -f "$f" ] || continue
    grep -Eq '^(Name|GenericName|Comment|Keywords)=' "$f" && echo "$f"
  done
  for f in data/*.metainfo.xml.in data/*.metainfo.xml.in.in \
           data/*.appdata.xml.in data/*.appdata.xml.in.in; do
    [ -f "$f" ] && echo "$f"
  done
  for f in data/*.gschema.xml data/*.gschema.xml.in; do
    [ -f "$f" ] || continue
    grep -Eq '<(summary|description)' "$f" && echo "$f"
  done
} | LC_ALL=C sort -u > "$tmp/expected"

if [ "$list_only" = yes ]; then
  cat "$tmp/expected"
  exit 0
fi

if [ ! -f "$potfiles" ]; then
  echo "1..1"
  echo "not ok 1 - $potfiles exists"
  exit 1
fi

# POTFILES.in without comments and blank lines
grep -Ev '^[[:space:]]*(#|$)' "$potfiles" | sed 's/[[:space:]]*$//' > "$tmp/listed"
LC_ALL=C sort -u "$tmp/listed" > "$tmp/listed-sorted"

status=0
echo "1..3"

missing=$(LC_ALL=C comm -23 "$tmp/expected" "$tmp/listed-sorted")
if [ -n "$missing" ]; then
  echo "not ok 1 - every file with translatable strings is in $potfiles"
  echo "$missing" | sed 's/^/# missing: /'
  status=1
else
  echo "ok 1 - every file with translatable strings is in $potfiles"
fi

gone=""
while read -r f; do
  [ -e "$f" ] || gone="$gone $f"
done < "$tmp/listed"
if [ -n "$gone" ]; then
  echo "not ok 2 - every file in $potfiles exists"
  for f in $gone; do echo "# does not exist: $f"; done
  status=1
else
  echo "ok 2 - every file in $potfiles exists"
fi

if LC_ALL=C sort -c -u "$tmp/listed" 2>/dev/null; then
  echo "ok 3 - $potfiles is sorted, without duplicates"
else
  echo "not ok 3 - $potfiles is sorted, without duplicates"
  status=1
fi

exit $status
