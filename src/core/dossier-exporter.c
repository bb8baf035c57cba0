/* dossier-exporter.c — notes out of the library, for the writers of export/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-exporter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-exporter.h"
#include "dossier-library-private.h"
#include "dossier-stories.h"

/* --- what to export ------------------------------------------------------------- */

typedef struct
{
  const gint64 *ids;
  guint         n_ids;
  DossierQuery *query;
} CollectArgs;

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DossierExportEntry *ea = *(DossierExportEntry * const *) a;
  const DossierExportEntry *eb = *(DossierExportEntry * const *) b;
  gint64 ja = dossier_date_to_julian (dossier_article_get_published (ea->article));
  gint64 jb = dossier_date_to_julian (dossier_article_get_published (eb->article));
  gint64 ia = dossier_article_get_id (ea->article), ib = dossier_article_get_id (eb->article);

  /* oldest first, undated last, then in the order they came in */
  if ((ja < 0) != (jb < 0))
    return ja < 0 ? 1 : -1;
  if (ja != jb)
    return ja < jb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static gboolean
has_tag (const char * const *tags,
         const char         *want_folded)
{
  for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
    {
      g_autofree char *folded = g_utf8_casefold (tags[t], -1);

      if (g_strcmp0 (folded, want_folded) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A tag asked for may be on the note or on its article. */
static gboolean
annotation_passes (DossierAnnotation *a,
                   DossierArticle    *article,
                   DossierQuery      *query)
{
  const char * const *tags;

  if (query == NULL)
    return TRUE;
  if (query->colors->len > 0)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < query->colors->len && !any; i++)
        any = g_ascii_strcasecmp (g_ptr_array_index (query->colors, i),
                                  dossier_annotation_get_color (a)) == 0;
      if (!any)
        return FALSE;
    }
  tags = dossier_annotation_get_tags (a);
  for (guint i = 0; i < query->tags->len; i++)
    {
      const char *want = g_ptr_array_index (query->tags, i);
      g_autofree char *want_folded = g_utf8_casefold (want, -1);

      if (!has_tag (tags, want_folded) && !has_tag (dossier_article_get_tags (article), want_folded))
        return FALSE;
    }
  return TRUE;
}

static gpointer
collect_op (DossierStore  *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CollectArgs *args = data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) by_article = NULL;   /* id → GPtrArray of notes */
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) entries = dossier_export_entries_new ();
  gboolean explicit = args->n_ids > 0;
  DossierQuery *query = NULL;

  by_article = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  if (explicit)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      /* each article once, and each one must exist */
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), args->n_ids);
      for (guint i = 0; i < args->n_ids; i++)
        {
          g_autoptr(DossierArticle) article = NULL;
          g_autoptr(GError) local_error = NULL;

          if (g_hash_table_contains (seen, &args->ids[i]))
            continue;
          g_hash_table_add (seen, (gpointer) &args->ids[i]);
          if (!(article = dossier_store_get_article (store, args->ids[i], FALSE, &local_error)))
            {
              if (g_error_matches (local_error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
                g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                             _("There is no article %lld in the library"),
                             (long long) args->ids[i]);
              else
                g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_array_append_val (ids, args->ids[i]);
        }
    }
  else if (args->query != NULL && !dossier_query_is_empty (args->query))
    {
      query = args->query;
      if (!(ids = dossier_store_query_article_ids (store, query, cancellable, error)))
        return NULL;
    }

  /* the notes: per article when there are few, else all in one pass */
  if (ids != NULL && ids->len <= 64)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 *key = g_new (gint64, 1);
          GPtrArray *notes;

          *key = g_array_index (ids, gint64, i);
          if (!(notes = dossier_store_list_annotations (store, *key, NULL, error)))
            {
              g_free (key);
              return NULL;
            }
          g_hash_table_insert (by_article, key, notes);
        }
    }
  else
    {
      g_autoptr(GHashTable) wanted = NULL;
      g_autoptr(GPtrArray) all = NULL;

      if (ids != NULL)
        {
          wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
          for (guint i = 0; i < ids->len; i++)
            g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
        }
      if (!(all = dossier_store_list_annotations (store, 0, NULL, error)))
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          DossierAnnotation *a = g_ptr_array_index (all, i);
          gint64 id = dossier_annotation_get_article_id (a);
          GPtrArray *notes;

          if (wanted != NULL && !g_hash_table_contains (wanted, &id))
            continue;
          if (!(notes = g_hash_table_lookup (by_article, &id)))
            {
              gint64 *key = g_new (gint64, 1);

              *key = id;
              notes = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_article, key, notes);
            }
          g_ptr_array_add (notes, g_object_ref (a));
        }
      if (ids == NULL)
        {
          /* the whole library: the articles that have notes */
          GHashTableIter iter;
          gpointer key;

          ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (by_article));
          g_hash_table_iter_init (&iter, by_article);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_array_append_val (ids, *(gint64 *) key);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!(articles = dossier_store_load_articles (store, (const gint64 *) ids->data, ids->len, NULL, error)))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);
      gint64 id = dossier_article_get_id (article);
      GPtrArray *notes = g_hash_table_lookup (by_article, &id);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
      g_auto(GStrv) tags = dossier_store_get_article_tags (store, id, error);

      if (tags == NULL)
        return NULL;
      dossier_article_set_tags (article, (const char * const *) tags);
      for (guint k = 0; notes != NULL && k < notes->len; k++)
        if (annotation_passes (g_ptr_array_index (notes, k), article, query))
          g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (notes, k)));
      if (!explicit && kept->len == 0)
        continue;
      g_ptr_array_add (entries, dossier_export_entry_new (article, kept));
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

