/* test-library.c — DossierLibrary's async API and the lazy article list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "dossier-library.h"
#include "dossier-store.h"
#include "dossier-article-list.h"
#include "dossier-test-util.h"

typedef DossierTestLibrary Fixture;

static void
add_many (DossierLibrary *library,
          guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *title = g_strdup_printf ("Article %05u", i);
      g_autofree char *body = g_strdup_printf ("Body of article %u. %s", i, i % 10 == 0 ? "Harbour news." : "Other news.");
      DossierDate d = { 2000 + (int) (i % 15), 1 + (int) (i % 12), 1 + (int) (i % 28), DOSSIER_DATE_PRECISION_DAY };
      g_autoptr(GError) error = NULL;

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      dossier_article_set_published (a, &d);
      g_assert_cmpint (dossier_library_add_article_sync (library, a, NULL, &error), >, 0);
    }
}

typedef struct
{
  guint changes;
  guint loaded;
} Counter;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counter    *c)
{
  c->changes++;
}

static void
on_loaded (DossierArticleList *list,
           guint               position,
           guint               n,
           Counter            *c)
{
  c->loaded++;
}

static void
wait_until_idle (DossierArticleList *list)
{
  dossier_test_wait_until (!dossier_article_list_get_loading (list));
}

static void
test_lazy_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  g_autoptr(DossierArticle) item = NULL;
  g_autoptr(DossierArticle) far = NULL;
  Counter c = { 0 };
  guint loaded_before;

  add_many (f->library, 3000);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_signal_connect (list, "loaded", G_CALLBACK (on_loaded), &c);

  dossier_article_list_reload (list);
  wait_until_idle (list);
  /* one batch for the whole result */
  g_assert_cmpuint (c.changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3000);
  /* nothing is materialised until asked for */
  g_assert_cmpuint (dossier_article_list_get_n_loaded (list), ==, 0);

  /* get_item never waits: a placeholder with its id, filled in later */
  item = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_assert_cmpint (dossier_article_get_id (item), >, 0);
  g_assert_null (dossier_article_get_title (item));
  dossier_test_wait_until (c.loaded > 0);
  g_assert_nonnull (dossier_article_get_title (item));
  /* rows never carry bodies */
  g_assert_null (dossier_article_get_body (item));

  /* scrolling far away keeps memory to a few pages */
  for (guint i = 0; i < 3000; i += 50)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      (void) a;
    }
  loaded_before = dossier_article_list_get_n_loaded (list);
  g_assert_cmpuint (loaded_before, <=, DOSSIER_ARTICLE_LIST_PAGE_SIZE * DOSSIER_ARTICLE_LIST_MAX_PAGES);
  far = g_list_model_get_item (G_LIST_MODEL (list), 2999);
  g_assert_nonnull (far);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3000));
  dossier_test_wait_until (dossier_article_get_title (far) != NULL);

  /* newest first: positions follow dates */
  {
    g_autoptr(DossierArticle) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(DossierArticle) last = g_list_model_get_item (G_LIST_MODEL (list), 2999);

    dossier_test_wait_until (dossier_article_get_title (first) != NULL && dossier_article_get_title (last) != NULL);
    g_assert_cmpint (dossier_date_compare (dossier_article_get_published (first),
                                           dossier_article_get_published (last)), >, 0);
  }
  /* a page still on its way keeps the list alive past this frame */
  g_signal_handlers_disconnect_by_data (list, &c);
}

