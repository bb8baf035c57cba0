/* dossier-app-import.c — other apps' exports into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is parsed off the store's thread (pure, in
 * src/import/dossier-*-export.c); then one call on the store's thread
 * writes every entry in one transaction.
 */
#define G_LOG_DOMAIN "dossier-app-import"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-app-import.h"
#include "dossier-anchor.h"
#include "dossier-library-private.h"
#include "dossier-fetcher-private.h"

const char *
dossier_app_entry_status_to_string (DossierAppEntryStatus status)
{
  switch (status)
    {
    case DOSSIER_APP_ENTRY_IMPORTED:  return "imported";
    case DOSSIER_APP_ENTRY_DUPLICATE: return "duplicate";
    case DOSSIER_APP_ENTRY_PENDING:   return "pending";
    case DOSSIER_APP_ENTRY_FAILED:
    default:                          return "error";
    }
}

static void
entry_result_free (gpointer p)
{
  DossierAppEntryResult *r = p;

  g_free (r->source_id);
  g_free (r->url);
  g_free (r->title);
  g_free (r->reason);
  g_free (r->error);
  g_free (r);
}

void
dossier_app_import_summary_free (DossierAppImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->entries);
  g_free (summary);
}

/* A stable id for highlight @index of an entry, so a second run finds the
 * notes of the first (RFC 4122 layout, version 5 bits). */
static char *
highlight_uuid (const char *kind,
                const char *source_id,
                guint       index,
                const char *quote)
{
  g_autofree char *name = g_strdup_printf ("dossier-app-import:%s:%s:%u:%s", kind, source_id, index, quote);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s",
                          sum, sum + 8, sum + 13,
                          "89ab"[g_ascii_xdigit_value (sum[16]) & 3], sum + 17, sum + 20);
}

/* "example.com" from "https://www.example.com/…" */
static char *
source_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_strdup (host);
}

typedef struct
{
  DossierAppExport        *export;
  const char              *name;      /* the file, for messages */
  DossierAppImportSummary *summary;
} Job;

static char **
entry_tags (DossierAppEntry *e)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_strv_builder_addv (b, (const char **) e->tags);
  if (e->starred && !g_strv_contains ((const char * const *) e->tags, "starred"))
    g_strv_builder_add (b, "starred");
  return g_strv_builder_end (b);
}

/* Places the entry's highlights in @body; each one already there (by its
 * id) is skipped.  The article's searchable notes are written once, by
 * dossier_store_write_batched_notes() at the end of the transaction. */
