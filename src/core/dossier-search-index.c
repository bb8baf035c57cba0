/* dossier-search-index.c — the search index rebuilt in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-search-index"

#include "config.h"

#include "dossier-search-index.h"
#include "dossier-library-private.h"
#include "dossier-store.h"

/* Articles indexed in one transaction by a rebuild that nobody waits on
 * (the command line's); the window's is sliced by time, from a first
 * slice of FIRST_SLICE articles */
#define DEFAULT_BATCH 2000
#define FIRST_SLICE 64

typedef struct
{
  guint  batch;
  gint64 remaining;  /* out */
  gint64 total;      /* out */
  gboolean no_total; /* remaining_op: the count of articles not wanted */
  gint64 elapsed;    /* out: the step's time on the store's thread, µs */
} StepArgs;

static void on_merge_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static gpointer
remaining_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StepArgs *a = data;

  a->remaining = dossier_store_reindex_remaining (store, a->no_total ? NULL : &a->total, error);
  return a->remaining < 0 ? NULL : GINT_TO_POINTER (1);
}

static gpointer
step_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  StepArgs *a = data;
  gint64 started = g_get_monotonic_time ();

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  a->remaining = dossier_store_reindex_step (store, a->batch, error);
  a->elapsed = g_get_monotonic_time () - started;
  if (a->remaining < 0)
    return NULL;
  /* the articles counted before the first step (counting them reads a
   * whole index), as many as wait if more were added since */
  a->total = MAX (a->total, a->remaining);
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall remaining_call = { remaining_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };
/* the library's ::changed comes once, when the index is whole */
static const DossierLibraryCall step_call = { step_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING, TRUE };

gint64
dossier_search_index_remaining_sync (DossierLibrary  *library,
                                     gint64          *total,
                                     GError         **error)
{
  /* counting the articles reads a whole index of them (30 ms at
   * 100,000, as long as a command's own work): only when asked */
  StepArgs a = { 0, -1, 0, total == NULL };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  if (_dossier_library_run (library, &remaining_call, &a, NULL, error) == NULL)
    return -1;
  if (total != NULL)
    *total = a.total;
  return a.remaining;
}

gboolean
dossier_search_index_rebuild_sync (DossierLibrary              *library,
                                   guint                        batch,
                                   DossierSearchIndexProgress   progress,
                                   gpointer                     user_data,
                                   GCancellable                *cancellable,
                                   GError                     **error)
{
  StepArgs a = { batch > 0 ? batch : DEFAULT_BATCH, -1, 0, FALSE };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (_dossier_library_run (library, &remaining_call, &a, cancellable, error) == NULL)
    return FALSE;
  while (a.remaining > 0)
    {
      if (_dossier_library_run (library, &step_call, &a, cancellable, error) == NULL)
        return FALSE;
      if (progress != NULL)
        progress (a.total - a.remaining, a.total, user_data);
    }
  return TRUE;
}

/* --- the index's segments merged ---------------------------------------- */

/* An index written by many transactions (an import's batches, several
 * imports) is made of many b-trees, and a search reads a word's matches
 * from each.  Once there are more than MERGE_ABOVE, they are merged into
 * one in the background.  FTS5 itself merges four segments of a level
 * into one of the next as it writes (its 'automerge'), so a library that
 * grows by small imports holds a few segments a level and seldom more
 * than MERGE_ABOVE: the whole index is not written again for each of
 * them.  Pages merged a slice: sized by time, from MERGE_FIRST_PAGES. */
#define MERGE_ABOVE 4
#define MERGE_FIRST_PAGES 64
#define MERGE_MAX_PAGES 16384

typedef struct
{
  guint    pages;     /* 0: count the segments first */
  gint64   segments;  /* out, when counted */
  gboolean more;      /* out */
  gint64   elapsed;   /* out: the slice's time on the store's thread, µs */
} MergeArgs;

static gpointer
merge_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  MergeArgs *a = data;
  gint64 started = g_get_monotonic_time ();
  gint64 more;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (a->pages == 0)
    {
      if ((a->segments = dossier_store_index_segments (store, error)) < 0)
        return NULL;
      a->more = a->segments > MERGE_ABOVE;
    }
  else
    {
      if ((more = dossier_store_merge_index_step (store, a->pages, error)) < 0)
        return NULL;
      a->more = more > 0;
    }
  a->elapsed = g_get_monotonic_time () - started;
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall merge_call = { merge_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING, TRUE };

static gpointer
segments_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  MergeArgs *a = data;

  a->segments = dossier_store_index_segments (store, error);
  return a->segments < 0 ? NULL : GINT_TO_POINTER (1);
}

