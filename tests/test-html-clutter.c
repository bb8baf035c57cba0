/* test-html-clutter.c — the HTML importer leaves out the clutter of news
 * pages (galleries, share bars, breadcrumbs, author bios, further articles)
 * and keeps the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are in tests/data/html-clutter.  The last test scores the
 * labelled pages of tests/data/cluttered-pages, whose HTML is in the shared
 * corpora (DOSSIER_SHARED_DIR); it is skipped when they are absent.
 */
#include "config.h"

#include <string.h>

#include "dossier-html-extract.h"
#include "dossier-test-util.h"

static char *
extract_body (const char *name)
{
  gsize len;
  g_autofree char *contents = dossier_test_data_read (&len, "html-clutter", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = dossier_html_extract (contents, len, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return g_strdup (result->body);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected to find «%s» in:\n%s", needle, haystack);
}

/* @needle is not a paragraph of its own in @body */
static void
assert_no_paragraph (const char *body,
                     const char *needle)
{
  g_auto(GStrv) paragraphs = g_strsplit (body, "\n\n", -1);
  guint i;

  for (i = 0; paragraphs[i] != NULL; i++)
    {
      const char *p = paragraphs[i];

      if (g_str_has_prefix (p, "• "))
        p += strlen ("• ");
      if (strcmp (p, needle) == 0)
        g_error ("did not expect the paragraph «%s» in:\n%s", needle, body);
    }
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect «%s» in:\n%s", needle, haystack);
}

static void
test_gallery (void)
{
  g_autofree char *body = extract_body ("gallery.html");

  assert_contains (body, "Work on the old harbour wall at Kelby finished on Friday");
  assert_contains (body, "raised the wall by half a metre");
  assert_contains (body, "Harbour master Ruth Aldane said");
  assert_contains (body, "Engineers say the new wall");
  assert_contains (body, "will be offered flood doors");
  g_assert_true (strstr (body, "finished on Friday") < strstr (body, "flood doors"));

  assert_lacks (body, "Image 1 of 4");
  assert_lacks (body, "Image 3 of 4");
  assert_lacks (body, "Photo: Coast Courier");
  assert_lacks (body, "Show all 4");
  assert_lacks (body, "Storm waves break over");     /* a video's length and title */
  assert_lacks (body, "Gallery: The February storms");
  assert_no_paragraph (body, "Close");
  assert_no_paragraph (body, "less");
  assert_no_paragraph (body, "more");
}

static void
test_share_bar (void)
{
  g_autofree char *body = extract_body ("share-bar.html");

  assert_contains (body, "The central library in Marrow Street will open on Sundays");
  assert_contains (body, "Volunteers from the Friends of the Library");
  assert_contains (body, "The head librarian, Tomas Ferrell, said");
  assert_contains (body, "The trial runs until the end of October");

  assert_no_paragraph (body, "Share");
  assert_no_paragraph (body, "Tweet");
  assert_no_paragraph (body, "Email");
  assert_no_paragraph (body, "Print");
  assert_lacks (body, "Story continues below advertisement");
  assert_lacks (body, "READ MORE");
  assert_lacks (body, "new bus routes");
  assert_lacks (body, "newsletter");
  assert_lacks (body, "Follow us on Facebook");
  assert_lacks (body, "All rights reserved");
}

static void
test_breadcrumbs (void)
{
  g_autofree char *body = extract_body ("breadcrumbs.html");

  /* the article starts the text */
  g_assert_true (g_str_has_prefix (body, "Sleeper trains will run between the capital"));
  assert_contains (body, "twelve second-hand carriages");
  assert_contains (body, "Fares start at 49 pounds");
  assert_contains (body, "The first train leaves on the evening of June 2");

  assert_lacks (body, "Home / Travel / Rail");
  assert_no_paragraph (body, "Travel");
  assert_no_paragraph (body, "Rail");
  assert_lacks (body, "By Ann Example");
  assert_lacks (body, "Updated: 9.45pm");
  assert_lacks (body, "March 3, 2024");
}

static void
test_author_bio (void)
{
  g_autofree char *body = extract_body ("author-bio.html");

  g_assert_true (g_str_has_prefix (body, "At three in the morning the only lit windows"));
  assert_contains (body, "Mara Lenz, who has run the bakery");
  assert_contains (body, "Flour prices have risen by a third");
  g_assert_true (g_str_has_suffix (body, "nobody thinks that is strange any more.\""));

  assert_lacks (body, "I am a contributor");
  assert_lacks (body, "Jon Baxter is a reporter");
  assert_lacks (body, "Contact reporter");
  assert_lacks (body, "jbaxter@example.com");
}

static void
test_next_article (void)
{
  g_autofree char *body = extract_body ("next-article.html");

  assert_contains (body, "The city finished planting two thousand street trees this week");
  assert_contains (body, "The parks department chose limes");
  assert_contains (body, "get a small plaque with their name on it.");

  /* the stories the page appends after this one */
  assert_lacks (body, "harbour ferry");
  assert_lacks (body, "Season tickets");
  assert_lacks (body, "city museum");
  /* the list of related articles */
  assert_lacks (body, "Related articles");
  assert_lacks (body, "Council votes on cycle lanes");
  assert_lacks (body, "Volunteers clear the canal");
}

/* Paragraphs that only look like clutter stay. */
static void
test_lookalikes (void)
{
  g_autofree char *body = extract_body ("lookalikes.html");

  assert_contains (body, "The repair café in the old school hall marked its first year");
  assert_contains (body, "\n\nMore on that later, the organiser said.\n\n");
  assert_contains (body, "\n\nBy the end of the afternoon the volunteers");
  assert_contains (body, "\n\nShare prices of the big appliance makers");
  assert_contains (body, "\n\nMonday\n\n");
  assert_contains (body, "\n\nClose to a hundred people came");
}

/* Scoring, as build-aux/score-extract does: word 4-gram shingles counted as
 * a multiset, precision and recall per page, averaged over the pages. */

static GHashTable *
shingles (const char *text,
          guint      *total)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = lower;
  guint i, n = 4;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  *total = 0;
  n = MIN (n, words->len);
  for (i = 0; n > 0 && i + n <= words->len; i++)
    {
      g_autoptr(GString) key = g_string_new (words->pdata[i]);
      gpointer count;
      guint k;

      for (k = 1; k < n; k++)
        {
          g_string_append_c (key, ' ');
          g_string_append (key, words->pdata[i + k]);
        }
      count = g_hash_table_lookup (set, key->str);
      g_hash_table_replace (set, g_strdup (key->str), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      (*total)++;
    }
  return set;
}

static void
score_page (const char *got,
            const char *expected,
            double     *precision,
            double     *recall)
{
  guint got_total, exp_total, matched = 0;
  g_autoptr(GHashTable) a = shingles (got, &got_total);
  g_autoptr(GHashTable) b = shingles (expected, &exp_total);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    matched += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (b, key)));
  *precision = got_total ? (double) matched / got_total : 0;
  *recall = exp_total ? (double) matched / exp_total : 0;
}

