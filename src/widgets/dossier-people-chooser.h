/* dossier-people-chooser.h — a popover to choose the people of the
 * timeline's lanes by person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It offers the people most quoted in the article list, each with a check
 * button, and a search among them; those checked are the lanes.  "Most
 * Quoted" goes back to the default choice (none chosen).
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PEOPLE_CHOOSER (dossier_people_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DossierPeopleChooser, dossier_people_chooser, DOSSIER, PEOPLE_CHOOSER, GtkPopover)

GtkWidget    *dossier_people_chooser_new         (void);
/* @offered: (element-type DossierPersonSummary), most quoted first;
 * @shown: the people now in lanes (checked; kept offered if missing) */
void          dossier_people_chooser_set_people  (DossierPeopleChooser *self,
                                                  GPtrArray            *offered,
                                                  const gint64         *shown,
                                                  guint                 n_shown);
/* The people checked, in the order offered; an empty array after "Most
 * Quoted".  Emits ::changed when the person changes it. */
GArray       *dossier_people_chooser_get_chosen  (DossierPeopleChooser *self);

G_END_DECLS
