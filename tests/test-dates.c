/* test-dates.c — suggested dates in a library: working them out,
 * accepting, dismissing, never touching a date the user set, is:suggested,
 * and the step from schema 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uses tests/data/dates (dated articles written for the test).  The seeds
 * test also uses ../shared/corpora/seeds and is skipped without it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-dates.h"

typedef struct
{
  char           *dir;
  DossierLibrary *library;
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-dates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = dossier_library_new (path);
  dossier_library_open_sync (f->library, TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_library_close (f->library);
  g_clear_object (&f->library);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
import_paths (DossierLibrary     *library,
              const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((DossierImportResult *) g_ptr_array_index (results, i))->status, ==,
                     DOSSIER_IMPORT_IMPORTED);
}

static gint64
add (DossierLibrary    *library,
     const char        *title,
     const char        *body,
     const DossierDate *date,
     DossierDateOrigin  origin)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_body (a, body);
  if (date != NULL)
    {
      dossier_article_set_published (a, date);
      dossier_article_set_date_origin (a, origin);
    }
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static DossierStoredSuggestion *
find_maybe (GPtrArray *list,
            gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    if (((DossierStoredSuggestion *) g_ptr_array_index (list, i))->article_id == id)
      return g_ptr_array_index (list, i);
  return NULL;
}

static DossierStoredSuggestion *
find (GPtrArray *list,
      gint64     id)
{
  DossierStoredSuggestion *s = find_maybe (list, id);

  if (s == NULL)
    g_error ("article %" G_GINT64_FORMAT " is not listed", id);
  return s;
}

static guint
count_matching (DossierLibrary *library,
                const char     *text,
                gint64          id)
{
  g_autoptr(DossierQuery) q = dossier_query_parse (text, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = dossier_library_search_sync (library, q, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (id == 0 || dossier_article_get_id (g_ptr_array_index (found, i)) == id)
      n++;
  return n;
}

/* written for the test: the Clinton story of tests/data/dates told again */
static const char retold[] =
  "Clinton and Lavrov Differ Over Iran\n\n"
  "Hillary Clinton pressed Moscow on Thursday over the Iranian reactor.\n\n"
  "\"In the absence of those reassurances, we think it would be premature to go forward "
  "with any project at this time because we want to send an unequivocal message to the "
  "Iranians,\" Clinton said after her talks with Lavrov.\n\n"
  "She was to see Medvedev and Putin before flying home.";

