/* test-html-extract.c — the HTML importer finds the article and its metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-html-extract.h"
#include "dossier-test-util.h"

static DossierExtracted *
extract_fixture (const char  *name,
                 GError     **error)
{
  gsize len;
  g_autofree char *contents = dossier_test_data_read (&len, "html", name, NULL);

  return dossier_html_extract (contents, len, name, error);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected to find «%s» in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect «%s» in:\n%s", needle, haystack);
}

static void
assert_well_formed_body (const char *body)
{
  const char *p;

  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_cmpuint (strlen (body), >, 0);
  g_assert_false (g_ascii_isspace (body[0]));
  g_assert_false (g_ascii_isspace (body[strlen (body) - 1]));
  g_assert_null (strstr (body, "\n\n\n"));
  g_assert_null (strstr (body, "  "));
  g_assert_null (strstr (body, "\xc2\xa0"));  /* no-break space */
  g_assert_null (strstr (body, "\t"));
  /* every newline is part of a paragraph break */
  for (p = strchr (body, '\n'); p != NULL; p = strchr (p + 2, '\n'))
    g_assert_true (p[1] == '\n');
}

static void
test_main_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("news.html", &error);
  const char *body;

  g_assert_no_error (error);
  g_assert_nonnull (result);
  body = result->body;
  assert_well_formed_body (body);

  /* the article, in order */
  assert_contains (body, "Senators on Monday began a long-awaited debate on the new arms treaty");
  assert_contains (body, "restores inspections that lapsed in 2009");
  assert_contains (body, "We have waited three years for a treaty");
  assert_contains (body, "the ceiling on deployed warheads");
  assert_contains (body, "What happens next");
  assert_contains (body, "seats ran out by nine in the morning.");
  g_assert_true (strstr (body, "long-awaited debate") < strstr (body, "seats ran out"));
  /* list items are paragraphs of their own */
  assert_contains (body, "\n\n• the ceiling on deployed warheads");

  /* the boilerplate around it */
  assert_lacks (body, "Politics");                 /* navigation */
  assert_lacks (body, "Share on Facebook");        /* share widget */
  assert_lacks (body, "Commenter one");            /* comments */
  assert_lacks (body, "Related");                  /* related links */
  assert_lacks (body, "Advertisement");            /* ads */
  assert_lacks (body, "All rights reserved");      /* footer */
  assert_lacks (body, "cookies");                  /* cookie banner */
  assert_lacks (body, "newsletter");               /* sign-up form */
  assert_lacks (body, "Photo: John Doe");          /* caption and credit */
  assert_lacks (body, "enable JavaScript");        /* noscript */
  /* scripts and styles never reach the text */
  assert_lacks (body, "tracking");
  assert_lacks (body, "Injected by script");
  assert_lacks (body, "inline script");
  assert_lacks (body, "font-family");
  /* the title and byline are metadata, not body text */
  g_assert_false (g_str_has_prefix (body, "Senators Debate"));
  assert_lacks (body, "By Jane Roe");
}

static void
test_entities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("news.html", &error);

  g_assert_no_error (error);
  assert_contains (result->body, "WASHINGTON — Senators");          /* &mdash; */
  assert_contains (result->body, "The treaty’s supporters");         /* &rsquo; */
  assert_contains (result->body, "missile defence & leaves");        /* &amp; */
  assert_contains (result->body, "“This is a matter");               /* &ldquo; */
  assert_contains (result->body, "Café owners");                     /* &eacute;, NFC */
  assert_contains (result->body, "brisk as visitors");               /* &nbsp; folded */
  assert_lacks (result->body, "&amp;");
  assert_lacks (result->body, "&nbsp;");
}

