/* test-people-overview.c — what the People section and a person's page
 * read: the sparklines of several people in one call, and a person's
 * quotes as ids in time order with their sentences read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-people.h"
#include "dossier-people-overview.h"
#include "dossier-test-util.h"

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *date,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, "Test Wire");
  dossier_article_set_body (a, body);
  if (date != NULL && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Lavrov: once on the first day, twice on the last (the article added
 * before the first), once undated, once in the middle; Kerry once on
 * the last day.  The undated article is added first, the middle one
 * between, so that neither order of adding nor ids give time order. */
static void
fixture_setup (DossierTestLibrary *f,
               gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  dossier_test_library_setup (f, data);
  add (f->library, "Undated remarks", NULL,
       "\"Undated words,\" said Sergei Lavrov, Russia's foreign minister.");
  add (f->library, "Last day", "2020-12-31",
       "\"Later words,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
       "\"We put a serious proposal on the table,\" said John Kerry, the U.S. secretary of state.\n\n"
       "\"Last words of the year,\" Lavrov told reporters.");
  add (f->library, "Middle", "2015-06-15",
       "\"Middle words,\" said Sergei Lavrov, Russia's foreign minister.");
  add (f->library, "First day", "2010-01-01",
       "\"First words,\" said Sergei Lavrov, Russia's foreign minister.");
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), ==, 4);
  g_assert_no_error (error);
}