static void
test_query_and_reload (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  g_autoptr(DossierQuery) q = dossier_query_parse ("harbour", FALSE);
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(DossierArticle) hit = NULL;
  Counter c = { 0 };

  add_many (f->library, 200);
  dossier_article_list_set_query (list, q);
  wait_until_idle (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);

  /* search results carry a snippet */
  hit = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (list, "loaded", G_CALLBACK (on_loaded), &c);
  dossier_test_wait_until (dossier_article_get_title (hit) != NULL);
  g_assert_nonnull (dossier_article_get_snippet (hit));

  /* a change through the async API reloads the list by itself */
  dossier_article_set_title (a, "Harbour special");
  dossier_article_set_body (a, "The harbour opened again.");
  g_assert_cmpint (dossier_library_add_article_sync (f->library, a, NULL, &error), >, 0);
  note = dossier_annotation_new ();
  dossier_annotation_set_article_id (note, dossier_article_get_id (a));
  dossier_annotation_set_quote (note, "harbour");
  dossier_annotation_set_start (note, 4);
  dossier_annotation_set_end (note, 11);
  {
    gboolean changed = FALSE;
    gulong handler;

    /* ::changed comes in the main context once the note is committed */
    handler = g_signal_connect_swapped (f->library, "changed", G_CALLBACK (dossier_test_set_flag), &changed);
    dossier_library_add_annotation_async (f->library, note, NULL, NULL, NULL);
    dossier_test_wait_until (changed);
    g_signal_handler_disconnect (f->library, handler);
  }
  wait_until_idle (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 21);
  /* a page still on its way keeps the list alive past this frame */
  g_signal_handlers_disconnect_by_data (list, &c);
}

