/* dossier-timeline-marks.h — the timeline's lanes by person and by story,
 * as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both read the articles of the current list (a DossierQuery; NULL for
 * the whole library) on the store's thread and give points for
 * dossier_timeline_set_points() with DossierTimelinePoint.key set: a
 * point per quote keyed by the speaker's name, or a point per article
 * keyed by its story's title.  Undated articles have no place in them.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* how many people lanes by person show when none were chosen */
#define DOSSIER_TIMELINE_DEFAULT_PEOPLE 5

typedef struct
{
  GArray    *points;    /* (element-type DossierTimelinePoint): one per quote, item the quote's id */
  GPtrArray *offered;   /* (element-type DossierPersonSummary): the people most
                         * quoted in the list, most first, to choose from */
  GArray    *shown;     /* (element-type gint64): the people whose quotes are in @points */
} DossierTimelinePeople;

void dossier_timeline_people_free (DossierTimelinePeople *people);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTimelinePeople, dossier_timeline_people_free)

/* The quotes of @chosen (people's ids) in the articles of @query, and the
 * @n_offered people most quoted there.  @chosen NULL: the
 * DOSSIER_TIMELINE_DEFAULT_PEOPLE most quoted. */
DossierTimelinePeople *dossier_timeline_people_sync     (DossierLibrary       *library,
                                                         DossierQuery         *query,
                                                         const gint64         *chosen,
                                                         guint                 n_chosen,
                                                         guint                 n_offered,
                                                         GError              **error);
void                   dossier_timeline_people_async    (DossierLibrary       *library,
                                                         DossierQuery         *query,
                                                         const gint64         *chosen,
                                                         guint                 n_chosen,
                                                         guint                 n_offered,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
DossierTimelinePeople *dossier_timeline_people_finish   (DossierLibrary       *library,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* (element-type DossierTimelinePoint): the dated articles of @query that
 * belong to a story, each keyed by its story's title, with the story's
 * id as its item. */
GArray                *dossier_timeline_stories_sync    (DossierLibrary       *library,
                                                         DossierQuery         *query,
                                                         GError              **error);
void                   dossier_timeline_stories_async   (DossierLibrary       *library,
                                                         DossierQuery         *query,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GArray                *dossier_timeline_stories_finish  (DossierLibrary       *library,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
