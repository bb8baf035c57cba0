/* dossier-stories.c — near-duplicates, stories and similar articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-stories"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-stories.h"
#include "dossier-dates.h"
#include "dossier-library-private.h"

typedef struct
{
  gint64          id;
  gint64          other;
  guint           limit;
  gboolean        full;
  gint64          count;     /* out */
  gboolean        tell;      /* which stories changed, for the window */
  /* progress, for DossierStories */
  DossierStories *service;
  GMainContext   *context;
  guint           run;       /* the service's run this progress is of */
  double          reported;
} StoriesArgs;

static void
args_free (gpointer p)
{
  StoriesArgs *a = p;

  g_clear_object (&a->service);
  g_clear_pointer (&a->context, g_main_context_unref);
  g_free (a);
}

static void deliver_progress (StoriesArgs *a, double fraction);

static void
on_progress (double   fraction,
             gpointer data)
{
  StoriesArgs *a = data;

  if (a->service != NULL && (fraction >= 1 || fraction - a->reported >= 0.01))
    {
      a->reported = fraction;
      deliver_progress (a, fraction);
    }
}

/* what a run did */
typedef struct
{
  gboolean  grouped;   /* articles were grouped (else nothing waited) */
  GArray   *touched;   /* the stories it changed; NULL: any of them */
} Updated;

static void
updated_free (gpointer p)
{
  Updated *u = p;

  if (u == NULL)
    return;
  g_clear_pointer (&u->touched, g_array_unref);
  g_free (u);
}

static gpointer
update_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;
  g_autoptr(GArray) touched = a->full || !a->tell ? NULL : g_array_new (FALSE, FALSE, sizeof (gint64));
  Updated *u;

  a->count = dossier_store_update_stories_touched (store, a->full, touched, on_progress, a, cancellable, error);
  if (a->count < 0)
    return NULL;
  u = g_new0 (Updated, 1);
  u->grouped = a->count > 0;
  u->touched = g_steal_pointer (&touched);
  return u;
}

/* stories are no filter of what the views show until asked */
static const DossierLibraryCall update_call = { update_op, updated_free, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_stories_update_sync (DossierLibrary  *library,
                             gboolean         full,
                             GCancellable    *cancellable,
                             GError         **error)
{
  StoriesArgs a = { 0 };
  Updated *u;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  a.full = full;
  u = _dossier_library_run (library, &update_call, &a, cancellable, error);
  if (u == NULL)
    return -1;
  updated_free (u);
  return a.count;
}

static gpointer
similar_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;

  return dossier_store_list_similar (store, a->id, a->limit, error);
}

static const DossierLibraryCall similar_call =
  { similar_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_stories_similar_sync (DossierLibrary  *library,
                              gint64           article_id,
                              guint            limit,
                              GError         **error)
{
  StoriesArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  a.id = article_id;
  a.limit = limit;
  return _dossier_library_run (library, &similar_call, &a, NULL, error);
}

void
dossier_stories_similar_async (DossierLibrary      *library,
                               gint64               article_id,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->id = article_id;
  a->limit = limit;
  _dossier_library_run_async (library, &similar_call, a, args_free, cancellable, callback, user_data);
}

GPtrArray *
dossier_stories_similar_finish (DossierLibrary  *library,
                                GAsyncResult    *result,
                                GError         **error)
{
  return _dossier_library_finish (library, result, &similar_call, error);
}

static gpointer
list_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_list_stories (store, error);
}

static const DossierLibraryCall list_call =
  { list_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_stories_list_sync (DossierLibrary  *library,
                           GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &list_call, NULL, NULL, error);
}

/* The list for the window is read beside the store's thread, which may
 * be busy for a second with a batch of a catch-up (quotes, dates):
 * through a reader of its own, or on the store's thread if the file
 * cannot be read so (not made yet, not upgraded yet, a read-only
 * folder). */
static void
list_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *stories = dossier_store_read_stories (data, &error);

  if (stories == NULL && g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN))
    {
      g_clear_error (&error);
      stories = _dossier_library_run (DOSSIER_LIBRARY (source), &list_call, NULL, cancellable, &error);
    }
  if (stories == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stories, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_stories_list_async (DossierLibrary      *library,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  const char *path;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  path = dossier_library_get_path (library);
  if (path == NULL)
    {
      _dossier_library_run_async (library, &list_call, NULL, NULL, cancellable, callback, user_data);
      return;
    }
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) &list_call);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, list_in_thread);
}

GPtrArray *
dossier_stories_list_finish (DossierLibrary  *library,
                             GAsyncResult    *result,
                             GError         **error)
{
  return _dossier_library_finish (library, result, &list_call, error);
}

typedef struct
{
  char   *path;
  GArray *ids;
} SomeArgs;

static void
some_args_free (SomeArgs *a)
{
  g_free (a->path);
  g_array_unref (a->ids);
  g_free (a);
}

