/* dossier-stories.h — near-duplicates, stories and similar articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library calls of stories, and DossierStories, the service that keeps
 * them up to date: after each import is saved (the library's ::changed),
 * and once after an upgrade (when no article has a sketch yet), it works
 * on the store's thread in the background and reports its progress.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* How many articles were sketched, or -1 with @error set.  @full: the
 * whole library anew (the user's corrections kept). */
gint64        dossier_stories_update_sync  (DossierLibrary  *library,
                                            gboolean         full,
                                            GCancellable    *cancellable,
                                            GError         **error);
/* (element-type DossierStoredSimilar) */
GPtrArray    *dossier_stories_similar_sync (DossierLibrary  *library,
                                            gint64           article_id,
                                            guint            limit,
                                            GError         **error);
void          dossier_stories_similar_async  (DossierLibrary      *library,
                                              gint64               article_id,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *dossier_stories_similar_finish (DossierLibrary      *library,
                                              GAsyncResult        *result,
                                              GError             **error);
/* (element-type DossierStory), the latest first */
GPtrArray    *dossier_stories_list_sync    (DossierLibrary  *library,
                                            GError         **error);
void          dossier_stories_list_async   (DossierLibrary      *library,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray    *dossier_stories_list_finish  (DossierLibrary      *library,
                                            GAsyncResult        *result,
                                            GError             **error);
/* (element-type DossierStory): the stories of @ids there are still, in
 * the order of @ids, read beside the store's thread; fails (OPEN) when
 * the library has no file that can be read so, where a whole list is
 * read instead */
void          dossier_stories_read_some_async  (DossierLibrary      *library,
                                                const gint64        *ids,
                                                guint                n_ids,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray    *dossier_stories_read_some_finish (DossierLibrary      *library,
                                                GAsyncResult        *result,
                                                GError             **error);
DossierStory *dossier_stories_get_sync     (DossierLibrary  *library,
                                            gint64           story_id,
                                            GError         **error);
void          dossier_stories_get_async    (DossierLibrary      *library,
                                            gint64               story_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
DossierStory *dossier_stories_get_finish   (DossierLibrary      *library,
                                            GAsyncResult        *result,
                                            GError             **error);
/* The story of an article: 0 for none, -1 with @error set. */
gint64        dossier_stories_story_of_sync (DossierLibrary *library,
                                             gint64          article_id,
                                             GError        **error);
void          dossier_stories_story_of_async  (DossierLibrary      *library,
                                               gint64               article_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64        dossier_stories_story_of_finish (DossierLibrary      *library,
                                               GAsyncResult        *result,
                                               GError             **error);
/* @story_id 0: a story of its own.  The story's id, or -1. */
gint64        dossier_stories_move_sync    (DossierLibrary  *library,
                                            gint64           article_id,
                                            gint64           story_id,
                                            GError         **error);
gint64        dossier_stories_join_sync    (DossierLibrary  *library,
                                            gint64           story_id,
                                            gint64           other_id,
                                            GError         **error);
void          dossier_stories_move_async   (DossierLibrary      *library,
                                            gint64               article_id,
                                            gint64               story_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gint64        dossier_stories_move_finish  (DossierLibrary      *library,
                                            GAsyncResult        *result,
                                            GError             **error);
void          dossier_stories_join_async   (DossierLibrary      *library,
                                            gint64               story_id,
                                            gint64               other_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gint64        dossier_stories_join_finish  (DossierLibrary      *library,
                                            GAsyncResult        *result,
                                            GError             **error);

#define DOSSIER_TYPE_STORIES (dossier_stories_get_type ())
G_DECLARE_FINAL_TYPE (DossierStories, dossier_stories, DOSSIER, STORIES, GObject)

/* Starts working on what waits (if anything) at once. */
DossierStories *dossier_stories_new          (DossierLibrary *library);
gboolean        dossier_stories_get_running  (DossierStories *self);
/* 0..1 while running */
double          dossier_stories_get_progress (DossierStories *self);
/* whether the last run (at ::updated) grouped articles; one that found
 * none waiting changed no story */
gboolean        dossier_stories_get_grouped  (DossierStories *self);
/* (element-type gint64) the stories the last run (at ::updated) made,
 * changed or emptied, each once; NULL when any may have changed (a run
 * over the whole library) */
const GArray   *dossier_stories_get_touched  (DossierStories *self);
/* Queues an update; @full: the whole library anew. */
void            dossier_stories_refresh      (DossierStories *self,
                                              gboolean        full);

G_END_DECLS
