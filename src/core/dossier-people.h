/* dossier-people.h — people, their quotes and corrections, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quotes are found after an import is saved, on the store's thread, a
 * batch of articles at a time (dossier_people_find_quotes_async()); the
 * library stays usable meanwhile and stopping loses nothing.  Corrections
 * emit the library's ::changed.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* Finds the quotes of up to @max_articles waiting articles (G_MAXUINT:
 * all); returns how many were done, or -1 with @error set. */
gint64     dossier_people_find_quotes_sync   (DossierLibrary  *library,
                                              guint            max_articles,
                                              GCancellable    *cancellable,
                                              GError         **error);
void       dossier_people_find_quotes_async  (DossierLibrary      *library,
                                              guint                max_articles,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gint64     dossier_people_find_quotes_finish (DossierLibrary  *library,
                                              GAsyncResult    *result,
                                              GError         **error);
/* Finds the quotes of every waiting article in the background, a batch
 * of articles per call of the store so that other calls run between
 * them, and emits the library's ::changed once when done.  Does nothing
 * while it is already running on @library. */
void       dossier_people_catch_up           (DossierLibrary  *library);

/* The catch-up's progress on a library: "running" while it has more
 * than one batch of articles to do (an upgraded library, a large
 * import), and "fraction", the part of them done. */
#define DOSSIER_TYPE_QUOTES_PROGRESS (dossier_quotes_progress_get_type ())
G_DECLARE_FINAL_TYPE (DossierQuotesProgress, dossier_quotes_progress, DOSSIER, QUOTES_PROGRESS, GObject)

/* (transfer none): one per library, for as long as it lives */
DossierQuotesProgress *dossier_people_get_progress           (DossierLibrary        *library);
gboolean               dossier_quotes_progress_get_running   (DossierQuotesProgress *self);
double                 dossier_quotes_progress_get_fraction  (DossierQuotesProgress *self);

/* How many articles wait for their quotes, or -1. */
gint64     dossier_people_pending_sync       (DossierLibrary  *library,
                                              GError         **error);

/* (element-type DossierStoredPerson) */
GPtrArray *dossier_people_list_sync          (DossierLibrary  *library,
                                              const char      *search,
                                              GError         **error);
/* A person by id or name (see dossier_store_find_person()); 0 on error. */
gint64     dossier_people_find_sync          (DossierLibrary  *library,
                                              const char      *spec,
                                              GError         **error);
/* (element-type DossierStoredQuote) */
GPtrArray *dossier_people_quotes_sync        (DossierLibrary  *library,
                                              gint64           person_id,
                                              gint64           article_id,
                                              gboolean         all,
                                              GError         **error);

/* The same quotes in the same order, each given to @func on the
 * library's own thread, without a copy: for long lists written out as
 * they are read. */
gboolean   dossier_people_each_quote_sync    (DossierLibrary        *library,
                                              gint64                 person_id,
                                              gint64                 article_id,
                                              gboolean               all,
                                              DossierStoreQuoteFunc  func,
                                              gpointer               user_data,
                                              GError               **error);
gboolean   dossier_people_rename_sync        (DossierLibrary  *library,
                                              gint64           id,
                                              const char      *name,
                                              GError         **error);
gboolean   dossier_people_merge_sync         (DossierLibrary  *library,
                                              gint64           id,
                                              gint64           other,
                                              GError         **error);
/* The new person's id, or 0 with @error set. */
gint64     dossier_people_split_sync         (DossierLibrary  *library,
                                              gint64           id,
                                              const char      *variant,
                                              GError         **error);
gboolean   dossier_people_reassign_sync      (DossierLibrary  *library,
                                              gint64           quote_id,
                                              gint64           person_id,
                                              GError         **error);
gboolean   dossier_people_reject_sync        (DossierLibrary  *library,
                                              gint64           quote_id,
                                              GError         **error);

G_END_DECLS
