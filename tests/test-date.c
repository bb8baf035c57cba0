/* test-date.c — the dateline parser, URL dates, ISO round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-date.h"

typedef struct
{
  const char *input;
  const char *expected;   /* dossier_date_to_string(), or NULL: rejected */
} Case;

static const Case parse_cases[] = {
  /* the forms news sites write */
  { "February 02, 2013", "2013-02-02" },
  { "Feb. 2, 2013", "2013-02-02" },
  { "Feb 2 2013", "2013-02-02" },
  { "2 February 2013", "2013-02-02" },
  { "2nd of February, 2013", "2013-02-02" },
  { "March 3rd, 2013", "2013-03-03" },
  { "Posted: Apr 15, 2013 12:22 PM", "2013-04-15" },
  { "Updated Sept. 30, 2012, 9:15 a.m. ET", "2012-09-30" },
  { "Monday, 15 April 2013, 10:05", "2013-04-15" },
  { "2013-04-15", "2013-04-15" },
  { "Published 2013-04-15T10:00:00+04:00", "2013-04-15" },
  { "2013-04-15T23:30:00Z", "2013-04-15" },
  { "2013/04/15", "2013-04-15" },
  { "15.04.2013", "2013-04-15" },
  { "15.04.2013 12:22", "2013-04-15" },
  { "04/15/2013", "2013-04-15" },
  { "15/04/2013", "2013-04-15" },
  { "April 2013", "2013-04" },
  { "in March, 2010", "2010-03" },
  { "MOSCOW, Dec. 25, 2011 (RIA Novosti)", "2011-12-25" },
  { "DECEMBER 25, 2011", "2011-12-25" },
  /* German and Russian */
  { "2. Februar 2013", "2013-02-02" },
  { "15. März 2013", "2013-03-15" },
  { "1. Dezember 2010", "2010-12-01" },
  { "2 февраля 2013", "2013-02-02" },
  { "2 февраля 2013 г.", "2013-02-02" },
  { "Опубликовано 15 апреля 2013, 12:22", "2013-04-15" },
  { "май 2012", "2012-05" },
  /* leap years */
  { "February 29, 2012", "2012-02-29" },
  { "29.02.2000", "2000-02-29" },
  /* rejected: impossible or implausible */
  { "February 30, 2013", NULL },
  { "February 29, 2013", NULL },
  { "29.02.1900", NULL },
  { "31.04.2013", NULL },
  { "2013-13-01", NULL },
  { "2013-00-10", NULL },
  { "2013-02-00", NULL },
  { "April 32, 2013", NULL },
  { "March 5, 1850", NULL },
  { "May 5, 2150", NULL },
  { "32.01.2013", NULL },
  /* not dates */
  { "", NULL },
  { "Read more", NULL },
  { "Putin Pledges to Seek Closer Ties With U.S.", NULL },
  { "it may rain 2013 times", NULL },
  { "He said 15 of 2013 delegates", NULL },
  { "Flight A320 landed", NULL },
  { "Call 2013-04", NULL },
  { "version 1.2.2013x", NULL },
  { "12345678", NULL },
};

static void
test_parse_table (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      DossierDate d = DOSSIER_DATE_INIT;
      gboolean ok = dossier_date_parse (parse_cases[i].input, &d);
      g_autofree char *s = ok ? dossier_date_to_string (&d) : NULL;

      g_test_message ("%s → %s", parse_cases[i].input, s ? s : "(none)");
      if (parse_cases[i].expected == NULL)
        g_assert_false (ok);
      else
        {
          g_assert_true (ok);
          g_assert_cmpstr (s, ==, parse_cases[i].expected);
        }
    }
}

static void
test_find_span (void)
{
  const char *line = "Posted: Apr 15, 2013 12:22 PM";
  DossierDate d = DOSSIER_DATE_INIT;
  gsize start = 0, end = 0;

  g_assert_true (dossier_date_find (line, -1, &d, &start, &end));
  g_assert_cmpuint (start, ==, 8);
  g_assert_cmpuint (end, ==, 20);   /* just past "2013" */
  g_assert_cmpint (d.precision, ==, DOSSIER_DATE_PRECISION_DAY);

  /* the length bounds the search */
  g_assert_false (dossier_date_find (line, 12, &d, NULL, NULL));
}

