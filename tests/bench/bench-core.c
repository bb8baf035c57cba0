/* bench-core.c — the core benchmarks behind build-aux/bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-core import DIR DB          import a folder through the library API,
 *                                     then the index's segments merged in the
 *                                     background as after an import (timed
 *                                     apart, with its longest slice)
 *   bench-core raw DIR DB             the limit: extract every file, then insert
 *                                     the texts straight into a table of the
 *                                     library's schema (SQLite + FTS5 triggers)
 *   bench-core search DB REPS         the fixed query set, as the GUI runs it
 *                                     (query ids, then the first page of 50)
 *   bench-core annotate DB N          give the library N notes (setup)
 *   bench-core export DB DIR          export every note to Markdown
 *   bench-core dates DB N             take the date of every Nth article away
 *                                     (setup, in SQL), then time working out
 *                                     suggested dates for them all, in steps
 *                                     as after an import, and the longest step
 *   bench-core stories DB REPS        the background work after an import
 *                                     (every article waits), then a full
 *                                     re-grouping, `similar` of REPS
 *                                     articles and the list of stories
 *   bench-core quotes DB REPS         find the quotes of every article (as
 *                                     after an upgrade), then time listing the
 *                                     people and the most quoted person's quotes
 *   bench-core compare DB REPS        the Compare view's sentence diff: REPS
 *                                     articles against an edited version of
 *                                     each (sentences cut, added, reworded,
 *                                     moved), then one long text of many
 *                                     articles against its edited version
 *
 *   bench-core index-size DB DIR      the size of the search index over the
 *                                     library's articles with the library's
 *                                     tokenizer and with plain unicode61 (the
 *                                     index before the language-aware one),
 *                                     each built in a database of its own in DIR
 *   bench-core index-kinds DB DIR [N] the tokens the library's tokenizer adds
 *                                     beside each word, counted by kind (stem,
 *                                     name key, key of the stem, shape), and
 *                                     the index's size with each kind left
 *                                     out, and with Snowball alone (over the
 *                                     first N articles, default all)
 *
 * Each prints one JSON object on standard output; times are wall-clock
 * (with DOSSIER_BENCH_CPU_TIME set, the process's processor time).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dossier-extract.h"
#include "dossier-exporter.h"
#include "dossier-library.h"
#include "dossier-dates.h"
#include "dossier-search-index.h"
#include "dossier-stories.h"
#include "dossier-people.h"
#include "dossier-people-overview.h"
#include "dossier-timeline-marks.h"
#include "dossier-sentence-diff.h"

#define FIRST_PAGE 50
#define RAW_BATCH  256   /* as the importer's batches */

static double
now_s (void)
{
  struct timespec ts;

  /* DOSSIER_BENCH_CPU_TIME: the process's processor time instead, for a
   * machine busy with other work */
  if (g_getenv ("DOSSIER_BENCH_CPU_TIME") != NULL && clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) == 0)
    return ts.tv_sec + ts.tv_nsec / 1e9;
  return g_get_monotonic_time () / 1e6;
}

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "bench-core: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static DossierLibrary *
open_library (const char *path,
              gboolean    create)
{
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_new (path);

  if (!dossier_library_open_sync (library, create, &error))
    die (path, error);
  return library;
}

/* --- import --------------------------------------------------------------- */

static int
cmd_import (const char *dir,
            const char *db)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { dir, NULL };
  guint imported = 0, duplicates = 0, failed = 0, slices = 0;
  gint64 segments, merged;
  double t0, t1, t2, longest_ms = 0;

  g_unlink (db);
  library = open_library (db, TRUE);
  t0 = now_s ();
  results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);
  t1 = now_s ();
  if (results == NULL)
    die ("import", error);
  /* then, as after an import in the window: the index's segments merged
   * in the background, slice after slice */
  if ((segments = dossier_search_index_segments_sync (library, &error)) < 0)
    die ("segments", error);
  dossier_search_index_merge_in_background (library);
  while (dossier_search_index_get_merging (library, &slices, &longest_ms))
    g_main_context_iteration (NULL, TRUE);
  t2 = now_s ();
  if ((merged = dossier_search_index_segments_sync (library, &error)) < 0)
    die ("segments", error);
  for (guint i = 0; i < results->len; i++)
    {
      DossierImportResult *r = g_ptr_array_index (results, i);

      if (r->status == DOSSIER_IMPORT_IMPORTED)
        imported++;
      else if (r->status == DOSSIER_IMPORT_DUPLICATE)
        duplicates++;
      else
        failed++;
    }
  dossier_library_close (library);
  printf ("{\"files\": %u, \"imported\": %u, \"duplicates\": %u, \"failed\": %u,"
          " \"seconds\": %.3f, \"per_second\": %.1f, \"segments\": %" G_GINT64_FORMAT ","
          " \"merge_seconds\": %.3f, \"merge_slices\": %u, \"merge_longest_slice_ms\": %.1f,"
          " \"segments_merged\": %" G_GINT64_FORMAT "}\n",
          results->len, imported, duplicates, failed, t1 - t0, results->len / (t1 - t0), segments,
          t2 - t1, slices, longest_ms, merged);
  return 0;
}

/* --- the raw limit -------------------------------------------------------- */

