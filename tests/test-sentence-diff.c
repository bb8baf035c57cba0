/* test-sentence-diff.c — sentences added, removed and changed between two versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic on values: every text here is written for the test.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "dossier-sentence-diff.h"
#include "dossier-test-util.h"

/* Every sentence of each side appears once, in order, in the edits. */
static void
assert_sound (const DossierSentenceDiff *d)
{
  int next_old = 0, next_new = 0;
  guint counts[4] = { 0 };

  for (guint k = 0; k < d->edits->len; k++)
    {
      const DossierSentenceEdit *e = &g_array_index (d->edits, DossierSentenceEdit, k);

      counts[e->op]++;
      if (e->op != DOSSIER_SENTENCE_ADDED)
        g_assert_cmpint (e->old_index, ==, next_old++);
      else
        g_assert_cmpint (e->old_index, ==, -1);
      if (e->op != DOSSIER_SENTENCE_REMOVED)
        g_assert_cmpint (e->new_index, ==, next_new++);
      else
        g_assert_cmpint (e->new_index, ==, -1);
    }
  g_assert_cmpint (next_old, ==, (int) d->old_sentences->len);
  g_assert_cmpint (next_new, ==, (int) d->new_sentences->len);
  g_assert_cmpuint (counts[DOSSIER_SENTENCE_SAME], ==, d->n_same);
  g_assert_cmpuint (counts[DOSSIER_SENTENCE_ADDED], ==, d->n_added);
  g_assert_cmpuint (counts[DOSSIER_SENTENCE_REMOVED], ==, d->n_removed);
  g_assert_cmpuint (counts[DOSSIER_SENTENCE_CHANGED], ==, d->n_changed);
}

static char *
sentence_text (const char *text,
               GArray     *sentences,
               guint       i)
{
  const DossierSentence *s = &g_array_index (sentences, DossierSentence, i);

  return g_strndup (text + s->start, s->end - s->start);
}

static void
test_split (void)
{
  const char *text = "Mr. Smith met J. R. Jones in Berlin. Was it late?  \"Yes!\" they said.\n"
                     "\n  A new paragraph starts here. It has 3.5 sentences\n"
                     "Last line without a full stop";
  g_autoptr(GArray) s = dossier_sentence_split (text, -1);
  static const char * const want[] = {
    "Mr. Smith met J. R. Jones in Berlin.", "Was it late?", "\"Yes!\" they said.",
    "A new paragraph starts here.", "It has 3.5 sentences", "Last line without a full stop",
  };
  static const guint paragraphs[] = { 0, 0, 0, 1, 1, 2 };

  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < s->len; i++)
    {
      g_autofree char *got = sentence_text (text, s, i);

      g_assert_cmpstr (got, ==, want[i]);
      g_assert_cmpuint (g_array_index (s, DossierSentence, i).paragraph, ==, paragraphs[i]);
    }
  /* the same words compare equal whatever their case, spacing and punctuation */
  {
    g_autoptr(GArray) a = dossier_sentence_split ("The  talks, resumed today.", -1);
    g_autoptr(GArray) b = dossier_sentence_split ("the talks resumed\ttoday!", -1);
    g_autoptr(GArray) c = dossier_sentence_split ("The talks resumed yesterday.", -1);

    g_assert_cmpuint (g_array_index (a, DossierSentence, 0).hash, ==, g_array_index (b, DossierSentence, 0).hash);
    g_assert_cmpuint (g_array_index (a, DossierSentence, 0).hash, !=, g_array_index (c, DossierSentence, 0).hash);
  }
  {
    g_autoptr(GArray) e = dossier_sentence_split ("", -1);
    g_autoptr(GArray) w = dossier_sentence_split (" \n\n\t ", -1);

    g_assert_cmpuint (e->len, ==, 0);
    g_assert_cmpuint (w->len, ==, 0);
  }
}

static void
test_edits (void)
{
  const char *old_text = "Police closed the bridge on Monday. Traffic was diverted through the town. "
                         "The mayor called it a necessary step.\nRepairs will take two weeks.";
  const char *new_text = "Police closed the bridge on Monday. THE MAYOR called it a necessary step! "
                         "Residents complained about the noise.\nRepairs will take three weeks.";
  g_autoptr(DossierSentenceDiff) d = dossier_sentence_diff_new (old_text, new_text);
  static const DossierSentenceEdit want[] = {
    { DOSSIER_SENTENCE_SAME, 0, 0 },
    { DOSSIER_SENTENCE_REMOVED, 1, -1 },
    { DOSSIER_SENTENCE_SAME, 2, 1 },
    { DOSSIER_SENTENCE_ADDED, -1, 2 },
    { DOSSIER_SENTENCE_CHANGED, 3, 3 },
  };

  assert_sound (d);
  g_assert_cmpuint (d->edits->len, ==, G_N_ELEMENTS (want));
  for (guint k = 0; k < d->edits->len; k++)
    {
      const DossierSentenceEdit *e = &g_array_index (d->edits, DossierSentenceEdit, k);

      g_assert_cmpint (e->op, ==, want[k].op);
      g_assert_cmpint (e->old_index, ==, want[k].old_index);
      g_assert_cmpint (e->new_index, ==, want[k].new_index);
    }
  g_assert_cmpuint (d->n_added, ==, 1);
  g_assert_cmpuint (d->n_removed, ==, 1);
  g_assert_cmpuint (d->n_changed, ==, 1);
  g_assert_false (d->approximate);
}