static const Case url_cases[] = {
  { "https://www.themoscowtimes.com/2013/02/02/putin-aide-says-us-holds-key-to-improving-ties-a21183", "2013-02-02" },
  { "https://example.com/news/2013/04/", "2013-04" },
  { "https://example.com/news/2013/04/some-story", "2013-04" },
  { "https://example.com/20130415/story.html", "2013-04-15" },
  { "https://example.com/story-2013-04-15-slug", "2013-04-15" },
  { "https://www.theguardian.com/world/2013/apr/15/obama-letter-putin", "2013-04-15" },
  /* a month and a day without their zeros, between slashes only */
  { "https://www.example.de/home/2017/7/12/unter-uns", "2017-07-12" },
  { "https://example.com/2017/7/", "2017-07" },
  { "https://example.com/story-2017-7-12-slug", NULL },
  { "https://example.com/2017/7/123/", "2017-07" },
  { "https://example.com/2013/02/30/bad", NULL },
  { "https://example.com/2013/13/01/bad", NULL },
  { "https://2013.example.com/", NULL },
  { "https://example.com/article/123456789", NULL },
  { "https://example.com/a21183", NULL },
  { "https://example.com/page#2013/04/15", NULL },
  { "not a url", NULL },
};

static void
test_url_table (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      DossierDate d = DOSSIER_DATE_INIT;
      gboolean ok = dossier_date_from_url (url_cases[i].input, &d);
      g_autofree char *s = ok ? dossier_date_to_string (&d) : NULL;

      g_test_message ("%s → %s", url_cases[i].input, s ? s : "(none)");
      if (url_cases[i].expected == NULL)
        g_assert_false (ok);
      else
        g_assert_cmpstr (s, ==, url_cases[i].expected);
    }
}

static void
test_iso_round_trip (void)
{
  static const char *good[] = { "2013-04-15", "2013-04", "2013", "2000-02-29" };
  static const char *bad[] = { "", "13-04-15", "2013-4-15", "2013-02-29", "2013-04-15x",
                               "April 2013", "1899", "2013-04-15T25:00" };
  guint i;
  DossierDate d = DOSSIER_DATE_INIT;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *s = NULL;

      g_assert_true (dossier_date_from_iso (good[i], &d));
      s = dossier_date_to_string (&d);
      g_assert_cmpstr (s, ==, good[i]);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (dossier_date_from_iso (bad[i], &d));

  g_assert_true (dossier_date_from_iso ("2013-04-15T10:00:00+03:00", &d));
  g_assert_cmpint (d.day, ==, 15);
  g_assert_cmpint (d.precision, ==, DOSSIER_DATE_PRECISION_DAY);

  d = (DossierDate) DOSSIER_DATE_INIT;
  g_assert_null (dossier_date_to_string (&d));
}

static void
test_julian_and_compare (void)
{
  DossierDate a = DOSSIER_DATE_INIT, b = DOSSIER_DATE_INIT, c = DOSSIER_DATE_INIT;
  DossierDate none = DOSSIER_DATE_INIT;

  g_assert_true (dossier_date_from_iso ("2013-04-15", &a));
  g_assert_true (dossier_date_from_iso ("2013-04", &b));
  g_assert_true (dossier_date_from_iso ("2013-04-01", &c));

  g_assert_cmpint (dossier_date_to_julian (&none), ==, -1);
  g_assert_cmpint (dossier_date_to_julian (&a) - dossier_date_to_julian (&c), ==, 14);
  g_assert_cmpint (dossier_date_to_julian (&b), ==, dossier_date_to_julian (&c));

  g_assert_cmpint (dossier_date_compare (&c, &a), <, 0);
  g_assert_cmpint (dossier_date_compare (&a, &c), >, 0);
  /* same first day: the less precise one sorts first */
  g_assert_cmpint (dossier_date_compare (&b, &c), <, 0);
  g_assert_cmpint (dossier_date_compare (&a, &a), ==, 0);
  g_assert_cmpint (dossier_date_compare (&none, &b), <, 0);
}

/* The end of a range typed as "2012" or "2012-02" is the last day it
 * covers, leap years included. */
