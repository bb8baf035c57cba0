/* dossier-feeds.c — following RSS and Atom feeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refresh asks for the feed with the validators of the last answer
 * (ETag, Last-Modified), and not at all before a server's Retry-After.
 * The entries not dealt with before go through the fetcher as links, with
 * what the feed knows about them (date, author, the full text when the
 * feed carries it); each entry is recorded in the transaction that saves
 * its article, so it is imported once, and never again after its article
 * is deleted.
 */
#define G_LOG_DOMAIN "dossier-feeds"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "dossier-feeds.h"
#include "dossier-opml.h"
#include "dossier-extracted.h"
#include "dossier-feed-parse.h"
#include "dossier-fetcher-private.h"
#include "dossier-library-private.h"

void
dossier_feed_refresh_free (DossierFeedRefresh *refresh)
{
  if (refresh == NULL)
    return;
  g_free (refresh->title);
  g_ptr_array_unref (refresh->errors);
  g_free (refresh);
}

/* --- the store's side --- */

typedef struct
{
  gint64           id;
  const char      *url;
  const char      *title;
  const char      *site_url;
  const char      *guid;
  gint64           article_id;
  int              paused;
  gboolean         existed;
  const DossierFeedInfo *info;
} FeedOp;

static gpointer
list_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  return dossier_store_list_feeds (store, ((FeedOp *) data)->id, error);
}

static gpointer
add_op (DossierStore  *store,
        gpointer       data,
        GCancellable  *cancellable,
        GError       **error)
{
  FeedOp *op = data;
  gint64 id = dossier_store_add_feed (store, op->url, op->title, op->site_url, &op->existed, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static gpointer
state_op (DossierStore  *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return dossier_store_set_feed_state (store, ((FeedOp *) data)->info, error) ? GINT_TO_POINTER (1) : NULL;
}

static gpointer
update_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  FeedOp *op = data;

  return dossier_store_update_feed (store, op->id, op->title, op->paused, error) ? GINT_TO_POINTER (1) : NULL;
}

static gpointer
remove_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return dossier_store_remove_feed (store, ((FeedOp *) data)->id, error) ? GINT_TO_POINTER (1) : NULL;
}

static gpointer
seen_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  return dossier_store_seen_feed_entries (store, ((FeedOp *) data)->id, error);
}

static gpointer
mark_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  FeedOp *op = data;

  return dossier_store_mark_feed_entry (store, op->id, op->guid, op->article_id, error) ? GINT_TO_POINTER (1) : NULL;
}

