/* test-store.c — the SQLite store: CRUD, search, migration, bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-search-index.h"
#include "dossier-test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  DossierLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = dossier_library_new (f->path);
  g_assert_true (dossier_library_open_sync (f->library, TRUE, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->library);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_article (DossierLibrary *library,
             const char     *title,
             const char     *source,
             const char     *date,
             const char     *url,
             const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, source);
  dossier_article_set_url (a, url);
  dossier_article_set_body (a, body);
  if (date != NULL)
    {
      g_assert_true (dossier_date_from_iso (date, &d));
      dossier_article_set_published (a, &d);
      dossier_article_set_date_origin (a, DOSSIER_DATE_ORIGIN_TEXT);
    }
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
search (DossierLibrary *library,
        const char     *text)
{
  g_autoptr(DossierQuery) q = dossier_query_parse (text, FALSE);
  g_autoptr(GError) error = NULL;
  GPtrArray *result = dossier_library_search_sync (library, q, 0, &error);

  g_assert_no_error (error);
  return result;
}

static gboolean
has_id (GPtrArray *articles,
        gint64     id)
{
  for (guint i = 0; i < articles->len; i++)
    if (dossier_article_get_id (g_ptr_array_index (articles, i)) == id)
      return TRUE;
  return FALSE;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) got = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *published = NULL;
  const char *tags[] = { "claim", NULL };
  gint64 id;

  id = add_article (f->library, "Treaty talks resume", "Wire Service", "2010-03-18",
                    "https://example.org/treaty",
                    "Negotiators returned to Geneva.\n\nBoth sides called the talks constructive.");
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 1);

  got = dossier_library_get_article_sync (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_title (got), ==, "Treaty talks resume");
  g_assert_cmpstr (dossier_article_get_source (got), ==, "Wire Service");
  g_assert_cmpstr (dossier_article_get_body (got), ==,
                   "Negotiators returned to Geneva.\n\nBoth sides called the talks constructive.");
  published = dossier_article_dup_published_string (got);
  g_assert_cmpstr (published, ==, "2010-03-18");
  g_assert_cmpint (dossier_article_get_date_origin (got), ==, DOSSIER_DATE_ORIGIN_TEXT);

  /* annotate; the count follows */
  note = dossier_library_annotate_sync (f->library, id, "called the talks constructive",
                                        "First sign of progress", tags, "green", &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpint (dossier_annotation_get_start (note), ==, 44);
  g_assert_cmpint (dossier_annotation_get_end (note), ==, 73);
  g_clear_object (&got);
  got = dossier_library_get_article_sync (f->library, id, &error);
  g_assert_cmpuint (dossier_article_get_annotation_count (got), ==, 1);

  /* update the metadata */
  dossier_article_set_title (got, "Treaty talks resume in Geneva");
  dossier_article_set_published (got, NULL);
  g_assert_true (dossier_library_update_article_sync (f->library, got, &error));
  g_clear_object (&got);
  got = dossier_library_get_article_sync (f->library, id, &error);
  g_assert_cmpstr (dossier_article_get_title (got), ==, "Treaty talks resume in Geneva");
  g_assert_cmpint (dossier_article_get_published (got)->precision, ==, DOSSIER_DATE_PRECISION_UNKNOWN);

  /* edit and delete the note */
  dossier_annotation_set_note (note, "Changed my mind");
  g_assert_true (dossier_library_update_annotation_sync (f->library, note, &error));
  notes = dossier_library_list_annotations_sync (f->library, id, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (notes, 0)), ==, "Changed my mind");
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (g_ptr_array_index (notes, 0)), tags));
  g_assert_true (dossier_library_delete_annotation_sync (f->library, dossier_annotation_get_id (note), &error));
  g_assert_false (dossier_library_delete_annotation_sync (f->library, dossier_annotation_get_id (note), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* delete the article */
  g_assert_true (dossier_library_delete_article_sync (f->library, id, &error));
  g_assert_null (dossier_library_get_article_sync (f->library, id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 0);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DossierArticle) same_url = dossier_article_new ();
  g_autoptr(DossierArticle) same_body = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 dup = 0;
  gint64 id;

  id = add_article (f->library, "One", NULL, NULL, "https://example.org/a", "Some words here.");

  dossier_article_set_title (same_url, "Other");
  dossier_article_set_url (same_url, "https://example.org/a");
  dossier_article_set_body (same_url, "Different text altogether.");
  g_assert_cmpint (dossier_library_add_article_sync (f->library, same_url, &dup, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (dup, ==, id);

  /* the same text with other case and spacing is the same article */
  dossier_article_set_title (same_body, "Third");
  dossier_article_set_body (same_body, "some  WORDS\u00a0here.");
  g_assert_cmpint (dossier_library_add_article_sync (f->library, same_body, &dup, &error), ==, 0);
  g_assert_cmpint (dup, ==, id);
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 1);
}

static void
test_search_grammar (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  const char *tags[] = { "follow-up", NULL };
  gint64 a, b, c, d;
  GPtrArray *r;

  a = add_article (f->library, "Lavrov meets Kerry in Geneva", "The Moscow Times", "2013-05-07", NULL,
                   "Foreign Minister Sergei Lavrov met his counterpart on Tuesday.");
  b = add_article (f->library, "Sanctions widen", "Wire Service", "2014-12-19", NULL,
                   "The sanctions announced in December widened the rift between Moscow and Washington.");
  c = add_article (f->library, "Missile defense talks stall", "The Moscow Times", "2012-03", NULL,
                   "Talks on missile defense stalled again; Lavrov blamed Washington.");
  d = add_article (f->library, "Undated commentary", NULL, NULL, NULL,
                   "The reset was never as simple as its button suggested.");
  note = dossier_library_annotate_sync (f->library, d, "never as simple", "a button made of plastic",
                                        tags, NULL, &error);
  g_assert_no_error (error);

  r = search (f->library, "Lavrov");
  g_assert_cmpuint (r->len, ==, 2);
  g_assert_true (has_id (r, a) && has_id (r, c));
  /* the title match ranks first, and the snippet marks the word */
  g_assert_cmpint (dossier_article_get_id (g_ptr_array_index (r, 0)), ==, a);
  g_assert_nonnull (strstr (dossier_article_get_snippet (g_ptr_array_index (r, 0)), "\001Lavrov\002"));
  g_ptr_array_unref (r);

  r = search (f->library, "lavrov -washington");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, a));
  g_ptr_array_unref (r);

  r = search (f->library, "\"missile defense\"");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, c));
  g_ptr_array_unref (r);

  r = search (f->library, "sanctions OR button");
  g_assert_cmpuint (r->len, ==, 2);
  g_assert_true (has_id (r, b) && has_id (r, d));
  g_ptr_array_unref (r);

  r = search (f->library, "source:\"the moscow times\"");
  g_assert_cmpuint (r->len, ==, 2);
  g_ptr_array_unref (r);

  r = search (f->library, "published:2013-01..2014-06");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, a));
  g_ptr_array_unref (r);

  /* a month-precision date falls in a range that covers its month */
  r = search (f->library, "published:2012");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, c));
  g_ptr_array_unref (r);

  r = search (f->library, "has:notes");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, d));
  g_ptr_array_unref (r);

  r = search (f->library, "tag:follow-up");
  g_assert_cmpuint (r->len, ==, 1);
  g_ptr_array_unref (r);

  /* notes are searched with the articles */
  r = search (f->library, "plastic");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (has_id (r, d));
  g_ptr_array_unref (r);

  r = search (f->library, "is:undated");
  g_assert_cmpuint (r->len, ==, 1);
  g_ptr_array_unref (r);

  /* author:NAME: an article with a note by that member; the notes
   * search keeps only theirs (a name in any case) */
  {
    g_autoptr(DossierAnnotation) bens = dossier_annotation_new ();
    g_autoptr(DossierQuery) q = dossier_query_parse ("author:BEN", FALSE);
    g_autoptr(GPtrArray) notes = NULL;

    dossier_annotation_set_article_id (bens, b);
    dossier_annotation_set_quote (bens, "sanctions");
    dossier_annotation_set_note (bens, "ben reads the rift");
    dossier_annotation_set_author (bens, "ben");
    g_assert_cmpint (dossier_library_add_annotation_sync (f->library, bens, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (q->authors->len, ==, 1);
    r = search (f->library, "author:ben");
    g_assert_cmpuint (r->len, ==, 1);
    g_assert_true (has_id (r, b));
    g_ptr_array_unref (r);
    r = search (f->library, "author:ana");
    g_assert_cmpuint (r->len, ==, 0);
    g_ptr_array_unref (r);
    notes = dossier_library_list_annotations_sync (f->library, 0, q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpstr (dossier_annotation_get_note (notes->pdata[0]), ==, "ben reads the rift");
  }

  /* hostile text stays text: no FTS syntax error, no SQL */
  r = search (f->library, "'; DROP TABLE articles; -- \" NEAR( * ^");
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 4);
}

static void
test_query_hints (void)
{
  g_autoptr(DossierQuery) open_quote = dossier_query_parse ("\"missile defense", FALSE);
  g_autoptr(DossierQuery) bare_and = dossier_query_parse ("putin AND", FALSE);
  g_autoptr(DossierQuery) bad_date = dossier_query_parse ("published:someday treaty", FALSE);
  g_autoptr(DossierQuery) typing = dossier_query_parse ("lavr", TRUE);
  g_autoptr(DossierQuery) grouped = dossier_query_parse ("putin medvedev OR lavrov", FALSE);

  g_assert_nonnull (open_quote->hint);
  g_assert_cmpstr (open_quote->fts, ==, "\"missile defense\"");
  g_assert_nonnull (bare_and->hint);
  g_assert_cmpstr (bare_and->fts, ==, "\"putin\"");
  g_assert_nonnull (bad_date->hint);
  g_assert_cmpstr (bad_date->fts, ==, "\"treaty\"");
  g_assert_cmpint (bad_date->from_jd, ==, -1);
  g_assert_cmpstr (typing->fts, ==, "\"lavr\"*");
  g_assert_cmpstr (grouped->fts, ==, "\"putin\" AND (\"medvedev\" OR \"lavrov\")");
}

static void
exec_sql_file (const char *path,
               const char *sql_file,
               const char *extra)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (sql_file != NULL)
    {
      g_file_get_contents (sql_file, &sql, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sql != NULL)
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  if (extra != NULL)
    g_assert_cmpint (sqlite3_exec (db, extra, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v1.sql", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *published = NULL;
  GPtrArray *r;

  exec_sql_file (path, fixture, NULL);
  g_assert_cmpint (user_version (path), ==, 1);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  /* the articles' index is rebuilt in batches, as the window and the
   * command line do after an upgrade */
  g_assert_true (dossier_search_index_rebuild_sync (library, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, DOSSIER_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);

  a = dossier_library_get_article_sync (library, 2, &error);
  published = dossier_article_dup_published_string (a);
  g_assert_cmpstr (published, ==, "2014-12");
  g_assert_cmpint (dossier_article_get_published (a)->precision, ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpuint (dossier_article_get_annotation_count (a), ==, 1);

  notes = dossier_library_list_annotations_sync (library, 1, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (notes, 0)), ==, "First sign of progress");
  g_assert_nonnull (dossier_annotation_get_uuid (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (dossier_annotation_get_created (g_ptr_array_index (notes, 0)), ==,
                   dossier_annotation_get_modified (g_ptr_array_index (notes, 0)));

  /* migrated dates count days as new ones do: ranges and sorting work */
  r = search (library, "published:2014");
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpint (dossier_article_get_id (g_ptr_array_index (r, 0)), ==, 2);
  g_ptr_array_unref (r);
  {
    g_autoptr(GArray) points = dossier_library_timeline_points_sync (library, NULL, &error);
    DossierDate day = { 2010, 3, 18, DOSSIER_DATE_PRECISION_DAY };

    g_assert_cmpuint (points->len, ==, 3);
    for (guint i = 0; i < points->len; i++)
      if (g_array_index (points, DossierTimelinePoint, i).id == 1)
        g_assert_cmpint (g_array_index (points, DossierTimelinePoint, i).julian, ==, dossier_date_to_julian (&day));
  }

  /* the v2 index covers old notes */
  r = search (library, "progress");
  g_assert_cmpuint (r->len, ==, 1);
  g_ptr_array_unref (r);
  r = search (library, "geneva");
  g_assert_cmpuint (r->len, ==, 1);
  g_ptr_array_unref (r);

  /* a v1 article is a duplicate source for the same URL */
  {
    g_autoptr(DossierArticle) again = dossier_article_new ();
    gint64 dup = 0;

    dossier_article_set_title (again, "again");
    dossier_article_set_body (again, "Markets fell sharply. The sanctions announced in December widened the rift.");
    dossier_article_set_url (again, "https://example.org/2010/03/treaty-talks");
    g_assert_cmpint (dossier_library_add_article_sync (library, again, &dup, &error), ==, 0);
    g_assert_cmpint (dup, ==, 1);
  }
  g_clear_object (&library);
  remove_tree (dir);
}

static void
test_migrate_rollback (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v1.sql", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* a table in the way makes step 2 fail half-way */
  exec_sql_file (path, fixture, "CREATE TABLE boilerplate (x)");

  library = dossier_library_new (path);
  g_assert_false (dossier_library_open_sync (library, FALSE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "left unchanged"));
  g_clear_object (&library);

  /* nothing of the failed step stayed */
  g_assert_cmpint (user_version (path), ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT byline FROM articles", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  remove_tree (dir);
}

static void
assert_unchanged_after_open (const char *path,
                             int         domain_code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  gsize len_before = 0, len_after = 0;
  g_autoptr(DossierLibrary) library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &before, &len_before, NULL);
  g_assert_false (dossier_library_open_sync (library, TRUE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, domain_code);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, path));
  g_clear_object (&library);
  g_file_get_contents (path, &after, &len_after, NULL);
  g_assert_cmpmem (before, len_before, after, len_after);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-bad-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "These are my notes, not a database.\n", -1, NULL);
  assert_unchanged_after_open (text, DOSSIER_STORE_ERROR_NOT_LIBRARY);

  exec_sql_file (other, NULL, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');");
  assert_unchanged_after_open (other, DOSSIER_STORE_ERROR_NOT_LIBRARY);

  exec_sql_file (newer, NULL, "PRAGMA application_id = 1146049363; CREATE TABLE articles (id);"
                              "PRAGMA user_version = 99;");
  assert_unchanged_after_open (newer, DOSSIER_STORE_ERROR_TOO_NEW);

  library = dossier_library_new (missing);
  g_assert_false (dossier_library_open_sync (library, FALSE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&library);

  library = dossier_library_new (dir);
  g_assert_false (dossier_library_open_sync (library, TRUE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN);
  g_clear_object (&library);
  remove_tree (dir);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-corrupt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(DossierLibrary) library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  guint n;

  g_assert_true (dossier_library_open_sync (library, TRUE, &error));
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Article %d", i);
      g_autofree char *body = g_strdup_printf ("Body number %d with some words to index and more %d.", i, i * 7);

      add_article (library, title, "Src", NULL, NULL, body);
    }
  g_clear_object (&library);

  /* scribble over everything after the header */
  g_file_get_contents (path, &contents, &len, NULL);
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    contents[i] = (char) (i * 31);
  g_file_set_contents (path, contents, len, NULL);

  library = dossier_library_new (path);
  if (dossier_library_open_sync (library, FALSE, &error))
    {
      /* the damage may only show on reading: an error, never a crash */
      g_autoptr(DossierQuery) q = dossier_query_parse ("words", FALSE);
      g_autoptr(GPtrArray) r = NULL;

      n = dossier_library_count_sync (library, &error);
      if (error == NULL)
        r = dossier_library_search_sync (library, q, 0, &error);
      g_assert_nonnull (error);
      (void) n;
    }
  g_assert_true (error->domain == DOSSIER_STORE_ERROR);
  g_clear_object (&library);
  remove_tree (dir);
}

typedef struct
{
  DossierLibrary *library;
  int             thread;
  guint           failures;
} Worker;

static gpointer
hammer (gpointer data)
{
  Worker *w = data;

  for (int i = 0; i < 40; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Thread %d article %d", w->thread, i);
      g_autofree char *body = g_strdup_printf ("Concurrent body %d from thread %d.", i, w->thread);
      g_autoptr(DossierQuery) q = dossier_query_parse ("concurrent", FALSE);
      g_autoptr(GPtrArray) r = NULL;

      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      if (dossier_library_add_article_sync (w->library, a, NULL, &error) <= 0)
        w->failures++;
      r = dossier_library_search_sync (w->library, q, 10, &error);
      if (r == NULL)
        w->failures++;
    }
  return NULL;
}

static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  Worker workers[4];
  GThread *threads[4];
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 4; i++)
    {
      workers[i] = (Worker) { f->library, i, 0 };
      threads[i] = g_thread_new ("hammer", hammer, &workers[i]);
    }
  for (int i = 0; i < 4; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (workers[i].failures, ==, 0);
    }
  g_assert_cmpuint (dossier_library_count_sync (f->library, &error), ==, 160);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gpointer   result;
} AsyncWait;

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  AsyncWait *w = data;

  w->result = dossier_library_search_finish (DOSSIER_LIBRARY (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierQuery) q = dossier_query_parse ("geneva", FALSE);
  AsyncWait w = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  add_article (f->library, "Geneva", NULL, NULL, NULL, "In Geneva.");

  /* a search answers in the caller's main context */
  dossier_library_search_async (f->library, q, 10, NULL, on_search_done, &w);
  g_main_loop_run (w.loop);
  g_assert_no_error (w.error);
  g_assert_cmpuint (((GPtrArray *) w.result)->len, ==, 1);
  g_ptr_array_unref (w.result);

  /* a stale search is cancelled, not answered */
  w.result = NULL;
  g_cancellable_cancel (cancellable);
  dossier_library_search_async (f->library, q, 10, cancellable, on_search_done, &w);
  g_main_loop_run (w.loop);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (w.result);
  g_clear_error (&w.error);
  g_main_loop_unref (w.loop);
}

static gpointer
searches_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 a, b, again;
  g_autoptr(GPtrArray) list = NULL;

  a = dossier_store_save_search (store, "Lavrov in Geneva", "lavrov geneva", error);
  b = dossier_store_save_search (store, "tag:claim", "tag:claim", error);
  /* the same query is kept once */
  again = dossier_store_save_search (store, "again", "lavrov geneva", error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);
  g_assert_cmpint (again, ==, a);
  list = dossier_store_list_saved_searches (store, error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((DossierSavedSearch *) g_ptr_array_index (list, 0))->name, ==, "Lavrov in Geneva");
  g_assert_cmpstr (((DossierSavedSearch *) g_ptr_array_index (list, 1))->query, ==, "tag:claim");
  g_assert_true (dossier_store_delete_saved_search (store, a, error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dossier_store_list_saved_searches (store, error);
  g_assert_cmpuint (list->len, ==, 1);
  return GINT_TO_POINTER (1);
}

static void
test_saved_searches (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dossier_store_run (dossier_library_get_store (f->library), searches_op, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_query_prefix (void)
{
  static const char * const two[] = { "sanction", "sanctions" };
  static const char * const one[] = { "lavrov" };
  g_autoptr(DossierQuery) typing = dossier_query_parse ("putin kerry OR Sanct", TRUE);
  g_autoptr(DossierQuery) alone = dossier_query_parse ("lavr", TRUE);
  g_autoptr(DossierQuery) copy = NULL;
  g_autofree char *expanded = NULL;
  const char * const done[] = { "sanct ", "-sanct", "\"mutual respect\"", "lavrov OR" };

  /* the word being typed is a prefix, and can be spelled out */
  g_assert_cmpstr (typing->fts, ==, "\"putin\" AND (\"kerry\" OR \"Sanct\"*)");
  g_assert_cmpstr (typing->prefix, ==, "Sanct");
  expanded = dossier_query_expand_prefix (typing, two, 2);
  g_assert_cmpstr (expanded, ==, "\"putin\" AND (\"kerry\" OR (\"=sanction\" OR \"=sanctions\"))");
  g_clear_pointer (&expanded, g_free);
  copy = dossier_query_copy (typing);
  expanded = dossier_query_expand_prefix (copy, one, 1);
  g_assert_cmpstr (expanded, ==, "\"putin\" AND (\"kerry\" OR \"=lavrov\")");
  g_clear_pointer (&expanded, g_free);
  g_assert_null (dossier_query_expand_prefix (typing, two, 0));
  expanded = dossier_query_expand_prefix (alone, one, 1);
  g_assert_cmpstr (expanded, ==, "\"=lavrov\"");

  /* a finished word, an excluded one, a phrase, a dangling OR: no prefix */
  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    {
      g_autoptr(DossierQuery) q = dossier_query_parse (done[i], TRUE);

      g_assert_null (q->prefix);
      g_assert_null (dossier_query_expand_prefix (q, one, 1));
    }
}

/* --- newest first: the fast ways give the ids and snippets of the plain ones --- */

#define N_GENERATED 3000

static void
add_words (GString    *body,
           GRand      *rand,
           const char *word,
           double      share)
{
  if (g_rand_double (rand) < share)
    g_string_append_printf (body, " %s", word);
}

static gpointer
generate_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  static const char * const sources[] = { "Wire Press", "Daily Herald", "The Moscow Times", NULL };
  static const char * const filler[] = {
    "the", "talks", "in", "Geneva", "were", "long", "and", "minister", "said", "that", "a",
    "deal", "on", "missile", "defense", "was", "near", "while", "others", "doubted", "it",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_true (dossier_store_begin (store, error));
  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = NULL;
      DossierDate d = DOSSIER_DATE_INIT;
      gboolean old = i < 500;
      guint n_words = g_rand_int_range (rand, 20, 90);
      gint64 id;

      for (guint w = 0; w < n_words; w++)
        {
          g_string_append_printf (body, "%s%s", w ? " " : "", filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]);
          if (w % 17 == 16)
            g_string_append_c (body, '.');
          if (w == n_words / 2)
            {
              /* the words the queries look for, at known shares */
              add_words (body, rand, "officials", 0.9);
              add_words (body, rand, "belbeldor", 0.02);
              add_words (body, rand, "mutual respect", 0.6);
              add_words (body, rand, "respect", 0.2);
              add_words (body, rand, "sanction", 0.3);
              add_words (body, rand, "sanctions", 0.3);
              add_words (body, rand, "sanctioned", 0.2);
              add_words (body, rand, "Sanctioning", 0.1);
              add_words (body, rand, "kerry", 0.4);
              add_words (body, rand, "lavrov", 0.3);
              add_words (body, rand, "obama", 0.3);
              add_words (body, rand, "naïve", 0.4);
              add_words (body, rand, "summit", 0.5);
              /* a prefix with more terms than are spelled out */
              if (g_rand_double (rand) < 0.5)
                g_string_append_printf (body, " zeta%u", g_rand_int_range (rand, 0, 24));
              /* a word only the oldest articles have */
              if (old)
                add_words (body, rand, "bygone", 0.8);
            }
        }
      g_string_append_c (body, '.');
      title = g_strdup_printf ("%s %u", g_rand_boolean (rand) ? "Officials meet" : "Report", i);
      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body->str);
      dossier_article_set_source (a, sources[g_rand_int_range (rand, 0, 3)]);
      /* few distinct days, so that many articles share one; some only a
       * month or a year; some undated; the oldest articles oldest */
      if (old || g_rand_double (rand) < 0.9)
        {
          d.year = old ? 1990 + g_rand_int_range (rand, 0, 5) : 2005 + g_rand_int_range (rand, 0, 12);
          d.month = 1 + g_rand_int_range (rand, 0, 12);
          d.day = 1 + g_rand_int_range (rand, 0, 28);
          d.precision = g_rand_double (rand) < 0.9 ? DOSSIER_DATE_PRECISION_DAY
                        : g_rand_boolean (rand) ? DOSSIER_DATE_PRECISION_MONTH : DOSSIER_DATE_PRECISION_YEAR;
          if (g_rand_double (rand) < 0.5)
            d.day = 1 + d.day % 3;
          dossier_article_set_published (a, &d);
          dossier_article_set_date_origin (a, DOSSIER_DATE_ORIGIN_TEXT);
        }
      id = dossier_store_insert_article (store, a, NULL, error);
      g_assert_cmpint (id, >, 0);
      if (g_rand_double (rand) < 0.15)
        {
          g_autoptr(DossierAnnotation) n = dossier_annotation_new ();
          const char *tags[] = { "claim", NULL };

          dossier_annotation_set_article_id (n, id);
          dossier_annotation_set_quote (n, "the talks");
          dossier_annotation_set_note (n, g_rand_boolean (rand) ? "mutual respect, said the minister" : "doubtful");
          if (g_rand_boolean (rand))
            dossier_annotation_set_tags (n, tags);
          g_assert_cmpint (dossier_store_insert_annotation (store, n, error), >, 0);
        }
    }
  g_assert_true (dossier_store_commit (store, error));
  return GINT_TO_POINTER (1);
}

typedef struct
{
  const char *text;
  const char *where;   /* the reference's own SQL for the filters, or NULL */
} NewestCase;

static const NewestCase newest_cases[] = {
  { "officials", NULL },                         /* common */
  { "belbeldor", NULL },                         /* rare */
  { "\"mutual respect\"", NULL },                /* phrase */
  { "sanct", NULL },                             /* a prefix of several terms */
  { "zeta", NULL },                              /* a prefix of too many */
  { "s", NULL },                                 /* one letter: thousands */
  { "officials -summit d", NULL },
  { "naï", NULL },                               /* a prefix not in ASCII */
  { "NAÏV", NULL },                              /* folded as the index folds it */
  { "mutual respe", NULL },                      /* two words, the last typed */
  { "officials.sanct", NULL },                   /* a prefix of two tokens */
  { "officials sanctioni", NULL },               /* a prefix of one term */
  { "kerry OR lavrov -obama", NULL },            /* boolean */
  { "kerry OR sanctio", NULL },                  /* a prefix in an OR */
  { "bygone", NULL },                            /* common, but only long ago */
  { "zzyzxqvw", NULL },                          /* no hit */
  { "source:\"wire press\" summit", "a.source = 'Wire Press'" },
  { "published:2012 officials", "a.published LIKE '2012%'" },
  { "published:..1992 bygone", "a.published < '1993'" },
  { "has:notes officials", "EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)" },
  { "tag:claim respect", "EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.tags LIKE '%\"claim\"%')" },
  { "officials -summit", NULL },
  /* the language-aware tokens: stems, exact forms, name keys */
  { "official", NULL },                          /* its stem: officials too */
  { "sanctioned", NULL },                        /* a stem of several forms */
  { "=officials", NULL },                        /* the exact form alone */
  { "Лавров", NULL },                            /* a name key across scripts */
  { "source:\"wire press\" official", "a.source = 'Wire Press'" },  /* one stem, filtered */
  { "source:nowhere officials", "a.source = 'nowhere'" },               /* a filter none passes */
};

/* A reference query for @c, the plainest way: @head (which matches ?1),
 * then the case's excluded words (?2) and filters, then @tail */
static sqlite3_stmt *
reference_stmt (sqlite3          *db,
                DossierQuery     *q,
                const NewestCase *c,
                const char       *head,
                const char       *tail)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  sql = g_strconcat (head,
                     " AND (?2 IS NULL OR a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2))"
                     " AND ", c->where ? c->where : "1", tail, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, q->fts, -1, SQLITE_TRANSIENT);
  if (q->fts_exclude)
    sqlite3_bind_text (stmt, 2, q->fts_exclude, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The ids in the plainest way: every match, sorted */
static GArray *
reference_ids (sqlite3          *db,
               DossierQuery     *q,
               const NewestCase *c)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = reference_stmt (db, q, c,
                         "SELECT a.id FROM articles a"
                         " WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)",
                         " ORDER BY a.published_jd IS NULL, a.published_jd DESC, a.id DESC");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_steal_pointer (&ids);
}

static void
assert_same_ids (GArray     *got,
                 GArray     *want,
                 guint       n,
                 const char *what)
{
  guint expected = n ? MIN (n, want->len) : want->len;

  if (got->len != expected)
    g_error ("%s: %u ids, expected %u", what, got->len, expected);
  for (guint i = 0; i < expected; i++)
    if (g_array_index (got, gint64, i) != g_array_index (want, gint64, i))
      g_error ("%s: id %u is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
               what, i, g_array_index (got, gint64, i), g_array_index (want, gint64, i));
}

static gpointer
newest_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3 *db = data;
  static const guint limits[] = { 50, 1, 64, 256, 0 };
  guint n_walked = 0;

  for (guint c = 0; c < G_N_ELEMENTS (newest_cases); c++)
    for (int typing = 0; typing < 2; typing++)
      {
        g_autoptr(DossierQuery) q = dossier_query_parse (newest_cases[c].text, typing);
        g_autoptr(GArray) want = reference_ids (db, q, &newest_cases[c]);

        g_assert_nonnull (q->fts);
        q->sort = DOSSIER_SORT_DATE_DESC;
        q->sort_set = TRUE;
        for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
          {
            g_autofree char *what = g_strdup_printf ("%s (%s, limit %u)", newest_cases[c].text,
                                                     typing ? "typing" : "typed", limits[l]);
            g_autoptr(GArray) got = NULL;
            g_autoptr(DossierQuery) ranked = NULL;
            g_autoptr(GPtrArray) page = NULL;
            g_autoptr(GPtrArray) reference_page = NULL;

            q->limit = limits[l];
            got = dossier_store_query_article_ids (store, q, NULL, error);
            g_assert_nonnull (got);
            assert_same_ids (got, want, limits[l], what);
            if (limits[l] == 0 || got->len == 0)
              continue;
            n_walked++;

            /* the page's snippets: from the page's own little index, and
             * as a list ranked by relevance makes them, in one pass */
            page = dossier_store_load_articles (store, (gint64 *) (gpointer) got->data, got->len, q, error);
            ranked = dossier_query_copy (q);
            ranked->sort = DOSSIER_SORT_RELEVANCE;
            reference_page = dossier_store_load_articles (store, (gint64 *) (gpointer) got->data, got->len,
                                                          ranked, error);
            g_assert_nonnull (page);
            g_assert_nonnull (reference_page);
            g_assert_cmpuint (page->len, ==, got->len);
            for (guint i = 0; i < page->len; i++)
              {
                DossierArticle *a = g_ptr_array_index (page, i);
                DossierArticle *r = g_ptr_array_index (reference_page, i);

                g_assert_cmpint (dossier_article_get_id (a), ==, g_array_index (got, gint64, i));
                g_assert_cmpstr (dossier_article_get_title (a), ==, dossier_article_get_title (r));
                g_assert_nonnull (dossier_article_get_snippet (a));
                g_assert_nonnull (strchr (dossier_article_get_snippet (a), '\001'));
                g_assert_cmpstr (dossier_article_get_snippet (a), ==, dossier_article_get_snippet (r));
              }
          }
      }
  g_assert_cmpuint (n_walked, >, 0);
  return GINT_TO_POINTER (1);
}

/* --- ranked by relevance --- */

typedef struct
{
  GArray *ids;
  GArray *ranks;
  GArray *tiers;    /* int: 0 holds the words as typed, 1 not */
  guint   n_first;  /* rows of the first tier */
} Ranking;

static void
ranking_clear (Ranking *r)
{
  g_clear_pointer (&r->ids, g_array_unref);
  g_clear_pointer (&r->ranks, g_array_unref);
  g_clear_pointer (&r->tiers, g_array_unref);
}

/* Every match ranked by FTS5's own bm25 with the library's weights (the
 * index's 'rank' setting), best first: those that match the expression
 * of exact forms first, then the others */
static Ranking
reference_ranking (sqlite3          *db,
                   DossierQuery     *q,
                   const NewestCase *c)
{
  Ranking r = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (double)),
                g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  g_autofree char *exact = dossier_store_exact_expression (q->fts);
  sqlite3_stmt *stmt;

  stmt = reference_stmt (db, q, c,
                         "SELECT a.id, f.rank,"
                         " a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?3) AS tier"
                         " FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                         " WHERE articles_fts MATCH ?1",
                         " ORDER BY tier, f.rank, a.id");
  /* no exact forms to ask for: one tier, of every match */
  sqlite3_bind_text (stmt, 3, exact != NULL ? exact : q->fts, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);
      int tier = sqlite3_column_int (stmt, 2);

      g_array_append_val (r.ids, id);
      g_array_append_val (r.ranks, rank);
      g_array_append_val (r.tiers, tier);
      r.n_first += tier == 0;
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return r;
}

/* The same score (to the last bit here; a compiler that fuses a multiply
 * and an add may differ from SQLite's build in the last bits) */
static gboolean
same_rank (double a,
           double b)
{
  return fabs (a - b) <= 1e-12 * MAX (fabs (a), fabs (b));
}

static guint
place_of (const Ranking *r,
          gint64         id)
{
  for (guint i = 0; i < r->ids->len; i++)
    if (g_array_index (r->ids, gint64, i) == id)
      return i;
  g_error ("id %" G_GINT64_FORMAT " is not a match", id);
}

static double
rank_of (const Ranking *r,
         gint64         id)
{
  return g_array_index (r->ranks, double, place_of (r, id));
}

/* @got, best first, is the reference's best @n: each place holds a match
 * of the tier and rank of the reference's row at that place (rows of
 * equal rank may come in either order), and no match twice */
static void
assert_ranked (GArray        *got,
               const Ranking *want,
               guint          n,
               const char    *what)
{
  guint expected = n ? MIN (n, want->ids->len) : want->ids->len;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (got->len != expected)
    g_error ("%s: %u ids, expected %u", what, got->len, expected);
  for (guint i = 0; i < expected; i++)
    {
      gint64 *id = &g_array_index (got, gint64, i);
      guint at = place_of (want, *id);
      double rank = g_array_index (want->ranks, double, at);

      if (g_array_index (want->tiers, int, at) != g_array_index (want->tiers, int, i))
        g_error ("%s: place %u holds %" G_GINT64_FORMAT " of tier %d, expected one of tier %d",
                 what, i, *id, g_array_index (want->tiers, int, at), g_array_index (want->tiers, int, i));
      if (!same_rank (rank, g_array_index (want->ranks, double, i)))
        g_error ("%s: place %u holds %" G_GINT64_FORMAT " ranked %.17g, expected a rank of %.17g",
                 what, i, *id, rank, g_array_index (want->ranks, double, i));
      if (!g_hash_table_add (seen, id))
        g_error ("%s: %" G_GINT64_FORMAT " twice", what, *id);
    }
}

/* A long article, so that lengths take more than a byte in the index */
static gint64
insert_long (DossierStore  *store,
             guint          n_words,
             GError       **error)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GString) body = g_string_new ("officials");

  for (guint i = 0; i < n_words; i++)
    g_string_append (body, i % 50 == 49 ? " mutual respect kerry" : " filler words here");
  dossier_article_set_title (a, "A long one");
  dossier_article_set_body (a, body->str);
  return dossier_store_insert_article (store, a, NULL, error);
}

