/* dossier-team-server.c — a team database on PostgreSQL, through libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every value goes to the server as a parameter.  Statements that cannot
 * take parameters (CREATE ROLE, DROP ROLE) are written by the server's
 * own format() from parameters, and a password is sent only as the SCRAM
 * verifier libpq computes, never in clear.
 */
#define G_LOG_DOMAIN "dossier-team"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "dossier-team-server.h"
#include "dossier-team-resources.h"

#define MIGRATIONS_PATH "/org/dossierapp/Dossier/team"

struct _DossierTeamServer
{
  PGconn *conn;
};

G_DEFINE_QUARK (dossier-team-error-quark, dossier_team_error)

/* A host that is a socket folder or the loopback interface */
static gboolean
is_local_host (const char *host)
{
  if (host == NULL || *host == '\0' || *host == '/' || *host == '@')
    return TRUE;
  return g_str_equal (host, "localhost") || g_str_has_prefix (host, "127.") ||
         g_str_equal (host, "::1");
}

/* Whether every host of @url is local; @verified: whether the server's
 * certificate is to be checked (always for a remote server, and for a
 * local one whose address asks for sslmode=verify-ca or verify-full) */
static gboolean
is_local (const char  *url,
          gboolean    *verified,
          GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;
  gboolean local = TRUE;
  gboolean asks_verify = FALSE;

  options = PQconninfoParse (url, &message);
  if (options == NULL)
    {
      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED,
                   _("“%s” is not a PostgreSQL address: %s"), url,
                   message ? g_strstrip (message) : _("out of memory"));
      PQfreemem (message);
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val != NULL && strcmp (o->keyword, "sslmode") == 0)
        asks_verify = g_str_has_prefix (o->val, "verify-");
      if (o->val == NULL || (strcmp (o->keyword, "host") != 0 && strcmp (o->keyword, "hostaddr") != 0))
        continue;
      /* a list of hosts is local only when every one is */
      {
        g_auto(GStrv) hosts = g_strsplit (o->val, ",", -1);

        for (guint i = 0; hosts[i] != NULL; i++)
          if (!is_local_host (hosts[i]))
            local = FALSE;
      }
    }
  PQconninfoFree (options);
  if (verified != NULL)
    *verified = !local || asks_verify;
  return local;
}

static void
set_connection_error (PGconn      *conn,
                      const char  *address,
                      GError     **error)
{
  g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));
  /* named by host and database: the address may hold a password */
  g_autofree char *url = g_strdup_printf ("%s/%s", PQhost (conn) ? PQhost (conn) : "", PQdb (conn) ? PQdb (conn) : "");
  /* the server answered and said no (authentication, membership) */
  gboolean refused = PQconnectionNeedsPassword (conn) || strstr (message, "FATAL") != NULL;

  g_set_error (error, DOSSIER_TEAM_ERROR,
               refused ? DOSSIER_TEAM_ERROR_REFUSED : DOSSIER_TEAM_ERROR_UNREACHABLE,
               refused ? _("The team server %s refused the connection: %s")
                       : _("Could not reach the team server %s: %s"),
               url, message);
}

/* the server's notices ("already exists, skipping") are for debugging */
static void
on_notice (void       *data,
           const char *message)
{
  g_debug ("server: %s", message);
}

/* A connection, good or not (NULL only without memory); @key and @value
 * (if not NULL) override one setting of the address */
static PGconn *
open_conn (const char *url,
           gboolean    local,
           const char *user,
           const char *password,
           const char *key,
           const char *value)
{
  const char *keys[9];
  const char *values[9];
  guint n = 0;

  keys[n] = "dbname", values[n++] = url;
  if (user != NULL)
    keys[n] = "user", values[n++] = user;
  if (password != NULL)
    keys[n] = "password", values[n++] = password;
  /* later keys win over the address's own: a remote server is reached
   * over TLS with its certificate and name checked, or not at all */
  if (!local)
    keys[n] = "sslmode", values[n++] = "verify-full";
  keys[n] = "connect_timeout", values[n++] = "10";
  keys[n] = "application_name", values[n++] = "dossier";
  if (key != NULL)
    keys[n] = key, values[n++] = value;
  keys[n] = NULL, values[n] = NULL;
  return PQconnectdbParams (keys, values, 1);
}

