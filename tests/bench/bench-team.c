/* bench-team.c — syncing a team library through a PostgreSQL server of
 * its own (build-aux/bench runs it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-team N_ARTICLES N_CHANGES [N_EDITED]
 *
 * Makes a library of N_ARTICLES articles with a note each, shares it and
 * times the first sync (everything pushed), a second library's first
 * sync (everything pulled), then N_CHANGES note edits synced from the
 * first library and pulled by the second, and, with N_EDITED, the push
 * of that many notes edited at once (rows the server has, changed: the
 * batched UPDATEs).  Prints one line of JSON.
 */
#include "config.h"

#include "dossier-library.h"
#include "dossier-team.h"
#include "dossier-test-postgres.h"
#include "dossier-test-util.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static DossierTeamSyncStats
timed_sync (DossierLibrary *library,
            const char     *member,
            double         *seconds)
{
  DossierTeamSyncStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!dossier_team_sync_sync (library, member, &stats, NULL, &error))
    g_error ("sync: %s", error->message);
  *seconds = seconds_since (start);
  return stats;
}

int
main (int argc, char **argv)
{
  g_autoptr(DossierTestPostgres) pg = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *url = NULL;
  g_autofree char *admin = NULL;
  DossierTeamSyncStats push, pull, inc_push, inc_pull, edit_push = { 0 };
  double t_push, t_pull, t_inc_push, t_inc_pull, t_edit_push = 0;
  guint n_articles, n_changes, n_edited = 0;

  g_test_init (&argc, &argv, NULL);
  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: bench-team N_ARTICLES N_CHANGES [N_EDITED]\n");
      return 2;
    }
  n_articles = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  n_changes = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (argc == 4)
    n_edited = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  if (!(pg = dossier_test_postgres_start (&why)))
    {
      g_printerr ("bench-team: no PostgreSQL server: %s\n", why);
      return 77;
    }
  url = dossier_test_postgres_new_db (pg, "bench");
  admin = dossier_test_postgres_admin_url (pg, "bench");
  if (!dossier_team_init_server_sync (admin, NULL, &error) ||
      !dossier_team_add_member_sync (admin, "ada", "editor", "ada", &error) ||
      !dossier_team_add_member_sync (admin, "ben", "editor", "ben", &error))
    g_error ("team: %s", error->message);

  a = dossier_test_library_new ();
  b = dossier_test_library_new ();
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(DossierArticle) article = dossier_article_new ();
      g_autoptr(DossierAnnotation) note = dossier_annotation_new ();
      g_autofree char *title = g_strdup_printf ("Harbour report %u", i);
      g_autofree char *body = g_strdup_printf ("Delegates met on day %u in the customs house to talk "
                                               "about dredging the channel, silted since spring.", i);
      gint64 id;

      dossier_article_set_title (article, title);
      dossier_article_set_body (article, body);
      dossier_article_set_source (article, "The Harbour Ledger");
      if ((id = dossier_library_add_article_sync (a->library, article, NULL, &error)) <= 0)
        g_error ("article: %s", error ? error->message : "duplicate");
      dossier_annotation_set_article_id (note, id);
      dossier_annotation_set_quote (note, "Delegates");
      dossier_annotation_set_end (note, 9);
      dossier_annotation_set_note (note, "Who are they?");
      if (dossier_library_add_annotation_sync (a->library, note, &error) <= 0)
        g_error ("note: %s", error->message);
    }

  if (!dossier_team_share_sync (a->library, url, "ada", "ada", &error) ||
      !dossier_team_share_sync (b->library, url, "ben", "ben", &error))
    g_error ("share: %s", error->message);
  push = timed_sync (a->library, "ada", &t_push);
  pull = timed_sync (b->library, "ben", &t_pull);

  notes = dossier_library_list_annotations_sync (a->library, 0, NULL, &error);
  for (guint i = 0; i < n_changes && i < notes->len; i++)
    {
      DossierAnnotation *note = notes->pdata[(i * 7919) % notes->len];
      g_autofree char *text = g_strdup_printf ("Council delegates, change %u", i);

      dossier_annotation_set_note (note, text);
      if (!dossier_library_update_annotation_sync (a->library, note, &error))
        g_error ("edit: %s", error->message);
    }
  inc_push = timed_sync (a->library, "ada", &t_inc_push);
  inc_pull = timed_sync (b->library, "ben", &t_inc_pull);
  for (guint i = 0; i < n_edited && i < notes->len; i++)
    {
      DossierAnnotation *note = notes->pdata[i];
      g_autofree char *text = g_strdup_printf ("Harbour delegates, edit %u", i);

      dossier_annotation_set_note (note, text);
      if (!dossier_library_update_annotation_sync (a->library, note, &error))
        g_error ("edit: %s", error->message);
    }
  if (n_edited > 0)
    edit_push = timed_sync (a->library, "ada", &t_edit_push);

  g_print ("{\"articles\": %u, \"notes\": %u, \"changes\": %u,"
           " \"first_push_seconds\": %.3f, \"first_push_rows_sent\": %u,"
           " \"first_pull_seconds\": %.3f, \"first_pull_rows_received\": %u,"
           " \"incremental_push_seconds\": %.3f, \"incremental_rows_sent\": %u,"
           " \"incremental_pull_seconds\": %.3f, \"incremental_rows_received\": %u,"
           " \"edited\": %u, \"edited_push_seconds\": %.3f, \"edited_pushed\": %u}\n",
           n_articles, n_articles, n_changes,
           t_push, push.rows_sent, t_pull, pull.rows_received,
           t_inc_push, inc_push.rows_sent, t_inc_pull, inc_pull.rows_received,
           MIN (n_edited, notes->len), t_edit_push, edit_push.pushed);
  return 0;
}
