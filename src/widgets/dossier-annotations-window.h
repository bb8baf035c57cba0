/* dossier-annotations-window.h — every note in the library: search,
 * filters, grouping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATIONS_WINDOW (dossier_annotations_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierAnnotationsWindow, dossier_annotations_window, DOSSIER, ANNOTATIONS_WINDOW, AdwWindow)

GtkWidget *dossier_annotations_window_new             (GtkWindow                *parent,
                                                       DossierLibrary           *library);
/* Loads again (the window also does on the library's ::changed). */
void       dossier_annotations_window_reload          (DossierAnnotationsWindow *self);
/* The search: words over quotes, notes and tags, plus the query grammar
 * (tag:, color:, source:, published:, -word). */
void       dossier_annotations_window_set_search_text (DossierAnnotationsWindow *self,
                                                       const char               *text);
/* Filters; NULL or "" for any */
void       dossier_annotations_window_set_color       (DossierAnnotationsWindow *self,
                                                       const char               *color);
void       dossier_annotations_window_set_tag         (DossierAnnotationsWindow *self,
                                                       const char               *tag);
void       dossier_annotations_window_set_source      (DossierAnnotationsWindow *self,
                                                       const char               *source);
/* "2013", "2013-04" or "2013-04-15" at either end, NULL for open */
void       dossier_annotations_window_set_date_range  (DossierAnnotationsWindow *self,
                                                       const char               *from,
                                                       const char               *to);
/* a shared library: "everyone", "mine" or a member's name (remembered) */
void       dossier_annotations_window_set_author_filter (DossierAnnotationsWindow *self,
                                                         const char               *filter);
void       dossier_annotations_window_set_group_by_tag (DossierAnnotationsWindow *self,
                                                        gboolean                  by_tag);
gboolean   dossier_annotations_window_get_loading     (DossierAnnotationsWindow *self);
/* notes found by the last load, and cards shown (a note with two tags
 * shows twice when grouped by tag) */
guint      dossier_annotations_window_get_n_results   (DossierAnnotationsWindow *self);
guint      dossier_annotations_window_get_n_cards     (DossierAnnotationsWindow *self);
GtkListBox *dossier_annotations_window_get_list       (DossierAnnotationsWindow *self);

G_END_DECLS
