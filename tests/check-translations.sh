#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translations.sh [SOURCE_ROOT]
#
# Every language in po/LINGUAS has a po file that msgfmt accepts with
# --check (format strings, plural forms, header) and --check-accelerators
# (one mnemonic where the original has one), and that has no untranslated
# and no fuzzy messages.  One TAP test per language.
#
# When xgettext and msgmerge are installed, the po file is first merged
# with a template extracted from the sources in po/POTFILES.in (the same
# keywords as meson's "glib" preset), so a string added to the code but
# not yet translated fails the test too.

set -u

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir/po" || { echo "Bail out! no po folder in $srcdir"; exit 1; }

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "1..0 # SKIP msgfmt is not installed"
  exit 0
fi

langs=$(sed -e 's/#.*//' LINGUAS | tr -s ' \t' '\n\n' | grep -v '^$')
n=$(echo "$langs" | grep -c .)
if [ "$n" -eq 0 ]; then
  echo "1..1"
  echo "not ok 1 - po/LINGUAS names at least one language"
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

pot=""
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
  if (cd .. && xgettext --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
        --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
        --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
        --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
        --flag=g_string_append_printf:2:c-format \
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
        --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
        --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
        --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
        --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
        --files-from=po/POTFILES.in --output="$tmp/dossier.pot" 2>"$tmp/xgettext.log"); then
    pot="$tmp/dossier.pot"
  else
    echo "# xgettext failed; checking the po files as they are:"
    sed 's/^/#   /' "$tmp/xgettext.log"
  fi
fi

echo "1..$n"
status=0
i=0
for lang in $langs; do
  i=$((i + 1))
  po="$lang.po"
  if [ ! -f "$po" ]; then
    echo "not ok $i - $lang: $po exists"
    status=1
    continue
  fi
  # msgfmt prints its statistics on stderr, e.g.
  # "395 translated messages, 2 fuzzy translations, 1 untranslated message."
  if [ -n "$pot" ]; then
    # the po file as it would be after "meson compile dossier-update-po"
    if ! msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$pot" 2>"$tmp/msgmerge.log"; then
      echo "not ok $i - $lang: msgmerge fails"
      sed 's/^/# /' "$tmp/msgmerge.log"
      status=1
      continue
    fi
    po="$tmp/$lang.po"
  fi
  stats=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1)
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "not ok $i - $lang: msgfmt --check --check-accelerators fails"
    echo "$stats" | sed 's/^/# /'
    status=1
  elif echo "$stats" | grep -Eq 'fuzzy|untranslated'; then
    echo "not ok $i - $lang: $stats"
    LC_ALL=C msgattrib --only-fuzzy "$po" 2>/dev/null | grep '^msgid' | grep -v '^msgid ""$' | sed 's/^/# fuzzy: /'
    LC_ALL=C msgattrib --untranslated "$po" 2>/dev/null | grep '^msgid' | grep -v '^msgid ""$' | sed 's/^/# untranslated: /'
    status=1
  else
    echo "ok $i - $lang: $stats"
  fi
done
exit $status
