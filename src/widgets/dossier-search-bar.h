/* dossier-search-bar.h — the list's search: the entry, its hint, the
 * saved searches, the filter chips and the filter popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar is bound to a DossierSearch: typing sets its text, the popover
 * and the chips its filters, and the bar shows whatever the search holds,
 * however it was set.  The library gives the saved searches and the
 * popover's choices.
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"
#include "dossier-search.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_BAR (dossier_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchBar, dossier_search_bar, DOSSIER, SEARCH_BAR, GtkWidget)

DossierSearch  *dossier_search_bar_get_search   (DossierSearchBar *self);
void            dossier_search_bar_set_search   (DossierSearchBar *self,
                                                 DossierSearch    *search);
DossierLibrary *dossier_search_bar_get_library  (DossierSearchBar *self);
void            dossier_search_bar_set_library  (DossierSearchBar *self,
                                                 DossierLibrary   *library);
/* Moves the keyboard focus to the search entry. */
void            dossier_search_bar_focus_entry  (DossierSearchBar *self);
/* Opens the filter popover. */
void            dossier_search_bar_popup_filters (DossierSearchBar *self);
/* Saves the search, with its filters, in the library; nothing when there
 * is nothing to save. */
void            dossier_search_bar_save_search  (DossierSearchBar *self);

G_END_DECLS
