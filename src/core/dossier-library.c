/* dossier-library.c — the one object the GUI and the CLI talk to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <sys/stat.h>

#include "dossier-library.h"
#include "dossier-anchor.h"
#include "dossier-extract.h"

#define IMPORT_BATCH 1024

struct _DossierLibrary
{
  GObject       parent_instance;

  char         *path;
  DossierStore *store;
};

G_DEFINE_FINAL_TYPE (DossierLibrary, dossier_library, G_TYPE_OBJECT)

enum { CHANGED, SAVED_SEARCHES_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef gpointer (*Op) (DossierStore  *store,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error);

typedef struct
{
  Op             op;
  gpointer       data;
  GDestroyNotify destroy;
  GDestroyNotify result_free;
  gboolean       mutates;
} OpCall;

static void
op_call_free (gpointer p)
{
  OpCall *call = p;

  if (call->destroy)
    call->destroy (call->data);
  g_free (call);
}

static void
run_op_on_worker (DossierStore *store,
                  GTask        *task,
                  gpointer      data,
                  GCancellable *cancellable)
{
  OpCall *call = data;
  GError *error = NULL;
  gpointer result = call->op (store, call->data, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call->result_free);
}

static void
on_op_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *outer = user_data;
  GError *error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);
  OpCall *call = g_task_get_task_data (outer);
  DossierLibrary *self = g_task_get_source_object (outer);

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    {
      g_task_return_pointer (outer, value, call->result_free);
      if (call->mutates)
        g_signal_emit (self, signals[CHANGED], 0);
    }
  g_object_unref (outer);
}

/* Queues @op on the worker; @callback gets a GTask whose pointer is the
 * op's result.  A mutating op emits ::changed when it succeeded. */
static void
run_async (DossierLibrary      *self,
           gpointer             source_tag,
           Op                   op,
           gpointer             data,
           GDestroyNotify       destroy,
           GDestroyNotify       result_free,
           gboolean             mutates,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  /* Only the outer task holds the library: the inner one may be freed on
   * the worker thread, which must never drop the library's last ref (its
   * dispose joins that very thread). */
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  GTask *inner = g_task_new (NULL, cancellable, on_op_done_cb, outer);
  OpCall *call = g_new0 (OpCall, 1);

  call->op = op;
  call->data = data;
  call->destroy = destroy;
  call->result_free = result_free;
  call->mutates = mutates;
  g_task_set_source_tag (outer, source_tag);
  g_task_set_task_data (outer, call, op_call_free);
  dossier_store_submit (self->store, inner, run_op_on_worker, call, NULL);
  g_object_unref (inner);
}

