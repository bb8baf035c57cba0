#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-cli-libraries.sh DOSSIER_CLI HTML_FILE
#
# dossier-cli loads libxml2, uchardet and ICU only at their first call
# (src/cli/dossier-cli-lazy.c): fails when the program lists one of them
# as needed at its start (a change that calls a function of theirs not
# defined there links them again), and when `extract`, which parses HTML
# and guesses its encoding through them, no longer finds the title of
# HTML_FILE (tests/data/html/news.html: "Senators Debate New Arms Treaty").

set -u

cli=$1
html=$2

echo "1..2"

needed=$(LC_ALL=C readelf -d "$cli" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [ -z "$needed" ]; then
  echo "not ok 1 - readelf lists no library of $cli"
else
  linked=$(echo "$needed" | grep -E '^lib(xml2|uchardet|icu)' | tr '\n' ' ')
  if [ -n "$linked" ]; then
    echo "not ok 1 - $cli needs $linked at its start (define the function called in src/cli/dossier-cli-lazy.c)"
  else
    echo "ok 1 - $cli starts without libxml2, uchardet and ICU"
  fi
fi

out=$("$cli" extract --json "$html" 2>&1)
case $out in
  *'Senators Debate New Arms Treaty'*) echo "ok 2 - extract loads libxml2 and uchardet when it parses $html" ;;
  *) echo "not ok 2 - extract $html: $out" ;;
esac
