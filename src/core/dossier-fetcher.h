/* dossier-fetcher.h — articles from links on the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-types.h"
#include "dossier-importer.h"

G_BEGIN_DECLS

#define DOSSIER_FETCH_ERROR (dossier_fetch_error_quark ())

/* Why a link gave no article: the fixed set of reasons, each with its
 * name in dossier_fetch_error_reason(). */
typedef enum
{
  DOSSIER_FETCH_ERROR_NOT_FOUND,     /* "not-found": 404, 410 */
  DOSSIER_FETCH_ERROR_SERVER_ERROR,  /* "server-error": 5xx, other refusals, redirect loops */
  DOSSIER_FETCH_ERROR_NO_HOST,       /* "no-host": not a web link, unknown or unreachable host */
  DOSSIER_FETCH_ERROR_TLS,           /* "tls": a certificate that does not check out */
  DOSSIER_FETCH_ERROR_TIMEOUT,       /* "timeout": over the time limit */
  DOSSIER_FETCH_ERROR_TOO_LARGE,     /* "too-large": over the size limit */
  DOSSIER_FETCH_ERROR_NOT_A_PAGE,    /* "not-a-page": a PDF, an image, … */
  DOSSIER_FETCH_ERROR_NO_ARTICLE,    /* "no-article": a page without article text */
} DossierFetchError;

GQuark      dossier_fetch_error_quark  (void);
/* "not-found", "server-error", …; NULL for a code out of the set */
const char *dossier_fetch_error_reason (int code);

typedef struct
{
  char                *url;        /* the link as given */
  char                *final_url;  /* after redirects; NULL when never fetched */
  DossierImportStatus  status;
  gint64               id;         /* new article, or the one it duplicates */
  const char          *reason;     /* static: dossier_fetch_error_reason(), or NULL */
  char                *error;      /* a sentence naming the link and the reason */
} DossierLinkResult;

void dossier_link_result_free (DossierLinkResult *result);

/* Called in the main context of the *_async caller (or in the calling
 * thread for *_sync) after each link. */
typedef void (*DossierLinkProgress) (const DossierLinkResult *result,
                                     guint                    done,
                                     guint                    total,
                                     gpointer                 user_data);

#define DOSSIER_TYPE_FETCHER (dossier_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (DossierFetcher, dossier_fetcher, DOSSIER, FETCHER, GObject)

/* A fetcher with the standard limits: 30 s per request, 20 MB per body,
 * 10 redirects, 4 requests at once, certificates checked against the
 * system's authorities, no cookies, no scripts. */
DossierFetcher *dossier_fetcher_new             (DossierLibrary       *library);
DossierLibrary *dossier_fetcher_get_library     (DossierFetcher       *self);
/* The User-Agent every request sends. */
const char     *dossier_fetcher_get_user_agent  (DossierFetcher       *self);

/* Fetches each link (at most DossierFetcher:max-parallel at once), runs
 * the page through the importer and saves it with both links.  A link
 * known before is a duplicate without a request.  The result is
 * (element-type DossierLinkResult), one per link, in the order given.
 * Blocks: for the command line and tests. */
GPtrArray *dossier_fetcher_add_links_sync   (DossierFetcher        *self,
                                             const char * const    *urls,
                                             DossierLinkProgress    progress,
                                             gpointer               user_data,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* The same on a thread of its own; the library emits ::changed when it
 * ends, also when cancelled (the links saved before stay, whole). */
void       dossier_fetcher_add_links_async  (DossierFetcher        *self,
                                             const char * const    *urls,
                                             DossierLinkProgress    progress,
                                             gpointer               progress_data,
                                             GDestroyNotify         progress_destroy,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GPtrArray *dossier_fetcher_add_links_finish (DossierFetcher        *self,
                                             GAsyncResult          *result,
                                             GError               **error);

/* dossier_fetcher_add_links_async() with a fetcher of standard limits;
 * finish with dossier_library_add_links_finish(). */
void       dossier_library_add_links_async  (DossierLibrary        *library,
                                             GStrv                  urls,
                                             DossierLinkProgress    progress,
                                             gpointer               progress_data,
                                             GDestroyNotify         progress_destroy,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GPtrArray *dossier_library_add_links_finish (DossierLibrary        *library,
                                             GAsyncResult          *result,
                                             GError               **error);

/* The links in @text, one per line, blank lines skipped, white space
 * trimmed.  @only_web: only http and https links (text dropped on the
 * window); else every line (a line that is no link gets its error). */
GStrv      dossier_links_from_text          (const char            *text,
                                             gboolean               only_web);


G_END_DECLS
