/* test-boilerplate.c — recurring paragraphs across a source's articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-boilerplate.h"

#define APPEAL "Dear readers, we are an independent newsroom. If you can, please support us monthly starting from just $2."

static void
test_fingerprint (void)
{
  g_autofree char *a = dossier_boilerplate_fingerprint ("© 2013 The Valley Post. All rights reserved.");
  g_autofree char *b = dossier_boilerplate_fingerprint ("©  2014 the valley post — all rights reserved");
  g_autofree char *c = dossier_boilerplate_fingerprint ("© 2014 The Valley Times. All rights reserved.");
  g_autofree char *d = dossier_boilerplate_fingerprint ("Support  us\u00a0from $2 a month!");
  g_autofree char *e = dossier_boilerplate_fingerprint ("SUPPORT US FROM $10 A MONTH");
  g_autofree char *ru1 = dossier_boilerplate_fingerprint ("Поддержите нас!");
  g_autofree char *ru2 = dossier_boilerplate_fingerprint ("ПОДДЕРЖИТЕ НАС");

  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, b);       /* digits, case, spaces and punctuation fold */
  g_assert_cmpstr (a, !=, c);       /* different words do not */
  g_assert_cmpstr (d, ==, e);
  g_assert_cmpstr (ru1, ==, ru2);
  g_assert_null (dossier_boilerplate_fingerprint ("— * —"));
  g_assert_null (dossier_boilerplate_fingerprint (""));
}

static void
test_split (void)
{
  g_auto(GStrv) p = dossier_boilerplate_split ("\n\nOne.\n\n\n\nTwo\nlines.\n\n  \n\nThree.  ");

  g_assert_cmpuint (g_strv_length (p), ==, 3);
  g_assert_cmpstr (p[0], ==, "One.");
  g_assert_cmpstr (p[1], ==, "Two\nlines.");
  g_assert_cmpstr (p[2], ==, "Three.");
}

static gboolean
is_read_more (const char *fingerprint,
              gpointer    data)
{
  return g_strcmp0 (fingerprint, data) == 0;
}

static void
test_clean (void)
{
  g_autofree char *fp = dossier_boilerplate_fingerprint ("Read more");
  g_autofree char *cleaned = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *emptied = NULL;

  cleaned = dossier_boilerplate_clean ("First.\n\nREAD MORE\n\nSecond.", is_read_more, fp);
  g_assert_cmpstr (cleaned, ==, "First.\n\nSecond.");

  untouched = dossier_boilerplate_clean ("First.\n\nSecond.", is_read_more, fp);
  g_assert_null (untouched);                 /* nothing changed */

  emptied = dossier_boilerplate_clean ("Read more", is_read_more, fp);
  g_assert_null (emptied);                   /* an article is never emptied */
}

static const char *const words[] = {
  "minister", "talks", "Moscow", "Washington", "treaty", "sanctions", "officials",
  "said", "on", "Monday", "the", "agreement", "would", "be", "signed", "next", "month",
  "after", "long", "negotiations", "over", "missile", "defense", "and", "trade",
  "analysts", "warned", "that", "relations", "remain", "fragile", "despite", "progress",
};

static char *
random_paragraph (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 12, 40);
  guint i;

  for (i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static char *
random_article (GRand    *rand,
                gboolean  with_appeal,
                gboolean  with_shared_background)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 4, 12);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *p = random_paragraph (rand);

      if (s->len)
        g_string_append (s, "\n\n");
      g_string_append (s, p);
    }
  if (with_shared_background)
    g_string_append (s, "\n\nRussia annexed Crimea in March 2014, a move most of the world condemned.");
  if (with_appeal)
    g_string_append (s, "\n\n" APPEAL "\n\nRemind me later.");
  return g_string_free (s, FALSE);
}

