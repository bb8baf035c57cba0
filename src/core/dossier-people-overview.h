/* dossier-people-overview.h — what the window's People section and a
 * person's page show, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* the spans of time a sparkline counts quotes in */
#define DOSSIER_SPARK_BUCKETS 24

typedef struct
{
  GPtrArray *people;    /* (element-type DossierPersonSummary) */
  gint64     first_jd;  /* the dated articles' first and last days */
  gint64     last_jd;
} DossierPeopleList;

void dossier_people_list_free (DossierPeopleList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPeopleList, dossier_people_list_free)

typedef struct
{
  gint64 person_id;
  guint  buckets[DOSSIER_SPARK_BUCKETS];
} DossierPersonSpark;

typedef struct
{
  GArray    *quote_ids; /* (element-type gint64): all the person's quotes, in time order */
  GPtrArray *quotes;    /* (element-type DossierPersonQuote): the first of them */
  GPtrArray *beside;    /* (element-type DossierPersonSummary), most shared articles first */
} DossierPersonPage;

void dossier_person_page_free (DossierPersonPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPersonPage, dossier_person_page_free)

/* The first @limit people (0: all), most quoted and mentioned first,
 * with @search in a name or variant. */
DossierPeopleList *dossier_people_overview_list_sync          (DossierLibrary       *library,
                                                           const char           *search,
                                                           guint                 limit,
                                                           GError              **error);
void               dossier_people_overview_list_async         (DossierLibrary       *library,
                                                           const char           *search,
                                                           guint                 limit,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
DossierPeopleList *dossier_people_overview_list_finish        (DossierLibrary       *library,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* (element-type DossierPersonSpark): the quotes over time of each of
 * @ids, between the days @first_jd and @last_jd. */
GArray            *dossier_people_overview_sparklines_sync    (DossierLibrary       *library,
                                                           const gint64         *ids,
                                                           guint                 n_ids,
                                                           gint64                first_jd,
                                                           gint64                last_jd,
                                                           GError              **error);
void               dossier_people_overview_sparklines_async   (DossierLibrary       *library,
                                                           const gint64         *ids,
                                                           guint                 n_ids,
                                                           gint64                first_jd,
                                                           gint64                last_jd,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GArray            *dossier_people_overview_sparklines_finish  (DossierLibrary       *library,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* The ids of @person_id's quotes, the first @n_first of them with the
 * sentence around each, and the people most often quoted in the same
 * articles (at most @n_beside; none with 0, for the beside call). */
DossierPersonPage *dossier_people_overview_page_sync          (DossierLibrary       *library,
                                                           gint64                person_id,
                                                           guint                 n_first,
                                                           guint                 n_beside,
                                                           GError              **error);
void               dossier_people_overview_page_async         (DossierLibrary       *library,
                                                           gint64                person_id,
                                                           guint                 n_first,
                                                           guint                 n_beside,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
DossierPersonPage *dossier_people_overview_page_finish        (DossierLibrary       *library,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* (element-type DossierPersonSummary): the people quoted in the most
 * articles that quote @person_id (at most @limit), read after the
 * quotes, as it takes longer for a much-quoted person */
GPtrArray         *dossier_people_overview_beside_sync        (DossierLibrary      *library,
                                                           gint64               person_id,
                                                           guint                limit,
                                                           GError             **error);
void               dossier_people_overview_beside_async       (DossierLibrary      *library,
                                                           gint64               person_id,
                                                           guint                limit,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray         *dossier_people_overview_beside_finish      (DossierLibrary      *library,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* (element-type DossierPersonQuote): the quotes @ids (from a page's
 * quote_ids) in that order, with their sentences */
GPtrArray         *dossier_people_overview_quotes_sync        (DossierLibrary      *library,
                                                           const gint64        *ids,
                                                           guint                n_ids,
                                                           GError             **error);
void               dossier_people_overview_quotes_async       (DossierLibrary      *library,
                                                           const gint64        *ids,
                                                           guint                n_ids,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray         *dossier_people_overview_quotes_finish      (DossierLibrary      *library,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* (element-type DossierPersonQuote): the quotes of the articles @ids, in
 * that order, with their sentences (for exporting a search's quotes) */
GPtrArray         *dossier_people_overview_article_quotes_sync   (DossierLibrary      *library,
                                                                  const gint64        *ids,
                                                                  guint                n_ids,
                                                                  GError             **error);
void               dossier_people_overview_article_quotes_async  (DossierLibrary      *library,
                                                                  const gint64        *ids,
                                                                  guint                n_ids,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GPtrArray         *dossier_people_overview_article_quotes_finish (DossierLibrary      *library,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);

G_END_DECLS
