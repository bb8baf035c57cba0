/* test-team-corrections.c — what a team shares besides rows as they are: notes edited
 * by another member, quote corrections and articles moved between stories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is started by the test (tests/dossier-test-postgres.c);
 * without PostgreSQL installed the tests skip and say why.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dossier-library.h"
#include "dossier-people.h"
#include "dossier-stories.h"
#include "dossier-team.h"
#include "dossier-team-server.h"
#include "dossier-test-team.h"
#include "dossier-test-util.h"

/* A note edited offline is the editor's once pushed, in every library;
 * edits and deletions made together go in batches, one row each sent. */
static void
test_offline_author (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) o = NULL;
  g_autoptr(DossierAnnotation) first = NULL;
  g_autoptr(DossierAnnotation) second = NULL;
  g_autoptr(DossierAnnotation) third = NULL;
  g_autoptr(DossierAnnotation) edited = NULL;
  g_autoptr(DossierAnnotation) own = NULL;
  g_autoptr(DossierAnnotation) seen = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats;
  gint64 id;

  NEED_SERVER ();
  url = team_new ("editor");
  team_add_member ("editor", "ada", "editor");
  team_add_member ("editor", "olga", "owner");
  a = dossier_test_library_new ();
  o = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  first = dossier_test_add_note (a->library, id, "Delegates", "ada's first");
  second = dossier_test_add_note (a->library, id, "Thursday", "ada's second");
  third = dossier_test_add_note (a->library, id, "customs house", "ada's third");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (o->library, url, "olga");
  team_sync_ok (o->library, "olga");

  /* offline, the owner edits two of ada's notes and deletes the third;
   * the edited notes are the owner's here at once */
  g_assert_true (dossier_test_postgres_stop (team_pg));
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (first));
  g_assert_cmpstr (dossier_annotation_get_author (edited), ==, "ada");
  dossier_annotation_set_note (edited, "olga's rewrite");
  g_assert_true (dossier_library_update_annotation_sync (o->library, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (second));
  dossier_annotation_set_color (edited, "blue");
  g_assert_true (dossier_library_update_annotation_sync (o->library, edited, &error));
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (third));
  g_assert_true (dossier_library_delete_annotation_sync (o->library, dossier_annotation_get_id (edited), &error));
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (first));
  g_assert_cmpstr (dossier_annotation_get_author (edited), ==, "olga");
  /* ada, offline too, edits her own note: it stays hers */
  own = team_note_by_uuid (a->library, dossier_annotation_get_uuid (second));
  g_assert_nonnull (own);
  dossier_annotation_set_note (own, "ada's second, longer");
  g_assert_true (dossier_library_update_annotation_sync (a->library, own, &error));
  g_assert_false (dossier_team_sync_sync (o->library, "olga", &stats, NULL, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE);
  g_clear_error (&error);

  /* back online: the owner's three changes go in two statements, one row
   * each; the server names the editor */
  g_assert_true (dossier_test_postgres_resume (team_pg));
  stats = team_sync_ok (o->library, "olga");
  g_assert_cmpuint (stats.pushed, ==, 3);
  g_assert_cmpuint (stats.rows_sent, ==, 3);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  /* ada's edit of the note the owner recoloured meanwhile is a conflict */
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.conflicts, ==, 1);
  team_sync_ok (o->library, "olga");
  seen = team_note_by_uuid (a->library, dossier_annotation_get_uuid (first));
  g_assert_cmpstr (dossier_annotation_get_author (seen), ==, "olga");
  g_assert_cmpstr (dossier_annotation_get_note (seen), ==, "olga's rewrite");
  g_clear_object (&seen);
  seen = team_note_by_uuid (a->library, dossier_annotation_get_uuid (second));
  g_assert_cmpstr (dossier_annotation_get_author (seen), ==, "olga");
  g_assert_cmpstr (dossier_annotation_get_color (seen), ==, "blue");
  g_clear_object (&seen);
  seen = team_note_by_uuid (a->library, dossier_annotation_get_uuid (third));
  g_assert_null (seen);
  {
    g_autofree char *state_a = team_library_state (a->library);
    g_autofree char *state_o = team_library_state (o->library);

    g_assert_cmpstr (state_a, ==, state_o);
  }

  /* an edit undone before it was pushed changes nothing on the server:
   * the note stays ada's there and so here */
  g_clear_object (&own);
  own = dossier_test_add_note (a->library, id, "met", "ada's fourth");
  team_sync_ok (a->library, "ada");
  team_sync_ok (o->library, "olga");
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (own));
  dossier_annotation_set_note (edited, "a passing thought");
  g_assert_true (dossier_library_update_annotation_sync (o->library, edited, &error));
  dossier_annotation_set_note (edited, "ada's fourth");
  g_assert_true (dossier_library_update_annotation_sync (o->library, edited, &error));
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (own));
  g_assert_cmpstr (dossier_annotation_get_author (edited), ==, "olga");
  stats = team_sync_ok (o->library, "olga");
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_clear_object (&edited);
  edited = team_note_by_uuid (o->library, dossier_annotation_get_uuid (own));
  g_assert_cmpstr (dossier_annotation_get_author (edited), ==, "ada");
  team_sync_ok (a->library, "ada");
  {
    g_autofree char *state_a = team_library_state (a->library);
    g_autofree char *state_o = team_library_state (o->library);

    g_assert_cmpstr (state_a, ==, state_o);
  }
}

