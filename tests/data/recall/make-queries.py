#!/usr/bin/env python3
# make-queries.py — writes queries.tsv from forms.tsv and the articles here
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# forms.tsv holds, per word, the queries that ask for it and every form of
# it written in the articles (Latin and Cyrillic spellings of a name are
# forms of one word), by hand.  A query's articles are those holding any
# of the forms, as whole words, case, accents and ё folded.
#
# Usage: make-queries.py [--check]
#   --check  lists, per word, the words of the articles that begin like
#            one of its forms but are not listed, to be looked at by hand
import os
import re
import sys
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))


def fold(word):
    word = unicodedata.normalize('NFD', word.lower().replace('ё', 'е'))
    word = ''.join(c for c in word if not unicodedata.combining(c) or c == '\u0306')
    return unicodedata.normalize('NFC', word)


def words_of(path):
    with open(path, encoding='utf-8') as f:
        return {fold(w) for w in re.findall(r"\w+", f.read())}


articles = sorted(n for n in os.listdir(here) if n.endswith('.txt'))
words = {n: words_of(os.path.join(here, n)) for n in articles}
check = '--check' in sys.argv
out = []
with open(os.path.join(here, 'forms.tsv'), encoding='utf-8') as f:
    for line in f:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        queries, forms = line.split('\t')
        forms = {fold(x.strip()) for x in forms.split(',') if x.strip()}
        files = [n for n in articles if words[n] & forms]
        if not files:
            sys.exit('make-queries: no article holds %s' % queries)
        if check:
            near = set()
            for n in articles:
                for w in words[n] - forms:
                    if any(w[:4] == x[:4] and len(x) >= 4 for x in forms):
                        near.add(w)
            if near:
                print('%s\t%s' % (queries, ', '.join(sorted(near))))
        for q in queries.split(','):
            out.append('%s\t%s' % (q.strip(), ','.join(files)))
if not check:
    with open(os.path.join(here, 'queries.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print('%d queries' % len(out))
