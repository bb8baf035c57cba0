/* test-app-import.c — other apps' exports into a library: what carries
 * over, highlights anchored or kept as orphans, pending links, re-runs,
 * hostile files, and the schema step from version 4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include <libsoup/soup.h>
#include "dossier-app-import.h"
#include "dossier-article-state.h"
#include "dossier-annotation.h"
#include "dossier-store.h"
#include "dossier-test-util.h"

static DossierAppImportSummary *
import (DossierTestLibrary *t,
        DossierAppKind      kind,
        const char         *name)
{
  g_autofree char *path = dossier_test_data_path ("apps", name, NULL);
  g_autoptr(GError) error = NULL;
  DossierAppImportSummary *s;

  s = dossier_app_import_file (t->library, kind, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static DossierAppEntryResult *
result (DossierAppImportSummary *s,
        guint                    i)
{
  g_assert_cmpuint (i, <, s->entries->len);
  return g_ptr_array_index (s->entries, i);
}

static guint
count_annotations (DossierLibrary *library,
                   gint64          article_id,
                   guint          *orphans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_library_list_annotations_sync (library, article_id, NULL, &error);

  g_assert_no_error (error);
  *orphans = 0;
  for (guint i = 0; i < list->len; i++)
    if (dossier_annotation_get_orphan (g_ptr_array_index (list, i)))
      (*orphans)++;
  return list->len;
}

static void
test_wallabag (DossierTestLibrary *t,
               gconstpointer       data)
{
  g_autoptr(DossierAppImportSummary) s = import (t, DOSSIER_APP_UNKNOWN, "wallabag.json");
  g_autoptr(DossierAppImportSummary) again = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  DossierAppEntryResult *r;
  guint orphans;

  g_assert_cmpint (s->kind, ==, DOSSIER_APP_WALLABAG);
  g_assert_cmpuint (s->articles, ==, 2);
  g_assert_cmpuint (s->pending, ==, 1);
  g_assert_cmpuint (s->failed, ==, 2);
  /* every highlight whose text is in its article is placed */
  g_assert_cmpuint (s->annotations, ==, 3);
  g_assert_cmpuint (s->orphans, ==, 1);

  r = result (s, 0);
  g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_IMPORTED);
  g_assert_cmpuint (r->annotations, ==, 2);
  g_assert_cmpuint (r->orphans, ==, 1);
  article = dossier_library_get_article_sync (t->library, r->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "The Quiet Rise of the Seas");
  g_assert_cmpstr (dossier_article_get_byline (article), ==, "Ana Ribeiro");
  g_assert_cmpstr (dossier_article_get_source (article), ==, "news.example.com");
  /* 2023-05-14T09:12:44+02:00 */
  g_assert_cmpint (dossier_article_get_imported_at (article), ==, G_GINT64_CONSTANT (1684048364) * G_USEC_PER_SEC);
  tags = dossier_article_state_get_tags_sync (t->library, r->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char *[]) { "climate", "oceans", "starred", NULL }));
  g_assert_cmpint (dossier_article_state_get_read_sync (t->library, r->id, &error), ==, 1);
  g_assert_cmpuint (count_annotations (t->library, r->id, &orphans), ==, 3);
  g_assert_cmpuint (orphans, ==, 1);
  g_assert_cmpint (dossier_article_state_get_read_sync (t->library, result (s, 1)->id, &error), ==, 0);

  r = result (s, 2);
  g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_PENDING);
  g_assert_nonnull (r->reason);
  r = result (s, 3);
  g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_FAILED);
  g_assert_true (g_str_has_suffix (r->error, "wallabag.json: entry 4: no URL"));

  /* the same export again adds nothing */
  again = import (t, DOSSIER_APP_WALLABAG, "wallabag.json");
  g_assert_cmpuint (again->articles, ==, 0);
  g_assert_cmpuint (again->pending, ==, 0);
  g_assert_cmpuint (again->annotations + again->orphans, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 3);
  g_assert_cmpuint (again->failed, ==, 2);
  g_assert_cmpint (result (again, 0)->id, ==, result (s, 0)->id);
  g_assert_cmpuint (dossier_library_count_sync (t->library, &error), ==, 2);
  g_assert_cmpuint (count_annotations (t->library, result (s, 0)->id, &orphans), ==, 3);
}

