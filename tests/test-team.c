/* test-team.c — a library shared with a team through a real PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is started by the test (tests/dossier-test-postgres.c);
 * without PostgreSQL installed the server tests skip and say why.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dossier-app-import.h"
#include "dossier-article-state.h"
#include "dossier-importer.h"
#include "dossier-library.h"
#include "dossier-people.h"
#include "dossier-stories.h"
#include "dossier-team.h"
#include "dossier-team-server.h"
#include "dossier-team-watch.h"
#include "dossier-test-postgres.h"
#include "dossier-test-team.h"
#include "dossier-test-util.h"

/* {{{ identity, without a server */

static void
test_uuid_identity (DossierTestLibrary *t,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_test_add_article (t->library, "Harbour talks", "Delegates met on Thursday.");
  g_autofree char *uuid = team_article_uuid_of (t->library, id);
  g_autofree char *other = team_article_uuid_of (t->library, dossier_test_add_article (t->library, "Dredging", "Signed."));
  g_autofree char *upper = g_ascii_strup (uuid, -1);

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (other, !=, uuid);
  g_assert_cmpint (dossier_team_find_article_sync (t->library, uuid, &error), ==, id);
  g_assert_cmpint (dossier_team_find_article_sync (t->library, upper, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_team_find_article_sync (t->library, "0e9c9d4e-8c55-4b0e-9d1c-8b0b6f1f2a3c", &error),
                   ==, 0);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_team_find_article_sync (t->library, "not a uuid", &error), ==, 0);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a library linked to no team says so */
  g_assert_null (dossier_team_get_link_sync (t->library, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_SHARED);
}

static void
test_upgrade_from_v4 (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *sql = dossier_test_data_read (NULL, "schema-v4-team.sql", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autofree char *uuid = team_article_uuid_of (library, id);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_true (g_hash_table_add (seen, g_strdup (uuid)));
      g_assert_cmpint (dossier_team_find_article_sync (library, uuid, NULL), ==, id);
    }
  /* the note keeps its own UUID and text, and has no author yet */
  notes = dossier_library_list_annotations_sync (library, 0, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_uuid (notes->pdata[0]), ==, "3f1c2a9e-6b7d-4e21-9a0b-5c8d7e6f1a2b");
  g_assert_cmpstr (dossier_annotation_get_note (notes->pdata[0]), ==, "Who chairs the council?");
  g_assert_null (dossier_annotation_get_author (notes->pdata[0]));
  dossier_library_close (library);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                      " (SELECT count(*) FROM saved_searches WHERE uuid IS NOT NULL)", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  dossier_test_remove_tree (dir);
}

/* }}} */

/* {{{ the server's rules, against members' own sessions */

static DossierTeamServer *
connect_as (const char *url,
            const char *member)
{
  g_autoptr(GError) error = NULL;
  DossierTeamServer *server = dossier_team_server_connect (url, member, member, &error);

  g_assert_no_error (error);
  return server;
}


/* changes no row: row-level security hides the row from the writer */
static void
assert_changes_nothing (DossierTeamServer  *server,
                        const char         *sql,
                        guint               n_params,
                        const char        **params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (server, sql, n_params,
                                                               (const char * const *) params, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->n_rows, ==, 0);
}

static void
test_permissions (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(DossierTeamServer) editor = NULL;
  g_autoptr(DossierTeamServer) reader = NULL;
  g_autoptr(DossierTeamServer) other = NULL;
  g_autoptr(DossierTeamServer) outsider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *article_uuid = NULL;
  g_autofree char *other_note = g_uuid_string_random ();
  g_autofree char *forged = g_uuid_string_random ();
  const char *params[3];
  gint64 id;

  NEED_SERVER ();
  url = team_new ("rules");
  team_add_member ("rules", "ada", "editor");
  team_add_member ("rules", "ben", "editor");
  team_add_member ("rules", "cyd", "reader");

  a = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday.");
  note = dossier_test_add_note (a->library, id, "Delegates", "Who are they?");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  article_uuid = team_article_uuid_of (a->library, id);

  /* a reader reads, and writes nothing */
  reader = connect_as (url, "cyd");
  {
    g_autoptr(DossierTeamRows) rows = dossier_team_server_query (reader, "SELECT note FROM annotations",
                                                                 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->n_rows, ==, 1);
    g_assert_cmpstr (dossier_team_rows_get (rows, 0, 0), ==, "Who are they?");
  }
  params[0] = other_note, params[1] = article_uuid;
  team_assert_refused (reader, "INSERT INTO annotations (uuid, article_uuid, note) VALUES ($1, $2, 'mine')",
                  2, params);
  params[0] = dossier_annotation_get_uuid (note);
  team_assert_refused (reader, "UPDATE annotations SET note = 'changed' WHERE uuid = $1", 1, params);
  team_assert_refused (reader, "DELETE FROM annotations WHERE uuid = $1", 1, params);
  team_assert_refused (reader, "UPDATE articles SET title = 'changed'", 0, NULL);
  params[0] = article_uuid;
  team_assert_refused (reader, "SELECT dossier_revive_article($1)", 1, params);

  /* another editor adds notes to any article, as themselves, and changes
   * nobody else's */
  other = connect_as (url, "ben");
  params[0] = other_note, params[1] = article_uuid;
  {
    g_autoptr(DossierTeamRows) rows =
      dossier_team_server_query (other, "INSERT INTO annotations (uuid, article_uuid, note) VALUES ($1, $2, 'ben')"
                                 " RETURNING author", 2, params, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_team_rows_get (rows, 0, 0), ==, "ben");
  }
  params[0] = dossier_annotation_get_uuid (note);
  assert_changes_nothing (other, "UPDATE annotations SET note = 'changed' WHERE uuid = $1 RETURNING 1", 1, params);
  assert_changes_nothing (other, "UPDATE annotations SET deleted = true WHERE uuid = $1 RETURNING 1", 1, params);
  assert_changes_nothing (other, "UPDATE articles SET title = 'changed' RETURNING 1", 0, NULL);
  team_assert_refused (other, "DELETE FROM annotations WHERE uuid = $1", 1, params);
  /* nor writes as someone else */
  params[0] = forged, params[1] = article_uuid;
  team_assert_refused (other, "INSERT INTO annotations (uuid, article_uuid, note, author) VALUES ($1, $2, 'x', 'ada')",
                  2, params);
  /* the author may */
  editor = connect_as (url, "ada");
  params[0] = dossier_annotation_get_uuid (note);
  {
    g_autoptr(DossierTeamRows) rows =
      dossier_team_server_query (editor, "UPDATE annotations SET note = 'Council delegates' WHERE uuid = $1"
                                 " RETURNING version", 1, params, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->n_rows, ==, 1);
  }

  /* someone who is no member gets nothing, not even a connection */
  admin = dossier_test_postgres_admin_url (team_pg, "rules");
  {
    g_autoptr(DossierTeamServer) su = dossier_team_server_connect (admin, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (dossier_team_server_exec (su, "CREATE ROLE stranger LOGIN PASSWORD 'stranger'", &error));
  }
  outsider = dossier_team_server_connect (url, "stranger", "stranger", &error);
  g_assert_null (outsider);
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED);
  g_clear_error (&error);

  /* a removed member can't pull again, and the session they had ends */
  g_assert_true (dossier_team_remove_member_sync (admin, "ben", &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierTeamRows) rows = dossier_team_server_query (other, "SELECT 1 FROM annotations", 0, NULL, &error);

    g_assert_null (rows);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_assert_null (dossier_team_server_connect (url, "ben", "ben", &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED);
  g_clear_error (&error);
  /* and remove-member removes members only */
  g_assert_false (dossier_team_remove_member_sync (admin, "stranger", &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_FOUND);
}

/* }}} */

/* {{{ sync */

static void
test_two_libraries (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(DossierAnnotation) reply = NULL;
  g_autoptr(DossierAnnotation) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_a = NULL;
  g_autofree char *state_b = NULL;
  g_autofree char *text = NULL;
  DossierTeamSyncStats stats;
  gint64 id, id_b;

  NEED_SERVER ();
  url = team_new ("pair");
  team_add_member ("pair", "ada", "editor");
  team_add_member ("pair", "ben", "editor");

  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  dossier_test_add_article (a->library, "Dredging deal", "The councils signed a dredging agreement.");
  note = dossier_test_add_note (a->library, id, "Delegates", "Who are they?");
  team_share (a->library, url, "ada");
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 3);
  g_assert_cmpuint (stats.conflicts, ==, 0);

  team_share (b->library, url, "ben");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pulled, ==, 3);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpint (stats.version, >=, 3);
  /* the same rows, the same identities, the author kept */
  seen = team_note_by_uuid (b->library, dossier_annotation_get_uuid (note));
  g_assert_nonnull (seen);
  g_assert_cmpstr (dossier_annotation_get_author (seen), ==, "ada");
  g_assert_cmpstr (dossier_annotation_get_note (seen), ==, "Who are they?");
  id_b = dossier_annotation_get_article_id (seen);

  /* each changes something; both converge */
  reply = dossier_test_add_note (b->library, id_b, "customs house", "Built in 1820");
  dossier_annotation_set_note (note, "Council delegates");
  g_assert_true (dossier_library_update_annotation_sync (a->library, note, &error));
  g_assert_no_error (error);
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pushed, ==, 1);
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.pulled, ==, 1);
  /* rows go with the changes, not with the library */
  g_assert_cmpuint (stats.rows_sent, <=, 2);
  g_assert_cmpuint (stats.rows_received, <=, 3);
  team_sync_ok (b->library, "ben");
  text = team_note_text_of (b->library, dossier_annotation_get_uuid (note));
  g_assert_cmpstr (text, ==, "Council delegates");
  state_a = team_library_state (a->library);
  state_b = team_library_state (b->library);
  g_assert_cmpstr (state_a, ==, state_b);
  g_assert_nonnull (strstr (state_a, "ben Built in 1820"));

  /* a deletion travels as a tombstone */
  g_assert_true (dossier_library_delete_annotation_sync (a->library, dossier_annotation_get_id (note), &error));
  team_sync_ok (a->library, "ada");
  team_sync_ok (b->library, "ben");
  g_clear_object (&seen);
  seen = team_note_by_uuid (b->library, dossier_annotation_get_uuid (note));
  g_assert_null (seen);
  g_assert_cmpuint (team_n_conflicts (a->library) + team_n_conflicts (b->library), ==, 0);
}