static void
test_suggest_accept_dismiss (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dates = g_build_filename (TEST_DATA_DIR, "dates", NULL);
  const char *paths[] = { dates, NULL };
  DossierDate year = { 2010, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_auto(GStrv) evidence = NULL;
  gint64 undated, by_hand, bare, n;
  DossierStoredSuggestion *s;

  import_paths (f->library, paths);
  undated = add (f->library, "Clinton and Lavrov Differ Over Iran", retold, NULL, 0);
  /* the same story, dated by hand to its year only: never changed */
  {
    g_autofree char *again = g_strconcat (retold, "\n\nShe left on Saturday.", NULL);

    by_hand = add (f->library, "Clinton in Moscow", again, &year, DOSSIER_DATE_ORIGIN_USER);
  }
  bare = add (f->library, "A Note", "Nothing in this text says when it was written at all.", NULL, 0);

  n = dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);

  s = find (list, undated);
  g_assert_cmpint (s->date.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpint (s->date.year, ==, 2010);
  g_assert_cmpint (s->date.month, ==, 3);
  g_assert_cmpint (s->date.day, ==, 18);
  g_assert_cmpfloat (s->confidence, >=, 0.5);
  g_assert_nonnull (s->evidence[0]);
  g_assert_nonnull (strstr (s->evidence[0], "same passages as article"));
  g_assert_cmpint (find (list, by_hand)->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
  g_assert_cmpint (find (list, bare)->date.precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);

  /* is:suggested finds it; is:undated still finds every undated one */
  g_assert_cmpuint (count_matching (f->library, "is:suggested", 0), ==, 1);
  g_assert_cmpuint (count_matching (f->library, "is:suggested", undated), ==, 1);
  g_assert_cmpuint (count_matching (f->library, "is:undated", 0), ==, 2);

  /* a date the user set is never overwritten */
  g_assert_false (dossier_dates_accept_sync (f->library, by_hand, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  article = dossier_library_get_article_sync (f->library, by_hand, &error);
  g_assert_cmpint (dossier_article_get_published (article)->precision, ==, DOSSIER_DATE_PRECISION_YEAR);
  g_assert_cmpint (dossier_article_get_date_origin (article), ==, DOSSIER_DATE_ORIGIN_USER);
  g_clear_object (&article);
  /* nothing to accept */
  g_assert_false (dossier_dates_accept_sync (f->library, bare, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* accepting makes it the date, inferred, with its evidence */
  g_assert_true (dossier_dates_accept_sync (f->library, undated, &error));
  g_assert_no_error (error);
  article = dossier_library_get_article_sync (f->library, undated, &error);
  g_assert_cmpint (dossier_article_get_date_origin (article), ==, DOSSIER_DATE_ORIGIN_INFERRED);
  {
    g_autofree char *published = dossier_article_dup_published_string (article);

    g_assert_cmpstr (published, ==, "2010-03-18");
  }
  evidence = dossier_dates_get_evidence_sync (f->library, undated, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence[0]);
  g_assert_nonnull (strstr (evidence[0], "same passages as article"));
  g_assert_cmpuint (count_matching (f->library, "is:suggested", 0), ==, 0);
  g_assert_cmpuint (count_matching (f->library, "is:undated", 0), ==, 1);

  /* working them out again leaves the accepted date alone */
  dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_null (find_maybe (list, undated));
}

static void
test_dismiss_and_accept_above (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dates = g_build_filename (TEST_DATA_DIR, "dates", NULL);
  const char *paths[] = { dates, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 one, two, weak;

  import_paths (f->library, paths);
  one = add (f->library, "Retold", retold, NULL, 0);
  two = add (f->library, "Dateline", "MOSCOW, March 19, 2010 (Capital Wire) — Talks went on.", NULL, 0);
  weak = add (f->library, "Weak", "The round of March 3, 2010, collapsed; they met on Thursday.", NULL, 0);
  dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (dossier_dates_dismiss_sync (f->library, one, &error));
  g_assert_no_error (error);
  /* twice: nothing left to dismiss */
  g_assert_false (dossier_dates_dismiss_sync (f->library, one, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_matching (f->library, "is:suggested", one), ==, 0);

  /* a dismissed suggestion stays dismissed when worked out again */
  dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_cmpint (find (list, one)->state, ==, DOSSIER_SUGGESTION_DISMISSED);

  /* only the confident one is accepted */
  g_assert_cmpint (dossier_dates_accept_above_sync (f->library, 0.5, &error), ==, 1);
  g_assert_no_error (error);
  {
    g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, two, &error);
    g_autoptr(DossierArticle) b = dossier_library_get_article_sync (f->library, weak, &error);
    g_autoptr(DossierArticle) c = dossier_library_get_article_sync (f->library, one, &error);

    g_assert_cmpint (dossier_article_get_date_origin (a), ==, DOSSIER_DATE_ORIGIN_INFERRED);
    g_assert_cmpint (dossier_article_get_published (b)->precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
    g_assert_cmpint (dossier_article_get_published (c)->precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);
  }
}

static void
test_migrate_v3 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);
  g_assert_cmpint (dossier_dates_suggest_sync (library, TRUE, NULL, &error), ==, 1);
  g_assert_no_error (error);
  list = dossier_dates_list_sync (library, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((DossierStoredSuggestion *) g_ptr_array_index (list, 0))->date.year, ==, 2010);
  dossier_library_close (library);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (version, ==, DOSSIER_STORE_SCHEMA_VERSION);
  remove_tree (dir);
}

/* The seeds' three undated Moscow Times articles, imported with the
 * dated articles of tests/data/dates, get their days within one. */
static void
test_seeds (Fixture       *f,
            gconstpointer  data)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *seeds = g_build_filename (shared ? shared : "../shared", "corpora", "seeds", NULL);
  g_autofree char *dates = g_build_filename (TEST_DATA_DIR, "dates", NULL);
  static const struct { const char *prefix; const char *from; const char *to; } want[] = {
    { "000_", "2012-05-06", "2012-05-09" },
    { "001_", "2014-07-03", "2014-07-05" },
    { "002_", "2010-03-17", "2010-03-19" },
  };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpora/seeds is absent");
      return;
    }
  dir = g_dir_open (seeds, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      if (g_str_has_prefix (name, want[i].prefix))
        g_ptr_array_add (paths, g_build_filename (seeds, name, NULL));
  g_assert_cmpuint (paths->len, ==, 3);
  g_ptr_array_add (paths, g_strdup (dates));
  g_ptr_array_add (paths, NULL);
  import_paths (f->library, (const char * const *) paths->pdata);

  dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  g_assert_no_error (error);
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);
      g_autofree char *got = dossier_date_to_string (&s->date);
      g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, s->article_id, &error);
      const char *file = dossier_article_get_file_name (a);
      gboolean checked = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (want); k++)
        if (file != NULL && g_str_has_prefix (file, want[k].prefix))
          {
            g_test_message ("%s: %s (%.2f) %s", file, got, s->confidence, s->evidence[0]);
            g_assert_nonnull (got);
            g_assert_cmpstr (got, >=, want[k].from);
            g_assert_cmpstr (got, <=, want[k].to);
            checked = TRUE;
          }
      g_assert_true (checked);
    }
}

/* A saved page without a date: the dates of its file that import did not
 * take are kept with it and become its suggestion's evidence */
static void
test_file_hints (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *page = g_build_filename (TEST_DATA_DIR, "html-dates", "hints.html", NULL);
  g_autofree char *dated = g_build_filename (TEST_DATA_DIR, "html-dates", "jsonld-webpage.html", NULL);
  const char *paths[] = { page, NULL };
  const char *dated_paths[] = { dated, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DossierArticle) article = NULL;
  DossierStoredSuggestion *s;
  gint64 n;

  import_paths (f->library, paths);
  n = dossier_dates_suggest_sync (f->library, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->date.precision, ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpint (s->date.year, ==, 2016);
  g_assert_cmpint (s->date.month, ==, 5);
  g_assert_nonnull (strstr (s->evidence[0], "picture"));

  /* the hints stay with the article (and go with it), not with a dated one */
  article = dossier_library_get_article_sync (f->library, s->article_id, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_delete_article_sync (f->library, s->article_id, &error));
  g_assert_no_error (error);
  import_paths (f->library, dated_paths);
  {
    g_autofree char *db = g_build_filename (f->dir, "library.db", NULL);
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM date_hints", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Dates/suggest-accept", Fixture, NULL, fixture_setup, test_suggest_accept_dismiss, fixture_teardown);
  g_test_add ("/Dossier/Dates/dismiss-accept-above", Fixture, NULL, fixture_setup, test_dismiss_and_accept_above, fixture_teardown);
  g_test_add_func ("/Dossier/Dates/migrate-v3", test_migrate_v3);
  g_test_add ("/Dossier/Dates/file-hints", Fixture, NULL, fixture_setup, test_file_hints, fixture_teardown);
  g_test_add ("/Dossier/Dates/seeds", Fixture, NULL, fixture_setup, test_seeds, fixture_teardown);

  return g_test_run ();
}