static const DossierLibraryCall list_call = { list_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall add_call = { add_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall state_call = { state_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall update_call = { update_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall remove_call = { remove_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall seen_call = { seen_op, (GDestroyNotify) g_hash_table_unref, DOSSIER_LIBRARY_EMITS_NOTHING };
static const DossierLibraryCall mark_call = { mark_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
_dossier_feeds_mark_entry (DossierLibrary  *library,
                           gint64           feed_id,
                           const char      *guid,
                           gint64           article_id,
                           GError         **error)
{
  FeedOp op = { .id = feed_id, .guid = guid, .article_id = article_id };

  return _dossier_library_run (library, &mark_call, &op, NULL, error) != NULL;
}

GPtrArray *
dossier_feeds_list_sync (DossierLibrary  *library,
                         GError         **error)
{
  FeedOp op = { .id = 0 };

  return _dossier_library_run (library, &list_call, &op, NULL, error);
}

gboolean
dossier_feeds_update_sync (DossierLibrary  *library,
                           gint64           id,
                           const char      *title,
                           int              paused,
                           GError         **error)
{
  FeedOp op = { .id = id, .title = title, .paused = paused };

  return _dossier_library_run (library, &update_call, &op, NULL, error) != NULL;
}

gboolean
dossier_feeds_remove_sync (DossierLibrary  *library,
                           gint64           id,
                           GError         **error)
{
  FeedOp op = { .id = id };

  return _dossier_library_run (library, &remove_call, &op, NULL, error) != NULL;
}

typedef struct
{
  gint64    id;
  char     *title;
  int       paused;
  gboolean  remove;
} EditOp;

static void
edit_op_free (gpointer p)
{
  EditOp *op = p;

  g_free (op->title);
  g_free (op);
}

static gpointer
edit_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  EditOp *op = data;
  gboolean ok = op->remove ? dossier_store_remove_feed (store, op->id, error)
                           : dossier_store_update_feed (store, op->id, op->title, op->paused, error);

  return ok ? GINT_TO_POINTER (1) : NULL;
}

static const DossierLibraryCall edit_call = { edit_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

void
dossier_feeds_list_async (DossierLibrary      *library,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  _dossier_library_run_async (library, &list_call, g_new0 (FeedOp, 1), g_free, cancellable, callback, user_data);
}

GPtrArray *
dossier_feeds_list_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  return _dossier_library_finish (library, result, &list_call, error);
}

void
dossier_feeds_edit_async (DossierLibrary      *library,
                          gint64               id,
                          const char          *title,
                          int                  paused,
                          gboolean             remove,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  EditOp *op = g_new0 (EditOp, 1);

  op->id = id;
  op->title = g_strdup (title);
  op->paused = paused;
  op->remove = remove;
  _dossier_library_run_async (library, &edit_call, op, edit_op_free, cancellable, callback, user_data);
}

gboolean
dossier_feeds_edit_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  return _dossier_library_finish (library, result, &edit_call, error) != NULL;
}

/* --- OPML --- */

/* larger lists of feeds are not read */
#define OPML_MAX_BYTES (16 * 1024 * 1024)

gboolean
dossier_feeds_import_opml_sync (DossierLibrary  *library,
                                const char      *path,
                                guint           *n_added,
                                guint           *n_known,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  guint added = 0, known = 0;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot be read: %s"), path, local_error->message);
      return FALSE;
    }
  if (g_mapped_file_get_length (file) > OPML_MAX_BYTES)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large for a list of feeds (over 16 MB)"), path);
      return FALSE;
    }
  feeds = dossier_opml_parse (g_mapped_file_get_contents (file), g_mapped_file_get_length (file), &local_error);
  if (feeds == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierOpmlFeed *f = g_ptr_array_index (feeds, i);
      FeedOp op = { .url = f->url, .title = f->title };
      g_autofree gint64 *id = _dossier_library_run (library, &add_call, &op, NULL, error);

      if (id == NULL)
        return FALSE;
      if (op.existed)
        known++;
      else
        added++;
    }
  if (n_added)
    *n_added = added;
  if (n_known)
    *n_known = known;
  return TRUE;
}

gboolean
dossier_feeds_export_opml_sync (DossierLibrary  *library,
                                const char      *path,
                                guint           *n_feeds,
                                GError         **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_opml_feed_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (!(infos = dossier_feeds_list_sync (library, error)))
    return FALSE;
  for (guint i = 0; i < infos->len; i++)
    {
      DossierFeedInfo *info = g_ptr_array_index (infos, i);
      DossierOpmlFeed *f = g_new0 (DossierOpmlFeed, 1);

      f->url = g_strdup (info->url);
      f->title = g_strdup (info->title);
      g_ptr_array_add (feeds, f);
    }
  text = dossier_opml_write (feeds, g_get_real_time ());
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot be written: %s"), path, local_error->message);
      return FALSE;
    }
  if (n_feeds)
    *n_feeds = feeds->len;
  return TRUE;
}

typedef struct
{
  char     *path;
  gboolean  export;
  guint     n_feeds;
  guint     n_known;
} OpmlJob;

static void
opml_job_free (gpointer p)
{
  OpmlJob *job = p;

  g_free (job->path);
  g_free (job);
}

static void
opml_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  OpmlJob *job = data;
  GError *error = NULL;
  gboolean ok;

  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("%s: not a local file"), "OPML");
      return;
    }
  ok = job->export
    ? dossier_feeds_export_opml_sync (source, job->path, &job->n_feeds, &error)
    : dossier_feeds_import_opml_sync (source, job->path, &job->n_feeds, &job->n_known, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_opml_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *outer = user_data;
  OpmlJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  /* feeds alone: no article, so no story, changed */
  if (!job->export && job->n_feeds > 0)
    _dossier_library_emit (DOSSIER_LIBRARY (source), DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES);
  g_task_set_task_data (outer, g_memdup2 (job, sizeof *job), g_free);
  ((OpmlJob *) g_task_get_task_data (outer))->path = NULL;
  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

void
dossier_feeds_opml_async (DossierLibrary      *library,
                          GFile               *file,
                          gboolean             export,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) inner = g_task_new (library, cancellable, on_opml_done_cb,
                                       g_task_new (library, cancellable, callback, user_data));
  OpmlJob *job = g_new0 (OpmlJob, 1);

  job->path = g_file_get_path (file);
  job->export = export;
  g_task_set_task_data (inner, job, opml_job_free);
  g_task_run_in_thread (inner, opml_thread);
}

