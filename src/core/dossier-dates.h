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
