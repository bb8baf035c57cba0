/* dossier-library.c — the one object the GUI and the CLI talk to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A facade over the store.  Each call is a DossierLibraryCall (see
 * dossier-library-private.h): an operation on the store's thread, the way
 * its result is freed and the signal it emits.  The public functions only
 * pack their arguments into an Args and hand it to one of three runners.
 */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "dossier-library-private.h"
#include "dossier-library-calls.h"

struct _DossierLibrary
{
  GObject       parent_instance;

  char         *path;
  DossierStore *store;
};

G_DEFINE_FINAL_TYPE (DossierLibrary, dossier_library, G_TYPE_OBJECT)

enum { CHANGED, CHANGED_IN_DETAIL, SAVED_SEARCHES_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- the three runners --- */

typedef struct
{
  const DossierLibraryCall *call;
  gpointer                  data;
  GDestroyNotify            data_free;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;

  if (job->data_free)
    job->data_free (job->data);
  g_free (job);
}

static const DossierLibraryCall open_call;

/* A call queued before the library was closed, or made after, finds no
 * database: it fails as closed, which callers in the background take as
 * the end of their work rather than as an error to show. */
static gpointer
run_call (DossierStore             *store,
          const DossierLibraryCall *call,
          gpointer                  data,
          GCancellable             *cancellable,
          GError                  **error)
{
  if (call != &open_call && !dossier_store_is_open (store))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The library is closed"));
      return NULL;
    }
  return call->op (store, data, cancellable, error);
}

typedef struct
{
  const DossierLibraryCall *call;
  gpointer                  data;
} SyncJob;

static gpointer
run_sync_on_worker (DossierStore  *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SyncJob *job = data;

  return run_call (store, job->call, job->data, cancellable, error);
}

static void
run_job_on_worker (DossierStore *store,
                   GTask        *task,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  gpointer result = run_call (store, job->call, job->data, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->call->result_free);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  GError *error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);
  Job *job = g_task_get_task_data (outer);
  DossierLibrary *self = g_task_get_source_object (outer);

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    {
      DossierLibraryChange change = { DOSSIER_LIBRARY_CHANGE_OTHER, NULL, 0 };
      /* told from the result before the caller takes it; what it lists
       * lies in the call's data, kept until the end here */
      gboolean told = job->call->describe != NULL && job->call->describe (job->data, value, &change);

      g_task_return_pointer (outer, value, job->call->result_free);
      if (told)
        _dossier_library_emit_change (self, &change);
      else
        _dossier_library_emit (self, job->call->emits);
    }
  g_object_unref (outer);
}

gpointer
_dossier_library_run (DossierLibrary            *self,
                      const DossierLibraryCall  *call,
                      gpointer                   data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  SyncJob job = { call, data };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_store_run (self->store, run_sync_on_worker, &job, cancellable, error);
}

void
_dossier_library_run_async (DossierLibrary            *self,
                            const DossierLibraryCall  *call,
                            gpointer                   data,
                            GDestroyNotify             data_free,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  GTask *outer;
  GTask *inner;
  Job *job;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  /* Only the outer task holds the library: the inner one may be freed on
   * the worker thread, which must never drop the library's last ref (its
   * dispose joins that very thread). */
  outer = g_task_new (self, cancellable, callback, user_data);
  inner = g_task_new (NULL, cancellable, on_job_done_cb, outer);
  job = g_new0 (Job, 1);
  job->call = call;
  job->data = data;
  job->data_free = data_free;
  g_task_set_source_tag (outer, (gpointer) call);
  g_task_set_task_data (outer, job, job_free);
  if (call->background)
    dossier_store_submit_background (self->store, inner, run_job_on_worker, job, NULL);
  else
    dossier_store_submit (self->store, inner, run_job_on_worker, job, NULL);
  g_object_unref (inner);
}