static gint64
person (DossierLibrary *library,
        const char     *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_people_find_sync (library, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
sum (const guint *buckets)
{
  guint n = 0;

  for (guint i = 0; i < DOSSIER_SPARK_BUCKETS; i++)
    n += buckets[i];
  return n;
}

/* the quote of @person_id whose text is @text */
static gint64
quote_id (DossierLibrary *library,
          gint64          person_id,
          const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = dossier_people_quotes_sync (library, person_id, 0, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < quotes->len; i++)
    {
      DossierStoredQuote *q = g_ptr_array_index (quotes, i);

      if (g_strcmp0 (q->text, text) == 0)
        return q->id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_sparklines (DossierTestLibrary *f,
                 gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPeopleList) list = NULL;
  g_autoptr(GArray) lines = NULL;
  gint64 ids[3];
  const DossierPersonSpark *lavrov, *kerry, *nobody;

  ids[0] = person (f->library, "Sergei Lavrov");
  ids[1] = person (f->library, "John Kerry");
  ids[2] = 999999;
  list = dossier_people_overview_list_sync (f->library, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->first_jd, <, list->last_jd);

  lines = dossier_people_overview_sparklines_sync (f->library, ids, 3, list->first_jd, list->last_jd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  lavrov = &g_array_index (lines, DossierPersonSpark, 0);
  kerry = &g_array_index (lines, DossierPersonSpark, 1);
  nobody = &g_array_index (lines, DossierPersonSpark, 2);
  g_assert_cmpint (lavrov->person_id, ==, ids[0]);
  g_assert_cmpint (kerry->person_id, ==, ids[1]);
  g_assert_cmpint (nobody->person_id, ==, ids[2]);
  /* the dated quotes only, each in its span of time */
  g_assert_cmpuint (lavrov->buckets[0], ==, 1);
  g_assert_cmpuint (lavrov->buckets[DOSSIER_SPARK_BUCKETS - 1], ==, 2);
  /* 2015-06-15 is day 1991 of the 4018 days: just before the middle */
  g_assert_cmpuint (lavrov->buckets[DOSSIER_SPARK_BUCKETS / 2 - 1], ==, 1);
  g_assert_cmpuint (sum (lavrov->buckets), ==, 4);
  g_assert_cmpuint (kerry->buckets[DOSSIER_SPARK_BUCKETS - 1], ==, 1);
  g_assert_cmpuint (sum (kerry->buckets), ==, 1);
  g_assert_cmpuint (sum (nobody->buckets), ==, 0);
  g_clear_pointer (&lines, g_array_unref);

  /* a rejected quote counts no more */
  g_assert_true (dossier_people_reject_sync (f->library, quote_id (f->library, ids[0], "Middle words"), &error));
  g_assert_no_error (error);
  lines = dossier_people_overview_sparklines_sync (f->library, ids, 2, list->first_jd, list->last_jd, &error);
  g_assert_no_error (error);
  lavrov = &g_array_index (lines, DossierPersonSpark, 0);
  g_assert_cmpuint (lavrov->buckets[DOSSIER_SPARK_BUCKETS / 2 - 1], ==, 0);
  g_assert_cmpuint (sum (lavrov->buckets), ==, 3);

  /* none asked for, none given */
  g_clear_pointer (&lines, g_array_unref);
  lines = dossier_people_overview_sparklines_sync (f->library, NULL, 0, list->first_jd, list->last_jd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 0);
}

static const char *
text_of (GPtrArray *quotes,
         guint      i)
{
  return ((DossierPersonQuote *) g_ptr_array_index (quotes, i))->text;
}

static void
test_page (DossierTestLibrary *f,
           gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPersonPage) page = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) beside = NULL;
  gint64 lavrov = person (f->library, "Sergei Lavrov");
  gint64 ids[3];
  DossierPersonQuote *q;

  /* all the ids in time order, undated last; the sentences of two */
  page = dossier_people_overview_page_sync (f->library, lavrov, 2, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->quote_ids->len, ==, 5);
  g_assert_cmpuint (page->quotes->len, ==, 2);
  g_assert_cmpstr (text_of (page->quotes, 0), ==, "First words");
  g_assert_cmpstr (text_of (page->quotes, 1), ==, "Middle words");
  q = g_ptr_array_index (page->quotes, 0);
  g_assert_cmpint (q->id, ==, g_array_index (page->quote_ids, gint64, 0));
  g_assert_cmpstr (q->published, ==, "2010-01-01");
  g_assert_cmpstr (q->speaker, ==, "Sergei Lavrov");
  g_assert_cmpstr (q->context, ==, "\"First words,\" said Sergei Lavrov, Russia's foreign minister.");
  g_assert_cmpint (q->context_start, ==, 1);
  g_assert_cmpint (q->context_end, ==, 12);
  g_assert_cmpuint (page->beside->len, ==, 1);
  g_assert_cmpstr (((DossierPersonSummary *) g_ptr_array_index (page->beside, 0))->name, ==, "John Kerry");

  /* the next page from the ids: the last day's two in the body's order, then the undated */
  rest = dossier_people_overview_quotes_sync (f->library, &g_array_index (page->quote_ids, gint64, 2), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rest->len, ==, 3);
  g_assert_cmpstr (text_of (rest, 0), ==, "Later words");
  g_assert_cmpstr (text_of (rest, 1), ==, "Last words of the year");
  g_assert_cmpstr (text_of (rest, 2), ==, "Undated words");
  g_assert_null (((DossierPersonQuote *) g_ptr_array_index (rest, 2))->published);

  /* an id gone since (here: never there) is left out, the order kept */
  ids[0] = g_array_index (page->quote_ids, gint64, 4);
  ids[1] = 999999;
  ids[2] = g_array_index (page->quote_ids, gint64, 0);
  all = dossier_people_overview_quotes_sync (f->library, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (text_of (all, 0), ==, "Undated words");
  g_assert_cmpstr (text_of (all, 1), ==, "First words");
  g_clear_pointer (&page, dossier_person_page_free);

  /* the people beside in a call of their own, the page then without them */
  beside = dossier_people_overview_beside_sync (f->library, lavrov, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beside->len, ==, 1);
  g_assert_cmpstr (((DossierPersonSummary *) g_ptr_array_index (beside, 0))->name, ==, "John Kerry");
  g_assert_cmpint (((DossierPersonSummary *) g_ptr_array_index (beside, 0))->quotes, ==, 1);
  page = dossier_people_overview_page_sync (f->library, lavrov, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->quote_ids->len, ==, 5);
  g_assert_cmpuint (page->quotes->len, ==, 1);
  g_assert_cmpuint (page->beside->len, ==, 0);
  g_clear_pointer (&page, dossier_person_page_free);

  /* a rejected quote leaves the page */
  g_assert_true (dossier_people_reject_sync (f->library, quote_id (f->library, lavrov, "Later words"), &error));
  g_assert_no_error (error);
  page = dossier_people_overview_page_sync (f->library, lavrov, 50, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->quote_ids->len, ==, 4);
  g_assert_cmpuint (page->quotes->len, ==, 4);
  g_assert_cmpstr (text_of (page->quotes, 2), ==, "Last words of the year");
}

static const char *
name_of (GPtrArray *people,
         guint      i)
{
  return ((DossierPersonSummary *) g_ptr_array_index (people, i))->name;
}

static gint64
articles_of (GPtrArray *people,
             guint      i)
{
  return ((DossierPersonSummary *) g_ptr_array_index (people, i))->quotes;
}

/* The people beside Lavrov are ranked by the articles they share with
 * him, an article counted once however often either is quoted in it;
 * ties go by name; the limit cuts after the ranking; a rejected quote
 * no longer counts, and nor does an article quoting only the others. */
static void
test_beside_ranking (DossierTestLibrary *f,
                     gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) beside = NULL;
  gint64 lavrov;

  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *body = g_strdup_printf ("\"Talks, round %d,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
                                               "\"We agree,\" said Boris Johnson, Britain's foreign secretary.\n\n"
                                               "\"We agree again,\" Johnson said.", i);

      add (f->library, "Arms talks", "2016-03-01", body);
    }
  add (f->library, "Syria", "2016-04-01",
       "\"Syria first,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
       "\"A ceasefire now,\" said Federica Mogherini, the EU's foreign policy chief.\n\n"
       "\"Aid must pass,\" said Boris Johnson, Britain's foreign secretary.");
  add (f->library, "Without Lavrov", "2016-05-01",
       "\"Only the envoy here,\" said Federica Mogherini, the EU's foreign policy chief.\n\n"
       "\"And Kerry,\" said John Kerry, the U.S. secretary of state.");
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), >, 0);
  g_assert_no_error (error);
  lavrov = person (f->library, "Sergei Lavrov");

  beside = dossier_people_overview_beside_sync (f->library, lavrov, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beside->len, ==, 3);
  g_assert_cmpstr (name_of (beside, 0), ==, "Boris Johnson");
  g_assert_cmpint (articles_of (beside, 0), ==, 4);
  /* one article each: by name */
  g_assert_cmpstr (name_of (beside, 1), ==, "Federica Mogherini");
  g_assert_cmpint (articles_of (beside, 1), ==, 1);
  g_assert_cmpstr (name_of (beside, 2), ==, "John Kerry");
  g_assert_cmpint (articles_of (beside, 2), ==, 1);
  g_clear_pointer (&beside, g_ptr_array_unref);

  beside = dossier_people_overview_beside_sync (f->library, lavrov, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beside->len, ==, 2);
  g_assert_cmpstr (name_of (beside, 1), ==, "Federica Mogherini");
  g_clear_pointer (&beside, g_ptr_array_unref);

  /* Kerry's one quote beside Lavrov rejected: he is gone from the list */
  g_assert_true (dossier_people_reject_sync (f->library,
                                             quote_id (f->library, person (f->library, "John Kerry"),
                                                       "We put a serious proposal on the table"),
                                             &error));
  g_assert_no_error (error);
  beside = dossier_people_overview_beside_sync (f->library, lavrov, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beside->len, ==, 2);
  g_assert_cmpstr (name_of (beside, 0), ==, "Boris Johnson");
  g_assert_cmpstr (name_of (beside, 1), ==, "Federica Mogherini");
}

