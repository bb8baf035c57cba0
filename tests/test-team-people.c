/* test-team-people.c — people renamed, merged and split in one member's
 * library reach the others' through sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is started by the test (tests/dossier-test-postgres.c);
 * without PostgreSQL installed the tests skip and say why.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-people.h"
#include "dossier-team.h"
#include "dossier-team-server.h"
#include "dossier-test-team.h"
#include "dossier-test-util.h"

static const char talks[] =
  "The delegates met on Thursday in the old customs house.\n\n"
  "\"We came to listen before we came to bargain,\" said Otto Brenn, the council chair.\n\n"
  "The harbour master spoke next. \"The channel has silted faster than anyone forecast,\" Mira Lenk said.";
static const char deal[] =
  "The councils signed a dredging agreement on Monday.\n\n"
  "\"The tonnage formula favours the larger port,\" said Mira Lenkova, the port's lawyer.\n\n"
  "\"My brother kept his word,\" said Karl Brenn.";
static const char visit[] =
  "\"We will answer in kind,\" said Sergei Lavrov, Russia's foreign minister.";
static const char later[] =
  "\"Nothing has changed in our position,\" Lavrov told reporters on Friday.";

static void
assert_same_people (DossierLibrary *a,
                    DossierLibrary *b)
{
  g_autofree char *state_a = team_people_state (a);
  g_autofree char *state_b = team_people_state (b);

  g_assert_cmpstr (state_b, ==, state_a);
}

/* the quotes of the person called @name, -1 when nobody is; with
 * @found, once the library has found the people of its articles */
static gint64
people_quotes (DossierLibrary *library,
               const char     *name,
               gboolean        found)
{
  g_autoptr(GPtrArray) people = NULL;

  if (found)
    g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, NULL), >=, 0);
  people = dossier_people_list_sync (library, NULL, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      DossierStoredPerson *p = people->pdata[i];

      if (g_str_equal (p->name, name))
        return p->quotes;
    }
  return -1;
}

#define quotes_of(library, name) people_quotes ((library), (name), TRUE)