static void
check_ranking (DossierStore      *store,
               sqlite3           *db,
               const NewestCase  *c,
               gboolean           typing,
               GError           **error)
{
  static const guint limits[] = { 50, 1, 0 };
  g_autoptr(DossierQuery) q = dossier_query_parse (c->text, typing);
  Ranking want = reference_ranking (db, q, c);

  q->sort = DOSSIER_SORT_RELEVANCE;
  q->sort_set = TRUE;
  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    {
      g_autofree char *what = g_strdup_printf ("%s (%s, limit %u)", c->text, typing ? "typing" : "typed", limits[l]);
      g_autoptr(GArray) got = NULL;

      q->limit = limits[l];
      got = dossier_store_query_article_ids (store, q, NULL, error);
      g_assert_nonnull (got);
      assert_ranked (got, &want, limits[l], what);
    }
  ranking_clear (&want);
}

static gpointer
ranked_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3 *db = data;
  g_autoptr(DossierQuery) other = dossier_query_parse ("kerry", FALSE);
  g_autoptr(GArray) other_ids = NULL;
  gint64 long_id;

  g_assert_cmpint (insert_long (store, 60, error), >, 0);
  g_assert_cmpint ((long_id = insert_long (store, 6000, error)), >, 0);

  for (guint c = 0; c < G_N_ELEMENTS (newest_cases); c++)
    for (int typing = 0; typing < 2; typing++)
      check_ranking (store, db, &newest_cases[c], typing, error);

  /* the tiers change the order: for "sanctioned", rows of the other
   * forms that bm25 alone would put above rows of the word as typed */
  {
    g_autoptr(DossierQuery) q = dossier_query_parse ("sanctioned", FALSE);
    Ranking want = reference_ranking (db, q, &newest_cases[0]);
    double worst_first = -G_MAXDOUBLE;
    guint n_above = 0;

    g_assert_cmpuint (want.n_first, >, 0);
    g_assert_cmpuint (want.n_first, <, want.ids->len);
    for (guint i = 0; i < want.n_first; i++)
      worst_first = MAX (worst_first, g_array_index (want.ranks, double, i));
    for (guint i = want.n_first; i < want.ids->len; i++)
      n_above += g_array_index (want.ranks, double, i) < worst_first;
    g_assert_cmpuint (n_above, >, 0);
    ranking_clear (&want);
  }

  /* at every limit: the rows as typed found among the best ranked, or,
   * too few there (the rarer forms), among every row, the rows ranked
   * then put in tiers anew */
  for (guint w = 0; w < 3; w++)
    {
      static const char * const words[] = { "sanctioned", "sanctioning", "sanction" };
      g_autoptr(DossierQuery) q = dossier_query_parse (words[w], FALSE);
      Ranking want = reference_ranking (db, q, &newest_cases[0]);

      q->sort = DOSSIER_SORT_RELEVANCE;
      q->sort_set = TRUE;
      for (guint limit = 1; limit <= MIN (want.ids->len + 1, 64); limit++)
        {
          g_autofree char *what = g_strdup_printf ("%s (limit %u)", words[w], limit);
          g_autoptr(GArray) got = NULL;

          q->limit = limit;
          got = dossier_store_query_article_ids (store, q, NULL, error);
          g_assert_nonnull (got);
          assert_ranked (got, &want, limit, what);
        }
      ranking_clear (&want);
    }

  /* the page a search shows: scores and snippets of the ranking just
   * made, the same as when the page is read on its own later */
  for (guint c = 0; c < G_N_ELEMENTS (newest_cases); c++)
    {
      g_autoptr(DossierQuery) q = dossier_query_parse (newest_cases[c].text, FALSE);
      g_autoptr(GPtrArray) found = dossier_store_search (store, q, 50, NULL, error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) later = NULL;
      Ranking want = reference_ranking (db, q, &newest_cases[c]);

      g_assert_nonnull (found);
      for (guint i = 0; i < found->len; i++)
        {
          DossierArticle *a = g_ptr_array_index (found, i);
          gint64 id = dossier_article_get_id (a);

          g_assert_true (same_rank (dossier_article_get_score (a), -rank_of (&want, id)));
          g_assert_nonnull (strchr (dossier_article_get_snippet (a), '\001'));
          g_array_append_val (ids, id);
        }
      assert_ranked (ids, &want, 50, newest_cases[c].text);
      /* another ranking in between: the page is scored again */
      other->limit = 5;
      other_ids = dossier_store_query_article_ids (store, other, NULL, error);
      g_assert_nonnull (other_ids);
      g_clear_pointer (&other_ids, g_array_unref);
      q->sort = DOSSIER_SORT_RELEVANCE;
      q->sort_set = TRUE;
      later = dossier_store_load_articles (store, (gint64 *) (gpointer) ids->data, ids->len, q, error);
      g_assert_nonnull (later);
      g_assert_cmpuint (later->len, ==, found->len);
      for (guint i = 0; i < later->len; i++)
        {
          DossierArticle *a = g_ptr_array_index (found, i);
          DossierArticle *b = g_ptr_array_index (later, i);

          g_assert_cmpint (dossier_article_get_id (a), ==, dossier_article_get_id (b));
          g_assert_true (same_rank (dossier_article_get_score (a), dossier_article_get_score (b)));
          g_assert_cmpstr (dossier_article_get_snippet (a), ==, dossier_article_get_snippet (b));
        }
      ranking_clear (&want);
    }

  /* a change made here: the long article grows, and ranks anew */
  {
    g_autoptr(GString) body = g_string_new (NULL);

    for (guint i = 0; i < 3000; i++)
      g_string_append (body, "officials respect ");
    g_assert_true (dossier_store_set_article_body (store, long_id, body->str, NULL, error));
    check_ranking (store, db, &newest_cases[0], FALSE, error);
  }
  return GINT_TO_POINTER (1);
}