static gpointer
finish_pointer (DossierLibrary  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (DossierLibrary  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  finish_pointer (self, result, source_tag, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
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

typedef struct
{
  char     *path;
  gboolean  create;
} OpenData;

static void
open_data_free (gpointer p)
{
  OpenData *d = p;

  g_free (d->path);
  g_free (d);
}

static gpointer
open_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  OpenData *d = data;

  return dossier_store_open (store, d->path, d->create, error) ? GINT_TO_POINTER (1) : NULL;
}

static OpenData *
open_data_new (DossierLibrary *self,
               gboolean        create)
{
  OpenData *d = g_new0 (OpenData, 1);

  d->path = g_strdup (self->path);
  d->create = create;
  return d;
}

gboolean
dossier_library_open_sync (DossierLibrary  *self,
                           gboolean         create,
                           GError         **error)
{
  OpenData *d;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  d = open_data_new (self, create);
  ok = dossier_store_run (self->store, open_op, d, NULL, error) != NULL;
  open_data_free (d);
  return ok;
}

void
dossier_library_open_async (DossierLibrary      *self,
                            gboolean             create,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  run_async (self, dossier_library_open_async, open_op, open_data_new (self, create),
             open_data_free, NULL, FALSE, cancellable, callback, user_data);
}

gboolean
dossier_library_open_finish (DossierLibrary  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return finish_boolean (self, result, dossier_library_open_async, error);
}

/* --- import --- */

void
dossier_import_result_free (DossierImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_free (result->error);
  g_free (result);
}

typedef struct
{
  DossierImportResult *result;
  DossierArticle      *article;   /* NULL when extraction failed */
} Pending;

static gpointer
insert_batch_op (DossierStore  *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GArray *batch = data;
  g_autoptr(GArray) inserted = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < batch->len; i++)
    {
      Pending *p = &g_array_index (batch, Pending, i);
      g_autoptr(GError) local_error = NULL;
      gint64 duplicate_of = 0;
      gint64 id;

      if (p->article == NULL)
        continue;
      id = dossier_store_insert_article (store, p->article, &duplicate_of, &local_error);
      if (local_error != NULL)
        {
          /* a disk error ends the batch: nothing of it is kept */
          dossier_store_rollback (store);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (id > 0)
        {
          p->result->status = DOSSIER_IMPORT_IMPORTED;
          p->result->id = id;
          g_array_append_val (inserted, id);
        }
      else
        {
          p->result->status = DOSSIER_IMPORT_DUPLICATE;
          p->result->id = duplicate_of;
        }
    }
  /* what recurs across a source's articles is its boilerplate */
  if (!dossier_store_learn_boilerplate (store, inserted, NULL, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

typedef struct
{
  DossierLibrary        *self;
  GPtrArray             *results;
  GArray                *batch;
  GHashTable            *visited;    /* dev:inode of folders on the path */
  DossierImportProgress  progress;
  gpointer               progress_data;
  GMainContext          *progress_context;
  guint                  done;
  guint                  total;
  GCancellable          *cancellable;
  /* the batch being written while the next one is extracted */
  GArray                *writing;
  GThread               *writer;
} Importer;

typedef struct
{
  DossierImportProgress  progress;
  gpointer               data;
  DossierImportResult    result;
  guint                  done;
  guint                  total;
} ProgressCall;

static gboolean
deliver_progress (gpointer p)
{
  ProgressCall *call = p;

  call->progress (&call->result, call->done, call->total, call->data);
  g_free (call->result.file);
  g_free (call->result.error);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
report (Importer                  *im,
        const DossierImportResult *result)
{
  ProgressCall *call;

  im->done++;
  if (im->progress == NULL)
    return;
  if (im->progress_context == NULL)
    {
      im->progress (result, im->done, im->total, im->progress_data);
      return;
    }
  call = g_new0 (ProgressCall, 1);
  call->progress = im->progress;
  call->data = im->progress_data;
  call->result = *result;
  call->result.file = g_strdup (result->file);
  call->result.error = g_strdup (result->error);
  call->done = im->done;
  call->total = im->total;
  g_main_context_invoke (im->progress_context, deliver_progress, call);
}

static gpointer
write_batch_thread (gpointer data)
{
  Importer *im = data;
  GError *error = NULL;

  dossier_store_run (im->self->store, insert_batch_op, im->writing, NULL, &error);
  return error;
}

/* Waits for the batch being written and reports its files. */
static gboolean
finish_write (Importer  *im,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (im->writer == NULL)
    return TRUE;
  local_error = g_thread_join (im->writer);
  im->writer = NULL;

  for (guint i = 0; i < im->writing->len; i++)
    {
      Pending *p = &g_array_index (im->writing, Pending, i);

      if (local_error != NULL && p->article != NULL)
        {
          p->result->status = DOSSIER_IMPORT_FAILED;
          g_free (p->result->error);
          p->result->error = g_strdup_printf (_("%s: not saved: %s"), p->result->file,
                                              local_error->message);
        }
      report (im, p->result);
      g_clear_object (&p->article);
    }
  g_array_set_size (im->writing, 0);

  /* a library that cannot be written ends the import */
  if (local_error != NULL &&
      !g_error_matches (local_error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DUPLICATE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Hands the batch to a writer and goes back to extracting: the store's
 * thread inserts one batch while this one reads and parses the next. */
static gboolean
flush_batch (Importer  *im,
             GError   **error)
{
  GArray *swap;

  if (!finish_write (im, error))
    return FALSE;
  if (im->batch->len == 0)
    return TRUE;
  swap = im->writing;
  im->writing = im->batch;
  im->batch = swap;
  im->writer = g_thread_new ("dossier-import-writer", write_batch_thread, im);
  return TRUE;
}

static DossierArticle *
article_from_extracted (DossierExtracted *x,
                        const char       *path)
{
  DossierArticle *article = dossier_article_new ();
  g_autofree char *base = g_path_get_basename (path);

  dossier_article_set_title (article, x->title);
  dossier_article_set_byline (article, x->byline);
  dossier_article_set_source (article, x->source);
  dossier_article_set_url (article, x->url);
  dossier_article_set_language (article, x->language);
  dossier_article_set_published (article, &x->published);
  dossier_article_set_date_origin (article, x->date_origin);
  dossier_article_set_body (article, x->body);
  dossier_article_set_file_name (article, base);
  return article;
}

static gboolean
import_one_file (Importer    *im,
                 GFile       *file,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DossierExtracted) x = NULL;
  DossierImportResult *result = g_new0 (DossierImportResult, 1);
  Pending p = { result, NULL };

  result->file = g_strdup (path);
  g_ptr_array_add (im->results, result);

  x = dossier_extract_file (file, im->cancellable, &local_error);
  if (x == NULL)
    {
      result->status = DOSSIER_IMPORT_FAILED;
      result->error = g_strdup (local_error->message);
    }
  else
    p.article = article_from_extracted (x, path);

  g_array_append_val (im->batch, p);
  if (im->batch->len >= IMPORT_BATCH)
    return flush_batch (im, error);
  return TRUE;
}

static void
fail_path (Importer   *im,
           const char *path,
           const char *message)
{
  DossierImportResult *result = g_new0 (DossierImportResult, 1);
  Pending p = { result, NULL };

  result->file = g_strdup (path);
  result->status = DOSSIER_IMPORT_FAILED;
  result->error = g_strdup (message);
  g_ptr_array_add (im->results, result);
  g_array_append_val (im->batch, p);
}

static gboolean import_path (Importer *im, GFile *file, GError **error);

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}


static gboolean
import_folder (Importer    *im,
               GFile       *folder,
               GFileInfo   *info,
               GError     **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_file_get_path (folder);
  /* unix::device is a uint32 attribute, unix::inode a uint64 one */
  g_autofree char *key = g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
  GFileInfo *child;
  gboolean ok = TRUE;

  if (g_hash_table_contains (im->visited, key))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: skipped: a link leads back into a folder already being imported"), path);
      fail_path (im, path, message);
      return TRUE;
    }

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, im->cancellable, &local_error);
  if (children == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: cannot read the folder: %s"), path,
                                                  local_error->message);
      fail_path (im, path, message);
      return TRUE;
    }

  while ((child = g_file_enumerator_next_file (children, im->cancellable, NULL)) != NULL)
    {
      if (!g_file_info_get_is_hidden (child))
        g_ptr_array_add (names, g_file_get_child (folder, g_file_info_get_name (child)));
      g_object_unref (child);
    }
  /* a stable, human order */
  g_ptr_array_sort (names, compare_files);

  g_hash_table_add (im->visited, g_strdup (key));
  im->total += names->len;
  for (guint i = 0; ok && i < names->len; i++)
    {
      if (g_cancellable_is_cancelled (im->cancellable))
        break;
      ok = import_path (im, g_ptr_array_index (names, i), error);
    }
  g_hash_table_remove (im->visited, key);
  return ok;
}

static gboolean
import_path (Importer  *im,
             GFile     *file,
             GError   **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    path = g_file_get_uri (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_UNIX_DEVICE ","
                            G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, im->cancellable, &local_error);
  if (info == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        message = g_strdup_printf (_("%s: no such file or folder"), path);
      else
        message = g_strdup_printf (_("%s: %s"), path, local_error->message);
      fail_path (im, path, message);
      return TRUE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      /* the folder itself is not an article */
      if (im->total > 0)
        im->total--;
      return import_folder (im, file, info, error);
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *message = g_strdup_printf (_("%s: not a regular file"), path);
      fail_path (im, path, message);
      return TRUE;
    }
  return import_one_file (im, file, path, error);
}

static GPtrArray *
import_run (DossierLibrary        *self,
            const char * const    *paths,
            DossierImportProgress  progress,
            gpointer               user_data,
            GMainContext          *progress_context,
            GCancellable          *cancellable,
            GError               **error)
{
  Importer im = { 0 };
  gboolean ok = TRUE;

  im.self = self;
  im.results = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_import_result_free);
  im.batch = g_array_new (FALSE, TRUE, sizeof (Pending));
  im.writing = g_array_new (FALSE, TRUE, sizeof (Pending));
  im.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.progress = progress;
  im.progress_data = user_data;
  im.progress_context = progress_context;
  im.cancellable = cancellable;
  im.total = g_strv_length ((char **) paths);

  for (guint i = 0; ok && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      ok = import_path (&im, file, error);
    }
  if (ok)
    ok = flush_batch (&im, error);
  else
    {
      for (guint i = 0; i < im.batch->len; i++)
        g_clear_object (&g_array_index (im.batch, Pending, i).article);
      g_array_set_size (im.batch, 0);
    }
  /* always wait for the last write: its files are reported either way */
  if (!finish_write (&im, ok ? error : NULL))
    ok = FALSE;

  g_array_unref (im.batch);
  g_array_unref (im.writing);
  g_hash_table_unref (im.visited);

  if (!ok)
    {
      g_ptr_array_unref (im.results);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (im.results);
      return NULL;
    }
  return im.results;
}

GPtrArray *
dossier_library_import_sync (DossierLibrary        *self,
                             const char * const    *paths,
                             DossierImportProgress  progress,
                             gpointer               user_data,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  return import_run (self, paths, progress, user_data, NULL, cancellable, error);
}

typedef struct
{
  DossierLibrary         *library;   /* borrowed: the outer task holds it */
  char                  **paths;
  DossierImportProgress   progress;
  gpointer                progress_data;
  GDestroyNotify          progress_destroy;
  GMainContext           *context;
} ImportData;

static void
import_data_free (gpointer p)
{
  ImportData *d = p;

  g_strfreev (d->paths);
  if (d->progress_destroy)
    d->progress_destroy (d->progress_data);
  g_main_context_unref (d->context);
  g_free (d);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = import_run (d->library, (const char * const *) d->paths, d->progress, d->progress_data,
                        d->context, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *outer = user_data;
  GError *error = NULL;
  GPtrArray *results = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, results, (GDestroyNotify) g_ptr_array_unref);
  /* even a cancelled import may have stored its first batches */
  g_signal_emit (g_task_get_source_object (outer), signals[CHANGED], 0);
  g_object_unref (outer);
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
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  ImportData *d = g_new0 (ImportData, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  d->library = self;
  d->paths = g_strdupv ((char **) paths);
  d->progress = progress;
  d->progress_data = progress_data;
  d->progress_destroy = progress_destroy;
  d->context = g_main_context_ref_thread_default ();

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_library_import_async);
  inner = g_task_new (NULL, cancellable, on_import_done_cb, outer);
  g_task_set_task_data (inner, d, import_data_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, import_thread);
}

GPtrArray *
dossier_library_import_finish (DossierLibrary  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return finish_pointer (self, result, dossier_library_import_async, error);
}

static gpointer
add_article_op (DossierStore  *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 *out = g_object_get_data (data, "dossier-duplicate-of");
  gint64 id = dossier_store_insert_article (store, data, out, error);

  return id > 0 ? GINT_TO_POINTER (1) : NULL;
}

gint64
dossier_library_add_article_sync (DossierLibrary  *self,
                                  DossierArticle  *article,
                                  gint64          *duplicate_of,
                                  GError         **error)
{
  gint64 dup = 0;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), 0);

  g_object_set_data (G_OBJECT (article), "dossier-duplicate-of", &dup);
  dossier_store_run (self->store, add_article_op, article, NULL, error);
  g_object_set_data (G_OBJECT (article), "dossier-duplicate-of", NULL);
  if (duplicate_of)
    *duplicate_of = dup;
  return dup ? 0 : dossier_article_get_id (article);
}

/* --- articles --- */

typedef struct
{
  gint64         id;
  gint64        *ids;
  guint          n_ids;
  char          *text;
  char          *name;
  guint          limit;
  DossierQuery  *query;
  GObject       *object;
} Args;

static void
args_free (gpointer p)
{
  Args *a = p;

  g_free (a->ids);
  g_free (a->text);
  g_free (a->name);
  g_clear_pointer (&a->query, dossier_query_free);
  g_clear_object (&a->object);
  g_free (a);
}

static Args *
args_new (void)
{
  return g_new0 (Args, 1);
}

static gpointer
count_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  GError *local_error = NULL;
  guint n = dossier_store_count_articles (store, &local_error);

  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return GUINT_TO_POINTER (n + 1);
}