static const DossierLibraryCall collect_call =
  { collect_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_export_collect_sync (DossierLibrary  *library,
                             const gint64    *ids,
                             guint            n_ids,
                             DossierQuery    *query,
                             GCancellable    *cancellable,
                             GError         **error)
{
  CollectArgs args = { ids, n_ids, query };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (n_ids == 0 || ids != NULL, NULL);

  return _dossier_library_run (library, &collect_call, &args, cancellable, error);
}

/* --- off the UI thread ------------------------------------------------------------------ */

typedef struct
{
  DossierExportFormat   format;
  GArray               *ids;
  DossierQuery         *query;
  char                 *title;
  char                 *scope;
  gint64                generated;
  GFile                *dest;
  gboolean              folder;
  gboolean              overwrite;
  guint                 n_notes;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->query, dossier_query_free);
  g_free (job->title);
  g_free (job->scope);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  DossierExportOptions options = { job->title, job->scope, job->generated };
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;
  gboolean ok;

  entries = dossier_export_collect_sync (DOSSIER_LIBRARY (source),
                                         job->ids ? (const gint64 *) job->ids->data : NULL,
                                         job->ids ? job->ids->len : 0,
                                         job->query, cancellable, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      job->n_notes += e->annotations->len;
    }
  if (job->folder)
    ok = dossier_export_write_folder (entries, &options, job->dest, job->overwrite, NULL,
                                      cancellable, &error);
  else
    ok = dossier_export_write_file (job->format, entries, &options, job->dest, job->overwrite,
                                    cancellable, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dossier_export_async (DossierLibrary             *library,
                      DossierExportFormat         format,
                      const gint64               *ids,
                      guint                       n_ids,
                      DossierQuery               *query,
                      const DossierExportOptions *options,
                      GFile                      *dest,
                      gboolean                    folder,
                      gboolean                    overwrite,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (dest));
  g_return_if_fail (!folder || format == DOSSIER_EXPORT_MARKDOWN);

  job = g_new0 (ExportJob, 1);
  job->format = format;
  if (n_ids > 0)
    {
      job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (job->ids, ids, n_ids);
    }
  job->query = query ? dossier_query_copy (query) : NULL;
  job->title = options ? g_strdup (options->title) : NULL;
  job->scope = options ? g_strdup (options->scope) : NULL;
  job->generated = options ? options->generated : 0;
  job->dest = g_object_ref (dest);
  job->folder = folder;
  job->overwrite = overwrite;

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dossier_export_finish (DossierLibrary  *library,
                       GAsyncResult    *result,
                       guint           *n_notes,
                       GError         **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == dossier_export_async, FALSE);

  if (n_notes != NULL)
    *n_notes = ((ExportJob *) g_task_get_task_data (task))->n_notes;
  return g_task_propagate_boolean (task, error);
}

/* --- a story as a printable dossier --- */

typedef struct
{
  gint64               story_id;
  DossierExportFormat  format;
  char                *span;
  GFile               *dest;
} StoryJob;

static void
story_job_free (StoryJob *job)
{
  g_free (job->span);
  g_object_unref (job->dest);
  g_free (job);
}

GBytes *
dossier_export_story_sync (DossierLibrary       *library,
                           gint64                story_id,
                           DossierExportFormat   format,
                           const char           *span,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(DossierStory) story = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *dates = NULL;
  DossierExportStoryInfo info = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  if ((story = dossier_stories_get_sync (library, story_id, error)) == NULL)
    return NULL;
  entries = dossier_export_entries_new ();
  for (guint i = 0; i < story->articles->len; i++)
    {
      gint64 id = g_array_index (story->articles, gint64, i);
      g_autoptr(DossierArticle) article = NULL;
      g_autoptr(GPtrArray) notes = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* with its text */
      if ((article = dossier_library_get_article_sync (library, id, error)) == NULL ||
          (notes = dossier_library_list_annotations_sync (library, id, NULL, error)) == NULL)
        return NULL;
      g_ptr_array_add (entries, dossier_export_entry_new (article, notes));
    }
  if (span == NULL)
    {
      if (story->first == NULL)
        dates = g_strdup (_("Undated"));
      else if (g_strcmp0 (story->first, story->last) == 0 || story->last == NULL)
        dates = g_strdup (story->first);
      else
        dates = g_strdup_printf ("%s – %s", story->first, story->last);
      span = dates;
    }
  info.title = story->title;
  info.span = span;
  info.outlets = story->sources;
  return dossier_export_story_to_bytes (format, &info, entries, error);
}

static void
story_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoryJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = dossier_export_story_sync (source, job->story_id, job->format, job->span,
                                                       cancellable, &error);

  if (bytes == NULL ||
      !g_file_replace_contents (job->dest, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
dossier_export_story_async (DossierLibrary      *library,
                            gint64               story_id,
                            DossierExportFormat  format,
                            const char          *span,
                            GFile               *dest,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoryJob *job;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (span != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  job = g_new0 (StoryJob, 1);
  job->story_id = story_id;
  job->format = format;
  job->span = g_strdup (span);
  job->dest = g_object_ref (dest);
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_story_async);
  g_task_set_task_data (task, job, (GDestroyNotify) story_job_free);
  g_task_run_in_thread (task, story_thread);
}

gboolean
dossier_export_story_finish (DossierLibrary  *library,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_export_story_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