/* the day of an article's date "YYYY-MM-DD", as a GDate counts them */
static gint64
day_of_date (const char *published)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDate) date = NULL;

  g_assert_nonnull (published);
  g_assert_cmpint (sscanf (published, "%d-%d-%d", &y, &m, &d), ==, 3);
  date = g_date_new_dmy (d, m, y);
  return g_date_get_julian (date);
}

typedef struct
{
  gint64 day;
  gint64 article;
  gint64 start;
  gint64 id;
} PageKey;

static int
compare_page_keys (const void *a,
                   const void *b)
{
  const PageKey *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->article != y->article)
    return x->article < y->article ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Each person's page lists the ids of all their quotes (not rejected)
 * in time order: by their article's day in @days (undated last), the
 * article, where they start, then id; against the same sorted plainly
 * from the person's quotes. */
static void
assert_pages_in_time (DossierTestLibrary *f,
                      GHashTable         *days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPeopleList) list = dossier_people_overview_list_sync (f->library, NULL, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->people->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (list->people, i);
      g_autoptr(GPtrArray) quotes = dossier_people_quotes_sync (f->library, p->id, 0, FALSE, &error);
      g_autoptr(DossierPersonPage) page = NULL;
      g_autofree PageKey *want = NULL;

      g_assert_no_error (error);
      want = g_new (PageKey, MAX (quotes->len, 1));
      for (guint q = 0; q < quotes->len; q++)
        {
          DossierStoredQuote *quote = g_ptr_array_index (quotes, q);
          const gint64 *day = g_hash_table_lookup (days, &quote->article_id);

          want[q].day = day != NULL ? *day : G_MAXINT64;
          want[q].article = quote->article_id;
          want[q].start = quote->start;
          want[q].id = quote->id;
        }
      qsort (want, quotes->len, sizeof (PageKey), compare_page_keys);
      page = dossier_people_overview_page_sync (f->library, p->id, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->quote_ids->len, ==, quotes->len);
      for (guint q = 0; q < quotes->len; q++)
        g_assert_cmpint (g_array_index (page->quote_ids, gint64, q), ==, want[q].id);
    }
}