/* after a change by another process: the common word, the rare, a phrase */
static gpointer
recheck_op (DossierStore  *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  for (guint c = 0; c < 3; c++)
    check_ranking (store, data, &newest_cases[c], FALSE, error);
  return GINT_TO_POINTER (1);
}

/* The generated library (generate_op), and a second connection to it as
 * another process would open it (@flags: SQLITE_OPEN_READONLY or
 * SQLITE_OPEN_READWRITE) */
static sqlite3 *
generate_library (Fixture *f,
                  int      flags)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (dossier_store_run (dossier_library_get_store (f->library), generate_op, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, flags, NULL), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  return db;
}

/* Runs @op on the store's thread with @db */
static void
run_with (Fixture              *f,
          DossierStoreSyncFunc  op,
          sqlite3              *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dossier_store_run (dossier_library_get_store (f->library), op, db, NULL, &error));
  g_assert_no_error (error);
}

/* The expression of exact forms: every word and phrase asked for as
 * typed, prefixes and exact forms as they are */
static void
test_exact_expression (void)
{
  static const struct { const char *text; gboolean typing; const char *exact; } cases[] = {
    { "sanctions", FALSE, "\"=sanctions\"" },
    { "kerry pipeline", FALSE, "\"=kerry\" AND \"=pipeline\"" },
    { "kerry OR lavrov -obama", FALSE, "(\"=kerry\" OR \"=lavrov\")" },
    { "\"missile defense\" talks", FALSE, "\"=missile defense\" AND \"=talks\"" },
    { "officials sanct", TRUE, "\"=officials\" AND \"sanct\"*" },
    { "negot*", FALSE, NULL },                      /* a prefix: words as written */
    { "=sanctions", FALSE, NULL },                  /* exact already */
    { "=sanctions sanction", FALSE, "\"=sanctions\" AND \"=sanction\"" },
    { "say\"s", FALSE, "\"=say\" AND \"=s\"" },
    { "o\"\"brien", FALSE, "\"=o\" AND \"=brien\"" },
    { "Лавров", FALSE, "\"=Лавров\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierQuery) q = dossier_query_parse (cases[i].text, cases[i].typing);
      g_autofree char *exact = dossier_store_exact_expression (q->fts);

      g_test_message ("%s: %s → %s", cases[i].text, q->fts, exact);
      g_assert_cmpstr (exact, ==, cases[i].exact);
    }
  /* doubled quotes stay inside their string; one not closed is no
   * expression */
  {
    g_autofree char *exact = dossier_store_exact_expression ("\"o\"\"brien\" OR \"x\"*");

    g_assert_cmpstr (exact, ==, "\"=o\"\"brien\" OR \"x\"*");
  }
  g_assert_null (dossier_store_exact_expression ("\"open"));
  g_assert_null (dossier_store_exact_expression (NULL));
}

/* Ranking by relevance is FTS5's bm25 with the library's weights, for
 * every query shape, at every limit, and stays so after the library
 * changes here or in another process */
static void
test_ranked (Fixture       *f,
             gconstpointer  data)
{
  sqlite3 *db = generate_library (f, SQLITE_OPEN_READWRITE);
  char *message = NULL;

  run_with (f, ranked_op, db);

  /* another process shortens the articles that say "officials" most */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE articles SET body = 'officials' WHERE id IN"
                                     " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'officials'"
                                     "  ORDER BY rank DESC LIMIT 40)", NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  run_with (f, recheck_op, db);
  sqlite3_close (db);
}

typedef struct
{
  DossierQuery *query;
  GCancellable *cancellable;
} CancelledQuery;

static gpointer
cancelled_op (DossierStore  *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CancelledQuery *c = data;
  g_autoptr(GError) local_error = NULL;
  GArray *ids = dossier_store_query_article_ids (store, c->query, c->cancellable, &local_error);

  g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (ids);
  return GINT_TO_POINTER (1);
}

static void
test_newest_first (Fixture       *f,
                   gconstpointer  data)
{
  DossierStore *store = dossier_library_get_store (f->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierQuery) q = dossier_query_parse ("officials", TRUE);
  CancelledQuery cancel;
  sqlite3 *db = generate_library (f, SQLITE_OPEN_READONLY);

  run_with (f, newest_op, db);
  sqlite3_close (db);

  /* a stale query is still cancelled */
  q->sort = DOSSIER_SORT_DATE_DESC;
  q->sort_set = TRUE;
  q->limit = 50;
  g_cancellable_cancel (cancellable);
  cancel.query = q;
  cancel.cancellable = cancellable;
  g_assert_nonnull (dossier_store_run (store, cancelled_op, &cancel, NULL, &error));
  g_assert_no_error (error);
}

/* {{{ the worker's queue: background slices after the calls waited on */

typedef struct
{
  GMutex   gate;     /* held by the test while it queues */
  GArray  *order;    /* the jobs' numbers as they ran */
  guint    done;
} QueueRun;

typedef struct
{
  QueueRun *run;
  guint     number;
} QueueJob;

static void
queue_job (DossierStore *store,
           GTask        *task,
           gpointer      data,
           GCancellable *cancellable)
{
  QueueJob *job = data;

  /* the first waits until all are queued */
  g_mutex_lock (&job->run->gate);
  g_array_append_val (job->run->order, job->number);
  g_mutex_unlock (&job->run->gate);
  g_task_return_boolean (task, TRUE);
}

static void
on_queue_job_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  QueueRun *run = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  run->done++;
}