static void
test_unrelated (void)
{
  /* a removed sentence followed by an added one sharing few words is no change */
  g_autoptr(DossierSentenceDiff) d =
    dossier_sentence_diff_new ("The bank raised its rates.", "Snow fell across the north overnight.");
  g_autoptr(DossierSentenceDiff) same = dossier_sentence_diff_new ("One, two:\n", "one  two");
  g_autoptr(DossierSentenceDiff) empty = dossier_sentence_diff_new ("", "Only here.");

  assert_sound (d);
  g_assert_cmpuint (d->n_removed, ==, 1);
  g_assert_cmpuint (d->n_added, ==, 1);
  g_assert_cmpuint (d->n_changed, ==, 0);
  assert_sound (same);
  g_assert_cmpuint (same->n_same, ==, 1);
  g_assert_cmpuint (same->n_changed + same->n_added + same->n_removed, ==, 0);
  assert_sound (empty);
  g_assert_cmpuint (empty->n_added, ==, 1);
}

static glong
peak_rss_kb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* 10 MB texts and 1,000 copies of one sentence: bounded time and memory */
static void
test_large (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GString) copies = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);
  gint64 t0;
  glong rss0;
  guint i;

  for (i = 0; a->len < 10 * 1024 * 1024; i++)
    {
      g_string_append_printf (a, "Report number %u says that item %u rose.%s", i, i * 7, i % 5 == 4 ? "\n" : " ");
      if (i % 1000 == 500)
        g_string_append_printf (b, "Report number %u says that item %u fell.%s", i, i * 7, i % 5 == 4 ? "\n" : " ");
      else if (i % 1000 != 900)
        g_string_append_printf (b, "Report number %u says that item %u rose.%s", i, i * 7, i % 5 == 4 ? "\n" : " ");
      if (i % 3000 == 1)
        g_string_append (b, "A sentence only the new text has. ");
    }
  /* the same sentence again and again, against the same one with a few others between */
  for (guint k = 0; k < 1000; k++)
    {
      g_string_append (copies, "The same words again. ");
      g_string_append (other, k % 100 == 50 ? "Something else entirely here. " : "The same words again. ");
    }
  rss0 = peak_rss_kb ();
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(DossierSentenceDiff) d = dossier_sentence_diff_new (a->str, b->str);

    assert_sound (d);
    g_assert_cmpuint (d->old_sentences->len, ==, i);
    g_assert_cmpuint (d->n_changed, ==, (i + 499) / 1000);
    g_assert_cmpuint (d->n_removed, ==, (i + 99) / 1000);
    g_assert_cmpuint (d->n_added, ==, (i + 2998) / 3000);
  }
  {
    g_autoptr(DossierSentenceDiff) d = dossier_sentence_diff_new (copies->str, other->str);

    assert_sound (d);
    g_assert_cmpuint (d->n_same, ==, 990);
    g_assert_cmpuint (d->n_added, ==, 10);
    g_assert_cmpuint (d->n_removed, ==, 10);
  }
  {
    /* nothing in common and nothing unique: no exact alignment of 10^10 pairs */
    g_autoptr(GString) x = g_string_new (NULL);
    g_autoptr(GString) y = g_string_new (NULL);
    g_autoptr(DossierSentenceDiff) d = NULL;

    for (guint k = 0; k < 100000; k++)
      {
        g_string_append (x, "Alpha beta gamma. ");
        g_string_append (y, "Delta epsilon. ");
      }
    d = dossier_sentence_diff_new (x->str, y->str);
    assert_sound (d);
    g_assert_true (d->approximate);
    g_assert_cmpuint (d->n_removed, ==, 100000);
    g_assert_cmpuint (d->n_added, ==, 100000);
  }
  g_test_message ("large texts: %.2f s, peak memory grew by %ld kB",
                  (g_get_monotonic_time () - t0) / 1e6, peak_rss_kb () - rss0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, (gint64) 20 * G_USEC_PER_SEC * dossier_test_slowdown ());
  g_assert_cmpint (peak_rss_kb () - rss0, <, 200 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sentence-diff/split", test_split);
  g_test_add_func ("/sentence-diff/edits", test_edits);
  g_test_add_func ("/sentence-diff/unrelated", test_unrelated);
  g_test_add_func ("/sentence-diff/large", test_large);
  return g_test_run ();
}