static void
list_files (const char *dir,
            GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, out);
      else if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".html") ||
               g_str_has_suffix (name, ".md"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

static void
check_sqlite (sqlite3    *db,
              int         rc,
              const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "bench-core: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static int
cmd_raw (const char *dir,
         const char *db_path)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_extracted_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double t0, t_extract, t_insert;

  list_files (dir, files);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);

  /* extraction alone (no store) */
  t0 = now_s ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      DossierExtracted *x = dossier_extract_file (file, NULL, NULL);

      if (x != NULL)
        g_ptr_array_add (texts, x);
    }
  t_extract = now_s () - t0;

  /* the library's schema, made by the library */
  {
    g_autoptr(DossierLibrary) library = NULL;

    g_unlink (db_path);
    library = open_library (db_path, TRUE);
    dossier_library_close (library);
  }

  check_sqlite (db, sqlite3_open (db_path, &db), "open");
  if (!dossier_store_register_tokenizer (db))
    die ("tokenizer", NULL);
  check_sqlite (db, sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                      "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                                      "PRAGMA cache_size=-16000;", NULL, NULL, NULL), "pragmas");
  check_sqlite (db, sqlite3_prepare_v2 (db,
    "INSERT INTO articles (title, byline, source, url, language, published, date_precision,"
    " date_origin, published_jd, body, body_hash, file_name, content_hash, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)", -1, &stmt, NULL), "prepare");

  t0 = now_s ();
  for (guint i = 0; i < texts->len; i++)
    {
      DossierExtracted *x = g_ptr_array_index (texts, i);
      g_autofree char *published = dossier_date_to_string (&x->published);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, x->body, -1);
      gint64 jd = dossier_date_to_julian (&x->published);

      if (i % RAW_BATCH == 0)
        check_sqlite (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), "begin");
      sqlite3_bind_text (stmt, 1, x->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, x->byline, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, x->source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, x->url, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, x->language, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, published, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, x->published.precision);
      sqlite3_bind_int (stmt, 8, x->date_origin);
      if (jd >= 0)
        sqlite3_bind_int64 (stmt, 9, jd);
      else
        sqlite3_bind_null (stmt, 9);
      sqlite3_bind_text (stmt, 10, x->body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, "bench", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 13, g_get_real_time ());
      check_sqlite (db, sqlite3_step (stmt), "insert");
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (i % RAW_BATCH == RAW_BATCH - 1 || i + 1 == texts->len)
        check_sqlite (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "commit");
    }
  t_insert = now_s () - t0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  printf ("{\"files\": %u, \"texts\": %u, \"extract_seconds\": %.3f, \"extract_per_second\": %.1f,"
          " \"insert_seconds\": %.3f, \"insert_per_second\": %.1f}\n",
          files->len, texts->len, t_extract, texts->len / t_extract,
          t_insert, texts->len / t_insert);
  return 0;
}

/* --- search --------------------------------------------------------------- */

typedef struct
{
  const char *kind;
  const char *text;
} BenchQuery;

/* The fixed query set.  The corpus is make-corpus's deterministic one
 * (seed 0): "officials" is in most articles, "belbeldor" in few. */
static const BenchQuery queries[] = {
  { "rare word",    "belbeldor" },
  { "common word",  "officials" },
  { "two words",    "kerry pipeline" },
  { "phrase",       "\"mutual respect\"" },
  { "prefix",       "sanct" },
  { "boolean",      "kerry OR lavrov -obama" },
  { "no hit",       "zzyzxqvw" },
  { "field filter", "source:\"Wire Press\" summit" },
  { "date filter",  "published:2012 reset" },
};

typedef struct
{
  GMainLoop  *loop;
  GArray     *ids;
  GPtrArray  *page;
  GError     *error;
} Wait;

static void
on_ids_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *w = user_data;

  w->ids = dossier_library_query_ids_finish (DOSSIER_LIBRARY (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *w = user_data;

  w->page = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
print_stats (const char *name,
             GArray     *ms)
{
  g_array_sort (ms, compare_double);
  printf ("\"%s\": {\"n\": %u, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f}",
          name, ms->len, percentile (ms, 0.5), percentile (ms, 0.95),
          ms->len ? g_array_index (ms, double, ms->len - 1) : 0);
}

static int
cmd_search (const char *db,
            guint       reps)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) all_gui = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_cli = g_array_new (FALSE, FALSE, sizeof (double));
  guint total = dossier_library_count_sync (library, NULL);

  printf ("{\"articles\": %u, \"limit\": %d, \"queries\": [", total, FIRST_PAGE);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) gui = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cli = g_array_new (FALSE, FALSE, sizeof (double));
      guint hits = 0;

      /* one untimed run warms the page cache as a user's earlier
       * keystrokes would */
      for (guint r = 0; r <= reps; r++)
        {
          Wait w = { loop, NULL, NULL, NULL };
          g_autoptr(DossierQuery) query = NULL;
          g_autoptr(GPtrArray) results = NULL;
          double t0, dt;

          /* as the GUI's list: parse (the last word a prefix), newest
           * first (the default order), the first page of ids, then its
           * rows with their snippets: the first results a person sees */
          t0 = now_s ();
          query = dossier_query_parse (queries[q].text, TRUE);
          query->sort = DOSSIER_SORT_DATE_DESC;
          query->sort_set = TRUE;
          query->limit = FIRST_PAGE;
          dossier_library_query_ids_async (library, query, NULL, on_ids_cb, &w);
          g_main_loop_run (loop);
          if (w.ids == NULL)
            die (queries[q].text, w.error);
          if (w.ids->len > 0)
            {
              dossier_library_load_articles_async (library, (gint64 *) (gpointer) w.ids->data,
                                                   MIN (w.ids->len, FIRST_PAGE), query,
                                                   NULL, on_page_cb, &w);
              g_main_loop_run (loop);
              if (w.page == NULL)
                die (queries[q].text, w.error);
            }
          dt = (now_s () - t0) * 1000;
          g_array_unref (w.ids);
          if (r == 0)
            {
              /* untimed: how many articles match in all */
              query->limit = 0;
              dossier_library_query_ids_async (library, query, NULL, on_ids_cb, &w);
              g_main_loop_run (loop);
              if (w.ids == NULL)
                die (queries[q].text, w.error);
              hits = w.ids->len;
              g_array_unref (w.ids);
            }
          g_clear_pointer (&w.page, g_ptr_array_unref);
          if (r > 0)
            {
              g_array_append_val (gui, dt);
              g_array_append_val (all_gui, dt);
            }

          /* as dossier-cli search --limit 50 */
          t0 = now_s ();
          g_clear_pointer (&query, dossier_query_free);
          query = dossier_query_parse (queries[q].text, FALSE);
          results = dossier_library_search_sync (library, query, FIRST_PAGE, &w.error);
          if (results == NULL)
            die (queries[q].text, w.error);
          dt = (now_s () - t0) * 1000;
          if (r > 0)
            {
              g_array_append_val (cli, dt);
              g_array_append_val (all_cli, dt);
            }
        }
      printf ("%s{\"kind\": \"%s\", \"query\": ", q ? ", " : "", queries[q].kind);
      {
        g_autofree char *escaped = g_strescape (queries[q].text, NULL);
        printf ("\"%s\", \"hits\": %u, ", escaped, hits);
      }
      print_stats ("gui", gui);
      printf (", ");
      print_stats ("cli", cli);
      printf ("}");
    }
  printf ("], ");
  print_stats ("gui", all_gui);
  printf (", ");
  print_stats ("cli", all_cli);
  printf ("}\n");
  dossier_library_close (library);
  return 0;
}

