/* dossier-notes-pane.h — the open article's notes, in text order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "dossier-annotation.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTES_PANE (dossier_notes_pane_get_type ())
G_DECLARE_FINAL_TYPE (DossierNotesPane, dossier_notes_pane, DOSSIER, NOTES_PANE, GtkWidget)

GtkWidget  *dossier_notes_pane_new               (void);
/* (element-type DossierAnnotation) (nullable): NULL when no article is
 * open.  Placed notes are shown in text order, orphans apart. */
void        dossier_notes_pane_set_annotations   (DossierNotesPane *self,
                                                  GPtrArray        *annotations);
/* Whether "Re-attach to Selection" can act (the reader has a selection) */
void        dossier_notes_pane_set_can_reattach  (DossierNotesPane *self,
                                                  gboolean          can_reattach);
/* A shared library: @member is this library's (NULL: not shared, and
 * every note shows), @authors the members who wrote notes, offered by
 * the author filter. */
void        dossier_notes_pane_set_team          (DossierNotesPane   *self,
                                                  const char         *member,
                                                  const char * const *authors);
/* "everyone", "mine" or a member's name (:author-filter) */
void        dossier_notes_pane_set_author_filter (DossierNotesPane *self,
                                                  const char       *filter);
const char *dossier_notes_pane_get_author_filter (DossierNotesPane *self);
/* the placed notes shown (after the author filter) */
guint       dossier_notes_pane_get_n_notes       (DossierNotesPane *self);
guint       dossier_notes_pane_get_n_orphans     (DossierNotesPane *self);
/* the cards of placed notes and of orphans (for tests and AT) */
GtkListBox *dossier_notes_pane_get_list          (DossierNotesPane *self);
GtkListBox *dossier_notes_pane_get_orphan_list   (DossierNotesPane *self);

/* Shared with the All Notes window. */
/* A card: colour bar, @author in their colour (may be NULL), @meta line
 * (may be NULL), quote, note, #tags. */
GtkWidget  *dossier_note_card_new                (DossierAnnotation *annotation,
                                                  const char        *meta,
                                                  const char        *author);
/* "Yellow highlight: “…”. Note: …" for screen readers */
char       *dossier_note_describe                (DossierAnnotation *annotation);

G_END_DECLS