/* Every sparkline of every person with quotes, against the same counted
 * plainly from each one's quotes and @days (article id to day, for the
 * dated articles); and the library's table of quotes by day against the
 * same counted from the quotes table, row for row, so that a count left
 * behind for a person who has no quotes any more fails too. */
static void
assert_sparklines_exact (DossierTestLibrary *f,
                         GHashTable         *days,
                         gint64              earliest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPeopleList) list = dossier_people_overview_list_sync (f->library, NULL, 0, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) per_person = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) lines = NULL;
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 offset, span;

  g_assert_no_error (error);
  for (guint i = 0; i < list->people->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (list->people, i);
      GPtrArray *quotes;

      quotes = dossier_people_quotes_sync (f->library, p->id, 0, FALSE, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, p->id);
      g_ptr_array_add (per_person, quotes);
    }
  assert_pages_in_time (f, days);
  offset = list->first_jd - earliest;
  span = list->last_jd - list->first_jd + 1;
  lines = dossier_people_overview_sparklines_sync (f->library, (const gint64 *) ids->data, ids->len,
                                                   list->first_jd, list->last_jd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const DossierPersonSpark *line = &g_array_index (lines, DossierPersonSpark, i);
      GPtrArray *quotes = g_ptr_array_index (per_person, i);
      guint want[DOSSIER_SPARK_BUCKETS] = { 0 };

      g_assert_cmpint (line->person_id, ==, g_array_index (ids, gint64, i));
      for (guint q = 0; q < quotes->len; q++)
        {
          DossierStoredQuote *quote = g_ptr_array_index (quotes, q);
          const gint64 *day = g_hash_table_lookup (days, &quote->article_id);

          if (day != NULL)
            want[(*day + offset - list->first_jd) * DOSSIER_SPARK_BUCKETS / span]++;
        }
      for (guint b = 0; b < DOSSIER_SPARK_BUCKETS; b++)
        g_assert_cmpuint (line->buckets[b], ==, want[b]);
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "WITH counted AS (SELECT q.person_id, a.published_jd AS jd, count(*) AS n"
                                       "  FROM quotes q JOIN articles a ON a.id = q.article_id"
                                       "  WHERE q.person_id IS NOT NULL AND q.status < 2 AND a.published_jd IS NOT NULL"
                                       "  GROUP BY 1, 2)"
                                       " SELECT (SELECT count(*) FROM person_days),"
                                       "  (SELECT count(*) FROM counted),"
                                       "  (SELECT count(*) FROM counted c JOIN person_days d"
                                       "    ON d.person_id = c.person_id AND d.jd = c.jd AND d.quotes = c.n)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), >, 0);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, sqlite3_column_int64 (stmt, 1));
  g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* the first of @person_id's quotes in time order; its article in *@article_id */
static gint64
first_quote (DossierLibrary *library,
             gint64          person_id,
             gint64         *article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = dossier_people_quotes_sync (library, person_id, 0, FALSE, &error);
  DossierStoredQuote *q;

  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, >, 0);
  q = g_ptr_array_index (quotes, 0);
  if (article_id != NULL)
    *article_id = q->article_id;
  return q->id;
}

