/* dossier-team.c — a library shared with a team, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-team"

#include "config.h"

#include <string.h>

#include "dossier-team.h"
#include "dossier-library-private.h"

#define DONE GINT_TO_POINTER (1)

gboolean
dossier_team_init_server_sync (const char  *url,
                               guint       *n_applied,
                               GError     **error)
{
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (url, NULL, NULL, error);

  return server != NULL && dossier_team_server_migrate (server, n_applied, error);
}

gboolean
dossier_team_add_member_sync (const char  *url,
                              const char  *name,
                              const char  *role,
                              const char  *password,
                              GError     **error)
{
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (url, NULL, NULL, error);

  return server != NULL && dossier_team_server_add_member (server, name, role, password, error);
}

gboolean
dossier_team_remove_member_sync (const char  *url,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (url, NULL, NULL, error);

  return server != NULL && dossier_team_server_remove_member (server, name, error);
}

static gpointer
find_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  gint64 id = dossier_store_find_article_by_uuid (store, data, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static const DossierLibraryCall find_call = { find_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_team_find_article_sync (DossierLibrary  *library,
                                const char      *uuid,
                                GError         **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), 0);
  g_return_val_if_fail (uuid != NULL, 0);
  id = _dossier_library_run (library, &find_call, (gpointer) uuid, NULL, error);
  return id ? *id : 0;
}

void
dossier_team_find_article_async (DossierLibrary      *library,
                                 const char          *uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &find_call, g_strdup (uuid), g_free, cancellable, callback, user_data);
}

gint64
dossier_team_find_article_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_autofree gint64 *id = _dossier_library_finish (library, result, &find_call, error);

  return id ? *id : 0;
}

static gpointer
get_annotation_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_get_annotation (store, *(gint64 *) data, error);
}

static const DossierLibraryCall get_annotation_call =
  { get_annotation_op, g_object_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierAnnotation *
dossier_team_get_annotation_sync (DossierLibrary  *library,
                                  gint64           id,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  return _dossier_library_run (library, &get_annotation_call, &id, NULL, error);
}

typedef struct
{
  char                 *url;
  char                 *user;
  char                 *password;
  gint64                id;
  char                 *keep;
  DossierTeamSyncStats  stats;   /* out */
  struct Progress      *progress;
} TeamArgs;

/* A sync's progress, told on the thread-default main context of the
 * caller: the store's thread keeps the latest count, and one idle at a
 * time hands it over. */
typedef struct Progress
{
  gatomicrefcount          ref;
  GMutex                   lock;
  GMainContext            *context;
  DossierTeamProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
  guint                    done;
  guint                    total;
  gboolean                 scheduled;
} Progress;

static Progress *
progress_ref (Progress *p)
{
  g_atomic_ref_count_inc (&p->ref);
  return p;
}

static void
progress_unref (Progress *p)
{
  if (!g_atomic_ref_count_dec (&p->ref))
    return;
  if (p->destroy != NULL)
    p->destroy (p->data);
  g_main_context_unref (p->context);
  g_mutex_clear (&p->lock);
  g_free (p);
}

static gboolean
progress_dispatch (gpointer user_data)
{
  Progress *p = user_data;
  guint done, total;

  g_mutex_lock (&p->lock);
  done = p->done;
  total = p->total;
  p->scheduled = FALSE;
  g_mutex_unlock (&p->lock);
  p->func (done, total, p->data);
  return G_SOURCE_REMOVE;
}

/* on the store's thread */
static void
progress_report (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Progress *p = user_data;
  gboolean schedule;

  g_mutex_lock (&p->lock);
  p->done = done;
  p->total = total;
  schedule = !p->scheduled;
  p->scheduled = TRUE;
  g_mutex_unlock (&p->lock);
  if (schedule)
    g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_dispatch, progress_ref (p),
                                (GDestroyNotify) progress_unref);
}

static void
team_args_free (TeamArgs *a)
{
  g_clear_pointer (&a->progress, progress_unref);
  g_free (a->url);
  g_free (a->user);
  if (a->password != NULL)
    memset (a->password, 0, strlen (a->password));
  g_free (a->password);
  g_free (a->keep);
  g_free (a);
}