static void
read_some_in_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  SomeArgs *a = data;
  GError *error = NULL;
  GPtrArray *stories = NULL;

  if (a->path == NULL)
    g_set_error_literal (&error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                         _("Could not read the library's stories"));
  else
    stories = dossier_store_read_some_stories (a->path, (const gint64 *) a->ids->data, a->ids->len, &error);
  if (stories == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stories, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_stories_read_some_async (DossierLibrary      *library,
                                 const gint64        *ids,
                                 guint                n_ids,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SomeArgs *a;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (ids != NULL || n_ids == 0);

  a = g_new0 (SomeArgs, 1);
  a->path = g_strdup (dossier_library_get_path (library));
  a->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (a->ids, ids, n_ids);
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_stories_read_some_async);
  g_task_set_task_data (task, a, (GDestroyNotify) some_args_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_some_in_thread);
}

GPtrArray *
dossier_stories_read_some_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
get_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;

  return dossier_store_get_story (store, a->id, error);
}

static const DossierLibraryCall get_call =
  { get_op, (GDestroyNotify) dossier_story_free, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierStory *
dossier_stories_get_sync (DossierLibrary  *library,
                          gint64           story_id,
                          GError         **error)
{
  StoriesArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  a.id = story_id;
  return _dossier_library_run (library, &get_call, &a, NULL, error);
}

void
dossier_stories_get_async (DossierLibrary      *library,
                           gint64               story_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->id = story_id;
  _dossier_library_run_async (library, &get_call, a, args_free, cancellable, callback, user_data);
}

DossierStory *
dossier_stories_get_finish (DossierLibrary  *library,
                            GAsyncResult    *result,
                            GError         **error)
{
  return _dossier_library_finish (library, result, &get_call, error);
}

static gpointer
story_of_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;

  a->count = dossier_store_story_of (store, a->id, error);
  /* the story, never NULL: one more than its id (0: none) */
  return a->count >= 0 ? GSIZE_TO_POINTER ((gsize) a->count + 1) : NULL;
}