gboolean
dossier_feeds_opml_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           guint           *n_feeds,
                           guint           *n_known,
                           GError         **error)
{
  OpmlJob *job;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (n_feeds)
    *n_feeds = job->n_feeds;
  if (n_known)
    *n_known = job->n_known;
  return TRUE;
}

/* --- a refresh --- */

/* Retry-After: seconds, or an HTTP date; µs since the epoch, 0: none */
static gint64
retry_after (const char *value)
{
  guint64 seconds;
  g_autoptr(GDateTime) when = NULL;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    return g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC;
  when = soup_date_time_new_from_http_string (value);
  if (when != NULL)
    return g_date_time_to_unix (when) * G_USEC_PER_SEC;
  /* an answer that cannot be read: wait an hour */
  return g_get_real_time () + (gint64) 3600 * G_USEC_PER_SEC;
}

/* Imports the entries of @doc not dealt with before. */
static gboolean
import_entries (DossierFetcher      *fetcher,
                gint64               feed_id,
                DossierFeedDoc      *doc,
                DossierFeedRefresh  *refresh,
                GCancellable        *cancellable,
                GError             **error)
{
  DossierLibrary *library = dossier_fetcher_get_library (fetcher);
  FeedOp op = { .id = feed_id };
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  g_autoptr(GArray) hints = g_array_new (FALSE, TRUE, sizeof (DossierLinkHint));
  g_autoptr(GPtrArray) results = NULL;

  seen = _dossier_library_run (library, &seen_call, &op, NULL, error);
  if (seen == NULL)
    return FALSE;
  for (guint i = 0; i < doc->entries->len; i++)
    {
      DossierFeedEntry *e = g_ptr_array_index (doc->entries, i);
      DossierLinkHint hint = { 0 };

      if (g_hash_table_contains (seen, e->guid))
        continue;
      /* the same entry twice in one feed counts once */
      g_hash_table_add (seen, g_strdup (e->guid));
      if (e->link == NULL)
        {
          if (!_dossier_feeds_mark_entry (library, feed_id, e->guid, 0, error))
            return FALSE;
          continue;
        }
      hint.feed_id = feed_id;
      hint.guid = e->guid;
      hint.title = e->title;
      hint.author = e->author;
      hint.published = e->published;
      hint.tags = (const char * const *) e->categories;
      /* only a summary in the feed: the page is fetched */
      hint.content = dossier_feed_entry_is_full (e) ? e->content : NULL;
      g_ptr_array_add (urls, e->link);
      g_array_append_val (hints, hint);
    }
  if (urls->len == 0)
    return TRUE;
  g_ptr_array_add (urls, NULL);
  results = _dossier_fetcher_run (fetcher, (const char * const *) urls->pdata,
                                  (const DossierLinkHint *) (gpointer) hints->data,
                                  NULL, NULL, NULL, cancellable, error);
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      DossierLinkResult *r = g_ptr_array_index (results, i);

      if (r->status == DOSSIER_IMPORT_IMPORTED)
        refresh->n_new++;
      else if (r->status == DOSSIER_IMPORT_FAILED)
        g_ptr_array_add (refresh->errors, g_strdup (r->error));
    }
  return TRUE;
}

/* Parses @reply as a feed, or finds the feed the page names.  @url is
 * set to the feed's own link. */
static DossierFeedDoc *
feed_of_reply (DossierFetcher     *fetcher,
               DossierFetchReply  *reply,
               char              **url,
               gboolean            follow,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *alternate = NULL;
  const char *data;
  gsize len;
  DossierFeedDoc *doc;

  data = g_bytes_get_data (reply->body, &len);
  doc = dossier_feed_parse (data, len, reply->final_url, &local_error);
  if (doc != NULL || !follow)
    {
      if (doc == NULL)
        g_set_error (error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NO_ARTICLE,
                     _("%s: not a feed (RSS or Atom)"), *url);
      return doc;
    }
  alternate = dossier_feed_find_in_page (data, len, reply->final_url);
  if (alternate == NULL)
    {
      g_set_error (error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NO_ARTICLE,
                   _("%s: neither a feed nor a page that names one"), *url);
      return NULL;
    }
  _dossier_fetch_reply_clear (reply);
  if (!_dossier_fetcher_get (fetcher, alternate, NULL, NULL, reply, cancellable))
    {
      g_set_error_literal (error, DOSSIER_FETCH_ERROR, MAX (reply->code, 0),
                           reply->error ? reply->error : _("cancelled"));
      return NULL;
    }
  g_free (*url);
  *url = g_steal_pointer (&alternate);
  return feed_of_reply (fetcher, reply, url, FALSE, cancellable, error);
}