static void
test_tags_and_joins (void)
{
  g_autofree char *url = NULL;
  g_autofree char *path = dossier_test_data_path ("apps", "wallabag.json", NULL);
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierAppImportSummary) summary = NULL;
  g_autoptr(DossierTeamServer) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *first = NULL;
  char *second[2] = { NULL, NULL };
  DossierTeamSyncStats stats;
  gint64 ids[2], ids_b[1], stories[2], story_articles[2];

  NEED_SERVER ();
  url = team_new ("tags");
  team_add_member ("tags", "ada", "editor");
  team_add_member ("tags", "ben", "editor");
  team_add_member ("tags", "cy", "reader");

  /* two articles, one tagged in the export */
  a = dossier_test_library_new ();
  summary = dossier_app_import_file (a->library, DOSSIER_APP_UNKNOWN, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->articles, ==, 2);
  for (guint i = 0; i < 2; i++)
    ids[i] = ((DossierAppEntryResult *) summary->entries->pdata[i])->id;
  first = team_article_uuid_of (a->library, ids[0]);
  /* two stories of two articles each (a ferry strike's wire and its
   * copy, a bakery's prize and the same with a line added), which a
   * person joins */
  {
    g_autofree char *dir = g_dir_make_tmp ("dossier-team-XXXXXX", &error);
    g_autofree char *bakery = dossier_test_data_path ("stories", "bakery.txt", NULL);
    g_autofree char *body = NULL;
    g_autofree char *again = NULL;
    char *paths[5] = { NULL };
    g_autoptr(DossierImporter) importer = dossier_importer_new (a->library);
    g_autoptr(GPtrArray) results = NULL;

    g_assert_no_error (error);
    paths[0] = dossier_test_data_path ("stories", "ferry-wire.txt", NULL);
    paths[1] = dossier_test_data_path ("stories", "ferry-copy.txt", NULL);
    paths[2] = g_strdup (bakery);
    paths[3] = g_build_filename (dir, "bakery-again.txt", NULL);
    g_assert_true (g_file_get_contents (bakery, &body, NULL, &error));
    again = g_strconcat (body, "\n\nThe fair's judges will visit the bakery in the autumn.\n", NULL);
    g_assert_true (g_file_set_contents (paths[3], again, -1, &error));
    results = dossier_importer_run_sync (importer, (const char * const *) paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 4);
    story_articles[0] = ((DossierImportResult *) results->pdata[0])->id;
    story_articles[1] = ((DossierImportResult *) results->pdata[2])->id;
    g_unlink (paths[3]);
    g_rmdir (dir);
    for (guint i = 0; i < 4; i++)
      g_free (paths[i]);
  }
  g_assert_cmpint (dossier_stories_update_sync (a->library, TRUE, NULL, &error), >=, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    stories[i] = dossier_stories_story_of_sync (a->library, story_articles[i], &error);
  g_assert_no_error (error);
  g_assert_cmpint (stories[0], >, 0);
  g_assert_cmpint (stories[1], >, 0);
  g_assert_cmpint (stories[0], !=, stories[1]);
  g_assert_cmpint (dossier_stories_join_sync (a->library, stories[0], stories[1], &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    second[i] = team_article_uuid_of (a->library, story_articles[i]);
  team_share (a->library, url, "ada");
  stats = team_sync_ok (a->library, "ada");
  /* 6 articles, 3 notes, 3 tags, and the joins (one article of a story
   * to each of the other's) */
  g_assert_cmpuint (stats.pushed, >=, 14);

  /* the other library gets the tags and the join, under the same identities */
  b = dossier_test_library_new ();
  team_share (b->library, url, "ben");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pulled, ==, stats.rows_received);
  ids_b[0] = dossier_team_find_article_sync (b->library, first, &error);
  g_assert_no_error (error);
  tags = dossier_article_state_get_tags_sync (b->library, ids_b[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char *[]) { "climate", "oceans", "starred", NULL }));
  /* its own grouping keeps the stories joined */
  g_assert_cmpint (dossier_stories_update_sync (b->library, TRUE, NULL, &error), >=, 0);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = dossier_team_find_article_sync (b->library, second[i], &error);

      g_assert_no_error (error);
      stories[i] = dossier_stories_story_of_sync (b->library, id, &error);
    }
  g_assert_no_error (error);
  g_assert_cmpint (stories[0], >, 0);
  g_assert_cmpint (stories[0], ==, stories[1]);

  /* the same export imported again adds each tag once: one identity */
  g_clear_pointer (&summary, dossier_app_import_summary_free);
  g_clear_pointer (&tags, g_strfreev);
  summary = dossier_app_import_file (b->library, DOSSIER_APP_UNKNOWN, path, NULL, &error);
  g_assert_no_error (error);
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.conflicts, ==, 0);
  team_sync_ok (a->library, "ada");
  tags = dossier_article_state_get_tags_sync (a->library, ids[0], &error);
  g_assert_cmpstrv (tags, ((const char *[]) { "climate", "oceans", "starred", NULL }));

  /* a tombstone from the server removes the tag everywhere */
  {
    g_autoptr(DossierTeamServer) editor = connect_as (url, "ada");
    g_autoptr(DossierTeamRows) rows =
      dossier_team_server_query (editor, "UPDATE article_tags SET deleted = true WHERE tag = 'oceans'"
                                 " RETURNING version", 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->n_rows, ==, 1);
  }
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.rows_received, ==, 1);
  g_clear_pointer (&tags, g_strfreev);
  tags = dossier_article_state_get_tags_sync (b->library, ids_b[0], &error);
  g_assert_cmpstrv (tags, ((const char *[]) { "climate", "starred", NULL }));

  /* the server's rules: a reader adds no tag; an editor removes no one
   * else's */
  reader = connect_as (url, "cy");
  {
    g_autofree char *tag_uuid = g_uuid_string_random ();
    const char *params[] = { tag_uuid, first };
    g_autoptr(DossierTeamServer) other = connect_as (url, "ben");

    team_assert_refused (reader, "INSERT INTO article_tags (uuid, article_uuid, tag) VALUES ($1, $2, 'x')", 2, params);
    team_assert_refused (reader, "UPDATE story_joins SET deleted = true RETURNING 1", 0, NULL);
    assert_changes_nothing (other, "UPDATE article_tags SET deleted = true WHERE tag = 'climate' RETURNING 1",
                            0, NULL);
    team_assert_refused (other, "INSERT INTO article_tags (uuid, article_uuid, tag, author) VALUES ($1, $2, 'y', 'ada')",
                    2, params);
  }
  g_free (second[0]);
  g_free (second[1]);
}

