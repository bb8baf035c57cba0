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

/* --- the index's segments merged ----------------------------------------- */

#define N_IMPORTS 4
#define FILES_PER_IMPORT 100

static const char * const words[] = {
  "harbour", "dredging", "council", "sanctions", "ferry", "storm", "pilot", "tariff", "cargo",
  "quay", "negotiated", "mayor", "budget", "channel", "lighthouse", "fishermen", "ledger",
  "inspector", "tender", "berth", "crane", "customs", "vessel", "tide", "warehouse",
};

/* a folder of @n text files, each of its own words (no two alike) */
static char *
write_folder (const char *dir,
              guint       import,
              guint       n)
{
  g_autofree char *name = g_strdup_printf ("import-%u", import);
  char *folder = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/report-%u.txt", folder, i);
      g_autoptr(GString) text = g_string_new (NULL);
      guint seed = import * 7919 + i * 104729;

      g_string_append_printf (text, "Harbour report %u of batch %u\n\n", i, import);
      for (guint w = 0; w < 200; w++)
        {
          seed = seed * 1103515245 + 12345;
          g_string_append_printf (text, "%s%s", w % 12 == 0 ? "The " : "",
                                  words[(seed >> 16) % G_N_ELEMENTS (words)]);
          /* a word of its own, now and then */
          if (w % 3 == 2)
            g_string_append_printf (text, "%u", (seed >> 8) % 50);
          g_string_append (text, w % 12 == 11 ? ".\n" : " ");
        }
      g_assert_true (g_file_set_contents (file, text->str, text->len, &error));
      g_assert_no_error (error);
    }
  return folder;
}

static void
import_folder (DossierLibrary *library,
               const char     *folder)
{
  const char *paths[] = { folder, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, FILES_PER_IMPORT);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((DossierImportResult *) g_ptr_array_index (results, i))->status, ==, DOSSIER_IMPORT_IMPORTED);
}

static const char * const queries[] = { "harbour", "sanction", "ferry7", "negotiate tide3", "\"cargo quay\"", "light*" };

/* the ids each query finds, in order, one list a query */
static GPtrArray *
search_all (DossierLibrary *library)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(DossierQuery) query = dossier_query_parse (queries[q], FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = dossier_library_search_sync (library, query, 0, &error);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_assert_no_error (error);
      for (guint i = 0; i < hits->len; i++)
        {
          gint64 id = dossier_article_get_id (g_ptr_array_index (hits, i));

          g_array_append_val (ids, id);
        }
      g_ptr_array_add (found, ids);
    }
  return found;
}

static void
assert_same_results (GPtrArray *before,
                     GPtrArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint q = 0; q < before->len; q++)
    {
      GArray *a = g_ptr_array_index (before, q), *b = g_ptr_array_index (after, q);

      g_test_message ("%s: %u articles", queries[q], a->len);
      g_assert_cmpuint (a->len, >, 0);
      g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
    }
}

static gint64
segments (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  gint64 n = dossier_search_index_segments_sync (library, &error);

  g_assert_no_error (error);
  return n;
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_library_import_finish (DOSSIER_LIBRARY (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, FILES_PER_IMPORT);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((DossierImportResult *) g_ptr_array_index (results, i))->status, ==, DOSSIER_IMPORT_DUPLICATE);
  *(gboolean *) user_data = TRUE;
}

/* Imports in a row, each of fewer articles than an import's batch, as
 * the command line makes them: FTS5 merges four segments of a level as
 * it writes, yet leaves more than four; their folders */
static GPtrArray *
import_in_a_row (DossierTestLibrary *t)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_IMPORTS; i++)
    {
      g_ptr_array_add (folders, write_folder (t->dir, i, FILES_PER_IMPORT));
      import_folder (t->library, g_ptr_array_index (folders, i));
    }
  g_assert_cmpint (segments (t->library), >, 4);
  /* as many as the b-trees' pages tell */
  {
    g_autofree char *path = g_build_filename (t->dir, "library.db", NULL);

    g_assert_cmpint (segments (t->library), ==, count_segments (path));
  }
  return folders;
}

/* After an import in the window, the index the imports left in many
 * segments is merged in the background into one, and every search finds
 * what it found before, in the same order. */
