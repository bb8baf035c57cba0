/* test-search.c — the search's text, filters, range and sort, without a
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-search.h"
#include "dossier-date.h"

/* Counts what a search emits. */
typedef struct
{
  guint changed;
  guint text;
  guint source;
  guint tag;
  guint has_notes;
  guint range_from;
  guint range_to;
  guint sort;
  guint filters_active;
} Counts;

static void
on_changed_cb (DossierSearch *search,
               Counts        *counts)
{
  counts->changed++;
}

static void
on_notify_cb (DossierSearch *search,
              GParamSpec    *pspec,
              Counts        *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "text"))
    counts->text++;
  else if (g_str_equal (name, "source"))
    counts->source++;
  else if (g_str_equal (name, "tag"))
    counts->tag++;
  else if (g_str_equal (name, "has-notes"))
    counts->has_notes++;
  else if (g_str_equal (name, "range-from"))
    counts->range_from++;
  else if (g_str_equal (name, "range-to"))
    counts->range_to++;
  else if (g_str_equal (name, "sort"))
    counts->sort++;
  else if (g_str_equal (name, "filters-active"))
    counts->filters_active++;
  else
    g_assert_not_reached ();
}

static void
watch (DossierSearch *search,
       Counts        *counts)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (search, "changed", G_CALLBACK (on_changed_cb), counts);
  g_signal_connect (search, "notify", G_CALLBACK (on_notify_cb), counts);
}

static gint64
day (int year,
     int month,
     int d)
{
  DossierDate date = { year, month, d, DOSSIER_DATE_PRECISION_DAY };

  return dossier_date_to_julian (&date);
}

static guint
n_values (GPtrArray *array)
{
  return array ? array->len : 0;
}

static const char *
value_at (GPtrArray *array,
          guint      i)
{
  g_assert_nonnull (array);
  g_assert_cmpuint (i, <, array->len);
  return g_ptr_array_index (array, i);
}

/* A typed source: and a chosen source both hold: the chosen one narrows
 * the typed ones to itself, or to nothing. */
static void
test_typed_source (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) chosen = NULL;
  g_autoptr(DossierQuery) agree = NULL;
  g_autoptr(DossierQuery) disagree = NULL;
  g_autoptr(DossierQuery) typed = NULL;

  /* a chosen source alone */
  dossier_search_set_source (search, "Test Wire");
  chosen = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (chosen->sources), ==, 1);
  g_assert_cmpstr (value_at (chosen->sources, 0), ==, "Test Wire");

  /* typed among others, in another case: the chosen one */
  dossier_search_set_text (search, "harbour source:\"test wire\" source:Gazette");
  agree = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (agree->sources), ==, 1);
  g_assert_cmpstr (value_at (agree->sources, 0), ==, "Test Wire");
  g_assert_nonnull (agree->fts);

  /* typed, but another: nothing matches */
  dossier_search_set_text (search, "harbour source:Gazette");
  disagree = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (disagree->sources), ==, 1);
  g_assert_cmpstr (value_at (disagree->sources, 0), ==, "");

  /* without a chosen source, the typed ones as they are; "" chooses none */
  dossier_search_set_source (search, "");
  g_assert_null (dossier_search_get_source (search));
  typed = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (typed->sources), ==, 1);
  g_assert_cmpstr (value_at (typed->sources, 0), ==, "Gazette");
}

/* The timeline's range narrows a typed published:; a saved search brings
 * its own filters and drops the chosen ones, range included. */