static gint64
person (DossierLibrary *library,
        const char     *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_people_find_sync (library, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
rename_person (DossierLibrary *library,
               const char     *name,
               const char     *new_name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_people_rename_sync (library, person (library, name), new_name, &error));
  g_assert_no_error (error);
}


/* A rename, a merge and a split in one library: the other shows the
 * same people after a sync, and keeps them when it finds its quotes
 * again; a rename made offline goes when the server is back. */
static void
test_corrections (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  DossierTeamSyncStats stats;
  gint64 x;

  NEED_SERVER ();
  url = team_new ("people");
  team_add_member ("people", "ada", "editor");
  team_add_member ("people", "ben", "editor");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  x = dossier_test_add_article (a->library, "Harbour talks open", talks);
  dossier_test_add_article (a->library, "Dredging deal signed", deal);
  dossier_test_add_article (a->library, "Minister visits", visit);
  dossier_test_add_article (a->library, "No change", later);
  uuid = team_article_uuid_of (a->library, x);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  assert_same_people (a->library, b->library);
  /* one Lavrov with his given name or without, Lenk and Lenkova two people */
  g_assert_cmpint (quotes_of (b->library, "Otto Brenn"), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Mira Lenk"), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Mira Lenkova"), ==, 1);
  g_assert_cmpint (person (a->library, "Sergei Lavrov"), ==, person (a->library, "Lavrov"));

  /* ada renames Brenn and merges Lenkova into Lenk */
  rename_person (a->library, "Otto Brenn", "Otto K. Brenn");
  g_assert_true (dossier_people_merge_sync (a->library, person (a->library, "Mira Lenk"),
                                            person (a->library, "Mira Lenkova"), &error));
  g_assert_no_error (error);
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, >=, 3);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pulled, >=, 3);
  g_assert_cmpint (quotes_of (b->library, "Otto K. Brenn"), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Otto Brenn"), ==, -1);
  g_assert_cmpint (quotes_of (b->library, "Mira Lenk"), ==, 2);
  g_assert_cmpint (quotes_of (b->library, "Mira Lenkova"), ==, -1);
  /* Karl stays apart */
  g_assert_cmpint (quotes_of (b->library, "Karl Brenn"), ==, 1);
  assert_same_people (a->library, b->library);

  /* ada splits the Lavrov named by surname alone off */
  g_assert_cmpint (dossier_people_split_sync (a->library, person (a->library, "Sergei Lavrov"),
                                              "Lavrov", &error), >, 0);
  g_assert_no_error (error);
  stats = team_sync_ok (a->library, "ada");
  /* the name split off and the one left */
  g_assert_cmpuint (stats.pushed, ==, 2);
  team_sync_ok (b->library, "ben");
  /* not found again yet */
  g_assert_cmpint (people_quotes (b->library, "Lavrov", FALSE), ==, -1);
  g_assert_cmpint (dossier_people_pending_sync (b->library, &error), >, 0);
  assert_same_people (a->library, b->library);
  g_assert_cmpint (quotes_of (b->library, "Lavrov"), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Sergei Lavrov"), ==, 1);
  g_assert_cmpint (person (b->library, "Sergei Lavrov"), !=, person (b->library, "Lavrov"));

  /* the corrections hold when b finds the people of an article again */
  {
    gint64 x_b = dossier_team_find_article_sync (b->library, uuid, NULL);
    g_autoptr(DossierArticle) article = dossier_library_get_article_sync (b->library, x_b, NULL);
    g_autofree char *body = g_strconcat ("An editor's note: Mira Lenkova was there too.\n\n",
                                         dossier_article_get_body (article), NULL);

    dossier_article_set_body (article, body);
    g_assert_true (dossier_library_update_article_sync (b->library, article, &error));
    g_assert_no_error (error);
    team_sync_ok (b->library, "ben");
    team_sync_ok (a->library, "ada");
    assert_same_people (a->library, b->library);
    g_assert_cmpint (quotes_of (b->library, "Otto K. Brenn"), ==, 1);
    g_assert_cmpint (quotes_of (b->library, "Mira Lenkova"), ==, -1);
  }

  /* ben renames Karl offline; it goes when the server is back */
  g_assert_true (dossier_test_postgres_stop (team_pg));
  rename_person (b->library, "Karl Brenn", "Karl Otto Brenn");
  g_assert_false (dossier_team_sync_sync (b->library, "ben", NULL, NULL, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_true (dossier_test_postgres_resume (team_pg));
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pushed, >=, 1);
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (quotes_of (a->library, "Karl Otto Brenn"), ==, 1);
  assert_same_people (a->library, b->library);

  /* a library that joins later gets them all */
  {
    g_autoptr(DossierTestLibrary) c = dossier_test_library_new ();

    team_add_member ("people", "cyd", "editor");
    team_share (c->library, url, "cyd");
    team_sync_ok (c->library, "cyd");
    assert_same_people (a->library, c->library);
  }
}

/* The name a person is called by, split off: the person left takes the
 * longest of their other names, so the two are two in every library (two
 * people called alike would be one person in the others, which know
 * people by name) */
static void
test_split_own_name (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 left;

  NEED_SERVER ();
  url = team_new ("people_split_name");
  team_add_member ("people_split_name", "ada", "editor");
  team_add_member ("people_split_name", "ben", "editor");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  dossier_test_add_article (a->library, "Minister visits", visit);
  dossier_test_add_article (a->library, "No change", later);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  g_assert_cmpint (dossier_people_find_quotes_sync (a->library, G_MAXUINT, NULL, NULL), >=, 0);
  left = person (a->library, "Sergei Lavrov");
  g_assert_cmpint (left, ==, person (a->library, "Lavrov"));

  g_assert_cmpint (dossier_people_split_sync (a->library, left, "Sergei Lavrov", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (quotes_of (a->library, "Sergei Lavrov"), ==, 1);
  g_assert_cmpint (quotes_of (a->library, "Lavrov"), ==, 1);
  g_assert_cmpint (person (a->library, "Lavrov"), ==, left);
  team_sync_ok (a->library, "ada");
  team_sync_ok (b->library, "ben");
  g_assert_cmpint (quotes_of (b->library, "Sergei Lavrov"), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Lavrov"), ==, 1);
  g_assert_cmpint (person (b->library, "Sergei Lavrov"), !=, person (b->library, "Lavrov"));
  assert_same_people (a->library, b->library);
}

/* Two members rename one person differently: the later push is listed
 * as a conflict and both libraries show the first; kept as mine, the
 * later name wins everywhere.  A reader's rename is refused by the
 * server and listed. */
static void
test_conflict_and_reader (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierTestLibrary) r = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats;
  gint64 mine = 0;

  NEED_SERVER ();
  url = team_new ("people_conflict");
  team_add_member ("people_conflict", "ada", "editor");
  team_add_member ("people_conflict", "ben", "editor");
  team_add_member ("people_conflict", "rita", "reader");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  r = dossier_test_library_new ();
  dossier_test_add_article (a->library, "Harbour talks open", talks);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  assert_same_people (a->library, b->library);

  rename_person (a->library, "Otto Brenn", "Otto Brenn the elder");
  rename_person (b->library, "Otto Brenn", "O. Brenn");
  team_sync_ok (a->library, "ada");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.conflicts, >=, 1);
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (quotes_of (b->library, "Otto Brenn the elder"), ==, 1);
  assert_same_people (a->library, b->library);
  /* ben's name is listed, not lost */
  conflicts = dossier_team_list_conflicts_sync (b->library, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      DossierTeamConflict *k = conflicts->pdata[i];

      g_assert_cmpstr (k->kind, ==, "person-name");
      g_assert_cmpstr (k->mine, ==, "O. Brenn");
      g_assert_cmpstr (k->theirs, ==, "Otto Brenn the elder");
      mine = k->id;
    }
  /* ben keeps his, one decision for all the names: it reaches ada */
  g_assert_true (dossier_team_resolve_sync (b->library, mine, "mine", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (team_n_conflicts (b->library), ==, 0);
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.conflicts, ==, 0);
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (quotes_of (a->library, "O. Brenn"), ==, 1);
  g_assert_cmpint (quotes_of (a->library, "Otto Brenn the elder"), ==, -1);
  assert_same_people (a->library, b->library);

  /* a reader gets the names and can't change them: the server refuses
   * the sync's push and a write of their own */
  team_share (r->library, url, "rita");
  team_sync_ok (r->library, "rita");
  assert_same_people (a->library, r->library);
  rename_person (r->library, "O. Brenn", "Rita's Brenn");
  stats = team_sync_ok (r->library, "rita");
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stats.conflicts, >=, 1);
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (quotes_of (a->library, "O. Brenn"), ==, 1);
  {
    g_autoptr(DossierTeamServer) reader = dossier_team_server_connect (url, "rita", "rita", &error);
    g_autoptr(DossierTeamServer) editor = dossier_team_server_connect (url, "ada", "ada", &error);
    g_autofree char *forged = g_uuid_string_random ();
    const char *params[] = { forged };

    g_assert_no_error (error);
    {
      g_autoptr(DossierTeamRows) rows = dossier_team_server_query (reader, "SELECT name FROM person_names",
                                                                   0, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->n_rows, >=, 1);
    }
    team_assert_refused (reader, "INSERT INTO person_names (uuid, variant, name) VALUES ($1, 'Brenn', 'Rita')",
                    1, params);
    team_assert_refused (reader, "UPDATE person_names SET name = 'Rita'", 0, NULL);
    team_assert_refused (reader, "DELETE FROM person_names", 0, NULL);
    /* an editor writes as themselves only */
    team_assert_refused (editor, "INSERT INTO person_names (uuid, variant, name, author)"
                    " VALUES ($1, 'Brenn', 'Ben', 'ben')", 1, params);
  }
}

static const char board[] =
  "Delegates met the harbour board.\n\n"
  "\"We came to listen before we came to bargain,\" said council chair Otto Brenbrenbren.\n\n"
  "\"The channel has silted faster than anyone forecast,\" said harbour master Mira Lenkbrenbren.";
static const char chair[] =
  "\"Nothing has changed in our position,\" Brenbrenbren told reporters on Friday.";

/* the person listed whom the written name @name leads to, as the quotes
 * go; 0 for none */
static gint64
holder (DossierLibrary *library,
        const char     *name)
{
  g_autoptr(GPtrArray) people = NULL;

  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, NULL), >=, 0);
  people = dossier_people_list_sync (library, NULL, NULL);
  for (guint k = 0; people != NULL && k < people->len; k++)
    {
      DossierStoredPerson *p = people->pdata[k];

      if (p->variants != NULL && g_strv_contains ((const char * const *) p->variants, name))
        return p->id;
    }
  return 0;
}

static void
merge_into (DossierLibrary *library,
            const char     *which,
            const char     *into)
{
  g_autoptr(GError) error = NULL;
  gint64 from = holder (library, which), to = holder (library, into);

  g_assert_cmpint (from, >, 0);
  g_assert_cmpint (to, >, 0);
  g_assert_cmpint (from, !=, to);
  g_assert_true (dossier_people_merge_sync (library, to, from, &error));
  g_assert_no_error (error);
}

static void
split_off (DossierLibrary *library,
           const char     *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dossier_people_split_sync (library, holder (library, name), name, &error), >, 0);
  g_assert_no_error (error);
}