static char *
write_article (const char *dir,
               int         n)
{
  g_autofree char *name = g_strdup_printf ("ledger-%d.txt", n);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  static const char * const topics[] = { "dredging", "ferries", "tariffs", "lighthouses", "tides" };

  text = g_strdup_printf ("Council Debates %s, Part %d\n\n"
                          "By Mira Lenk, The Harbour Ledger\n\n"
                          "The council met again on Monday to argue about %s for the %d time this year.\n\n"
                          "The Harbour Ledger newsroom on the quay takes letters on weekdays from nine to five.\n\n"
                          "Members disagreed about %s and the cost of it, number %d, and adjourned late.\n",
                          topics[n % 5], n, topics[n % 5], n, topics[n % 5], n);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_boilerplate_learning (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *p1 = write_article (f->dir, 1);
  g_autofree char *p2 = write_article (f->dir, 2);
  g_autofree char *p3 = write_article (f->dir, 3);
  g_autofree char *p4 = write_article (f->dir, 4);
  const char *first[] = { p1, p2, NULL };
  const char *later[] = { p3, p4, NULL };
  const char *appeal = "newsroom on the quay";
  gint64 id;
  int start_before;

  results = dossier_library_import_sync (f->library, first, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  id = ((DossierImportResult *) g_ptr_array_index (results, 0))->id;

  /* two articles are not enough to call a paragraph boilerplate */
  {
    g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, id, &error);

    g_assert_cmpstr (dossier_article_get_source (a), ==, "The Harbour Ledger");
    g_assert_nonnull (strstr (dossier_article_get_body (a), appeal));
    /* a file saved by hand counts as read */
    g_assert_true (dossier_article_get_read (a));
  }

  /* a note after the recurring paragraph */
  note = dossier_library_annotate_sync (f->library, id, "Members disagreed about", "keep", NULL, NULL, &error);
  g_assert_no_error (error);
  start_before = dossier_annotation_get_start (note);

  g_clear_pointer (&results, g_ptr_array_unref);
  results = dossier_library_import_sync (f->library, later, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* now it recurs in four of four: gone from every article, old ones too */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, id + i, &error);

      g_assert_no_error (error);
      g_assert_null (strstr (dossier_article_get_body (a), appeal));
      g_assert_nonnull (strstr (dossier_article_get_body (a), "Members disagreed"));
    }

  /* and the note moved with its text instead of breaking */
  notes = dossier_library_list_annotations_sync (f->library, id, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_false (dossier_annotation_get_orphan (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (dossier_annotation_get_start (g_ptr_array_index (notes, 0)), <, start_before);
  {
    g_autoptr(DossierArticle) a = dossier_library_get_article_sync (f->library, id, &error);
    g_autofree char *slice = g_utf8_substring (dossier_article_get_body (a),
                                               dossier_annotation_get_start (g_ptr_array_index (notes, 0)),
                                               dossier_annotation_get_end (g_ptr_array_index (notes, 0)));

    g_assert_cmpstr (slice, ==, "Members disagreed about");
  }
}

static void
annotate (DossierLibrary     *library,
          gint64              id,
          const char         *quote,
          const char         *note,
          const char * const *tags,
          const char         *color)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) n = dossier_library_annotate_sync (library, id, quote, note, tags, color, &error);

  g_assert_no_error (error);
  g_assert_nonnull (n);
}

static void
on_tags_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GHashTable **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_library_article_tags_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

/* The timeline's lanes by tag and the filter menu ask which tags each
 * article's notes carry, and which sources and tags exist at all. */
static void
test_article_tags (Fixture       *f,
                   gconstpointer  data)
{
  const char *t1[] = { "dam", "Water", NULL };
  const char *t2[] = { "water", "treaty", NULL };
  const char *none[] = { NULL };
  gint64 ids[3];
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GHashTable) async_tags = NULL;
  g_auto(GStrv) all = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *got;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *title = g_strdup_printf ("Story %u", i);
      g_autofree char *body = g_strdup_printf ("Day %u: the river rose over the old dam while the treaty talks went on.", i);

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      ids[i] = dossier_library_add_article_sync (f->library, a, NULL, &error);
      g_assert_no_error (error);
    }
  annotate (f->library, ids[0], "river rose", NULL, t1, "yellow");
  annotate (f->library, ids[0], "old dam", NULL, t2, "green");
  annotate (f->library, ids[1], "treaty talks", NULL, none, "blue");

  tags = dossier_library_article_tags_sync (f->library, &error);
  g_assert_no_error (error);
  /* article 0: three distinct tags, "Water" and "water" merged */
  got = g_hash_table_lookup (tags, &ids[0]);
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, 3);
  g_assert_true (g_strv_contains (got, "dam"));
  g_assert_true (g_strv_contains (got, "treaty"));
  g_assert_true (g_strv_contains (got, "Water") || g_strv_contains (got, "water"));
  /* a note without tags, and no notes at all: not in the table */
  g_assert_null (g_hash_table_lookup (tags, &ids[1]));
  g_assert_null (g_hash_table_lookup (tags, &ids[2]));

  dossier_library_article_tags_async (f->library, NULL, on_tags_ready, &async_tags);
  dossier_test_wait_until (async_tags != NULL);
  g_assert_cmpuint (g_hash_table_size (async_tags), ==, 1);

  all = dossier_library_list_tags_sync (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
  /* the most used tag comes first */
  g_assert_cmpint (g_ascii_strcasecmp (all[0], "water"), ==, 0);
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DossierDeletedArticle **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_library_delete_article_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gint64 *out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_library_restore_article_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static guint
count_hits (DossierLibrary *library,
            const char     *text)
{
  g_autoptr(DossierQuery) query = dossier_query_parse (text, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_library_search_sync (library, query, 0, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* Deleting an article from the window can be undone: it comes back with
 * its text, details and notes, and search finds it again. */
static void
test_delete_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(DossierArticle) back = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  DossierDeletedArticle *deleted = NULL;
  DossierDate d = { 2011, 5, 4, DOSSIER_DATE_PRECISION_DAY };
  const char *tags[] = { "levee", NULL };
  g_autoptr(DossierAnnotation) n = NULL;
  g_autofree char *uuid = NULL;
  gint64 id, restored = 0;

  dossier_article_set_title (a, "Levee breach at Ostrava");
  dossier_article_set_source (a, "Morning Wire");
  dossier_article_set_body (a, "The levee gave way at night. Crews worked until dawn.");
  dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (f->library, a, NULL, &error);
  g_assert_no_error (error);
  n = dossier_library_annotate_sync (f->library, id, "levee gave way", "First report", tags, "pink", &error);
  g_assert_no_error (error);
  uuid = g_strdup (dossier_annotation_get_uuid (n));
  g_assert_cmpuint (count_hits (f->library, "levee"), ==, 1);

  dossier_library_delete_article_async (f->library, id, NULL, on_deleted, &deleted);
  dossier_test_wait_until (deleted != NULL);
  g_assert_cmpstr (dossier_article_get_title (dossier_deleted_article_get_article (deleted)), ==, "Levee breach at Ostrava");
  g_assert_cmpuint (dossier_deleted_article_get_n_annotations (deleted), ==, 1);
  g_assert_cmpuint (dossier_library_count_sync (f->library, NULL), ==, 0);
  g_assert_cmpuint (count_hits (f->library, "levee"), ==, 0);
  g_assert_null (dossier_library_find_annotation_by_uuid_sync (f->library, uuid, NULL));

  dossier_library_restore_article_async (f->library, deleted, NULL, on_restored, &restored);
  dossier_test_wait_until (restored != 0);
  g_assert_cmpint (restored, >, 0);
  back = dossier_library_get_article_sync (f->library, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_title (back), ==, "Levee breach at Ostrava");
  g_assert_cmpstr (dossier_article_get_source (back), ==, "Morning Wire");
  g_assert_cmpstr (dossier_article_get_body (back), ==, "The levee gave way at night. Crews worked until dawn.");
  g_assert_cmpint (dossier_article_get_published (back)->year, ==, 2011);
  g_assert_cmpuint (count_hits (f->library, "levee"), ==, 1);
  notes = dossier_library_list_annotations_sync (f->library, restored, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_uuid (g_ptr_array_index (notes, 0)), ==, uuid);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (notes, 0)), ==, "First report");
  /* under its own id: a link to it still leads to it */
  g_assert_cmpint (restored, ==, id);

  /* deleted again, and meanwhile a new article takes the free id: the
   * article comes back under a new one, and both are there */
  deleted = NULL;
  dossier_library_delete_article_async (f->library, id, NULL, on_deleted, &deleted);
  dossier_test_wait_until (deleted != NULL);
  {
    g_autoptr(DossierArticle) other = dossier_article_new ();

    dossier_article_set_title (other, "Bridge reopens");
    dossier_article_set_body (other, "The bridge reopened on Monday.");
    g_assert_cmpint (dossier_library_add_article_sync (f->library, other, NULL, &error), ==, id);
    g_assert_no_error (error);
  }
  restored = 0;
  dossier_library_restore_article_async (f->library, deleted, NULL, on_restored, &restored);
  dossier_test_wait_until (restored != 0);
  g_assert_cmpint (restored, >, id);
  g_assert_cmpuint (dossier_library_count_sync (f->library, NULL), ==, 2);
  g_clear_object (&back);
  back = dossier_library_get_article_sync (f->library, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_title (back), ==, "Levee breach at Ostrava");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = dossier_library_list_annotations_sync (f->library, restored, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* deleting an article writes to the search index */
  g_assert_true (dossier_store_register_tokenizer (db));
  /* and a correction queues itself for a team by its UUID */
  g_assert_true (dossier_store_register_row_uuid (db));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* What the user gave a deleted article besides its notes comes back with
 * Undo: its tags, the evidence for its date, the story the user put it
 * in and the articles joined to it, a corrected speaker, the links and
 * the feed entry and export entry that led to it; rows pointing at
 * something removed meanwhile stay out (a new id is covered by
 * delete-and-restore: the rows follow the id the restore gives). */
static void
test_restore_keeps_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DossierDeletedArticle *deleted = NULL;
  gint64 ids[3], restored = 0;
  static const char rows[] =
    "SELECT json_array("
    " (SELECT hints FROM date_hints WHERE article_id = %1$lld),"
    " (SELECT group_concat(tag || ':' || (uuid IS NOT NULL), ',') FROM"
    "   (SELECT tag, uuid FROM article_tags WHERE article_id = %1$lld ORDER BY tag)),"
    " (SELECT count(*) FROM story_joins WHERE (article_id = %1$lld AND other_id = %2$lld)"
    "   OR (article_id = %3$lld AND other_id = %1$lld)),"
    " (SELECT story_id || '/' || pinned FROM story_members WHERE article_id = %1$lld),"
    " (SELECT text || '/' || rejected FROM quote_corrections WHERE article_id = %1$lld),"
    " (SELECT group_concat(url, ' ') FROM article_links WHERE article_id = %1$lld),"
    " (SELECT guid FROM feed_entries WHERE article_id = %1$lld),"
    " (SELECT source_id FROM app_imports WHERE article_id = %1$lld))";

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *title = g_strdup_printf ("Flood report %u", i);
      g_autofree char *body = g_strdup_printf ("Report %u: the river rose over the levee at Ostrava.", i);

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      ids[i] = dossier_library_add_article_sync (f->library, a, NULL, &error);
      g_assert_no_error (error);
    }
  sql = g_strdup_printf ("INSERT INTO date_hints VALUES (%1$lld, 'modified 2011-05-04');"
                         "INSERT INTO article_tags (article_id, tag, uuid) VALUES"
                         "  (%1$lld, 'levee', 'u1'), (%1$lld, 'flood', 'u2');"
                         "INSERT INTO stories (id, created) VALUES (77, 0);"
                         "INSERT OR REPLACE INTO story_members VALUES (%1$lld, 77, 1);"
                         "INSERT INTO story_joins (article_id, other_id, uuid) VALUES"
                         "  (%1$lld, %2$lld, 'j1'), (%3$lld, %1$lld, 'j2');"
                         "INSERT INTO quote_corrections VALUES (%1$lld, 'the levee held', NULL, 1);"
                         "INSERT INTO article_links VALUES ('https://example.org/flood', %1$lld, 1);"
                         "INSERT INTO feeds (id, url, added) VALUES (5, 'https://example.org/feed', 0);"
                         "INSERT INTO feed_entries VALUES (5, 'entry-1', %1$lld, 0);"
                         "INSERT INTO app_imports VALUES ('pocket', 'p-9', %1$lld, NULL);",
                         (long long) ids[0], (long long) ids[1], (long long) ids[2]);
  exec_sql (path, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf (rows, (long long) ids[0], (long long) ids[1], (long long) ids[2]);
  before = query_text (path, sql);
  g_assert_cmpstr (before, ==, "[\"modified 2011-05-04\",\"flood:1,levee:1\",2,\"77/1\",\"the levee held/1\","
                               "\"https://example.org/flood\",\"entry-1\",\"p-9\"]");

  dossier_library_delete_article_async (f->library, ids[0], NULL, on_deleted, &deleted);
  dossier_test_wait_until (deleted != NULL);
  g_assert_cmpstr ((after = query_text (path, sql)), ==, "[null,null,0,null,null,null,null,null]");
  g_clear_pointer (&after, g_free);

  dossier_library_restore_article_async (f->library, deleted, NULL, on_restored, &restored);
  dossier_test_wait_until (restored != 0);
  g_assert_cmpint (restored, ==, ids[0]);
  after = query_text (path, sql);
  g_assert_cmpstr (after, ==, before);

  /* deleted again; meanwhile an article it was joined to, and the
   * story, go: the rest comes back */
  deleted = NULL;
  dossier_library_delete_article_async (f->library, ids[0], NULL, on_deleted, &deleted);
  dossier_test_wait_until (deleted != NULL);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM articles WHERE id = %lld; DELETE FROM stories WHERE id = 77;",
                         (long long) ids[2]);
  exec_sql (path, sql);
  restored = 0;
  dossier_library_restore_article_async (f->library, deleted, NULL, on_restored, &restored);
  dossier_test_wait_until (restored != 0);
  g_assert_cmpint (restored, ==, ids[0]);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf (rows, (long long) restored, (long long) ids[1], (long long) ids[2]);
  g_clear_pointer (&after, g_free);
  after = query_text (path, sql);
  g_assert_cmpstr (after, ==, "[\"modified 2011-05-04\",\"flood:1,levee:1\",1,null,\"the levee held/1\","
                              "\"https://example.org/flood\",\"entry-1\",\"p-9\"]");
}

/* Types "news harb" into @list's search a keystroke at a time, as the
 * window does (the last word a prefix), each keystroke making the previous
 * search stale, and waits for the last one's answer */
static void
type_harbour (DossierArticleList *list,
              DossierSort         sort)
{
  static const char * const typed[] = { "a", "ar", "art", "arti", "news h", "news ha", "news harb" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(DossierQuery) q = dossier_query_parse (typed[i], TRUE);

      q->sort = sort;
      q->sort_set = TRUE;
      dossier_article_list_set_query (list, q);
      if (i < 3)
        g_main_context_iteration (NULL, FALSE);
    }
  wait_until_idle (list);
}

/* As the window searches while the user types: newest first, the last
 * word a prefix, each keystroke making the previous search stale */
static void
test_typing_newest_first (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  gint64 previous_jd = G_MAXINT64;

  add_many (f->library, 3000);
  type_harbour (list, DOSSIER_SORT_DATE_DESC);
  /* only the last query's answer: every tenth article has "Harbour" */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 jd;

      dossier_test_wait_until (dossier_article_get_title (a) != NULL);
      /* the word being typed is marked in the snippet */
      g_assert_nonnull (strstr (dossier_article_get_snippet (a), "\001Harbour\002"));
      jd = dossier_date_to_julian (dossier_article_get_published (a));
      g_assert_cmpint (jd, <=, previous_jd);
      previous_jd = jd;
    }
}