gpointer
_dossier_library_finish (DossierLibrary            *self,
                         GAsyncResult              *result,
                         const DossierLibraryCall  *call,
                         GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == call, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
_dossier_library_slice_size (guint  done,
                             gint64 elapsed,
                             guint  min,
                             guint  max)
{
  guint64 n;

  g_return_val_if_fail (min > 0 && min <= max, min);

  if (elapsed <= 0)
    n = (guint64) done * 2;
  else
    n = MIN ((guint64) done * DOSSIER_LIBRARY_SLICE_USEC / (guint64) elapsed, (guint64) done * 2);
  return (guint) CLAMP (n, min, max);
}

void
_dossier_library_post (GMainContext   *context,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[dossier] from the store's thread");
  g_source_attach (source, context);
}

void
_dossier_library_emit (DossierLibrary      *self,
                       DossierLibraryEmits  emits)
{
  DossierLibraryChange change = { DOSSIER_LIBRARY_CHANGE_OTHER, NULL, 0 };

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  switch (emits)
    {
    case DOSSIER_LIBRARY_EMITS_NOTHING:
      break;
    case DOSSIER_LIBRARY_EMITS_CHANGED:
      _dossier_library_emit_change (self, &change);
      break;
    case DOSSIER_LIBRARY_EMITS_CHANGED_ADDED:
      change.kind = DOSSIER_LIBRARY_CHANGE_ADDED;
      _dossier_library_emit_change (self, &change);
      break;
    case DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES:
      change.kind = DOSSIER_LIBRARY_CHANGE_NO_STORIES;
      _dossier_library_emit_change (self, &change);
      break;
    case DOSSIER_LIBRARY_EMITS_SAVED_SEARCHES_CHANGED:
      g_signal_emit (self, signals[SAVED_SEARCHES_CHANGED], 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_dossier_library_emit_change (DossierLibrary             *self,
                              const DossierLibraryChange *change)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (change != NULL);

  g_signal_emit (self, signals[CHANGED_IN_DETAIL], 0, change);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* --- GObject --- */

static void
dossier_library_dispose (GObject *object)
{
  DossierLibrary *self = DOSSIER_LIBRARY (object);

  if (self->store != NULL)
    dossier_store_close (self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_library_parent_class)->dispose (object);
}

static void
dossier_library_finalize (GObject *object)
{
  DossierLibrary *self = DOSSIER_LIBRARY (object);

  g_free (self->path);

  G_OBJECT_CLASS (dossier_library_parent_class)->finalize (object);
}

static void
dossier_library_class_init (DossierLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_library_dispose;
  object_class->finalize = dossier_library_finalize;

  /**
   * DossierLibrary::changed:
   *
   * Emitted in the main context after articles or annotations were
   * added, changed or removed through this object's async calls.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * DossierLibrary::changed-in-detail:
   * @change: (type gpointer): the const DossierLibraryChange that says
   *   what changed
   *
   * Emitted just before each ::changed, for whoever can do less when
   * told what changed (the Stories section re-reads only the stories a
   * delete touched).
   */
  signals[CHANGED_IN_DETAIL] = g_signal_new ("changed-in-detail", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * DossierLibrary::saved-searches-changed:
   *
   * Emitted in the main context after a search was saved or removed.
   */
  signals[SAVED_SEARCHES_CHANGED] = g_signal_new ("saved-searches-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_library_init (DossierLibrary *self)
{
  self->store = dossier_store_new ();
}

char *
dossier_library_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "library.db", NULL);
}

DossierLibrary *
dossier_library_new (const char *path)
{
  DossierLibrary *self = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);

  self->path = path ? g_strdup (path) : dossier_library_default_path ();
  return self;
}

const char *
dossier_library_get_path (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  return self->path;
}

DossierStore *
dossier_library_get_store (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  return self->store;
}

void
dossier_library_close (DossierLibrary *self)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  dossier_store_close (self->store);
}

/* --- open --- */

static gpointer
open_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_open (store, a->text, a->limit != 0, error) ? DONE : NULL;
}

static const DossierLibraryCall open_call = { open_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
dossier_library_open_sync (DossierLibrary  *self,
                           gboolean         create,
                           GError         **error)
{
  Args a = { .limit = create };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  a.text = self->path;
  return run_sync (self, &open_call, &a, error) != NULL;
}

void
dossier_library_open_async (DossierLibrary      *self,
                            gboolean             create,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Args *a;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  a = args_new ();
  a->text = g_strdup (self->path);
  a->limit = create;
  run_async (self, &open_call, a, cancellable, callback, user_data);
}

gboolean
dossier_library_open_finish (DossierLibrary  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return finish_boolean (self, result, &open_call, error);
}

/* --- import: a facade over DossierImporter --- */

GPtrArray *
dossier_library_import_sync (DossierLibrary        *self,
                             const char * const    *paths,
                             DossierImportProgress  progress,
                             gpointer               user_data,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autoptr(DossierImporter) importer = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  importer = dossier_importer_new (self);
  return dossier_importer_run_sync (importer, paths, progress, user_data, cancellable, error);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *results = dossier_importer_run_finish (DOSSIER_IMPORTER (source), result, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_library_import_async (DossierLibrary        *self,
                              const char * const    *paths,
                              DossierImportProgress  progress,
                              gpointer               progress_data,
                              GDestroyNotify         progress_destroy,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(DossierImporter) importer = NULL;
  GTask *task;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_import_async);
  importer = dossier_importer_new (self);
  dossier_importer_run_async (importer, paths, progress, progress_data, progress_destroy,
                              cancellable, on_import_done_cb, task);
}

GPtrArray *
dossier_library_import_finish (DossierLibrary  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_library_import_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
add_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  gint64 duplicate_of = 0;
  gint64 id = dossier_store_insert_article (store, DOSSIER_ARTICLE (a->object), &duplicate_of, error);

  a->id = duplicate_of;
  return id > 0 ? DONE : NULL;
}

static const DossierLibraryCall add_article_call = { add_article_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_library_add_article_sync (DossierLibrary  *self,
                                  DossierArticle  *article,
                                  gint64          *duplicate_of,
                                  GError         **error)
{
  Args a = { .object = G_OBJECT (article) };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), 0);

  run_sync (self, &add_article_call, &a, error);
  if (duplicate_of)
    *duplicate_of = a.id;
  return a.id ? 0 : dossier_article_get_id (article);
}

/* --- articles --- */

static gpointer
count_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  GError *local_error = NULL;

  a->limit = dossier_store_count_articles (store, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return DONE;
}

static const DossierLibraryCall count_call = { count_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

guint
dossier_library_count_sync (DossierLibrary  *self,
                            GError         **error)
{
  Args a = { 0 };

  return run_sync (self, &count_call, &a, error) ? a.limit : 0;
}

static gpointer
map_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_map_for_reading (store, error) ? DONE : NULL;
}

static const DossierLibraryCall map_call = { map_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
dossier_library_map_for_reading_sync (DossierLibrary  *self,
                                      GError         **error)
{
  return run_sync (self, &map_call, NULL, error) != NULL;
}

static gpointer
get_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_get_article (store, a->id, TRUE, error);
}

static const DossierLibraryCall get_article_call = { get_article_op, g_object_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierArticle *
dossier_library_get_article_sync (DossierLibrary  *self,
                                  gint64           id,
                                  GError         **error)
{
  Args a = { .id = id };

  return run_sync (self, &get_article_call, &a, error);
}

void
dossier_library_get_article_async (DossierLibrary      *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_async (self, &get_article_call, args_new_id (id), cancellable, callback, user_data);
}

DossierArticle *
dossier_library_get_article_finish (DossierLibrary  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _dossier_library_finish (self, result, &get_article_call, error);
}

static gpointer
update_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_update_article (store, DOSSIER_ARTICLE (a->object), error) ? DONE : NULL;
}

static const DossierLibraryCall update_article_call = { update_article_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_library_update_article_sync (DossierLibrary  *self,
                                     DossierArticle  *article,
                                     GError         **error)
{
  Args a = { .object = G_OBJECT (article) };

  return run_sync (self, &update_article_call, &a, error) != NULL;
}

void
dossier_library_update_article_async (DossierLibrary      *self,
                                      DossierArticle      *article,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  run_async (self, &update_article_call, args_new_object (article), cancellable, callback, user_data);
}

gboolean
dossier_library_update_article_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_boolean (self, result, &update_article_call, error);
}

static gpointer
set_body_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  guint orphaned = 0;

  if (!dossier_store_set_article_body (store, a->id, a->text, &orphaned, error))
    return NULL;
  a->limit = orphaned;
  return DONE;
}

static const DossierLibraryCall set_body_call = { set_body_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_library_set_body_sync (DossierLibrary  *self,
                               gint64           id,
                               const char      *body,
                               guint           *n_orphaned,
                               GError         **error)
{
  Args a = { .id = id, .text = (char *) body };
  gboolean ok = run_sync (self, &set_body_call, &a, error) != NULL;

  if (n_orphaned)
    *n_orphaned = a.limit;
  return ok;
}

static gpointer
delete_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_delete_article (store, a->id, error) ? DONE : NULL;
}

static const DossierLibraryCall delete_article_call = { delete_article_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_library_delete_article_sync (DossierLibrary  *self,
                                     gint64           id,
                                     GError         **error)
{
  Args a = { .id = id };

  return run_sync (self, &delete_article_call, &a, error) != NULL;
}

struct _DossierDeletedArticle
{
  DossierArticle *article;      /* with its body */
  GPtrArray      *annotations;  /* DossierAnnotation, with their uuids */
  char           *kept_rows;    /* its tags, date evidence, links… (JSON) */
  gint64          story;        /* its story before, or when put back: 0 for none */
};

void
dossier_deleted_article_free (DossierDeletedArticle *deleted)
{
  if (deleted == NULL)
    return;
  g_clear_object (&deleted->article);
  g_clear_pointer (&deleted->annotations, g_ptr_array_unref);
  g_free (deleted->kept_rows);
  g_free (deleted);
}

DossierArticle *
dossier_deleted_article_get_article (DossierDeletedArticle *deleted)
{
  g_return_val_if_fail (deleted != NULL, NULL);
  return deleted->article;
}

guint
dossier_deleted_article_get_n_annotations (DossierDeletedArticle *deleted)
{
  g_return_val_if_fail (deleted != NULL, 0);
  return deleted->annotations->len;
}

/* Reads the article and its notes, then deletes it, in one transaction:
 * what comes back is enough to put it back as it was. */
static gpointer
delete_keep_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  DossierDeletedArticle *deleted = g_new0 (DossierDeletedArticle, 1);

  if (!dossier_store_begin (store, error))
    {
      g_free (deleted);
      return NULL;
    }
  deleted->article = dossier_store_get_article (store, a->id, TRUE, error);
  if (deleted->article != NULL)
    deleted->annotations = dossier_store_list_annotations (store, a->id, NULL, error);
  if (deleted->annotations != NULL)
    deleted->kept_rows = dossier_store_keep_article_rows (store, a->id, error);
  if (deleted->kept_rows != NULL)
    deleted->story = dossier_store_story_of (store, a->id, error);
  if (deleted->kept_rows == NULL || deleted->story < 0 ||
      !dossier_store_delete_article (store, a->id, error) ||
      !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      dossier_deleted_article_free (deleted);
      return NULL;
    }
  return deleted;
}

/* the story the article was in is all a delete changes of the stories
 * (a story emptied is gone from the list, which no longer groups it);
 * @removed is the article deleted, 0 when it was put back */
static gboolean
tell_story_of (gint64                id,
               gint64                removed,
               DossierLibraryChange *change)
{
  /* a static home: the change is read in the signal's emission alone,
   * always in the main context */
  static gint64 story, article;

  story = id;
  article = removed;
  change->kind = DOSSIER_LIBRARY_CHANGE_STORIES;
  change->stories = &story;
  change->n_stories = id > 0 ? 1 : 0;
  change->removed = &article;
  change->n_removed = removed > 0 ? 1 : 0;
  return TRUE;
}

static gboolean
describe_delete (gpointer              data,
                 gpointer              result,
                 DossierLibraryChange *change)
{
  DossierDeletedArticle *deleted = result;

  return tell_story_of (deleted->story, dossier_article_get_id (deleted->article), change);
}

static const DossierLibraryCall delete_keep_call =
  { delete_keep_op, (GDestroyNotify) dossier_deleted_article_free, DOSSIER_LIBRARY_EMITS_CHANGED,
    FALSE, describe_delete };

void
dossier_library_delete_article_async (DossierLibrary      *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  run_async (self, &delete_keep_call, args_new_id (id), cancellable, callback, user_data);
}

DossierDeletedArticle *
dossier_library_delete_article_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (self, result, &delete_keep_call, error);
}

/* The article comes back under its own id (a new one if that was taken
 * meanwhile), with its notes (same uuids) re-attached to it and the rows
 * it took with it put back; all or nothing. */
static gpointer
restore_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  DossierDeletedArticle *deleted = data;
  gint64 old_id = dossier_article_get_id (deleted->article);
  gint64 id, duplicate = 0;

  if (!dossier_store_begin (store, error))
    return NULL;
  id = dossier_store_reinsert_article (store, deleted->article, &duplicate, error);
  if (id <= 0 && duplicate > 0)
    {
      /* the same text came back meanwhile (imported again): keep that one
       * and give it the notes */
      id = duplicate;
      g_clear_error (error);
    }
  for (guint i = 0; id > 0 && i < deleted->annotations->len; i++)
    {
      DossierAnnotation *n = g_ptr_array_index (deleted->annotations, i);

      dossier_annotation_set_article_id (n, id);
      if (dossier_store_insert_annotation (store, n, error) <= 0)
        id = 0;
    }
  if (id > 0 && !dossier_store_put_back_article_rows (store, old_id, id, deleted->kept_rows, error))
    id = 0;
  if (id > 0 && (deleted->story = dossier_store_story_of (store, id, error)) < 0)
    id = 0;
  if (id <= 0 || !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  return GSIZE_TO_POINTER ((gsize) id);
}

static gboolean
describe_restore (gpointer              data,
                  gpointer              result,
                  DossierLibraryChange *change)
{
  DossierDeletedArticle *deleted = data;

  return tell_story_of (deleted->story, 0, change);
}

static const DossierLibraryCall restore_call =
  { restore_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED, FALSE, describe_restore };

void
dossier_library_restore_article_async (DossierLibrary        *self,
                                       DossierDeletedArticle *deleted,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  _dossier_library_run_async (self, &restore_call, deleted, (GDestroyNotify) dossier_deleted_article_free,
                              cancellable, callback, user_data);
}

gint64
dossier_library_restore_article_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return (gint64) GPOINTER_TO_SIZE (_dossier_library_finish (self, result, &restore_call, error));
}

