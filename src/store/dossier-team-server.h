/* dossier-team-server.h — a team database on PostgreSQL, through libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A connection to the team's database: setting it up from the numbered
 * migrations in data/team/, managing members, and the statements sync
 * runs.  Blocking: use it on a worker thread (the store's, for sync).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TEAM_ERROR (dossier_team_error_quark ())

typedef enum
{
  DOSSIER_TEAM_ERROR_UNREACHABLE, /* no answer: changes stay queued */
  DOSSIER_TEAM_ERROR_REFUSED,     /* the server said no: password, membership, rights */
  DOSSIER_TEAM_ERROR_INSECURE,    /* a remote server without verified TLS */
  DOSSIER_TEAM_ERROR_NOT_SHARED,  /* the library is linked to no team */
  DOSSIER_TEAM_ERROR_NOT_FOUND,
  DOSSIER_TEAM_ERROR_FAILED,
} DossierTeamError;

GQuark dossier_team_error_quark (void);

typedef struct _DossierTeamServer DossierTeamServer;

/* @url: a libpq connection URI or string ("postgresql://host/db",
 * "postgresql:///db?host=/run/postgresql").  A server that is not on a
 * local socket or loopback is reached only with sslmode=verify-full.
 * @user and @password may be NULL (libpq's own defaults, ~/.pgpass). */
DossierTeamServer *dossier_team_server_connect        (const char         *url,
                                                       const char         *user,
                                                       const char         *password,
                                                       GError            **error);
/* What a first connection found, for words a person understands */
typedef enum
{
  DOSSIER_TEAM_CHECK_OK,
  DOSSIER_TEAM_CHECK_WRONG_PASSWORD,  /* the user name or password was refused */
  DOSSIER_TEAM_CHECK_NO_DATABASE,     /* the server has no database of that name */
  DOSSIER_TEAM_CHECK_NOT_MEMBER,      /* logged in, but no member of the team */
  DOSSIER_TEAM_CHECK_UNTRUSTED,       /* answers, but not with a TLS certificate we trust */
  DOSSIER_TEAM_CHECK_UNREACHABLE,     /* no answer at all */
  DOSSIER_TEAM_CHECK_FAILED,          /* anything else, such as an address that is none */
} DossierTeamCheck;

/* Connects as dossier_team_server_connect() does and asks for the
 * member's role (@role, when not NULL, then holds it); when that fails,
 * finds out why, with more connections that send the password only as
 * the first one did.  @error is set unless the check is OK. */
DossierTeamCheck   dossier_team_server_check          (const char         *url,
                                                       const char         *user,
                                                       const char         *password,
                                                       char              **role,
                                                       GError            **error);
void               dossier_team_server_free           (DossierTeamServer  *self);
/* the login role, which is the member's name */
const char        *dossier_team_server_get_user       (DossierTeamServer  *self);
/* Creates or upgrades the team schema; @n_applied: migrations run. */
gboolean           dossier_team_server_migrate        (DossierTeamServer  *self,
                                                       guint              *n_applied,
                                                       GError            **error);
/* "owner", "editor", "reader", or NULL (with @error) for no member */
char              *dossier_team_server_get_role       (DossierTeamServer  *self,
                                                       GError            **error);
gboolean           dossier_team_server_add_member     (DossierTeamServer  *self,
                                                       const char         *name,
                                                       const char         *role,
                                                       const char         *password,
                                                       GError            **error);
gboolean           dossier_team_server_remove_member  (DossierTeamServer  *self,
                                                       const char         *name,
                                                       GError            **error);

/* --- for sync (dossier-team-sync.c) --- */

/* The result of one statement: rows of text values (NULL for SQL NULL). */
typedef struct
{
  guint    n_rows;
  guint    n_columns;
  char   **values;   /* n_rows * n_columns */
} DossierTeamRows;

void               dossier_team_rows_free             (DossierTeamRows    *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTeamRows, dossier_team_rows_free)
static inline const char *
dossier_team_rows_get (DossierTeamRows *rows,
                       guint            row,
                       guint            column)
{
  return rows->values[row * rows->n_columns + column];
}

/* Runs @sql with @params bound ($1…), returning its rows (none for a
 * command); NULL with @error set on failure.  A lost connection is
 * DOSSIER_TEAM_ERROR_UNREACHABLE; a refusal for want of rights
 * DOSSIER_TEAM_ERROR_REFUSED. */
DossierTeamRows   *dossier_team_server_query          (DossierTeamServer  *self,
                                                       const char         *sql,
                                                       guint               n_params,
                                                       const char * const *params,
                                                       GError            **error);
gboolean           dossier_team_server_exec           (DossierTeamServer  *self,
                                                       const char         *sql,
                                                       GError            **error);
void               dossier_team_server_rollback       (DossierTeamServer  *self);

/* --- being told of changes (LISTEN/NOTIFY) --- */

/* Listens for the team's changes on this connection, which is then for
 * that alone, and makes it non-blocking.  Returns its socket, to watch
 * for input, or -1 with @error set. */
int                dossier_team_server_listen         (DossierTeamServer  *self,
                                                       GError            **error);
/* Reads what arrived on the socket without blocking; @n_changes: the
 * notifications among it (0 for none yet).  FALSE with @error set
 * (DOSSIER_TEAM_ERROR_UNREACHABLE) when the connection is lost. */
gboolean           dossier_team_server_read_changes   (DossierTeamServer  *self,
                                                       guint              *n_changes,
                                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTeamServer, dossier_team_server_free)

G_END_DECLS
