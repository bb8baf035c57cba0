/* dossier-filter-popover.h — narrow the article list by source, tag, date
 * and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The popover only holds the choices; the window owns the filter and
 * turns it into a query.  ::changed is emitted when the user changes a
 * choice, never when code sets one.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_POPOVER (dossier_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, DOSSIER, FILTER_POPOVER, GtkPopover)

GtkWidget  *dossier_filter_popover_new         (void);
/* The sources and tags to offer, most used first.  A current choice that
 * is not among them stays offered. */
void        dossier_filter_popover_set_choices (DossierFilterPopover *self,
                                                const char * const   *sources,
                                                const char * const   *tags);
/* NULL: any */
const char *dossier_filter_popover_get_source  (DossierFilterPopover *self);
void        dossier_filter_popover_set_source  (DossierFilterPopover *self,
                                                const char           *source);
const char *dossier_filter_popover_get_tag     (DossierFilterPopover *self);
void        dossier_filter_popover_set_tag     (DossierFilterPopover *self,
                                                const char           *tag);
gboolean    dossier_filter_popover_get_has_notes (DossierFilterPopover *self);
void        dossier_filter_popover_set_has_notes (DossierFilterPopover *self,
                                                  gboolean              has_notes);
/* Inclusive julian days, -1 for an open end. */
void        dossier_filter_popover_get_range   (DossierFilterPopover *self,
                                                gint64               *from_jd,
                                                gint64               *to_jd);
void        dossier_filter_popover_set_range   (DossierFilterPopover *self,
                                                gint64                from_jd,
                                                gint64                to_jd);

/* Understands what a person types in a date field: "2013", "2013-06",
 * "2013-06-03", "June 2013", "3 June 2013".  @last: the last day the text
 * covers (for the end of a range) rather than the first.  An empty text
 * gives -1.  FALSE when it is not a date. */
gboolean    dossier_filter_parse_day           (const char           *text,
                                                gboolean              last,
                                                gint64               *jd);

G_END_DECLS