/* Whether the server behind @url answers at all when TLS is not asked
 * for (so neither is its certificate checked); no password is sent to
 * a server not verified, only whether it answers is asked. */
static gboolean
answers_unverified (const char *url,
                    const char *user)
{
  PGconn *conn = open_conn (url, TRUE, user, NULL, "sslmode", "disable");
  gboolean answers = conn != NULL &&
                     (PQstatus (conn) == CONNECTION_OK || PQconnectionNeedsPassword (conn) ||
                      strstr (PQerrorMessage (conn), "FATAL") != NULL);

  PQfinish (conn);
  return answers;
}

static void
set_untrusted_error (PGconn  *conn,
                     GError **error)
{
  g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));
  g_autofree char *url = g_strdup_printf ("%s/%s", PQhost (conn) ? PQhost (conn) : "", PQdb (conn) ? PQdb (conn) : "");

  g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_INSECURE,
               _("TLS certificate not trusted: the team server %s answers, but not with a certificate "
                 "this computer trusts, so nothing was sent to it (%s)"), url, message);
}

DossierTeamServer *
dossier_team_server_connect (const char  *url,
                             const char  *user,
                             const char  *password,
                             GError     **error)
{
  gboolean local, verified;
  g_autoptr(GError) local_error = NULL;
  DossierTeamServer *self;
  PGconn *conn;

  g_return_val_if_fail (url != NULL, NULL);

  local = is_local (url, &verified, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  conn = open_conn (url, local, user, password, NULL, NULL);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      if (conn == NULL)
        g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED,
                     _("Could not reach the team server %s: %s"), url, _("out of memory"));
      else
        {
          set_connection_error (conn, url, &local_error);
          /* not refused, yet the server answers when its certificate is
           * not checked: it is the certificate this computer does not trust */
          if (verified && !g_error_matches (local_error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED) &&
              answers_unverified (url, user))
            set_untrusted_error (conn, error);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, on_notice, NULL);
  self = g_new0 (DossierTeamServer, 1);
  self->conn = conn;
  return self;
}

/* Whether the database of the refused connection @failed exists, asked
 * of the server's maintenance database; -1: that could not be asked
 * either (so the user name or password is what the server refused) */
static int
database_exists (const char *url,
                 gboolean    local,
                 const char *user,
                 const char *password,
                 PGconn     *failed)
{
  PGconn *conn = open_conn (url, local, user, password, "dbname", "postgres");
  const char *params[] = { PQdb (failed) };
  PGresult *result;
  int exists = -1;

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      result = PQexecParams (conn, "SELECT count(*) FROM pg_database WHERE datname = $1",
                             1, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
        exists = g_str_equal (PQgetvalue (result, 0, 0), "0") ? 0 : 1;
      PQclear (result);
    }
  PQfinish (conn);
  return exists;
}

DossierTeamCheck
dossier_team_server_check (const char  *url,
                           const char  *user,
                           const char  *password,
                           char       **role,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DossierTeamServer) server = NULL;
  DossierTeamCheck check = DOSSIER_TEAM_CHECK_FAILED;
  gboolean local, verified;
  PGconn *conn;

  g_return_val_if_fail (url != NULL, DOSSIER_TEAM_CHECK_FAILED);

  local = is_local (url, &verified, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return DOSSIER_TEAM_CHECK_FAILED;
    }
  conn = open_conn (url, local, user, password, NULL, NULL);
  if (conn == NULL)
    {
      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED,
                   _("Could not reach the team server %s: %s"), url, _("out of memory"));
      return DOSSIER_TEAM_CHECK_FAILED;
    }
  if (PQstatus (conn) == CONNECTION_OK)
    {
      char *found;

      PQsetNoticeProcessor (conn, on_notice, NULL);
      server = g_new0 (DossierTeamServer, 1);
      server->conn = conn;
      found = dossier_team_server_get_role (server, error);
      if (role != NULL)
        *role = found;
      else
        g_free (found);
      return found != NULL ? DOSSIER_TEAM_CHECK_OK : DOSSIER_TEAM_CHECK_NOT_MEMBER;
    }
  set_connection_error (conn, url, &local_error);
  if (g_error_matches (local_error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED))
    {
      /* the server answered and said no: to what? */
      switch (database_exists (url, local, user, password, conn))
        {
        case 0:
          check = DOSSIER_TEAM_CHECK_NO_DATABASE;
          break;
        case 1:
          check = DOSSIER_TEAM_CHECK_NOT_MEMBER;
          break;
        default:
          check = DOSSIER_TEAM_CHECK_WRONG_PASSWORD;
          break;
        }
    }
  else if (verified && answers_unverified (url, user))
    {
      check = DOSSIER_TEAM_CHECK_UNTRUSTED;
      g_clear_error (&local_error);
      set_untrusted_error (conn, &local_error);
    }
  else
    check = DOSSIER_TEAM_CHECK_UNREACHABLE;
  PQfinish (conn);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return check;
}