/* --- search --- */

static gpointer
search_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_search (store, a->query, a->limit, cancellable, error);
}

static const DossierLibraryCall search_call =
  { search_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_library_search_sync (DossierLibrary  *self,
                             DossierQuery    *query,
                             guint            limit,
                             GError         **error)
{
  Args a = { .query = query, .limit = limit };

  return run_sync (self, &search_call, &a, error);
}

void
dossier_library_search_async (DossierLibrary      *self,
                              DossierQuery        *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *a = args_new_query (query);

  a->limit = limit;
  run_async (self, &search_call, a, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_search_finish (DossierLibrary  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return _dossier_library_finish (self, result, &search_call, error);
}

static gpointer
query_ids_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_query_article_ids (store, a->query, cancellable, error);
}

static const DossierLibraryCall query_ids_call =
  { query_ids_op, (GDestroyNotify) g_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_library_query_ids_async (DossierLibrary      *self,
                                 DossierQuery        *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_async (self, &query_ids_call, args_new_query (query), cancellable, callback, user_data);
}

GArray *
dossier_library_query_ids_finish (DossierLibrary  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return _dossier_library_finish (self, result, &query_ids_call, error);
}

static gpointer
load_articles_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_load_articles (store, a->ids, a->n_ids, a->query, error);
}

static const DossierLibraryCall load_articles_call =
  { load_articles_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_library_load_articles_async (DossierLibrary      *self,
                                     const gint64        *ids,
                                     guint                n_ids,
                                     DossierQuery        *query,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *a = args_new_query (query);

  a->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  a->n_ids = n_ids;
  run_async (self, &load_articles_call, a, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_load_articles_finish (DossierLibrary  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _dossier_library_finish (self, result, &load_articles_call, error);
}

static gpointer
timeline_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_timeline_points (store, a->query, error);
}

static const DossierLibraryCall timeline_call =
  { timeline_op, (GDestroyNotify) g_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GArray *
dossier_library_timeline_points_sync (DossierLibrary  *self,
                                      DossierQuery    *query,
                                      GError         **error)
{
  Args a = { .query = query };

  return run_sync (self, &timeline_call, &a, error);
}

void
dossier_library_timeline_points_async (DossierLibrary      *self,
                                       DossierQuery        *query,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  run_async (self, &timeline_call, args_new_query (query), cancellable, callback, user_data);
}

GArray *
dossier_library_timeline_points_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return _dossier_library_finish (self, result, &timeline_call, error);
}

static gpointer
sources_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_sources (store, error);
}

static const DossierLibraryCall sources_call = { sources_op, (GDestroyNotify) g_strfreev, DOSSIER_LIBRARY_EMITS_NOTHING };

char **
dossier_library_list_sources_sync (DossierLibrary  *self,
                                   GError         **error)
{
  return run_sync (self, &sources_call, NULL, error);
}

/* --- saved searches --- */

static gpointer
list_searches_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_saved_searches (store, error);
}

static const DossierLibraryCall list_searches_call =
  { list_searches_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_library_list_saved_searches_async (DossierLibrary      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  run_async (self, &list_searches_call, args_new (), cancellable, callback, user_data);
}

GPtrArray *
dossier_library_list_saved_searches_finish (DossierLibrary  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return _dossier_library_finish (self, result, &list_searches_call, error);
}

GPtrArray *
dossier_library_list_saved_searches_sync (DossierLibrary  *self,
                                          GError         **error)
{
  return run_sync (self, &list_searches_call, NULL, error);
}

/* Saving and deleting share one finish function, so they share a source
 * tag: both are changes of the saved searches. */
static gpointer
change_search_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  if (a->text != NULL)
    return dossier_store_save_search (store, a->name ? a->name : a->text, a->text, error) > 0 ? DONE : NULL;
  return dossier_store_delete_saved_search (store, a->id, error) ? DONE : NULL;
}

static const DossierLibraryCall change_search_call =
  { change_search_op, NULL, DOSSIER_LIBRARY_EMITS_SAVED_SEARCHES_CHANGED };

void
dossier_library_save_search_async (DossierLibrary      *self,
                                   const char          *name,
                                   const char          *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *a;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (query != NULL);

  a = args_new ();
  a->text = g_strdup (query);
  a->name = g_strdup (name);
  run_async (self, &change_search_call, a, cancellable, callback, user_data);
}

void
dossier_library_delete_saved_search_async (DossierLibrary      *self,
                                           gint64               id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  run_async (self, &change_search_call, args_new_id (id), cancellable, callback, user_data);
}

gboolean
dossier_library_saved_search_finish (DossierLibrary  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_boolean (self, result, &change_search_call, error);
}
