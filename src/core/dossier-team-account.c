/* dossier-team-account.c — joining and leaving a team from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords pass through here only in memory that is wiped when it is
 * freed; what keeps them is the desktop's secret store.
 */
#define G_LOG_DOMAIN "dossier-team"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "dossier-team-account.h"
#include "dossier-library-private.h"

#define DONE GINT_TO_POINTER (1)

void
dossier_team_password_free (char *password)
{
  if (password != NULL)
    memset (password, 0, strlen (password));
  g_free (password);
}

/* --- checking a server --- */

typedef struct
{
  char             *url;
  char             *user;
  char             *password;
  char             *role;     /* out */
  DossierTeamCheck  check;    /* out */
  gint64            id;
  char             *keep;
} Args;

static void
args_free (Args *a)
{
  g_free (a->url);
  g_free (a->user);
  dossier_team_password_free (a->password);
  g_free (a->role);
  g_free (a->keep);
  g_free (a);
}

static Args *
args_new (const char *url,
          const char *user,
          const char *password)
{
  Args *a = g_new0 (Args, 1);

  a->url = g_strdup (url);
  a->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
  a->password = password != NULL && *password != '\0' ? g_strdup (password) : NULL;
  a->check = DOSSIER_TEAM_CHECK_FAILED;
  return a;
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Args *a = data;
  GError *error = NULL;

  a->check = dossier_team_server_check (a->url, a->user, a->password, &a->role, &error);
  if (a->check == DOSSIER_TEAM_CHECK_OK)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_team_check_async (const char          *url,
                          const char          *user,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (url != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_team_check_async);
  g_task_set_task_data (task, args_new (url, user, password), (GDestroyNotify) args_free);
  g_task_run_in_thread (task, check_thread);
}

DossierTeamCheck
dossier_team_check_finish (GAsyncResult  *result,
                           char         **role,
                           GError       **error)
{
  Args *a;

  g_return_val_if_fail (g_task_is_valid (result, NULL), DOSSIER_TEAM_CHECK_FAILED);
  a = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return a->check == DOSSIER_TEAM_CHECK_OK ? DOSSIER_TEAM_CHECK_FAILED : a->check;
  if (role != NULL)
    *role = g_steal_pointer (&a->role);
  return DOSSIER_TEAM_CHECK_OK;
}

/* --- library calls --- */

static gpointer
share_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (a->url, a->user, a->password, error);
  g_autofree char *role = NULL;

  if (server == NULL || !(role = dossier_team_server_get_role (server, error)))
    return NULL;
  if (!dossier_store_team_link (store, a->url, dossier_team_server_get_user (server), error))
    return NULL;
  return g_strdup (dossier_team_server_get_user (server));
}

static const DossierLibraryCall share_call = { share_op, g_free, DOSSIER_LIBRARY_EMITS_CHANGED };

void
dossier_team_share_async (DossierLibrary      *library,
                          const char          *url,
                          const char          *user,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (url != NULL);
  _dossier_library_run_async (library, &share_call, args_new (url, user, password),
                              (GDestroyNotify) args_free, cancellable, callback, user_data);
}

char *
dossier_team_share_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  return _dossier_library_finish (library, result, &share_call, error);
}

static gpointer
leave_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_team_unlink (store, error) ? DONE : NULL;
}

static const DossierLibraryCall leave_call = { leave_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_team_leave_sync (DossierLibrary  *library,
                         GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  return _dossier_library_run (library, &leave_call, NULL, NULL, error) != NULL;
}

void
dossier_team_leave_async (DossierLibrary      *library,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &leave_call, NULL, NULL, cancellable, callback, user_data);
}

gboolean
dossier_team_leave_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  return _dossier_library_finish (library, result, &leave_call, error) != NULL;
}

static gpointer
link_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_team_get_link (store, error);
}

static const DossierLibraryCall link_call =
  { link_op, (GDestroyNotify) dossier_team_link_free, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_team_get_link_async (DossierLibrary      *library,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &link_call, NULL, NULL, cancellable, callback, user_data);
}

DossierTeamLink *
dossier_team_get_link_finish (DossierLibrary  *library,
                              GAsyncResult    *result,
                              GError         **error)
{
  return _dossier_library_finish (library, result, &link_call, error);
}

static gpointer
authors_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_list_note_authors (store, error);
}

static const DossierLibraryCall authors_call =
  { authors_op, (GDestroyNotify) g_strfreev, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_team_list_authors_async (DossierLibrary      *library,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &authors_call, NULL, NULL, cancellable, callback, user_data);
}

char **
dossier_team_list_authors_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return _dossier_library_finish (library, result, &authors_call, error);
}

static gpointer
conflicts_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_team_list_conflicts (store, error);
}

static const DossierLibraryCall conflicts_call =
  { conflicts_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_team_list_conflicts_async (DossierLibrary      *library,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &conflicts_call, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
dossier_team_list_conflicts_finish (DossierLibrary  *library,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _dossier_library_finish (library, result, &conflicts_call, error);
}

static gpointer
resolve_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_team_resolve (store, a->id, a->keep, error) ? DONE : NULL;
}

static const DossierLibraryCall resolve_call = { resolve_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

void
dossier_team_resolve_async (DossierLibrary      *library,
                            gint64               id,
                            const char          *keep,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  a->id = id;
  a->keep = g_strdup (keep);
  _dossier_library_run_async (library, &resolve_call, a, (GDestroyNotify) args_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_team_resolve_finish (DossierLibrary  *library,
                             GAsyncResult    *result,
                             GError         **error)
{
  return _dossier_library_finish (library, result, &resolve_call, error) != NULL;
}

/* --- the secret store --- */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "org.dossierapp.Dossier.Team", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "member", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

void
dossier_team_password_store_async (const char          *server,
                                   const char          *member,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  /* TRANSLATORS: the label of a password in the desktop's keyring:
   * "Dossier team: ana on postgresql://team.example.org/news" */
  g_autofree char *label = g_strdup_printf (_("Dossier team: %s on %s"), member, server);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data,
                         "server", server, "member", member, NULL);
}

gboolean
dossier_team_password_store_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
dossier_team_password_lookup_async (const char          *server,
                                    const char          *member,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "server", server, "member", member, NULL);
}

char *
dossier_team_password_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  char *secret = secret_password_lookup_finish (result, error);
  char *password = g_strdup (secret);

  secret_password_free (secret);
  return password;
}

void
dossier_team_password_clear_async (const char          *server,
                                   const char          *member,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  secret_password_clear (get_schema (), cancellable, callback, user_data,
                         "server", server, "member", member, NULL);
}

gboolean
dossier_team_password_clear_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* FALSE without an error: there was nothing to forget */
  secret_password_clear_finish (result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