static gboolean
add_highlights (DossierStore           *store,
                const char             *kind,
                DossierAppEntry        *e,
                gint64                  article_id,
                const char             *body,
                DossierAppEntryResult  *r,
                GError                **error)
{
  /* the body folded once for all its highlights */
  g_autoptr(DossierAnchorText) text = NULL;

  if (e->highlights->len > 0 && !dossier_store_batch_notes (store, article_id, error))
    return FALSE;
  for (guint i = 0; i < e->highlights->len; i++)
    {
      DossierAppHighlight *h = g_ptr_array_index (e->highlights, i);
      g_autofree char *uuid = highlight_uuid (kind, e->source_id, i, h->quote);
      g_autoptr(DossierAnnotation) existing = NULL;
      g_autoptr(DossierAnnotation) a = NULL;
      g_autoptr(DossierAnchor) anchor = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 created = h->created ? h->created : (e->saved_at ? e->saved_at : g_get_real_time ());

      existing = dossier_store_find_annotation_by_uuid (store, uuid, &local_error);
      if (existing != NULL)
        continue;
      if (!g_error_matches (local_error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      a = dossier_annotation_new ();
      dossier_annotation_set_uuid (a, uuid);
      dossier_annotation_set_article_id (a, article_id);
      dossier_annotation_set_note (a, h->note ? h->note : "");
      dossier_annotation_set_created (a, created);
      dossier_annotation_set_modified (a, created);
      if (text == NULL)
        text = dossier_anchor_text_new (body);
      anchor = dossier_anchor_text_find_quote (text, h->quote, NULL, NULL);
      if (anchor != NULL)
        {
          dossier_annotation_set_quote (a, anchor->quote);
          dossier_annotation_set_prefix (a, anchor->prefix);
          dossier_annotation_set_suffix (a, anchor->suffix);
          dossier_annotation_set_start (a, anchor->start);
          dossier_annotation_set_end (a, anchor->end);
          r->annotations++;
        }
      else
        {
          /* kept with its text, listed as an orphan */
          dossier_annotation_set_quote (a, h->quote);
          dossier_annotation_set_orphan (a, TRUE);
          r->orphans++;
        }
      if (dossier_store_insert_annotation (store, a, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_article (DossierStore           *store,
                Job                    *job,
                DossierAppEntry        *e,
                DossierAppEntryResult  *r,
                GError                **error)
{
  const char *kind = dossier_app_kind_to_string (job->export->kind);
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(DossierArticle) stored = NULL;
  g_autofree char *source = source_of (e->url);
  g_autofree char *base = g_path_get_basename (job->name);
  g_auto(GStrv) tags = entry_tags (e);
  g_autoptr(GError) local_error = NULL;
  const char *body = e->body;
  gint64 duplicate_of = 0;
  gint64 id;

  dossier_article_set_title (article, e->title && *e->title ? e->title : e->url);
  dossier_article_set_byline (article, e->byline);
  dossier_article_set_source (article, source);
  dossier_article_set_url (article, e->url);
  dossier_article_set_body (article, e->body);
  dossier_article_set_file_name (article, base);
  dossier_article_set_imported_at (article, e->saved_at);
  id = dossier_store_insert_article (store, article, &duplicate_of, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id > 0)
    r->status = DOSSIER_APP_ENTRY_IMPORTED;
  else
    {
      /* the same link or text is in the library already: it takes the
       * entry's tags, state and highlights */
      id = duplicate_of;
      r->status = DOSSIER_APP_ENTRY_DUPLICATE;
      r->reason = g_strdup (_("the library already has this article"));
      if (!(stored = dossier_store_get_article (store, id, TRUE, error)))
        return FALSE;
      body = dossier_article_get_body (stored);
    }
  r->id = id;
  if (!dossier_store_add_article_tags (store, id, (const char * const *) tags, error))
    return FALSE;
  if (e->read && !dossier_store_set_article_read (store, id, TRUE, error))
    return FALSE;
  if (!add_highlights (store, kind, e, id, body ? body : "", r, error))
    return FALSE;
  return dossier_store_record_app_import (store, kind, e->source_id, id, 0, error);
}

static gboolean
keep_link (DossierStore           *store,
           Job                    *job,
           DossierAppEntry        *e,
           DossierAppEntryResult  *r,
           GError                **error)
{
  const char *kind = dossier_app_kind_to_string (job->export->kind);
  g_autoptr(DossierPendingLink) link = dossier_pending_link_new ();
  gint64 existing = 0;
  gint64 id;

  link->url = g_strdup (e->url);
  link->title = g_strdup (e->title);
  link->kind = g_strdup (kind);
  link->source_id = g_strdup (e->source_id);
  g_strfreev (link->tags);
  link->tags = entry_tags (e);
  link->saved_at = e->saved_at;
  link->read = e->read;
  for (guint i = 0; i < e->highlights->len; i++)
    {
      DossierAppHighlight *h = g_ptr_array_index (e->highlights, i);

      dossier_pending_link_add_highlight (link, h->quote, h->note, h->created);
    }
  id = dossier_store_insert_pending_link (store, link, &existing, error);
  if (id == 0 && existing == 0)
    return FALSE;
  r->status = id > 0 ? DOSSIER_APP_ENTRY_PENDING : DOSSIER_APP_ENTRY_DUPLICATE;
  r->id = id > 0 ? id : existing;
  r->reason = g_strdup (id > 0 ? _("the export has only the link: kept to fetch later")
                               : _("this link is already kept to fetch later"));
  return dossier_store_record_app_import (store, kind, e->source_id, 0, r->id, error);
}

static gboolean
import_entry (DossierStore     *store,
              Job              *job,
              DossierAppEntry  *e,
              GError          **error)
{
  DossierAppImportSummary *s = job->summary;
  DossierAppEntryResult *r = g_new0 (DossierAppEntryResult, 1);
  const char *kind = dossier_app_kind_to_string (job->export->kind);
  gint64 article_id = 0, pending_id = 0;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  r->source_id = g_strdup (e->source_id);
  r->url = g_strdup (e->url);
  r->title = g_strdup (e->title);
  g_ptr_array_add (s->entries, r);

  if (e->error != NULL)
    {
      r->status = DOSSIER_APP_ENTRY_FAILED;
      r->error = g_strdup_printf ("%s: %s", job->name, e->error);
      s->failed++;
      return TRUE;
    }
  if (dossier_store_find_app_import (store, kind, e->source_id, &article_id, &pending_id, &local_error))
    {
      r->status = DOSSIER_APP_ENTRY_DUPLICATE;
      r->id = article_id ? article_id : pending_id;
      r->reason = g_strdup (article_id ? _("imported from this export before")
                                       : _("kept from this export before, to fetch later"));
      s->duplicates++;
      if (article_id == 0)
        s->kept_before++;
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (e->body != NULL)
    ok = import_article (store, job, e, r, error);
  else
    ok = keep_link (store, job, e, r, error);
  if (!ok)
    return FALSE;
  switch (r->status)
    {
    case DOSSIER_APP_ENTRY_IMPORTED:  s->articles++; break;
    case DOSSIER_APP_ENTRY_DUPLICATE: s->duplicates++; break;
    case DOSSIER_APP_ENTRY_PENDING:   s->pending++; break;
    case DOSSIER_APP_ENTRY_FAILED:
    default:                          s->failed++; break;
    }
  s->annotations += r->annotations;
  s->orphans += r->orphans;
  return TRUE;
}

static gpointer
import_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;
  gboolean ok = TRUE;

  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; ok && i < job->export->entries->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = import_entry (store, job, g_ptr_array_index (job->export->entries, i), error);
    }
  if (!ok || !dossier_store_write_batched_notes (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall import_call = { import_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

/* The file's bytes, refused before reading when too large. */
static GMappedFile *
map_export (const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *map;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("%s: cannot be read: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("%s: a folder, not an export file"), path);
      return NULL;
    }
  if (st.st_size > DOSSIER_APP_EXPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("%s: refused: larger than %d MB, too large for an export"), path,
                   DOSSIER_APP_EXPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty"), path);
      return NULL;
    }
  if (!(map = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("%s: cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  return map;
}

gboolean
dossier_app_import_detect_file (const char      *path,
                                DossierAppKind  *kind,
                                GError         **error)
{
  g_autoptr(GMappedFile) map = map_export (path, error);

  if (map == NULL)
    return FALSE;
  *kind = dossier_app_export_detect ((const guint8 *) g_mapped_file_get_contents (map),
                                     g_mapped_file_get_length (map));
  return TRUE;
}

DossierAppImportSummary *
dossier_app_import_file (DossierLibrary  *library,
                         DossierAppKind   kind,
                         const char      *path,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(DossierAppExport) export = NULL;
  g_autoptr(DossierAppImportSummary) summary = NULL;
  Job job;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!(map = map_export (path, error)))
    return NULL;
  export = dossier_app_export_parse (kind, (const guint8 *) g_mapped_file_get_contents (map),
                                     g_mapped_file_get_length (map), path, error);
  if (export == NULL)
    return NULL;

  summary = g_new0 (DossierAppImportSummary, 1);
  summary->kind = export->kind;
  summary->entries = g_ptr_array_new_with_free_func (entry_result_free);
  job.export = export;
  job.name = path;
  job.summary = summary;
  if (_dossier_library_run (library, &import_call, &job, cancellable, error) == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}

/* --- async ----------------------------------------------------------------- */

typedef struct
{
  DossierAppKind  kind;
  GFile          *file;
} AsyncJob;

static void
async_job_free (gpointer p)
{
  AsyncJob *job = p;

  g_object_unref (job->file);
  g_free (job);
}

/* An export of another app adds articles, links to fetch later, and
 * tags, read states and notes, also on articles the library had: no
 * article's text, date or story changes. */
static gboolean
emit_changed (gpointer data)
{
  _dossier_library_emit (DOSSIER_LIBRARY (data), DOSSIER_LIBRARY_EMITS_CHANGED_ADDED);
  return G_SOURCE_REMOVE;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  AsyncJob *job = data;
  g_autofree char *path = g_file_get_path (job->file);
  DossierAppImportSummary *summary;
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_task_return_new_error (task, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                               _("%s: not a local file"), uri);
      return;
    }
  summary = dossier_app_import_file (DOSSIER_LIBRARY (source), job->kind, path, cancellable, &error);
  if (summary == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _dossier_library_post (g_task_get_context (task), emit_changed, g_object_ref (source), g_object_unref);
  g_task_return_pointer (task, summary, (GDestroyNotify) dossier_app_import_summary_free);
}

void
dossier_app_import_async (DossierLibrary      *library,
                          DossierAppKind       kind,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncJob *job;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (AsyncJob, 1);
  job->kind = kind;
  job->file = g_object_ref (file);
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_app_import_async);
  g_task_set_task_data (task, job, async_job_free);
  g_task_run_in_thread (task, import_thread);
}

DossierAppImportSummary *
dossier_app_import_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_app_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- reading back ------------------------------------------------------------ */

static gpointer
list_pending_op (DossierStore  *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return dossier_store_list_pending_links (store, error);
}

static const DossierLibraryCall list_pending_call = {
  list_pending_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING
};

GPtrArray *
dossier_app_import_list_pending (DossierLibrary  *library,
                                 GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &list_pending_call, NULL, NULL, error);
}

/* --- fetching the links kept ------------------------------------------------ */

typedef struct
{
  GPtrArray               *links;    /* (element-type DossierPendingLink) */
  GPtrArray               *results;  /* (element-type DossierLinkResult), one per link
                                      * started: fewer when cancelled */
  DossierAppImportSummary *summary;
} SettleJob;

/* The article fetched for a kept link takes what the export said of it:
 * the time it was saved (when the article is new), its tags, read state
 * and highlights; the export's entry then leads to the article, and the
 * link is kept no longer. */
static gboolean
settle_link (DossierStore           *store,
             DossierPendingLink     *link,
             gint64                  article_id,
             DossierAppEntryResult  *r,
             GError                **error)
{
  g_autoptr(DossierArticle) article = dossier_store_get_article (store, article_id, TRUE, error);
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_free);
  DossierAppEntry e = { 0 };
  const char *body;

  if (article == NULL)
    return FALSE;
  body = dossier_article_get_body (article);
  for (guint i = 0; i < link->highlights->len; i++)
    {
      DossierPendingHighlight *ph = g_ptr_array_index (link->highlights, i);
      DossierAppHighlight *h = g_new0 (DossierAppHighlight, 1);

      h->quote = ph->quote;
      h->note = ph->note;
      h->created = ph->created;
      g_ptr_array_add (highlights, h);
    }
  e.source_id = link->source_id;
  e.url = link->url;
  e.saved_at = link->saved_at;
  e.highlights = highlights;

  if (!dossier_store_add_article_tags (store, article_id, (const char * const *) link->tags, error))
    return FALSE;
  if (link->read && !dossier_store_set_article_read (store, article_id, TRUE, error))
    return FALSE;
  if (r->status == DOSSIER_APP_ENTRY_IMPORTED && link->saved_at > 0 &&
      !dossier_store_set_article_imported_at (store, article_id, link->saved_at, error))
    return FALSE;
  if (!add_highlights (store, link->kind, &e, article_id, body ? body : "", r, error))
    return FALSE;
  if (!dossier_store_record_app_import (store, link->kind, link->source_id, article_id, 0, error))
    return FALSE;
  return dossier_store_delete_pending_link (store, link->id, error);
}

static gpointer
settle_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SettleJob *job = data;
  DossierAppImportSummary *s = job->summary;

  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < job->links->len; i++)
    {
      DossierPendingLink *link = g_ptr_array_index (job->links, i);
      DossierLinkResult *fetched = i < job->results->len ? g_ptr_array_index (job->results, i) : NULL;
      DossierAppEntryResult *r = g_new0 (DossierAppEntryResult, 1);

      r->source_id = g_strdup (link->source_id);
      r->url = g_strdup (link->url);
      r->title = g_strdup (link->title);
      g_ptr_array_add (s->entries, r);
      if (fetched == NULL || (s->cancelled && fetched->status == DOSSIER_IMPORT_FAILED && fetched->reason == NULL))
        {
          /* never tried, or stopped in flight: still kept, untouched */
          r->status = DOSSIER_APP_ENTRY_PENDING;
          r->id = link->id;
          r->reason = g_strdup (_("not fetched: the fetch was stopped; still kept to fetch later"));
          s->pending++;
          continue;
        }
      if (fetched->status == DOSSIER_IMPORT_FAILED || fetched->id <= 0)
        {
          /* still kept, for another try */
          r->status = DOSSIER_APP_ENTRY_FAILED;
          r->id = link->id;
          r->error = g_strdup (fetched->error ? fetched->error : link->url);
          /* the reason as Add by Link gives it: "not-found", "tls", … */
          r->reason = g_strdup (fetched->reason);
          s->failed++;
          continue;
        }
      r->id = fetched->id;
      r->status = fetched->status == DOSSIER_IMPORT_IMPORTED ? DOSSIER_APP_ENTRY_IMPORTED
                                                             : DOSSIER_APP_ENTRY_DUPLICATE;
      if (r->status == DOSSIER_APP_ENTRY_DUPLICATE)
        r->reason = g_strdup (_("the library already has this article"));
      if (!settle_link (store, link, fetched->id, r, error))
        {
          dossier_store_rollback (store);
          return NULL;
        }
      if (r->status == DOSSIER_APP_ENTRY_IMPORTED)
        s->articles++;
      else
        s->duplicates++;
      s->annotations += r->annotations;
      s->orphans += r->orphans;
    }
  if (!dossier_store_write_batched_notes (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall settle_call = { settle_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

static DossierAppImportSummary *
fetch_pending (DossierFetcher       *fetcher,
               DossierLinkProgress   progress,
               gpointer              progress_data,
               GMainContext         *progress_context,
               GCancellable         *cancellable,
               GError              **error)
{
  DossierLibrary *library = dossier_fetcher_get_library (fetcher);
  g_autoptr(DossierAppImportSummary) summary = g_new0 (DossierAppImportSummary, 1);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) urls = NULL;
  g_autoptr(GArray) hints = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SettleJob job;

  summary->entries = g_ptr_array_new_with_free_func (entry_result_free);
  links = _dossier_library_run (library, &list_pending_call, NULL, cancellable, error);
  if (links == NULL)
    return NULL;
  if (links->len == 0)
    return g_steal_pointer (&summary);

  urls = g_ptr_array_new ();
  hints = g_array_new (FALSE, TRUE, sizeof (DossierLinkHint));
  for (guint i = 0; i < links->len; i++)
    {
      DossierPendingLink *link = g_ptr_array_index (links, i);
      DossierLinkHint hint = { 0 };

      /* the export's title fills a page without one */
      hint.title = link->title;
      g_ptr_array_add (urls, link->url);
      g_array_append_val (hints, hint);
    }
  g_ptr_array_add (urls, NULL);
  results = _dossier_fetcher_run_partial (fetcher, (const char * const *) urls->pdata,
                                          (const DossierLinkHint *) (gpointer) hints->data,
                                          progress, progress_data, progress_context, cancellable,
                                          &summary->cancelled, error);
  if (results == NULL)
    return NULL;
  /* what was fetched keeps the export's tags and highlights even when
   * the rest was cancelled: no article is left without them while its
   * link is still kept */
  job.links = links;
  job.results = results;
  job.summary = summary;
  if (_dossier_library_run (library, &settle_call, &job, NULL, error) == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}

DossierAppImportSummary *
dossier_app_import_fetch_pending (DossierFetcher       *fetcher,
                                  DossierLinkProgress   progress,
                                  gpointer              progress_data,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_FETCHER (fetcher), NULL);

  return fetch_pending (fetcher, progress, progress_data, NULL, cancellable, error);
}

typedef struct
{
  DossierLinkProgress  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
} FetchPendingJob;

static void
fetch_pending_job_free (gpointer p)
{
  FetchPendingJob *job = p;

  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
fetch_pending_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  GTask *outer = data;
  DossierFetcher *fetcher = g_task_get_source_object (outer);
  FetchPendingJob *job = g_task_get_task_data (outer);
  DossierAppImportSummary *summary;
  GError *error = NULL;

  summary = fetch_pending (fetcher, job->progress, job->progress_data, job->context, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) dossier_app_import_summary_free);
}

static void
on_fetch_pending_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GTask *outer = user_data;
  DossierFetcher *fetcher = g_task_get_source_object (outer);
  GError *error = NULL;
  DossierAppImportSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (summary == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, summary, (GDestroyNotify) dossier_app_import_summary_free);
  /* the links fetched are new articles, with their notes */
  _dossier_library_emit (dossier_fetcher_get_library (fetcher), DOSSIER_LIBRARY_EMITS_CHANGED_ADDED);
  g_object_unref (outer);
}

void
dossier_app_import_fetch_pending_async (DossierFetcher       *fetcher,
                                        DossierLinkProgress   progress,
                                        gpointer              progress_data,
                                        GDestroyNotify        progress_destroy,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  FetchPendingJob *job;
  GTask *outer;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (DOSSIER_IS_FETCHER (fetcher));

  job = g_new0 (FetchPendingJob, 1);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();
  /* only the caller's task holds the fetcher (and so the library): the
   * thread's task may be freed on its thread */
  outer = g_task_new (fetcher, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_app_import_fetch_pending_async);
  /* cancelled, the summary still says what was fetched and what is kept */
  g_task_set_check_cancellable (outer, FALSE);
  g_task_set_task_data (outer, job, fetch_pending_job_free);
  inner = g_task_new (NULL, cancellable, on_fetch_pending_done_cb, outer);
  g_task_set_task_data (inner, outer, NULL);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, fetch_pending_thread);
}

DossierAppImportSummary *
dossier_app_import_fetch_pending_finish (DossierFetcher  *fetcher,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, fetcher), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_app_import_fetch_pending_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