static void
queue (DossierStore *store,
       QueueRun     *run,
       guint         number,
       gboolean      background)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_queue_job_done_cb, run);
  QueueJob *job = g_new0 (QueueJob, 1);

  job->run = run;
  job->number = number;
  if (background)
    dossier_store_submit_background (store, task, queue_job, job, g_free);
  else
    dossier_store_submit (store, task, queue_job, job, g_free);
}

/* A call the user waits on runs before the background's slices queued
 * before it, each kind in the order queued; closing the store runs
 * whatever is still queued, of both kinds. */
static void
test_queue_ranks (void)
{
  g_autoptr(DossierStore) store = dossier_store_new ();
  QueueRun run = { .order = g_array_new (FALSE, FALSE, sizeof (guint)) };
  static const guint expected[] = { 0, 3, 5, 1, 2, 4 };

  g_mutex_init (&run.gate);
  g_mutex_lock (&run.gate);
  queue (store, &run, 0, FALSE);
  queue (store, &run, 1, TRUE);
  queue (store, &run, 2, TRUE);
  queue (store, &run, 3, FALSE);
  queue (store, &run, 4, TRUE);
  queue (store, &run, 5, FALSE);
  g_mutex_unlock (&run.gate);
  dossier_test_wait_until (run.done == G_N_ELEMENTS (expected));
  g_assert_cmpmem (run.order->data, run.order->len * sizeof (guint), expected, sizeof expected);

  /* queued, then closed at once: all of it runs */
  g_array_set_size (run.order, 0);
  g_mutex_lock (&run.gate);
  queue (store, &run, 6, TRUE);
  queue (store, &run, 7, TRUE);
  queue (store, &run, 8, FALSE);
  g_mutex_unlock (&run.gate);
  dossier_store_close (store);
  g_assert_cmpuint (run.order->len, ==, 3);
  g_assert_cmpuint (g_array_index (run.order, guint, 2), ==, 7);
  dossier_test_wait_until (run.done == G_N_ELEMENTS (expected) + 3);

  g_array_unref (run.order);
  g_mutex_clear (&run.gate);
}