static void
rename_holder (DossierLibrary *library,
               const char     *name,
               const char     *new_name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_people_rename_sync (library, holder (library, name), new_name, &error));
  g_assert_no_error (error);
}

/* Three members regroup the same people at once, each offline from the
 * others between syncs: names split off, renamed, merged back into
 * someone else, in an order seen to leave two libraries grouping the
 * names differently when each correction was applied on its own as it
 * came.  Afterwards every library shows the same people. */
static void
test_regroup_at_once (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) o = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  DossierLibrary *lib[3];
  const char *member[3] = { "olga", "ada", "ben" };

  NEED_SERVER ();
  url = team_new ("people_at_once");
  team_add_member ("people_at_once", "olga", "editor");
  team_add_member ("people_at_once", "ada", "editor");
  team_add_member ("people_at_once", "ben", "editor");
  o = dossier_test_library_new ();
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  lib[0] = o->library;
  lib[1] = a->library;
  lib[2] = b->library;
  dossier_test_add_article (o->library, "Board meets", board);
  dossier_test_add_article (o->library, "Chair speaks", chair);
  for (guint c = 0; c < 3; c++)
    {
      team_share (lib[c], url, member[c]);
      team_sync_ok (lib[c], member[c]);
    }
  assert_same_people (o->library, b->library);
  g_assert_cmpint (holder (o->library, "Brenbrenbren"), ==, holder (o->library, "Otto Brenbrenbren"));

  split_off (b->library, "Brenbrenbren");
  rename_holder (b->library, "Otto Brenbrenbren", "ben 8");
  rename_holder (o->library, "Otto Brenbrenbren", "olga 11");
  merge_into (b->library, "Otto Brenbrenbren", "Mira Lenkbrenbren");
  team_sync_ok (b->library, "ben");
  split_off (o->library, "Otto Brenbrenbren");
  team_sync_ok (b->library, "ben");
  team_sync_ok (o->library, "olga");
  merge_into (a->library, "Mira Lenkbrenbren", "Brenbrenbren");
  rename_holder (a->library, "Mira Lenkbrenbren", "ada 23");
  rename_holder (b->library, "Otto Brenbrenbren", "ben 24");
  team_sync_ok (o->library, "olga");
  merge_into (b->library, "Brenbrenbren", "Mira Lenkbrenbren");
  split_off (a->library, "Otto Brenbrenbren");
  team_sync_ok (o->library, "olga");
  if (holder (o->library, "Otto Brenbrenbren") != holder (o->library, "Brenbrenbren"))
    merge_into (o->library, "Otto Brenbrenbren", "Brenbrenbren");

  for (guint round = 0; round < 2; round++)
    for (guint c = 0; c < 3; c++)
      team_sync_ok (lib[c], member[c]);
  assert_same_people (o->library, a->library);
  assert_same_people (o->library, b->library);
  /* every name the articles use leads to someone listed */
  for (guint c = 0; c < 3; c++)
    {
      g_assert_cmpint (holder (lib[c], "Otto Brenbrenbren"), >, 0);
      g_assert_cmpint (holder (lib[c], "Mira Lenkbrenbren"), >, 0);
      g_assert_cmpint (holder (lib[c], "Brenbrenbren"), >, 0);
    }
  /* once more, with nothing new: nothing moves */
  for (guint c = 0; c < 3; c++)
    team_sync_ok (lib[c], member[c]);
  assert_same_people (o->library, a->library);
  assert_same_people (o->library, b->library);
}