void
dossier_team_server_free (DossierTeamServer *self)
{
  if (self == NULL)
    return;
  PQfinish (self->conn);
  g_free (self);
}

const char *
dossier_team_server_get_user (DossierTeamServer *self)
{
  return PQuser (self->conn);
}

void
dossier_team_rows_free (DossierTeamRows *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->n_rows * rows->n_columns; i++)
    g_free (rows->values[i]);
  g_free (rows->values);
  g_free (rows);
}

static void
set_result_error (DossierTeamServer  *self,
                  PGresult           *result,
                  GError            **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = g_strstrip (g_strdup (result ? PQresultErrorMessage (result)
                                                          : PQerrorMessage (self->conn)));
  int code = DOSSIER_TEAM_ERROR_FAILED;

  if (PQstatus (self->conn) != CONNECTION_OK)
    code = DOSSIER_TEAM_ERROR_UNREACHABLE;
  else if (state != NULL &&
           (g_str_has_prefix (state, "42501") || g_str_has_prefix (state, "28") ||
            g_str_equal (state, "42P01") || g_str_equal (state, "23503") ||
            g_str_has_prefix (state, "57P")))
    /* no privilege, no such role, no team tables, an administrator ended the session */
    code = g_str_has_prefix (state, "57P") ? DOSSIER_TEAM_ERROR_UNREACHABLE
                                           : DOSSIER_TEAM_ERROR_REFUSED;
  if (state != NULL && g_str_equal (state, "42P01") && code == DOSSIER_TEAM_ERROR_REFUSED)
    /* a table this build shares is missing: the team database was set
     * up by an older Dossier and not brought up to date since */
    g_set_error (error, DOSSIER_TEAM_ERROR, code,
                 _("The team database is older than this Dossier (%s). Its owner brings it up to date "
                   "with “dossier-cli team init --server URL”; until then your changes wait here."),
                 message);
  else
    g_set_error (error, DOSSIER_TEAM_ERROR, code,
                 code == DOSSIER_TEAM_ERROR_UNREACHABLE ? _("Lost the team server: %s")
                                                         : _("The team server refused: %s"),
                 message);
}

DossierTeamRows *
dossier_team_server_query (DossierTeamServer   *self,
                           const char          *sql,
                           guint                n_params,
                           const char * const  *params,
                           GError             **error)
{
  PGresult *result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  DossierTeamRows *rows;

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_result_error (self, result, error);
      PQclear (result);
      return NULL;
    }
  rows = g_new0 (DossierTeamRows, 1);
  rows->n_rows = status == PGRES_TUPLES_OK ? PQntuples (result) : 0;
  rows->n_columns = status == PGRES_TUPLES_OK ? PQnfields (result) : 0;
  rows->values = g_new0 (char *, MAX (1, rows->n_rows * rows->n_columns));
  for (guint r = 0; r < rows->n_rows; r++)
    for (guint c = 0; c < rows->n_columns; c++)
      if (!PQgetisnull (result, r, c))
        rows->values[r * rows->n_columns + c] = g_strdup (PQgetvalue (result, r, c));
  PQclear (result);
  return rows;
}

gboolean
dossier_team_server_exec (DossierTeamServer  *self,
                          const char         *sql,
                          GError            **error)
{
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (self, sql, 0, NULL, error);

  return rows != NULL;
}

