/* dossier-annotation-popover.h — colour, note and tags of one highlight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "dossier-annotation.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION_POPOVER (dossier_annotation_popover_get_type ())
G_DECLARE_FINAL_TYPE (DossierAnnotationPopover, dossier_annotation_popover, DOSSIER, ANNOTATION_POPOVER, GtkPopover)

GtkWidget          *dossier_annotation_popover_new            (void);
/* A new highlight of @quote: no note, no tags, @color (NULL: yellow). */
void                dossier_annotation_popover_new_note       (DossierAnnotationPopover *self,
                                                               const char               *quote,
                                                               const char               *color);
/* Edits @annotation (copied); Delete and Copy become available. */
void                dossier_annotation_popover_edit           (DossierAnnotationPopover *self,
                                                               DossierAnnotation        *annotation);
/* The annotation being edited, or NULL for a new one */
DossierAnnotation  *dossier_annotation_popover_get_annotation (DossierAnnotationPopover *self);
/* completion for the tag entry */
void                dossier_annotation_popover_set_known_tags (DossierAnnotationPopover *self,
                                                               const char * const       *tags);
const char         *dossier_annotation_popover_get_color      (DossierAnnotationPopover *self);
void                dossier_annotation_popover_set_color      (DossierAnnotationPopover *self,
                                                               const char               *color);
char               *dossier_annotation_popover_get_note       (DossierAnnotationPopover *self);
void                dossier_annotation_popover_set_note       (DossierAnnotationPopover *self,
                                                               const char               *note);
/* the chips, plus what is typed in the tag entry; NULL-terminated */
char              **dossier_annotation_popover_get_tags       (DossierAnnotationPopover *self);
/* what the entry does with Enter or a comma; duplicates are ignored */
void                dossier_annotation_popover_add_tag        (DossierAnnotationPopover *self,
                                                               const char               *tag);
/* Emits ::save (as the Save button and Ctrl+Return do) and pops down. */
void                dossier_annotation_popover_save           (DossierAnnotationPopover *self);

/* Loads the notes widgets' style sheet once per display. */
void                dossier_notes_ensure_style                (void);

G_END_DECLS