static void
test_cluttered_pages (void)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *labels = dossier_test_data_path ("cluttered-pages", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  double sum_p = 0, sum_r = 0, p, r, f1;
  guint pages = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("uses shared/corpora: DOSSIER_SHARED_DIR is not set or absent");
      return;
    }
  dir = g_dir_open (labels, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link_path = g_build_filename (labels, name, "source.link", NULL);
      g_autofree char *exp_path = g_build_filename (labels, name, "expected.html", NULL);
      g_autofree char *link = NULL;
      g_autofree char *src_path = NULL;
      g_autofree char *source = NULL;
      g_autofree char *expected_html = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(DossierExtracted) result = NULL;
      g_autoptr(GError) error = NULL;
      gsize source_len, expected_len;

      if (!g_file_get_contents (link_path, &link, NULL, NULL))
        continue;
      src_path = g_build_filename (shared, g_strstrip (link), NULL);
      if (!g_file_get_contents (src_path, &source, &source_len, NULL))
        {
          g_test_skip ("the shared corpora lack the pages the labels name");
          return;
        }
      g_assert_true (g_file_get_contents (exp_path, &expected_html, &expected_len, NULL));
      result = dossier_html_extract (source, source_len, name, &error);
      g_assert_no_error (error);
      expected = dossier_html_to_text (expected_html, expected_len);
      score_page (result->body, expected, &p, &r);
      sum_p += p;
      sum_r += r;
      pages++;
    }
  g_assert_cmpuint (pages, >=, 40);
  p = sum_p / pages;
  r = sum_r / pages;
  f1 = 2 * p * r / (p + r);
  g_test_message ("%u cluttered pages: precision %.4f recall %.4f F1 %.4f", pages, p, r, f1);
  g_assert_cmpfloat (f1, >=, 0.97);
  g_assert_cmpfloat (p, >=, 0.96);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/HtmlClutter/gallery", test_gallery);
  g_test_add_func ("/Dossier/HtmlClutter/share-bar", test_share_bar);
  g_test_add_func ("/Dossier/HtmlClutter/breadcrumbs", test_breadcrumbs);
  g_test_add_func ("/Dossier/HtmlClutter/author-bio", test_author_bio);
  g_test_add_func ("/Dossier/HtmlClutter/next-article", test_next_article);
  g_test_add_func ("/Dossier/HtmlClutter/lookalikes", test_lookalikes);
  g_test_add_func ("/Dossier/HtmlClutter/cluttered-pages", test_cluttered_pages);
  return g_test_run ();
}
