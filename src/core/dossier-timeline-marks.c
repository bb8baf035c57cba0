/* dossier-timeline-marks.c — the timeline's lanes by person and by story,
 * as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include "dossier-timeline-marks.h"
#include "dossier-library-private.h"

typedef struct
{
  DossierQuery *query;
  gint64       *chosen;     /* NULL: the default */
  guint         n_chosen;
  guint         n_offered;
} MarksArgs;

static void
marks_args_free (MarksArgs *a)
{
  g_clear_pointer (&a->query, dossier_query_free);
  g_free (a->chosen);
  g_free (a);
}

static MarksArgs *
marks_args_new (DossierQuery *query,
                const gint64 *chosen,
                guint         n_chosen,
                guint         n_offered)
{
  MarksArgs *a = g_new0 (MarksArgs, 1);

  a->query = query != NULL ? dossier_query_copy (query) : NULL;
  /* an empty choice stays a choice: g_memdup2 of nothing would be NULL */
  if (chosen != NULL)
    a->chosen = n_chosen > 0 ? g_memdup2 (chosen, n_chosen * sizeof (gint64)) : g_new0 (gint64, 1);
  a->n_chosen = n_chosen;
  a->n_offered = n_offered;
  return a;
}

void
dossier_timeline_people_free (DossierTimelinePeople *people)
{
  if (people == NULL)
    return;
  g_clear_pointer (&people->points, g_array_unref);
  g_clear_pointer (&people->offered, g_ptr_array_unref);
  g_clear_pointer (&people->shown, g_array_unref);
  g_free (people);
}

/* --- lanes by person --- */

static gpointer
people_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  MarksArgs *a = data;
  g_autoptr(DossierTimelinePeople) people = g_new0 (DossierTimelinePeople, 1);
  guint n_offered = MAX (a->n_offered, DOSSIER_TIMELINE_DEFAULT_PEOPLE);

  people->offered = dossier_store_timeline_top_people (store, a->query, n_offered, error);
  if (people->offered == NULL)
    return NULL;
  people->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (a->chosen != NULL)
    g_array_append_vals (people->shown, a->chosen, a->n_chosen);
  else
    for (guint i = 0; i < people->offered->len && i < DOSSIER_TIMELINE_DEFAULT_PEOPLE; i++)
      {
        DossierPersonSummary *p = g_ptr_array_index (people->offered, i);

        g_array_append_val (people->shown, p->id);
      }
  if (people->offered->len > a->n_offered)
    g_ptr_array_set_size (people->offered, a->n_offered);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  people->points = dossier_store_timeline_quote_points (store, a->query,
                                                        (const gint64 *) (gpointer) people->shown->data,
                                                        people->shown->len, error);
  if (people->points == NULL)
    return NULL;
  return g_steal_pointer (&people);
}

static const DossierLibraryCall people_call =
  { people_op, (GDestroyNotify) dossier_timeline_people_free, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierTimelinePeople *
dossier_timeline_people_sync (DossierLibrary  *library,
                              DossierQuery    *query,
                              const gint64    *chosen,
                              guint            n_chosen,
                              guint            n_offered,
                              GError         **error)
{
  MarksArgs a = { query, (gint64 *) chosen, n_chosen, n_offered };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &people_call, &a, NULL, error);
}

void
dossier_timeline_people_async (DossierLibrary      *library,
                               DossierQuery        *query,
                               const gint64        *chosen,
                               guint                n_chosen,
                               guint                n_offered,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &people_call, marks_args_new (query, chosen, n_chosen, n_offered),
                              (GDestroyNotify) marks_args_free, cancellable, callback, user_data);
}

DossierTimelinePeople *
dossier_timeline_people_finish (DossierLibrary  *library,
                                GAsyncResult    *result,
                                GError         **error)
{
  return _dossier_library_finish (library, result, &people_call, error);
}

/* --- lanes by story --- */

static gpointer
stories_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  MarksArgs *a = data;

  return dossier_store_timeline_story_points (store, a->query, error);
}

static const DossierLibraryCall stories_call =
  { stories_op, (GDestroyNotify) g_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GArray *
dossier_timeline_stories_sync (DossierLibrary  *library,
                               DossierQuery    *query,
                               GError         **error)
{
  MarksArgs a = { .query = query };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &stories_call, &a, NULL, error);
}

void
dossier_timeline_stories_async (DossierLibrary      *library,
                                DossierQuery        *query,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  _dossier_library_run_async (library, &stories_call, marks_args_new (query, NULL, 0, 0),
                              (GDestroyNotify) marks_args_free, cancellable, callback, user_data);
}

GArray *
dossier_timeline_stories_finish (DossierLibrary  *library,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return _dossier_library_finish (library, result, &stories_call, error);
}