static DossierFeedRefresh *
refresh_one (DossierFetcher   *fetcher,
             DossierFeedInfo  *info,
             GCancellable     *cancellable,
             GError          **error)
{
  DossierLibrary *library = dossier_fetcher_get_library (fetcher);
  DossierFeedRefresh *refresh = g_new0 (DossierFeedRefresh, 1);
  DossierFetchReply reply = { 0 };
  DossierFeedInfo state = { 0 };
  g_autoptr(DossierFeedDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url = g_strdup (info->url);
  FeedOp op = { .info = &state };
  gint64 now = g_get_real_time ();

  refresh->feed = info->id;
  refresh->title = g_strdup (info->title);
  refresh->errors = g_ptr_array_new_with_free_func (g_free);

  state.id = info->id;
  state.etag = info->etag;
  state.last_modified = info->last_modified;
  state.retry_after = info->retry_after;
  state.last_refresh = info->last_refresh;

  if (info->retry_after > now)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (info->retry_after / G_USEC_PER_SEC);
      g_autofree char *time = g_date_time_format (when, "%c");

      g_ptr_array_add (refresh->errors,
                       g_strdup_printf (_("%s: the server asked to wait until %s"), info->url, time));
      return refresh;
    }

  if (!_dossier_fetcher_get (fetcher, info->url, info->etag, info->last_modified, &reply, cancellable))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          _dossier_fetch_reply_clear (&reply);
          dossier_feed_refresh_free (refresh);
          return NULL;
        }
      state.last_error = reply.error;
      state.retry_after = retry_after (reply.retry_after);
      g_ptr_array_add (refresh->errors, g_strdup (reply.error));
    }
  else if (reply.status == SOUP_STATUS_NOT_MODIFIED)
    state.retry_after = 0;
  else if ((doc = feed_of_reply (fetcher, &reply, &url, FALSE, cancellable, &local_error)) == NULL)
    {
      state.last_error = local_error->message;
      g_ptr_array_add (refresh->errors, g_strdup (local_error->message));
    }
  else
    {
      state.etag = reply.etag;
      state.last_modified = reply.last_modified;
      state.retry_after = 0;
      if (!import_entries (fetcher, info->id, doc, refresh, cancellable, error))
        {
          _dossier_fetch_reply_clear (&reply);
          dossier_feed_refresh_free (refresh);
          return NULL;
        }
    }
  state.last_refresh = g_get_real_time ();
  if (!_dossier_library_run (library, &state_call, &op, NULL, error))
    g_clear_pointer (&refresh, dossier_feed_refresh_free);
  _dossier_fetch_reply_clear (&reply);
  return refresh;
}