static void
on_watch_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierTeamWatch **watch = user_data;
  g_autoptr(GError) error = NULL;

  *watch = dossier_team_watch_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_watch_synced (DossierTeamWatch *watch,
                 guint             pulled,
                 guint             conflicts,
                 gpointer          user_data)
{
  *(guint *) user_data += pulled;
}

static gboolean
note_is (DossierLibrary *library,
         const char     *uuid,
         const char     *text)
{
  g_autofree char *now = team_note_text_of (library, uuid);

  return g_strcmp0 (now, text) == 0;
}

static void
on_watch_failed (DossierTeamWatch *watch,
                 const GError     *error,
                 gpointer          user_data)
{
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE);
  (*(guint *) user_data)++;
}

/* A library that is open hears of the others' changes and pulls them
 * within seconds, without anyone calling sync. */
static void
test_watch (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierTeamWatch) watch = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GError) error = NULL;
  guint pulled = 0;
  guint failed = 0;
  gint64 id;

  NEED_SERVER ();
  url = team_new ("watch");
  team_add_member ("watch", "ada", "editor");
  team_add_member ("watch", "ben", "editor");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "ben");

  /* the watch syncs once as it starts */
  dossier_team_watch_new_async (b->library, "ben", NULL, on_watch_ready, &watch);
  dossier_test_wait_until (watch != NULL);
  g_signal_connect (watch, "synced", G_CALLBACK (on_watch_synced), &pulled);
  dossier_test_wait_until (dossier_team_watch_get_n_syncs (watch) >= 1);
  g_assert_true (dossier_team_watch_is_listening (watch));
  g_assert_cmpuint (dossier_library_count_sync (b->library, NULL), ==, 1);

  /* a note pushed by one member reaches the other within 5 s */
  note = dossier_test_add_note (a->library, id, "Delegates", "Who are they?");
  team_sync_ok (a->library, "ada");
  dossier_test_wait_until_full (NULL, 5 * dossier_test_slowdown (),
                                note_is (b->library, dossier_annotation_get_uuid (note), "Who are they?"));
  g_assert_cmpuint (pulled, >=, 1);

  /* and its edit too */
  dossier_annotation_set_note (note, "Council delegates");
  g_assert_true (dossier_library_update_annotation_sync (a->library, note, &error));
  g_assert_no_error (error);
  team_sync_ok (a->library, "ada");
  dossier_test_wait_until_full (NULL, 5 * dossier_test_slowdown (),
                                note_is (b->library, dossier_annotation_get_uuid (note), "Council delegates"));
  g_assert_true (dossier_team_watch_is_listening (watch));

  /* a lost connection is told, and the watch stops */
  g_signal_connect (watch, "failed", G_CALLBACK (on_watch_failed), &failed);
  {
    g_autofree char *admin = dossier_test_postgres_admin_url (team_pg, "watch");
    g_autoptr(DossierTeamServer) su = dossier_team_server_connect (admin, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (dossier_team_server_exec (su, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                                 " WHERE usename = 'ben'", &error));
    g_assert_no_error (error);
  }
  dossier_test_wait_until (!dossier_team_watch_is_listening (watch));
  g_assert_cmpuint (failed, >=, 1);
  g_signal_handlers_disconnect_by_data (watch, &pulled);
  g_signal_handlers_disconnect_by_data (watch, &failed);
}