guint
dossier_library_count_sync (DossierLibrary  *self,
                            GError         **error)
{
  gpointer r = dossier_store_run (self->store, count_op, NULL, NULL, error);

  return r ? GPOINTER_TO_UINT (r) - 1 : 0;
}

static gpointer
get_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_get_article (store, a->id, TRUE, error);
}

DossierArticle *
dossier_library_get_article_sync (DossierLibrary  *self,
                                  gint64           id,
                                  GError         **error)
{
  Args a = { .id = id };

  return dossier_store_run (self->store, get_article_op, &a, NULL, error);
}

void
dossier_library_get_article_async (DossierLibrary      *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *a = args_new ();

  a->id = id;
  run_async (self, dossier_library_get_article_async, get_article_op, a, args_free,
             g_object_unref, FALSE, cancellable, callback, user_data);
}

DossierArticle *
dossier_library_get_article_finish (DossierLibrary  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return finish_pointer (self, result, dossier_library_get_article_async, error);
}

static gpointer
update_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_update_article (store, DOSSIER_ARTICLE (a->object), error) ? GINT_TO_POINTER (1) : NULL;
}

gboolean
dossier_library_update_article_sync (DossierLibrary  *self,
                                     DossierArticle  *article,
                                     GError         **error)
{
  Args a = { .object = G_OBJECT (article) };

  return dossier_store_run (self->store, update_article_op, &a, NULL, error) != NULL;
}