static void
test_range_and_saved (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) ranged = NULL;
  g_autoptr(DossierQuery) narrowed = NULL;
  g_autoptr(DossierQuery) saved = NULL;
  Counts counts;

  dossier_search_set_range (search, day (2013, 3, 1), day (2013, 9, 30));
  ranged = dossier_search_dup_query (search);
  g_assert_cmpint (ranged->from_jd, ==, day (2013, 3, 1));
  g_assert_cmpint (ranged->to_jd, ==, day (2013, 9, 30));
  g_assert_true (dossier_search_get_filters (search) == DOSSIER_SEARCH_FILTER_RANGE);

  /* typed 2013-06..2014: both hold */
  dossier_search_set_text (search, "published:2013-06..2014");
  narrowed = dossier_search_dup_query (search);
  g_assert_cmpint (narrowed->from_jd, ==, day (2013, 6, 1));
  g_assert_cmpint (narrowed->to_jd, ==, day (2013, 9, 30));

  watch (search, &counts);
  dossier_search_set_tag (search, "dredge");
  g_assert_cmpuint (counts.changed, ==, 1);
  dossier_search_apply_saved (search, "dredging published:2012");
  /* one change for the list, though four properties moved */
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.text, ==, 1);
  g_assert_cmpuint (counts.tag, ==, 2);
  g_assert_cmpuint (counts.range_from, ==, 1);
  g_assert_cmpuint (counts.range_to, ==, 1);
  g_assert_cmpuint (counts.filters_active, ==, 1);
  g_assert_false (dossier_search_get_filters_active (search));
  g_assert_cmpint (dossier_search_get_range_from (search), ==, -1);
  g_assert_cmpint (dossier_search_get_range_to (search), ==, -1);
  g_assert_cmpstr (dossier_search_get_text (search), ==, "dredging published:2012");
  saved = dossier_search_dup_query (search);
  g_assert_cmpint (saved->from_jd, ==, day (2012, 1, 1));
  g_assert_cmpint (saved->to_jd, ==, day (2012, 12, 31));
  g_assert_cmpuint (n_values (saved->tags), ==, 0);
}

/* The person filter: a chip of its own, person:NAME in the query and in
 * a saved search's text, and taken away with the others */
static void
test_person (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) query = NULL;
  g_autofree char *text = NULL;

  dossier_search_set_text (search, "talks");
  dossier_search_set_person (search, "Sergei Lavrov");
  g_assert_cmpstr (dossier_search_get_person (search), ==, "Sergei Lavrov");
  g_assert_true (dossier_search_get_filters (search) == DOSSIER_SEARCH_FILTER_PERSON);
  query = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (query->people), ==, 1);
  g_assert_cmpstr (value_at (query->people, 0), ==, "Sergei Lavrov");
  text = dossier_search_to_text (search);
  g_assert_cmpstr (text, ==, "talks person:\"Sergei Lavrov\"");

  dossier_search_remove_filters (search, DOSSIER_SEARCH_FILTER_PERSON);
  g_assert_null (dossier_search_get_person (search));
  g_assert_false (dossier_search_get_filters_active (search));
  dossier_search_set_person (search, "Kerry");
  dossier_search_clear (search);
  g_assert_null (dossier_search_get_person (search));
  g_assert_cmpstr (dossier_search_get_text (search), ==, "talks");
}

/* Clearing takes every filter away at once and keeps the typed text;
 * each chip takes away its own. */