static void
test_last_julian (void)
{
  DossierDate year = { 2012, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  DossierDate feb = { 2012, 2, 0, DOSSIER_DATE_PRECISION_MONTH };
  DossierDate feb13 = { 2013, 2, 0, DOSSIER_DATE_PRECISION_MONTH };
  DossierDate day = { 2012, 2, 10, DOSSIER_DATE_PRECISION_DAY };
  DossierDate dec31 = { 2012, 12, 31, DOSSIER_DATE_PRECISION_DAY };
  DossierDate mar1 = { 2012, 3, 1, DOSSIER_DATE_PRECISION_DAY };
  DossierDate none = DOSSIER_DATE_INIT;

  g_assert_cmpint (dossier_date_to_last_julian (&year), ==, dossier_date_to_julian (&dec31));
  g_assert_cmpint (dossier_date_to_last_julian (&feb), ==, dossier_date_to_julian (&mar1) - 1);
  g_assert_cmpint (dossier_date_to_last_julian (&feb) - dossier_date_to_julian (&feb), ==, 28);
  g_assert_cmpint (dossier_date_to_last_julian (&feb13) - dossier_date_to_julian (&feb13), ==, 27);
  g_assert_cmpint (dossier_date_to_last_julian (&day), ==, dossier_date_to_julian (&day));
  g_assert_cmpint (dossier_date_to_last_julian (&none), ==, -1);
}

static void
test_julian_to_iso (void)
{
  DossierDate leap = { 2012, 2, 29, DOSSIER_DATE_PRECISION_DAY };
  g_autofree char *iso = dossier_date_julian_to_iso (dossier_date_to_julian (&leap));
  g_autofree char *none = dossier_date_julian_to_iso (-1);

  g_assert_cmpstr (iso, ==, "2012-02-29");
  g_assert_cmpstr (none, ==, "");
}

/* Date hints: written and read back; lines that are not hints skipped */
static void
test_hints (void)
{
  DossierDate modified = { 2019, 12, 1, DOSSIER_DATE_PRECISION_DAY };
  DossierDate image = { 2016, 5, 0, DOSSIER_DATE_PRECISION_MONTH };
  DossierDate none = DOSSIER_DATE_INIT;
  DossierDate d = DOSSIER_DATE_INIT;
  GString *hints = NULL;
  g_autofree char *text = NULL;
  g_autofree char *got = NULL;

  dossier_date_hints_add (&hints, DOSSIER_DATE_HINT_MODIFIED, &modified);
  dossier_date_hints_add (&hints, DOSSIER_DATE_HINT_IMAGE, &none);   /* nothing to add */
  dossier_date_hints_add (&hints, DOSSIER_DATE_HINT_IMAGE, &image);
  text = g_string_free (hints, FALSE);
  g_assert_cmpstr (text, ==, "modified 2019-12-01\nimage 2016-05");
  g_assert_true (dossier_date_hints_read (text, DOSSIER_DATE_HINT_IMAGE, &d));
  got = dossier_date_to_string (&d);
  g_assert_cmpstr (got, ==, "2016-05");
  g_assert_true (dossier_date_hints_read (text, DOSSIER_DATE_HINT_MODIFIED, &d));
  g_assert_cmpint (dossier_date_compare (&d, &modified), ==, 0);

  g_assert_false (dossier_date_hints_read (NULL, DOSSIER_DATE_HINT_IMAGE, &d));
  g_assert_false (dossier_date_hints_read ("", DOSSIER_DATE_HINT_IMAGE, &d));
  g_assert_false (dossier_date_hints_read ("imaged 2016-05\nimage\nimage 2016-13\nimage", DOSSIER_DATE_HINT_IMAGE, &d));
  g_assert_true (dossier_date_hints_read ("image 31 Feb\nimage 2016-02-29", DOSSIER_DATE_HINT_IMAGE, &d));
  g_assert_cmpint (d.day, ==, 29);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Date/parse-table", test_parse_table);
  g_test_add_func ("/Dossier/Date/find-span", test_find_span);
  g_test_add_func ("/Dossier/Date/url-table", test_url_table);
  g_test_add_func ("/Dossier/Date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/Dossier/Date/julian-and-compare", test_julian_and_compare);
  g_test_add_func ("/Dossier/Date/last-julian", test_last_julian);
  g_test_add_func ("/Dossier/Date/julian-to-iso", test_julian_to_iso);

  g_test_add_func ("/Dossier/Date/hints", test_hints);
  return g_test_run ();
}