/* }}} */

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Store/crud", Fixture, NULL, fixture_setup, test_crud, fixture_teardown);
  g_test_add ("/Dossier/Store/duplicates", Fixture, NULL, fixture_setup, test_duplicates, fixture_teardown);
  g_test_add ("/Dossier/Store/search-grammar", Fixture, NULL, fixture_setup, test_search_grammar, fixture_teardown);
  g_test_add_func ("/Dossier/Store/query-hints", test_query_hints);
  g_test_add_func ("/Dossier/Store/queue-ranks", test_queue_ranks);
  g_test_add_func ("/Dossier/Store/query-prefix", test_query_prefix);
  g_test_add_func ("/Dossier/Store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/Dossier/Store/migrate-rollback", test_migrate_rollback);
  g_test_add_func ("/Dossier/Store/bad-files", test_bad_files);
  g_test_add_func ("/Dossier/Store/corrupt", test_corrupt);
  g_test_add ("/Dossier/Store/concurrent", Fixture, NULL, fixture_setup, test_concurrent, fixture_teardown);
  g_test_add ("/Dossier/Store/saved-searches", Fixture, NULL, fixture_setup, test_saved_searches, fixture_teardown);
  g_test_add ("/Dossier/Store/async-cancel", Fixture, NULL, fixture_setup, test_async_cancel, fixture_teardown);
  g_test_add ("/Dossier/Store/newest-first", Fixture, NULL, fixture_setup, test_newest_first, fixture_teardown);
  g_test_add ("/Dossier/Store/ranked", Fixture, NULL, fixture_setup, test_ranked, fixture_teardown);
  g_test_add_func ("/Dossier/Store/exact-expression", test_exact_expression);

  return g_test_run ();
}
