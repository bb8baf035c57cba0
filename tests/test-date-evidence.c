/* test-date-evidence.c — suggested dates from an article's text and from
 * dated articles that tell the same story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic on values: every text here is written for the test.
 */
#include "config.h"

#include <string.h>

#include "dossier-date-evidence.h"
#include "dossier-test-util.h"

static DossierDateSuggestion *
suggest (const char        *body,
         const char        *url,
         const DossierDate *known)
{
  return dossier_date_evidence_suggest ("A Headline", body, url, NULL, known, NULL);
}

static void
assert_day (DossierDateSuggestion *s,
            const char            *iso)
{
  g_autofree char *got = dossier_date_to_string (&s->date);

  g_assert_cmpstr (got, ==, iso);
  g_assert_cmpint (s->date.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpuint (s->evidence->len, >, 0);
}

static gboolean
evidence_has (DossierDateSuggestion *s,
              const char            *needle)
{
  for (guint i = 0; i < s->evidence->len; i++)
    if (strstr (g_ptr_array_index (s->evidence, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_holiday_and_weekday (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("The president called for better relations on Friday in a message marking "
             "Independence Day.\n\nSanctions imposed in March 2014 remain in force.", NULL, NULL);

  /* 4 July on a Friday, after events of 2014 */
  assert_day (s, "2014-07-04");
  g_assert_cmpfloat (s->confidence, >=, 0.5);
  g_assert_true (evidence_has (s, "‘on Friday’"));
  g_assert_true (evidence_has (s, "Independence Day"));
  g_assert_true (evidence_has (s, "2014"));
}

static void
test_latest_date_and_weekday (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("Negotiators returned to the table after the round of March 3, 2010, collapsed.\n\n"
             "The minister said on Thursday that a deal was close.", NULL, NULL);

  /* the first Thursday on or after the latest day mentioned */
  assert_day (s, "2010-03-04");
  g_assert_true (evidence_has (s, "latest date mentioned"));
  /* a mentioned day may be weeks old: never sure enough to be accepted
   * without a look */
  g_assert_cmpfloat (s->confidence, <, 0.5);
}

static void
test_yearless_date (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("The round of March 3, 2010, collapsed.\n\n"
             "On March 9 the two sides met again, and on Thursday they signed.", NULL, NULL);

  /* "March 9" takes the year of the full date before it and becomes the
   * latest day mentioned; the Thursday after it is 11 March */
  assert_day (s, "2010-03-11");
  g_assert_true (evidence_has (s, "9 Mar 2010"));
}

static void
test_dateline (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("FLINT, Mich., Oct. 4, 2013 (UPI) — The plant will close next year, "
             "the company said.", NULL, NULL);

  assert_day (s, "2013-10-04");
  g_assert_cmpfloat (s->confidence, >=, 0.7);
  g_assert_true (evidence_has (s, "dateline"));
}

static void
test_labelled_dateline (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("Posted: Nov 8, 2023 / 11:50 AM EST, updated with new figures from the county\n\n"
             "The council approved the budget after a long night.", NULL, NULL);

  assert_day (s, "2023-11-08");
  g_assert_cmpfloat (s->confidence, >=, 0.5);
}

static void
test_yearless_dateline (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("FLINT, Mich., Oct. 4 (UPI) — The plant, which reopened on Sept. 30, 2013, "
             "will close again, the company said.", NULL, NULL);

  /* the year of the latest day mentioned */
  assert_day (s, "2013-10-04");
  g_assert_true (evidence_has (s, "dateline without a year"));
}

static void
test_a_sentence_is_no_dateline (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("Delegates met again after the talks of March 18, 2010 ended without a deal, "
             "and the next round is planned for the spring.", NULL, NULL);

  /* only a lower bound: the article is from that day or later */
  g_assert_cmpfloat (s->confidence, <, 0.5);
  g_assert_false (evidence_has (s, "dateline"));
  g_assert_true (evidence_has (s, "or after"));
}

static void
test_relative_year (void)
{
  g_autoptr(DossierDateSuggestion) en =
    suggest ("Turnout was lower than last year, when the 2012 vote drew crowds.", NULL, NULL);
  g_autoptr(DossierDateSuggestion) ru =
    suggest ("Как и в прошлом году, выборы 2012 года обсуждали все.", NULL, NULL);

  g_assert_cmpint (en->date.precision, ==, DOSSIER_DATE_PRECISION_YEAR);
  g_assert_cmpint (en->date.year, ==, 2013);
  g_assert_cmpfloat (en->confidence, <, 0.5);
  g_assert_true (evidence_has (en, "‘last year’"));
  g_assert_cmpint (ru->date.year, ==, 2013);
}

/* "next month" beside a date: the month before it; "last month": after */
static void
test_relative_month (void)
{
  g_autoptr(DossierDateSuggestion) next =
    suggest ("The talks resume next month, on 14 April 2014, the minister said.", NULL, NULL);
  g_autoptr(DossierDateSuggestion) last =
    suggest ("Prices rose last month, after the 30 December 2013 budget.", NULL, NULL);
  g_autoptr(DossierDateSuggestion) ru =
    suggest ("Переговоры продолжатся в следующем месяце, 14 апреля 2014 года.", NULL, NULL);
  g_autoptr(DossierDateSuggestion) none =
    suggest ("The talks resume on 14 April 2014, the minister said.", NULL, NULL);

  g_assert_cmpint (next->date.precision, ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpint (next->date.year, ==, 2014);
  g_assert_cmpint (next->date.month, ==, 3);
  g_assert_true (evidence_has (next, "‘next month’"));
  g_assert_cmpfloat (next->confidence, <, 0.5);
  /* across a year's end */
  g_assert_cmpint (last->date.precision, ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpint (last->date.year, ==, 2014);
  g_assert_cmpint (last->date.month, ==, 1);
  g_assert_cmpint (ru->date.month, ==, 3);
  g_assert_cmpint (ru->date.year, ==, 2014);
  /* without the phrase, only the lower bound */
  g_assert_false (none->date.precision == DOSSIER_DATE_PRECISION_MONTH && none->date.month == 3);
}

static void
test_russian (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("В четверг президент поздравил ветеранов с Днём Победы. "
             "Парад на Красной площади прошёл, как и в 2013 году, под дождём. "
             "День Победы отмечают по всей стране.", NULL, NULL);

  /* 9 May on a Thursday from 2013 on: 2013 */
  assert_day (s, "2013-05-09");
  g_assert_true (evidence_has (s, "‘В четверг’"));
}

static void
test_known_part (void)
{
  DossierDate month = { 2012, 5, 0, DOSSIER_DATE_PRECISION_MONTH };
  DossierDate year = { 2011, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  DossierDate day = { 2012, 5, 7, DOSSIER_DATE_PRECISION_DAY };
  const char *text = "The decree of May 1, 2012, was followed by another on Monday.";
  g_autoptr(DossierDateSuggestion) in_month = suggest (text, NULL, &month);
  g_autoptr(DossierDateSuggestion) outside = suggest (text, NULL, &year);
  g_autoptr(DossierDateSuggestion) full = suggest (text, NULL, &day);

  assert_day (in_month, "2012-05-07");
  /* nothing the text says fits 2011: nothing more precise than what is known */
  if (outside->date.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    {
      g_assert_cmpint (outside->date.year, ==, 2011);
      g_assert_cmpfloat (outside->confidence, <, 0.5);
    }
  /* a full date needs no suggestion */
  g_assert_cmpint (full->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
  g_assert_cmpfloat (full->confidence, ==, 0);
}

static void
test_url (void)
{
  g_autoptr(DossierDateSuggestion) s =
    suggest ("Nothing in the text says when.", "https://news.example.org/2013/04/15/talks-resume", NULL);

  assert_day (s, "2013-04-15");
  g_assert_cmpfloat (s->confidence, >=, 0.5);
}

static void
test_nothing (void)
{
  g_autoptr(DossierDateSuggestion) s = suggest ("Nothing here says when this was written.", NULL, NULL);
  g_autoptr(DossierDateSuggestion) empty = dossier_date_evidence_suggest (NULL, NULL, NULL, NULL, NULL, NULL);

  g_assert_cmpint (s->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
  g_assert_cmpfloat (s->confidence, ==, 0);
  g_assert_cmpint (empty->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
}

static const char story[] =
  "The foreign minister said the talks had been \"difficult but useful, and we agreed "
  "to meet again before the end of the month to settle the remaining questions of the "
  "border crossing at the northern pass\" and that both delegations had instructions "
  "to finish the text of the agreement on the shared hydroelectric station by then.";

static void
test_corpus_match (void)
{
  g_autoptr(DossierShingleIndex) index = dossier_shingle_index_new ();
  g_autoptr(DossierDateSuggestion) s = NULL;
  g_autofree char *undated = g_strconcat ("Talks went on in the capital on Tuesday. ", story, NULL);
  g_autofree char *dated = g_strconcat ("Reported from the border region. ", story, " More later.", NULL);
  DossierDate when = { 2011, 6, 14, DOSSIER_DATE_PRECISION_DAY };
  DossierCorpusMatch m;

  dossier_shingle_index_add_target (index, 1, undated);
  dossier_shingle_index_add_target (index, 2, "A short text of a few words only.");
  dossier_shingle_index_seal (index);
  dossier_shingle_index_scan (index, 10, dossier_date_to_julian (&when), dated);
  dossier_shingle_index_scan (index, 11, dossier_date_to_julian (&when) - 400,
                              "An unrelated report about the harvest and the price of grain in the south, "
                              "where farmers expect a good year after two poor ones and rains in spring.");

  g_assert_true (dossier_shingle_index_lookup (index, 1, &m));
  g_assert_cmpint (m.article_id, ==, 10);
  g_assert_cmpint (m.jd, ==, dossier_date_to_julian (&when));
  g_assert_cmpuint (m.shared, >=, 3);
  g_assert_false (dossier_shingle_index_lookup (index, 2, &m));
  g_assert_false (dossier_shingle_index_lookup (index, 99, &m));

  g_assert_true (dossier_shingle_index_lookup (index, 1, &m));
  s = dossier_date_evidence_suggest (NULL, undated, NULL, NULL, NULL, &m);
  /* 14 June 2011 was a Tuesday: the story's day */
  assert_day (s, "2011-06-14");
  g_assert_true (evidence_has (s, "same passages as article 10"));
}

/* Targets sorted batch by batch (as the background work does) match
 * exactly as those sorted once when sealed */
/* a text of its own for each @i: 80 words no other text has */
static char *
own_text (guint i)
{
  GString *t = g_string_new (NULL);

  for (guint k = 0; k < 80; k++)
    g_string_append_printf (t, "%sw%ux%u", k ? " " : "", i, k);
  return g_string_free (t, FALSE);
}

/* Targets sorted batch by batch (as the background work does) match
 * exactly as those sorted once when sealed */
static void
test_corpus_sorted_in_batches (void)
{
  g_autoptr(DossierShingleIndex) once = dossier_shingle_index_new ();
  g_autoptr(DossierShingleIndex) batched = dossier_shingle_index_new ();
  DossierDate when = { 2011, 6, 14, DOSSIER_DATE_PRECISION_DAY };
  guint n_found = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = own_text (i);

      dossier_shingle_index_add_target (once, i + 1, text);
      dossier_shingle_index_add_target (batched, i + 1, text);
      if (i % (1 + i % 4) == 0)
        dossier_shingle_index_sort_added (batched);
    }
  dossier_shingle_index_seal (once);
  dossier_shingle_index_seal (batched);
  /* dated copies of every fifth */
  for (guint i = 0; i < 50; i += 5)
    {
      g_autofree char *text = own_text (i);

      dossier_shingle_index_scan (once, 100 + i, dossier_date_to_julian (&when) + i, text);
      dossier_shingle_index_scan (batched, 100 + i, dossier_date_to_julian (&when) + i, text);
    }
  for (guint i = 0; i < 50; i++)
    {
      DossierCorpusMatch a = { 0 }, b = { 0 };
      gboolean found = dossier_shingle_index_lookup (once, i + 1, &a);

      g_assert_cmpint (found, ==, dossier_shingle_index_lookup (batched, i + 1, &b));
      g_assert_cmpint (found, ==, i % 5 == 0);
      g_assert_cmpint (a.article_id, ==, b.article_id);
      g_assert_cmpint (a.jd, ==, b.jd);
      g_assert_cmpuint (a.shared, ==, b.shared);
      n_found += found;
    }
  g_assert_cmpuint (n_found, ==, 10);
}

static void
test_corpus_boilerplate (void)
{
  g_autoptr(DossierShingleIndex) index = dossier_shingle_index_new ();
  DossierDate a = { 2011, 6, 14, DOSSIER_DATE_PRECISION_DAY };
  DossierDate b = { 2013, 2, 1, DOSSIER_DATE_PRECISION_DAY };
  DossierCorpusMatch m;
  g_autofree char *one = g_strconcat ("A report on ports. ", story, NULL);
  g_autofree char *two = g_strconcat ("A report on rails. ", story, NULL);
  g_autofree char *target = g_strconcat ("A report on roads. ", story, NULL);

  /* the same passage in articles years apart is a site's furniture */
  dossier_shingle_index_add_target (index, 1, target);
  dossier_shingle_index_seal (index);
  dossier_shingle_index_scan (index, 10, dossier_date_to_julian (&a), one);
  dossier_shingle_index_scan (index, 11, dossier_date_to_julian (&b), two);
  g_assert_false (dossier_shingle_index_lookup (index, 1, &m));
}

static void
test_bad_input (void)
{
  static const char * const texts[] = {
    "0000-00-00 and 0000 and the year 0, on Monday",
    "February 31, 2013 — 31.02.2013 — 2013-02-31, on Friday, Independence Day",
    "Oct. 99 (UPI) — Oct. 0 (AP) — May 32 —",
    "\xff\xfe\xfd on Monday \xc3",
    "Independence Day Independence Day Independence",
    "on Monday 9999 99999 2100 2101 1899 1900",
    "",
  };
  GString *numbers = g_string_new (NULL);
  gint64 t0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierDateSuggestion) s = suggest (texts[i], texts[i], NULL);

      g_assert_cmpfloat (s->confidence, >=, 0);
      g_assert_cmpfloat (s->confidence, <=, 1);
      if (s->date.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
        g_assert_cmpint (dossier_date_to_julian (&s->date), >, 0);
    }

  /* a million numbers: bounded time */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (numbers, "%u ", 1900 + i % 300);
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(DossierDateSuggestion) s = suggest (numbers->str, NULL, NULL);
    g_autoptr(DossierShingleIndex) index = dossier_shingle_index_new ();
    DossierCorpusMatch m;

    dossier_shingle_index_add_target (index, 1, numbers->str);
    dossier_shingle_index_scan (index, 2, 700000, numbers->str);
    dossier_shingle_index_lookup (index, 1, &m);
    g_assert_cmpfloat (s->confidence, <=, 1);
  }
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 20 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
  g_string_free (numbers, TRUE);
}

/* Evidence from the file: a month in the address, the date in the
 * address of the page's picture, the day it was updated */
static void
test_file_evidence (void)
{
  DossierDate year = { 2016, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  const char *plain = "Nothing in this text says when it was written at all.";
  g_autoptr(DossierDateSuggestion) url = NULL;
  g_autoptr(DossierDateSuggestion) image = NULL;
  g_autoptr(DossierDateSuggestion) image_too_early = NULL;
  g_autoptr(DossierDateSuggestion) updated = NULL;
  g_autoptr(DossierDateSuggestion) bounded = NULL;
  g_autoptr(DossierDateSuggestion) nothing = NULL;
  g_autofree char *got = NULL;

  /* a year from the metadata, a month from the address */
  url = suggest (plain, "https://example.org/2016/05/river-walk", &year);
  got = dossier_date_to_string (&url->date);
  g_assert_cmpstr (got, ==, "2016-05");
  g_assert_cmpfloat (url->confidence, ==, 0.5);
  g_assert_true (evidence_has (url, "month in the address https://example.org/2016/05/river-walk"));

  image = dossier_date_evidence_suggest ("A Headline", plain, NULL, "image 2016-05", NULL, NULL);
  g_clear_pointer (&got, g_free);
  got = dossier_date_to_string (&image->date);
  g_assert_cmpstr (got, ==, "2016-05");
  g_assert_cmpfloat (image->confidence, <, 0.5);
  g_assert_true (evidence_has (image, "picture"));

  /* a picture older than what the text tells of is no evidence */
  image_too_early = dossier_date_evidence_suggest ("A Headline", "The vote of 3 March 2018 was close.", NULL,
                                                   "image 2016-05", NULL, NULL);
  g_assert_false (evidence_has (image_too_early, "picture"));
  g_assert_cmpint (image_too_early->date.year, ==, 2018);

  /* only the day it was updated: then or before */
  updated = dossier_date_evidence_suggest ("A Headline", plain, NULL, "modified 2019-12-01", NULL, NULL);
  assert_day (updated, "2019-12-01");
  g_assert_cmpfloat (updated->confidence, <, 0.5);
  g_assert_true (evidence_has (updated, "or before"));

  /* the weekday after the latest date would be after the update: not that */
  bounded = dossier_date_evidence_suggest ("A Headline", "Talks began on 3 March 2010 and resumed on Thursday.",
                                           NULL, "modified 2010-03-03", NULL, NULL);
  g_assert_cmpint (dossier_date_to_julian (&bounded->date), <=,
                   dossier_date_to_julian (&(DossierDate) { 2010, 3, 3, DOSSIER_DATE_PRECISION_DAY }));
  g_assert_true (evidence_has (bounded, "updated"));

  /* hints that are no dates change nothing */
  nothing = dossier_date_evidence_suggest ("A Headline", plain, NULL, "modified soon\nimage 2016-13", NULL, NULL);
  g_assert_cmpint (nothing->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
  g_assert_cmpfloat (nothing->confidence, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/DateEvidence/holiday-and-weekday", test_holiday_and_weekday);
  g_test_add_func ("/Dossier/DateEvidence/latest-date-and-weekday", test_latest_date_and_weekday);
  g_test_add_func ("/Dossier/DateEvidence/yearless-date", test_yearless_date);
  g_test_add_func ("/Dossier/DateEvidence/dateline", test_dateline);
  g_test_add_func ("/Dossier/DateEvidence/labelled-dateline", test_labelled_dateline);
  g_test_add_func ("/Dossier/DateEvidence/yearless-dateline", test_yearless_dateline);
  g_test_add_func ("/Dossier/DateEvidence/a-sentence-is-no-dateline", test_a_sentence_is_no_dateline);
  g_test_add_func ("/Dossier/DateEvidence/relative-year", test_relative_year);
  g_test_add_func ("/Dossier/DateEvidence/relative-month", test_relative_month);
  g_test_add_func ("/Dossier/DateEvidence/russian", test_russian);
  g_test_add_func ("/Dossier/DateEvidence/known-part", test_known_part);
  g_test_add_func ("/Dossier/DateEvidence/url", test_url);
  g_test_add_func ("/Dossier/DateEvidence/nothing", test_nothing);
  g_test_add_func ("/Dossier/DateEvidence/corpus-match", test_corpus_match);
  g_test_add_func ("/Dossier/DateEvidence/corpus-sorted-in-batches", test_corpus_sorted_in_batches);
  g_test_add_func ("/Dossier/DateEvidence/corpus-boilerplate", test_corpus_boilerplate);
  g_test_add_func ("/Dossier/DateEvidence/bad-input", test_bad_input);
  g_test_add_func ("/Dossier/DateEvidence/file-evidence", test_file_evidence);

  return g_test_run ();
}
