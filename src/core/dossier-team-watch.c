/* dossier-team-watch.c — a shared library kept in step with its team
 * while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second connection to the team database listens on the channel the
 * server's triggers notify after every change.  Its socket is watched by
 * the main loop; when something arrives, the notifications are read
 * without blocking and one sync runs (notifications that arrive during a
 * sync lead to one more after it, so a burst of changes costs at most two).
 */
#define G_LOG_DOMAIN "dossier-team"

#include "config.h"

#include <glib-unix.h>
#include <string.h>

#include "dossier-team-watch.h"
#include "dossier-team.h"
#include "dossier-library-private.h"

struct _DossierTeamWatch
{
  GObject             parent_instance;
  DossierLibrary     *library;
  char               *password;
  DossierTeamServer  *server;
  GSource            *source;
  GCancellable       *cancellable;
  gboolean            syncing;
  gboolean            again;
  guint               n_syncs;
  guint               done;      /* the sync under way: rows done of total */
  guint               total;
};

G_DEFINE_FINAL_TYPE (DossierTeamWatch, dossier_team_watch, G_TYPE_OBJECT)

enum { SYNCED, FAILED, PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_SYNCING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_syncing (DossierTeamWatch *self,
             gboolean          syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
dossier_team_watch_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierTeamWatch *self = DOSSIER_TEAM_WATCH (object);

  switch (prop_id)
    {
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
forget_password (DossierTeamWatch *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
stop_listening (DossierTeamWatch *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  g_clear_pointer (&self->server, dossier_team_server_free);
}

static void
dossier_team_watch_dispose (GObject *object)
{
  DossierTeamWatch *self = DOSSIER_TEAM_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  stop_listening (self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (dossier_team_watch_parent_class)->dispose (object);
}

static void
dossier_team_watch_finalize (GObject *object)
{
  DossierTeamWatch *self = DOSSIER_TEAM_WATCH (object);

  forget_password (self);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dossier_team_watch_parent_class)->finalize (object);
}

static void
dossier_team_watch_class_init (DossierTeamWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_team_watch_dispose;
  object_class->finalize = dossier_team_watch_finalize;
  object_class->get_property = dossier_team_watch_get_property;

  /* a sync is under way */
  properties[PROP_SYNCING] = g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (pulled, conflicts) of the sync that just ended */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* (done, total) rows of the sync under way */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
dossier_team_watch_init (DossierTeamWatch *self)
{
  self->cancellable = g_cancellable_new ();
}

static void run_sync (DossierTeamWatch *self);

/* A sync holds the watch weakly: dropping the watch cancels it, and
 * nothing is emitted after. */
static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(DossierTeamWatch) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats = { 0 };

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    {
      dossier_team_sync_finish (DOSSIER_LIBRARY (source), result, NULL, NULL);
      return;
    }
  self->n_syncs++;
  /* FALSE before the signals, so a handler may ask for another */
  set_syncing (self, FALSE);
  if (!dossier_team_sync_finish (DOSSIER_LIBRARY (source), result, &stats, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("sync after a change failed: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
    }
  else
    g_signal_emit (self, signals[SYNCED], 0, stats.pulled, stats.conflicts);
  if (self->again && self->server != NULL)
    {
      self->again = FALSE;
      run_sync (self);
    }
}

static void
free_weak (GWeakRef *weak)
{
  g_weak_ref_clear (weak);
  g_free (weak);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  g_autoptr(DossierTeamWatch) self = g_weak_ref_get (user_data);

  if (self == NULL || !self->syncing)
    return;
  self->done = done;
  self->total = total;
  g_signal_emit (self, signals[PROGRESS], 0, done, total);
}

static void
run_sync (DossierTeamWatch *self)
{
  GWeakRef *weak, *weak_progress;

  if (self->syncing)
    {
      self->again = TRUE;
      return;
    }
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  weak_progress = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_progress, self);
  self->done = self->total = 0;
  set_syncing (self, TRUE);
  dossier_team_sync_with_progress_async (self->library, self->password, on_progress, weak_progress,
                                         (GDestroyNotify) free_weak, self->cancellable, on_synced, weak);
}

static gboolean
on_socket (int           fd,
           GIOCondition  condition,
           gpointer      user_data)
{
  DossierTeamWatch *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!dossier_team_server_read_changes (self->server, &n, &error))
    {
      g_debug ("stopped listening: %s", error->message);
      g_clear_pointer (&self->source, g_source_unref);
      g_clear_pointer (&self->server, dossier_team_server_free);
      g_signal_emit (self, signals[FAILED], 0, error);
      return G_SOURCE_REMOVE;
    }
  if (n > 0)
    run_sync (self);
  return G_SOURCE_CONTINUE;
}

/* --- starting: connect and listen on a thread, then watch here --- */

typedef struct
{
  DossierLibrary     *library;
  char               *password;
  DossierTeamServer  *server;
  int                 fd;
} Start;

static void
start_free (Start *s)
{
  g_clear_object (&s->library);
  if (s->password != NULL)
    memset (s->password, 0, strlen (s->password));
  g_free (s->password);
  g_clear_pointer (&s->server, dossier_team_server_free);
  g_free (s);
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Start *s = data;
  GError *error = NULL;
  g_autoptr(DossierTeamLink) link = dossier_team_get_link_sync (s->library, &error);

  if (link == NULL ||
      !(s->server = dossier_team_server_connect (link->server, link->member, s->password, &error)) ||
      (s->fd = dossier_team_server_listen (s->server, &error)) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
dossier_team_watch_new_async (DossierLibrary      *library,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Start *s = g_new0 (Start, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  s->library = g_object_ref (library);
  s->password = g_strdup (password);
  s->fd = -1;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_team_watch_new_async);
  g_task_set_task_data (task, s, (GDestroyNotify) start_free);
  g_task_run_in_thread (task, connect_thread);
}

DossierTeamWatch *
dossier_team_watch_new_finish (GAsyncResult  *result,
                               GError       **error)
{
  Start *s;
  DossierTeamWatch *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  s = g_task_get_task_data (G_TASK (result));
  self = g_object_new (DOSSIER_TYPE_TEAM_WATCH, NULL);
  self->library = g_object_ref (s->library);
  self->password = g_steal_pointer (&s->password);
  self->server = g_steal_pointer (&s->server);
  /* the socket is watched on the caller's context */
  self->source = g_unix_fd_source_new (s->fd, G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->source, G_SOURCE_FUNC (on_socket), self, NULL);
  g_source_attach (self->source, g_main_context_get_thread_default ());
  /* what changed before the watch began */
  run_sync (self);
  return self;
}

gboolean
dossier_team_watch_is_listening (DossierTeamWatch *self)
{
  g_return_val_if_fail (DOSSIER_IS_TEAM_WATCH (self), FALSE);
  return self->server != NULL;
}

guint
dossier_team_watch_get_n_syncs (DossierTeamWatch *self)
{
  g_return_val_if_fail (DOSSIER_IS_TEAM_WATCH (self), 0);
  return self->n_syncs;
}

void
dossier_team_watch_sync (DossierTeamWatch *self)
{
  g_return_if_fail (DOSSIER_IS_TEAM_WATCH (self));
  if (self->server != NULL)
    run_sync (self);
}

gboolean
dossier_team_watch_get_progress (DossierTeamWatch *self,
                                 guint            *done,
                                 guint            *total)
{
  g_return_val_if_fail (DOSSIER_IS_TEAM_WATCH (self), FALSE);
  if (done != NULL)
    *done = self->done;
  if (total != NULL)
    *total = self->total;
  return self->syncing && self->total > 0;
}

gboolean
dossier_team_watch_get_syncing (DossierTeamWatch *self)
{
  g_return_val_if_fail (DOSSIER_IS_TEAM_WATCH (self), FALSE);
  return self->syncing;
}