static const DossierLibraryCall segments_call = { segments_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gint64
dossier_search_index_segments_sync (DossierLibrary  *library,
                                    GError         **error)
{
  MergeArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  if (_dossier_library_run (library, &segments_call, &a, NULL, error) == NULL)
    return -1;
  return a.segments;
}

static guint
next_pages (const MergeArgs *a)
{
  return a->pages == 0
    ? MERGE_FIRST_PAGES
    : _dossier_library_slice_size (a->pages, a->elapsed, MERGE_FIRST_PAGES, MERGE_MAX_PAGES);
}

gboolean
dossier_search_index_merge_sync (DossierLibrary  *library,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  MergeArgs a = { 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  do
    {
      if (_dossier_library_run (library, &merge_call, &a, cancellable, error) == NULL)
        return FALSE;
      a.pages = next_pages (&a);
    }
  while (a.more);
  return TRUE;
}

typedef struct
{
  MergeArgs args;     /* of the slice on its way */
  gboolean  running;
  gboolean  again;    /* asked again meanwhile: the segments counted again */
  guint     slices;
  gint64    longest;  /* µs */
} Merge;

#define MERGE_KEY "dossier-search-index-merge"

static Merge *
merge_get (DossierLibrary *library)
{
  Merge *m = g_object_get_data (G_OBJECT (library), MERGE_KEY);

  if (m == NULL)
    {
      m = g_new0 (Merge, 1);
      g_object_set_data_full (G_OBJECT (library), MERGE_KEY, m, g_free);
    }
  return m;
}

static void
run_merge_slice (DossierLibrary *library,
                 Merge          *m)
{
  _dossier_library_run_async (library, &merge_call, &m->args, NULL, NULL, on_merge_done_cb,
                              g_object_ref (library));
}

static void
on_merge_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierLibrary) library = user_data;
  g_autoptr(GError) error = NULL;
  Merge *m = merge_get (library);

  if (_dossier_library_finish (library, result, &merge_call, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
        g_warning ("Could not merge the search index: %s", error->message);
      m->running = FALSE;
      return;
    }
  m->slices++;
  m->longest = MAX (m->longest, m->args.elapsed);
  if (m->args.more || m->again)
    {
      m->args.pages = m->args.more ? next_pages (&m->args) : 0;
      m->again = FALSE;
      run_merge_slice (library, m);
      return;
    }
  m->running = FALSE;
}

void
dossier_search_index_merge_in_background (DossierLibrary *library)
{
  Merge *m;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  m = merge_get (library);
  if (m->running)
    {
      m->again = TRUE;
      return;
    }
  m->running = TRUE;
  m->again = FALSE;
  m->slices = 0;
  m->longest = 0;
  m->args = (MergeArgs) { 0 };
  run_merge_slice (library, m);
}

gboolean
dossier_search_index_get_merging (DossierLibrary *library,
                                  guint          *slices,
                                  double         *longest_slice_ms)
{
  Merge *m;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  m = merge_get (library);
  if (slices != NULL)
    *slices = m->slices;
  if (longest_slice_ms != NULL)
    *longest_slice_ms = m->longest / 1e3;
  return m->running;
}

/* --- DossierSearchIndex ------------------------------------------------- */

struct _DossierSearchIndex
{
  GObject         parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  gboolean        running;
  double          progress;
  StepArgs        args;  /* of the one call on its way */
};

G_DEFINE_FINAL_TYPE (DossierSearchIndex, dossier_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_RUNNING,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void step (DossierSearchIndex *self, const DossierLibraryCall *call);

static void
set_state (DossierSearchIndex *self,
           gboolean            running,
           double              progress)
{
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (self->running != running)
    {
      self->running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static void
on_step_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierSearchIndex) self = user_data;
  g_autoptr(GError) error = NULL;
  const DossierLibraryCall *call = g_task_get_source_tag (G_TASK (result));
  gint64 remaining = self->args.remaining, total = self->args.total;

  if (_dossier_library_finish (DOSSIER_LIBRARY (source), result, call, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
        g_warning ("%s", error->message);
      set_state (self, FALSE, 0);
      return;
    }
  if (remaining > 0 && !g_cancellable_is_cancelled (self->cancellable))
    {
      set_state (self, TRUE, total > 0 ? (double) (total - remaining) / total : 0);
      self->args.batch = call == &step_call
        ? _dossier_library_slice_size (self->args.batch, self->args.elapsed, 8, DEFAULT_BATCH)
        : FIRST_SLICE;
      step (self, &step_call);
      return;
    }
  /* nothing to index again: an index split by older versions, or by
   * imports of a run that quit before merging it, is merged now */
  if (call == &remaining_call && remaining == 0)
    dossier_search_index_merge_in_background (self->library);
  if (self->running)
    {
      set_state (self, TRUE, 1);
      set_state (self, FALSE, 0);
      /* every article is found again */
      _dossier_library_emit (self->library, DOSSIER_LIBRARY_EMITS_CHANGED);
    }
}

static void
step (DossierSearchIndex       *self,
      const DossierLibraryCall *call)
{
  self->args.remaining = -1;
  _dossier_library_run_async (self->library, call, &self->args, NULL, self->cancellable,
                              on_step_cb, g_object_ref (self));
}

gboolean
dossier_search_index_get_running (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), FALSE);

  return self->running;
}

double
dossier_search_index_get_progress (DossierSearchIndex *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_INDEX (self), 0);

  return self->progress;
}

static void
dossier_search_index_constructed (GObject *object)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  G_OBJECT_CLASS (dossier_search_index_parent_class)->constructed (object);
  /* what an upgrade (or a rebuild stopped half-way) left */
  step (self, &remaining_call);
}

static void
dossier_search_index_dispose (GObject *object)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (dossier_search_index_parent_class)->dispose (object);
}

static void
dossier_search_index_finalize (GObject *object)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dossier_search_index_parent_class)->finalize (object);
}

static void
dossier_search_index_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_index_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierSearchIndex *self = DOSSIER_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_index_class_init (DossierSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dossier_search_index_constructed;
  object_class->dispose = dossier_search_index_dispose;
  object_class->finalize = dossier_search_index_finalize;
  object_class->get_property = dossier_search_index_get_property;
  object_class->set_property = dossier_search_index_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_search_index_init (DossierSearchIndex *self)
{
  self->cancellable = g_cancellable_new ();
}

DossierSearchIndex *
dossier_search_index_new (DossierLibrary *library)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return g_object_new (DOSSIER_TYPE_SEARCH_INDEX, "library", library, NULL);
}