static void
test_metadata_jsonld (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("news.html", &error);
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (result->title, ==, "Senators Debate New Arms Treaty");
  g_assert_cmpstr (result->byline, ==, "Jane Roe");
  g_assert_cmpstr (result->source, ==, "The Daily Ledger");
  g_assert_cmpstr (result->url, ==, "https://ledger.example.com/world/2013/04/15/senators-debate-arms-treaty");
  g_assert_cmpstr (result->language, ==, "en-GB");
  date = dossier_date_to_string (&result->published);
  g_assert_cmpstr (date, ==, "2013-04-15");
  g_assert_cmpint (result->published.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpint (result->date_origin, ==, DOSSIER_DATE_ORIGIN_METADATA);
}

static void
test_metadata_og (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("og-only.html", &error);
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  /* og:title wins over <title>; a double-escaped entity is unescaped */
  g_assert_cmpstr (result->title, ==, "Moscow Warms to Washington & Waits");
  g_assert_cmpstr (result->source, ==, "The Moscow Bulletin");
  g_assert_cmpstr (result->url, ==, "https://bulletin.example.ru/news/moscow-warms-to-washington");
  g_assert_cmpstr (result->language, ==, "ru-RU");
  g_assert_null (result->byline);
  /* <time pubdate datetime> */
  date = dossier_date_to_string (&result->published);
  g_assert_cmpstr (date, ==, "2010-07-08");
  g_assert_cmpint (result->date_origin, ==, DOSSIER_DATE_ORIGIN_METADATA);
  assert_contains (result->body, "relations with Washington had improved markedly");
  assert_contains (result->body, "remained unresolved.");
}

static void
test_title_suffix_and_url_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("title-suffix.html", &error);
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  /* " - World News Online" is the site's suffix */
  g_assert_cmpstr (result->title, ==, "Diplomats Meet in Geneva Over Missile Defence Plans");
  /* meta author, without "By" */
  g_assert_cmpstr (result->byline, ==, "Ivan Petrov");
  /* meta http-equiv content-language */
  g_assert_cmpstr (result->language, ==, "de");
  g_assert_cmpstr (result->url, ==, "https://news.example.org/2014/03/02/diplomats-meet-in-geneva");
  /* the only date is the one in the canonical URL */
  date = dossier_date_to_string (&result->published);
  g_assert_cmpstr (date, ==, "2014-03-02");
  g_assert_cmpint (result->date_origin, ==, DOSSIER_DATE_ORIGIN_URL);
}

static void
test_dateline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = extract_fixture ("dateline.html", &error);
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (result->title, ==, "Un accord trouvé à Genève sur les visas");
  g_assert_cmpstr (result->language, ==, "fr");
  date = dossier_date_to_string (&result->published);
  g_assert_cmpstr (date, ==, "2013-04-15");
  g_assert_cmpint (result->date_origin, ==, DOSSIER_DATE_ORIGIN_TEXT);
  assert_contains (result->body, "« C’est un pas important");
  /* the heading that repeats the title is not part of the body */
  g_assert_false (g_str_has_prefix (result->body, "Un accord"));
  assert_lacks (result->body, "Posted:");
}

static void
test_no_article (void)
{
  const char *fixtures[] = { "no-article.html", "nav-only.html" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierExtracted) result = extract_fixture (fixtures[i], &error);

      g_assert_null (result);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, fixtures[i]));
    }
}

static void
test_empty_input (void)
{
  const char *inputs[] = {
    "", "   \n\t ", "<html></html>", "<!-- nothing -->",
    /* an internal DTD subset is no text */
    "<!DOCTYPE html [ <!ENTITY x \"a declaration that is long enough to pass for a paragraph "
    "of text, were it taken for text, which it must not be\"> ]>\n<html><body></body></html>",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierExtracted) result =
        dossier_html_extract (inputs[i], strlen (inputs[i]), "empty.html", &error);

      g_assert_null (result);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
    }
}