static void
test_conflicts (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) o = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(DossierAnnotation) mine = NULL;
  g_autoptr(DossierAnnotation) theirs = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierArticle) article_o = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  DossierTeamConflict *c;
  DossierTeamSyncStats stats;
  gint64 id, id_o;

  NEED_SERVER ();
  url = team_new ("clash");
  team_add_member ("clash", "ada", "editor");
  team_add_member ("clash", "olga", "owner");
  a = dossier_test_library_new ();
  o = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  note = dossier_test_add_note (a->library, id, "Delegates", "first");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (o->library, url, "olga");
  team_sync_ok (o->library, "olga");

  /* both edit the note: the owner pushes first, the later push becomes
   * a conflict copy */
  theirs = team_note_by_uuid (o->library, dossier_annotation_get_uuid (note));
  dossier_annotation_set_note (theirs, "the owner's words");
  g_assert_true (dossier_library_update_annotation_sync (o->library, theirs, &error));
  dossier_annotation_set_note (note, "the author's words");
  g_assert_true (dossier_library_update_annotation_sync (a->library, note, &error));
  /* and both edit the article: different fields merge, the same field is listed */
  uuid = team_article_uuid_of (a->library, id);
  id_o = dossier_team_find_article_sync (o->library, uuid, &error);
  g_assert_no_error (error);
  article = dossier_library_get_article_sync (a->library, id, NULL);
  article_o = dossier_library_get_article_sync (o->library, id_o, NULL);
  dossier_article_set_source (article, "Ledger");
  dossier_article_set_title (article, "Talks (author)");
  g_assert_true (dossier_library_update_article_sync (a->library, article, &error));
  dossier_article_set_byline (article_o, "Mira Lenk");
  dossier_article_set_title (article_o, "Talks (owner)");
  g_assert_true (dossier_library_update_article_sync (o->library, article_o, &error));
  g_assert_no_error (error);

  team_sync_ok (o->library, "olga");
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.conflicts, ==, 2);
  list = dossier_team_list_conflicts_sync (a->library, &error);
  g_assert_cmpuint (list->len, ==, 2);
  c = list->pdata[0];
  g_assert_cmpstr (c->kind, ==, "article-field");
  g_assert_cmpstr (c->field, ==, "title");
  g_assert_cmpstr (c->mine, ==, "Talks (author)");
  g_assert_cmpstr (c->theirs, ==, "Talks (owner)");
  c = list->pdata[1];
  g_assert_cmpstr (c->kind, ==, "annotation");
  g_assert_cmpstr (c->row, ==, dossier_annotation_get_uuid (note));
  g_assert_cmpstr (c->mine, ==, "the author's words");
  g_assert_cmpstr (c->theirs, ==, "the owner's words");
  g_assert_cmpstr (c->author, ==, "olga");
  /* theirs shows, mine waits beside it; fields only one side changed merge */
  mine = team_note_by_uuid (a->library, dossier_annotation_get_uuid (note));
  g_assert_cmpstr (dossier_annotation_get_note (mine), ==, "the owner's words");
  g_clear_object (&article);
  article = dossier_library_get_article_sync (a->library, id, NULL);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Talks (owner)");
  g_assert_cmpstr (dossier_article_get_source (article), ==, "Ledger");
  g_assert_cmpstr (dossier_article_get_byline (article), ==, "Mira Lenk");

  /* keep both for the note: mine becomes a note of its own; a field
   * holds one value, so mine for the title */
  g_assert_false (dossier_team_resolve_sync (a->library, ((DossierTeamConflict *) list->pdata[0])->id, "both", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (dossier_team_resolve_sync (a->library, ((DossierTeamConflict *) list->pdata[0])->id, "mine", &error));
  g_assert_true (dossier_team_resolve_sync (a->library, ((DossierTeamConflict *) list->pdata[1])->id, "both", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (team_n_conflicts (a->library), ==, 0);
  team_sync_ok (a->library, "ada");
  team_sync_ok (o->library, "olga");
  notes = dossier_library_list_annotations_sync (o->library, 0, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  {
    g_autofree char *sa = team_library_state (a->library);
    g_autofree char *so = team_library_state (o->library);

    g_assert_cmpstr (sa, ==, so);
    g_assert_nonnull (strstr (sa, "ada the author's words"));
    /* the owner's edit of the note made it theirs */
    g_assert_nonnull (strstr (sa, "olga the owner's words"));
    g_assert_nonnull (strstr (sa, "Talks (author) | Ledger"));
  }
}

static void
test_deleted_article_comes_back (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) o = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierAnnotation) first = NULL;
  g_autoptr(DossierAnnotation) added = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 id, id_b;

  NEED_SERVER ();
  url = team_new ("revive");
  team_add_member ("revive", "olga", "owner");
  team_add_member ("revive", "ben", "editor");
  o = dossier_test_library_new ();
  b = dossier_test_library_new ();
  id = dossier_test_add_article (o->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  first = dossier_test_add_note (o->library, id, "Delegates", "owner's note");
  uuid = team_article_uuid_of (o->library, id);
  team_share (o->library, url, "olga");
  team_sync_ok (o->library, "olga");
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");

  /* the owner deletes the article while the editor annotates it offline */
  g_assert_true (dossier_library_delete_article_sync (o->library, id, &error));
  team_sync_ok (o->library, "olga");
  id_b = dossier_team_find_article_sync (b->library, uuid, &error);
  added = dossier_test_add_note (b->library, id_b, "customs house", "ben's note");
  team_sync_ok (b->library, "ben");
  g_assert_cmpint (dossier_team_find_article_sync (b->library, uuid, NULL), ==, id_b);

  /* it comes back for the owner, with both notes, marked */
  team_sync_ok (o->library, "olga");
  id = dossier_team_find_article_sync (o->library, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  {
    g_autofree char *state_o = team_library_state (o->library);
    g_autofree char *state_b = team_library_state (b->library);

    g_assert_cmpstr (state_o, ==, state_b);
    g_assert_nonnull (strstr (state_o, "owner's note"));
    g_assert_nonnull (strstr (state_o, "ben's note"));
  }
  list = dossier_team_list_conflicts_sync (o->library, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DossierTeamConflict *) list->pdata[0])->field, ==, "deleted");
  g_assert_cmpstr (((DossierTeamConflict *) list->pdata[0])->author, ==, "ben");
}

static void
test_offline_queue (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(DossierAnnotation) own = NULL;
  g_autoptr(DossierAnnotation) kept = NULL;
  g_autoptr(DossierTeamLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  DossierTeamSyncStats stats;
  gint64 id;

  NEED_SERVER ();
  url = team_new ("offline");
  team_add_member ("offline", "ada", "editor");
  team_add_member ("offline", "ben", "reader");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  uuid = team_article_uuid_of (a->library, id);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");

  /* the server goes away; edits queue */
  g_assert_true (dossier_test_postgres_stop (team_pg));
  note = dossier_test_add_note (a->library, id, "Delegates", "written offline");
  g_assert_false (dossier_team_sync_sync (a->library, "ada", &stats, NULL, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE);
  g_clear_error (&error);

  /* and survive closing the library */
  path = g_build_filename (a->dir, "library.db", NULL);
  dossier_library_close (a->library);
  g_clear_object (&a->library);
  a->library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (a->library, FALSE, &error));
  link = dossier_team_get_link_sync (a->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (link->n_queued, ==, 1);
  g_assert_cmpstr (link->member, ==, "ada");

  g_assert_true (dossier_test_postgres_resume (team_pg));
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_clear_pointer (&link, dossier_team_link_free);
  link = dossier_team_get_link_sync (a->library, &error);
  g_assert_cmpuint (link->n_queued, ==, 0);

  /* a reader gets it; their own note is refused by the server, kept here
   * and listed, never lost */
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  g_assert_nonnull (team_note_by_uuid (b->library, dossier_annotation_get_uuid (note)));
  own = dossier_test_add_note (b->library, dossier_team_find_article_sync (b->library, uuid, NULL), "Thursday", "a reader's note");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  kept = team_note_by_uuid (b->library, dossier_annotation_get_uuid (own));
  g_assert_nonnull (kept);
}

/* }}} */

/* {{{ randomised convergence trials */

#define N_CLIENTS 3
#define N_TRIAL_NAMES 3
static const char * const trial_members[N_CLIENTS] = { "olga", "ada", "ben" };

typedef struct
{
  DossierTestLibrary *lib[N_CLIENTS];
  /* every text written: "row text" (a person's row: "person:I", by the
   * name people[I] the article gives them) */
  GPtrArray          *written;
  /* for each text written, the member who wrote it and when (a tick of
   * the trial's clock, which also ticks at each member's sync) */
  GArray             *who;
  GArray             *when;
  GArray             *syncs[N_CLIENTS];
  guint               clock;
  guint               number;
  /* the names the trial's articles give people, made for the trial: two
   * people quoted by their full names, and the first by surname alone */
  char               *people[N_TRIAL_NAMES];
} Trial;

/* what the trial under way did to people and when it synced, told when
 * the libraries' people differ */
static GString *trial_ops;
/* people merged and split among the random edits too (off with
 * DOSSIER_TEAM_TRIALS_MERGES=0, to tell a failure of people apart) */
static gboolean trial_merges;

/* a surname of its own for each @n below 1,000 */
static char *
trial_surname (guint n)
{
  static const char * const parts[] = { "bren", "lenk", "mar", "tov", "kal", "dor", "vis", "rum", "sel", "gat" };
  g_autofree char *name = g_strconcat (parts[n % 10], parts[n / 10 % 10], parts[n / 100 % 10], NULL);

  name[0] = g_ascii_toupper (name[0]);
  return g_steal_pointer (&name);
}

/* the person listed in @library whom the written name @name leads to
 * (who has it among their names), as the articles' quotes go; else the
 * one found by that name; 0 for none */
static gint64
trial_person (DossierLibrary *library,
              const char     *name)
{
  g_autoptr(GPtrArray) people = dossier_people_list_sync (library, NULL, NULL);

  for (guint k = 0; people != NULL && k < people->len; k++)
    {
      DossierStoredPerson *p = people->pdata[k];

      if (p->variants != NULL && g_strv_contains ((const char * const *) p->variants, name))
        return p->id;
    }
  return dossier_people_find_sync (library, name, NULL);
}

/* "person person:I name" for each of the trial's people, as the person
 * their name leads to is called in @library */
static char *
trial_people_names (Trial          *t,
                    DossierLibrary *library)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, NULL), >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (t->people); i++)
    {
      gint64 id = trial_person (library, t->people[i]);
      g_autoptr(GPtrArray) people = dossier_people_list_sync (library, NULL, NULL);

      for (guint k = 0; id > 0 && people != NULL && k < people->len; k++)
        if (((DossierStoredPerson *) people->pdata[k])->id == id)
          g_string_append_printf (out, "person person:%u %s\n", i,
                                  ((DossierStoredPerson *) people->pdata[k])->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* the person @id of @people, or NULL */
static DossierStoredPerson *
person_of (GPtrArray *people,
           gint64     id)
{
  for (guint k = 0; id > 0 && people != NULL && k < people->len; k++)
    if (((DossierStoredPerson *) people->pdata[k])->id == id)
      return people->pdata[k];
  return NULL;
}

/* @text written by member @c now */
static void
trial_write (Trial *t,
             guint  c,
             char  *text)
{
  guint now = ++t->clock;

  g_ptr_array_add (t->written, text);
  g_array_append_val (t->who, c);
  g_array_append_val (t->when, now);
}

/* member @c synced now */
static void
trial_synced (Trial *t,
              guint  c)
{
  guint now = ++t->clock;

  g_array_append_val (t->syncs[c], now);
}

/* whether member @c had text @i written, in its library, at tick @time:
 * its own, or pushed by its writer's next sync and pulled by a sync of
 * @c after that */
static gboolean
trial_seen (Trial *t,
            guint  i,
            guint  c,
            guint  time)
{
  guint writer = g_array_index (t->who, guint, i);
  guint written = g_array_index (t->when, guint, i);
  guint pushed = G_MAXUINT;

  if (writer == c)
    return written < time;
  for (guint s = 0; s < t->syncs[writer]->len && pushed == G_MAXUINT; s++)
    if (g_array_index (t->syncs[writer], guint, s) > written)
      pushed = g_array_index (t->syncs[writer], guint, s);
  for (guint s = 0; pushed != G_MAXUINT && s < t->syncs[c]->len; s++)
    {
      guint at = g_array_index (t->syncs[c], guint, s);

      if (at > pushed && at < time)
        return TRUE;
    }
  return FALSE;
}

/* whether texts @i and @j are of the same row; with @same_text, also say
 * the same of it */
static gboolean
trial_same_row (Trial    *t,
                guint     i,
                guint     j,
                gboolean  same_text)
{
  const char *a = t->written->pdata[i];
  const char *b = t->written->pdata[j];
  const char *space = strchr (a, ' ');
  gsize row = space ? (gsize) (space - a) : strlen (a);

  if (strncmp (a, b, row) != 0 || (b[row] != ' ' && b[row] != '\0'))
    return FALSE;
  return !same_text || g_str_equal (a, b);
}

/* Whether text @i may be gone without being lost.  A push that says
 * what the server's row says already is taken as done, with no
 * conflict.  So when another member wrote the same text of the row
 * first, and a later change of the row, made by one who had that first
 * text, had not reached @i's writer when it wrote @i, the later change
 * takes @i's place as it takes the first text's, in whatever order the
 * pushes come. */
static gboolean
trial_absorbed (Trial *t,
                guint  i)
{
  guint writer = g_array_index (t->who, guint, i);
  guint time = g_array_index (t->when, guint, i);

  for (guint j = 0; j < i; j++)
    {
      if (g_array_index (t->who, guint, j) == writer || !trial_same_row (t, i, j, TRUE))
        continue;
      for (guint k = j + 1; k < t->written->len; k++)
        if (k != i && trial_same_row (t, i, k, FALSE) && !trial_same_row (t, i, k, TRUE) &&
            trial_seen (t, j, g_array_index (t->who, guint, k), g_array_index (t->when, guint, k)) &&
            !trial_seen (t, k, writer, time))
          return TRUE;
    }
  return FALSE;
}

/* A person's correction other than a rename: two people merged, or a
 * name split off its person, found by the names the articles give them.
 * Each writes which person each name it moved leads to now. */
/* the name the user's corrections in member @c's library give the written
 * name @variant, or NULL when none does */
static char *
trial_correction (Trial      *t,
                  guint       c,
                  const char *variant)
{
  g_autofree char *path = g_build_filename (t->lib[c]->dir, "library.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM person_fixes WHERE variant = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, variant, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return name;
}

static void
trial_merge_or_split (Trial   *t,
                      guint    c,
                      gboolean merge)
{
  DossierLibrary *library = t->lib[c]->library;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 before[N_TRIAL_NAMES];
  guint which = g_test_rand_int_range (0, N_TRIAL_NAMES);
  DossierStoredPerson *p;
  g_autofree char *fix_before = NULL;
  g_autofree char *fix_after = NULL;

  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error), >=, 0);
  g_assert_no_error (error);
  for (guint k = 0; k < N_TRIAL_NAMES; k++)
    before[k] = trial_person (library, t->people[k]);
  if (merge)
    {
      guint into = g_test_rand_int_range (0, N_TRIAL_NAMES);

      if (before[into] <= 0 || before[which] <= 0 || before[into] == before[which])
        return;
      g_assert_true (dossier_people_merge_sync (library, before[into], before[which], &error));
      g_assert_no_error (error);
      g_string_append_printf (trial_ops, "%s merged the person of %s into that of %s\n", trial_members[c],
                              t->people[which], t->people[into]);
      people = dossier_people_list_sync (library, NULL, &error);
      g_assert_no_error (error);
      p = person_of (people, before[into]);
      g_assert_nonnull (p);
      for (guint k = 0; k < N_TRIAL_NAMES; k++)
        if (before[k] == before[which])
          trial_write (t, c, g_strdup_printf ("person:%u %s", k, p->name));
      return;
    }
  /* a split needs the name to be one of two or more of its person's */
  people = dossier_people_list_sync (library, NULL, &error);
  g_assert_no_error (error);
  p = person_of (people, before[which]);
  if (p == NULL || p->variants == NULL || g_strv_length (p->variants) < 2 ||
      !g_strv_contains ((const char * const *) p->variants, t->people[which]))
    return;
  fix_before = trial_correction (t, c, t->people[which]);
  g_assert_cmpint (dossier_people_split_sync (library, p->id, t->people[which], &error), >, 0);
  g_assert_no_error (error);
  g_string_append_printf (trial_ops, "%s split %s off %s\n", trial_members[c], t->people[which], p->name);
  /* the name split off is corrected to itself; where its correction said
   * so already (split off the name its person was called by), nothing of
   * the name is written, and another member's correction of it made
   * meanwhile takes its place: no edit of it to look for */
  fix_after = trial_correction (t, c, t->people[which]);
  if (g_strcmp0 (fix_before, fix_after) != 0)
    trial_write (t, c, g_strdup_printf ("person:%u %s", which, t->people[which]));
  /* split off their own name, the person takes another: the names left
   * to them are theirs under it */
  {
    gint64 left = before[which];
    g_autoptr(GPtrArray) now = dossier_people_list_sync (library, NULL, &error);
    DossierStoredPerson *q;

    g_assert_no_error (error);
    q = person_of (now, left);
    for (guint k = 0; q != NULL && g_strcmp0 (q->name, p->name) != 0 && k < N_TRIAL_NAMES; k++)
      if (k != which && trial_person (library, t->people[k]) == left)
        trial_write (t, c, g_strdup_printf ("person:%u %s", k, q->name));
  }
}

static guint
step_of (const char *text)
{
  const char *at = text ? strrchr (text, '#') : NULL;

  return at ? (guint) g_ascii_strtoull (at + 1, NULL, 10) : 0;
}

static void
trial_edit (Trial *t,
            guint  c,
            guint  step)
{
  DossierLibrary *library = t->lib[c]->library;
  g_autoptr(GPtrArray) notes = dossier_library_list_annotations_sync (library, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("%s#%u", trial_members[c], step);
  int op = g_test_rand_int_range (0, trial_merges ? 6 : 4);

  if (op == 0 || notes->len == 0)
    {
      /* a new note on some article here */
      guint n = dossier_library_count_sync (library, NULL);
      g_autoptr(DossierAnnotation) a = NULL;
      gint64 id = 0;

      for (gint64 i = 1; n > 0 && id == 0 && i < 10000; i++)
        {
          g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, i, NULL);

          if (article != NULL && g_test_rand_int_range (0, 2) == 0)
            id = i;
        }
      if (id == 0)
        return;
      a = dossier_test_add_note (library, id, "Delegates", text);
      trial_write (t, c, g_strdup_printf ("%s %s", dossier_annotation_get_uuid (a), text));
    }
  else if (op == 1)
    {
      DossierAnnotation *a = notes->pdata[g_test_rand_int_range (0, notes->len)];

      dossier_annotation_set_note (a, text);
      g_assert_true (dossier_library_update_annotation_sync (library, a, &error));
      g_assert_no_error (error);
      trial_write (t, c, g_strdup_printf ("%s %s", dossier_annotation_get_uuid (a), text));
    }
  else if (op == 4 || op == 5)
    trial_merge_or_split (t, c, op == 4);
  else if (op == 3)
    {
      /* a person renamed, found by a name the articles give them; the
       * name is the trial's own, so no two people ever share one */
      guint which = g_test_rand_int_range (0, trial_merges ? N_TRIAL_NAMES : 2);
      const char *found = t->people[which];
      g_autofree char *name = g_strdup_printf ("%s-%u#%u", trial_members[c], t->number, step);
      gint64 id;

      g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error), >=, 0);
      if ((id = trial_person (library, found)) <= 0)
        return;
      dossier_people_rename_sync (library, id, name, &error);
      g_assert_no_error (error);
      g_string_append_printf (trial_ops, "%s renamed the person of %s to %s\n", trial_members[c], found, name);
      /* every name that led to the person has the new one */
      for (guint k = 0; k < N_TRIAL_NAMES; k++)
        if (k == which || trial_person (library, t->people[k]) == id)
          trial_write (t, c, g_strdup_printf ("person:%u %s", k, name));
    }
  else
    {
      gint64 id = g_test_rand_int_range (1, 1 + (int) dossier_library_count_sync (library, NULL));
      g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, id, NULL);

      if (article == NULL)
        return;
      dossier_article_set_title (article, text);
      g_assert_true (dossier_library_update_article_sync (library, article, &error));
      trial_write (t, c, g_strdup_printf ("%s %s", dossier_article_get_uuid (article), text));
    }
}

