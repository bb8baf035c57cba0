/* dossier-store.h — the SQLite library file, owned by one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function below except dossier_store_new(), _submit() and _close()
 * runs on the store's worker thread: call them from a DossierStoreFunc.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-article.h"
#include "dossier-annotation.h"
#include "dossier-query.h"
#include "dossier-saved-search.h"
#include "dossier-timeline-point.h"
#include "dossier-team-server.h"

G_BEGIN_DECLS

#define DOSSIER_STORE_ERROR (dossier_store_error_quark ())

typedef enum
{
  DOSSIER_STORE_ERROR_OPEN,        /* missing, unreadable, not writable */
  DOSSIER_STORE_ERROR_NOT_LIBRARY, /* not SQLite, or SQLite but not ours */
  DOSSIER_STORE_ERROR_CORRUPT,
  DOSSIER_STORE_ERROR_TOO_NEW,     /* written by a newer Dossier */
  DOSSIER_STORE_ERROR_MIGRATION,
  DOSSIER_STORE_ERROR_NOT_FOUND,
  DOSSIER_STORE_ERROR_DUPLICATE,
  DOSSIER_STORE_ERROR_BUSY,        /* locked by another process */
  DOSSIER_STORE_ERROR_FULL,        /* disk full */
  DOSSIER_STORE_ERROR_FAILED,
} DossierStoreError;

GQuark dossier_store_error_quark (void);

/* The schema version this build writes. */
#define DOSSIER_STORE_SCHEMA_VERSION 5

#define DOSSIER_TYPE_STORE (dossier_store_get_type ())
G_DECLARE_FINAL_TYPE (DossierStore, dossier_store, DOSSIER, STORE, GObject)

/* Runs on the worker thread; must call one g_task_return_*() on @task. */
typedef void (*DossierStoreFunc) (DossierStore *store,
                                  GTask        *task,
                                  gpointer      data,
                                  GCancellable *cancellable);

/* Runs on the worker thread for dossier_store_run(). */
typedef gpointer (*DossierStoreSyncFunc) (DossierStore  *store,
                                          gpointer       data,
                                          GCancellable  *cancellable,
                                          GError       **error);

DossierStore *dossier_store_new     (void);
/* Runs @func on the worker thread and waits for it: for the command line
 * and for worker threads of our own, never for the UI thread. */
gpointer      dossier_store_run     (DossierStore         *self,
                                     DossierStoreSyncFunc  func,
                                     gpointer              data,
                                     GCancellable         *cancellable,
                                     GError              **error);
/* Queues @func; @task's callback runs in the context @task was made in. */
void          dossier_store_submit  (DossierStore     *self,
                                     GTask            *task,
                                     DossierStoreFunc  func,
                                     gpointer          data,
                                     GDestroyNotify    destroy);
/* Finishes queued work, closes the database and stops the thread. */
void          dossier_store_close   (DossierStore     *self);

/* --- worker thread only --- */
gboolean      dossier_store_open         (DossierStore  *self,
                                          const char    *path,
                                          gboolean       create,
                                          GError       **error);
const char   *dossier_store_get_path     (DossierStore  *self);
gboolean      dossier_store_begin        (DossierStore  *self,
                                          GError       **error);
gboolean      dossier_store_commit       (DossierStore  *self,
                                          GError       **error);
void          dossier_store_rollback     (DossierStore  *self);
/* sqlite3_interrupt() when @cancellable fires, until the returned id is
 * given to dossier_store_unwatch_cancellable() */
gulong        dossier_store_watch_cancellable   (DossierStore *self,
                                                 GCancellable *cancellable);
void          dossier_store_unwatch_cancellable (DossierStore *self,
                                                 GCancellable *cancellable,
                                                 gulong        id);
gboolean      dossier_store_integrity_check     (DossierStore  *self,
                                                 GError       **error);

/* articles (dossier-store-articles.c) */
gint64          dossier_store_insert_article       (DossierStore    *self,
                                                    DossierArticle  *article,
                                                    gint64          *duplicate_of,
                                                    GError         **error);
/* As dossier_store_insert_article(), but under the article's own id when
 * no article holds it: an article deleted and brought back keeps its id,
 * so links to it (dossier://article/ID) still lead to it. */
gint64          dossier_store_reinsert_article     (DossierStore    *self,
                                                    DossierArticle  *article,
                                                    gint64          *duplicate_of,
                                                    GError         **error);
DossierArticle *dossier_store_get_article          (DossierStore    *self,
                                                    gint64           id,
                                                    gboolean         with_body,
                                                    GError         **error);
