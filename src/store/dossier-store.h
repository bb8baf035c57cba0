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
#include "dossier-sketch.h"
#include "dossier-pending-link.h"
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

/* The hash by which the library knows two texts for the same article
 * (white space and case aside); any thread. */
char *dossier_store_body_hash (const char *body);

/* The schema version this build writes. */
#define DOSSIER_STORE_SCHEMA_VERSION 23

/* What the search index holds for a word (tokenizer, Snowball, the
 * irregular forms): recorded in the library, whose index is rebuilt when
 * it differs. */
const char *dossier_store_tokenizer_version (void);
/* Registers the library's FTS5 tokenizer ("dossier") on a connection
 * opened without the store (tests and tools reading a library) */
struct sqlite3;
gboolean    dossier_store_register_tokenizer (struct sqlite3 *db);
/* The table of names' spellings the tokenizer records and a query looks
 * in, in @schema of @db, for a connection of its own (a test's) */
gboolean    dossier_store_add_name_vocabulary (struct sqlite3 *db,
                                               const char     *schema);
/* dossier_row_uuid(), which the team's triggers on corrections call, on
 * a connection of its own (a test's, say) */
gboolean    dossier_store_register_row_uuid  (struct sqlite3 *db);
/* The search stem of one word: Snowball's Russian stemmer for Cyrillic,
 * its English one for Latin letters; other words lower cased */
char       *dossier_store_stem              (const char *word,
                                             gssize      len);
/* A Latin name's key, shared by its usual spellings (Navalny, Navalnyy;
 * Sergei, Sergey): lower case ASCII letters, or NULL */
char       *dossier_store_name_key          (const char *latin,
                                             gssize      len);
/* @fts (a MATCH expression of dossier_query_parse()'s) with every word
 * and phrase asked for in the form typed alone ("=word", the exact-form
 * operator), prefixes as they are; NULL when that changes nothing.  A
 * ranking by relevance puts the rows it matches first. */
char       *dossier_store_exact_expression  (const char *fts);

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
/* The same for a slice of work in the background (an index rebuilt,
 * quotes found after an upgrade): it runs after every other call queued,
 * whenever that was queued, so that what the user waits on never waits
 * behind more than the one slice already running. */
