/* dossier-conflicts-view.h — a team library's conflicts, each with both
 * versions side by side, to keep one or both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CONFLICTS_VIEW (dossier_conflicts_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierConflictsView, dossier_conflicts_view, DOSSIER, CONFLICTS_VIEW, AdwBin)

GtkWidget *dossier_conflicts_view_new        (DossierLibrary       *library);
/* reads the conflicts again (::notify::n-conflicts when they are in) */
void       dossier_conflicts_view_reload     (DossierConflictsView *self);
/* the conflicts shown, or -1 before the first are read */
int        dossier_conflicts_view_get_n_conflicts (DossierConflictsView *self);
/* the name under this library's own versions */
void       dossier_conflicts_view_set_member (DossierConflictsView *self,
                                              const char           *member);
/* as the @index-th conflict's buttons: @keep "mine", "theirs" or "both" */
void       dossier_conflicts_view_resolve    (DossierConflictsView *self,
                                              guint                 index,
                                              const char           *keep);
/* the text the @index-th conflict shows for @side ("mine", "theirs") */
char      *dossier_conflicts_view_get_text   (DossierConflictsView *self,
                                              guint                 index,
                                              const char           *side);
/* the dot of its author's colour over that side, NULL for none */
GtkWidget *dossier_conflicts_view_get_author_chip (DossierConflictsView *self,
                                                   guint                 index,
                                                   const char           *side);

G_END_DECLS