/* The same typing with the list sorted by relevance: each keystroke's
 * ranking is dropped for the next, and the pages of the last one come
 * best first, with the scores of that ranking */
static void
test_typing_ranked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  double previous = G_MAXDOUBLE;

  add_many (f->library, 3000);
  type_harbour (list, DOSSIER_SORT_RELEVANCE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  /* two pages and a half */
  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (list), i);

      dossier_test_wait_until (dossier_article_get_title (a) != NULL);
      g_assert_nonnull (strstr (dossier_article_get_snippet (a), "\001Harbour\002"));
      g_assert_cmpfloat (dossier_article_get_score (a), >, 0);
      g_assert_cmpfloat (dossier_article_get_score (a), <=, previous);
      previous = dossier_article_get_score (a);
    }
}

/* A pretend list view: holds the items it was given, as rows do, and
 * asks again only for those items-changed names. */
static void
on_view_items_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GPtrArray  *bound)
{
  g_ptr_array_remove_range (bound, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (bound, position + i, g_list_model_get_item (model, position + i));
}

/* Typing a search keeps the newest article first, as it was: its row must
 * still show the search's snippet, not the unsearched article. */
static void
test_rows_follow_query (Fixture       *f,
                        gconstpointer  data)
{
  const char *bodies[] = { "The river rose at dawn.", "Quiet day at the docks.", "An old river map was found." };
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  g_autoptr(GPtrArray) bound = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierQuery) query = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *title = g_strdup_printf ("Report %u", i);
      DossierDate d = { 2012 - (int) i, 5, 1, DOSSIER_DATE_PRECISION_DAY };
      g_autoptr(GError) error = NULL;

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, bodies[i]);
      dossier_article_set_published (a, &d);
      g_assert_cmpint (dossier_library_add_article_sync (f->library, a, NULL, &error), >, 0);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_view_items_changed), bound);
  dossier_article_list_set_query (list, NULL);
  wait_until_idle (list);
  g_assert_cmpuint (bound->len, ==, 3);
  dossier_test_wait_until (dossier_article_get_title (g_ptr_array_index (bound, 0)) != NULL);
  g_assert_null (dossier_article_get_snippet (g_ptr_array_index (bound, 0)));

  query = dossier_query_parse ("river", TRUE);
  query->sort = DOSSIER_SORT_DATE_DESC;
  query->sort_set = TRUE;
  dossier_article_list_set_query (list, query);
  wait_until_idle (list);
  g_assert_cmpuint (bound->len, ==, 2);
  /* what the rows hold, once their page has come */
  for (guint i = 0; i < bound->len; i++)
    {
      DossierArticle *a = g_ptr_array_index (bound, i);

      dossier_test_poll_until_full (NULL, 5, dossier_article_get_snippet (a) != NULL);
      g_assert_nonnull (dossier_article_get_snippet (a));
      g_assert_nonnull (strstr (dossier_article_get_snippet (a), "river"));
    }
}