/* --- notes and export ----------------------------------------------------- */

typedef struct
{
  guint  n;
  guint  made;
} Annotate;

static gpointer
annotate_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Annotate *a = data;
  g_autoptr(DossierQuery) query = dossier_query_new ();
  g_autoptr(GArray) ids = NULL;
  static const char * const colors[] = { "yellow", "green", "blue", "red", "purple" };
  static const char * const tags[][3] = {
    { "sanctions", NULL }, { "energy", "gas", NULL }, { "arms-control", NULL }, { NULL },
  };
  guint per_article = 5;

  ids = dossier_store_query_article_ids (store, query, NULL, error);
  if (ids == NULL || !dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; a->made < a->n && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DossierArticle) article = dossier_store_get_article (store, id, TRUE, error);
      const char *body;
      glong len;

      if (article == NULL)
        goto fail;
      body = dossier_article_get_body (article);
      len = g_utf8_strlen (body, -1);
      for (guint k = 0; k < per_article && a->made < a->n; k++)
        {
          g_autoptr(DossierAnnotation) note = dossier_annotation_new ();
          glong start = (len / per_article) * k;
          glong end = MIN (len, start + 80);
          g_autofree char *quote = g_utf8_substring (body, start, end);
          g_autofree char *prefix = g_utf8_substring (body, MAX (0, start - 32), start);
          g_autofree char *suffix = g_utf8_substring (body, end, MIN (len, end + 32));
          g_autofree char *text = g_strdup_printf ("Note %u: compare with the **%s** statement; "
                                                   "see also [[Timeline]].", a->made, colors[k % 5]);

          dossier_annotation_set_article_id (note, id);
          dossier_annotation_set_quote (note, quote);
          dossier_annotation_set_prefix (note, prefix);
          dossier_annotation_set_suffix (note, suffix);
          dossier_annotation_set_start (note, start);
          dossier_annotation_set_end (note, end);
          dossier_annotation_set_note (note, text);
          dossier_annotation_set_color (note, colors[a->made % 5]);
          dossier_annotation_set_tags (note, (const char * const *) tags[a->made % 4]);
          if (dossier_store_insert_annotation (store, note, error) <= 0)
            goto fail;
          a->made++;
        }
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);

fail:
  dossier_store_rollback (store);
  return NULL;
}

static int
cmd_annotate (const char *db,
              guint       n)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GError) error = NULL;
  Annotate a = { n, 0 };
  double t0 = now_s ();

  if (dossier_store_run (dossier_library_get_store (library), annotate_op, &a, NULL, &error) == NULL)
    die ("annotate", error);
  printf ("{\"notes\": %u, \"seconds\": %.3f}\n", a.made, now_s () - t0);
  dossier_library_close (library);
  return 0;
}

static guint
count_notes (GPtrArray *entries)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      n += e->annotations ? e->annotations->len : 0;
    }
  return n;
}

static int
cmd_export (const char *db,
            const char *dir)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *vault = g_build_filename (dir, "vault", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (vault);
  double t0, t_collect, t_file, t_folder;

  g_mkdir_with_parents (dir, 0755);
  t0 = now_s ();
  entries = dossier_export_collect_sync (library, NULL, 0, NULL, NULL, &error);
  if (entries == NULL)
    die ("collect", error);
  t_collect = now_s () - t0;
  if (!dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, TRUE, NULL, &error))
    die ("export", error);
  t_file = now_s () - t0;

  g_clear_pointer (&entries, g_ptr_array_unref);
  t0 = now_s ();
  entries = dossier_export_collect_sync (library, NULL, 0, NULL, NULL, &error);
  if (entries == NULL ||
      !dossier_export_write_folder (entries, NULL, folder, TRUE, NULL, NULL, &error))
    die ("export folder", error);
  t_folder = now_s () - t0;

  printf ("{\"notes\": %u, \"articles\": %u, \"collect_seconds\": %.3f,"
          " \"one_file_seconds\": %.3f, \"folder_seconds\": %.3f}\n",
          count_notes (entries), entries->len, t_collect, t_file, t_folder);
  dossier_library_close (library);
  return 0;
}

/* --- suggested dates ------------------------------------------------------ */