static void
test_clear (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) query = NULL;
  Counts counts;

  dossier_search_set_text (search, "ferry");
  dossier_search_set_source (search, "Test Wire");
  dossier_search_set_tag (search, "strike");
  dossier_search_set_has_notes (search, TRUE);
  dossier_search_set_range_to (search, day (2013, 1, 1));
  g_assert_cmpint (dossier_search_get_filters (search), ==,
                   DOSSIER_SEARCH_FILTER_SOURCE | DOSSIER_SEARCH_FILTER_TAG |
                   DOSSIER_SEARCH_FILTER_HAS_NOTES | DOSSIER_SEARCH_FILTER_RANGE);

  watch (search, &counts);
  /* one chip: only its filter goes */
  dossier_search_remove_filters (search, DOSSIER_SEARCH_FILTER_TAG);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.tag, ==, 1);
  g_assert_null (dossier_search_get_tag (search));
  g_assert_cmpint (dossier_search_get_filters (search), ==,
                   DOSSIER_SEARCH_FILTER_SOURCE | DOSSIER_SEARCH_FILTER_HAS_NOTES | DOSSIER_SEARCH_FILTER_RANGE);
  /* a chip for nothing in force changes nothing */
  dossier_search_remove_filters (search, DOSSIER_SEARCH_FILTER_TAG);
  g_assert_cmpuint (counts.changed, ==, 1);

  dossier_search_clear (search);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.source, ==, 1);
  g_assert_cmpuint (counts.has_notes, ==, 1);
  g_assert_cmpuint (counts.range_from, ==, 0);
  g_assert_cmpuint (counts.range_to, ==, 1);
  g_assert_cmpuint (counts.text, ==, 0);
  g_assert_cmpuint (counts.filters_active, ==, 1);
  g_assert_cmpint (dossier_search_get_filters (search), ==, DOSSIER_SEARCH_FILTER_NONE);
  g_assert_cmpstr (dossier_search_get_text (search), ==, "ferry");

  query = dossier_search_dup_query (search);
  g_assert_cmpuint (n_values (query->sources), ==, 0);
  g_assert_cmpuint (n_values (query->tags), ==, 0);
  g_assert_false (query->has_notes);
  g_assert_cmpint (query->from_jd, ==, -1);
  g_assert_cmpint (query->to_jd, ==, -1);

  /* clearing again: nothing to tell */
  dossier_search_clear (search);
  g_assert_cmpuint (counts.changed, ==, 2);
}

/* The chosen sort holds; relevance needs words to rank by. */
static void
test_sort (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) fresh = dossier_search_dup_query (search);
  g_autoptr(DossierQuery) no_words = NULL;
  g_autoptr(DossierQuery) words = NULL;
  g_autoptr(DossierQuery) title = NULL;
  Counts counts;

  g_assert_cmpint (fresh->sort, ==, DOSSIER_SORT_DATE_DESC);
  g_assert_true (fresh->sort_set);

  watch (search, &counts);
  dossier_search_set_sort (search, DOSSIER_SORT_RELEVANCE);
  g_assert_cmpuint (counts.sort, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpint (dossier_search_get_sort (search), ==, DOSSIER_SORT_RELEVANCE);
  no_words = dossier_search_dup_query (search);
  g_assert_cmpint (no_words->sort, ==, DOSSIER_SORT_DATE_DESC);

  dossier_search_set_text (search, "harbour");
  words = dossier_search_dup_query (search);
  g_assert_cmpint (words->sort, ==, DOSSIER_SORT_RELEVANCE);

  g_object_set (search, "sort", DOSSIER_SORT_TITLE, NULL);
  title = dossier_search_dup_query (search);
  g_assert_cmpint (title->sort, ==, DOSSIER_SORT_TITLE);
  g_assert_cmpuint (counts.sort, ==, 2);
}

/* Each setter notifies its property once and the search changes once;
 * setting what is already there emits nothing. */
static void
test_notify (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  Counts counts;

  watch (search, &counts);
  dossier_search_set_text (search, "quay");
  dossier_search_set_text (search, "quay");
  g_assert_cmpuint (counts.text, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.filters_active, ==, 0);

  dossier_search_set_source (search, "Quay Gazette");
  dossier_search_set_source (search, "Quay Gazette");
  g_assert_cmpuint (counts.source, ==, 1);
  g_assert_cmpuint (counts.filters_active, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 2);

  g_object_set (search, "tag", "dredge", "has-notes", TRUE, NULL);
  g_object_set (search, "tag", "dredge", "has-notes", TRUE, NULL);
  g_assert_cmpuint (counts.tag, ==, 1);
  g_assert_cmpuint (counts.has_notes, ==, 1);
  /* already active: no second notification */
  g_assert_cmpuint (counts.filters_active, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 4);

  dossier_search_set_range (search, day (2012, 1, 1), -1);
  dossier_search_set_range (search, day (2012, 1, 1), -1);
  g_assert_cmpuint (counts.range_from, ==, 1);
  g_assert_cmpuint (counts.range_to, ==, 0);
  g_assert_cmpuint (counts.changed, ==, 5);
  /* anything below -1 is an open end too */
  dossier_search_set_range_to (search, -7);
  g_assert_cmpint (dossier_search_get_range_to (search), ==, -1);
  g_assert_cmpuint (counts.changed, ==, 5);

  dossier_search_set_sort (search, DOSSIER_SORT_DATE_DESC);
  g_assert_cmpuint (counts.sort, ==, 0);
  g_assert_cmpuint (counts.changed, ==, 5);
}

