/* dossier-search.h — what the article list shows: the typed search, the
 * chosen filters, the date range and the sort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object holds the search for a window.  The search entry sets its
 * text, the filter popover and the chips its filters, the timeline its
 * range; the list is given dossier_search_dup_query() whenever ::changed
 * is emitted.  Nothing here needs a window, so tests drive it directly.
 */
#pragma once

#include <glib-object.h>

#include "dossier-query.h"

G_BEGIN_DECLS

/* The filters chosen beside the typed text, each shown as a removable
 * chip. */
typedef enum
{
  DOSSIER_SEARCH_FILTER_NONE      = 0,
  DOSSIER_SEARCH_FILTER_SOURCE    = 1 << 0,
  DOSSIER_SEARCH_FILTER_TAG       = 1 << 1,
  DOSSIER_SEARCH_FILTER_HAS_NOTES = 1 << 2,
  DOSSIER_SEARCH_FILTER_RANGE     = 1 << 3,
  DOSSIER_SEARCH_FILTER_UNREAD    = 1 << 4,
  DOSSIER_SEARCH_FILTER_PERSON    = 1 << 5,
} DossierSearchFilter;

#define DOSSIER_TYPE_SEARCH (dossier_search_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearch, dossier_search, DOSSIER, SEARCH, GObject)

DossierSearch       *dossier_search_new               (void);

const char          *dossier_search_get_text          (DossierSearch *self);
void                 dossier_search_set_text          (DossierSearch *self,
                                                       const char    *text);
/* NULL (or ""): any */
const char          *dossier_search_get_source        (DossierSearch *self);
void                 dossier_search_set_source        (DossierSearch *self,
                                                       const char    *source);
const char          *dossier_search_get_tag           (DossierSearch *self);
void                 dossier_search_set_tag           (DossierSearch *self,
                                                       const char    *tag);
/* a person's name or variant, as person:NAME: articles that mention or
 * quote them; NULL (or ""): anyone */
const char          *dossier_search_get_person        (DossierSearch *self);
void                 dossier_search_set_person        (DossierSearch *self,
                                                       const char    *person);
gboolean             dossier_search_get_has_notes     (DossierSearch *self);
void                 dossier_search_set_has_notes     (DossierSearch *self,
                                                       gboolean       has_notes);
/* only articles not read yet */
gboolean             dossier_search_get_unread        (DossierSearch *self);
void                 dossier_search_set_unread        (DossierSearch *self,
                                                       gboolean       unread);
/* Inclusive julian days, -1 for an open end. */
gint64               dossier_search_get_range_from    (DossierSearch *self);
void                 dossier_search_set_range_from    (DossierSearch *self,
                                                       gint64         jd);
gint64               dossier_search_get_range_to      (DossierSearch *self);
void                 dossier_search_set_range_to      (DossierSearch *self,
                                                       gint64         jd);
/* Both ends at once, with one ::changed. */
void                 dossier_search_set_range         (DossierSearch *self,
                                                       gint64         from_jd,
                                                       gint64         to_jd);
/* The chosen order; relevance holds only while there are words to rank by. */
DossierSort          dossier_search_get_sort          (DossierSearch *self);
void                 dossier_search_set_sort          (DossierSearch *self,
                                                       DossierSort    sort);

/* The filters in force, as flags; one chip each. */
DossierSearchFilter  dossier_search_get_filters       (DossierSearch *self);
gboolean             dossier_search_get_filters_active (DossierSearch *self);
/* Takes away the filters in @filters (a chip's close button). */
void                 dossier_search_remove_filters    (DossierSearch       *self,
                                                       DossierSearchFilter  filters);
/* Takes away every filter; the typed text stays. */
void                 dossier_search_clear             (DossierSearch *self);

/* The query the list runs: the typed text parsed, the filters merged in
 * (a chosen source narrows the typed ones to itself, or to nothing; the
 * range narrows a typed published:), and the sort. */
DossierQuery        *dossier_search_dup_query         (DossierSearch *self);
/* The typed text with the filters written in the search grammar, as a
 * saved search keeps it; "" when there is nothing to save. */
char                *dossier_search_to_text           (DossierSearch *self);
/* Shows a saved search: its text holds its own filters, so the chosen
 * ones go and the text becomes @text. */
void                 dossier_search_apply_saved       (DossierSearch *self,
                                                       const char    *text);

G_END_DECLS