static void
test_merged_after_imports (void)
{
  g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
  g_autoptr(GPtrArray) folders = import_in_a_row (t);
  g_autoptr(GPtrArray) before = search_all (t->library);
  g_autoptr(GPtrArray) after = NULL;
  gboolean imported = FALSE;
  guint slices = 0;

  /* an import whose files are all there already: it adds no article, so
   * the searches' results stay comparable, and it ends as any other */
  dossier_library_import_async (t->library, (const char * const []) { g_ptr_array_index (folders, 0), NULL },
                                NULL, NULL, NULL, NULL, on_imported_cb, &imported);
  dossier_test_wait_until (imported && !dossier_search_index_get_merging (t->library, &slices, NULL));
  g_assert_cmpuint (slices, >=, 2);
  g_assert_cmpint (segments (t->library), ==, 1);
  after = search_all (t->library);
  assert_same_results (before, after);
}

/* The library opened again, as at the app's next start (the old one
 * closed and dropped) */
static void
reopen (DossierTestLibrary *t)
{
  g_autofree char *path = g_build_filename (t->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;

  dossier_library_close (t->library);
  g_object_unref (t->library);
  t->library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (t->library, FALSE, &error));
  g_assert_no_error (error);
}

/* A window's DossierSearchIndex on @t's library, its work done: the
 * index merged into one segment, with @before's search results */
static void
assert_merged_by_window (DossierTestLibrary *t,
                         GPtrArray          *before)
{
  g_autoptr(DossierSearchIndex) index = dossier_search_index_new (t->library);
  g_autoptr(GPtrArray) after = NULL;
  guint slices = 0;

  dossier_test_wait_until ((dossier_search_index_get_merging (t->library, &slices, NULL), slices > 0) &&
                           !dossier_search_index_get_merging (t->library, NULL, NULL));
  g_assert_false (dossier_search_index_get_running (index));
  g_assert_cmpint (segments (t->library), ==, 1);
  after = search_all (t->library);
  assert_same_results (before, after);
}

/* A library left with its index in many segments (by an older version,
 * or a run that quit before merging) has it merged once opened in a
 * window, which makes a DossierSearchIndex */
static void
test_merged_at_opening (void)
{
  g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
  g_autoptr(GPtrArray) folders = import_in_a_row (t);
  g_autoptr(GPtrArray) before = search_all (t->library);

  reopen (t);
  g_assert_cmpint (segments (t->library), >, 4);
  assert_merged_by_window (t, before);
}

/* The app quit during the merge: each slice was saved on its own, the
 * searches find what they found, and the next opening finishes it */
static void
test_merge_stopped (void)
{
  g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
  g_autoptr(GPtrArray) folders = import_in_a_row (t);
  g_autoptr(GPtrArray) before = search_all (t->library);
  g_autoptr(GPtrArray) between = NULL;
  guint slices = 0;

  dossier_search_index_merge_in_background (t->library);
  /* closed after the slice that counted and one that merged */
  dossier_test_wait_until ((dossier_search_index_get_merging (t->library, &slices, NULL), slices >= 2));
  dossier_library_close (t->library);
  dossier_test_wait_until (!dossier_search_index_get_merging (t->library, NULL, NULL));
  reopen (t);
  g_test_message ("%" G_GINT64_FORMAT " segments after %u slices", segments (t->library), slices);
  between = search_all (t->library);
  assert_same_results (before, between);
  assert_merged_by_window (t, before);
}

/* dossier-cli import, which has no background to leave it to, merges
 * the index once its import is saved */
static void
test_merged_by_cli_import (void)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(DossierTestLibrary) t = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }
  t = dossier_test_library_new ();
  folders = import_in_a_row (t);
  folder = write_folder (t->dir, N_IMPORTS, FILES_PER_IMPORT);
  path = g_build_filename (t->dir, "library.db", NULL);
  dossier_library_close (t->library);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) cli, "import", "--library", path, folder, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (count_segments (path), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/SearchIndex/list-while-rebuilt", test_list_while_rebuilt);
  g_test_add_func ("/Dossier/SearchIndex/merged-after-imports", test_merged_after_imports);
  g_test_add_func ("/Dossier/SearchIndex/merged-at-opening", test_merged_at_opening);
  g_test_add_func ("/Dossier/SearchIndex/merge-stopped", test_merge_stopped);
  g_test_add_func ("/Dossier/SearchIndex/merged-by-cli-import", test_merged_by_cli_import);

  return g_test_run ();
}
