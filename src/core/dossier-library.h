/* dossier-library.h — the one object the GUI and the CLI talk to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every *_async call runs on the store's worker thread and returns in the
 * caller's main context.  The *_sync calls block the calling thread: they
 * are for dossier-cli, tests and worker threads, never the UI thread.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-article.h"
#include "dossier-annotation.h"
#include "dossier-query.h"
#include "dossier-store.h"
#include "dossier-importer.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY (dossier_library_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibrary, dossier_library, DOSSIER, LIBRARY, GObject)

/* $XDG_DATA_HOME/dossier/library.db */
char           *dossier_library_default_path        (void);

DossierLibrary *dossier_library_new                 (const char           *path);
const char     *dossier_library_get_path            (DossierLibrary       *self);
DossierStore   *dossier_library_get_store           (DossierLibrary       *self);
/* Emits ::changed after anything in the library changes, and just
 * before it ::changed-in-detail, with a DossierLibraryChange that says
 * what changed when the call knows. */

typedef enum
{
  /* anything may have changed */
  DOSSIER_LIBRARY_CHANGE_OTHER,
  /* articles were added, in no story yet: stories change only when the
   * grouping that follows runs (DossierStories::updated) */
  DOSSIER_LIBRARY_CHANGE_ADDED,
  /* notes, tags, read state or date suggestions: no article's text, date
   * or story */
  DOSSIER_LIBRARY_CHANGE_NO_STORIES,
  /* articles were deleted or put back: the stories they were (or are
   * now) in are listed, none else changed */
  DOSSIER_LIBRARY_CHANGE_STORIES,
} DossierLibraryChangeKind;

typedef struct
{
  DossierLibraryChangeKind kind;
  const gint64            *stories;     /* CHANGE_STORIES: the stories touched */
  guint                    n_stories;
  /* CHANGE_STORIES: the articles deleted, gone from every list (none
   * when articles were put back: where they go, only a query says) */
  const gint64            *removed;
  guint                    n_removed;
} DossierLibraryChange;


gboolean        dossier_library_open_sync           (DossierLibrary       *self,
                                                     gboolean              create,
                                                     GError              **error);