/* A shared library made before people corrections were shared: the
 * upgrade writes the renames it can tell and queues them. */
static void
test_upgrade (void)
{
  g_autofree char *downgrade = g_strdup_printf (
    "DELETE FROM team_queue WHERE kind = 'person-name'; DROP TABLE person_fixes;"
    "PRAGMA user_version = %d;", 18);
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierTeamLink) link = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats;
  sqlite3 *db = NULL;

  NEED_SERVER ();
  url = team_new ("people_upgrade");
  team_add_member ("people_upgrade", "ada", "editor");
  team_add_member ("people_upgrade", "ben", "editor");
  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  dossier_test_add_article (a->library, "Harbour talks open", talks);
  team_share (a->library, url, "ada");
  team_sync_ok (a->library, "ada");
  g_assert_cmpint (dossier_people_find_quotes_sync (a->library, G_MAXUINT, NULL, &error), ==, 1);
  rename_person (a->library, "Otto Brenn", "Otto K. Brenn");

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
  /* the person's two names: as found, and as renamed */
  g_assert_cmpuint (link->n_queued, ==, 2);
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 2);
  team_share (b->library, url, "ben");
  team_sync_ok (b->library, "ben");
  g_assert_cmpint (dossier_people_find_quotes_sync (b->library, G_MAXUINT, NULL, &error), ==, 1);
  g_assert_cmpint (quotes_of (b->library, "Otto K. Brenn"), ==, 1);
}