/* the text of row @uuid in @state ("note UUID author text" or "article
 * UUID title source" lines), or NULL */
static char *
row_text (const char *state,
          const char *uuid)
{
  g_auto(GStrv) lines = g_strsplit (state, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 4);

      if (g_strv_length (f) >= 3 && g_str_equal (f[1], uuid))
        {
          /* an article's title runs up to " | " and its source */
          g_autofree char *rest = g_strjoinv (" ", f + 2);
          char *bar = strstr (rest, " | ");

          if (g_str_equal (f[0], "note"))
            return g_strdup (f[3] ? f[3] : "");
          if (bar != NULL)
            *bar = '\0';
          return g_strdup (rest);
        }
    }
  return NULL;
}

static gboolean
in_conflicts (Trial      *t,
              const char *text)
{
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      g_autoptr(GPtrArray) list = dossier_team_list_conflicts_sync (t->lib[c]->library, NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          DossierTeamConflict *k = list->pdata[i];

          if (g_strcmp0 (k->mine, text) == 0 || g_strcmp0 (k->theirs, text) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* One trial: three new libraries on the trials' team database, which
 * keeps what earlier trials left (so libraries also pull a history). */
static void
run_trial (const char *url,
           guint       number,
           gboolean    restart)
{
  g_autofree char *state0 = NULL;
  g_autofree char *people0 = NULL;
  g_autofree char *surname = trial_surname (number * 2 % 1000);
  g_autofree char *other = trial_surname ((number * 2 + 1) % 1000);
  g_autofree char *quoted = NULL;
  g_autofree char *told = NULL;
  Trial t = { { NULL }, g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (guint)),
              g_array_new (FALSE, FALSE, sizeof (guint)), { NULL }, 0, number,
              { g_strconcat ("Otto ", surname, NULL), g_strconcat ("Mira ", other, NULL), g_strdup (surname) } };
  guint steps = 30;

  g_string_truncate (trial_ops, 0);

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      t.lib[c] = dossier_test_library_new ();
      t.syncs[c] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  dossier_test_add_article (t.lib[0]->library, "Harbour talks", "Delegates met on Thursday.");
  dossier_test_add_article (t.lib[0]->library, "Dredging deal", "Delegates signed a dredging agreement.");
  dossier_test_add_article (t.lib[0]->library, "Channel survey", "Delegates heard the engineers.");
  quoted = g_strdup_printf ("Delegates met the harbour board.\n\n"
                            "\"We came to listen before we came to bargain,\" said council chair %s.\n\n"
                            "\"The channel has silted faster than anyone forecast,\" said harbour master %s.",
                            t.people[0], t.people[1]);
  dossier_test_add_article (t.lib[0]->library, "Board meets", quoted);
  /* the first person by surname alone: one person with two names, so
   * that one can be split off */
  if (trial_merges)
    {
      told = g_strdup_printf ("\"Nothing has changed in our position,\" %s told reporters on Friday.", t.people[2]);
      dossier_test_add_article (t.lib[0]->library, "Chair speaks", told);
    }
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      team_share (t.lib[c]->library, url, trial_members[c]);
      team_sync_ok (t.lib[c]->library, trial_members[c]);
    }

  for (guint step = 1; step <= steps; step++)
    {
      guint c = g_test_rand_int_range (0, N_CLIENTS);

      if (restart && step == steps / 2)
        {
          g_autoptr(GError) error = NULL;

          /* the server goes away: edits queue, sync says so, nothing is lost */
          g_assert_true (dossier_test_postgres_stop (team_pg));
          trial_edit (&t, c, step);
          g_assert_false (dossier_team_sync_sync (t.lib[c]->library, trial_members[c], NULL, NULL, &error));
          g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE);
          g_assert_true (dossier_test_postgres_resume (team_pg));
          continue;
        }
      if (g_test_rand_int_range (0, 3) == 0)
        {
          team_sync_ok (t.lib[c]->library, trial_members[c]);
          trial_synced (&t, c);
          g_string_append_printf (trial_ops, "%s synced\n", trial_members[c]);
        }
      else
        trial_edit (&t, c, step);
    }

  /* everyone syncs, twice around: they converge */
  for (guint round = 0; round < 2; round++)
    for (guint c = 0; c < N_CLIENTS; c++)
      team_sync_ok (t.lib[c]->library, trial_members[c]);
  state0 = team_library_state (t.lib[0]->library);
  people0 = team_people_state (t.lib[0]->library);
  for (guint c = 1; c < N_CLIENTS; c++)
    {
      g_autofree char *state = team_library_state (t.lib[c]->library);
      g_autofree char *people = team_people_state (t.lib[c]->library);

      g_assert_cmpstr (state, ==, state0);
      if (g_strcmp0 (people, people0) != 0)
        g_test_message ("trial %u: the people of %s and %s differ after:\n%s", number, trial_members[0],
                        trial_members[c], trial_ops->str);
      g_assert_cmpstr (people, ==, people0);
    }
  /* the people's names join the rows the edits are looked for in */
  {
    g_autofree char *names = trial_people_names (&t, t.lib[0]->library);
    char *both = g_strconcat (state0, names, NULL);

    g_free (state0);
    state0 = both;
  }
  /* every edit is there, as itself or as a conflict, unless a later
   * edit of the same row took its place */
  for (guint i = 0; i < t.written->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (t.written->pdata[i], " ", 2);
      g_autofree char *now = row_text (state0, f[0]);

      if (g_strcmp0 (now, f[1]) == 0 || in_conflicts (&t, f[1]))
        continue;
      if (now != NULL && step_of (now) > step_of (f[1]))
        continue;
      if (trial_absorbed (&t, i))
        continue;
      /* or an edit of the same row written later, checked on its own */
      {
        gboolean later = FALSE;

        for (guint j = i + 1; j < t.written->len && !later; j++)
          later = g_str_has_prefix (t.written->pdata[j], f[0]);
        if (later)
          continue;
      }
      g_test_message ("trial %u: the edit “%s” of %s is lost (now “%s”) after:\n%s", number, f[1], f[0], now,
                      trial_ops->str);
      for (guint c = 0; c < N_CLIENTS; c++)
        {
          g_autoptr(GPtrArray) list = dossier_team_list_conflicts_sync (t.lib[c]->library, NULL);

          for (guint k = 0; list != NULL && k < list->len; k++)
            {
              DossierTeamConflict *x = list->pdata[k];

              g_test_message ("  %s has conflict %s %s %s: mine “%s”, theirs “%s”", trial_members[c], x->kind,
                              x->row, x->field ? x->field : "", x->mine, x->theirs);
            }
        }
      g_test_fail ();
    }
  for (guint c = 0; c < N_CLIENTS; c++)
    dossier_test_library_free (t.lib[c]);
  g_ptr_array_unref (t.written);
  g_array_unref (t.who);
  g_array_unref (t.when);
  for (guint c = 0; c < N_CLIENTS; c++)
    g_array_unref (t.syncs[c]);
  for (guint i = 0; i < N_TRIAL_NAMES; i++)
    g_free (t.people[i]);
}