/* The text of a whole page (what the scorers compare against) */
static void
test_whole_page_text (void)
{
  static const char html[] =
    "<!DOCTYPE html [ <!ENTITY x \"evil\"> <!-- ]> --> ]>\n"
    "<html><head><title>T</title></head><body>\n"
    "<p>One<wbr>two</p><embed src=\"https://media.invalid/e\"><p>Three &x;</p>\n"
    "<video><source src=\"https://media.invalid/s\"><track src=\"https://media.invalid/t\"></video>\n"
    "<p>Four</p><keygen name=\"k\"><p>Five</p>\n"
    "</body></html>\n";
  g_autofree char *text = dossier_html_to_text (html, strlen (html));

  g_assert_cmpstr (text, ==, "Onetwo\n\nThree &x;\n\nFour\n\nFive");
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *html = g_string_new ("<html><head><title>Deep</title></head><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = NULL;
  gint64 start;
  guint i;

  for (i = 0; i < depth; i++)
    g_string_append (html, (i % 3) ? "<div>" : "<span>");
  g_string_append (html, "<p>Deep inside the page there is a sentence long enough to count as "
                         "an article paragraph, with a comma, and some more words.</p>");
  for (i = depth; i > 0; i--)
    g_string_append (html, ((i - 1) % 3) ? "</div>" : "</span>");
  g_string_append (html, "<p>A second paragraph after the nesting, also long enough to be "
                         "counted as article text by the extractor, for the test.</p></body></html>");

  start = g_get_monotonic_time ();
  result = dossier_html_extract (html->str, html->len, "deep.html", &error);
  /* either some text or a clean error, and promptly */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
  if (result != NULL)
    assert_well_formed_body (result->body);
  else
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_string_free (html, TRUE);
}

static void
test_large_input (void)
{
  GString *html = g_string_new ("<html><head><title>Big</title></head><body><div class=\"article\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = NULL;
  gint64 start;
  guint i;

  /* about 8 MB of paragraphs, some in nested blocks, some links */
  for (i = 0; html->len < 8 * 1024 * 1024; i++)
    {
      g_string_append_printf (html, "<p>Paragraph %u of a very long page, with a comma, "
                              "and <a href=\"/x\">a link</a> in the middle of it.</p>", i);
      if (i % 50 == 0)
        g_string_append (html, "<div><div><p>Nested paragraph in a block, also with a comma, "
                               "to give the scorer something to do.</p></div></div>");
    }
  g_string_append (html, "</div></body></html>");

  start = g_get_monotonic_time ();
  result = dossier_html_extract (html->str, html->len, "big.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  /* a page this large takes about a second; a gross slowdown (work
   * growing with the square of the paragraphs) shows in a plain build.
   * Under AddressSanitizer every one of the parser's million allocations
   * unwinds the stack, and the same page takes minutes. */
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
#else
  g_test_message ("the large page took %.1f s", (g_get_monotonic_time () - start) / 1e6);
#endif
  assert_contains (result->body, "Paragraph 0 of a very long page");
  assert_contains (result->body, "Paragraph 1000 of a very long page");
  g_string_free (html, TRUE);
}

static void
test_invalid_utf8 (void)
{
  /* Latin-1 bytes, a stray continuation byte, a NUL and a truncated
   * sequence in what claims to be UTF-8 */
  static const char page[] =
    "<html><head><title>Caf\xe9 \x80 news</title></head><body><div class=\"content\">"
    "<p>The caf\xe9 on the corner \xff\xfe reopened on Monday after a long renovation, "
    "said its owner, who had closed it in the winter.</p>"
    "<p>Customers queued from early in the morning \0 for the first coffee, and the "
    "owner said she was delighted with the turnout, despite the rain \xe2\x82</p>"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result =
    dossier_html_extract (page, sizeof page - 1, "latin1.html", &error);

  if (result != NULL)
    {
      g_assert_true (g_utf8_validate (result->title, -1, NULL));
      g_assert_true (g_utf8_validate (result->body, -1, NULL));
      assert_contains (result->body, "reopened on Monday");
    }
  else
    g_assert_nonnull (error);
}

/* Shingle F1 of two texts, as the scorer computes it */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

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
  return words;
}

static GHashTable *
shingles_of (const char *text,
             guint      *total)
{
  g_autoptr(GPtrArray) words = words_of (text);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = MIN (4, words->len), i, k;

  *total = 0;
  for (i = 0; n > 0 && i + n <= words->len; i++)
    {
      GString *key = g_string_new (words->pdata[i]);
      gpointer count;

      for (k = 1; k < n; k++)
        g_string_append_printf (key, "\x1f%s", (char *) words->pdata[i + k]);
      count = g_hash_table_lookup (set, key->str);
      g_hash_table_replace (set, g_string_free (key, FALSE),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      (*total)++;
    }
  return set;
}

static double
shingle_f1 (const char *got,
            const char *expected)
{
  guint got_total, exp_total, matched = 0;
  g_autoptr(GHashTable) a = shingles_of (got, &got_total);
  g_autoptr(GHashTable) b = shingles_of (expected, &exp_total);
  GHashTableIter iter;
  gpointer key, value;
  double p, r;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    matched += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (b, key)));
  p = got_total ? (double) matched / got_total : 0;
  r = exp_total ? (double) matched / exp_total : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
test_readability_pages (void)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  const char *pages[] = { "ars-1", "bbc-1", "guardian-1", "lemonde-1", "medium-1",
                          "nytimes-2", "wapo-1", "wikipedia" };
  g_autofree char *dir = NULL;
  guint i;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("DOSSIER_SHARED_DIR is not set or absent");
      return;
    }
  dir = g_build_filename (shared, "corpora", "readability-pages", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no readability-pages in DOSSIER_SHARED_DIR");
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *src_path = g_build_filename (dir, pages[i], "source.html", NULL);
      g_autofree char *exp_path = g_build_filename (dir, pages[i], "expected.html", NULL);
      g_autofree char *source = NULL;
      g_autofree char *expected_html = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(DossierExtracted) result = NULL;
      g_autoptr(GError) error = NULL;
      gsize source_len, expected_len;
      double f1;

      if (!g_file_get_contents (src_path, &source, &source_len, NULL)
          || !g_file_get_contents (exp_path, &expected_html, &expected_len, NULL))
        continue;
      result = dossier_html_extract (source, source_len, pages[i], &error);
      g_assert_no_error (error);
      assert_well_formed_body (result->body);
      expected = dossier_html_to_text (expected_html, expected_len);
      f1 = shingle_f1 (result->body, expected);
      g_test_message ("%s: F1 %.3f", pages[i], f1);
      g_assert_cmpfloat (f1, >=, 0.9);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/HtmlExtract/main-text", test_main_text);
  g_test_add_func ("/Dossier/HtmlExtract/entities", test_entities);
  g_test_add_func ("/Dossier/HtmlExtract/metadata-jsonld", test_metadata_jsonld);
  g_test_add_func ("/Dossier/HtmlExtract/metadata-og", test_metadata_og);
  g_test_add_func ("/Dossier/HtmlExtract/title-suffix-url-date", test_title_suffix_and_url_date);
  g_test_add_func ("/Dossier/HtmlExtract/dateline", test_dateline);
  g_test_add_func ("/Dossier/HtmlExtract/no-article", test_no_article);
  g_test_add_func ("/Dossier/HtmlExtract/empty-input", test_empty_input);
  g_test_add_func ("/Dossier/HtmlExtract/whole-page-text", test_whole_page_text);
  g_test_add_func ("/Dossier/HtmlExtract/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Dossier/HtmlExtract/large-input", test_large_input);
  g_test_add_func ("/Dossier/HtmlExtract/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Dossier/HtmlExtract/readability-pages", test_readability_pages);

  return g_test_run ();
}
