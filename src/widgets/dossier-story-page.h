/* dossier-story-page.h — one story: its articles in time order, and the
 * corrections (an article out of it, another story into it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_STORY_PAGE (dossier_story_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierStoryPage, dossier_story_page, DOSSIER, STORY_PAGE, GtkBox)

GtkWidget          *dossier_story_page_new          (void);
/* Shows story @story_id of @library (read again from it); ::loaded once
 * it shows.  ::article-activated (gint64 id) when an article is chosen,
 * ::export when Export… is clicked. */
void                dossier_story_page_set_story    (DossierStoryPage *self,
                                                     DossierLibrary   *library,
                                                     gint64            story_id);
/* (element-type DossierStoryItem): the stories to join with */
void                dossier_story_page_set_stories  (DossierStoryPage *self,
                                                     GListModel       *stories);
gint64              dossier_story_page_get_story_id (DossierStoryPage *self);
/* the story shown (NULL: none, or no longer there) */
const DossierStory *dossier_story_page_get_story    (DossierStoryPage *self);
/* ids of the articles listed, in the order shown */
GArray             *dossier_story_page_get_listed   (DossierStoryPage *self);
/* The corrections, as the rows' buttons and the chooser make them: in
 * the background, then ::changed and the story read again, or ::failed
 * (a message) when the library refused. */
void                dossier_story_page_move_out     (DossierStoryPage *self,
                                                     gint64            article_id);
void                dossier_story_page_join         (DossierStoryPage *self,
                                                     gint64            other_id);
/* the stories the last correction changed (before ::changed): the one
 * shown, the one joined into it or the article's new one */
GArray             *dossier_story_page_get_touched  (DossierStoryPage *self);

G_END_DECLS