/* Closing the library while a list still asks for rows (a window being
 * torn down): the calls queued before and made after fail as closed, which
 * the list takes quietly (fatal warnings would end this test), and nothing
 * touches a database that is gone. */
static void
test_closed_library (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
  g_autoptr(DossierQuery) q = dossier_query_parse ("harbour", FALSE);
  g_autoptr(GError) error = NULL;

  add_many (f->library, 50);
  wait_until_idle (list);
  dossier_article_list_set_query (list, q);
  dossier_library_close (f->library);
  wait_until_idle (list);
  g_assert_cmpint (dossier_library_count_sync (f->library, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  /* and it opens again */
  g_assert_true (dossier_library_open_sync (f->library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_library_count_sync (f->library, &error), ==, 50);
}

/* A snippet of a note shows the words a reader sees: the Markdown's
 * marks and a link's address are gone, the tags read as #tags, and the
 * match marks stand alone, in the command line's search, in the list
 * (newest first) and in a page ranked by relevance */
static void
assert_note_snippet (const char *snippet,
                     const char *marked)
{
  g_assert_nonnull (snippet);
  g_assert_nonnull (strstr (snippet, marked));
  g_assert_null (strstr (snippet, "**"));
  g_assert_null (strstr (snippet, "`"));
  g_assert_null (strstr (snippet, "https"));
  g_assert_null (strstr (snippet, "[\""));
}

static void
test_note_snippets (Fixture       *f,
                    gconstpointer  data)
{
  const char *tags[] = { "claim", "follow-up", NULL };
  const char *texts[] = { "check", "claim" };
  const char *marked[] = {
    "The harbour \001Check\002 it against the log and tide #claim #follow-up",
    "against the log and tide #\001claim\002 #follow-up",
  };
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = dossier_test_add_article (f->library, "Harbour news", "The harbour reopened after the storm.");
  dossier_test_add_article (f->library, "Other news", "Nothing to note.");
  note = dossier_test_add_note (f->library, id, "The harbour",
                                "**Check** it against\n[the log](https://example.org/ledger) and `tide`");
  dossier_annotation_set_tags (note, tags);
  g_assert_true (dossier_library_update_annotation_sync (f->library, note, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierQuery) q = dossier_query_parse (texts[i], FALSE);
      g_autoptr(DossierQuery) other = dossier_query_parse ("storm", FALSE);
      g_autoptr(DossierArticleList) list = dossier_article_list_new (f->library);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(DossierArticle) item = NULL;

      /* as dossier-cli search */
      found = dossier_library_search_sync (f->library, q, 50, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      assert_note_snippet (dossier_article_get_snippet (g_ptr_array_index (found, 0)), marked[i]);

      /* a page ranked by relevance, read after another search */
      g_clear_pointer (&found, g_ptr_array_unref);
      found = dossier_library_search_sync (f->library, other, 50, &error);
      g_assert_no_error (error);
      q->sort = DOSSIER_SORT_RELEVANCE;
      q->sort_set = TRUE;
      again = dossier_library_search_sync (f->library, q, 50, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, 1);
      assert_note_snippet (dossier_article_get_snippet (g_ptr_array_index (again, 0)), marked[i]);

      /* as the list shows it, newest first */
      q->sort = DOSSIER_SORT_DATE_DESC;
      dossier_article_list_set_query (list, q);
      wait_until_idle (list);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      item = g_list_model_get_item (G_LIST_MODEL (list), 0);
      dossier_test_wait_until (dossier_article_get_snippet (item) != NULL);
      assert_note_snippet (dossier_article_get_snippet (item), marked[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Library/note-snippets", Fixture, NULL, dossier_test_library_setup, test_note_snippets, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/lazy-list", Fixture, NULL, dossier_test_library_setup, test_lazy_list, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/boilerplate-learning", Fixture, NULL, dossier_test_library_setup, test_boilerplate_learning, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/article-tags", Fixture, NULL, dossier_test_library_setup, test_article_tags, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/delete-and-restore", Fixture, NULL, dossier_test_library_setup, test_delete_and_restore, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/restore-keeps-rows", Fixture, NULL, dossier_test_library_setup, test_restore_keeps_rows, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/rows-follow-query", Fixture, NULL, dossier_test_library_setup, test_rows_follow_query, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/query-and-reload", Fixture, NULL, dossier_test_library_setup, test_query_and_reload, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/typing-newest-first", Fixture, NULL, dossier_test_library_setup, test_typing_newest_first, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/closed-library", Fixture, NULL, dossier_test_library_setup, test_closed_library, dossier_test_library_teardown);
  g_test_add ("/Dossier/Library/typing-ranked", Fixture, NULL, dossier_test_library_setup, test_typing_ranked, dossier_test_library_teardown);

  return g_test_run ();
}
