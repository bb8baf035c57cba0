/* dossier-people.c — people, their quotes and corrections, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-people"

#include "config.h"

#include "dossier-people.h"
#include "dossier-library-private.h"

typedef struct
{
  gint64      a;
  gint64      b;
  guint       max;
  gboolean    all;
  const char *text;
} PeopleArgs;

/* Operations that succeed with nothing to return give this; counts are
 * returned as one more than the number, never NULL. */
#define DONE GINT_TO_POINTER (1)
#define COUNT(n) GSIZE_TO_POINTER ((gsize) (n) + 1)

static inline gint64
uncount (gpointer r)
{
  return r != NULL ? (gint64) GPOINTER_TO_SIZE (r) - 1 : -1;
}

static gpointer
find_quotes_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;
  gint64 n = dossier_store_find_quotes (store, a->max, cancellable, error);

  return n < 0 ? NULL : COUNT (n);
}

/* new quotes change what person: and quote: find */
static const DossierLibraryCall find_quotes_call = { find_quotes_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gint64
dossier_people_find_quotes_sync (DossierLibrary  *library,
                                 guint            max_articles,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  PeopleArgs a = { .max = max_articles };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  return uncount (_dossier_library_run (library, &find_quotes_call, &a, cancellable, error));
}

void
dossier_people_find_quotes_async (DossierLibrary      *library,
                                  guint                max_articles,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  PeopleArgs *a = g_new0 (PeopleArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->max = max_articles;
  _dossier_library_run_async (library, &find_quotes_call, a, g_free, cancellable, callback, user_data);
}

gint64
dossier_people_find_quotes_finish (DossierLibrary  *library,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return uncount (_dossier_library_finish (library, result, &find_quotes_call, error));
}

/* articles of the catch-up's first slice, and of its largest (it is
 * sliced by time: see DOSSIER_LIBRARY_SLICE_USEC) */
#define CATCH_UP_FIRST 16
#define CATCH_UP_BATCH 256
#define CATCH_UP_KEY "dossier-people-catching-up"
#define PROGRESS_KEY "dossier-quotes-progress"

/* --- DossierQuotesProgress ---------------------------------------------- */

struct _DossierQuotesProgress
{
  GObject  parent_instance;

  gboolean running;
  double   fraction;
  gint64   done;  /* articles done since the catch-up began */
};

G_DEFINE_FINAL_TYPE (DossierQuotesProgress, dossier_quotes_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
progress_set (DossierQuotesProgress *self,
              gboolean               running,
              double                 fraction)
{
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (self->running != running)
    {
      self->running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

gboolean
dossier_quotes_progress_get_running (DossierQuotesProgress *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUOTES_PROGRESS (self), FALSE);

  return self->running;
}

double
dossier_quotes_progress_get_fraction (DossierQuotesProgress *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUOTES_PROGRESS (self), 0);

  return self->fraction;
}

static void
dossier_quotes_progress_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierQuotesProgress *self = DOSSIER_QUOTES_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_quotes_progress_class_init (DossierQuotesProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dossier_quotes_progress_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_quotes_progress_init (DossierQuotesProgress *self)
{
}

DossierQuotesProgress *
dossier_people_get_progress (DossierLibrary *library)
{
  DossierQuotesProgress *progress;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  progress = g_object_get_data (G_OBJECT (library), PROGRESS_KEY);
  if (progress == NULL)
    {
      progress = g_object_new (DOSSIER_TYPE_QUOTES_PROGRESS, NULL);
      g_object_set_data_full (G_OBJECT (library), PROGRESS_KEY, progress, g_object_unref);
    }
  return progress;
}

/* --- the catch-up -------------------------------------------------------- */

typedef struct
{
  gint64 done;
  gint64 remaining;
  gint64 elapsed;  /* on the store's thread, µs */
} BatchResult;

/* one batch, and how many articles still wait after it */
static gpointer
batch_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;
  BatchResult *r = g_new0 (BatchResult, 1);
  gint64 started = g_get_monotonic_time ();

  if ((r->done = dossier_store_find_quotes (store, a->max, cancellable, error)) < 0 ||
      (r->remaining = dossier_store_quotes_pending (store, error)) < 0)
    {
      g_free (r);
      return NULL;
    }
  r->elapsed = g_get_monotonic_time () - started;
  return r;
}

/* one batch of the catch-up: ::changed only at its end */
static const DossierLibraryCall batch_call = { batch_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING, TRUE };

static void on_batch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
run_batch (DossierLibrary *library,
           guint           max)
{
  PeopleArgs *a = g_new0 (PeopleArgs, 1);

  a->max = max;
  _dossier_library_run_async (library, &batch_call, a, g_free, NULL, on_batch_done_cb,
                              g_object_ref (library));
}

static void
on_batch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierLibrary) library = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree BatchResult *r = _dossier_library_finish (library, result, &batch_call, &error);
  DossierQuotesProgress *progress = dossier_people_get_progress (library);

  if (r != NULL && r->done > 0)
    {
      progress->done += r->done;
      /* shown only when there is more than one batch's work: not for
       * the few articles of a small import */
      if (r->remaining > 0)
        progress_set (progress, TRUE, (double) progress->done / (double) (progress->done + r->remaining));
      run_batch (library, _dossier_library_slice_size ((guint) r->done, r->elapsed, 1, CATCH_UP_BATCH));
      return;
    }
  if (r == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    g_warning ("Could not find the quotes of the library: %s", error->message);
  progress->done = 0;
  progress_set (progress, FALSE, 0);
  g_object_set_data (G_OBJECT (library), CATCH_UP_KEY, NULL);
  /* a closed library has no views left to tell; quotes and people
   * found change no article's text, date or story */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    _dossier_library_emit (library, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES);
}

void
dossier_people_catch_up (DossierLibrary *library)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  if (g_object_get_data (G_OBJECT (library), CATCH_UP_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (library), CATCH_UP_KEY, GINT_TO_POINTER (1));
  run_batch (library, CATCH_UP_FIRST);
}

static gpointer
pending_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  gint64 n = dossier_store_quotes_pending (store, error);

  return n < 0 ? NULL : COUNT (n);
}

static const DossierLibraryCall pending_call = { pending_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_people_pending_sync (DossierLibrary  *library,
                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  return uncount (_dossier_library_run (library, &pending_call, NULL, NULL, error));
}

static gpointer
list_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_list_people (store, a->text, error);
}

static const DossierLibraryCall list_call =
  { list_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_people_list_sync (DossierLibrary  *library,
                          const char      *search,
                          GError         **error)
{
  PeopleArgs a = { .text = search };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &list_call, &a, NULL, error);
}

static gpointer
find_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;
  gint64 id = dossier_store_find_person (store, a->text, error);

  return id > 0 ? COUNT (id) : NULL;
}