void
dossier_library_update_article_async (DossierLibrary      *self,
                                      DossierArticle      *article,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Args *a = args_new ();

  a->object = g_object_ref (G_OBJECT (article));
  run_async (self, dossier_library_update_article_async, update_article_op, a, args_free,
             NULL, TRUE, cancellable, callback, user_data);
}

gboolean
dossier_library_update_article_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_boolean (self, result, dossier_library_update_article_async, error);
}

static gpointer
set_body_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  guint orphaned = 0;

  if (!dossier_store_set_article_body (store, a->id, a->text, &orphaned, error))
    return NULL;
  a->limit = orphaned;
  return GINT_TO_POINTER (1);
}

gboolean
dossier_library_set_body_sync (DossierLibrary  *self,
                               gint64           id,
                               const char      *body,
                               guint           *n_orphaned,
                               GError         **error)
{
  Args a = { .id = id, .text = (char *) body };
  gboolean ok = dossier_store_run (self->store, set_body_op, &a, NULL, error) != NULL;

  if (n_orphaned)
    *n_orphaned = a.limit;
  return ok;
}

static gpointer
delete_article_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_delete_article (store, a->id, error) ? GINT_TO_POINTER (1) : NULL;
}

gboolean
dossier_library_delete_article_sync (DossierLibrary  *self,
                                     gint64           id,
                                     GError         **error)
{
  Args a = { .id = id };

  return dossier_store_run (self->store, delete_article_op, &a, NULL, error) != NULL;
}

