/* dossier-test-postgres.c — a PostgreSQL server of a test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "dossier-test-postgres.h"
#include "dossier-team-server.h"
#include "dossier-test-util.h"

static char *
find_bin (void)
{
  const char *env = g_getenv ("DOSSIER_PG_BIN");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  char *best = NULL;
  int best_version = 0;

  if (env != NULL)
    return g_strdup (env);
  dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *bin = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      g_autofree char *pg_ctl = g_build_filename (bin, "pg_ctl", NULL);
      int version = atoi (name);

      if (version >= 13 && version > best_version && g_file_test (pg_ctl, G_FILE_TEST_IS_EXECUTABLE))
        {
          g_free (best);
          best = g_steal_pointer (&bin);
          best_version = version;
        }
    }
  return best;
}

/* Runs @argv (as postgres when we are root); FALSE with @why set */
static gboolean
run_as_server (const char * const  *argv,
               char               **why)
{
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (geteuid () == 0)
    {
      g_ptr_array_add (full, (gpointer) "runuser");
      g_ptr_array_add (full, (gpointer) "-u");
      g_ptr_array_add (full, (gpointer) "postgres");
      g_ptr_array_add (full, (gpointer) "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full, (gpointer) argv[i]);
  g_ptr_array_add (full, NULL);
  if (!g_spawn_sync (NULL, (char **) full->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      if (why != NULL)
        *why = g_strdup_printf ("%s failed: %s %s", argv[0], error->message, err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_ctl (DossierTestPostgres  *pg,
        const char           *what,
        char                **why)
{
  g_autofree char *prog = g_build_filename (pg->bin, "pg_ctl", NULL);
  g_autofree char *data = g_build_filename (pg->dir, "data", NULL);
  g_autofree char *log = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *options = g_strdup_printf ("-k %s -c fsync=off %s", pg->dir,
                                              pg->options ? pg->options : "-c listen_addresses=");
  const char *start[] = { prog, "-D", data, "-o", options, "-l", log, "-w", "-t", "60", what, NULL };
  const char *stop[] = { prog, "-D", data, "-m", "fast", "-w", "-t", "60", what, NULL };

  return run_as_server (g_str_equal (what, "start") ? start : stop, why);
}

/* in a session of its own: a time limit that kills the test's process
 * group leaves the watcher */
static void
leave_group (gpointer data)
{
  setsid ();
}

/* The server goes with the test: a watcher polls the test's process
 * once a second and, once it is gone (killed by a time limit, say, before
 * it could stop its server), stops the server and removes its folder. */
static void
watch_test (DossierTestPostgres *pg)
{
  static const char script[] =
    "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
    "if [ -f \"$2/data/postmaster.pid\" ]; then "
    "  if [ \"$(id -u)\" = 0 ]; then runuser -u postgres -- \"$3/pg_ctl\" -D \"$2/data\" -m immediate -w -t 30 stop; "
    "  else \"$3/pg_ctl\" -D \"$2/data\" -m immediate -w -t 30 stop; fi; "
    "fi; rm -rf \"$2\"";
  g_autofree char *parent = g_strdup_printf ("%d", (int) getpid ());
  const char *argv[] = { "/bin/sh", "-c", script, "dossier-test-postgres-watch", parent, pg->dir, pg->bin, NULL };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_STDIN_FROM_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      leave_group, NULL, NULL, &error))
    g_test_message ("no watcher for the test's PostgreSQL: %s", error->message);
}

static DossierTestPostgres *start (gboolean   tls,
                                   char     **why);

DossierTestPostgres *
dossier_test_postgres_start (char **why)
{
  return start (FALSE, why);
}

DossierTestPostgres *
dossier_test_postgres_start_tls (char **why)
{
  return start (TRUE, why);
}

/* a port free on 127.0.0.1 now, 0 for none */
static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL || !g_socket_bind (socket, any, FALSE, NULL) ||
      (bound = g_socket_get_local_address (socket, NULL)) == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* a key and a certificate signed by itself, for localhost and 127.0.0.1,
 * made in the server's folder as the server's user */
static gboolean
make_certificate (DossierTestPostgres  *pg,
                  char                **why)
{
  g_autofree char *key = g_build_filename (pg->dir, "server.key", NULL);
  g_autofree char *crt = g_build_filename (pg->dir, "server.crt", NULL);
  const char *req[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", crt, "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", NULL };
  const char *chmod[] = { "chmod", "600", key, NULL };

  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      *why = g_strdup ("openssl is not installed, so no certificate for the server");
      return FALSE;
    }
  return run_as_server (req, why) && run_as_server (chmod, why);
}

static DossierTestPostgres *
start (gboolean   tls,
       char     **why)
{
  g_autoptr(DossierTestPostgres) pg = g_new0 (DossierTestPostgres, 1);
  g_autofree char *initdb = NULL;
  g_autofree char *data = NULL;
  g_autofree char *pwfile = NULL;
  struct passwd *user = NULL;

  pg->bin = find_bin ();
  if (pg->bin == NULL)
    {
      *why = g_strdup ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl; "
                       "build-aux/deps.sh installs it)");
      return NULL;
    }
  if (geteuid () == 0 && (user = getpwnam ("postgres")) == NULL)
    {
      *why = g_strdup ("there is no postgres user to run the server as");
      return NULL;
    }
  /* short: a socket's path has a length limit */
  pg->dir = g_dir_make_tmp ("dt-pg-XXXXXX", NULL);
  if (pg->dir == NULL || (user != NULL && chown (pg->dir, user->pw_uid, user->pw_gid) != 0))
    {
      *why = g_strdup ("could not make a folder for the server");
      return NULL;
    }
  pg->password = g_uuid_string_random ();
  pwfile = g_build_filename (pg->dir, "pw", NULL);
  if (!g_file_set_contents (pwfile, pg->password, -1, NULL) ||
      (user != NULL && chown (pwfile, user->pw_uid, user->pw_gid) != 0))
    {
      *why = g_strdup ("could not write the password file");
      return NULL;
    }
  initdb = g_build_filename (pg->bin, "initdb", NULL);
  data = g_build_filename (pg->dir, "data", NULL);
  {
    const char *argv[] = { initdb, "-D", data, "-U", "postgres", "-A", "scram-sha-256",
                           "--pwfile", pwfile, "-E", "UTF8", "--no-sync", NULL };

    if (!run_as_server (argv, why))
      return NULL;
  }
  if (tls)
    {
      if (!make_certificate (pg, why))
        return NULL;
      if ((pg->port = free_port ()) == 0)
        {
          *why = g_strdup ("no free port on 127.0.0.1");
          return NULL;
        }
      pg->options = g_strdup_printf ("-c listen_addresses=127.0.0.1 -p %u -c ssl=on"
                                     " -c ssl_cert_file=%s/server.crt -c ssl_key_file=%s/server.key",
                                     pg->port, pg->dir, pg->dir);
    }
  if (!pg_ctl (pg, "start", why))
    return NULL;
  watch_test (pg);
  return g_steal_pointer (&pg);
}

gboolean
dossier_test_postgres_stop (DossierTestPostgres *pg)
{
  return pg_ctl (pg, "stop", NULL);
}

gboolean
dossier_test_postgres_resume (DossierTestPostgres *pg)
{
  return pg_ctl (pg, "start", NULL);
}

void
dossier_test_postgres_free (DossierTestPostgres *pg)
{
  if (pg == NULL)
    return;
  if (pg->dir != NULL)
    {
      g_autofree char *pid = g_build_filename (pg->dir, "data", "postmaster.pid", NULL);

      if (pg->bin != NULL && g_file_test (pid, G_FILE_TEST_EXISTS))
        pg_ctl (pg, "stop", NULL);
      dossier_test_remove_tree (pg->dir);
    }
  g_free (pg->dir);
  g_free (pg->bin);
  g_free (pg->password);
  g_free (pg->options);
  g_free (pg);
}

static char *
url_for (DossierTestPostgres *pg,
         const char          *name,
         gboolean             admin)
{
  g_autofree char *host = g_uri_escape_string (pg->dir, NULL, FALSE);
  /* the socket is named after the port */
  g_autofree char *port = pg->port ? g_strdup_printf ("&port=%u", pg->port) : g_strdup ("");

  if (admin)
    return g_strdup_printf ("postgresql:///%s?host=%s%s&user=postgres&password=%s", name, host, port, pg->password);
  return g_strdup_printf ("postgresql:///%s?host=%s%s", name, host, port);
}

char *
dossier_test_postgres_admin_url (DossierTestPostgres *pg,
                                 const char          *name)
{
  return url_for (pg, name, TRUE);
}

char *
dossier_test_postgres_new_db (DossierTestPostgres *pg,
                              const char          *name)
{
  g_autofree char *admin = url_for (pg, "postgres", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (admin, NULL, NULL, &error);
  g_autoptr(DossierTeamRows) made = NULL;
  const char *params[] = { name };

  g_assert_no_error (error);
  made = dossier_team_server_query (server, "SELECT format('CREATE DATABASE %I', $1::text)", 1, params, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_team_server_exec (server, dossier_team_rows_get (made, 0, 0), &error));
  g_assert_no_error (error);
  return url_for (pg, name, FALSE);
}