static const DossierLibraryCall find_call = { find_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_people_find_sync (DossierLibrary  *library,
                          const char      *spec,
                          GError         **error)
{
  PeopleArgs a = { .text = spec };
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), 0);

  id = uncount (_dossier_library_run (library, &find_call, &a, NULL, error));
  return id > 0 ? id : 0;
}

static gpointer
quotes_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_list_quotes (store, a->a, a->b, a->all, error);
}

static const DossierLibraryCall quotes_call =
  { quotes_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_people_quotes_sync (DossierLibrary  *library,
                            gint64           person_id,
                            gint64           article_id,
                            gboolean         all,
                            GError         **error)
{
  PeopleArgs a = { .a = person_id, .b = article_id, .all = all };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &quotes_call, &a, NULL, error);
}

typedef struct
{
  PeopleArgs            args;
  DossierStoreQuoteFunc func;
  gpointer              user_data;
} EachQuoteArgs;

static gpointer
each_quote_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  EachQuoteArgs *a = data;

  return dossier_store_each_quote (store, a->args.a, a->args.b, a->args.all,
                                   a->func, a->user_data, error) ? DONE : NULL;
}

static const DossierLibraryCall each_quote_call =
  { each_quote_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
dossier_people_each_quote_sync (DossierLibrary         *library,
                                gint64                  person_id,
                                gint64                  article_id,
                                gboolean                all,
                                DossierStoreQuoteFunc   func,
                                gpointer                user_data,
                                GError                **error)
{
  EachQuoteArgs a = { { .a = person_id, .b = article_id, .all = all }, func, user_data };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return _dossier_library_run (library, &each_quote_call, &a, NULL, error) != NULL;
}

static gpointer
rename_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_rename_person (store, a->a, a->text, error) ? DONE : NULL;
}

static gpointer
merge_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_merge_people (store, a->a, a->b, error) ? DONE : NULL;
}

static gpointer
split_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;
  gint64 id = dossier_store_split_person (store, a->a, a->text, error);

  return id > 0 ? COUNT (id) : NULL;
}

static gpointer
reassign_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_reassign_quote (store, a->a, a->b, error) ? DONE : NULL;
}

static gpointer
reject_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PeopleArgs *a = data;

  return dossier_store_reject_quote (store, a->a, error) ? DONE : NULL;
}

static const DossierLibraryCall rename_call = { rename_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };
static const DossierLibraryCall merge_call = { merge_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };
static const DossierLibraryCall split_call = { split_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };
static const DossierLibraryCall reassign_call = { reassign_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };
static const DossierLibraryCall reject_call = { reject_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED };

gboolean
dossier_people_rename_sync (DossierLibrary  *library,
                            gint64           id,
                            const char      *name,
                            GError         **error)
{
  PeopleArgs a = { .a = id, .text = name };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &rename_call, &a, NULL, error) != NULL;
}

gboolean
dossier_people_merge_sync (DossierLibrary  *library,
                           gint64           id,
                           gint64           other,
                           GError         **error)
{
  PeopleArgs a = { .a = id, .b = other };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &merge_call, &a, NULL, error) != NULL;
}

gint64
dossier_people_split_sync (DossierLibrary  *library,
                           gint64           id,
                           const char      *variant,
                           GError         **error)
{
  PeopleArgs a = { .a = id, .text = variant };
  gint64 n;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), 0);

  n = uncount (_dossier_library_run (library, &split_call, &a, NULL, error));
  return n > 0 ? n : 0;
}

gboolean
dossier_people_reassign_sync (DossierLibrary  *library,
                              gint64           quote_id,
                              gint64           person_id,
                              GError         **error)
{
  PeopleArgs a = { .a = quote_id, .b = person_id };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &reassign_call, &a, NULL, error) != NULL;
}

gboolean
dossier_people_reject_sync (DossierLibrary  *library,
                            gint64           quote_id,
                            GError         **error)
{
  PeopleArgs a = { .a = quote_id };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  return _dossier_library_run (library, &reject_call, &a, NULL, error) != NULL;
}
