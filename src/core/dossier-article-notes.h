/* dossier-article-notes.h — the open article's notes, and what a new
 * note is being made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the reader a window keeps one of these: the notes of the article
 * it shows (NULL until the library has loaded them), the undo history of
 * note changes, the colour last chosen for a highlight, the passage a new
 * note is for while its popover is open, and the note to scroll to once
 * the notes have loaded (a dossier:// link).
 */
#pragma once

#include <gio/gio.h>

#include "dossier-library.h"
#include "dossier-undo.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_NOTES (dossier_article_notes_get_type ())
G_DECLARE_FINAL_TYPE (DossierArticleNotes, dossier_article_notes, DOSSIER, ARTICLE_NOTES, GObject)

DossierArticleNotes *dossier_article_notes_new             (DossierLibrary      *library);
DossierUndo         *dossier_article_notes_get_undo        (DossierArticleNotes *self);
/* (element-type DossierAnnotation) (nullable): NULL until loaded */
GPtrArray           *dossier_article_notes_get_annotations (DossierArticleNotes *self);
void                 dossier_article_notes_set_annotations (DossierArticleNotes *self,
                                                            GPtrArray           *annotations);
DossierAnnotation   *dossier_article_notes_find            (DossierArticleNotes *self,
                                                            const char          *uuid);
/* NULL: the default colour */
const char          *dossier_article_notes_get_color       (DossierArticleNotes *self);
void                 dossier_article_notes_set_color       (DossierArticleNotes *self,
                                                            const char          *color);
/* The passage (character offsets in the body) a new note is for. */
void                 dossier_article_notes_get_passage     (DossierArticleNotes *self,
                                                            int                 *start,
                                                            int                 *end);
void                 dossier_article_notes_set_passage     (DossierArticleNotes *self,
                                                            int                  start,
                                                            int                  end);
/* The uuid of a note to show once the notes have loaded, or NULL. */
void                 dossier_article_notes_set_pending     (DossierArticleNotes *self,
                                                            const char          *uuid);
char                *dossier_article_notes_take_pending    (DossierArticleNotes *self);

G_END_DECLS