static const DossierLibraryCall story_of_call = { story_of_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_stories_story_of_sync (DossierLibrary  *library,
                               gint64           article_id,
                               GError         **error)
{
  StoriesArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  a.id = article_id;
  return _dossier_library_run (library, &story_of_call, &a, NULL, error) ? a.count : -1;
}

void
dossier_stories_story_of_async (DossierLibrary      *library,
                                gint64               article_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->id = article_id;
  _dossier_library_run_async (library, &story_of_call, a, args_free, cancellable, callback, user_data);
}

gint64
dossier_stories_story_of_finish (DossierLibrary  *library,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  gpointer r = _dossier_library_finish (library, result, &story_of_call, error);

  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

static gpointer
move_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;

  a->count = dossier_store_move_to_story (store, a->id, a->other, error);
  /* the story, never NULL: one more than its id */
  return a->count >= 0 ? GSIZE_TO_POINTER ((gsize) a->count + 1) : NULL;
}

/* story:ID finds other articles now */
static const DossierLibraryCall move_call = { move_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gint64
dossier_stories_move_sync (DossierLibrary  *library,
                           gint64           article_id,
                           gint64           story_id,
                           GError         **error)
{
  StoriesArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  a.id = article_id;
  a.other = story_id;
  return _dossier_library_run (library, &move_call, &a, NULL, error) ? a.count : -1;
}

static gpointer
join_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StoriesArgs *a = data;

  a->count = dossier_store_join_stories (store, a->id, a->other, error);
  return a->count >= 0 ? GSIZE_TO_POINTER ((gsize) a->count + 1) : NULL;
}

static const DossierLibraryCall join_call = { join_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gint64
dossier_stories_join_sync (DossierLibrary  *library,
                           gint64           story_id,
                           gint64           other_id,
                           GError         **error)
{
  StoriesArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  a.id = story_id;
  a.other = other_id;
  return _dossier_library_run (library, &join_call, &a, NULL, error) ? a.count : -1;
}

void
dossier_stories_move_async (DossierLibrary      *library,
                          gint64               article_id,
                          gint64               story_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->id = article_id;
  a->other = story_id;
  _dossier_library_run_async (library, &move_call, a, args_free, cancellable, callback, user_data);
}

gint64
dossier_stories_move_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  gpointer r = _dossier_library_finish (library, result, &move_call, error);

  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

void
dossier_stories_join_async (DossierLibrary      *library,
                          gint64               story_id,
                          gint64               other_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->id = story_id;
  a->other = other_id;
  _dossier_library_run_async (library, &join_call, a, args_free, cancellable, callback, user_data);
}

gint64
dossier_stories_join_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  gpointer r = _dossier_library_finish (library, result, &join_call, error);

  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

/* --- the service --- */

struct _DossierStories
{
  GObject         parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  gulong          changed_id;
  gboolean        running;
  guint           run;         /* counts the runs started */
  double          progress;
  gboolean        grouped;     /* the last run grouped articles */
  GArray         *touched;     /* the stories it changed; NULL: any */
  gboolean        again;       /* asked while running */
  gboolean        again_full;
};

G_DEFINE_FINAL_TYPE (DossierStories, dossier_stories, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_RUNNING,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  DossierStories *service;
  guint           run;
  double          fraction;
} Progress;

static gboolean
progress_in_context (gpointer data)
{
  Progress *p = data;

  /* a report can arrive after its run ended (and another began) */
  if (p->service->running && p->run == p->service->run && p->fraction > p->service->progress)
    {
      p->service->progress = p->fraction;
      g_object_notify_by_pspec (G_OBJECT (p->service), properties[PROP_PROGRESS]);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->service);
  g_free (p);
}

static void
deliver_progress (StoriesArgs *a,
                  double       fraction)
{
  Progress *p = g_new0 (Progress, 1);

  p->service = g_object_ref (a->service);
  p->run = a->run;
  p->fraction = fraction;
  _dossier_library_post (a->context, progress_in_context, p, progress_free);
}

static void start (DossierStories *self, gboolean full);

static void
on_updated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierStories) self = user_data;
  g_autoptr(GError) error = NULL;
  Updated *done = _dossier_library_finish (DOSSIER_LIBRARY (source), result, &update_call, &error);

  if (done == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    g_warning ("%s", error->message);
  /* an undated article now in a story with dated ones has evidence for
   * its date that the suggestions made right after the import lacked */
  if (done != NULL && done->grouped)
    dossier_dates_suggest_in_background (self->library);
  /* the last report may still be on its way: a finished run reads 1 */
  if (error == NULL && self->progress < 1)
    {
      self->progress = 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  self->running = FALSE;
  self->grouped = done != NULL && done->grouped;
  g_clear_pointer (&self->touched, g_array_unref);
  if (done != NULL)
    self->touched = g_steal_pointer (&done->touched);
  g_clear_pointer (&done, updated_free);
  self->progress = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (error == NULL)
    g_signal_emit (self, signals[UPDATED], 0);
  if (self->again && !g_cancellable_is_cancelled (self->cancellable))
    {
      gboolean full = self->again_full;

      self->again = self->again_full = FALSE;
      start (self, full);
    }
}

static void
start (DossierStories *self,
       gboolean        full)
{
  StoriesArgs *a = g_new0 (StoriesArgs, 1);

  a->full = full;
  a->tell = TRUE;
  a->service = g_object_ref (self);
  a->context = g_main_context_ref_thread_default ();
  a->run = ++self->run;
  self->running = TRUE;
  self->progress = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  _dossier_library_run_async (self->library, &update_call, a, args_free, self->cancellable,
                              on_updated, g_object_ref (self));
}

void
dossier_stories_refresh (DossierStories *self,
                         gboolean        full)
{
  g_return_if_fail (DOSSIER_IS_STORIES (self));

  if (self->running)
    {
      self->again = TRUE;
      self->again_full |= full;
      return;
    }
  start (self, full);
}

static void
on_library_changed (DossierStories *self)
{
  dossier_stories_refresh (self, FALSE);
}

gboolean
dossier_stories_get_running (DossierStories *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES (self), FALSE);

  return self->running;
}

const GArray *
dossier_stories_get_touched (DossierStories *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES (self), NULL);
  return self->touched;
}

gboolean
dossier_stories_get_grouped (DossierStories *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES (self), FALSE);
  return self->grouped;
}

double
dossier_stories_get_progress (DossierStories *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES (self), 0);

  return self->progress;
}

static void
dossier_stories_constructed (GObject *object)
{
  DossierStories *self = DOSSIER_STORIES (object);

  G_OBJECT_CLASS (dossier_stories_parent_class)->constructed (object);

  self->changed_id = g_signal_connect_swapped (self->library, "changed",
                                               G_CALLBACK (on_library_changed), self);
  /* what an import or an upgrade left */
  start (self, FALSE);
}

static void
dossier_stories_dispose (GObject *object)
{
  DossierStories *self = DOSSIER_STORIES (object);

  g_cancellable_cancel (self->cancellable);
  if (self->library != NULL)
    g_clear_signal_handler (&self->changed_id, self->library);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (dossier_stories_parent_class)->dispose (object);
}

static void
dossier_stories_finalize (GObject *object)
{
  DossierStories *self = DOSSIER_STORIES (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->touched, g_array_unref);
  G_OBJECT_CLASS (dossier_stories_parent_class)->finalize (object);
}

static void
dossier_stories_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierStories *self = DOSSIER_STORIES (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_stories_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierStories *self = DOSSIER_STORIES (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_stories_class_init (DossierStoriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dossier_stories_constructed;
  object_class->dispose = dossier_stories_dispose;
  object_class->finalize = dossier_stories_finalize;
  object_class->get_property = dossier_stories_get_property;
  object_class->set_property = dossier_stories_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the stories and similar articles changed */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_stories_init (DossierStories *self)
{
  self->cancellable = g_cancellable_new ();
}

DossierStories *
dossier_stories_new (DossierLibrary *library)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return g_object_new (DOSSIER_TYPE_STORIES, "library", library, NULL);
}
