/* dossier-filter-popover.h — narrow the article list by source, tag,
 * person, date and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The popover holds no filter of its own: it is bound to a DossierSearch,
 * shows what the search holds however it was set (a chip, the timeline,
 * a saved search) and sets the search as the user chooses.
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-search.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_POPOVER (dossier_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, DOSSIER, FILTER_POPOVER, GtkPopover)

/* The popover shows @search's filters and sets them as the user chooses. */
GtkWidget  *dossier_filter_popover_new         (DossierSearch        *search);
/* The sources and tags to offer, most used first.  A current choice that
 * is not among them stays offered. */
void        dossier_filter_popover_set_choices (DossierFilterPopover *self,
                                                const char * const   *sources,
                                                const char * const   *tags);

/* The people to offer (names), most quoted first; the search's person
 * stays offered. */
void        dossier_filter_popover_set_people  (DossierFilterPopover *self,
                                                const char * const   *people);

/* Understands what a person types in a date field: "2013", "2013-06",
 * "2013-06-03", "June 2013", "3 June 2013".  @last: the last day the text
 * covers (for the end of a range) rather than the first.  An empty text
 * gives -1.  FALSE when it is not a date. */
gboolean    dossier_filter_parse_day           (const char           *text,
                                                gboolean              last,
                                                gint64               *jd);

G_END_DECLS
