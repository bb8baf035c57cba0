/* dossier-test-team.c — what the team tests share: a team database on the
 * test's PostgreSQL, its members, libraries shared and synced, and the
 * command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-people.h"
#include "dossier-test-team.h"
#include "dossier-test-util.h"

DossierTestPostgres *team_pg;
char *team_pg_missing;

char *
team_new (const char *name)
{
  g_autofree char *url = dossier_test_postgres_new_db (team_pg, name);
  g_autofree char *admin = dossier_test_postgres_admin_url (team_pg, name);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (dossier_team_init_server_sync (admin, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 1);
  /* a second init finds nothing to do */
  g_assert_true (dossier_team_init_server_sync (admin, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  return g_steal_pointer (&url);
}

void
team_add_member (const char *team,
                 const char *name,
                 const char *role)
{
  g_autofree char *admin = dossier_test_postgres_admin_url (team_pg, team);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_team_add_member_sync (admin, name, role, name, &error));
  g_assert_no_error (error);
}

void
team_share (DossierLibrary *library,
            const char     *url,
            const char     *member)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_team_share_sync (library, url, member, member, &error));
  g_assert_no_error (error);
}

DossierTeamSyncStats
team_sync_ok (DossierLibrary *library,
              const char     *member)
{
  DossierTeamSyncStats stats;
  g_autoptr(GError) error = NULL;

  dossier_team_sync_sync (library, member, &stats, NULL, &error);
  g_assert_no_error (error);
  return stats;
}

DossierAnnotation *
team_note_by_uuid (DossierLibrary *library,
                   const char     *uuid)
{
  return dossier_library_find_annotation_by_uuid_sync (library, uuid, NULL);
}

char *
team_note_text_of (DossierLibrary *library,
                   const char     *uuid)
{
  g_autoptr(DossierAnnotation) a = team_note_by_uuid (library, uuid);

  return a ? g_strdup (dossier_annotation_get_note (a)) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* every note as "note uuid author text" and every article as "article
 * uuid title source", sorted: what converged libraries share */
char *
team_library_state (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = dossier_library_list_annotations_sync (library, 0, NULL, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = dossier_library_count_sync (library, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    {
      DossierAnnotation *a = notes->pdata[i];

      g_ptr_array_add (lines, g_strdup_printf ("note %s %s %s", dossier_annotation_get_uuid (a),
                                               dossier_annotation_get_author (a),
                                               dossier_annotation_get_note (a) ?: ""));
    }
  for (gint64 id = 1; n > 0 && id < 100000; id++)
    {
      g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, id, NULL);

      if (article == NULL)
        continue;
      n--;
      g_ptr_array_add (lines, g_strdup_printf ("article %s %s | %s", dossier_article_get_uuid (article),
                                               dossier_article_get_title (article),
                                               dossier_article_get_source (article)));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
team_people_state (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error), >=, 0);
  g_assert_no_error (error);
  people = dossier_people_list_sync (library, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      DossierStoredPerson *p = people->pdata[i];
      g_auto(GStrv) sorted = g_strdupv (p->variants);
      g_autofree char *variants = NULL;

      if (sorted != NULL)
        qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_strings);
      variants = sorted != NULL ? g_strjoinv ("|", sorted) : g_strdup ("");
      g_ptr_array_add (lines, g_strdup_printf ("%s [%s] %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                               p->name, variants, p->mentions, p->quotes));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
team_n_conflicts (DossierLibrary *library)
{
  g_autoptr(GPtrArray) list = dossier_team_list_conflicts_sync (library, NULL);

  return list ? list->len : 0;
}

char *
team_article_uuid_of (DossierLibrary *library,
                      gint64          id)
{
  g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, id, NULL);

  g_assert_nonnull (article);
  return g_strdup (dossier_article_get_uuid (article));
}

/* Runs dossier-cli with @input on its standard input; returns its exit
 * status and its standard output in @out. */
int
team_run_cli (const char  *input,
              char       **out,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("DOSSIER_CLI");
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return team_run_cli_argv (input, out, NULL, argv);
}

/* the same with an array of arguments, the program first; the standard
 * error in @err_out when not NULL */
int
team_run_cli_argv (const char  *input,
                   char       **out,
                   char       **err_out,
                   GPtrArray   *argv)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *first = argv->pdata[1];

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (proc))
    return -1;
  if (g_subprocess_get_exit_status (proc) != 0)
    g_test_message ("dossier-cli %s: %s", first, err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (proc);
}

void
team_assert_refused (DossierTeamServer  *server,
                     const char         *sql,
                     guint               n_params,
                     const char        **params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (server, sql, n_params,
                                                               (const char * const *) params, &error);

  g_assert_null (rows);
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED);
}