static void
on_suggested_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static int
cmd_dates (const char *db,
           guint       every)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *conn = NULL;
  guint confident = 0;
  GAsyncResult *result = NULL;
  gint64 n;
  double seconds, longest_ms;

  /* setup: every Nth article loses its date, as if none was found */
  sql = g_strdup_printf ("UPDATE articles SET published = NULL, date_precision = 0, date_origin = 0,"
                         " published_jd = NULL WHERE id %% %u = 0", MAX (every, 1));
  if (sqlite3_open (db, &conn) != SQLITE_OK ||
      sqlite3_exec (conn, sql, NULL, NULL, NULL) != SQLITE_OK)
    die (db, NULL);
  sqlite3_close (conn);

  library = open_library (db, FALSE);
  /* as after an import: in steps on the store's thread, each timed */
  dossier_dates_suggest_async (library, NULL, on_suggested_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  n = dossier_dates_suggest_finish (library, result, &error);
  if (n < 0)
    die ("suggest", error);
  dossier_dates_suggest_get_timing (result, &seconds, &longest_ms);
  g_clear_object (&result);
  list = dossier_dates_list_sync (library, &error);
  if (list == NULL)
    die ("list", error);
  for (guint i = 0; i < list->len; i++)
    confident += ((DossierStoredSuggestion *) g_ptr_array_index (list, i))->confidence >= 0.5;
  printf ("{\"articles\": %u, \"undated\": %u, \"suggested\": %" G_GINT64_FORMAT ","
          " \"confident\": %u, \"seconds\": %.3f, \"longest_step_ms\": %.1f}\n",
          dossier_library_count_sync (library, NULL), list->len, n, confident, seconds, longest_ms);
  dossier_library_close (library);
  return 0;
}

/* --- stories ------------------------------------------------------------- */

/* the processor time of the whole process, all its threads */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
cmd_stories (const char *db,
             guint       reps)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) similar_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint count = dossier_library_count_sync (library, NULL);
  guint n_stories = 0, n_listed = 0;
  gint64 n;
  double t0, first, full, full_cpu;

  t0 = now_s ();
  n = dossier_stories_update_sync (library, FALSE, NULL, &error);
  if (n < 0)
    die ("stories", error);
  first = now_s () - t0;
  /* processor time too: on the shared machine the wall time is mostly
   * the wait for a core */
  full_cpu = cpu_s ();
  t0 = now_s ();
  if (dossier_stories_update_sync (library, TRUE, NULL, &error) < 0)
    die ("stories", error);
  full = now_s () - t0;
  full_cpu = cpu_s () - full_cpu;

  for (guint i = 0; i < MAX (reps, 1); i++)
    {
      /* articles spread over the library; ids start at 1 */
      gint64 id = 1 + (gint64) ((guint64) i * 7919 % MAX (count, 1));
      g_autoptr(GPtrArray) list = NULL;
      double ms;

      t0 = now_s ();
      list = dossier_stories_similar_sync (library, id, 10, &error);
      ms = (now_s () - t0) * 1000;
      if (list == NULL)
        die ("similar", error);
      n_listed += list->len;
      g_array_append_val (similar_ms, ms);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GPtrArray) stories = NULL;
      double ms;

      t0 = now_s ();
      stories = dossier_stories_list_sync (library, &error);
      ms = (now_s () - t0) * 1000;
      if (stories == NULL)
        die ("stories", error);
      n_stories = stories->len;
      g_array_append_val (list_ms, ms);
    }
  g_array_sort (similar_ms, compare_doubles);
  g_array_sort (list_ms, compare_doubles);
  printf ("{\"articles\": %u, \"sketched\": %" G_GINT64_FORMAT ", \"after_import_seconds\": %.3f,"
          " \"full_seconds\": %.3f, \"full_cpu_seconds\": %.3f, \"stories\": %u, \"similar_listed\": %u,"
          " \"similar_median_ms\": %.2f, \"similar_max_ms\": %.2f,"
          " \"list_median_ms\": %.2f}\n",
          count, n, first, full, full_cpu, n_stories, n_listed,
          g_array_index (similar_ms, double, similar_ms->len / 2),
          g_array_index (similar_ms, double, similar_ms->len - 1),
          g_array_index (list_ms, double, list_ms->len / 2));
  dossier_library_close (library);
  return 0;
}

/* --- people and quotes ---------------------------------------------------- */

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
p95 (GArray *ms)
{
  g_array_sort (ms, cmp_double);
  return ms->len ? g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95))) : 0;
}

