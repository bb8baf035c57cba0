/* fuzz-sentence-diff.c — libFuzzer target: the sentence diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input up to its first NUL byte (or its first half when it has none)
 * is the old text, the rest the new one.  Every sentence must lie inside
 * its text, in order, and appear exactly once in the edits, in order on
 * both sides; the counts must add up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-sentence-diff.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static void
check_sentences (GArray     *sentences,
                 const char *text)
{
  gsize len = strlen (text), prev_end = 0;
  guint prev_paragraph = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      const DossierSentence *s = &g_array_index (sentences, DossierSentence, i);

      if (s->start < prev_end || s->end <= s->start || s->end > len || s->paragraph < prev_paragraph)
        abort ();
      if ((s->n_words == 0) != (s->hash == 0))
        abort ();
      prev_end = s->end;
      prev_paragraph = s->paragraph;
    }
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  const uint8_t *nul = memchr (data, 0, size);
  size_t cut = nul ? (size_t) (nul - data) : size / 2;
  g_autofree char *old_text = g_strndup ((const char *) data, cut);
  g_autofree char *new_text = g_strndup ((const char *) data + MIN (cut + (nul ? 1 : 0), size),
                                         size - MIN (cut + (nul ? 1 : 0), size));
  g_autoptr(DossierSentenceDiff) d = dossier_sentence_diff_new (old_text, new_text);
  int next_old = 0, next_new = 0;
  guint counts[4] = { 0 };

  check_sentences (d->old_sentences, old_text);
  check_sentences (d->new_sentences, new_text);
  for (guint k = 0; k < d->edits->len; k++)
    {
      const DossierSentenceEdit *e = &g_array_index (d->edits, DossierSentenceEdit, k);

      if ((guint) e->op > DOSSIER_SENTENCE_CHANGED)
        abort ();
      counts[e->op]++;
      if (e->op == DOSSIER_SENTENCE_ADDED ? e->old_index != -1 : e->old_index != next_old++)
        abort ();
      if (e->op == DOSSIER_SENTENCE_REMOVED ? e->new_index != -1 : e->new_index != next_new++)
        abort ();
    }
  if (next_old != (int) d->old_sentences->len || next_new != (int) d->new_sentences->len)
    abort ();
  if (counts[0] != d->n_same || counts[1] != d->n_added || counts[2] != d->n_removed || counts[3] != d->n_changed)
    abort ();
  return 0;
}