static void
test_omnivore (DossierTestLibrary *t,
               gconstpointer       data)
{
  g_autoptr(DossierAppImportSummary) s = import (t, DOSSIER_APP_OMNIVORE, "omnivore.zip");
  g_autoptr(DossierAppImportSummary) again = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  DossierPendingLink *link;

  g_assert_cmpuint (s->articles, ==, 2);
  g_assert_cmpuint (s->annotations, ==, 3);
  g_assert_cmpuint (s->orphans, ==, 1);
  /* the content file is missing: the link is kept with its highlight */
  g_assert_cmpuint (s->pending, ==, 1);
  tags = dossier_article_state_get_tags_sync (t->library, result (s, 0)->id, &error);
  g_assert_cmpstrv (tags, ((const char *[]) { "rail", "travel", NULL }));
  g_assert_cmpint (dossier_article_state_get_read_sync (t->library, result (s, 0)->id, &error), ==, 1);

  pending = dossier_app_import_list_pending (t->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  link = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (link->url, ==, "https://example.com/missing-content");
  g_assert_cmpstr (link->kind, ==, "omnivore");
  g_assert_cmpuint (link->highlights->len, ==, 1);

  again = import (t, DOSSIER_APP_UNKNOWN, "omnivore.zip");
  g_assert_cmpuint (again->articles + again->pending + again->annotations + again->orphans, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 3);
}

static void
test_links_only (DossierTestLibrary *t,
                 gconstpointer       data)
{
  g_autoptr(DossierAppImportSummary) pocket = import (t, DOSSIER_APP_POCKET, "pocket.csv");
  g_autoptr(DossierAppImportSummary) html = NULL;
  g_autoptr(DossierAppImportSummary) insta = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  DossierPendingLink *link;
  guint highlights = 0;

  g_assert_cmpuint (pocket->articles, ==, 0);
  g_assert_cmpuint (pocket->pending, ==, 4);
  g_assert_cmpuint (pocket->failed, ==, 3);
  g_assert_true (g_str_has_suffix (result (pocket, 6)->error,
                                   "pocket.csv: row 8: the text is not UTF-8 (unknown encoding)"));

  /* the older HTML export of the same account: the same links, kept once */
  html = import (t, DOSSIER_APP_UNKNOWN, "pocket.html");
  g_assert_cmpuint (html->pending, ==, 1);
  g_assert_cmpuint (html->duplicates, ==, 2);
  g_assert_cmpuint (html->failed, ==, 1);

  insta = import (t, DOSSIER_APP_INSTAPAPER, "instapaper.csv");
  g_assert_cmpuint (insta->pending, ==, 4);
  g_assert_cmpuint (insta->failed, ==, 2);

  pending = dossier_app_import_list_pending (t->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 9);
  link = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (link->url, ==, "https://www.example.com/news/suez-canal-cleared");
  g_assert_cmpstrv (link->tags, ((const char *[]) { "shipping", "logistics", NULL }));
  g_assert_true (link->read);
  g_assert_cmpint (link->saved_at, ==, G_GINT64_CONSTANT (1617235200) * G_USEC_PER_SEC);
  for (guint i = 0; i < pending->len; i++)
    {
      link = g_ptr_array_index (pending, i);
      highlights += link->highlights->len;
      if (g_strcmp0 (link->url, "https://example.org/starred-piece") == 0)
        g_assert_true (g_strv_contains ((const char * const *) link->tags, "starred"));
    }
  g_assert_cmpuint (highlights, ==, 2);
  g_assert_cmpuint (dossier_library_count_sync (t->library, &error), ==, 0);
}

static void
assert_refused (DossierTestLibrary *t,
                const char         *path,
                int                 code,
                const char         *words)
{
  g_autoptr(GError) error = NULL;
  DossierAppImportSummary *s = dossier_app_import_file (t->library, DOSSIER_APP_UNKNOWN, path, NULL, &error);

  g_assert_null (s);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_hostile (DossierTestLibrary *t,
              gconstpointer       data)
{
  g_autofree char *big = g_build_filename (t->dir, "huge.csv", NULL);
  g_autofree char *json = g_build_filename (t->dir, "broken.json", NULL);
  g_autofree char *traversal = dossier_test_data_path ("apps", "omnivore-traversal.zip", NULL);
  g_autofree char *escaped = g_build_filename (t->dir, "..", "x", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  FILE *f;

  /* 100 MB of CSV: refused before it is read (a sparse file) */
  f = g_fopen (big, "w");
  g_assert_nonnull (f);
  fputs ("title,url,time_added,tags,status\n", f);
  g_assert_cmpint (fseek (f, 100 * 1024 * 1024, SEEK_SET), ==, 0);
  fputs ("x,https://example.com/,1700000000,,unread\n", f);
  fclose (f);
  assert_refused (t, big, DOSSIER_IMPORT_ERROR_TOO_LARGE, "too large");

  g_file_set_contents (json, "[{\"is_archived\": 0, \"url\": \"https://example.com/\", \"content\": \"<p>a", -1, &error);
  g_assert_no_error (error);
  assert_refused (t, json, DOSSIER_IMPORT_ERROR_PARSE, "not valid JSON");

  assert_refused (t, traversal, DOSSIER_IMPORT_ERROR_PARSE, "../../x");
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));

  /* the library is sound and untouched */
  g_assert_cmpuint (dossier_library_count_sync (t->library, &error), ==, 0);
  pending = dossier_app_import_list_pending (t->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 0);
}

static void
on_imported (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  DossierAppImportSummary **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_app_import_finish (DOSSIER_LIBRARY (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async (DossierTestLibrary *t,
            gconstpointer       data)
{
  g_autofree char *path = dossier_test_data_path ("apps", "wallabag.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierAppImportSummary) s = NULL;
  DossierAppKind kind = DOSSIER_APP_UNKNOWN;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (dossier_app_import_detect_file (path, &kind, &error));
  g_assert_cmpint (kind, ==, DOSSIER_APP_WALLABAG);
  g_signal_connect_swapped (t->library, "changed", G_CALLBACK (dossier_test_set_flag), &changed);
  dossier_app_import_async (t->library, kind, file, NULL, on_imported, &s);
  dossier_test_wait_until (s != NULL && changed);
  g_assert_cmpuint (s->articles, ==, 2);
}

static void
test_migrate_v4 (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = dossier_test_data_path ("schema-v4-apps.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *wallabag = dossier_test_data_path ("apps", "wallabag.json", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAppImportSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int suggestions = -1;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);
  s = dossier_app_import_file (library, DOSSIER_APP_UNKNOWN, wallabag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->articles, ==, 2);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 5);
  dossier_library_close (library);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM date_suggestions", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    suggestions = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (version, ==, DOSSIER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (suggestions, ==, 1);
  dossier_test_remove_tree (dir);
}

/* The articles that @text finds, as the search bar would */
static GPtrArray *
search (DossierLibrary *library,
        const char     *text)
{
  g_autoptr(DossierQuery) q = dossier_query_parse (text, FALSE);
  g_autoptr(GError) error = NULL;
  GPtrArray *found = dossier_library_search_sync (library, q, 0, &error);

  g_assert_no_error (error);
  return found;
}

static gint64
single_hit (DossierLibrary *library,
            const char     *text)
{
  g_autoptr(GPtrArray) found = search (library, text);

  g_assert_cmpuint (found->len, ==, 1);
  return dossier_article_get_id (g_ptr_array_index (found, 0));
}

static int
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The notes of an app import are indexed once per article, at the end of
 * its transaction: they are found as notes added one by one are, and the
 * index holds exactly what it would have held. */
static void
test_notes_searchable (DossierTestLibrary *t,
                       gconstpointer       data)
{
  g_autoptr(DossierAppImportSummary) s = import (t, DOSSIER_APP_WALLABAG, "wallabag.json");
  g_autoptr(DossierAnnotation) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (t->dir, "library.db", NULL);
  gint64 first = result (s, 0)->id;
  gint64 second = result (s, 1)->id;
  sqlite3 *db = NULL;

  g_assert_cmpuint (s->annotations, ==, 3);
  /* a highlight's note, a placed highlight's quote, an orphan's quote:
   * none is in the body's words searched here */
  g_assert_cmpint (single_hit (t->library, "survey"), ==, first);
  g_assert_cmpint (single_hit (t->library, "\"sea wall\""), ==, first);
  g_assert_cmpint (single_hit (t->library, "1990 survey"), ==, first);
  /* a note added afterwards, one at a time, is found at once */
  added = dossier_library_annotate_sync (t->library, second, "kind of longevity", "lighthouse keeper",
                                         NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (single_hit (t->library, "lighthouse"), ==, second);
  dossier_library_close (t->library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* the index's own tokenizer, which its integrity check reads with */
  g_assert_true (dossier_store_register_tokenizer (db));
  /* nothing is left waiting, every article's notes are its notes' text */
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM notes_batch"), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM articles WHERE notes IS NOT"
                                " coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')"
                                " FROM annotations WHERE article_id = articles.id), '')"), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM articles WHERE annotation_count !="
                                " (SELECT count(*) FROM annotations WHERE article_id = articles.id)"), ==, 0);
  /* and the index agrees with the articles, word for word */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Links kept from an export are fetched as Add by Link fetches them
 * (here from a server of the test's own on 127.0.0.1): a page found
 * becomes an article with the export's time saved, folder tag and
 * highlight; a link that fails stays kept, with the reason. */
static void
serve_page (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Harbour Reopens</title></head><body><article>"
    "<h1>Harbour Reopens</h1><p>The harbour reopened on Monday after three weeks of repairs to the "
    "north quay, and the first ferry left at dawn.</p><p>Fishermen said the repairs came late but "
    "were welcome, and the harbour master thanked the crews who worked through the storms.</p>"
    "</article></body></html>";

  if (g_str_has_prefix (path, "/held/"))
    {
      /* never answered: the fetch is cancelled while these are in flight */
      (*(guint *) data)++;
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/harbour"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, sizeof page - 1);
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "gone", 4);
    }
}

static void
keep_summary (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  DossierAppImportSummary **out = data;
  g_autoptr(GError) error = NULL;

  *out = dossier_app_import_fetch_pending_finish (DOSSIER_FETCHER (source), result, &error);
  g_assert_no_error (error);
}

static void
count_progress (const DossierLinkResult *result,
                guint                    done,
                guint                    total,
                gpointer                 data)
{
  *(guint *) data = done;
}

static void
test_fetch_pending (DossierTestLibrary *f,
                    gconstpointer       data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(DossierAppImportSummary) imported = NULL;
  g_autoptr(DossierAppImportSummary) fetched = NULL;
  g_autoptr(DossierAppImportSummary) again = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "instapaper-export.csv", NULL);
  GSList *uris;
  gint64 saved_at = 0;
  guint progress = 0;
  guint held = 0;
  int port;

  soup_server_add_handler (server, NULL, serve_page, &held, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  csv = g_strdup_printf ("URL,Title,Selection,Folder,Timestamp\n"
                         "http://127.0.0.1:%d/harbour,Harbour Reopens,\"the first ferry left at dawn\",Coast,1400000000\n"
                         "http://127.0.0.1:%d/gone,A Page That Went,,Coast,1400000100\n", port, port);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));

  imported = dossier_app_import_file (f->library, DOSSIER_APP_INSTAPAPER, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->pending, ==, 2);
  kept = dossier_app_import_list_pending (f->library, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kept->len; i++)
    {
      DossierPendingLink *l = g_ptr_array_index (kept, i);

      if (g_str_has_suffix (l->url, "/harbour"))
        saved_at = l->saved_at;
    }
  g_assert_cmpint (saved_at, >, 0);

  fetcher = dossier_fetcher_new (f->library);
  dossier_app_import_fetch_pending_async (fetcher, count_progress, &progress, NULL, NULL, keep_summary, &fetched);
  dossier_test_wait_until (fetched != NULL);
  g_assert_cmpuint (progress, ==, 2);
  g_assert_cmpuint (fetched->entries->len, ==, 2);
  g_assert_cmpuint (fetched->articles, ==, 1);
  g_assert_cmpuint (fetched->failed, ==, 1);
  g_assert_cmpuint (fetched->annotations, ==, 1);
  for (guint i = 0; i < fetched->entries->len; i++)
    {
      DossierAppEntryResult *r = g_ptr_array_index (fetched->entries, i);

      if (g_str_has_suffix (r->url, "/gone"))
        {
          g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_FAILED);
          g_assert_nonnull (strstr (r->error, "/gone"));
          g_assert_cmpstr (r->reason, ==, "not-found");
        }
      else
        {
          g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_IMPORTED);
          article = dossier_library_get_article_sync (f->library, r->id, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_nonnull (article);
  g_assert_cmpint (dossier_article_get_imported_at (article), ==, saved_at);
  tags = dossier_article_state_get_tags_sync (f->library, dossier_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tags, "Coast"));
  notes = dossier_library_list_annotations_sync (f->library, dossier_article_get_id (article), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_false (dossier_annotation_get_orphan (g_ptr_array_index (notes, 0)));
  g_assert_cmpstr (dossier_annotation_get_quote (g_ptr_array_index (notes, 0)), ==, "the first ferry left at dawn");

  /* the failed link is still kept; the fetched one is not */
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = dossier_app_import_list_pending (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_true (g_str_has_suffix (((DossierPendingLink *) g_ptr_array_index (kept, 0))->url, "/gone"));

  /* the same export again adds nothing */
  g_clear_pointer (&imported, dossier_app_import_summary_free);
  imported = dossier_app_import_file (f->library, DOSSIER_APP_INSTAPAPER, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->articles + imported->pending, ==, 0);
  dossier_app_import_fetch_pending_async (fetcher, NULL, NULL, NULL, NULL, keep_summary, &again);
  dossier_test_wait_until (again != NULL);
  g_assert_cmpuint (again->articles, ==, 0);
  g_assert_cmpuint (again->failed, ==, 1);
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 1);
}

static void
keep_cancelled_summary (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  DossierAppImportSummary **out = data;
  g_autoptr(GError) error = NULL;

  *out = dossier_app_import_fetch_pending_finish (DOSSIER_FETCHER (source), result, &error);
  /* cancelled is no error: the summary says what came in */
  g_assert_no_error (error);
}

/* Cancelled mid-batch: the link fetched before is settled whole, the
 * links in flight and those never started stay kept as they were. */
static void
test_fetch_pending_cancel (DossierTestLibrary *f,
                           gconstpointer       data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(DossierAppImportSummary) imported = NULL;
  g_autoptr(DossierAppImportSummary) fetched = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "instapaper-export.csv", NULL);
  guint done = 0;
  guint held = 0, pending = 0, imported_n = 0;
  GSList *uris;
  int port;

  soup_server_add_handler (server, NULL, serve_page, &held, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  csv = g_strdup_printf ("URL,Title,Selection,Folder,Timestamp\n"
                         "http://127.0.0.1:%d/harbour,Harbour Reopens,\"the first ferry left at dawn\",Coast,1400000000\n"
                         "http://127.0.0.1:%d/held/1,One,,Coast,1400000100\n"
                         "http://127.0.0.1:%d/held/2,Two,,Coast,1400000200\n"
                         "http://127.0.0.1:%d/held/3,Three,,Coast,1400000300\n", port, port, port, port);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  imported = dossier_app_import_file (f->library, DOSSIER_APP_INSTAPAPER, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->pending, ==, 4);

  /* two at once: the third held link never starts */
  fetcher = g_object_new (DOSSIER_TYPE_FETCHER, "library", f->library, "max-parallel", 2, NULL);
  dossier_app_import_fetch_pending_async (fetcher, count_progress, &done, NULL, cancellable,
                                          keep_cancelled_summary, &fetched);
  dossier_test_wait_until (done == 1 && held == 2);
  g_cancellable_cancel (cancellable);
  dossier_test_wait_until (fetched != NULL);

  g_assert_true (fetched->cancelled);
  g_assert_cmpuint (fetched->articles, ==, 1);
  g_assert_cmpuint (fetched->annotations, ==, 1);
  g_assert_cmpuint (fetched->failed, ==, 0);
  g_assert_cmpuint (fetched->pending, ==, 3);
  for (guint i = 0; i < fetched->entries->len; i++)
    {
      DossierAppEntryResult *r = g_ptr_array_index (fetched->entries, i);

      if (r->status == DOSSIER_APP_ENTRY_PENDING)
        {
          g_assert_nonnull (strstr (r->url, "/held/"));
          pending++;
        }
      else
        {
          g_auto(GStrv) tags = NULL;

          g_assert_cmpint (r->status, ==, DOSSIER_APP_ENTRY_IMPORTED);
          tags = dossier_article_state_get_tags_sync (f->library, r->id, &error);
          g_assert_true (g_strv_contains ((const char * const *) tags, "Coast"));
          imported_n++;
        }
    }
  g_assert_cmpuint (pending, ==, 3);
  g_assert_cmpuint (imported_n, ==, 1);
  g_assert_cmpuint (held, ==, 2);
  kept = dossier_app_import_list_pending (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 1);
  dossier_test_assert_library_sound (f->library);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, DossierTestLibrary, NULL, dossier_test_library_setup, fn, \
                                  dossier_test_library_teardown)
  ADD ("/app-import/wallabag", test_wallabag);
  ADD ("/app-import/omnivore", test_omnivore);
  ADD ("/app-import/links-only", test_links_only);
  ADD ("/app-import/hostile", test_hostile);
  ADD ("/app-import/async", test_async);
  ADD ("/app-import/fetch-pending", test_fetch_pending);
  ADD ("/app-import/notes-searchable", test_notes_searchable);
  ADD ("/app-import/fetch-pending-cancel", test_fetch_pending_cancel);
#undef ADD
  g_test_add_func ("/app-import/migrate-v4", test_migrate_v4);
  status = g_test_run ();
  /* LeakSanitizer checks at exit: the name lookups' threads leave first */
  dossier_test_settle_threads ();
  return status;
}
