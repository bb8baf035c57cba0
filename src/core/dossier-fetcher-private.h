/* dossier-fetcher-private.h — the fetcher's requests, for feeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-fetcher.h"
#include "dossier-date.h"

G_BEGIN_DECLS

/* What a feed says about the entry behind a link. */
typedef struct
{
  gint64       feed_id;     /* 0: not from a feed */
  const char  *guid;
  const char  *title;
  const char  *author;      /* fills a page without a byline */
  DossierDate  published;   /* fills a page without a date */
  const char  *content;     /* the full text in the feed: nothing is fetched */
  const char * const *tags; /* the entry's categories, as article tags, or NULL */
} DossierLinkHint;

/* One GET, with conditional request headers from @etag and
 * @last_modified (may be NULL). */
typedef struct
{
  guint   status;         /* 200, or 304 when not modified; 0 on failure */
  GBytes *body;
  char   *final_url;
  char   *etag;
  char   *last_modified;
  char   *retry_after;    /* the header of a 429 or 503 */
  int     code;           /* DossierFetchError on failure, else -1 */
  char   *error;          /* a sentence naming the link */
} DossierFetchReply;

void       _dossier_fetch_reply_clear (DossierFetchReply       *reply);

/* dossier_fetcher_add_links_sync() with a hint per link (@hints: one per
 * link, or NULL), reporting progress in @progress_context (NULL: in the
 * calling thread). */
GPtrArray *_dossier_fetcher_run       (DossierFetcher          *self,
                                       const char * const      *urls,
                                       const DossierLinkHint   *hints,
                                       DossierLinkProgress      progress,
                                       gpointer                 user_data,
                                       GMainContext            *progress_context,
                                       GCancellable            *cancellable,
                                       GError                 **error);
/* _dossier_fetcher_run() that, when cancelled, sets *@cancelled and
 * returns the results of the links started before (each one ended whole:
 * saved, failed, or with reason NULL when stopped in flight), in the
 * order given; the links never started have none. */
GPtrArray *_dossier_fetcher_run_partial (DossierFetcher        *self,
                                         const char * const    *urls,
                                         const DossierLinkHint *hints,
                                         DossierLinkProgress    progress,
                                         gpointer               user_data,
                                         GMainContext          *progress_context,
                                         GCancellable          *cancellable,
                                         gboolean              *cancelled,
                                         GError               **error);
/* Fetches @url whatever its type (a feed), within the fetcher's limits;
 * FALSE when cancelled or failed (@reply says why). */
gboolean   _dossier_fetcher_get       (DossierFetcher          *self,
                                       const char              *url,
                                       const char              *etag,
                                       const char              *last_modified,
                                       DossierFetchReply       *reply,
                                       GCancellable            *cancellable);

/* dossier-feeds.c: records that the entry @guid of @feed_id was dealt
 * with (@article_id: its article, or 0), so it is never imported again. */
gboolean   _dossier_feeds_mark_entry  (DossierLibrary          *library,
                                       gint64                   feed_id,
                                       const char              *guid,
                                       gint64                   article_id,
                                       GError                 **error);

G_END_DECLS