static int
cmd_quotes (const char *db,
            guint       reps)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) quotes_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) section_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) section_full_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) next_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) beside_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lanes_people_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lanes_stories_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_marks = 0;
  guint n_rows = 0;
  gint64 pending, done, person = 0, n_quotes = 0;
  guint n_people = 0;
  double t0, seconds;

  pending = dossier_people_pending_sync (library, &error);
  if (pending < 0)
    die ("pending", error);
  t0 = now_s ();
  done = dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error);
  if (done < 0)
    die ("find quotes", error);
  seconds = now_s () - t0;

  for (guint r = 0; r < MAX (reps, 1); r++)
    {
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GPtrArray) quotes = NULL;
      double t;

      t = now_s ();
      people = dossier_people_list_sync (library, NULL, &error);
      if (people == NULL)
        die ("people", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (people_ms, t);
      n_people = people->len;
      if (people->len == 0)
        continue;
      person = ((DossierStoredPerson *) g_ptr_array_index (people, 0))->id;
      t = now_s ();
      quotes = dossier_people_quotes_sync (library, person, 0, FALSE, &error);
      if (quotes == NULL)
        die ("quotes", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (quotes_ms, t);
      n_quotes = quotes->len;
    }
  /* the window's People section: its rows, then their sparklines; and
   * the most quoted person's page with the sentences and the people
   * beside, as the section and the page read them */
  for (guint r = 0; r < MAX (reps, 1); r++)
    {
      g_autoptr(DossierPeopleList) list = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) lines = NULL;
      g_autoptr(DossierPersonPage) page = NULL;
      g_autoptr(GPtrArray) next = NULL;
      g_autoptr(GPtrArray) beside = NULL;
      double t, t_list;

      t = now_s ();
      list = dossier_people_overview_list_sync (library, NULL, 200, &error);
      if (list == NULL)
        die ("people section", error);
      t_list = (now_s () - t) * 1000;
      g_array_append_val (section_ms, t_list);
      for (guint i = 0; i < list->people->len; i++)
        {
          DossierPersonSummary *p = g_ptr_array_index (list->people, i);

          if (p->quotes > 0)
            g_array_append_val (ids, p->id);
        }
      lines = dossier_people_overview_sparklines_sync (library, (const gint64 *) ids->data, ids->len,
                                                       list->first_jd, list->last_jd, &error);
      if (lines == NULL)
        die ("sparklines", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (section_full_ms, t);
      n_rows = list->people->len;
      if (person == 0)
        continue;
      t = now_s ();
      page = dossier_people_overview_page_sync (library, person, 50, 0, &error);
      if (page == NULL)
        die ("person page", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (page_ms, t);
      /* the next rows as the page scrolls: 50 from the middle of the ids */
      t = now_s ();
      next = dossier_people_overview_quotes_sync (library,
                                                  &g_array_index (page->quote_ids, gint64, page->quote_ids->len / 2),
                                                  MIN (50, page->quote_ids->len - page->quote_ids->len / 2), &error);
      if (next == NULL)
        die ("next page", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (next_ms, t);
      /* the people quoted beside, which follow the quotes */
      t = now_s ();
      beside = dossier_people_overview_beside_sync (library, person, 12, &error);
      if (beside == NULL)
        die ("people beside", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (beside_ms, t);
    }
  /* the timeline's lanes by person (the five most quoted and 60 offered)
   * and by story, for the whole library */
  for (guint r = 0; r < MAX (reps, 1); r++)
    {
      g_autoptr(DossierTimelinePeople) lanes = NULL;
      g_autoptr(GArray) stories = NULL;
      double t = now_s ();

      lanes = dossier_timeline_people_sync (library, NULL, NULL, 0, 60, &error);
      if (lanes == NULL)
        die ("lanes by person", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (lanes_people_ms, t);
      n_marks = lanes->points->len;
      t = now_s ();
      stories = dossier_timeline_stories_sync (library, NULL, &error);
      if (stories == NULL)
        die ("lanes by story", error);
      t = (now_s () - t) * 1000;
      g_array_append_val (lanes_stories_ms, t);
    }
  printf ("{\"articles\": %u, \"pending\": %" G_GINT64_FORMAT ", \"seconds\": %.3f,"
          " \"people\": %u, \"people_p95_ms\": %.1f, \"person\": %" G_GINT64_FORMAT ","
          " \"person_quotes\": %" G_GINT64_FORMAT ", \"person_p95_ms\": %.1f,"
          " \"section_rows\": %u, \"section_p95_ms\": %.1f, \"section_sparklines_p95_ms\": %.1f,"
          " \"page_p95_ms\": %.1f, \"next_page_p95_ms\": %.1f,"
          " \"beside_p95_ms\": %.1f, \"timeline_person_marks\": %u,"
          " \"timeline_people_p95_ms\": %.1f, \"timeline_stories_p95_ms\": %.1f}\n",
          dossier_library_count_sync (library, NULL), pending, seconds, n_people, p95 (people_ms),
          person, n_quotes, p95 (quotes_ms), n_rows, p95 (section_ms), p95 (section_full_ms), p95 (page_ms),
          p95 (next_ms), p95 (beside_ms), n_marks, p95 (lanes_people_ms), p95 (lanes_stories_ms));
  dossier_library_close (library);
  return 0;
}

/* --- compare ---------------------------------------------------------------- */

/* @text's version as a wire copy gets edited: every 7th sentence cut, a
 * sentence added after every 11th, a word changed in every 5th, and the
 * last two sentences moved to the front */
static char *
edited_version (const char *text)
{
  g_autoptr(GArray) sentences = dossier_sentence_split (text, -1);
  GString *out = g_string_new (NULL);
  guint n = sentences->len;

  for (guint i = n >= 4 ? n - 2 : n; i < n; i++)
    {
      const DossierSentence *s = &g_array_index (sentences, DossierSentence, i);

      g_string_append_len (out, text + s->start, s->end - s->start);
      g_string_append_c (out, ' ');
    }
  for (guint i = 0; i < (n >= 4 ? n - 2 : n); i++)
    {
      const DossierSentence *s = &g_array_index (sentences, DossierSentence, i);

      if (i % 7 == 6)
        continue;
      g_string_append_len (out, text + s->start, s->end - s->start);
      if (i % 5 == 4)
        g_string_append (out, " Officials confirmed it later.");
      g_string_append_c (out, ' ');
      if (i % 11 == 10)
        g_string_append_printf (out, "An update was added at %u o'clock. ", i % 24);
    }
  return g_string_free (out, FALSE);
}

static double
time_diff (const char *old_text,
           const char *new_text,
           guint      *n_sentences)
{
  double t0 = now_s ();
  g_autoptr(DossierSentenceDiff) diff = dossier_sentence_diff_new (old_text, new_text);
  double ms = (now_s () - t0) * 1000;

  *n_sentences = diff->old_sentences->len + diff->new_sentences->len;
  return ms;
}

static int
cmd_compare (const char *db,
             guint       reps)
{
  g_autoptr(DossierLibrary) library = open_library (db, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *long_edited = NULL;
  guint count = dossier_library_count_sync (library, NULL);
  guint n_sentences = 0, long_sentences = 0, sentences;
  double long_ms;

  for (guint i = 0; i < MAX (reps, 1); i++)
    {
      gint64 id = 1 + (gint64) ((guint64) i * 7919 % MAX (count, 1));
      g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, id, &error);
      g_autofree char *edited = NULL;
      double t;

      if (article == NULL)
        die ("article", error);
      edited = edited_version (dossier_article_get_body (article));
      t = time_diff (dossier_article_get_body (article), edited, &sentences);
      n_sentences += sentences;
      g_array_append_val (ms, t);
      if (i < 40)
        g_string_append_printf (long_text, "%s\n\n", dossier_article_get_body (article));
    }
  long_edited = edited_version (long_text->str);
  long_ms = time_diff (long_text->str, long_edited, &long_sentences);
  g_array_sort (ms, compare_doubles);
  printf ("{\"pairs\": %u, \"sentences_per_pair\": %.0f, \"median_ms\": %.2f, \"max_ms\": %.2f,"
          " \"long_chars\": %" G_GSIZE_FORMAT ", \"long_sentences\": %u, \"long_ms\": %.1f}\n",
          ms->len, (double) n_sentences / MAX (ms->len, 1), percentile (ms, 0.5),
          g_array_index (ms, double, ms->len - 1), long_text->len, long_sentences, long_ms);
  dossier_library_close (library);
  return 0;
}

/* --- search index size --------------------------------------------------- */

/* The rows indexed: the library's articles, or a view of some of them */
static const char *index_source = "main.articles";

/* The bytes an index of the library's articles takes with @tokenize: a
 * contentless FTS5 table (the index and the lengths of its rows, as the
 * library keeps beside its articles) in a database of its own */
/* the rows of search_names the last index_bytes() recorded */
static gint64 index_names;

static gint64
index_bytes (sqlite3    *db,
             const char *dir,
             const char *name,
             const char *tokenize,
             double     *seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *sql = NULL;
  char *attach;
  GStatBuf st;
  gint64 bytes = 0;
  double t0;

  g_unlink (path);
  attach = sqlite3_mprintf ("ATTACH %Q AS sized", path);
  check_sqlite (db, sqlite3_exec (db, attach, NULL, NULL, NULL), "attach");
  sqlite3_free (attach);
  /* the library's tokenizer records the names' spellings in the index's
   * own database, which they are part of */
  if (g_str_has_prefix (tokenize, "dossier"))
    {
      if (!dossier_store_add_name_vocabulary (db, "sized"))
        die ("names", NULL);
      sql = g_strdup_printf ("CREATE VIRTUAL TABLE sized.fts USING fts5(title, byline, body, notes,"
                             " content='', tokenize='%s names sized')", tokenize);
    }
  else
    sql = g_strdup_printf ("CREATE VIRTUAL TABLE sized.fts USING fts5(title, byline, body, notes,"
                           " content='', tokenize='%s')", tokenize);
  check_sqlite (db, sqlite3_exec (db, sql, NULL, NULL, NULL), "create");
  t0 = now_s ();
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO sized.fts (rowid, title, byline, body, notes)"
                         " SELECT id, title, byline, body, notes FROM %s", index_source);
  check_sqlite (db, sqlite3_exec (db, sql, NULL, NULL, NULL), "index");
  *seconds = now_s () - t0;
  index_names = 0;
  if (g_str_has_prefix (tokenize, "dossier"))
    {
      sqlite3_stmt *stmt = NULL;

      check_sqlite (db, sqlite3_prepare_v2 (db, "SELECT count(*) FROM sized.search_names", -1, &stmt, NULL), "names");
      if (sqlite3_step (stmt) == SQLITE_ROW)
        index_names = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  check_sqlite (db, sqlite3_exec (db, "DETACH sized", NULL, NULL, NULL), "detach");
  if (g_stat (path, &st) == 0)
    bytes = st.st_size;
  g_unlink (path);
  return bytes;
}

/* --- the index's tokens by kind ------------------------------------------ */

/* A tokenizer over the library's that counts the tokens it emits by their
 * mark ('#' stem, '~' name key, '^' key of the stem, '%' shape; none: the
 * word) and leaves out the kinds named in its arguments ("stem", "key",
 * "stemkey", "skel") */
static const char kind_marks[] = "#~^%";
static const char * const kind_names[] = { "stem", "key", "stemkey", "skel" };
static guint64 kind_counts[5];   /* the word, then by kind_marks */

typedef struct
{
  fts5_tokenizer  inner;
  Fts5Tokenizer  *inner_tok;
  char            drop[8];
} KindsTokenizer;

/* name tokens (any mark but '#') by the word they are for: at a
 * sentence's start, written in lower case elsewhere in the same text, in
 * a text of capitalised words (a title) */
static guint64 name_initial, name_lower_too, name_initial_lower_too, name_titles;

typedef struct
{
  KindsTokenizer *k;
  void           *ctx;
  int           (*emit) (void *, int, const char *, int, int, int);
  const char     *text;
  GHashTable     *lower;    /* the words written in lower case */
  gboolean        title;
} KindsCall;

static gboolean
at_sentence_start (const char *text,
                   int         start)
{
  int i = start;

  while (i > 0 && strchr (" \t\"'(", text[i - 1]) != NULL)
    i--;
  /* a curly opening quote (three bytes) */
  while (i >= 3 && (guchar) text[i - 3] == 0xE2 && (guchar) text[i - 2] == 0x80 &&
         ((guchar) text[i - 1] == 0x9C || (guchar) text[i - 1] == 0x98))
    i -= 3;
  return i == 0 || strchr (".!?\n:", text[i - 1]) != NULL;
}

/* The words of @text in lower case (the set), and whether most of its
 * words are capitalised */
static GHashTable *
lower_words (const char *text,
             int         n_text,
             gboolean   *title)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text, *end = text + n_text;
  guint words = 0, capitals = 0;

  while (p < end)
    {
      const char *w;
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      w = p;
      while (p < end)
        {
          gunichar d = g_utf8_get_char_validated (p, end - p);

          if (d == (gunichar) -1 || d == (gunichar) -2 || !g_unichar_isalnum (d))
            break;
          p = g_utf8_next_char (p);
        }
      words++;
      if (g_unichar_isupper (c))
        capitals++;
      else
        g_hash_table_add (set, g_strndup (w, p - w));
      if (p == w)
        p++;
    }
  *title = words > 1 && words <= 40 && capitals * 10 >= words * 6;
  return set;
}

static int
kinds_emit_cb (void       *data,
               int         flags,
               const char *token,
               int         len,
               int         start,
               int         end)
{
  KindsCall *call = data;
  const char *mark = len > 0 ? memchr (kind_marks, token[0], 4) : NULL;
  int kind = mark != NULL ? 1 + (int) (mark - kind_marks) : 0;

  if (mark != NULL && strchr (call->k->drop, token[0]) != NULL)
    return SQLITE_OK;
  kind_counts[kind]++;
  if (kind >= 2 && call->lower != NULL && start >= 0 && end > start)
    {
      g_autofree char *down = g_utf8_strdown (call->text + start, end - start);
      gboolean initial = at_sentence_start (call->text, start);
      gboolean lower_too = g_hash_table_contains (call->lower, down);

      name_initial += initial;
      name_lower_too += lower_too;
      name_initial_lower_too += initial && lower_too;
      name_titles += call->title;
    }
  return call->emit (call->ctx, flags, token, len, start, end);
}

static void
kinds_delete (Fts5Tokenizer *p)
{
  KindsTokenizer *k = (KindsTokenizer *) p;

  if (k->inner_tok != NULL)
    k->inner.xDelete (k->inner_tok);
  g_free (k);
}

static int
kinds_create (void           *user_data,
              const char    **args,
              int             n_args,
              Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  KindsTokenizer *k = g_new0 (KindsTokenizer, 1);
  void *inner_data = NULL;
  const char *inner_args[8];
  int n_inner = 0;
  int n = 0;

  for (int i = 0; i < n_args; i++)
    for (guint j = 0; j < G_N_ELEMENTS (kind_names); j++)
      if (g_str_equal (args[i], kind_names[j]) && n < (int) sizeof k->drop - 1)
        k->drop[n++] = kind_marks[j];
  /* (arguments other than the kinds are the library tokenizer's) */

  for (int i = 0; i < n_args; i++)
    {
      gboolean kind = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (kind_names); j++)
        kind = kind || g_str_equal (args[i], kind_names[j]);
      if (!kind && n_inner < (int) G_N_ELEMENTS (inner_args))
        inner_args[n_inner++] = args[i];
    }
  if (api->xFindTokenizer (api, "dossier", &inner_data, &k->inner) != SQLITE_OK ||
      k->inner.xCreate (inner_data, inner_args, n_inner, &k->inner_tok) != SQLITE_OK)
    {
      kinds_delete ((Fts5Tokenizer *) k);
      return SQLITE_ERROR;
    }
  *out = (Fts5Tokenizer *) k;
  return SQLITE_OK;
}

static int
kinds_tokenize (Fts5Tokenizer *p,
                void          *ctx,
                int            flags,
                const char    *text,
                int            n_text,
                int          (*emit) (void *, int, const char *, int, int, int))
{
  KindsTokenizer *k = (KindsTokenizer *) p;
  KindsCall call = { k, ctx, emit, text, NULL, FALSE };
  int rc;

  if (text != NULL && n_text > 0 && (flags & FTS5_TOKENIZE_DOCUMENT) && k->drop[0] == '\0')
    call.lower = lower_words (text, n_text, &call.title);
  rc = k->inner.xTokenize (k->inner_tok, &call, flags, text, n_text, kinds_emit_cb);
  g_clear_pointer (&call.lower, g_hash_table_unref);
  return rc;
}

static void
register_kinds_tokenizer (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { kinds_create, kinds_delete, kinds_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt;

  check_sqlite (db, sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL), "fts5");
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->xCreateTokenizer (api, "dossier_kinds", api, &tokenizer, NULL) != SQLITE_OK)
    die ("tokenizer", NULL);
}

static int
cmd_index_kinds (const char *db_path,
                 const char *dir,
                 gint64      limit)
{
  static const struct { const char *name; const char *args; gboolean snowball_only; } runs[] = {
    { "all", "", FALSE },
    { "without stems", " stem", FALSE },
    { "without name keys", " key", FALSE },
    { "without keys of stems", " stemkey", FALSE },
    { "without shapes", " skel", FALSE },
    { "without any name token", " key stemkey skel", FALSE },
    { "Snowball alone (no irregular forms)", "", TRUE },
  };
  sqlite3 *db = NULL;
  gint64 plain;
  double seconds;

  check_sqlite (db, sqlite3_open (db_path, &db), "open");
  if (!dossier_store_register_tokenizer (db))
    die ("tokenizer", NULL);
  register_kinds_tokenizer (db);
  check_sqlite (db, sqlite3_exec (db, "PRAGMA cache_size=-64000", NULL, NULL, NULL), "pragmas");
  if (limit > 0)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP VIEW bench_articles AS SELECT id, title, byline,"
                                              " body, notes FROM main.articles ORDER BY id LIMIT %" G_GINT64_FORMAT,
                                              limit);

      check_sqlite (db, sqlite3_exec (db, sql, NULL, NULL, NULL), "view");
    }
  else
    check_sqlite (db, sqlite3_exec (db, "CREATE TEMP VIEW bench_articles AS SELECT id, title, byline,"
                                        " body, notes FROM main.articles", NULL, NULL, NULL), "view");
  index_source = "temp.bench_articles";
  plain = index_bytes (db, dir, "index-plain.db", "unicode61 remove_diacritics 2", &seconds);
  printf ("{\"plain_bytes\": %" G_GINT64_FORMAT ", \"runs\": [", plain);
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autofree char *tokenize = g_strconcat ("dossier_kinds", runs[r].args, NULL);
      gint64 bytes;

      if (runs[r].snowball_only)
        g_setenv ("DOSSIER_SEARCH_SNOWBALL_ONLY", "1", TRUE);
      memset (kind_counts, 0, sizeof kind_counts);
      name_initial = name_lower_too = name_initial_lower_too = name_titles = 0;
      bytes = index_bytes (db, dir, "index-kinds.db", tokenize, &seconds);
      g_unsetenv ("DOSSIER_SEARCH_SNOWBALL_ONLY");
      printf ("%s{\"run\": \"%s\", \"bytes\": %" G_GINT64_FORMAT ", \"growth_pct\": %.1f,"
              " \"seconds\": %.1f, \"words\": %" G_GUINT64_FORMAT ", \"stem\": %" G_GUINT64_FORMAT ","
              " \"key\": %" G_GUINT64_FORMAT ", \"stemkey\": %" G_GUINT64_FORMAT ", \"skel\": %" G_GUINT64_FORMAT,
              r ? ", " : "", runs[r].name, bytes, plain > 0 ? 100.0 * (bytes - plain) / plain : 0.0, seconds,
              kind_counts[0], kind_counts[1], kind_counts[2], kind_counts[3], kind_counts[4]);
      if (runs[r].args[0] == '\0' && !runs[r].snowball_only)
        printf (", \"names_at_sentence_start\": %" G_GUINT64_FORMAT ", \"names_also_lower_case\": %" G_GUINT64_FORMAT
                ", \"names_both\": %" G_GUINT64_FORMAT ", \"names_in_titles\": %" G_GUINT64_FORMAT,
                name_initial, name_lower_too, name_initial_lower_too, name_titles);
      printf ("}");
      fflush (stdout);
    }
  printf ("]}\n");
  sqlite3_close (db);
  return 0;
}