struct _DossierDeletedArticle
{
  DossierArticle *article;      /* with its body */
  GPtrArray      *annotations;  /* DossierAnnotation, with their uuids */
};

void
dossier_deleted_article_free (DossierDeletedArticle *deleted)
{
  if (deleted == NULL)
    return;
  g_clear_object (&deleted->article);
  g_clear_pointer (&deleted->annotations, g_ptr_array_unref);
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
  if (deleted->annotations == NULL ||
      !dossier_store_delete_article (store, a->id, error) ||
      !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      dossier_deleted_article_free (deleted);
      return NULL;
    }
  return deleted;
}

void
dossier_library_delete_article_async (DossierLibrary      *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Args *a = args_new ();

  a->id = id;
  run_async (self, dossier_library_delete_article_async, delete_keep_op, a, args_free,
             (GDestroyNotify) dossier_deleted_article_free, TRUE, cancellable, callback, user_data);
}

DossierDeletedArticle *
dossier_library_delete_article_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_pointer (self, result, dossier_library_delete_article_async, error);
}

/* The article comes back under its own id (a new one if that was taken
 * meanwhile), with its notes (same uuids) re-attached to it; all or
 * nothing. */
static gpointer
restore_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  DossierDeletedArticle *deleted = data;
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
  if (id <= 0 || !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  return GSIZE_TO_POINTER ((gsize) id);
}

void
dossier_library_restore_article_async (DossierLibrary        *self,
                                       DossierDeletedArticle *deleted,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  run_async (self, dossier_library_restore_article_async, restore_op, deleted,
             (GDestroyNotify) dossier_deleted_article_free, NULL, TRUE, cancellable, callback, user_data);
}

gint64
dossier_library_restore_article_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return (gint64) GPOINTER_TO_SIZE (finish_pointer (self, result, dossier_library_restore_article_async, error));
}

static gpointer
search_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_search (store, a->query, a->limit, cancellable, error);
}