void            dossier_library_open_async          (DossierLibrary       *self,
                                                     gboolean              create,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean        dossier_library_open_finish         (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void            dossier_library_close               (DossierLibrary       *self);

/* import: files and folders (recursively; symlink loops are detected) */
GPtrArray      *dossier_library_import_sync         (DossierLibrary       *self,
                                                     const char * const   *paths,
                                                     DossierImportProgress progress,
                                                     gpointer              user_data,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void            dossier_library_import_async        (DossierLibrary       *self,
                                                     const char * const   *paths,
                                                     DossierImportProgress progress,
                                                     gpointer              progress_data,
                                                     GDestroyNotify        progress_destroy,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* (element-type DossierImportResult) */
GPtrArray      *dossier_library_import_finish       (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Stores an already extracted article (the demo corpus, tests). */
gint64          dossier_library_add_article_sync    (DossierLibrary       *self,
                                                     DossierArticle       *article,
                                                     gint64               *duplicate_of,
                                                     GError              **error);

/* Reads the library through a memory map from now on (see
 * dossier_store_map_for_reading()): for a process that lists much and
 * writes little, as the command line does. */
gboolean        dossier_library_map_for_reading_sync (DossierLibrary      *self,
                                                      GError             **error);

/* articles */
guint           dossier_library_count_sync          (DossierLibrary       *self,
                                                     GError              **error);
DossierArticle *dossier_library_get_article_sync    (DossierLibrary       *self,
                                                     gint64                id,
                                                     GError              **error);
void            dossier_library_get_article_async   (DossierLibrary       *self,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
DossierArticle *dossier_library_get_article_finish  (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean        dossier_library_update_article_sync (DossierLibrary       *self,
                                                     DossierArticle       *article,
                                                     GError              **error);
void            dossier_library_update_article_async (DossierLibrary      *self,
                                                      DossierArticle      *article,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        dossier_library_update_article_finish (DossierLibrary     *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
/* Replaces the body; annotations re-anchor, those that can't become orphans */
gboolean        dossier_library_set_body_sync       (DossierLibrary       *self,
                                                     gint64                id,
                                                     const char           *body,
                                                     guint                *n_orphaned,
                                                     GError              **error);
gboolean        dossier_library_delete_article_sync (DossierLibrary       *self,
                                                     gint64                id,
                                                     GError              **error);
/* Deleting from the window keeps what Undo needs to put it back. */
typedef struct _DossierDeletedArticle DossierDeletedArticle;
void            dossier_deleted_article_free        (DossierDeletedArticle *deleted);
DossierArticle *dossier_deleted_article_get_article (DossierDeletedArticle *deleted);
guint           dossier_deleted_article_get_n_annotations (DossierDeletedArticle *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDeletedArticle, dossier_deleted_article_free)
void            dossier_library_delete_article_async  (DossierLibrary       *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
DossierDeletedArticle *dossier_library_delete_article_finish (DossierLibrary *self,
                                                              GAsyncResult   *result,
                                                              GError        **error);
/* Takes @deleted.  The article returns under a new id, which _finish
 * gives (0 on error). */
void            dossier_library_restore_article_async (DossierLibrary        *self,
                                                       DossierDeletedArticle *deleted,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gint64          dossier_library_restore_article_finish (DossierLibrary      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
GPtrArray      *dossier_library_search_sync         (DossierLibrary       *self,
                                                     DossierQuery         *query,
                                                     guint                 limit,
                                                     GError              **error);
void            dossier_library_search_async        (DossierLibrary       *self,
                                                     DossierQuery         *query,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray      *dossier_library_search_finish       (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void            dossier_library_query_ids_async     (DossierLibrary       *self,
                                                     DossierQuery         *query,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* (element-type gint64) */
GArray         *dossier_library_query_ids_finish    (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void            dossier_library_load_articles_async (DossierLibrary       *self,
                                                     const gint64         *ids,
                                                     guint                 n_ids,
                                                     DossierQuery         *query,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray      *dossier_library_load_articles_finish (DossierLibrary      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
GArray         *dossier_library_timeline_points_sync (DossierLibrary      *self,
                                                      DossierQuery        *query,
                                                      GError             **error);
void            dossier_library_timeline_points_async (DossierLibrary     *self,
                                                       DossierQuery       *query,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
/* (element-type DossierTimelinePoint) */
GArray         *dossier_library_timeline_points_finish (DossierLibrary    *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
char          **dossier_library_list_sources_sync   (DossierLibrary       *self,
                                                     GError              **error);

/* saved searches: the list is (element-type DossierSavedSearch) */
void            dossier_library_list_saved_searches_async  (DossierLibrary      *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray      *dossier_library_list_saved_searches_finish (DossierLibrary      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
/* @name NULL: @query is the name.  Emits ::saved-searches-changed. */
void            dossier_library_save_search_async          (DossierLibrary      *self,
                                                            const char          *name,
                                                            const char          *query,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
void            dossier_library_delete_saved_search_async  (DossierLibrary      *self,
                                                            gint64               id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean        dossier_library_saved_search_finish        (DossierLibrary      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
GPtrArray      *dossier_library_list_saved_searches_sync   (DossierLibrary      *self,
                                                            GError             **error);

/* annotations */
DossierAnnotation *dossier_library_annotate_sync    (DossierLibrary       *self,
                                                     gint64                article_id,
                                                     const char           *quote,
                                                     const char           *note,
                                                     const char * const   *tags,
                                                     const char           *color,
                                                     GError              **error);
gint64          dossier_library_add_annotation_sync (DossierLibrary       *self,
                                                     DossierAnnotation    *annotation,
                                                     GError              **error);
void            dossier_library_add_annotation_async (DossierLibrary      *self,
                                                      DossierAnnotation   *annotation,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        dossier_library_add_annotation_finish (DossierLibrary     *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
gboolean        dossier_library_update_annotation_sync (DossierLibrary    *self,
                                                        DossierAnnotation *annotation,
                                                        GError           **error);
void            dossier_library_update_annotation_async (DossierLibrary      *self,
                                                         DossierAnnotation   *annotation,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean        dossier_library_update_annotation_finish (DossierLibrary     *self,
                                                          GAsyncResult       *result,
                                                          GError            **error);
gboolean        dossier_library_delete_annotation_sync (DossierLibrary    *self,
                                                        gint64             id,
                                                        GError           **error);
void            dossier_library_delete_annotation_async (DossierLibrary      *self,
                                                         gint64               id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean        dossier_library_delete_annotation_finish (DossierLibrary     *self,
                                                          GAsyncResult       *result,
                                                          GError            **error);
GPtrArray      *dossier_library_list_annotations_sync (DossierLibrary     *self,
                                                       gint64              article_id,
                                                       DossierQuery       *query,
                                                       GError            **error);
void            dossier_library_list_annotations_async (DossierLibrary    *self,
                                                        gint64             article_id,
                                                        DossierQuery      *query,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
GPtrArray      *dossier_library_list_annotations_finish (DossierLibrary   *self,
                                                         GAsyncResult     *result,
                                                         GError          **error);
char          **dossier_library_list_tags_sync      (DossierLibrary       *self,
                                                     GError              **error);
/* Every tag in use (most used first) and every source, in one call to
 * the store: the result of _finish is the tags; @sources gets the
 * sources when not NULL (both transfer full). */
void            dossier_library_list_tags_and_sources_async  (DossierLibrary      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
char          **dossier_library_list_tags_and_sources_finish (DossierLibrary      *self,
                                                              GAsyncResult        *result,
                                                              char              ***sources,
                                                              GError             **error);
/* The tags of each article's notes, for the timeline's lanes by tag:
 * gint64 id (g_int64_hash) → NULL-terminated tags, most used first. */
GHashTable     *dossier_library_article_tags_sync   (DossierLibrary       *self,
                                                     GError              **error);
void            dossier_library_article_tags_async  (DossierLibrary       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GHashTable     *dossier_library_article_tags_finish (DossierLibrary       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
DossierAnnotation *dossier_library_find_annotation_by_uuid_sync (DossierLibrary *self,
                                                                 const char     *uuid,
                                                                 GError        **error);

G_END_DECLS
