/* dossier-stories-view.h — the Stories section: every story, the latest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

/* One story of the list, as a list model's item. */
#define DOSSIER_TYPE_STORY_ITEM (dossier_story_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierStoryItem, dossier_story_item, DOSSIER, STORY_ITEM, GObject)

const DossierStory *dossier_story_item_get_story (DossierStoryItem *self);

/* A copy of @story (for a page that keeps it). */
DossierStory *dossier_story_copy          (const DossierStory *story);
/* "3–5 June 2014 · 3 days", or "Undated" */
char         *dossier_story_describe_span (const DossierStory *story);
/* "Coastal Press, The Harbour Ledger and 2 more" */
char         *dossier_story_describe_sources (const DossierStory *story,
                                              guint               max_names);

#define DOSSIER_TYPE_STORIES_VIEW (dossier_stories_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierStoriesView, dossier_stories_view, DOSSIER, STORIES_VIEW, GtkBox)

GtkWidget  *dossier_stories_view_new         (void);
/* The library whose stories the next reload lists. */
void        dossier_stories_view_set_library (DossierStoriesView *self,
                                              DossierLibrary     *library);
/* Reads the stories again; ::loaded when they show. */
void        dossier_stories_view_reload      (DossierStoriesView *self);
/* Reads again only the stories of @ids (after a change that touched
 * only them: a correction), putting them in place; the whole list when
 * one is being read already, or for many. */
void        dossier_stories_view_reload_some (DossierStoriesView *self,
                                              const gint64       *ids,
                                              guint               n_ids);
/* Whether stories are being made meanwhile, and how far (0..1): an empty
 * list says so rather than that there are none. */
void        dossier_stories_view_set_grouping (DossierStoriesView *self,
                                               gboolean            grouping,
                                               double              progress);
/* (element-type DossierStoryItem): every story, unfiltered */
GListModel *dossier_stories_view_get_model   (DossierStoriesView *self);
/* how many times the whole list was read (against the stories read
 * one by one after a change that said which) */
guint       dossier_stories_view_get_n_full_reads (DossierStoriesView *self);
/* how many stories the list shows (after the search) */
guint       dossier_stories_view_get_n_shown (DossierStoriesView *self);
/* the story with @id, or NULL */
const DossierStory *dossier_stories_view_find (DossierStoriesView *self,
                                               gint64              id);

G_END_DECLS