static int
cmd_index_size (const char *db_path,
                const char *dir)
{
  sqlite3 *db = NULL;
  gint64 plain, dossier;
  double plain_s, dossier_s;
  int articles = 0;
  sqlite3_stmt *stmt = NULL;

  /* read and write: the databases attached are written (the library is
   * only read) */
  check_sqlite (db, sqlite3_open (db_path, &db), "open");
  if (!dossier_store_register_tokenizer (db))
    die ("tokenizer", NULL);
  check_sqlite (db, sqlite3_exec (db, "PRAGMA cache_size=-64000", NULL, NULL, NULL), "pragmas");
  check_sqlite (db, sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles", -1, &stmt, NULL), "count");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    articles = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  plain = index_bytes (db, dir, "index-plain.db", "unicode61 remove_diacritics 2", &plain_s);
  dossier = index_bytes (db, dir, "index-dossier.db", "dossier", &dossier_s);
  sqlite3_close (db);
  printf ("{\"articles\": %d, \"plain_bytes\": %" G_GINT64_FORMAT ", \"dossier_bytes\": %" G_GINT64_FORMAT ","
          " \"growth_pct\": %.1f, \"plain_seconds\": %.1f, \"dossier_seconds\": %.1f,"
          " \"name_rows\": %" G_GINT64_FORMAT "}\n",
          articles, plain, dossier, plain > 0 ? 100.0 * (dossier - plain) / plain : 0.0, plain_s, dossier_s,
          index_names);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *cmd = argc > 1 ? argv[1] : "";

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_str_equal (cmd, "import") && argc == 4)
    return cmd_import (argv[2], argv[3]);
  if (g_str_equal (cmd, "raw") && argc == 4)
    return cmd_raw (argv[2], argv[3]);
  if (g_str_equal (cmd, "search") && argc == 4)
    return cmd_search (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (cmd, "index-size") && argc == 4)
    return cmd_index_size (argv[2], argv[3]);
  if (g_str_equal (cmd, "index-kinds") && (argc == 4 || argc == 5))
    return cmd_index_kinds (argv[2], argv[3], argc == 5 ? g_ascii_strtoll (argv[4], NULL, 10) : 0);
  if (g_str_equal (cmd, "annotate") && argc == 4)
    return cmd_annotate (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (cmd, "export") && argc == 4)
    return cmd_export (argv[2], argv[3]);
  if (g_str_equal (cmd, "dates") && argc == 4)
    return cmd_dates (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (cmd, "stories") && argc == 4)
    return cmd_stories (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (cmd, "quotes") && argc == 4)
    return cmd_quotes (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (cmd, "compare") && argc == 4)
    return cmd_compare (argv[2], (guint) atoi (argv[3]));
  fprintf (stderr, "usage: bench-core import DIR DB | raw DIR DB | search DB REPS |"
                   " annotate DB N | export DB DIR | dates DB N | stories DB REPS | quotes DB REPS |"
                   " compare DB REPS | index-size DB DIR | index-kinds DB DIR [N]\n");
  return 2;
}