static gpointer
share_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  TeamArgs *a = data;
  g_autoptr(DossierTeamServer) server = dossier_team_server_connect (a->url, a->user, a->password, error);
  g_autofree char *role = NULL;

  if (server == NULL || !(role = dossier_team_server_get_role (server, error)))
    return NULL;
  return dossier_store_team_link (store, a->url, dossier_team_server_get_user (server), error) ? DONE : NULL;
}

static const DossierLibraryCall share_call = { share_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
dossier_team_share_sync (DossierLibrary  *library,
                         const char      *url,
                         const char      *user,
                         const char      *password,
                         GError         **error)
{
  TeamArgs a = { (char *) url, (char *) user, (char *) password, 0, NULL, { 0 } };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  return _dossier_library_run (library, &share_call, &a, NULL, error) != NULL;
}

static gpointer
link_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_team_get_link (store, error);
}

static const DossierLibraryCall link_call =
  { link_op, (GDestroyNotify) dossier_team_link_free, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierTeamLink *
dossier_team_get_link_sync (DossierLibrary  *library,
                            GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  return _dossier_library_run (library, &link_call, NULL, NULL, error);
}

static gpointer
sync_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  TeamArgs *a = data;
  g_autoptr(DossierTeamLink) link = dossier_store_team_get_link (store, error);
  g_autoptr(DossierTeamServer) server = NULL;

  if (link == NULL)
    return NULL;
  server = dossier_team_server_connect (link->server, link->member, a->password, error);
  if (server == NULL)
    return NULL;
  return dossier_store_team_sync (store, server, &a->stats, a->progress ? progress_report : NULL, a->progress,
                                  cancellable, error) ? DONE : NULL;
}

/* pulled rows change what the window shows */
static const DossierLibraryCall sync_call = { sync_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_team_sync_sync (DossierLibrary        *library,
                        const char            *password,
                        DossierTeamSyncStats  *stats,
                        GCancellable          *cancellable,
                        GError               **error)
{
  TeamArgs a = { NULL, NULL, (char *) password, 0, NULL, { 0 } };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  ok = _dossier_library_run (library, &sync_call, &a, cancellable, error) != NULL;
  if (stats != NULL)
    *stats = a.stats;
  return ok;
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (_dossier_library_finish (DOSSIER_LIBRARY (source), result, &sync_call, &error) != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

void
dossier_team_sync_async (DossierLibrary      *library,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  dossier_team_sync_with_progress_async (library, password, NULL, NULL, NULL, cancellable, callback, user_data);
}

void
dossier_team_sync_with_progress_async (DossierLibrary          *library,
                                       const char              *password,
                                       DossierTeamProgressFunc  progress,
                                       gpointer                 progress_data,
                                       GDestroyNotify           progress_destroy,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  TeamArgs *a = g_new0 (TeamArgs, 1);
  GTask *task;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  a->password = g_strdup (password);
  if (progress != NULL)
    {
      a->progress = g_new0 (Progress, 1);
      g_atomic_ref_count_init (&a->progress->ref);
      g_mutex_init (&a->progress->lock);
      a->progress->context = g_main_context_ref_thread_default ();
      a->progress->func = progress;
      a->progress->data = progress_data;
      a->progress->destroy = progress_destroy;
    }
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_team_sync_async);
  /* the stats live in the arguments, which the task keeps */
  g_task_set_task_data (task, a, (GDestroyNotify) team_args_free);
  _dossier_library_run_async (library, &sync_call, a, NULL, cancellable, on_sync_done, task);
}

gboolean
dossier_team_sync_finish (DossierLibrary        *library,
                          GAsyncResult          *result,
                          DossierTeamSyncStats  *stats,
                          GError               **error)
{
  TeamArgs *a;

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  a = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = a->stats;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gpointer
conflicts_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_team_list_conflicts (store, error);
}

static const DossierLibraryCall conflicts_call =
  { conflicts_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_team_list_conflicts_sync (DossierLibrary  *library,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  return _dossier_library_run (library, &conflicts_call, NULL, NULL, error);
}

static gpointer
resolve_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  TeamArgs *a = data;

  return dossier_store_team_resolve (store, a->id, a->keep, error) ? DONE : NULL;
}

static const DossierLibraryCall resolve_call = { resolve_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_team_resolve_sync (DossierLibrary  *library,
                           gint64           id,
                           const char      *keep,
                           GError         **error)
{
  TeamArgs a = { NULL, NULL, NULL, id, (char *) keep, { 0 } };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  return _dossier_library_run (library, &resolve_call, &a, NULL, error) != NULL;
}
