/* dossier-people-overview.c — what the window's People section and a
 * person's page show, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-people"

#include "config.h"

#include "dossier-people-overview.h"
#include "dossier-library-private.h"

#include <string.h>

typedef struct
{
  char   *search;
  guint   limit;
  gint64 *ids;
  guint   n_ids;
  gint64  first_jd;
  gint64  last_jd;
  guint   n_first;
} ViewArgs;

static void
view_args_free (ViewArgs *a)
{
  g_free (a->search);
  g_free (a->ids);
  g_free (a);
}

void
dossier_people_list_free (DossierPeopleList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->people, g_ptr_array_unref);
  g_free (list);
}

void
dossier_person_page_free (DossierPersonPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->quote_ids, g_array_unref);
  g_clear_pointer (&page->quotes, g_ptr_array_unref);
  g_clear_pointer (&page->beside, g_ptr_array_unref);
  g_free (page);
}

/* --- the list --- */

static gpointer
list_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;
  g_autoptr(DossierPeopleList) list = g_new0 (DossierPeopleList, 1);

  list->people = dossier_store_list_people_page (store, a->search, a->limit, error);
  if (list->people == NULL ||
      !dossier_store_quote_range (store, &list->first_jd, &list->last_jd, error))
    return NULL;
  return g_steal_pointer (&list);
}

static const DossierLibraryCall list_call =
  { list_op, (GDestroyNotify) dossier_people_list_free, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierPeopleList *
dossier_people_overview_list_sync (DossierLibrary  *library,
                               const char      *search,
                               guint            limit,
                               GError         **error)
{
  ViewArgs a = { .search = (char *) search, .limit = limit };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &list_call, &a, NULL, error);
}

void
dossier_people_overview_list_async (DossierLibrary      *library,
                                const char          *search,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ViewArgs *a = g_new0 (ViewArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->search = g_strdup (search);
  a->limit = limit;
  _dossier_library_run_async (library, &list_call, a, (GDestroyNotify) view_args_free,
                              cancellable, callback, user_data);
}

DossierPeopleList *
dossier_people_overview_list_finish (DossierLibrary  *library,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return _dossier_library_finish (library, result, &list_call, error);
}

/* --- sparklines --- */

static gpointer
sparklines_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, TRUE, sizeof (DossierPersonSpark), a->n_ids);
  g_autofree guint *buckets = g_new0 (guint, (gsize) MAX (a->n_ids, 1) * DOSSIER_SPARK_BUCKETS);

  if (!dossier_store_people_sparklines (store, a->ids, a->n_ids, a->first_jd, a->last_jd,
                                        buckets, DOSSIER_SPARK_BUCKETS, cancellable, error))
    return NULL;
  for (guint i = 0; i < a->n_ids; i++)
    {
      DossierPersonSpark line = { .person_id = a->ids[i] };

      memcpy (line.buckets, buckets + (gsize) i * DOSSIER_SPARK_BUCKETS, sizeof line.buckets);
      g_array_append_val (lines, line);
    }
  return g_steal_pointer (&lines);
}

static const DossierLibraryCall sparklines_call =
  { sparklines_op, (GDestroyNotify) g_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GArray *
dossier_people_overview_sparklines_sync (DossierLibrary  *library,
                                     const gint64    *ids,
                                     guint            n_ids,
                                     gint64           first_jd,
                                     gint64           last_jd,
                                     GError         **error)
{
  ViewArgs a = { .ids = (gint64 *) ids, .n_ids = n_ids, .first_jd = first_jd, .last_jd = last_jd };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &sparklines_call, &a, NULL, error);
}

void
dossier_people_overview_sparklines_async (DossierLibrary      *library,
                                      const gint64        *ids,
                                      guint                n_ids,
                                      gint64               first_jd,
                                      gint64               last_jd,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ViewArgs *a = g_new0 (ViewArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->ids = g_memdup2 (ids, n_ids * sizeof (gint64));
  a->n_ids = n_ids;
  a->first_jd = first_jd;
  a->last_jd = last_jd;
  _dossier_library_run_async (library, &sparklines_call, a, (GDestroyNotify) view_args_free,
                              cancellable, callback, user_data);
}

GArray *
dossier_people_overview_sparklines_finish (DossierLibrary  *library,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (library, result, &sparklines_call, error);
}

/* --- a person's page --- */

static gpointer
page_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;
  g_autoptr(DossierPersonPage) page = g_new0 (DossierPersonPage, 1);

  /* all the ids in time order, but the sentences of the first few only */
  page->quote_ids = dossier_store_person_quote_ids (store, a->ids[0], error);
  if (page->quote_ids == NULL)
    return NULL;
  page->quotes = dossier_store_quotes_by_id (store, (const gint64 *) page->quote_ids->data,
                                             MIN (page->quote_ids->len, a->n_first), cancellable, error);
  if (page->quotes == NULL)
    return NULL;
  /* with @n_beside 0 the people beside are left to their own call */
  if (a->limit == 0)
    page->beside = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_summary_free);
  else
    page->beside = dossier_store_quoted_beside (store, a->ids[0], a->limit, error);
  if (page->beside == NULL)
    return NULL;
  return g_steal_pointer (&page);
}