GPtrArray *
dossier_library_search_sync (DossierLibrary  *self,
                             DossierQuery    *query,
                             guint            limit,
                             GError         **error)
{
  Args a = { .query = query, .limit = limit };

  return dossier_store_run (self->store, search_op, &a, NULL, error);
}

void
dossier_library_search_async (DossierLibrary      *self,
                              DossierQuery        *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *a = args_new ();

  a->query = dossier_query_copy (query);
  a->limit = limit;
  run_async (self, dossier_library_search_async, search_op, a, args_free,
             (GDestroyNotify) g_ptr_array_unref, FALSE, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_search_finish (DossierLibrary  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return finish_pointer (self, result, dossier_library_search_async, error);
}

static gpointer
query_ids_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_query_article_ids (store, a->query, cancellable, error);
}

void
dossier_library_query_ids_async (DossierLibrary      *self,
                                 DossierQuery        *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Args *a = args_new ();

  a->query = query ? dossier_query_copy (query) : NULL;
  run_async (self, dossier_library_query_ids_async, query_ids_op, a, args_free,
             (GDestroyNotify) g_array_unref, FALSE, cancellable, callback, user_data);
}

GArray *
dossier_library_query_ids_finish (DossierLibrary  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return finish_pointer (self, result, dossier_library_query_ids_async, error);
}

static gpointer
load_articles_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_load_articles (store, a->ids, a->n_ids, a->query, error);
}

void
dossier_library_load_articles_async (DossierLibrary      *self,
                                     const gint64        *ids,
                                     guint                n_ids,
                                     DossierQuery        *query,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *a = args_new ();

  a->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  a->n_ids = n_ids;
  a->query = query ? dossier_query_copy (query) : NULL;
  run_async (self, dossier_library_load_articles_async, load_articles_op, a, args_free,
             (GDestroyNotify) g_ptr_array_unref, FALSE, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_load_articles_finish (DossierLibrary  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_pointer (self, result, dossier_library_load_articles_async, error);
}

static gpointer
timeline_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *a = data;

  return dossier_store_timeline_points (store, a->query, error);
}

GArray *
dossier_library_timeline_points_sync (DossierLibrary  *self,
                                      DossierQuery    *query,
                                      GError         **error)
{
  Args a = { .query = query };

  return dossier_store_run (self->store, timeline_op, &a, NULL, error);
}

void
dossier_library_timeline_points_async (DossierLibrary      *self,
                                       DossierQuery        *query,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Args *a = args_new ();

  a->query = query ? dossier_query_copy (query) : NULL;
  run_async (self, dossier_library_timeline_points_async, timeline_op, a, args_free,
             (GDestroyNotify) g_array_unref, FALSE, cancellable, callback, user_data);
}

GArray *
dossier_library_timeline_points_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return finish_pointer (self, result, dossier_library_timeline_points_async, error);
}

static gpointer
sources_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_sources (store, error);
}

char **
dossier_library_list_sources_sync (DossierLibrary  *self,
                                   GError         **error)
{
  return dossier_store_run (self->store, sources_op, NULL, NULL, error);
}

/* --- annotations --- */

static gpointer
add_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_insert_annotation (store, DOSSIER_ANNOTATION (a->object), error) > 0
         ? GINT_TO_POINTER (1) : NULL;
}

gint64
dossier_library_add_annotation_sync (DossierLibrary     *self,
                                     DossierAnnotation  *annotation,
                                     GError            **error)
{
  Args a = { .object = G_OBJECT (annotation) };

  if (dossier_store_run (self->store, add_annotation_op, &a, NULL, error) == NULL)
    return 0;
  return dossier_annotation_get_id (annotation);
}

void
dossier_library_add_annotation_async (DossierLibrary      *self,
                                      DossierAnnotation   *annotation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Args *a = args_new ();

  a->object = g_object_ref (G_OBJECT (annotation));
  run_async (self, dossier_library_add_annotation_async, add_annotation_op, a, args_free,
             NULL, TRUE, cancellable, callback, user_data);
}

gboolean
dossier_library_add_annotation_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_boolean (self, result, dossier_library_add_annotation_async, error);
}