/* the id of a quote of @from's that starts before one of @to's in the
 * same article */
static gint64
quote_before (DossierLibrary *library,
              gint64          from,
              gint64          to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = dossier_people_quotes_sync (library, from, 0, FALSE, &error);
  g_autoptr(GPtrArray) b = dossier_people_quotes_sync (library, to, 0, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        DossierStoredQuote *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, j);

        if (x->article_id == y->article_id && x->start < y->start)
          return x->id;
      }
  g_assert_not_reached ();
  return 0;
}

/* gives article @id the date @date, or none, in the library and in @days */
static void
redate (DossierTestLibrary *f,
        GHashTable         *days,
        gint64              id,
        const char         *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, id, &error);
  DossierDate d = DOSSIER_DATE_INIT;

  g_assert_no_error (error);
  if (date != NULL)
    g_assert_true (dossier_date_from_iso (date, &d));
  dossier_article_set_published (a, &d);
  g_assert_true (dossier_library_update_article_sync (f->library, a, &error));
  g_assert_no_error (error);
  if (date != NULL)
    g_hash_table_insert (days, g_memdup2 (&id, sizeof id), g_memdup2 (&(gint64) { day_of_date (date) }, sizeof (gint64)));
  else
    g_hash_table_remove (days, &id);
}

/* Every line and every count of the people beside, on a library of 60
 * articles with speakers and dates in a fixed mix, against the same
 * counted plainly from each person's quotes. */
