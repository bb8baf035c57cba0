/* dossier-links.c — adding links: the async call, the library's calls,
 * and links from pasted or dropped text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-fetcher"

#include "config.h"

#include "dossier-fetcher.h"
#include "dossier-fetcher-private.h"
#include "dossier-library-private.h"

G_DEFINE_QUARK (dossier-fetch-error-quark, dossier_fetch_error)

static const char * const reasons[] = {
  [DOSSIER_FETCH_ERROR_NOT_FOUND] = "not-found",
  [DOSSIER_FETCH_ERROR_SERVER_ERROR] = "server-error",
  [DOSSIER_FETCH_ERROR_NO_HOST] = "no-host",
  [DOSSIER_FETCH_ERROR_TLS] = "tls",
  [DOSSIER_FETCH_ERROR_TIMEOUT] = "timeout",
  [DOSSIER_FETCH_ERROR_TOO_LARGE] = "too-large",
  [DOSSIER_FETCH_ERROR_NOT_A_PAGE] = "not-a-page",
  [DOSSIER_FETCH_ERROR_NO_ARTICLE] = "no-article",
};

const char *
dossier_fetch_error_reason (int code)
{
  if (code < 0 || code >= (int) G_N_ELEMENTS (reasons))
    return NULL;
  return reasons[code];
}

GStrv
dossier_links_from_text (const char *text,
                         gboolean    only_web)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit_set (text != NULL ? text : "", "\r\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* text/uri-list comments */
      if (*line == '\0' || *line == '#')
        continue;
      if (only_web && !(g_ascii_strncasecmp (line, "http://", 7) == 0 ||
                        g_ascii_strncasecmp (line, "https://", 8) == 0))
        continue;
      if (g_hash_table_add (seen, line))
        g_strv_builder_add (b, line);
    }
  return g_strv_builder_end (b);
}


typedef struct
{
  DossierFetcher       *fetcher;   /* borrowed: the caller's task holds it */
  char                **urls;
  DossierLinkProgress   progress;
  gpointer              progress_data;
  GDestroyNotify        progress_destroy;
  GMainContext         *context;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;

  g_strfreev (job->urls);
  if (job->progress_destroy)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
batch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = _dossier_fetcher_run (job->fetcher, (const char * const *) job->urls, NULL, job->progress,
                                 job->progress_data, job->context, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_batch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *outer = user_data;
  DossierFetcher *self = g_task_get_source_object (outer);
  GError *error = NULL;
  GPtrArray *results = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, results, (GDestroyNotify) g_ptr_array_unref);
  /* even a cancelled batch may have saved some links: new articles, and
   * tags on those the library had */
  _dossier_library_emit (dossier_fetcher_get_library (self), DOSSIER_LIBRARY_EMITS_CHANGED_ADDED);
  g_object_unref (outer);
}

void
dossier_fetcher_add_links_async (DossierFetcher       *self,
                                 const char * const   *urls,
                                 DossierLinkProgress   progress,
                                 gpointer              progress_data,
                                 GDestroyNotify        progress_destroy,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  Job *job;

  g_return_if_fail (DOSSIER_IS_FETCHER (self));
  g_return_if_fail (urls != NULL);

  job = g_new0 (Job, 1);
  job->fetcher = self;
  job->urls = g_strdupv ((char **) urls);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  /* only the caller's task holds the fetcher (and so the library): the
   * thread's task may be freed on its thread */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_fetcher_add_links_async);
  inner = g_task_new (NULL, cancellable, on_batch_done_cb, outer);
  g_task_set_task_data (inner, job, job_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, batch_thread);
}

GPtrArray *
dossier_fetcher_add_links_finish (DossierFetcher  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_fetcher_add_links_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_library_links_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *results = dossier_fetcher_add_links_finish (DOSSIER_FETCHER (source), result, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_library_add_links_async (DossierLibrary       *library,
                                 GStrv                 urls,
                                 DossierLinkProgress   progress,
                                 gpointer              progress_data,
                                 GDestroyNotify        progress_destroy,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(DossierFetcher) fetcher = NULL;
  GTask *task;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (urls != NULL);

  fetcher = dossier_fetcher_new (library);
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_add_links_async);
  dossier_fetcher_add_links_async (fetcher, (const char * const *) urls, progress, progress_data,
                                   progress_destroy, cancellable, on_library_links_done_cb, task);
}

GPtrArray *
dossier_library_add_links_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_library_add_links_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the object --- */

