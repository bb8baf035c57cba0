/* dossier-dates.c — suggested dates for undated articles, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-dates"

#include "config.h"

#include "dossier-dates.h"
#include "dossier-library-private.h"

typedef struct
{
  gint64   id;
  double   confidence;
  gboolean use_corpus;
  gint64   count;      /* out */
} DatesArgs;

/* Operations that succeed with nothing to return give this. */
#define DONE GINT_TO_POINTER (1)

static DatesArgs *
args_new (gint64 id)
{
  DatesArgs *a = g_new0 (DatesArgs, 1);

  a->id = id;
  a->use_corpus = TRUE;
  return a;
}

static gpointer
suggest_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;
  gint64 n = dossier_store_suggest_dates (store, a->use_corpus, cancellable, error);

  if (n < 0)
    return NULL;
  /* a count, never NULL: one more than the number */
  return GSIZE_TO_POINTER ((gsize) n + 1);
}

/* new suggestions change what is:suggested finds */
static const DossierLibraryCall suggest_call = { suggest_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gint64
dossier_dates_suggest_sync (DossierLibrary  *library,
                            gboolean         use_corpus,
                            GCancellable    *cancellable,
                            GError         **error)
{
  DatesArgs a = { 0, 0, use_corpus, 0 };
  gpointer r;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  r = _dossier_library_run (library, &suggest_call, &a, cancellable, error);
  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

void
dossier_dates_suggest_async (DossierLibrary      *library,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &suggest_call, args_new (0), g_free,
                              cancellable, callback, user_data);
}

gint64
dossier_dates_suggest_finish (DossierLibrary  *library,
                              GAsyncResult    *result,
                              GError         **error)
{
  gpointer r = _dossier_library_finish (library, result, &suggest_call, error);

  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

static gpointer
list_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return dossier_store_list_date_suggestions (store, error);
}

static const DossierLibraryCall list_call =
  { list_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_dates_list_sync (DossierLibrary  *library,
                         GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &list_call, NULL, NULL, error);
}

void
dossier_dates_list_async (DossierLibrary      *library,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &list_call, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
dossier_dates_list_finish (DossierLibrary  *library,
                           GAsyncResult    *result,
                           GError         **error)
{
  return _dossier_library_finish (library, result, &list_call, error);
}

static gpointer
accept_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;

  return dossier_store_accept_date_suggestion (store, a->id, error) ? DONE : NULL;
}

static const DossierLibraryCall accept_call = { accept_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_dates_accept_sync (DossierLibrary  *library,
                           gint64           article_id,
                           GError         **error)
{
  DatesArgs a = { article_id, 0, FALSE, 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &accept_call, &a, NULL, error) != NULL;
}

void
dossier_dates_accept_async (DossierLibrary      *library,
                            gint64               article_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &accept_call, args_new (article_id), g_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_dates_accept_finish (DossierLibrary  *library,
                             GAsyncResult    *result,
                             GError         **error)
{
  return _dossier_library_finish (library, result, &accept_call, error) != NULL;
}

static gpointer
accept_above_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;

  a->count = dossier_store_accept_date_suggestions_above (store, a->confidence, error);
  return a->count >= 0 ? DONE : NULL;
}

static const DossierLibraryCall accept_above_call = { accept_above_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gint64
dossier_dates_accept_above_sync (DossierLibrary  *library,
                                 double           confidence,
                                 GError         **error)
{
  DatesArgs a = { 0, confidence, FALSE, 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  return _dossier_library_run (library, &accept_above_call, &a, NULL, error) ? a.count : -1;
}

static gpointer
dismiss_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;

  return dossier_store_dismiss_date_suggestion (store, a->id, error) ? DONE : NULL;
}

static const DossierLibraryCall dismiss_call = { dismiss_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_dates_dismiss_sync (DossierLibrary  *library,
                            gint64           article_id,
                            GError         **error)
{
  DatesArgs a = { article_id, 0, FALSE, 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &dismiss_call, &a, NULL, error) != NULL;
}

void
dossier_dates_dismiss_async (DossierLibrary      *library,
                             gint64               article_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &dismiss_call, args_new (article_id), g_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_dates_dismiss_finish (DossierLibrary  *library,
                              GAsyncResult    *result,
                              GError         **error)
{
  return _dossier_library_finish (library, result, &dismiss_call, error) != NULL;
}

static gpointer
evidence_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;

  return dossier_store_get_date_evidence (store, a->id, error);
}

static const DossierLibraryCall evidence_call = { evidence_op, (GDestroyNotify) g_strfreev, DOSSIER_LIBRARY_EMITS_NOTHING };

char **
dossier_dates_get_evidence_sync (DossierLibrary  *library,
                                 gint64           article_id,
                                 GError         **error)
{
  DatesArgs a = { article_id, 0, FALSE, 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &evidence_call, &a, NULL, error);
}
