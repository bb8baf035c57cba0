/* dossier-importer.c — files and folders into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer walks the paths it is given (folders recursively, in a
 * stable order, symlink loops detected), extracts each file on its own
 * thread, and hands batches of articles to the store's thread: one batch
 * is written while the next is extracted.  Each file's result is reported
 * as soon as its batch is saved.
 */
#define G_LOG_DOMAIN "dossier-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "dossier-importer.h"
#include "dossier-dates.h"
#include "dossier-search-index.h"
#include "dossier-importer-private.h"
#include "dossier-extract.h"
#include "dossier-library-private.h"

#define IMPORT_BATCH 1024

struct _DossierImporter
{
  GObject         parent_instance;

  DossierLibrary *library;
};

G_DEFINE_FINAL_TYPE (DossierImporter, dossier_importer, G_TYPE_OBJECT)

enum { PROP_0, PROP_LIBRARY, N_PROPS };
static GParamSpec *properties[N_PROPS];


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
  /* the batch is indexed for search at once, before it commits */
  if (!dossier_store_defer_search_index (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
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
  if (!dossier_store_learn_boilerplate (store, inserted, NULL, error) ||
      !dossier_store_index_deferred (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall insert_batch_call = { insert_batch_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

typedef struct
{
  DossierLibrary        *library;
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
  _dossier_library_post (im->progress_context, deliver_progress, call, NULL);
}

static gpointer
write_batch_thread (gpointer data)
{
  Importer *im = data;
  GError *error = NULL;

  _dossier_library_run (im->library, &insert_batch_call, im->writing, NULL, &error);
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

DossierArticle *
_dossier_importer_article_new (DossierExtracted *x,
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
  dossier_article_set_date_hints (article, x->date_hints);
  dossier_article_set_body (article, x->body);
  dossier_article_set_file_name (article, base);
  /* here, on the extracting thread, not on the store's */
  {
    g_autofree char *hash = dossier_store_body_hash (x->body);

    dossier_article_set_body_hash (article, hash);
  }
  return article;
}

typedef struct
{
  DossierArticle *article;
  const char     *given_url;
  const char     *final_url;
  gint64          feed_id;
  const char     *guid;
  const char * const *tags;
  gboolean        duplicate;
} SavePage;

static gpointer
save_page_op (DossierStore  *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  SavePage *page = data;
  g_autoptr(GArray) inserted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 duplicate_of = 0;
  gint64 id;

  if (!dossier_store_begin (store, error))
    return NULL;
  id = dossier_store_insert_article (store, page->article, &duplicate_of, error);
  if (id <= 0 && duplicate_of <= 0)
    {
      dossier_store_rollback (store);
      return NULL;
    }
  page->duplicate = id <= 0;
  if (id <= 0)
    id = duplicate_of;
  else
    g_array_append_val (inserted, id);
  /* the article, its links and what it teaches about its source's
   * boilerplate are saved together or not at all */
  if (!dossier_store_add_link (store, id, page->given_url, TRUE, error) ||
      (page->final_url != NULL && !dossier_store_add_link (store, id, page->final_url, FALSE, error)) ||
      (page->feed_id > 0 && !dossier_store_mark_feed_entry (store, page->feed_id, page->guid, id, error)) ||
      (!page->duplicate && page->tags != NULL && page->tags[0] != NULL &&
       !dossier_store_add_article_tags (store, id, page->tags, error)) ||
      !dossier_store_learn_boilerplate (store, inserted, NULL, error) ||
      !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  return g_memdup2 (&id, sizeof id);
}

static const DossierLibraryCall save_page_call = { save_page_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
_dossier_importer_save_page (DossierLibrary  *library,
                             DossierArticle  *article,
                             const char      *given_url,
                             const char      *final_url,
                             gint64           feed_id,
                             const char      *guid,
                             const char * const *tags,
                             gboolean        *duplicate,
                             GError         **error)
{
  SavePage page = { article, given_url, final_url, feed_id, guid, tags, FALSE };
  g_autofree gint64 *id = NULL;

  id = _dossier_library_run (library, &save_page_call, &page, NULL, error);
  if (id == NULL)
    return 0;
  if (duplicate)
    *duplicate = page.duplicate;
  return *id;
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
    {
      p.article = _dossier_importer_article_new (x, path);
      /* a file the user saved by hand was read already; links and feeds
       * bring articles still to read */
      dossier_article_set_read (p.article, TRUE);
    }

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
import_run (DossierLibrary        *library,
            const char * const    *paths,
            DossierImportProgress  progress,
            gpointer               user_data,
            GMainContext          *progress_context,
            GCancellable          *cancellable,
            GError               **error)
{
  Importer im = { 0 };
  gboolean ok = TRUE;

  im.library = library;
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

typedef struct
{
  DossierLibrary         *library;   /* borrowed: the caller's task holds it */
  char                  **paths;
  DossierImportProgress   progress;
  gpointer                progress_data;
  GDestroyNotify          progress_destroy;
  GMainContext           *context;
} ImportJob;

static void
import_job_free (gpointer p)
{
  ImportJob *job = p;

  g_strfreev (job->paths);
  if (job->progress_destroy)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = import_run (job->library, (const char * const *) job->paths, job->progress,
                        job->progress_data, job->context, cancellable, &error);
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
  DossierImporter *self = g_task_get_source_object (outer);
  GError *error = NULL;
  GPtrArray *results = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, results, (GDestroyNotify) g_ptr_array_unref);
  /* even a cancelled import may have stored its first batches */
  _dossier_library_emit (self->library, DOSSIER_LIBRARY_EMITS_CHANGED_ADDED);
  /* suggested dates for the new undated articles, in steps behind
   * whatever the window asks for meanwhile */
  dossier_dates_suggest_in_background (self->library);
  /* the index the import's batches wrote as many segments, merged */
  dossier_search_index_merge_in_background (self->library);
  g_object_unref (outer);
}

static void
dossier_importer_dispose (GObject *object)
{
  DossierImporter *self = DOSSIER_IMPORTER (object);

  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_importer_parent_class)->dispose (object);
}

static void
dossier_importer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierImporter *self = DOSSIER_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_importer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierImporter *self = DOSSIER_IMPORTER (object);

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
dossier_importer_class_init (DossierImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_importer_dispose;
  object_class->get_property = dossier_importer_get_property;
  object_class->set_property = dossier_importer_set_property;

  /**
   * DossierImporter:library:
   *
   * The library the articles go into.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_importer_init (DossierImporter *self)
{
}

DossierImporter *
dossier_importer_new (DossierLibrary *library)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return g_object_new (DOSSIER_TYPE_IMPORTER, "library", library, NULL);
}

DossierLibrary *
dossier_importer_get_library (DossierImporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), NULL);

  return self->library;
}

GPtrArray *
dossier_importer_run_sync (DossierImporter       *self,
                           const char * const    *paths,
                           DossierImportProgress  progress,
                           gpointer               user_data,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  return import_run (self->library, paths, progress, user_data, NULL, cancellable, error);
}

void
dossier_importer_run_async (DossierImporter       *self,
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
  ImportJob *job;

  g_return_if_fail (DOSSIER_IS_IMPORTER (self));
  g_return_if_fail (paths != NULL);

  job = g_new0 (ImportJob, 1);
  job->paths = g_strdupv ((char **) paths);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  job->library = self->library;

  /* Only the caller's task holds the importer (and so the library): the
   * thread's task may be freed on its thread, which must never drop the
   * library's last ref. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_importer_run_async);
  inner = g_task_new (NULL, cancellable, on_import_done_cb, outer);
  g_task_set_task_data (inner, job, import_job_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, import_thread);
}

GPtrArray *
dossier_importer_run_finish (DossierImporter  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_importer_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