void
dossier_team_server_rollback (DossierTeamServer *self)
{
  PQclear (PQexec (self->conn, "ROLLBACK"));
}

int
dossier_team_server_listen (DossierTeamServer  *self,
                            GError            **error)
{
  int fd;

  if (!dossier_team_server_exec (self, "LISTEN dossier_changes", error))
    return -1;
  fd = PQsocket (self->conn);
  if (fd < 0 || PQsetnonblocking (self->conn, 1) != 0)
    {
      set_result_error (self, NULL, error);
      return -1;
    }
  return fd;
}

gboolean
dossier_team_server_read_changes (DossierTeamServer  *self,
                                  guint              *n_changes,
                                  GError            **error)
{
  PGnotify *notify;
  guint n = 0;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE,
                   _("Lost the team server: %s"), message);
      return FALSE;
    }
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      n++;
      PQfreemem (notify);
    }
  *n_changes = n;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
dossier_team_server_migrate (DossierTeamServer  *self,
                             guint              *n_applied,
                             GError            **error)
{
  g_auto(GStrv) names = g_resource_enumerate_children (dossier_team_get_resource (), MIGRATIONS_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(DossierTeamRows) done = NULL;
  guint64 current = 0;
  guint applied = 0;

  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  if (!dossier_team_server_exec (self, "BEGIN", error))
    return FALSE;
  if (!dossier_team_server_exec (self,
                                 "CREATE TABLE IF NOT EXISTS dossier_migrations ("
                                 " version integer PRIMARY KEY,"
                                 " applied_at timestamptz NOT NULL DEFAULT now())", error) ||
      !(done = dossier_team_server_query (self, "SELECT coalesce(max(version), 0) FROM dossier_migrations",
                                          0, NULL, error)))
    goto fail;
  current = g_ascii_strtoull (dossier_team_rows_get (done, 0, 0), NULL, 10);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      g_autoptr(GBytes) sql = NULL;
      g_autofree char *text = NULL;
      g_autofree char *number = NULL;
      guint64 version = g_ascii_strtoull (names[i], NULL, 10);
      const char *param;

      if (version == 0 || version <= current || !g_str_has_suffix (names[i], ".sql"))
        continue;
      sql = g_resource_lookup_data (dossier_team_get_resource (), path,
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (sql == NULL)
        goto fail;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      /* a migration is a script of several statements: the simple query
       * protocol runs it, within our transaction; it is our own text */
      {
        PGresult *result = PQexec (self->conn, text);

        if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
          {
            g_autoptr(GError) inner = NULL;

            set_result_error (self, result, &inner);
            PQclear (result);
            g_set_error (error, DOSSIER_TEAM_ERROR, inner->code,
                         _("Could not set up the team database (%s): %s"), names[i], inner->message);
            goto fail;
          }
        PQclear (result);
      }
      number = g_strdup_printf ("%" G_GUINT64_FORMAT, version);
      param = number;
      {
        g_autoptr(DossierTeamRows) r = dossier_team_server_query (self,
                                                                  "INSERT INTO dossier_migrations (version) VALUES ($1)",
                                                                  1, &param, error);
        if (r == NULL)
          goto fail;
      }
      applied++;
    }
  if (!dossier_team_server_exec (self, "COMMIT", error))
    goto fail;
  if (n_applied != NULL)
    *n_applied = applied;
  return TRUE;

fail:
  dossier_team_server_rollback (self);
  return FALSE;
}

char *
dossier_team_server_get_role (DossierTeamServer  *self,
                              GError            **error)
{
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (self, "SELECT dossier_role()", 0, NULL, error);

  if (rows == NULL)
    return NULL;
  if (rows->n_rows == 0 || dossier_team_rows_get (rows, 0, 0) == NULL)
    {
      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED,
                   _("%s is not a member of this team"), dossier_team_server_get_user (self));
      return NULL;
    }
  return g_strdup (dossier_team_rows_get (rows, 0, 0));
}