static void
test_reference (DossierTestLibrary *f,
                gconstpointer       data)
{
  static const char *const speakers[] = {
    "said Sergei Lavrov, Russia's foreign minister",
    "said Boris Johnson, Britain's foreign secretary",
    "said Federica Mogherini, the EU's foreign policy chief",
    "said John Kerry, the U.S. secretary of state",
    "said Dmitry Peskov, the Kremlin spokesman",
  };
  const guint n_speakers = G_N_ELEMENTS (speakers);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPeopleList) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) per_person = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 offset, span, lavrov, kerry, johnson, mogherini, peskov, article, undated;
  guint checked = 0, n_beside;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2010 + (i * 7) % 11, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
      guint mix = (i * 13 + 5) % 31 + 1;
      gint64 id;

      for (guint s = 0; s < n_speakers; s++)
        if (mix & (1u << s))
          {
            g_string_append_printf (body, "\"Words of article %u from speaker %u,\" %s.\n\n", i, s, speakers[s]);
            if ((i + s) % 4 == 0)
              g_string_append_printf (body, "\"More words of article %u from speaker %u,\" %s.\n\n", i, s, speakers[s]);
            if (s == 0 && i % 3 == 0)
              g_string_append_printf (body, "\"Surname words of article %u,\" Lavrov told reporters.\n\n", i);
          }

      /* the first article is the earliest, with a quote; every fifth
       * undated */
      if (i == 0)
        g_snprintf (date, 11, "2009-06-01");
      id = add (f->library, "Talks", i % 5 == 4 ? NULL : date, body->str);
      g_array_append_val (article_ids, id);
      if (i % 5 != 4)
        g_hash_table_insert (days, g_memdup2 (&id, sizeof id), g_memdup2 (&(gint64) { day_of_date (date) }, sizeof (gint64)));
    }
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), >, 0);
  g_assert_no_error (error);

  list = dossier_people_overview_list_sync (f->library, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->people->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (list->people, i);
      GPtrArray *quotes;

      if (p->quotes == 0)
        continue;
      quotes = dossier_people_quotes_sync (f->library, p->id, 0, FALSE, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, p->id);
      g_ptr_array_add (per_person, quotes);
    }
  g_assert_cmpuint (ids->len, >=, n_speakers);
  offset = list->first_jd - day_of_date ("2009-06-01");
  span = list->last_jd - list->first_jd + 1;

  lines = dossier_people_overview_sparklines_sync (f->library, (const gint64 *) ids->data, ids->len,
                                                   list->first_jd, list->last_jd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const DossierPersonSpark *line = &g_array_index (lines, DossierPersonSpark, i);
      GPtrArray *quotes = g_ptr_array_index (per_person, i);
      guint want[DOSSIER_SPARK_BUCKETS] = { 0 };
      g_autoptr(GHashTable) articles = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GPtrArray) beside = NULL;

      g_assert_cmpint (line->person_id, ==, g_array_index (ids, gint64, i));
      for (guint q = 0; q < quotes->len; q++)
        {
          DossierStoredQuote *quote = g_ptr_array_index (quotes, q);
          const gint64 *day = g_hash_table_lookup (days, &quote->article_id);

          if (day != NULL)
            want[(*day + offset - list->first_jd) * DOSSIER_SPARK_BUCKETS / span]++;
          g_hash_table_add (articles, &quote->article_id);
        }
      for (guint b = 0; b < DOSSIER_SPARK_BUCKETS; b++)
        g_assert_cmpuint (line->buckets[b], ==, want[b]);

      /* the people beside: everyone else quoted in one of these
       * articles, with the number of them */
      beside = dossier_people_overview_beside_sync (f->library, line->person_id, 0, &error);
      g_assert_no_error (error);
      n_beside = 0;
      for (guint j = 0; j < ids->len; j++)
        {
          GPtrArray *others = g_ptr_array_index (per_person, j);
          g_autoptr(GHashTable) shared = g_hash_table_new (g_int64_hash, g_int64_equal);
          gint64 found = 0;

          if (j == i)
            continue;
          for (guint q = 0; q < others->len; q++)
            {
              DossierStoredQuote *quote = g_ptr_array_index (others, q);

              if (g_hash_table_contains (articles, &quote->article_id))
                g_hash_table_add (shared, &quote->article_id);
            }
          for (guint k = 0; k < beside->len; k++)
            {
              DossierPersonSummary *p = g_ptr_array_index (beside, k);

              if (p->id == g_array_index (ids, gint64, j))
                found = p->quotes;
            }
          g_assert_cmpint (found, ==, g_hash_table_size (shared));
          if (found > 0)
            n_beside++;
          checked++;
        }
      g_assert_cmpuint (beside->len, ==, n_beside);
    }
  g_assert_cmpuint (checked, >=, n_speakers * (n_speakers - 1));

  /* the sparklines' counts by day stay exact through each kind of
   * correction and each change of an article; the first article, the
   * earliest, is left as it is */
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));
  lavrov = person (f->library, "Sergei Lavrov");
  kerry = person (f->library, "John Kerry");
  johnson = person (f->library, "Boris Johnson");
  mogherini = person (f->library, "Federica Mogherini");
  peskov = person (f->library, "Dmitry Peskov");

  g_assert_true (dossier_people_rename_sync (f->library, lavrov, "Sergey Lavrov", &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  g_assert_true (dossier_people_reassign_sync (f->library, first_quote (f->library, kerry, NULL), peskov, &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));
  /* corrected, a quote comes after the person's found ones in their
   * index, but on their page before those later in its article */
  g_assert_true (dossier_people_reassign_sync (f->library, quote_before (f->library, kerry, peskov), peskov, &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  g_assert_true (dossier_people_reject_sync (f->library, first_quote (f->library, johnson, NULL), &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  g_assert_cmpint (dossier_people_split_sync (f->library, lavrov, "Lavrov", &error), >, 0);
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  g_assert_true (dossier_people_merge_sync (f->library, johnson, mogherini, &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  /* a body changed: its quotes are found again */
  first_quote (f->library, peskov, &article);
  if (article == g_array_index (article_ids, gint64, 0))
    article = g_array_index (article_ids, gint64, 1);
  g_assert_true (dossier_library_set_body_sync (f->library, article,
                                                "\"New words,\" said Dmitry Peskov, the Kremlin spokesman.\n\n"
                                                "\"Other words,\" said John Kerry, the U.S. secretary of state.",
                                                NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), >, 0);
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  /* dates changed, taken away and given */
  redate (f, days, article, "2016-02-29");
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));
  redate (f, days, g_array_index (article_ids, gint64, 7), NULL);
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));
  undated = g_array_index (article_ids, gint64, 9);
  g_assert_null (g_hash_table_lookup (days, &undated));
  redate (f, days, undated, "2012-03-04");
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));

  /* articles deleted, dated and not */
  for (guint i = 10; i < 16; i++)
    {
      gint64 id = g_array_index (article_ids, gint64, i);

      g_assert_true (dossier_library_delete_article_sync (f->library, id, &error));
      g_assert_no_error (error);
      g_hash_table_remove (days, &id);
    }
  assert_sparklines_exact (f, days, day_of_date ("2009-06-01"));
}

/* A library of format 22, before the quotes counted by day: the table
 * and its triggers come with the upgrade, filled from the quotes, and
 * stay exact through a correction made after it. */
static void
test_upgrade_days (DossierTestLibrary *f,
                   gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  static const char *const dates[] = { "2010-01-01", "2013-05-06", "2016-07-08", "2020-12-31" };
  sqlite3 *db = NULL;
  gint64 lavrov;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *body = g_strdup_printf ("\"Words %u,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
                                               "\"Reply %u,\" said John Kerry, the U.S. secretary of state.", i, i);
      const char *date = i % 4 == 3 ? NULL : dates[i % 4 + (i > 6)];
      gint64 id = add (f->library, "Talks", date, body);

      if (date != NULL)
        g_hash_table_insert (days, g_memdup2 (&id, sizeof id), g_memdup2 (&(gint64) { day_of_date (date) }, sizeof (gint64)));
    }
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), >, 0);
  g_assert_no_error (error);
  dossier_library_close (f->library);
  g_clear_object (&f->library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER quotes_days_ai; DROP TRIGGER quotes_days_ad;"
                                 " DROP TRIGGER quotes_days_au; DROP TRIGGER articles_days_bd;"
                                 " DROP TRIGGER articles_days_au; DROP TABLE person_days;"
                                 " PRAGMA user_version = 22;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (f->library, FALSE, &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2010-01-01"));
  lavrov = person (f->library, "Sergei Lavrov");
  g_assert_true (dossier_people_reject_sync (f->library, first_quote (f->library, lavrov, NULL), &error));
  g_assert_no_error (error);
  assert_sparklines_exact (f, days, day_of_date ("2010-01-01"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/PeopleOverview/sparklines", DossierTestLibrary, NULL,
              fixture_setup, test_sparklines, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleOverview/page", DossierTestLibrary, NULL,
              fixture_setup, test_page, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleOverview/reference", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_reference, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleOverview/upgrade-days", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_upgrade_days, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleOverview/beside-ranking", DossierTestLibrary, NULL,
              fixture_setup, test_beside_ranking, dossier_test_library_teardown);
  return g_test_run ();
}