void          dossier_store_submit_background (DossierStore     *self,
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
/* FALSE before dossier_store_open() and after dossier_store_close() */
gboolean      dossier_store_is_open      (DossierStore  *self);
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
/* Reads the library through a memory map of its file from now on: its
 * pages are read where the system keeps them instead of copied into the
 * connection's cache, which long read-only lists (the command line's)
 * spend much of their time on; writes are unchanged. */
gboolean      dossier_store_map_for_reading     (DossierStore  *self,
                                                 GError       **error);

/* articles (dossier-store-articles.c) */
gint64          dossier_store_insert_article       (DossierStore    *self,
                                                    DossierArticle  *article,
                                                    gint64          *duplicate_of,
                                                    GError         **error);
/* Inside a transaction: the articles inserted from now on are indexed
 * for search together by dossier_store_index_deferred(), which must come
 * before the commit (a batch of many articles is indexed much faster in
 * one statement than one by one). */
gboolean        dossier_store_defer_search_index   (DossierStore    *self,
                                                    GError         **error);
gboolean        dossier_store_index_deferred       (DossierStore    *self,
                                                    GError         **error);
/* The search index rebuilt in the background (dossier-store-reindex.c):
 * how many articles wait to be indexed again (0: none; @total, if not
 * NULL: all the articles), and one batch of at most @batch of them
 * indexed in a transaction of its own, returning how many still wait;
 * -1 with @error set on failure.  Once none wait, the steps merge the
 * index's segments into one, a slice of about @batch pages a step, and
 * return 1 until the merge is done. */
gint64          dossier_store_reindex_remaining    (DossierStore    *self,
                                                    gint64          *total,
                                                    GError         **error);
gint64          dossier_store_reindex_step         (DossierStore    *self,
                                                    guint            batch,
                                                    GError         **error);
/* How many b-trees (segments) the articles' index is made of (a search
 * reads a word's matches from each), from FTS5's structure record; and a
 * slice of their merge into one, of about @pages pages written in a
 * transaction of its own: 1 while more is left to merge, 0 when done.
 * -1 with @error set on failure. */
gint64          dossier_store_index_segments       (DossierStore    *self,
                                                    GError         **error);
gint64          dossier_store_merge_index_step     (DossierStore    *self,
                                                    guint            pages,
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
/* The rows of other tables an article takes with it when deleted, as one
 * document to put back under its new id (dossier-store-kept-rows.c) */
char           *dossier_store_keep_article_rows    (DossierStore    *self,
                                                    gint64           id,
                                                    GError         **error);
gboolean        dossier_store_put_back_article_rows (DossierStore   *self,
                                                    gint64           old_id,
                                                    gint64           id,
                                                    const char      *kept,
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
/* The timeline's lanes by person and by story (dossier-store-timeline-marks.c).
 * (element-type DossierPersonSummary): the first @limit people (0: all)
 * most quoted in the articles matching @query (NULL: all), with their
 * quotes there (mentions stay 0). */
GPtrArray      *dossier_store_timeline_top_people   (DossierStore    *self,
                                                     DossierQuery    *query,
                                                     guint            limit,
                                                     GError         **error);
/* A DossierTimelinePoint per quote (not rejected) of each of @person_ids
 * in the dated articles matching @query: the article's id, day and source,
 * the quote as item and the person's name as key. */
GArray         *dossier_store_timeline_quote_points (DossierStore    *self,
                                                     DossierQuery    *query,
                                                     const gint64    *person_ids,
                                                     guint            n_ids,
                                                     GError         **error);
/* Every dated article of a story matching @query as a DossierTimelinePoint
 * whose key is its story's title (that of its earliest article matching
 * @query; a title two stories share gets the story's id added) and whose
 * item is the story's id. */
GArray         *dossier_store_timeline_story_points (DossierStore    *self,
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
/* Within the caller's transaction: notes added to @article_id from now
 * on leave its searchable notes as they are, until
 * dossier_store_write_batched_notes() writes them, once per article.
 * The caller calls that before its transaction ends. */
gboolean           dossier_store_batch_notes       (DossierStore       *self,
                                                    gint64              article_id,
                                                    GError            **error);
gboolean           dossier_store_write_batched_notes (DossierStore     *self,
                                                      GError          **error);
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
/* The distinct authors of the notes (a team library's members who
 * wrote any), by name */
char             **dossier_store_list_note_authors (DossierStore       *self,
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
  DossierDateOrigin       known_origin;  /* where that came from (INFERRED once accepted) */
  DossierDate             date;        /* precision UNKNOWN: no suggestion */
  double                  confidence;
  char                  **evidence;    /* never NULL */
  DossierSuggestionState  state;
} DossierStoredSuggestion;

void            dossier_stored_suggestion_free        (DossierStoredSuggestion *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStoredSuggestion, dossier_stored_suggestion_free)

/* The same work in steps that each hold the store's thread a few tens
 * of milliseconds, so other calls run between them: make a suggester,
 * call dossier_store_suggest_dates_step() until it returns 0 (done) or
 * -1 (@error set), read how many got a suggestion, free it. */
typedef struct _DossierDateSuggester DossierDateSuggester;

DossierDateSuggester *dossier_date_suggester_new       (gboolean              use_corpus);
void                  dossier_date_suggester_free      (DossierDateSuggester *self);
gint64                dossier_date_suggester_get_saved (DossierDateSuggester *self);
int                   dossier_store_suggest_dates_step (DossierStore          *self,
                                                        DossierDateSuggester  *suggester,
                                                        GCancellable          *cancellable,
                                                        GError               **error);

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
/* Accepts the suggestions of @ids in one transaction: all or none.
 * Returns how many, or -1 with @error set. */
gint64          dossier_store_accept_date_suggestions (DossierStore   *self,
                                                       const gint64   *ids,
                                                       guint           n_ids,
                                                       GError        **error);
/* Takes an accepted suggestion back: the article gets @previous and
 * @origin again and the suggestion is open once more.  NOT_FOUND when
 * the article's date is no longer the accepted one. */
gboolean        dossier_store_unaccept_date_suggestion (DossierStore      *self,
                                                        gint64             article_id,
                                                        const DossierDate *previous,
                                                        DossierDateOrigin  origin,
                                                        GError           **error);
/* The article's suggestion in any state; precision UNKNOWN when it has
 * none.  NULL only with @error set. */
DossierStoredSuggestion *dossier_store_get_date_suggestion (DossierStore  *self,
                                                            gint64         article_id,
                                                            GError       **error);
gboolean        dossier_store_dismiss_date_suggestion (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);
/* The evidence of an article's accepted suggestion (NULL: none). */
char          **dossier_store_get_date_evidence       (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);

/* near-duplicates and stories (dossier-store-stories.c,
 * dossier-store-story-groups.c) */

/* How far the work has come, 0..1, called on the worker thread. */
typedef void (*DossierStoreProgress) (double   fraction,
                                      gpointer data);

/* Sketches every article that has none yet, finds the articles most like
 * each new one, and groups the library into stories again (the user's
 * corrections kept).  With @full, every article is sketched and compared
 * anew.  Returns how many articles were sketched, or -1 with @error set. */
gint64          dossier_store_update_stories          (DossierStore          *self,
                                                       gboolean               full,
                                                       DossierStoreProgress   progress,
                                                       gpointer               progress_data,
                                                       GCancellable          *cancellable,
                                                       GError               **error);
/* The same, and when @touched is not NULL, the ids (gint64) of the
 * stories the grouping made, changed or emptied go to it, each once (a
 * @full update leaves it empty: every story may have changed). */
gint64          dossier_store_update_stories_touched  (DossierStore          *self,
                                                       gboolean               full,
                                                       GArray                *touched,
                                                       DossierStoreProgress   progress,
                                                       gpointer               progress_data,
                                                       GCancellable          *cancellable,
                                                       GError               **error);
/* How many articles wait for dossier_store_update_stories(). */
gint64          dossier_store_count_unsketched        (DossierStore          *self,
                                                       GError               **error);

/* An article like another one. */
typedef struct
{
  DossierArticle  *article;     /* its id, title, source and date only */
  double           similarity;  /* 0..1 */
  DossierRelation  relation;
  gint64           story_id;    /* 0: in no story */
} DossierStoredSimilar;

void            dossier_stored_similar_free           (DossierStoredSimilar *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStoredSimilar, dossier_stored_similar_free)

/* (element-type DossierStoredSimilar): the articles most like @id, best
 * first (near-duplicates, then the same story, then related ones), at
 * most @limit (0: all kept).  Fails with NOT_FOUND for no such article. */
GPtrArray      *dossier_store_list_similar            (DossierStore          *self,
                                                       gint64                 id,
                                                       guint                  limit,
                                                       GError               **error);
/* (element-type DossierStoredSimilar): the dated near-duplicates and
 * articles of the same story of @id, for its suggested date. */
GPtrArray      *dossier_store_dated_neighbours        (DossierStore          *self,
                                                       gint64                 id,
                                                       GError               **error);

typedef struct
{
  gint64   id;
  char    *title;        /* the earliest article's */
  GArray  *articles;     /* gint64 ids in time order (undated last) */
  char   **sources;      /* distinct, in order of first report */
  char    *first;        /* the earliest date (NULL: none dated) */
  char    *last;
  char    *first_source; /* who reported first (NULL: unknown) */
} DossierStory;

void            dossier_story_free                    (DossierStory *story);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStory, dossier_story_free)
/* the order of the lists of stories: < 0 when @a comes before @b */
int             dossier_story_compare                 (const DossierStory *a,
                                                       const DossierStory *b);

/* (element-type DossierStory): every story, the latest first. */
GPtrArray      *dossier_store_list_stories            (DossierStore          *self,
                                                       GError               **error);
/* The same, read through a read-only connection of its own to the
 * library at @path, on any thread: it does not wait for the store's
 * thread, busy with an import or a catch-up.  OPEN when the file cannot
 * be read so (a read-only folder: WAL needs its -shm file). */
GPtrArray      *dossier_store_read_stories            (const char            *path,
                                                       GError               **error);
/* (element-type DossierStory): the stories of @ids that exist, in the
 * order of @ids, read as dossier_store_read_stories() does (OPEN when
 * the file cannot be read so): after a change that touched only these,
 * the list's other rows stay as they were. */
GPtrArray      *dossier_store_read_some_stories       (const char            *path,
                                                       const gint64          *ids,
                                                       guint                  n_ids,
                                                       GError               **error);
/* One story; NOT_FOUND when there is none with @id. */
DossierStory   *dossier_store_get_story               (DossierStore          *self,
                                                       gint64                 id,
                                                       GError               **error);
/* The story of @article_id, 0 when none (or -1 with @error set). */
gint64          dossier_store_story_of                (DossierStore          *self,
                                                       gint64                 article_id,
                                                       GError               **error);
/* Moves an article into story @story_id, or into a story of its own when
 * @story_id is 0; returns the story's id, or -1 with @error set.  The
 * move is kept through every later grouping. */
gint64          dossier_store_move_to_story           (DossierStore          *self,
                                                       gint64                 article_id,
                                                       gint64                 story_id,
                                                       GError               **error);
/* Joins story @other into story @story (kept through later groupings);
 * returns @story's id, or -1 with @error set. */
gint64          dossier_store_join_stories            (DossierStore          *self,
                                                       gint64                 story,
                                                       gint64                 other,
                                                       GError               **error);

/* People and quotes (dossier-store-people.c) */

typedef enum
{
  DOSSIER_QUOTE_FOUND,
  DOSSIER_QUOTE_CORRECTED,
  DOSSIER_QUOTE_REJECTED,
} DossierQuoteStatus;

typedef struct
{
  gint64   id;
  char    *name;
  gboolean organisation;
  char   **variants;   /* never NULL */
  char   **titles;     /* never NULL */
  gint64   mentions;   /* articles that mention or quote them */
  gint64   quotes;     /* quotes not rejected */
} DossierStoredPerson;

void dossier_stored_person_free (DossierStoredPerson *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStoredPerson, dossier_stored_person_free)

typedef struct
{
  gint64              id;
  gint64              article_id;
  gint64              person_id;    /* 0: unattributed */
  char               *speaker;      /* NULL: unattributed */
  char               *text;
  gint64              start;        /* character offsets in the body */
  gint64              end;
  char               *published;    /* NULL when undated */
  char               *source;
  int                 attribution;  /* a DossierAttribution */
  DossierQuoteStatus  status;
} DossierStoredQuote;

/* A stored quote is one block with its strings (the store makes them,
 * tens of thousands at a time): its fields are not to be freed or set
 * on their own. */

void dossier_stored_quote_free (DossierStoredQuote *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStoredQuote, dossier_stored_quote_free)

/* Finds the quotes and people of up to @max_articles articles waiting
 * for it (new ones, changed bodies, all of a library made before
 * people), committing every few articles so that stopping loses
 * nothing.  Returns how many were done, or -1 with @error set. */
gint64     dossier_store_find_quotes        (DossierStore   *self,
                                             guint           max_articles,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* How many articles wait for their quotes, or -1 with @error set. */
gint64     dossier_store_quotes_pending     (DossierStore   *self,
                                             GError        **error);
/* (element-type DossierStoredPerson): people and organisations, most
 * quoted and mentioned first; with @search, those with a name or variant
 * containing it. */
GPtrArray *dossier_store_list_people        (DossierStore   *self,
                                             const char     *search,
                                             GError        **error);
/* The person with id @spec (digits) or with @spec as a name or variant
 * (case-insensitive); fails with NOT_FOUND. */
gint64     dossier_store_find_person        (DossierStore   *self,
                                             const char     *spec,
                                             GError        **error);
/* (element-type DossierStoredQuote): in time order; @person_id and
 * @article_id 0 for any; rejected ones only with @all. */
GPtrArray *dossier_store_list_quotes        (DossierStore   *self,
                                             gint64          person_id,
                                             gint64          article_id,
                                             gboolean        all,
                                             GError        **error);
/* Called with each quote in turn; its strings last until it returns. */
typedef void (*DossierStoreQuoteFunc) (const DossierStoredQuote *quote,
                                       gpointer                  user_data);
/* The quotes dossier_store_list_quotes() lists, in its order, each
 * given to @func without a copy of its own. */
gboolean   dossier_store_each_quote         (DossierStore          *self,
                                             gint64                 person_id,
                                             gint64                 article_id,
                                             gboolean               all,
                                             DossierStoreQuoteFunc  func,
                                             gpointer               user_data,
                                             GError               **error);
gboolean   dossier_store_rename_person      (DossierStore   *self,
                                             gint64          id,
                                             const char     *name,
                                             GError        **error);
/* Moves everything of @other to @id and deletes @other. */
gboolean   dossier_store_merge_people       (DossierStore   *self,
                                             gint64          id,
                                             gint64          other,
                                             GError        **error);
/* Makes @variant a new person of its own; returns its id, or 0. */
gint64     dossier_store_split_person       (DossierStore   *self,
                                             gint64          id,
                                             const char     *variant,
                                             GError        **error);
gboolean   dossier_store_reassign_quote     (DossierStore   *self,
                                             gint64          quote_id,
                                             gint64          person_id,
                                             GError        **error);
gboolean   dossier_store_reject_quote       (DossierStore   *self,
                                             gint64          quote_id,
                                             GError        **error);
/* What the People section and a person's page read
 * (dossier-store-quotes.c) */

typedef struct
{
  gint64   id;
  char    *name;
  gboolean organisation;
  gint64   mentions;   /* articles that mention or quote them */
  gint64   quotes;     /* quotes not rejected; beside another person: articles quoting both */
} DossierPersonSummary;

void dossier_person_summary_free (DossierPersonSummary *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPersonSummary, dossier_person_summary_free)

typedef struct
{
  gint64   id;
  gint64   article_id;
  gint64   start;          /* character offsets of the quoted words in the body */
  gint64   end;
  char    *speaker;       /* the person's name; NULL: unattributed */
  char    *text;
  char    *published;     /* NULL when undated */
  char    *source;
  char    *title;          /* the article's */
  char    *context;        /* the sentence around the quote */
  int      context_start;  /* where the quote lies in @context, in characters */
  int      context_end;
} DossierPersonQuote;

void dossier_person_quote_free (DossierPersonQuote *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPersonQuote, dossier_person_quote_free)

/* (element-type DossierPersonSummary): the first @limit people (0: all)
 * most quoted and mentioned, with @search in a name or variant. */
GPtrArray *dossier_store_list_people_page   (DossierStore   *self,
                                             const char     *search,
                                             guint           limit,
                                             GError        **error);
/* The julian days of the first and last dated articles (0 when none). */
gboolean   dossier_store_quote_range        (DossierStore   *self,
                                             gint64         *first_jd,
                                             gint64         *last_jd,
                                             GError        **error);
/* Counts the quotes of each of @ids in @n_buckets equal spans of the
 * days @first_jd to @last_jd, into @buckets[i * @n_buckets …] (@n_ids
 * times @n_buckets counts). */
gboolean   dossier_store_people_sparklines  (DossierStore   *self,
                                             const gint64   *ids,
                                             guint           n_ids,
                                             gint64          first_jd,
                                             gint64          last_jd,
                                             guint          *buckets,
                                             guint           n_buckets,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* (element-type gint64): the ids of @person_id's quotes in time order
 * (undated last), rejected ones left out */
GArray    *dossier_store_person_quote_ids   (DossierStore   *self,
                                             gint64          person_id,
                                             GError        **error);
/* (element-type DossierPersonQuote): the quotes @ids in that order, each
 * with its sentence; ids no longer there are left out */
GPtrArray *dossier_store_quotes_by_id       (DossierStore   *self,
                                             const gint64   *ids,
                                             guint           n_ids,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* (element-type DossierPersonQuote): all of them, in time order, rejected
 * ones left out */
GPtrArray *dossier_store_person_quotes      (DossierStore   *self,
                                             gint64          person_id,
                                             GError        **error);
/* (element-type DossierPersonQuote): the quotes of the articles @ids,
 * article by article in that order, rejected ones left out */
GPtrArray *dossier_store_article_quotes     (DossierStore   *self,
                                             const gint64   *ids,
                                             guint           n_ids,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* (element-type DossierPersonSummary): the people quoted in the most
 * articles that quote @person_id, with that number as quotes */
GPtrArray *dossier_store_quoted_beside      (DossierStore   *self,
                                             gint64          person_id,
                                             guint           limit,
                                             GError        **error);
/* --- links that led to articles (dossier-store-links.c) --- */

/* The article @url leads to: a link given or fetched before, or an
 * article's own link; 0 when none, -1 with @error set. */
gint64          dossier_store_find_link               (DossierStore   *self,
                                                       const char     *url,
                                                       GError        **error);
/* Records that @url leads to @article_id (@given: the user gave it);
 * a link already known keeps its article. */
gboolean        dossier_store_add_link                (DossierStore   *self,
                                                       gint64          article_id,
                                                       const char     *url,
                                                       gboolean        given,
                                                       GError        **error);
/* The link the user gave for @article_id (NULL: none, or an error). */
char           *dossier_store_get_given_link          (DossierStore   *self,
                                                       gint64          article_id,
                                                       GError        **error);

/* --- feeds (dossier-store-feeds.c) --- */

typedef struct
{
  gint64  id;
  char   *url;
  char   *title;
  char   *site_url;
  char   *etag;
  char   *last_modified;
  gint64  last_refresh;     /* µs since the epoch, 0: never */
  char   *last_error;
  gint64  retry_after;      /* µs: no request before then */
  gboolean paused;
  guint   n_articles;       /* articles from its entries still in the library */
  guint   n_unread;         /* of those, the ones not read yet */
} DossierFeedInfo;

void             dossier_feed_info_free          (DossierFeedInfo *info);
/* A new feed, or the id of the one with @url (*@existed TRUE). */
gint64           dossier_store_add_feed          (DossierStore    *self,
                                                  const char      *url,
                                                  const char      *title,
                                                  const char      *site_url,
                                                  gboolean        *existed,
                                                  GError         **error);
/* (element-type DossierFeedInfo), by title; @id > 0: that one only */
GPtrArray       *dossier_store_list_feeds        (DossierStore    *self,
                                                  gint64           id,
                                                  GError         **error);
/* After a refresh: what the server said and when. */
gboolean         dossier_store_set_feed_state    (DossierStore    *self,
                                                  const DossierFeedInfo *info,
                                                  GError         **error);
/* NULL @title: keep it; @paused < 0: keep it.  FALSE with NOT_FOUND. */
gboolean         dossier_store_update_feed       (DossierStore    *self,
                                                  gint64           id,
                                                  const char      *title,
                                                  int              paused,
                                                  GError         **error);
gboolean         dossier_store_remove_feed       (DossierStore    *self,
                                                  gint64           id,
                                                  GError         **error);
/* The guids of the entries of @feed_id already dealt with (a set). */
GHashTable      *dossier_store_seen_feed_entries (DossierStore    *self,
                                                  gint64           feed_id,
                                                  GError         **error);
gboolean         dossier_store_mark_feed_entry   (DossierStore    *self,
                                                  gint64           feed_id,
                                                  const char      *guid,
                                                  gint64           article_id,
                                                  GError         **error);
/* imports from other apps (dossier-store-app-imports.c) */
/* Whether entry @source_id of an export of @kind was imported, and into
 * which article or pending link (0: none, or deleted since). */
gboolean        dossier_store_find_app_import      (DossierStore       *self,
                                                    const char         *kind,
                                                    const char         *source_id,
                                                    gint64             *article_id,
                                                    gint64             *pending_id,
                                                    GError            **error);
gboolean        dossier_store_record_app_import    (DossierStore       *self,
                                                    const char         *kind,
                                                    const char         *source_id,
                                                    gint64              article_id,
                                                    gint64              pending_id,
                                                    GError            **error);
/* Tags of the article itself (not of its notes); case-insensitively unique. */
gboolean        dossier_store_add_article_tags     (DossierStore       *self,
                                                    gint64              article_id,
                                                    const char * const *tags,
                                                    GError            **error);
/* FALSE with NOT_FOUND when the article does not have @tag. */
gboolean        dossier_store_remove_article_tag   (DossierStore       *self,
                                                    gint64              article_id,
                                                    const char         *tag,
                                                    GError            **error);
/* Sorted; never NULL on success. */
char          **dossier_store_get_article_tags     (DossierStore       *self,
                                                    gint64              article_id,
                                                    GError            **error);
gboolean        dossier_store_set_article_read     (DossierStore       *self,
                                                    gint64              article_id,
                                                    gboolean            read,
                                                    GError            **error);
/* The time the article counts as imported (another app's time saved). */
gboolean        dossier_store_set_article_imported_at (DossierStore       *self,
                                                    gint64              article_id,
                                                    gint64              imported_at,
                                                    GError            **error);
/* -1 with @error set when there is no such article */
int             dossier_store_get_article_read     (DossierStore       *self,
                                                    gint64              article_id,
                                                    GError            **error);
/* Keeps @link (its id is set); a link whose URL is already kept is not
 * added again: returns 0 and sets *@existing to its id. */
gint64          dossier_store_insert_pending_link  (DossierStore       *self,
                                                    DossierPendingLink *link,
                                                    gint64             *existing,
                                                    GError            **error);
/* (element-type DossierPendingLink), oldest first */
GPtrArray      *dossier_store_list_pending_links   (DossierStore       *self,
                                                    GError            **error);
gboolean        dossier_store_delete_pending_link  (DossierStore       *self,
                                                    gint64              id,
                                                    GError            **error);

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
/* Unlinks the library from its team: what it holds stays, as a library
 * of one's own; changes not yet pushed and open conflicts are dropped
 * (the conflicts' own versions stay as they are here). */
gboolean         dossier_store_team_unlink            (DossierStore   *self,
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

/* How far a sync is: @done of @total rows pushed and pulled (@total
 * grows once the pull knows its rows); called on the sync's thread. */
typedef void (*DossierTeamProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

/* Pushes the queued changes, each with the version it was last seen at
 * (a row changed meanwhile becomes a conflict, never an overwrite), then
 * pulls what changed since the last sync.  A lost connection leaves
 * everything queued (DOSSIER_TEAM_ERROR_UNREACHABLE).  @progress (may be
 * NULL) hears of each whole percent, and of the end (@done == @total). */
gboolean         dossier_store_team_sync              (DossierStore            *self,
                                                       DossierTeamServer       *server,
                                                       DossierTeamSyncStats    *stats,
                                                       DossierTeamProgressFunc  progress,
                                                       gpointer                 progress_data,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

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