static const DossierLibraryCall page_call =
  { page_op, (GDestroyNotify) dossier_person_page_free, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierPersonPage *
dossier_people_overview_page_sync (DossierLibrary  *library,
                                   gint64           person_id,
                                   guint            n_first,
                                   guint            n_beside,
                                   GError         **error)
{
  ViewArgs a = { .ids = &person_id, .n_ids = 1, .limit = n_beside, .n_first = n_first };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &page_call, &a, NULL, error);
}

void
dossier_people_overview_page_async (DossierLibrary      *library,
                                    gint64               person_id,
                                    guint                n_first,
                                    guint                n_beside,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ViewArgs *a = g_new0 (ViewArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->ids = g_new (gint64, 1);
  a->ids[0] = person_id;
  a->n_ids = 1;
  a->limit = n_beside;
  a->n_first = n_first;
  _dossier_library_run_async (library, &page_call, a, (GDestroyNotify) view_args_free,
                              cancellable, callback, user_data);
}

DossierPersonPage *
dossier_people_overview_page_finish (DossierLibrary  *library,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return _dossier_library_finish (library, result, &page_call, error);
}

/* --- the people quoted beside a person --- */

static gpointer
beside_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;

  return dossier_store_quoted_beside (store, a->ids[0], a->limit, error);
}

static const DossierLibraryCall beside_call =
  { beside_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_people_overview_beside_sync (DossierLibrary  *library,
                                     gint64           person_id,
                                     guint            limit,
                                     GError         **error)
{
  ViewArgs a = { .ids = &person_id, .n_ids = 1, .limit = limit };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, &beside_call, &a, NULL, error);
}

void
dossier_people_overview_beside_async (DossierLibrary      *library,
                                      gint64               person_id,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ViewArgs *a = g_new0 (ViewArgs, 1);

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  a->ids = g_new (gint64, 1);
  a->ids[0] = person_id;
  a->n_ids = 1;
  a->limit = limit;
  _dossier_library_run_async (library, &beside_call, a, (GDestroyNotify) view_args_free,
                              cancellable, callback, user_data);
}

GPtrArray *
dossier_people_overview_beside_finish (DossierLibrary  *library,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (library, result, &beside_call, error);
}

/* --- calls on a list of ids: quotes by id (a page's next rows, or all of
 * them to export), and the quotes of a search's articles --- */

static GPtrArray *
run_ids_sync (DossierLibrary           *library,
              const DossierLibraryCall *call,
              const gint64             *ids,
              guint                     n_ids,
              GError                  **error)
{
  ViewArgs a = { .ids = (gint64 *) ids, .n_ids = n_ids };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return _dossier_library_run (library, call, &a, NULL, error);
}

static void
run_ids_async (DossierLibrary           *library,
               const DossierLibraryCall *call,
               const gint64             *ids,
               guint                     n_ids,
               GCancellable             *cancellable,
               GAsyncReadyCallback       callback,
               gpointer                  user_data)
{
  ViewArgs *a = g_new0 (ViewArgs, 1);

  a->ids = g_memdup2 (ids, MAX (n_ids, 1) * sizeof (gint64));
  a->n_ids = n_ids;
  _dossier_library_run_async (library, call, a, (GDestroyNotify) view_args_free,
                              cancellable, callback, user_data);
}

static gpointer
quotes_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;

  return dossier_store_quotes_by_id (store, a->ids, a->n_ids, cancellable, error);
}

static const DossierLibraryCall quotes_call =
  { quotes_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_people_overview_quotes_sync (DossierLibrary  *library,
                                     const gint64    *ids,
                                     guint            n_ids,
                                     GError         **error)
{
  return run_ids_sync (library, &quotes_call, ids, n_ids, error);
}

void
dossier_people_overview_quotes_async (DossierLibrary      *library,
                                      const gint64        *ids,
                                      guint                n_ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  run_ids_async (library, &quotes_call, ids, n_ids, cancellable, callback, user_data);
}

GPtrArray *
dossier_people_overview_quotes_finish (DossierLibrary  *library,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (library, result, &quotes_call, error);
}

static gpointer
article_quotes_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ViewArgs *a = data;

  return dossier_store_article_quotes (store, a->ids, a->n_ids, cancellable, error);
}

static const DossierLibraryCall article_quotes_call =
  { article_quotes_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_people_overview_article_quotes_sync (DossierLibrary  *library,
                                             const gint64    *ids,
                                             guint            n_ids,
                                             GError         **error)
{
  return run_ids_sync (library, &article_quotes_call, ids, n_ids, error);
}

void
dossier_people_overview_article_quotes_async (DossierLibrary      *library,
                                              const gint64        *ids,
                                              guint                n_ids,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  run_ids_async (library, &article_quotes_call, ids, n_ids, cancellable, callback, user_data);
}

GPtrArray *
dossier_people_overview_article_quotes_finish (DossierLibrary  *library,
                                               GAsyncResult    *result,
                                               GError         **error)
{
  return _dossier_library_finish (library, result, &article_quotes_call, error);
}