/* A team database set up by an older Dossier, without the table of
 * people's names: a sync says so and how to bring it up to date, and
 * the rename it could not send stays queued for the next sync. */
static void
test_old_team_database (void)
{
  g_autofree char *url = NULL;
  g_autofree char *admin_url = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTeamLink) link = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamServer *admin;
  DossierTeamSyncStats stats;
  guint n = 0;

  NEED_SERVER ();
  url = team_new ("people_old");
  team_add_member ("people_old", "ada", "editor");
  admin_url = dossier_test_postgres_admin_url (team_pg, "people_old");
  admin = dossier_team_server_connect (admin_url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_team_server_exec (admin, "DROP TABLE person_names CASCADE", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_team_server_exec (admin, "DELETE FROM dossier_migrations WHERE version = 5", &error));
  g_assert_no_error (error);
  dossier_team_server_free (admin);

  a = dossier_test_library_new ();
  dossier_test_add_article (a->library, "Harbour talks open", talks);
  team_share (a->library, url, "ada");
  g_assert_cmpint (dossier_people_find_quotes_sync (a->library, G_MAXUINT, NULL, &error), ==, 1);
  rename_person (a->library, "Otto Brenn", "Otto K. Brenn");

  g_assert_false (dossier_team_sync_sync (a->library, "ada", &stats, NULL, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "older than this Dossier"));
  g_assert_nonnull (strstr (error->message, "dossier-cli team init"));
  g_clear_error (&error);
  link = dossier_team_get_link_sync (a->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (link->n_queued, >, 0);

  /* brought up to date by its owner: the rename goes */
  g_assert_true (dossier_team_init_server_sync (admin_url, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, >, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  team_pg = dossier_test_postgres_start (&team_pg_missing);
  if (team_pg == NULL)
    g_test_message ("no PostgreSQL server: %s", team_pg_missing);

  g_test_add_func ("/team-people/corrections", test_corrections);
  g_test_add_func ("/team-people/split-own-name", test_split_own_name);
  g_test_add_func ("/team-people/conflict-and-reader", test_conflict_and_reader);
  g_test_add_func ("/team-people/regroup-at-once", test_regroup_at_once);
  g_test_add_func ("/team-people/upgrade", test_upgrade);
  g_test_add_func ("/team-people/old-team-database", test_old_team_database);
  status = g_test_run ();
  g_clear_pointer (&team_pg, dossier_test_postgres_free);
  g_free (team_pg_missing);
  return status;
}
