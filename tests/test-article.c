/* test-article.c — DossierArticle and DossierAnnotation property bags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-article.h"
#include "dossier-annotation.h"

typedef struct
{
  guint n;
  char *last;
} NotifyCount;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  NotifyCount *c = data;

  c->n++;
  g_free (c->last);
  c->last = g_strdup (pspec->name);
}

static void
test_article_properties (void)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  NotifyCount count = { 0 };
  DossierDate date = { 2013, 4, 0, DOSSIER_DATE_PRECISION_MONTH };
  g_autofree char *published = NULL;
  g_autofree char *title = NULL;

  g_signal_connect (a, "notify", G_CALLBACK (on_notify), &count);

  dossier_article_set_title (a, "Treaty talks resume");
  g_assert_cmpuint (count.n, ==, 1);
  g_assert_cmpstr (count.last, ==, "title");
  /* an unchanged value notifies nobody */
  dossier_article_set_title (a, "Treaty talks resume");
  g_assert_cmpuint (count.n, ==, 1);

  dossier_article_set_published (a, &date);
  published = dossier_article_dup_published_string (a);
  g_assert_cmpstr (published, ==, "2013-04");
  g_object_get (a, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Treaty talks resume");

  g_object_set (a, "published", "2010-03-18", NULL);
  g_assert_cmpint (dossier_article_get_published (a)->day, ==, 18);
  g_assert_cmpint (dossier_article_get_published (a)->precision, ==, DOSSIER_DATE_PRECISION_DAY);

  /* undated */
  dossier_article_set_published (a, NULL);
  g_clear_pointer (&published, g_free);
  published = dossier_article_dup_published_string (a);
  g_assert_null (published);
  g_free (count.last);
}

static void
test_annotation_properties (void)
{
  g_autoptr(DossierAnnotation) a = dossier_annotation_new ();
  g_autoptr(DossierAnnotation) copy = NULL;
  const char *tags[] = { "claim", "follow-up", NULL };

  /* defaults: yellow, no tags */
  g_assert_cmpstr (dossier_annotation_get_color (a), ==, "yellow");
  g_assert_nonnull (dossier_annotation_get_tags (a));
  g_assert_null (dossier_annotation_get_tags (a)[0]);

  dossier_annotation_set_tags (a, tags);
  dossier_annotation_set_quote (a, "called the talks constructive");
  dossier_annotation_set_start (a, 82);
  dossier_annotation_set_end (a, 111);
  dossier_annotation_set_color (a, "green");
  copy = dossier_annotation_copy (a);
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (copy), tags));
  g_assert_cmpstr (dossier_annotation_get_quote (copy), ==, "called the talks constructive");
  g_assert_cmpint (dossier_annotation_get_end (copy), ==, 111);
  g_assert_cmpstr (dossier_annotation_get_color (copy), ==, "green");

  g_assert_true (dossier_annotation_color_is_valid ("purple"));
  g_assert_false (dossier_annotation_color_is_valid ("red"));
  g_assert_false (dossier_annotation_color_is_valid (NULL));
}

static void
test_timestamps (void)
{
  gint64 usec = G_GINT64_CONSTANT (1763929500123456);
  gint64 back = 0;
  g_autofree char *iso = dossier_timestamp_to_iso (usec);
  g_autofree char *whole = dossier_timestamp_to_iso (G_GINT64_CONSTANT (1600000000000000));

  /* microseconds survive a round trip, so exports re-import exactly */
  g_assert_cmpstr (iso, ==, "2025-11-23T20:25:00.123456Z");
  g_assert_true (dossier_timestamp_from_iso (iso, &back));
  g_assert_cmpint (back, ==, usec);
  g_assert_cmpstr (whole, ==, "2020-09-13T12:26:40Z");
  /* offsets are honoured */
  g_assert_true (dossier_timestamp_from_iso ("2020-09-13T14:26:40+02:00", &back));
  g_assert_cmpint (back, ==, G_GINT64_CONSTANT (1600000000000000));
  g_assert_false (dossier_timestamp_from_iso ("yesterday", &back));
  g_assert_false (dossier_timestamp_from_iso ("", &back));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Article/properties", test_article_properties);
  g_test_add_func ("/Dossier/Annotation/properties", test_annotation_properties);
  g_test_add_func ("/Dossier/Annotation/timestamps", test_timestamps);

  return g_test_run ();
}