gint64
dossier_feeds_subscribe_sync (DossierFetcher      *fetcher,
                              const char          *url,
                              DossierFeedRefresh **first,
                              GCancellable        *cancellable,
                              GError             **error)
{
  DossierLibrary *library = dossier_fetcher_get_library (fetcher);
  DossierFetchReply reply = { 0 };
  g_autoptr(DossierFeedDoc) doc = NULL;
  g_autoptr(DossierFeedRefresh) refresh = NULL;
  g_autofree char *feed_url = g_strstrip (g_strdup (url));
  g_autofree gint64 *id = NULL;
  FeedOp op = { 0 };
  DossierFeedInfo state = { 0 };
  FeedOp state_op_data = { .info = &state };

  g_return_val_if_fail (DOSSIER_IS_FETCHER (fetcher), 0);
  g_return_val_if_fail (url != NULL, 0);

  if (!_dossier_fetcher_get (fetcher, feed_url, NULL, NULL, &reply, cancellable))
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, DOSSIER_FETCH_ERROR, MAX (reply.code, 0), reply.error);
      _dossier_fetch_reply_clear (&reply);
      return 0;
    }
  doc = feed_of_reply (fetcher, &reply, &feed_url, TRUE, cancellable, error);
  if (doc == NULL)
    {
      _dossier_fetch_reply_clear (&reply);
      return 0;
    }

  op.url = feed_url;
  op.title = doc->title;
  op.site_url = doc->site_url;
  id = _dossier_library_run (library, &add_call, &op, NULL, error);
  if (id == NULL)
    {
      _dossier_fetch_reply_clear (&reply);
      return 0;
    }

  refresh = g_new0 (DossierFeedRefresh, 1);
  refresh->feed = *id;
  refresh->title = g_strdup (doc->title);
  refresh->errors = g_ptr_array_new_with_free_func (g_free);
  if (!import_entries (fetcher, *id, doc, refresh, cancellable, error))
    {
      _dossier_fetch_reply_clear (&reply);
      return 0;
    }
  state.id = *id;
  state.etag = reply.etag;
  state.last_modified = reply.last_modified;
  state.last_refresh = g_get_real_time ();
  if (!_dossier_library_run (library, &state_call, &state_op_data, NULL, error))
    {
      _dossier_fetch_reply_clear (&reply);
      return 0;
    }
  _dossier_fetch_reply_clear (&reply);
  if (first != NULL)
    *first = g_steal_pointer (&refresh);
  return *id;
}

GPtrArray *
dossier_feeds_refresh_sync (DossierFetcher  *fetcher,
                            gint64           id,
                            GCancellable    *cancellable,
                            GError         **error)
{
  DossierLibrary *library;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) results = NULL;
  FeedOp op = { .id = id };

  g_return_val_if_fail (DOSSIER_IS_FETCHER (fetcher), NULL);

  library = dossier_fetcher_get_library (fetcher);
  feeds = _dossier_library_run (library, &list_call, &op, NULL, error);
  if (feeds == NULL)
    return NULL;
  if (id > 0 && feeds->len == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no feed %lld"), (long long) id);
      return NULL;
    }
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_feed_refresh_free);
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierFeedInfo *info = g_ptr_array_index (feeds, i);
      DossierFeedRefresh *refresh;

      /* paused feeds are refreshed only when asked for by id */
      if (info->paused && id == 0)
        continue;
      refresh = refresh_one (fetcher, info, cancellable, error);
      if (refresh == NULL)
        return NULL;
      g_ptr_array_add (results, refresh);
    }
  return g_steal_pointer (&results);
}

/* --- on a thread --- */

static void
feeds_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GTask *outer = task_data;
  DossierFetcher *fetcher = g_task_get_source_object (outer);
  const char *url = g_object_get_data (G_OBJECT (outer), "url");
  GError *error = NULL;
  GPtrArray *results;

  if (url == NULL)
    results = dossier_feeds_refresh_sync (fetcher, 0, cancellable, &error);
  else
    {
      DossierFeedRefresh *first = NULL;

      results = NULL;
      if (dossier_feeds_subscribe_sync (fetcher, url, &first, cancellable, &error) > 0)
        {
          results = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_feed_refresh_free);
          g_ptr_array_add (results, first);
        }
    }
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_feeds_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *outer = user_data;
  DossierFetcher *fetcher = g_task_get_source_object (outer);
  GError *error = NULL;
  GPtrArray *results = g_task_propagate_pointer (G_TASK (result), &error);

  if (results == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, results, (GDestroyNotify) g_ptr_array_unref);
  /* new entries become new articles; the feeds' states change, no
   * article already there */
  _dossier_library_emit (dossier_fetcher_get_library (fetcher), DOSSIER_LIBRARY_EMITS_CHANGED_ADDED);
  g_object_unref (outer);
}

void
dossier_feeds_run_async (DossierFetcher      *fetcher,
                         const char          *url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (DOSSIER_IS_FETCHER (fetcher));

  /* only the caller's task holds the fetcher (and so the library): the
   * thread's task may be freed on its thread */
  outer = g_task_new (fetcher, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_feeds_run_async);
  g_object_set_data_full (G_OBJECT (outer), "url", g_strdup (url), g_free);
  inner = g_task_new (NULL, cancellable, on_feeds_done_cb, outer);
  g_task_set_task_data (inner, outer, NULL);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, feeds_thread);
}

GPtrArray *
dossier_feeds_run_finish (DossierFetcher  *fetcher,
                          GAsyncResult    *result,
                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, fetcher), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_feeds_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