static void
test_convergence_trials (void)
{
  const char *env = g_getenv ("DOSSIER_TEAM_TRIALS");
  const char *merges = g_getenv ("DOSSIER_TEAM_TRIALS_MERGES");
  guint n = env ? (guint) g_ascii_strtoull (env, NULL, 10) : (dossier_test_slowdown () > 1 ? 5 : 50);
  guint i;
  gint64 start;

  g_autofree char *url = NULL;

  NEED_SERVER ();
  trial_merges = g_strcmp0 (merges, "0") != 0;
  url = team_new ("trials");
  team_add_member ("trials", "olga", "owner");
  team_add_member ("trials", "ada", "editor");
  team_add_member ("trials", "ben", "editor");
  trial_ops = g_string_new (NULL);
  start = g_get_monotonic_time ();
  for (i = 0; i < n && !g_test_failed (); i++)
    {
      run_trial (url, i, i % 10 == 5);
      /* a long run says how far it got as it goes */
      if ((i + 1) % 25 == 0 && i + 1 < n && !g_test_failed ())
        {
          g_test_message ("%u trials converged in %.1f s", i + 1, (g_get_monotonic_time () - start) / 1e6);
          fflush (stdout);
        }
    }
  if (g_test_failed ())
    g_test_message ("trial %u did not converge (%u before it did, in %.1f s)", i - 1, i - 1,
                    (g_get_monotonic_time () - start) / 1e6);
  else
    g_test_message ("%u trials converged in %.1f s", n, (g_get_monotonic_time () - start) / 1e6);
  g_string_free (trial_ops, TRUE);
}