static void
assert_same_values (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (n_values (a), ==, n_values (b));
  for (guint i = 0; i < n_values (a); i++)
    g_assert_cmpstr (value_at (a, i), ==, value_at (b, i));
}

/* The filters written as text read back, through the query parser, as the
 * query they make. */
static void
test_to_text (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autofree char *empty = dossier_search_to_text (search);
  g_autofree char *text = NULL;
  g_autofree char *spaced = NULL;
  g_autoptr(DossierQuery) query = NULL;
  g_autoptr(DossierQuery) parsed = NULL;
  g_autoptr(DossierQuery) spaced_query = NULL;

  g_assert_cmpstr (empty, ==, "");

  dossier_search_set_text (search, "  quay");
  dossier_search_set_tag (search, "dredge");
  dossier_search_set_has_notes (search, TRUE);
  dossier_search_set_range (search, day (2012, 1, 1), day (2012, 12, 31));
  text = dossier_search_to_text (search);
  g_assert_cmpstr (text, ==, "quay tag:dredge has:notes published:2012-01-01..2012-12-31");

  query = dossier_search_dup_query (search);
  parsed = dossier_query_parse (text, TRUE);
  g_assert_cmpstr (parsed->fts, ==, query->fts);
  assert_same_values (parsed->tags, query->tags);
  assert_same_values (parsed->sources, query->sources);
  g_assert_cmpint (parsed->has_notes, ==, query->has_notes);
  g_assert_cmpint (parsed->from_jd, ==, query->from_jd);
  g_assert_cmpint (parsed->to_jd, ==, query->to_jd);

  /* a source with spaces is quoted; a quote inside it cannot be */
  dossier_search_clear (search);
  dossier_search_set_text (search, "");
  dossier_search_set_source (search, "The \"Moscow\" Times");
  dossier_search_set_range_from (search, day (2013, 6, 3));
  spaced = dossier_search_to_text (search);
  g_assert_cmpstr (spaced, ==, "source:\"The  Moscow  Times\" published:2013-06-03..");
  spaced_query = dossier_query_parse (spaced, TRUE);
  g_assert_cmpuint (n_values (spaced_query->sources), ==, 1);
  g_assert_cmpstr (value_at (spaced_query->sources, 0), ==, "The  Moscow  Times");
  g_assert_cmpint (spaced_query->from_jd, ==, day (2013, 6, 3));
  g_assert_cmpint (spaced_query->to_jd, ==, -1);

  /* and applied as a saved search, it is the same search again */
  {
    g_autoptr(DossierSearch) again = dossier_search_new ();
    g_autoptr(DossierQuery) again_query = NULL;

    dossier_search_apply_saved (again, text);
    again_query = dossier_search_dup_query (again);
    g_assert_cmpstr (again_query->fts, ==, query->fts);
    assert_same_values (again_query->tags, query->tags);
    g_assert_cmpint (again_query->has_notes, ==, query->has_notes);
    g_assert_cmpint (again_query->from_jd, ==, query->from_jd);
    g_assert_cmpint (again_query->to_jd, ==, query->to_jd);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Search/typed-source", test_typed_source);
  g_test_add_func ("/Dossier/Search/range-and-saved", test_range_and_saved);
  g_test_add_func ("/Dossier/Search/person", test_person);
  g_test_add_func ("/Dossier/Search/clear", test_clear);
  g_test_add_func ("/Dossier/Search/sort", test_sort);
  g_test_add_func ("/Dossier/Search/notify", test_notify);
  g_test_add_func ("/Dossier/Search/to-text", test_to_text);
  return g_test_run ();
}