static void
test_learner (void)
{
  g_autoptr(DossierBoilerplate) bp = dossier_boilerplate_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *appeal_fp = dossier_boilerplate_fingerprint (APPEAL);
  g_autofree char *background_fp =
    dossier_boilerplate_fingerprint ("Russia annexed Crimea in March 2014, a move most of the world condemned.");
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  guint i, flagged_real = 0;

  /* two articles with the appeal are not enough */
  for (i = 0; i < 2; i++)
    {
      g_autofree char *body = random_article (rand, TRUE, FALSE);

      dossier_boilerplate_add_article (bp, "The Valley Post", body);
    }
  g_assert_false (dossier_boilerplate_is_boilerplate (bp, "The Valley Post", appeal_fp));

  /* 60 articles: the appeal in 20 of them, a background paragraph in 4 */
  for (i = 0; i < 60; i++)
    {
      char *body = random_article (rand, i % 3 == 0, i % 15 == 0);

      dossier_boilerplate_add_article (bp, "The Valley Post", body);
      g_ptr_array_add (bodies, body);
    }
  g_assert_cmpuint (dossier_boilerplate_get_n_articles (bp, "The Valley Post"), ==, 62);
  g_assert_cmpuint (dossier_boilerplate_get_count (bp, "The Valley Post", appeal_fp), ==, 22);
  g_assert_true (dossier_boilerplate_is_boilerplate (bp, "The Valley Post", appeal_fp));
  g_assert_false (dossier_boilerplate_is_boilerplate (bp, "The Valley Post", background_fp));
  /* counts are per source */
  g_assert_false (dossier_boilerplate_is_boilerplate (bp, "Other Site", appeal_fp));

  /* no real paragraph is ever flagged; the appeal is cleaned everywhere */
  for (i = 0; i < bodies->len; i++)
    {
      const char *body = g_ptr_array_index (bodies, i);
      g_auto(GStrv) paras = dossier_boilerplate_split (body);
      g_autofree char *clean = dossier_boilerplate_clean_article (bp, "The Valley Post", body);
      guint k;

      for (k = 0; paras[k]; k++)
        {
          g_autofree char *fp = dossier_boilerplate_fingerprint (paras[k]);

          if (strcmp (paras[k], APPEAL) != 0 && strcmp (paras[k], "Remind me later.") != 0
              && dossier_boilerplate_is_boilerplate (bp, "The Valley Post", fp))
            flagged_real++;
        }
      if (i % 3 == 0)
        {
          g_assert_nonnull (clean);
          g_assert_null (strstr (clean, "Dear readers"));
          g_assert_null (strstr (clean, "Remind me later"));
        }
      else
        g_assert_null (clean);
    }
  g_assert_cmpuint (flagged_real, ==, 0);

  /* unlearning */
  for (i = 0; i < bodies->len; i++)
    dossier_boilerplate_remove_article (bp, "The Valley Post", g_ptr_array_index (bodies, i));
  g_assert_cmpuint (dossier_boilerplate_get_n_articles (bp, "The Valley Post"), ==, 2);
  g_assert_false (dossier_boilerplate_is_boilerplate (bp, "The Valley Post", appeal_fp));

  /* no source: nothing is learnt */
  dossier_boilerplate_add_article (bp, NULL, APPEAL);
  g_assert_cmpuint (dossier_boilerplate_get_n_articles (bp, NULL), ==, 0);
}

static void
test_decide (void)
{
  g_assert_false (dossier_boilerplate_decide (2, 2));
  g_assert_true (dossier_boilerplate_decide (3, 3));
  g_assert_true (dossier_boilerplate_decide (3, 9));
  g_assert_false (dossier_boilerplate_decide (3, 10));
  g_assert_false (dossier_boilerplate_decide (19, 100));
  g_assert_true (dossier_boilerplate_decide (20, 200));
  g_assert_false (dossier_boilerplate_decide (20, 201));
  g_assert_false (dossier_boilerplate_decide (0, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Boilerplate/fingerprint", test_fingerprint);
  g_test_add_func ("/Dossier/Boilerplate/split", test_split);
  g_test_add_func ("/Dossier/Boilerplate/clean", test_clean);
  g_test_add_func ("/Dossier/Boilerplate/learner", test_learner);
  g_test_add_func ("/Dossier/Boilerplate/decide", test_decide);

  return g_test_run ();
}
