/* test-search-index.c — the search index rebuilt in the background as
 * the window runs it (DossierSearchIndex), while the window goes on
 * asking the library for pages of its list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "dossier-library.h"
#include "dossier-search-index.h"
#include "dossier-store.h"
#include "dossier-test-util.h"

/* more than a rebuild that nobody waits on indexes at once */
#define N_ARTICLES 2400
#define PAGE 40

static gpointer
insert_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *title = g_strdup_printf ("Harbour report %u", i);
      g_autofree char *body = g_strdup_printf ("Delegates negotiated the sanctions on berth %u for a week. "
                                               "The harbour master said the channel had silted faster than "
                                               "anyone forecast, and the council chair promised dredging "
                                               "before the autumn storms.", i);

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      if (dossier_store_insert_article (store, a, NULL, error) <= 0)
        {
          dossier_store_rollback (store);
          return NULL;
        }
    }
  return dossier_store_commit (store, error) ? GINT_TO_POINTER (1) : NULL;
}

typedef struct
{
  DossierLibrary     *library;
  DossierSearchIndex *index;
  gboolean            started;
  gboolean            finished;
  guint               steps;    /* progress told while running */
  gboolean            asked;
  gboolean            loaded;
  guint               n_loaded;
  gboolean            loaded_while_running;
} Watch;

/* How many b-trees (segments) the articles' index is made of: FTS5
 * numbers a segment's pages from (segment id << 37) */
static gint64
count_segments (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(DISTINCT id >> 37) FROM articles_fts_data"
                                           " WHERE id >= (1 << 37)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Watch *w = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, &error);

  g_assert_no_error (error);
  w->n_loaded = articles->len;
  w->loaded_while_running = dossier_search_index_get_running (w->index);
  w->loaded = TRUE;
}

static void
on_running_cb (DossierSearchIndex *index,
               GParamSpec         *pspec,
               Watch              *w)
{
  if (dossier_search_index_get_running (index))
    w->started = TRUE;
  else if (w->started)
    w->finished = TRUE;
}

static void
on_progress_cb (DossierSearchIndex *index,
                GParamSpec         *pspec,
                Watch              *w)
{
  double progress = dossier_search_index_get_progress (index);

  if (!dossier_search_index_get_running (index) || progress <= 0 || progress >= 1)
    return;
  w->steps++;
  /* the window shows its list meanwhile: a page of it */
  if (!w->asked)
    {
      gint64 ids[PAGE];

      for (guint i = 0; i < PAGE; i++)
        ids[i] = N_ARTICLES - i;
      w->asked = TRUE;
      dossier_library_load_articles_async (w->library, ids, PAGE, NULL, NULL, on_loaded_cb, w);
    }
}

/* The rebuild goes in short slices: a page of the list asked for while
 * it runs comes back while it still runs, not after it.  At the end, the
 * index the slices wrote as many segments is merged into one. */
static void
test_list_while_rebuilt (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierQuery) query = dossier_query_parse ("sanction", FALSE);
  g_autoptr(GPtrArray) hits = NULL;
  Watch w = { NULL };
  sqlite3 *db = NULL;

  w.library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (w.library, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dossier_store_run (dossier_library_get_store (w.library), insert_op, NULL, NULL, &error));
  g_assert_no_error (error);
  dossier_library_close (w.library);
  g_object_unref (w.library);

  /* an index of another tokenizer's: rebuilt on the next opening */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');"
                                     "UPDATE search_tokenizer SET version = 'dossier-0'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  w.library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (w.library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_search_index_remaining_sync (w.library, NULL, &error), ==, N_ARTICLES);

  w.index = dossier_search_index_new (w.library);
  g_signal_connect (w.index, "notify::running", G_CALLBACK (on_running_cb), &w);
  g_signal_connect (w.index, "notify::progress", G_CALLBACK (on_progress_cb), &w);
  dossier_test_wait_until (w.finished && w.loaded);

  g_assert_true (w.asked);
  g_assert_cmpuint (w.n_loaded, ==, PAGE);
  g_assert_true (w.loaded_while_running);
  /* told as it went, slice after slice */
  g_assert_cmpuint (w.steps, >=, 3);
  g_assert_cmpint (dossier_search_index_remaining_sync (w.library, NULL, &error), ==, 0);
  g_assert_no_error (error);
  hits = dossier_library_search_sync (w.library, query, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_ARTICLES);

  g_object_unref (w.index);
  dossier_library_close (w.library);
  g_object_unref (w.library);
  g_assert_cmpint (count_segments (path), ==, 1);
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/SearchIndex/list-while-rebuilt", test_list_while_rebuilt);

  return g_test_run ();
}