/* }}} */

/* {{{ the command line */

static void
test_cli (void)
{
  g_autofree char *url = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *lib = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  NEED_SERVER ();
  url = dossier_test_postgres_new_db (team_pg, "cli");
  admin = dossier_test_postgres_admin_url (team_pg, "cli");
  dir = dossier_test_make_tmp_dir ();
  lib = g_build_filename (dir, "library.db", NULL);
  text = g_build_filename (dir, "harbour.txt", NULL);
  g_assert_true (g_file_set_contents (text, "Harbour talks\n\nDelegates met on Thursday.\n", -1, NULL));

  g_assert_cmpint (team_run_cli (NULL, &out, "team", "init", "--server", admin, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "team", "add-member", "--server", admin, "cleo",
                                 "--role", "editor", "--password-stdin", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "team", "add-member", "--server", admin, "eve", "--role", "boss", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "team", "frobnicate", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "import", "--library", lib, text, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "annotate", "--library", lib, "1", "--quote", "Delegates", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  /* a wrong password is refused, and says so */
  g_assert_cmpint (team_run_cli ("wrong\n", &out, "share", "--library", lib, "--server", url, "--user", "cleo",
                                 "--password-stdin", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "share", "--library", lib, "--server", url, "--user", "cleo",
                                 "--password-stdin", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "sync", "--library", lib, "--json", "--password-stdin", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "pushed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "pulled"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "conflicts"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "rows_sent"), ==, 2);
  g_assert_true (json_object_has_member (o, "rows_received"));
  g_assert_cmpint (json_object_get_int_member (o, "version"), >=, 2);
  g_clear_pointer (&out, g_free);

  /* notes carry their author and identity */
  g_assert_cmpint (team_run_cli (NULL, &out, "annotations", "--library", lib, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"author\" : \"cleo\""));
  g_assert_nonnull (strstr (out, "\"uuid\""));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "edit-annotation", "--library", lib, "1", "--note", "Council delegates",
                                 "--tag", "people", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Council delegates"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "edit-annotation", "--library", lib, "99", "--note", "x", NULL), ==, 1);
  g_clear_pointer (&out, g_free);

  /* no server: exit 3, the change stays queued and goes later */
  g_assert_true (dossier_test_postgres_stop (team_pg));
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "sync", "--library", lib, "--password-stdin", NULL), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_true (dossier_test_postgres_resume (team_pg));
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "sync", "--library", lib, "--json", "--password-stdin", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"pushed\":1"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "conflicts", "--library", lib, "--json", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "resolve", "--library", lib, "7", "--keep", "mine", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "resolve", "--library", lib, "7", "--keep", "neither", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "delete-annotation", "--library", lib, "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (team_run_cli (NULL, &out, "team", "remove-member", "--server", admin, "cleo", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  /* a removed member can't sync; the deletion stays queued */
  g_assert_cmpint (team_run_cli ("cleo-secret\n", &out, "sync", "--library", lib, "--password-stdin", NULL), ==, 1);
  dossier_test_remove_tree (dir);
}

/* }}} */

/* {{{ a sync killed at random moments */

static void
test_sync_killed (void)
{
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *state_a = NULL;
  g_autofree char *state_b = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  guint n_killed = 0;
  gint64 id;

  NEED_SERVER ();
  url = team_new ("killed");
  team_add_member ("killed", "ada", "editor");
  team_add_member ("killed", "olga", "owner");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  path = g_build_filename (a->dir, "library.db", NULL);
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autofree char *text = g_strdup_printf ("round %u", round);
      g_autoptr(DossierAnnotation) added = NULL;
      guint wait_ms = g_test_rand_int_range (0, 2500);
      const char *argv[] = { cli, "sync", "--library", path, "--password-stdin", NULL };
      GOutputStream *in;

      /* a few edits: a new note and a changed one */
      added = dossier_test_add_note (a->library, id, "Delegates", text);
      g_ptr_array_add (written, g_strdup (text));
      for (guint k = 0; k < 40; k++)
        {
          g_autofree char *bulk = g_strdup_printf ("round %u note %u", round, k);
          g_autoptr(DossierAnnotation) more = dossier_test_add_note (a->library, id, "customs house", bulk);

          g_ptr_array_add (written, g_strdup (bulk));
        }
      dossier_library_close (a->library);
      g_clear_object (&a->library);

      /* dossier-cli sync, killed with SIGKILL after a random moment */
      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      in = g_subprocess_get_stdin_pipe (proc);
      g_output_stream_write_all (in, "ada\n", 4, NULL, NULL, NULL);
      g_output_stream_close (in, NULL, NULL);
      {
        gint64 until = g_get_monotonic_time () + wait_ms * 1000;
        gboolean done = FALSE;

        while (!done && g_get_monotonic_time () < until)
          {
            g_main_context_iteration (NULL, FALSE);
            done = g_subprocess_get_identifier (proc) == NULL;
            if (!done)
              g_usleep (2000);
          }
        if (!done)
          {
            g_subprocess_force_exit (proc);
            n_killed++;
          }
        g_assert_true (g_subprocess_wait (proc, NULL, &error));
      }

      a->library = dossier_library_new (path);
      g_assert_true (dossier_library_open_sync (a->library, FALSE, &error));
      g_assert_no_error (error);
    }
  g_test_message ("%u of 12 syncs killed", n_killed);

  /* what was saved here gets to the server, once, and to another member */
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "olga");
  team_sync_ok (b->library, "olga");
  state_a = team_library_state (a->library);
  state_b = team_library_state (b->library);
  g_assert_cmpstr (state_a, ==, state_b);
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *needle = g_strdup_printf (" %s\n", (char *) written->pdata[i]);

      g_assert_nonnull (strstr (state_a, needle));
    }
  g_assert_cmpuint (team_n_conflicts (a->library), ==, 0);
}

/* }}} */

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  team_pg = dossier_test_postgres_start (&team_pg_missing);
  if (team_pg == NULL)
    g_test_message ("no PostgreSQL server: %s", team_pg_missing);

  g_test_add ("/team/uuid-identity", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_uuid_identity, dossier_test_library_teardown);
  g_test_add_func ("/team/upgrade-from-v4", test_upgrade_from_v4);
  g_test_add_func ("/team/permissions", test_permissions);
  g_test_add_func ("/team/two-libraries", test_two_libraries);
  g_test_add_func ("/team/tags-and-joins", test_tags_and_joins);
  g_test_add_func ("/team/watch", test_watch);
  g_test_add_func ("/team/conflicts", test_conflicts);
  g_test_add_func ("/team/deleted-article-comes-back", test_deleted_article_comes_back);
  g_test_add_func ("/team/offline-queue", test_offline_queue);
  g_test_add_func ("/team/cli", test_cli);
  g_test_add_func ("/team/sync-killed", test_sync_killed);
  g_test_add_func ("/team/convergence-trials", test_convergence_trials);
  status = g_test_run ();
  g_clear_pointer (&team_pg, dossier_test_postgres_free);
  g_free (team_pg_missing);
  return status;
}