/* the speaker and status of the quote of @library with @text ("" for
 * none), rejected ones too */
static char *
quote_state (DossierLibrary *library,
             const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = dossier_people_quotes_sync (library, 0, 0, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < quotes->len; i++)
    {
      DossierStoredQuote *q = quotes->pdata[i];

      if (g_str_equal (q->text, text))
        return g_strdup_printf ("%s %d", q->speaker ? q->speaker : "-", (int) q->status);
    }
  return g_strdup ("");
}

static gint64
quote_id (DossierLibrary *library,
          const char     *text)
{
  g_autoptr(GPtrArray) quotes = dossier_people_quotes_sync (library, 0, 0, TRUE, NULL);

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    if (g_str_equal (((DossierStoredQuote *) quotes->pdata[i])->text, text))
      return ((DossierStoredQuote *) quotes->pdata[i])->id;
  g_assert_not_reached ();
}

/* A member corrects a quote's speaker, rejects another and moves
 * articles between stories; the others see the same after a sync, and a
 * correction changed again travels too. */
static void
test_corrections (void)
{
  static const char listen[] = "We came to listen before we came to bargain";
  static const char silted[] = "The channel has silted faster than anyone forecast";
  static const char formula[] = "The tonnage formula favours the larger port";
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid_x = NULL;
  g_autofree char *uuid_y = NULL;
  g_autofree char *state = NULL;
  gint64 x, y, z, x_b, y_b, story, lenk;
  DossierTeamSyncStats stats;

  NEED_SERVER ();
  url = team_new ("fixes");
  team_add_member ("fixes", "ada", "editor");
  team_add_member ("fixes", "ben", "editor");
  team_add_member ("fixes", "rita", "reader");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  x = dossier_test_add_article (a->library, "Harbour talks open",
                                "Delegates met on Thursday in the old customs house.\n\n"
                                "\"We came to listen before we came to bargain,\" said council chair Otto Brenn.\n\n"
                                "\"The channel has silted faster than anyone forecast,\" said harbour master Mira Lenk.");
  y = dossier_test_add_article (a->library, "Dredging deal signed",
                                "The councils signed a dredging agreement on Monday.\n\n"
                                "\"The tonnage formula favours the larger port,\" said Mira Lenk.");
  z = dossier_test_add_article (a->library, "Ferry timetable", "The ferry runs every hour from May.");
  uuid_x = team_article_uuid_of (a->library, x);
  uuid_y = team_article_uuid_of (a->library, y);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  x_b = dossier_team_find_article_sync (b->library, uuid_x, NULL);
  y_b = dossier_team_find_article_sync (b->library, uuid_y, NULL);
  g_assert_cmpint (dossier_people_find_quotes_sync (a->library, G_MAXUINT, NULL, &error), ==, 3);
  g_assert_cmpint (dossier_people_find_quotes_sync (b->library, G_MAXUINT, NULL, &error), ==, 3);
  g_assert_no_error (error);
  state = quote_state (b->library, listen);
  g_assert_cmpstr (state, ==, "Otto Brenn 0");

  /* ada gives Brenn's words to Lenk, rejects Lenk's formula, and moves
   * the deal out of its story into one with the talks, the ferry into a
   * story of its own */
  lenk = dossier_people_find_sync (a->library, "Mira Lenk", &error);
  g_assert_no_error (error);
  /* (first to Brenn himself: a correction changed before it is pushed) */
  g_assert_true (dossier_people_reassign_sync (a->library, quote_id (a->library, listen),
                                               dossier_people_find_sync (a->library, "Otto Brenn", NULL), &error));
  g_assert_no_error (error);
  g_assert_true (dossier_people_reassign_sync (a->library, quote_id (a->library, listen), lenk, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_people_reject_sync (a->library, quote_id (a->library, formula), &error));
  g_assert_no_error (error);
  story = dossier_stories_move_sync (a->library, x, 0, &error);
  g_assert_cmpint (story, >, 0);
  g_assert_cmpint (dossier_stories_move_sync (a->library, y, story, &error), ==, story);
  g_assert_cmpint (dossier_stories_move_sync (a->library, z, 0, &error), >, 0);
  g_assert_no_error (error);
  stats = team_sync_ok (a->library, "ada");
  /* two quote corrections, three articles placed */
  g_assert_cmpuint (stats.pushed, ==, 5);
  g_assert_cmpuint (stats.conflicts, ==, 0);

  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pulled, ==, 5);
  g_clear_pointer (&state, g_free);
  state = quote_state (b->library, listen);
  g_assert_cmpstr (state, ==, "Mira Lenk 1");
  g_clear_pointer (&state, g_free);
  state = quote_state (b->library, formula);
  g_assert_cmpstr (state, ==, "Mira Lenk 2");
  g_clear_pointer (&state, g_free);
  state = quote_state (b->library, silted);
  {
    /* an uncorrected quote as the finder gave it, alike in both */
    g_autofree char *found = quote_state (a->library, silted);

    g_assert_cmpstr (state, ==, found);
    g_assert_true (g_str_has_suffix (state, " 0"));
  }
  story = dossier_stories_story_of_sync (b->library, x_b, &error);
  g_assert_cmpint (story, >, 0);
  g_assert_cmpint (dossier_stories_story_of_sync (b->library, y_b, &error), ==, story);
  {
    g_autofree char *uuid_z = team_article_uuid_of (a->library, z);
    gint64 z_b = dossier_team_find_article_sync (b->library, uuid_z, NULL);
    g_autoptr(DossierStory) own = NULL;
    gint64 s = dossier_stories_story_of_sync (b->library, z_b, &error);

    g_assert_cmpint (s, >, 0);
    g_assert_cmpint (s, !=, story);
    own = dossier_stories_get_sync (b->library, s, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (own->articles->len, ==, 1);
  }
  /* the corrections survive the quotes found again here */
  {
    g_autoptr(DossierArticle) article = dossier_library_get_article_sync (b->library, x_b, NULL);
    g_autofree char *body = g_strconcat ("An editor's note.\n\n", dossier_article_get_body (article), NULL);

    dossier_article_set_body (article, body);
    g_assert_true (dossier_library_update_article_sync (b->library, article, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dossier_people_find_quotes_sync (b->library, G_MAXUINT, NULL, &error), >=, 0);
    g_assert_cmpint (dossier_people_pending_sync (b->library, &error), ==, 0);
    g_clear_pointer (&state, g_free);
    state = quote_state (b->library, listen);
    g_assert_cmpstr (state, ==, "Mira Lenk 1");
  }

  /* ben gives the words back to Brenn and moves the deal into a story of
   * its own: ada gets both */
  g_assert_true (dossier_people_reassign_sync (b->library, quote_id (b->library, listen),
                                               dossier_people_find_sync (b->library, "Otto Brenn", NULL), &error));
  g_assert_cmpint (dossier_stories_move_sync (b->library, y_b, 0, &error), >, 0);
  g_assert_no_error (error);
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pushed, >=, 2);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  team_sync_ok (a->library, "ada");
  g_clear_pointer (&state, g_free);
  state = quote_state (a->library, listen);
  g_assert_cmpstr (state, ==, "Otto Brenn 1");
  g_assert_cmpint (dossier_stories_story_of_sync (a->library, y, &error), !=,
                   dossier_stories_story_of_sync (a->library, x, &error));

  /* both correct one quote at once: the later push is a conflict, kept */
  g_assert_true (dossier_people_reject_sync (a->library, quote_id (a->library, silted), &error));
  g_assert_true (dossier_people_reassign_sync (b->library, quote_id (b->library, silted),
                                               dossier_people_find_sync (b->library, "Otto Brenn", NULL), &error));
  g_assert_no_error (error);
  team_sync_ok (a->library, "ada");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_clear_pointer (&state, g_free);
  state = quote_state (b->library, silted);
  g_assert_true (g_str_has_suffix (state, " 2"));
  {
    g_autofree char *theirs = quote_state (a->library, silted);

    g_assert_cmpstr (state, ==, theirs);
  }

  /* a reader's correction is refused by the server, and kept as a conflict */
  {
    g_autoptr(DossierTestLibrary) r = dossier_test_library_new ();

    team_share (r->library, url, "rita");
    team_sync_ok (r->library, "rita");
    g_assert_cmpint (dossier_people_find_quotes_sync (r->library, G_MAXUINT, NULL, &error), ==, 3);
    g_assert_true (dossier_people_reject_sync (r->library, quote_id (r->library, listen), &error));
    stats = team_sync_ok (r->library, "rita");
    g_assert_cmpuint (stats.pushed, ==, 0);
    g_assert_cmpuint (stats.conflicts, ==, 1);
  }
}

/* A shared library made before corrections were shared: the upgrade
 * queues the corrections it holds, and later ones queue themselves. */
static void
test_upgrade (void)
{
  g_autofree char *downgrade = g_strdup_printf (
    "DELETE FROM team_queue WHERE kind IN ('quote-correction', 'story-pin');"
    "DROP TRIGGER team_quote_fixes_ai; DROP TRIGGER team_quote_fixes_au; DROP TRIGGER team_quote_fixes_ad;"
    "DROP TRIGGER team_pins_ai; DROP TRIGGER team_pins_au; DROP TRIGGER team_pins_ad;"
    "DROP TABLE person_fixes; PRAGMA user_version = %d;", 17);
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTeamLink) link = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats;
  sqlite3 *db = NULL;
  gint64 x;

  NEED_SERVER ();
  url = team_new ("upgrade");
  team_add_member ("upgrade", "ada", "editor");
  a = dossier_test_library_new ();
  x = dossier_test_add_article (a->library, "Harbour talks open",
                                "\"We came to listen before we came to bargain,\" said council chair Otto Brenn.");
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (dossier_people_find_quotes_sync (a->library, G_MAXUINT, NULL, &error), ==, 1);
  g_assert_true (dossier_people_reject_sync (a->library,
                                             quote_id (a->library, "We came to listen before we came to bargain"),
                                             &error));
  g_assert_cmpint (dossier_stories_move_sync (a->library, x, 0, &error), >, 0);
  g_assert_no_error (error);

  /* back to the schema before, the corrections not queued */
  path = g_build_filename (a->dir, "library.db", NULL);
  dossier_library_close (a->library);
  g_clear_object (&a->library);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, downgrade, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  a->library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (a->library, FALSE, &error));
  g_assert_no_error (error);
  link = dossier_team_get_link_sync (a->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (link->n_queued, ==, 2);
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 2);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  team_pg = dossier_test_postgres_start (&team_pg_missing);
  if (team_pg == NULL)
    g_test_message ("no PostgreSQL server: %s", team_pg_missing);

  g_test_add_func ("/team-corrections/offline-author", test_offline_author);
  g_test_add_func ("/team-corrections/corrections", test_corrections);
  g_test_add_func ("/team-corrections/upgrade", test_upgrade);
  status = g_test_run ();
  g_clear_pointer (&team_pg, dossier_test_postgres_free);
  g_free (team_pg_missing);
  return status;
}
