/* dossier-feeds.h — following RSS and Atom feeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-fetcher.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* What one feed's refresh brought. */
typedef struct
{
  gint64     feed;
  char      *title;
  guint      n_new;      /* articles added */
  GPtrArray *errors;     /* (element-type utf8): sentences naming the link */
} DossierFeedRefresh;

void              dossier_feed_refresh_free   (DossierFeedRefresh *refresh);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFeedRefresh, dossier_feed_refresh_free)

/* Follows the feed at @url, or the one the page at @url names with
 * <link rel="alternate">, and imports its entries.  Returns the feed's id
 * (the existing one's when it is followed already) and what the first
 * refresh brought in *@first; 0 with @error set (DOSSIER_FETCH_ERROR).
 * Blocks: for the command line, tests and threads. */
gint64            dossier_feeds_subscribe_sync (DossierFetcher      *fetcher,
                                                const char          *url,
                                                DossierFeedRefresh **first,
                                                GCancellable        *cancellable,
                                                GError             **error);
/* Refreshes feed @id, or every feed not paused when @id is 0, with
 * conditional requests, and no sooner than a server's Retry-After.  One
 * (element-type DossierFeedRefresh) per feed. */
GPtrArray        *dossier_feeds_refresh_sync   (DossierFetcher      *fetcher,
                                                gint64               id,
                                                GCancellable        *cancellable,
                                                GError             **error);
/* dossier_feeds_refresh_sync() (@url NULL) or dossier_feeds_subscribe_sync()
 * (@url: the feed or page) on a thread of its own; the library emits
 * ::changed when it ends.  The result is (element-type DossierFeedRefresh). */
void              dossier_feeds_run_async      (DossierFetcher      *fetcher,
                                                const char          *url,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray        *dossier_feeds_run_finish     (DossierFetcher      *fetcher,
                                                GAsyncResult        *result,
                                                GError             **error);
/* (element-type DossierFeedInfo), by title */
GPtrArray        *dossier_feeds_list_sync      (DossierLibrary      *library,
                                                GError             **error);
/* NULL @title: keep it; @paused < 0: keep it */
gboolean          dossier_feeds_update_sync    (DossierLibrary      *library,
                                                gint64               id,
                                                const char          *title,
                                                int                  paused,
                                                GError             **error);
/* dossier_feeds_list_sync() on the store's thread */
void              dossier_feeds_list_async     (DossierLibrary      *library,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray        *dossier_feeds_list_finish    (DossierLibrary      *library,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Renames (@title not NULL), pauses or resumes (@paused >= 0), or with
 * @remove removes feed @id; the library emits ::changed after. */
void              dossier_feeds_edit_async     (DossierLibrary      *library,
                                                gint64               id,
                                                const char          *title,
                                                int                  paused,
                                                gboolean             remove,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean          dossier_feeds_edit_finish    (DossierLibrary      *library,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Follows the feeds an OPML file lists (nothing is fetched until the next
 * refresh); *@n_added gets the new ones, *@n_known those followed already.
 * FALSE with @error naming the file when it cannot be read or is no OPML. */
gboolean          dossier_feeds_import_opml_sync (DossierLibrary    *library,
                                                  const char        *path,
                                                  guint             *n_added,
                                                  guint             *n_known,
                                                  GError           **error);
/* Writes every feed to @path as OPML 2.0 (replacing it atomically);
 * *@n_feeds gets how many. */
gboolean          dossier_feeds_export_opml_sync (DossierLibrary    *library,
                                                  const char        *path,
                                                  guint             *n_feeds,
                                                  GError           **error);
/* dossier_feeds_import_opml_sync() (@export FALSE) or
 * dossier_feeds_export_opml_sync() on a thread of its own; the library
 * emits ::changed after an import.  _finish gives the feeds followed or
 * written, and in *@n_known those followed already. */
void              dossier_feeds_opml_async     (DossierLibrary      *library,
                                                GFile               *file,
                                                gboolean             export,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean          dossier_feeds_opml_finish    (DossierLibrary      *library,
                                                GAsyncResult        *result,
                                                guint               *n_feeds,
                                                guint               *n_known,
                                                GError             **error);
/* The feed goes; the articles it brought stay. */
gboolean          dossier_feeds_remove_sync    (DossierLibrary      *library,
                                                gint64               id,
                                                GError             **error);

G_END_DECLS
