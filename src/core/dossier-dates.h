/* dossier-dates.h — suggested dates for undated articles, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions are worked out on demand or after an import is saved, on the
 * store's thread, never inside an import.  A suggestion becomes an
 * article's date only when the user accepts it; a date the user set is
 * never changed.  Accepting and dismissing emit the library's ::changed.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* How many articles have a suggestion, or -1 with @error set.  Without
 * @use_corpus, only each article's own text, address and partial date
 * count. */
gint64     dossier_dates_suggest_sync       (DossierLibrary       *library,
                                             gboolean              use_corpus,
                                             GCancellable         *cancellable,
                                             GError              **error);
void       dossier_dates_suggest_async      (DossierLibrary       *library,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64     dossier_dates_suggest_finish     (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* The async call works in steps of a few tens of milliseconds on the
 * store's thread, so the window's calls run between them; it emits
 * ::changed when done.  How long it took in all, and its longest step. */
void       dossier_dates_suggest_get_timing (GAsyncResult         *result,
                                             double               *seconds,
                                             double               *longest_step_ms);
/* Starts the async suggestion with nobody waiting for it, as after an
 * import is saved; asked again while running, it runs once more after. */
void       dossier_dates_suggest_in_background (DossierLibrary *library);
/* TRUE while a background run is working. */
gboolean   dossier_dates_get_suggesting     (DossierLibrary       *library);

/* (element-type DossierStoredSuggestion): every article without a full
 * date, with what is suggested for it (as last worked out). */
GPtrArray *dossier_dates_list_sync          (DossierLibrary       *library,
                                             GError              **error);
void       dossier_dates_list_async         (DossierLibrary       *library,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *dossier_dates_list_finish        (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);

gboolean   dossier_dates_accept_sync        (DossierLibrary       *library,
                                             gint64                article_id,
                                             GError              **error);
void       dossier_dates_accept_async       (DossierLibrary       *library,
                                             gint64                article_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean   dossier_dates_accept_finish      (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);
/* How many were accepted, or -1 with @error set. */
gint64     dossier_dates_accept_above_sync  (DossierLibrary       *library,
                                             double                confidence,
                                             GError              **error);
/* Accepts the suggestions of @ids in one transaction (all or none);
 * returns how many, or -1 with @error set. */
void       dossier_dates_accept_many_async  (DossierLibrary       *library,
                                             const gint64         *ids,
                                             guint                 n_ids,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64     dossier_dates_accept_many_finish (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);
/* Undoes an accept: the article's date becomes @previous with @origin
 * again (as they were before) and the suggestion is open once more. */
void       dossier_dates_unaccept_async     (DossierLibrary       *library,
                                             gint64                article_id,
                                             const DossierDate    *previous,
                                             DossierDateOrigin     origin,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean   dossier_dates_unaccept_finish    (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);
/* One article's suggestion in any state (precision UNKNOWN: none). */
void       dossier_dates_get_async          (DossierLibrary       *library,
                                             gint64                article_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
DossierStoredSuggestion *
           dossier_dates_get_finish         (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean   dossier_dates_dismiss_sync       (DossierLibrary       *library,
                                             gint64                article_id,
                                             GError              **error);
void       dossier_dates_dismiss_async      (DossierLibrary       *library,
                                             gint64                article_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean   dossier_dates_dismiss_finish     (DossierLibrary       *library,
                                             GAsyncResult         *result,
                                             GError              **error);
/* The evidence kept with an accepted suggestion (empty when none). */
char     **dossier_dates_get_evidence_sync  (DossierLibrary       *library,
                                             gint64                article_id,
                                             GError              **error);

G_END_DECLS
