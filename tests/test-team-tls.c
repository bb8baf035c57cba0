/* test-team-tls.c — a team server reached over TLS on 127.0.0.1, its certificate
 * trusted or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is started by the test (tests/dossier-test-postgres.c);
 * without PostgreSQL installed the tests skip and say why.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-library.h"
#include "dossier-team.h"
#include "dossier-team-server.h"
#include "dossier-test-team.h"
#include "dossier-test-util.h"

/* A server on 127.0.0.1 with TLS: a certificate this computer does not
 * trust is named as such (and no password or row is sent); given its
 * CA, the connection is verified and a sync works. */
static void
test_tls (void)
{
  g_autoptr(DossierTestPostgres) tls = NULL;
  g_autoptr(DossierTestLibrary) a = NULL;
  g_autoptr(DossierTestLibrary) b = NULL;
  g_autoptr(DossierTeamServer) server = NULL;
  g_autoptr(DossierTeamRows) rows = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *members = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *other_key = NULL;
  g_autofree char *other_crt = NULL;
  g_autofree char *server_crt = NULL;
  g_autofree char *untrusted = NULL;
  g_autofree char *trusted = NULL;
  g_autofree char *lib = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *state_a = NULL;
  g_autofree char *state_b = NULL;
  DossierTeamSyncStats stats;
  gint64 id;
  int status = 0;

  if ((tls = dossier_test_postgres_start_tls (&why)) == NULL)
    {
      g_test_skip (why);
      return;
    }
  members = dossier_test_postgres_new_db (tls, "tls");
  admin = dossier_test_postgres_admin_url (tls, "tls");
  g_assert_true (dossier_team_init_server_sync (admin, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_team_add_member_sync (admin, "ada", "editor", "ada", &error));
  g_assert_true (dossier_team_add_member_sync (admin, "ben", "editor", "ben", &error));
  g_assert_no_error (error);

  /* a CA of another server: not the one that signed this server's */
  other_dir = dossier_test_make_tmp_dir ();
  other_key = g_build_filename (other_dir, "other.key", NULL);
  other_crt = g_build_filename (other_dir, "other.crt", NULL);
  {
    const char *req[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", other_key,
                          "-out", other_crt, "-days", "2", "-subj", "/CN=localhost", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) req, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  server_crt = g_build_filename (tls->dir, "server.crt", NULL);
  untrusted = g_strdup_printf ("host=localhost hostaddr=127.0.0.1 port=%u dbname=tls sslmode=verify-full"
                               " sslrootcert=%s", tls->port, other_crt);
  trusted = g_strdup_printf ("host=localhost hostaddr=127.0.0.1 port=%u dbname=tls sslmode=verify-full"
                             " sslrootcert=%s", tls->port, server_crt);

  /* not trusted: the check, a share and the command line say so */
  g_assert_cmpint (dossier_team_server_check (untrusted, "ada", "ada", NULL, &error), ==,
                   DOSSIER_TEAM_CHECK_UNTRUSTED);
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "TLS certificate not trusted"));
  g_clear_error (&error);
  a = dossier_test_library_new ();
  id = dossier_test_add_article (a->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  g_assert_false (dossier_team_share_sync (a->library, untrusted, "ada", "ada", &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "TLS certificate not trusted"));
  g_clear_error (&error);
  lib = g_build_filename (a->dir, "library.db", NULL);
  g_ptr_array_add (argv, (gpointer) g_getenv ("DOSSIER_CLI"));
  g_ptr_array_add (argv, (gpointer) "share");
  g_ptr_array_add (argv, (gpointer) "--library");
  g_ptr_array_add (argv, lib);
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, untrusted);
  g_ptr_array_add (argv, (gpointer) "--user");
  g_ptr_array_add (argv, (gpointer) "ada");
  g_ptr_array_add (argv, (gpointer) "--password-stdin");
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_getenv ("DOSSIER_CLI"));
  dossier_library_close (a->library);
  g_assert_cmpint (team_run_cli_argv ("ada\n", &out, &err, argv), ==, 1);
  g_assert_nonnull (strstr (err, "TLS certificate not trusted"));
  g_clear_object (&a->library);
  a->library = dossier_library_new (lib);
  g_assert_true (dossier_library_open_sync (a->library, FALSE, &error));
  g_assert_no_error (error);
  /* over verified TLS, a wrong password is named as such */
  g_assert_cmpint (dossier_team_server_check (trusted, "ada", "wrong", NULL, NULL), ==,
                   DOSSIER_TEAM_CHECK_WRONG_PASSWORD);

  /* with its CA given, the connection is verified TLS, and sync works */
  g_assert_cmpint (dossier_team_server_check (trusted, "ada", "ada", NULL, &error), ==, DOSSIER_TEAM_CHECK_OK);
  g_assert_no_error (error);
  server = dossier_team_server_connect (trusted, "ada", "ada", &error);
  g_assert_no_error (error);
  rows = dossier_team_server_query (server, "SELECT ssl::int FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                                    0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->n_rows, ==, 1);
  g_assert_cmpstr (dossier_team_rows_get (rows, 0, 0), ==, "1");
  dossier_test_add_note (a->library, id, "Delegates", "over TLS");
  team_share (a->library, trusted, "ada");
  stats = team_sync_ok (a->library, "ada");
  g_assert_cmpuint (stats.pushed, ==, 2);
  b = dossier_test_library_new ();
  team_share (b->library, trusted, "ben");
  stats = team_sync_ok (b->library, "ben");
  g_assert_cmpuint (stats.pulled, ==, 2);
  state_a = team_library_state (a->library);
  state_b = team_library_state (b->library);
  g_assert_cmpstr (state_a, ==, state_b);
  g_assert_nonnull (strstr (state_b, "ada over TLS"));
  dossier_test_remove_tree (other_dir);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/team-tls/verify-full", test_tls);
  status = g_test_run ();
  g_clear_pointer (&team_pg, dossier_test_postgres_free);
  g_free (team_pg_missing);
  return status;
}
