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
static const DossierLibraryCall suggest_call = { suggest_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

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

/* --- in steps: other calls run between them --- */

typedef struct
{
  DossierDateSuggester *sg;
  gint64                started;   /* monotonic, µs */
  gint64                finished;
  gint64                longest;   /* the longest step, µs */
} Run;

static void
run_free (gpointer p)
{
  Run *run = p;

  dossier_date_suggester_free (run->sg);
  g_free (run);
}

static gpointer
step_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Run *run = data;
  gint64 t0 = g_get_monotonic_time ();
  int rc = dossier_store_suggest_dates_step (store, run->sg, cancellable, error);

  run->longest = MAX (run->longest, g_get_monotonic_time () - t0);
  if (rc < 0)
    return NULL;
  return GINT_TO_POINTER (rc > 0 ? 2 : 1);
}

static const DossierLibraryCall step_call = { step_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING, TRUE };

static void
on_step_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  DossierLibrary *library = DOSSIER_LIBRARY (source);
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer r = _dossier_library_finish (library, result, &step_call, &error);

  if (r == NULL)
    g_task_return_error (task, error);
  else if (GPOINTER_TO_INT (r) == 2)
    {
      /* queued behind whatever the window asked for meanwhile */
      _dossier_library_run_async (library, &step_call, run, NULL,
                                  g_task_get_cancellable (task), on_step_cb, task);
      return;
    }
  else
    {
      run->finished = g_get_monotonic_time ();
      /* new suggestions change what is:suggested finds */
      _dossier_library_emit (library, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES);
      g_task_return_int (task, dossier_date_suggester_get_saved (run->sg));
    }
  g_object_unref (task);
}

void
dossier_dates_suggest_async (DossierLibrary      *library,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_dates_suggest_async);
  run = g_new0 (Run, 1);
  run->sg = dossier_date_suggester_new (TRUE);
  run->started = g_get_monotonic_time ();
  g_task_set_task_data (task, run, run_free);
  _dossier_library_run_async (library, &step_call, run, NULL, cancellable, on_step_cb, task);
}

gint64
dossier_dates_suggest_finish (DossierLibrary  *library,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_dates_suggest_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}

void
dossier_dates_suggest_get_timing (GAsyncResult *result,
                                  double       *seconds,
                                  double       *longest_step_ms)
{
  Run *run;

  g_return_if_fail (G_IS_TASK (result));
  g_return_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_dates_suggest_async);

  run = g_task_get_task_data (G_TASK (result));
  if (seconds != NULL)
    *seconds = run->finished > 0 ? (run->finished - run->started) / 1e6 : 0;
  if (longest_step_ms != NULL)
    *longest_step_ms = run->longest / 1e3;
}

/* --- after an import, in the background --- */

typedef struct
{
  gboolean running;
  gboolean again;     /* another import ended meanwhile */
} Background;

#define BACKGROUND_KEY "dossier-dates-background"

static Background *
background_get (DossierLibrary *library)
{
  Background *bg = g_object_get_data (G_OBJECT (library), BACKGROUND_KEY);

  if (bg == NULL)
    {
      bg = g_new0 (Background, 1);
      g_object_set_data_full (G_OBJECT (library), BACKGROUND_KEY, bg, g_free);
    }
  return bg;
}

static void
on_background_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  DossierLibrary *library = DOSSIER_LIBRARY (source);
  Background *bg = background_get (library);
  g_autoptr(GError) error = NULL;

  if (dossier_dates_suggest_finish (library, result, &error) < 0)
    g_debug ("suggested dates not worked out: %s", error->message);
  bg->running = FALSE;
  if (bg->again && error == NULL)
    dossier_dates_suggest_in_background (library);
}

void
dossier_dates_suggest_in_background (DossierLibrary *library)
{
  Background *bg;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  bg = background_get (library);
  if (bg->running)
    {
      bg->again = TRUE;
      return;
    }
  bg->running = TRUE;
  bg->again = FALSE;
  dossier_dates_suggest_async (library, NULL, on_background_done_cb, NULL);
}

gboolean
dossier_dates_get_suggesting (DossierLibrary *library)
{
  Background *bg;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  bg = g_object_get_data (G_OBJECT (library), BACKGROUND_KEY);
  return bg != NULL && bg->running;
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

/* --- many at once, taking back, one article's suggestion --- */

typedef struct
{
  GArray            *ids;        /* of gint64 */
  gint64             id;
  DossierDate        previous;
  DossierDateOrigin  origin;
} ManyArgs;

static void
many_args_free (gpointer p)
{
  ManyArgs *a = p;

  g_clear_pointer (&a->ids, g_array_unref);
  g_free (a);
}

static gpointer
accept_many_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ManyArgs *a = data;
  gint64 n = dossier_store_accept_date_suggestions (store, (const gint64 *) (gpointer) a->ids->data,
                                                    a->ids->len, error);

  /* a count, never NULL: one more than the number */
  return n < 0 ? NULL : GSIZE_TO_POINTER ((gsize) n + 1);
}

static const DossierLibraryCall accept_many_call = { accept_many_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

void
dossier_dates_accept_many_async (DossierLibrary      *library,
                                 const gint64        *ids,
                                 guint                n_ids,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ManyArgs *a;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (ids != NULL || n_ids == 0);

  a = g_new0 (ManyArgs, 1);
  a->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (a->ids, ids, n_ids);
  _dossier_library_run_async (library, &accept_many_call, a, many_args_free,
                              cancellable, callback, user_data);
}

gint64
dossier_dates_accept_many_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  gpointer r = _dossier_library_finish (library, result, &accept_many_call, error);

  return r ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

static gpointer
unaccept_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ManyArgs *a = data;

  return dossier_store_unaccept_date_suggestion (store, a->id, &a->previous, a->origin, error) ? DONE : NULL;
}

static const DossierLibraryCall unaccept_call = { unaccept_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

void
dossier_dates_unaccept_async (DossierLibrary      *library,
                              gint64               article_id,
                              const DossierDate   *previous,
                              DossierDateOrigin    origin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ManyArgs *a;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (previous != NULL);

  a = g_new0 (ManyArgs, 1);
  a->id = article_id;
  a->previous = *previous;
  a->origin = origin;
  _dossier_library_run_async (library, &unaccept_call, a, many_args_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_dates_unaccept_finish (DossierLibrary  *library,
                               GAsyncResult    *result,
                               GError         **error)
{
  return _dossier_library_finish (library, result, &unaccept_call, error) != NULL;
}

static gpointer
get_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  DatesArgs *a = data;

  return dossier_store_get_date_suggestion (store, a->id, error);
}

static const DossierLibraryCall get_call =
  { get_op, (GDestroyNotify) dossier_stored_suggestion_free, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_dates_get_async (DossierLibrary      *library,
                         gint64               article_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &get_call, args_new (article_id), g_free,
                              cancellable, callback, user_data);
}

DossierStoredSuggestion *
dossier_dates_get_finish (DossierLibrary  *library,
                          GAsyncResult    *result,
                          GError         **error)
{
  return _dossier_library_finish (library, result, &get_call, error);
}
