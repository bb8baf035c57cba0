/* dossier-app-import.h — leaving another app: Pocket, Omnivore, Wallabag
 * and Instapaper exports into the library, highlights anchored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry of the export becomes an article (its text is in the
 * export), or a pending link kept with its tags and highlights to be
 * fetched later (only its link is), or a failed row with its reason.  The
 * time it was saved becomes the article's imported-at; folders, labels
 * and tags become article tags; archived/read becomes read; starred
 * becomes the tag "starred".  Highlights and notes become annotations,
 * placed with the fuzzy anchoring; one whose text is not in the article
 * is kept as an orphan with its text.  Which entry became what is
 * remembered: importing the same export again adds nothing twice.  The
 * whole file goes in one transaction: on a library error nothing of it is
 * kept.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-library.h"
#include "dossier-app-export.h"
#include "dossier-pending-link.h"
#include "dossier-fetcher.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_APP_ENTRY_IMPORTED,
  DOSSIER_APP_ENTRY_DUPLICATE,   /* already in the library */
  DOSSIER_APP_ENTRY_PENDING,     /* only a link: kept to fetch later */
  DOSSIER_APP_ENTRY_FAILED,
} DossierAppEntryStatus;

/* "imported", "duplicate", "pending", "error" */
const char *dossier_app_entry_status_to_string (DossierAppEntryStatus status);

typedef struct
{
  char                  *source_id;
  char                  *url;
  char                  *title;
  DossierAppEntryStatus  status;
  gint64                 id;           /* the article; for PENDING the pending link */
  guint                  annotations;  /* highlights placed in the text */
  guint                  orphans;      /* highlights kept without a place */
  char                  *reason;       /* why DUPLICATE or PENDING */
  char                  *error;        /* why FAILED: names the file and row */
} DossierAppEntryResult;

typedef struct
{
  DossierAppKind  kind;
  guint           articles;     /* new articles */
  guint           duplicates;
  guint           pending;      /* links kept to fetch later */
  guint           kept_before;  /* of the duplicates: links an earlier run kept, still to fetch */
  guint           failed;
  guint           annotations;  /* new highlights placed in the text */
  guint           orphans;      /* new highlights kept as orphans */
  GPtrArray      *entries;      /* (element-type DossierAppEntryResult), in file order */
  gboolean        cancelled;    /* fetching links: stopped before every link was tried */
} DossierAppImportSummary;

void     dossier_app_import_summary_free (DossierAppImportSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAppImportSummary, dossier_app_import_summary_free)

/* The kind of export @path looks like (reads its first bytes), or
 * UNKNOWN; FALSE with @error set when it cannot be read. */
gboolean dossier_app_import_detect_file  (const char      *path,
                                          DossierAppKind  *kind,
                                          GError         **error);

/* Blocks: for dossier-cli, tests and worker threads.  @kind UNKNOWN:
 * detected from the contents.  Errors name the file: unreadable, too
 * large, not the kind, a hostile archive. */
DossierAppImportSummary *dossier_app_import_file   (DossierLibrary   *library,
                                                    DossierAppKind    kind,
                                                    const char       *path,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

/* For the GUI: the same on a thread; the library emits ::changed after. */
void                     dossier_app_import_async  (DossierLibrary       *library,
                                                    DossierAppKind        kind,
                                                    GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
DossierAppImportSummary *dossier_app_import_finish (DossierLibrary       *library,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The links kept to fetch later, oldest first
 * (element-type DossierPendingLink).  Blocks. */
GPtrArray               *dossier_app_import_list_pending (DossierLibrary  *library,
                                                          GError         **error);

/* Fetches every link kept to fetch later, as Add by Link does (progress
 * after each link, failures with the same reasons).  Each article fetched
 * takes what the export said of it: the time saved (a new article), tags,
 * read state and highlights (anchored, or kept as orphans), and its link
 * is kept no longer; a link that failed stays kept, for another try.  The
 * summary has one entry per link, IMPORTED, DUPLICATE or FAILED.
 * Cancelled, it is no error: the links fetched before are settled as
 * above, the others (never tried, or stopped in flight) stay kept as they
 * were, PENDING in the summary, whose cancelled is set.
 * Blocks: for dossier-cli and tests. */
DossierAppImportSummary *dossier_app_import_fetch_pending        (DossierFetcher       *fetcher,
                                                                  DossierLinkProgress   progress,
                                                                  gpointer              progress_data,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
/* The same on a thread, progress in the caller's main context; the
 * library emits ::changed after. */
void                     dossier_app_import_fetch_pending_async  (DossierFetcher       *fetcher,
                                                                  DossierLinkProgress   progress,
                                                                  gpointer              progress_data,
                                                                  GDestroyNotify        progress_destroy,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
DossierAppImportSummary *dossier_app_import_fetch_pending_finish (DossierFetcher       *fetcher,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

G_END_DECLS