gboolean        dossier_store_update_article       (DossierStore    *self,
                                                    DossierArticle  *article,
                                                    GError         **error);
gboolean        dossier_store_set_article_body     (DossierStore    *self,
                                                    gint64           id,
                                                    const char      *body,
                                                    guint           *n_orphaned,
                                                    GError         **error);
gboolean        dossier_store_delete_article       (DossierStore    *self,
                                                    gint64           id,
                                                    GError         **error);
guint           dossier_store_count_articles       (DossierStore    *self,
                                                    GError         **error);

/* search (dossier-store-search.c) */

/* ids in list order; for a text query, ordered by relevance unless the
 * query sorts by date */
GArray         *dossier_store_query_article_ids    (DossierStore    *self,
                                                    DossierQuery    *query,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* metadata only (no body), in the order of @ids; with @query, snippets */
GPtrArray      *dossier_store_load_articles        (DossierStore    *self,
                                                    const gint64    *ids,
                                                    guint            n_ids,
                                                    DossierQuery    *query,
                                                    GError         **error);
GPtrArray      *dossier_store_search               (DossierStore    *self,
                                                    DossierQuery    *query,
                                                    guint            limit,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* Every article matching @query (NULL: all) as a DossierTimelinePoint. */
GArray         *dossier_store_timeline_points      (DossierStore    *self,
                                                    DossierQuery    *query,
                                                    GError         **error);
/* (dossier-store-articles.c) */
char          **dossier_store_list_sources         (DossierStore    *self,
                                                    GError         **error);
/* Counts the paragraphs of the articles @new_ids (gint64) per source and
 * removes paragraphs that recur across a source's articles from all of
 * them, re-anchoring notes.  Within the caller's transaction. */
gboolean        dossier_store_learn_boilerplate    (DossierStore    *self,
                                                    GArray          *new_ids,
                                                    guint           *n_cleaned,
                                                    GError         **error);

/* saved searches (dossier-store-searches.c) */
/* (element-type DossierSavedSearch), oldest first */
GPtrArray      *dossier_store_list_saved_searches  (DossierStore       *self,
                                                    GError            **error);
/* The id of the saved search (an existing one for the same query). */
gint64          dossier_store_save_search          (DossierStore       *self,
                                                    const char         *name,
                                                    const char         *query,
                                                    GError            **error);
gboolean        dossier_store_delete_saved_search  (DossierStore       *self,
                                                    gint64              id,
                                                    GError            **error);

/* annotations (dossier-store-annotations.c) */
gint64             dossier_store_insert_annotation (DossierStore       *self,
                                                    DossierAnnotation  *annotation,
                                                    GError            **error);
gboolean           dossier_store_update_annotation (DossierStore       *self,
                                                    DossierAnnotation  *annotation,
                                                    GError            **error);
gboolean           dossier_store_delete_annotation (DossierStore       *self,
                                                    gint64              id,
                                                    GError            **error);
DossierAnnotation *dossier_store_get_annotation    (DossierStore       *self,
                                                    gint64              id,
                                                    GError            **error);
DossierAnnotation *dossier_store_find_annotation_by_uuid (DossierStore  *self,
                                                          const char    *uuid,
                                                          GError       **error);
/* @article_id 0: all; @query NULL: no filter.  Text order per article. */
GPtrArray         *dossier_store_list_annotations  (DossierStore       *self,
                                                    gint64              article_id,
                                                    DossierQuery       *query,
                                                    GError            **error);
char             **dossier_store_list_tags         (DossierStore       *self,
                                                    GError            **error);
/* gint64 id → GStrv of the distinct tags on the article's notes (the
 * spelling first used, case-insensitively merged). */
GHashTable        *dossier_store_article_tags      (DossierStore       *self,
                                                    GError            **error);

/* suggested dates (dossier-store-dates.c) */
typedef enum
{
  DOSSIER_SUGGESTION_OPEN      = 0,
  DOSSIER_SUGGESTION_ACCEPTED  = 1,
  DOSSIER_SUGGESTION_DISMISSED = 2,
} DossierSuggestionState;

/* One article without a full date, and what is suggested for it. */
typedef struct
{
  gint64                  article_id;
  char                   *title;
  DossierDate             known;       /* the article's own (partial) date */
  DossierDate             date;        /* precision UNKNOWN: no suggestion */
  double                  confidence;
  char                  **evidence;    /* never NULL */
  DossierSuggestionState  state;
} DossierStoredSuggestion;

void            dossier_stored_suggestion_free        (DossierStoredSuggestion *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStoredSuggestion, dossier_stored_suggestion_free)

/* Works out a suggestion for every article without a full date that the
 * user did not date by hand, from its text and (with @use_corpus) the
 * dated articles that tell the same story, and keeps them; dismissed and
 * accepted suggestions stay as they are.  Returns how many articles have
 * a suggestion, or -1 with @error set. */
gint64          dossier_store_suggest_dates           (DossierStore   *self,
                                                       gboolean        use_corpus,
                                                       GCancellable   *cancellable,
                                                       GError        **error);
/* (element-type DossierStoredSuggestion): every article without a full
 * date, by id, with its suggestion if any. */
GPtrArray      *dossier_store_list_date_suggestions   (DossierStore   *self,
                                                       GError        **error);
/* Makes the suggestion the article's date (origin INFERRED), keeping its
 * evidence.  Fails with NOT_FOUND when there is none, and never changes a
 * date the user set or a full date. */
gboolean        dossier_store_accept_date_suggestion  (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);
/* Accepts every open suggestion of at least @confidence; returns how
 * many, or -1 with @error set. */
gint64          dossier_store_accept_date_suggestions_above (DossierStore   *self,
                                                             double          confidence,
                                                             GError        **error);
gboolean        dossier_store_dismiss_date_suggestion (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);
/* The evidence of an article's accepted suggestion (NULL: none). */
char          **dossier_store_get_date_evidence       (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);

/* team libraries (dossier-store-team.c, dossier-team-sync.c) */

/* The id of the article with this UUID, or 0 with @error set. */
gint64          dossier_store_find_article_by_uuid    (DossierStore   *self,
                                                       const char     *uuid,
                                                       GError        **error);

typedef struct
{
  char   *server;
  char   *member;
  gint64  version;      /* the last server version pulled */
  guint   n_queued;     /* local changes not yet pushed */
  guint   n_conflicts;
} DossierTeamLink;

void             dossier_team_link_free               (DossierTeamLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTeamLink, dossier_team_link_free)

/* Links the library to the team database @server as @member: from now on
 * every change is queued for the next sync, and everything already here
 * is queued for the first; notes without an author become @member's. */
gboolean         dossier_store_team_link              (DossierStore   *self,
                                                       const char     *server,
                                                       const char     *member,
                                                       GError        **error);
/* NULL with DOSSIER_TEAM_ERROR_NOT_SHARED for a library linked to no team */
DossierTeamLink *dossier_store_team_get_link          (DossierStore   *self,
                                                       GError        **error);

typedef struct
{
  guint  pulled;         /* server rows written here */
  guint  pushed;         /* local changes the server took */
  guint  conflicts;      /* new conflicts to resolve */
  gint64 version;        /* the server version this library has seen */
  guint  rows_sent;
  guint  rows_received;
} DossierTeamSyncStats;

/* Pushes the queued changes, each with the version it was last seen at
 * (a row changed meanwhile becomes a conflict, never an overwrite), then
 * pulls what changed since the last sync.  A lost connection leaves
 * everything queued (DOSSIER_TEAM_ERROR_UNREACHABLE). */
gboolean         dossier_store_team_sync              (DossierStore          *self,
                                                       DossierTeamServer     *server,
                                                       DossierTeamSyncStats  *stats,
                                                       GCancellable          *cancellable,
                                                       GError               **error);

typedef struct
{
  gint64  id;
  char   *kind;      /* "annotation", "article-field", "saved-search" */
  char   *row;       /* the row's UUID */
  char   *field;     /* article-field: the field; else NULL */
  char   *mine;      /* NULL: deleted here */
  char   *theirs;    /* NULL: deleted, or refused by the server */
  char   *author;    /* who made their version */
  gint64  at;        /* microseconds since the epoch */
} DossierTeamConflict;

void        dossier_team_conflict_free               (DossierTeamConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTeamConflict, dossier_team_conflict_free)

/* (element-type DossierTeamConflict), oldest first */
GPtrArray  *dossier_store_team_list_conflicts        (DossierStore   *self,
                                                      GError        **error);
/* @keep: "mine" (queued for the next sync), "theirs", or "both" (a note
 * only: mine becomes a note of its own beside theirs). */
gboolean    dossier_store_team_resolve               (DossierStore   *self,
                                                      gint64          id,
                                                      const char     *keep,
                                                      GError        **error);

G_END_DECLS