static gpointer
annotate_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  DossierAnnotation *annotation = DOSSIER_ANNOTATION (a->object);
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierAnchor) anchor = NULL;

  article = dossier_store_get_article (store, dossier_annotation_get_article_id (annotation), TRUE, error);
  if (article == NULL)
    return NULL;
  anchor = dossier_anchor_new_from_quote (dossier_article_get_body (article), a->text, NULL, error);
  if (anchor == NULL)
    return NULL;
  dossier_annotation_set_quote (annotation, anchor->quote);
  dossier_annotation_set_prefix (annotation, anchor->prefix);
  dossier_annotation_set_suffix (annotation, anchor->suffix);
  dossier_annotation_set_start (annotation, anchor->start);
  dossier_annotation_set_end (annotation, anchor->end);
  if (dossier_store_insert_annotation (store, annotation, error) <= 0)
    return NULL;
  return GINT_TO_POINTER (1);
}

DossierAnnotation *
dossier_library_annotate_sync (DossierLibrary      *self,
                               gint64               article_id,
                               const char          *quote,
                               const char          *note,
                               const char * const  *tags,
                               const char          *color,
                               GError             **error)
{
  g_autoptr(DossierAnnotation) annotation = dossier_annotation_new ();
  Args a = { .text = (char *) quote };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (color != NULL && !dossier_annotation_color_is_valid (color))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) dossier_annotation_colors);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a highlight colour (use one of: %s)"), color, known);
      return NULL;
    }
  dossier_annotation_set_article_id (annotation, article_id);
  dossier_annotation_set_note (annotation, (note && *note) ? note : NULL);
  dossier_annotation_set_tags (annotation, tags);
  dossier_annotation_set_color (annotation, color);
  a.object = G_OBJECT (annotation);
  if (dossier_store_run (self->store, annotate_op, &a, NULL, error) == NULL)
    return NULL;
  return g_steal_pointer (&annotation);
}

static gpointer
update_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_update_annotation (store, DOSSIER_ANNOTATION (a->object), error)
         ? GINT_TO_POINTER (1) : NULL;
}

gboolean
dossier_library_update_annotation_sync (DossierLibrary     *self,
                                        DossierAnnotation  *annotation,
                                        GError            **error)
{
  Args a = { .object = G_OBJECT (annotation) };

  return dossier_store_run (self->store, update_annotation_op, &a, NULL, error) != NULL;
}

void
dossier_library_update_annotation_async (DossierLibrary      *self,
                                         DossierAnnotation   *annotation,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Args *a = args_new ();

  a->object = g_object_ref (G_OBJECT (annotation));
  run_async (self, dossier_library_update_annotation_async, update_annotation_op, a, args_free,
             NULL, TRUE, cancellable, callback, user_data);
}

gboolean
dossier_library_update_annotation_finish (DossierLibrary  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_boolean (self, result, dossier_library_update_annotation_async, error);
}

static gpointer
delete_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_delete_annotation (store, a->id, error) ? GINT_TO_POINTER (1) : NULL;
}

gboolean
dossier_library_delete_annotation_sync (DossierLibrary  *self,
                                        gint64           id,
                                        GError         **error)
{
  Args a = { .id = id };

  return dossier_store_run (self->store, delete_annotation_op, &a, NULL, error) != NULL;
}

void
dossier_library_delete_annotation_async (DossierLibrary      *self,
                                         gint64               id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Args *a = args_new ();

  a->id = id;
  run_async (self, dossier_library_delete_annotation_async, delete_annotation_op, a, args_free,
             NULL, TRUE, cancellable, callback, user_data);
}

gboolean
dossier_library_delete_annotation_finish (DossierLibrary  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_boolean (self, result, dossier_library_delete_annotation_async, error);
}

static gpointer
list_annotations_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_list_annotations (store, a->id, a->query, error);
}

GPtrArray *
dossier_library_list_annotations_sync (DossierLibrary  *self,
                                       gint64           article_id,
                                       DossierQuery    *query,
                                       GError         **error)
{
  Args a = { .id = article_id, .query = query };

  return dossier_store_run (self->store, list_annotations_op, &a, NULL, error);
}

void
dossier_library_list_annotations_async (DossierLibrary      *self,
                                        gint64               article_id,
                                        DossierQuery        *query,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Args *a = args_new ();

  a->id = article_id;
  a->query = query ? dossier_query_copy (query) : NULL;
  run_async (self, dossier_library_list_annotations_async, list_annotations_op, a, args_free,
             (GDestroyNotify) g_ptr_array_unref, FALSE, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_list_annotations_finish (DossierLibrary  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return finish_pointer (self, result, dossier_library_list_annotations_async, error);
}

static gpointer
tags_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_tags (store, error);
}

char **
dossier_library_list_tags_sync (DossierLibrary  *self,
                                GError         **error)
{
  return dossier_store_run (self->store, tags_op, NULL, NULL, error);
}

typedef struct
{
  char **tags;
  char **sources;
} Catalogue;

static void
catalogue_free (gpointer data)
{
  Catalogue *c = data;

  g_strfreev (c->tags);
  g_strfreev (c->sources);
  g_free (c);
}

static gpointer
catalogue_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Catalogue *c = g_new0 (Catalogue, 1);

  if ((c->tags = dossier_store_list_tags (store, error)) == NULL ||
      (c->sources = dossier_store_list_sources (store, error)) == NULL)
    {
      catalogue_free (c);
      return NULL;
    }
  return c;
}