/* Runs the one statement the server's format() makes of @params. */
static gboolean
exec_formatted (DossierTeamServer   *self,
                const char          *format_sql,
                guint                n_params,
                const char * const  *params,
                GError             **error)
{
  g_autoptr(DossierTeamRows) made = dossier_team_server_query (self, format_sql, n_params, params, error);

  if (made == NULL)
    return FALSE;
  if (made->n_rows != 1 || dossier_team_rows_get (made, 0, 0) == NULL)
    {
      g_set_error_literal (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_FOUND,
                           _("This database holds no team: run “dossier-cli team init” first"));
      return FALSE;
    }
  return dossier_team_server_exec (self, dossier_team_rows_get (made, 0, 0), error);
}

gboolean
dossier_team_server_add_member (DossierTeamServer  *self,
                                const char         *name,
                                const char         *role,
                                const char         *password,
                                GError            **error)
{
  g_autofree char *verifier = NULL;
  const char *params[3];

  if (g_strcmp0 (role, "owner") != 0 && g_strcmp0 (role, "editor") != 0 && g_strcmp0 (role, "reader") != 0)
    {
      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED,
                   _("“%s” is no role: use editor or reader"), role);
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED, _("A member needs a name"));
      return FALSE;
    }
  if (password != NULL)
    {
      char *hashed = PQencryptPasswordConn (self->conn, password, name, NULL);

      if (hashed == NULL)
        {
          g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_FAILED,
                       _("Could not protect the password: %s"), PQerrorMessage (self->conn));
          return FALSE;
        }
      verifier = g_strdup (hashed);
      PQfreemem (hashed);
    }
  params[0] = name;
  params[1] = role;
  params[2] = verifier;
  /* a login role of the server (a member of another team) joins as it
   * is, keeping its password; a new one is made */
  return exec_formatted (self,
                         "SELECT format(CASE"
                         "  WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1::text) THEN 'GRANT %2$I TO %1$I'"
                         "  WHEN $3::text IS NULL THEN 'CREATE ROLE %1$I LOGIN IN ROLE %2$I'"
                         "  ELSE 'CREATE ROLE %1$I LOGIN IN ROLE %2$I PASSWORD %3$L' END,"
                         " $1::text, CASE $2::text WHEN 'owner' THEN owner_role"
                         "  WHEN 'editor' THEN editor_role ELSE reader_role END, $3::text)"
                         " FROM dossier_team",
                         3, params, error);
}

gboolean
dossier_team_server_remove_member (DossierTeamServer  *self,
                                   const char         *name,
                                   GError            **error)
{
  g_autoptr(DossierTeamRows) member = NULL;
  g_autoptr(DossierTeamRows) ended = NULL;
  g_autoptr(DossierTeamRows) drop = NULL;
  const char *params[1] = { name };

  /* only a member of this team's groups is removed, never another role */
  member = dossier_team_server_query (self,
                                      "SELECT 1 FROM dossier_team t, pg_roles r WHERE r.rolname = $1"
                                      " AND (pg_has_role(r.oid, t.owner_role, 'MEMBER')"
                                      "   OR pg_has_role(r.oid, t.editor_role, 'MEMBER')"
                                      "   OR pg_has_role(r.oid, t.reader_role, 'MEMBER'))"
                                      " AND r.rolname NOT IN (t.owner_role, t.editor_role, t.reader_role)",
                                      1, params, error);
  if (member == NULL)
    return FALSE;
  if (member->n_rows == 0)
    {
      g_set_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_FOUND,
                   _("%s is not a member of this team"), name);
      return FALSE;
    }
  /* out of this team's groups; their sessions here end now */
  if (!exec_formatted (self, "SELECT format('REVOKE %I, %I, %I FROM %I', owner_role, editor_role,"
                       " reader_role, $1::text) FROM dossier_team", 1, params, error))
    return FALSE;
  ended = dossier_team_server_query (self,
                                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                     " WHERE usename = $1 AND datname = current_database()",
                                     1, params, NULL);
  /* and a role that belongs to no other team is dropped */
  drop = dossier_team_server_query (self,
                                    "SELECT format('DROP ROLE %I', $1::text) WHERE NOT EXISTS"
                                    " (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                                    "  WHERE r.rolname = $1)", 1, params, error);
  if (drop == NULL)
    return FALSE;
  return drop->n_rows == 0 || dossier_team_server_exec (self, dossier_team_rows_get (drop, 0, 0), error);
}
