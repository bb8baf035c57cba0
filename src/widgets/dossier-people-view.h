/* dossier-people-view.h — the People section: people by how often they
 * are quoted or mentioned, with a sparkline of their quotes over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

/* the most rows listed; a search finds the others */
#define DOSSIER_PEOPLE_VIEW_LIMIT 200

#define DOSSIER_TYPE_PEOPLE_VIEW (dossier_people_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierPeopleView, dossier_people_view, DOSSIER, PEOPLE_VIEW, GtkBox)

/* Lists @library's people, again whenever it changes; a row chosen
 * emits ::person-activated (gint64 id, const char *name). */
GtkWidget  *dossier_people_view_new          (DossierLibrary    *library);
/* Reads the list again (with the search box's text). */
void        dossier_people_view_reload       (DossierPeopleView *self);
/* TRUE once the list, and then the rows' sparklines, show the last reload */
gboolean    dossier_people_view_get_loaded   (DossierPeopleView *self);
gboolean    dossier_people_view_get_sparklines_loaded (DossierPeopleView *self);
GtkListBox *dossier_people_view_get_list     (DossierPeopleView *self);
GtkEditable *dossier_people_view_get_search  (DossierPeopleView *self);

G_END_DECLS