void
dossier_library_list_tags_and_sources_async (DossierLibrary      *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  run_async (self, dossier_library_list_tags_and_sources_async, catalogue_op, NULL, NULL,
             catalogue_free, FALSE, cancellable, callback, user_data);
}

char **
dossier_library_list_tags_and_sources_finish (DossierLibrary   *self,
                                              GAsyncResult     *result,
                                              char           ***sources,
                                              GError          **error)
{
  Catalogue *c = finish_pointer (self, result, dossier_library_list_tags_and_sources_async, error);
  char **tags;

  if (c == NULL)
    return NULL;
  tags = g_steal_pointer (&c->tags);
  if (sources != NULL)
    *sources = g_steal_pointer (&c->sources);
  catalogue_free (c);
  return tags;
}

static gpointer
article_tags_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_article_tags (store, error);
}

GHashTable *
dossier_library_article_tags_sync (DossierLibrary  *self,
                                   GError         **error)
{
  return dossier_store_run (self->store, article_tags_op, NULL, NULL, error);
}

void
dossier_library_article_tags_async (DossierLibrary      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  run_async (self, dossier_library_article_tags_async, article_tags_op, NULL, NULL,
             (GDestroyNotify) g_hash_table_unref, FALSE, cancellable, callback, user_data);
}

GHashTable *
dossier_library_article_tags_finish (DossierLibrary  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_pointer (self, result, dossier_library_article_tags_async, error);
}

static gpointer
find_uuid_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_find_annotation_by_uuid (store, a->text, error);
}

DossierAnnotation *
dossier_library_find_annotation_by_uuid_sync (DossierLibrary  *self,
                                              const char      *uuid,
                                              GError         **error)
{
  Args a = { .text = (char *) uuid };

  return dossier_store_run (self->store, find_uuid_op, &a, NULL, error);
}

/* --- saved searches --- */

static gpointer
list_searches_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_saved_searches (store, error);
}

void
dossier_library_list_saved_searches_async (DossierLibrary      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  run_async (self, dossier_library_list_saved_searches_async, list_searches_op, NULL, NULL,
             (GDestroyNotify) g_ptr_array_unref, FALSE, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_list_saved_searches_finish (DossierLibrary  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return finish_pointer (self, result, dossier_library_list_saved_searches_async, error);
}

GPtrArray *
dossier_library_list_saved_searches_sync (DossierLibrary  *self,
                                          GError         **error)
{
  return dossier_store_run (self->store, list_searches_op, NULL, NULL, error);
}

static gpointer
save_search_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_save_search (store, a->name ? a->name : a->text, a->text, error) > 0
         ? GINT_TO_POINTER (1) : NULL;
}

static gpointer
delete_search_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_delete_saved_search (store, a->id, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
on_search_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL && error != NULL)
    g_task_return_error (task, error);
  else
    {
      g_signal_emit (source, signals[SAVED_SEARCHES_CHANGED], 0);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

static void
run_search_change (DossierLibrary      *self,
                   Op                   op,
                   Args                *args,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, dossier_library_saved_search_finish);
  run_async (self, dossier_library_save_search_async, op, args, args_free, NULL, FALSE,
             cancellable, on_search_saved_cb, task);
}

void
dossier_library_save_search_async (DossierLibrary      *self,
                                   const char          *name,
                                   const char          *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *a = args_new ();

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (query != NULL);

  a->text = g_strdup (query);
  a->name = g_strdup (name);
  run_search_change (self, save_search_op, a, cancellable, callback, user_data);
}

void
dossier_library_delete_saved_search_async (DossierLibrary      *self,
                                           gint64               id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  Args *a = args_new ();

  a->id = id;
  run_search_change (self, delete_search_op, a, cancellable, callback, user_data);
}

gboolean
dossier_library_saved_search_finish (DossierLibrary  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
