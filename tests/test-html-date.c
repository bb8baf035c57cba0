/* test-html-date.c — the publication date of a saved page: each rule of
 * dossier-html-date.c on a page of tests/data/html-dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-html-extract.h"
#include "dossier-test-util.h"

static void
assert_page_date (const char        *name,
                  const char        *want,
                  DossierDateOrigin  origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *got = NULL;
  gsize len;

  contents = dossier_test_data_read (&len, "html-dates", name, NULL);
  result = dossier_html_extract (contents, len, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  /* every page is the same article */
  g_assert_cmpstr (result->title, ==, "Council Extends the River Walk by Two Miles");
  g_assert_nonnull (strstr (result->body, "extend the river walk by two miles"));
  got = dossier_date_to_string (&result->published);
  if (g_strcmp0 (got, want) != 0)
    g_error ("%s: date %s, expected %s", name, got ? got : "none", want ? want : "none");
  g_assert_cmpint (result->date_origin, ==, origin);
}

/* A UTC timestamp gives way to the same moment written in local time */
static void
test_utc_and_local (void)
{
  assert_page_date ("utc-and-local.html", "2023-11-08", DOSSIER_DATE_ORIGIN_METADATA);
  /* a wall-clock time a whole number of hours from it */
  assert_page_date ("utc-and-wall-clock.html", "2023-11-08", DOSSIER_DATE_ORIGIN_METADATA);
  /* but not to another moment of the next day */
  assert_page_date ("utc-and-other-time.html", "2023-11-08", DOSSIER_DATE_ORIGIN_METADATA);
}

/* The address's full date against the metadata and the visible dates */
static void
test_url_date (void)
{
  /* two years earlier: the metadata tells of a later update */
  assert_page_date ("url-before-metadata.html", "2017-07-12", DOSSIER_DATE_ORIGIN_URL);
  /* a day earlier than a morning in UTC: the metadata stands */
  assert_page_date ("url-day-before-utc.html", "2020-07-09", DOSSIER_DATE_ORIGIN_METADATA);
  /* without metadata, the address beats 02/10/2020 read the American way */
  assert_page_date ("url-and-visible.html", "2020-10-02", DOSSIER_DATE_ORIGIN_URL);
}

/* The page's own datePublished in a JSON-LD graph without an article */
static void
test_jsonld_webpage (void)
{
  assert_page_date ("jsonld-webpage.html", "2018-06-07", DOSSIER_DATE_ORIGIN_METADATA);
}

/* A date alone right after the headline, and none from the article's text */
static void
test_date_after_headline (void)
{
  assert_page_date ("date-after-headline.html", "2014-01-22", DOSSIER_DATE_ORIGIN_TEXT);
  assert_page_date ("date-in-first-paragraph.html", NULL, DOSSIER_DATE_ORIGIN_NONE);
}

/* A page without a date keeps its other dates as hints; a dated one none */
static void
test_hints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) result = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  assert_page_date ("hints.html", NULL, DOSSIER_DATE_ORIGIN_NONE);
  contents = dossier_test_data_read (&len, "html-dates", "hints.html", NULL);
  result = dossier_html_extract (contents, len, "hints.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->date_hints, ==, "modified 2019-12-01\nimage 2016-05");
  g_clear_pointer (&result, dossier_extracted_free);
  g_free (contents);

  contents = dossier_test_data_read (&len, "html-dates", "jsonld-webpage.html", NULL);
  result = dossier_html_extract (contents, len, "jsonld-webpage.html", &error);
  g_assert_no_error (error);
  g_assert_null (result->date_hints);
}

/* Timestamps that are no timestamps, offsets out of range, dates glued to
 * text: a date or none, never a crash */
static void
test_odd_timestamps (void)
{
  const char *stamps[] = {
    "2023-11-09T", "2023-11-09T25:99Z", "2023-11-09T05:30:59+99:99", "2023-11-09 05",
    "2023-11-09T05:30:59-", "0000-00-00T00:00:00Z", "2023-02-31T05:30:59Z",
    "2023-11-08T23:30:59.123456789123456789", "9999-12-31T23:59:59-23:59",
  };

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    for (guint j = 0; j < G_N_ELEMENTS (stamps); j++)
      {
        g_autofree char *html = g_strdup_printf (
          "<html><head><meta property=\"article:published_time\" content=\"%s\"></head><body>"
          "<h1>A headline</h1><time datetime=\"%s\">x</time><p>%s</p></body></html>", stamps[i], stamps[j],
          "A paragraph long enough to be taken for the text of an article, about nothing in particular, "
          "that goes on for a while so that the content finder keeps it and the page is not empty.");
        g_autoptr(GError) error = NULL;
        g_autoptr(DossierExtracted) result = dossier_html_extract (html, strlen (html), "odd.html", &error);

        g_assert_no_error (error);
        g_assert_nonnull (result);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Dossier/HtmlDate/utc-and-local", test_utc_and_local);
  g_test_add_func ("/Dossier/HtmlDate/url-date", test_url_date);
  g_test_add_func ("/Dossier/HtmlDate/jsonld-webpage", test_jsonld_webpage);
  g_test_add_func ("/Dossier/HtmlDate/date-after-headline", test_date_after_headline);
  g_test_add_func ("/Dossier/HtmlDate/hints", test_hints);
  g_test_add_func ("/Dossier/HtmlDate/odd-timestamps", test_odd_timestamps);
  return g_test_run ();
}
