/* dossier-store-private.h — what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* SQLite's own types, named without its header (which each store file
 * includes itself) */
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

typedef enum
{
  STMT_INSERT_ARTICLE,
  STMT_INSERT_DATE_HINTS,
  STMT_FIND_DUPLICATE,
  STMT_GET_ARTICLE,
  STMT_GET_ARTICLE_BODY,
  STMT_UPDATE_ARTICLE,
  STMT_SET_BODY,
  STMT_DELETE_ARTICLE,
  STMT_COUNT_ARTICLES,
  STMT_INSERT_ANNOTATION,
  STMT_UPDATE_ANNOTATION,
  STMT_DELETE_ANNOTATION,
  STMT_GET_ANNOTATION,
  STMT_GET_ANNOTATION_BY_UUID,
  STMT_ANNOTATIONS_OF_ARTICLE,
  STMT_BATCH_NOTES,
  N_STMTS
} DossierStoreStmt;

struct _DossierStore
{
  GObject       parent_instance;

  GThread      *thread;
  GAsyncQueue  *queue;
  guint64       queued;  /* jobs queued so far: their order within a rank */
  sqlite3      *db;
  char         *path;
  sqlite3_stmt *stmts[N_STMTS];

  /* rows changed in the library by this connection */
  gint64        main_changes;
  /* the last ranking by relevance: its MATCH expression, every row's
   * rank (DossierRanked by id), and _dossier_store_change_stamp() when
   * it was made */
  char         *ranked_fts;
  GArray       *ranked_by_id;
  gint64        ranked_stamp[2];
  /* every row's length in tokens by rowid, and when it was read */
  guint32      *lengths;
  gsize         n_lengths;
  int           lengths_columns;
  gint64        lengths_stamp[2];
  /* a rebuild of the index has listed its last articles: its segments
   * are being merged into one (dossier_store_reindex_step()) */
  gboolean      reindex_merging;
  /* arrays of a ranking's walks, kept for the next (dossier-store-rank.c) */
  GPtrArray    *spare_rows;
  GArray       *spare_ranked;
};

/* Prepared once per connection, reset before being handed out. */
sqlite3_stmt *_dossier_store_stmt          (DossierStore     *self,
                                            DossierStoreStmt  which,
                                            GError          **error);
/* FALSE when @rc, a statement's last step, is SQLITE_DONE; else sets
 * @error ("Could not search the library") and returns TRUE */
void          _dossier_store_read_timeline_point (sqlite3_stmt *stmt,
                                                  int           col,
                                                  DossierTimelinePoint *p);
gboolean      _dossier_store_step_failed   (DossierStore     *self,
                                            int               rc,
                                            GError          **error);
/* orders gint64 ids, lowest first (for qsort() and g_array_sort()) */
int           _dossier_store_compare_ids   (gconstpointer     a,
                                            gconstpointer     b);
/* Sets @error from the connection's last error, with @what as context. */
gboolean      _dossier_store_fail          (DossierStore     *self,
                                            GError          **error,
                                            const char       *what);
/* A new statement for @sql (finalize it), or NULL with @error set, its
 * message beginning with @what ("Could not read the library") */
sqlite3_stmt *_dossier_store_prepare       (DossierStore     *self,
                                            const char       *sql,
                                            const char       *what,
                                            GError          **error);
gboolean      _dossier_store_exec          (DossierStore     *self,
                                            const char       *sql,
                                            GError          **error);
gboolean      _dossier_store_migrate       (DossierStore     *self,
                                            GError          **error);
void          _dossier_store_bind_text     (sqlite3_stmt     *stmt,
                                            int               col,
                                            const char       *text);
const char   *_dossier_store_column_text   (sqlite3_stmt     *stmt,
                                            int               col);
DossierAnnotation *_dossier_store_read_annotation (sqlite3_stmt *stmt);

/* An article's columns on the alias "a", as _dossier_store_read_article()
 * reads them; a statement may add its own columns after them */
#define DOSSIER_ARTICLE_COLUMNS \
  "a.id, a.title, a.byline, a.source, a.url, a.language, a.published, a.date_precision," \
  " a.date_origin, a.file_name, a.content_hash, a.imported_at, a.annotation_count, a.uuid, a.read"
#define DOSSIER_N_ARTICLE_COLUMNS 15

/* An article's searchable notes (articles.notes), from its annotations;
 * @ID: the SQL expression of the article's id */
#define DOSSIER_SQL_NOTES_OF(ID) \
  "coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')" \
  " FROM annotations WHERE article_id = " ID "), '')"

/* A random (version 4) UUID, in lower case with dashes, made by SQLite */
#define DOSSIER_SQL_UUID \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)" \
  " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-'" \
  " || hex(randomblob(6)))"

/* @with_body: the body is the column after DOSSIER_ARTICLE_COLUMNS */
DossierArticle *_dossier_store_read_article (sqlite3_stmt *stmt,
                                             gboolean      with_body);
char         *_dossier_store_body_hash     (const char       *body);
/* within the caller's transaction: new body, annotations re-anchored */
gboolean      _dossier_store_replace_body  (DossierStore     *self,
                                            gint64            id,
                                            const char       *body,
                                            guint            *n_orphaned,
                                            GError          **error);
/* within the caller's transaction: @other's variants, titles, mentions,
 * quotes and corrections become @id's, and @other is removed */
gboolean      _dossier_store_fold_person   (DossierStore     *self,
                                            gint64            id,
                                            gint64            other,
                                            GError          **error);

/* Relevance: FTS5's bm25 with the index's column weights (title, byline,
 * body, notes), as the index's 'rank' setting has them, but faster; see
 * dossier-store-rank.c.  Lower is better, as with bm25(). */
#define DOSSIER_RANK_WEIGHTS "10.0, 4.0, 1.0, 2.0"
#define DOSSIER_RANK "dossier_rank(articles_fts, " DOSSIER_RANK_WEIGHTS ")"

/* Registers the "dossier" FTS5 tokenizer on the connection */
gboolean      _dossier_store_add_tokenizer (DossierStore  *self,
                                            GError       **error);
/* Rebuilds the search indexes when they were made by another tokenizer
 * version (dossier_store_tokenizer_version()) */
gboolean      _dossier_store_check_index   (DossierStore  *self,
                                            GError       **error);
/* finds the quotes of one article again inside the caller's transaction,
 * with the corrections the library holds for it */
gboolean      _dossier_store_find_quotes_again (DossierStore  *self,
                                                gint64         article_id,
                                                GError       **error);
/* Queues every article to have its quotes found again when they were
 * found by an older version of the extractor (DOSSIER_QUOTES_VERSION) */
gboolean      _dossier_store_check_quotes  (DossierStore  *self,
                                            GError       **error);
/* Empties the articles' search index and lists every article to be
 * indexed again in batches (dossier-store-reindex.c); inside a
 * transaction */
gboolean      _dossier_store_start_reindex (DossierStore  *self,
                                            GError       **error);
gboolean      _dossier_store_add_snippet_function (DossierStore  *self,
                                                  GError       **error);
gboolean      _dossier_store_add_rank_function (DossierStore  *self,
                                                GError       **error);
/* dossier_row_uuid(a, b): a name-based (version 5) UUID of two texts, the
 * second case-folded, so a row known by its parts (an article's tag, two
 * articles joined) has the same identity in every team member's library;
 * NULL when either is NULL.  See dossier-store-team.c. */
#define DOSSIER_SQL_ROW_UUID(a, b) "dossier_row_uuid(" a ", " b ")"
gboolean      _dossier_store_add_uuid_function (DossierStore  *self,
                                                GError       **error);
char         *_dossier_store_row_uuid          (const char    *a,
                                                const char    *b);
/* What this connection changed, and whether another one committed: the
 * library is unchanged while both stay the same (stamp[1] < 0: unknown) */
void          _dossier_store_change_stamp      (DossierStore  *self,
                                                gint64         stamp[2]);
/* The length in tokens of every row of the index (the sum of its
 * @n_columns columns), by rowid (G_MAXUINT32: none), kept while the
 * library is unchanged; NULL when not to be had */
const guint32 *_dossier_store_doc_lengths      (DossierStore  *self,
                                                int            n_columns,
                                                gsize         *n);

/* A ranked row: @tier first (0: it holds every word of the query in the
 * form typed, 1: only other forms or spellings), then @rank, bm25's
 * score, lower better */
typedef struct
{
  gint64 id;
  double rank;
  int    tier;
} DossierRanked;

/* The best @limit rows (all when 0) of a statement calling
 * dossier_rank_into() with the collector bound as its second argument.
 * @all_matches: the statement reads every match of its MATCH (no other
 * condition), which lets a one-phrase query be ranked in one pass. */
typedef struct _DossierRankCollector DossierRankCollector;

DossierRankCollector *_dossier_rank_collector_new    (guint                 limit,
                                                      gboolean              all_matches);
void                  _dossier_rank_collector_bind   (DossierRankCollector *c,
                                                      sqlite3_stmt         *stmt,
                                                      int                   col);
/* The statement to run next (one that stops at its first row will do)
 * walks every match of its query, when the query is one phrase, in
 * FTS5's own pass: when @restricted, rows outside @allowed (sorted ids,
 * kept by the caller till the collector is finished; none may be) are
 * counted as matches but not ranked.  _dossier_rank_collector_walked() then says
 * whether the collector is complete; if not, nothing was collected and a
 * statement over every match it should rank is run next. */
void                  _dossier_rank_collector_walk   (DossierRankCollector *c,
                                                      gboolean              restricted,
                                                      const gint64         *allowed,
                                                      guint                 n_allowed);
gboolean              _dossier_rank_collector_walked (DossierRankCollector *c);
/* A walk counts the rows among @excluded (sorted ids, kept by the
 * caller till the collector is finished) as matches, but never ranks
 * them (the words left out: -word) */
void                  _dossier_rank_collector_exclude (DossierRankCollector *c,
                                                       const gint64         *excluded,
                                                       guint                 n_excluded);
/* A walk may take a query of several phrases, when @group_of gives the
 * group of each of its @n_phrases phrases, in their order: the query is
 * the groups ANDed, each its phrases ORed (dossier_query_parse()'s
 * shape).  Kept by the caller till the collector is finished. */
void                  _dossier_rank_collector_groups (DossierRankCollector *c,
                                                      const int            *group_of,
                                                      int                   n_phrases);
/* Rows among @exact (sorted ids, kept by the caller till the collector
 * is finished) come first, before every other row: they hold the words
 * as typed (dossier_store_exact_expression()) */
void                  _dossier_rank_collector_prefer (DossierRankCollector *c,
                                                      const gint64         *exact,
                                                      guint                 n_exact);
/* DossierRanked, best first (by tier, then rank, equal ranks by id);
 * frees @c */
GArray               *_dossier_rank_collector_finish (DossierRankCollector *c);
/* Keeps every row ranked as well, unsorted and untiered, for
 * _dossier_rank_collector_take_all(), in the array @store was given
 * back last (_dossier_rank_give_all()) if any */
void                  _dossier_rank_collector_keep_all (DossierRankCollector *c,
                                                        DossierStore         *store);
/* Every row ranked (DossierRanked), when kept: for the caller to free,
 * or to give back to the store with _dossier_rank_give_all() */
GArray               *_dossier_rank_collector_take_all (DossierRankCollector *c);
/* Keeps @all (from _dossier_rank_collector_take_all()) for the next
 * ranking's rows: its memory is faulted in already */
void                  _dossier_rank_give_all           (DossierStore         *store,
                                                        GArray               *all);
/* Ranks @rows (DossierRanked, as _dossier_rank_collector_take_all() gives
 * them) again: their ranks stay, their tiers come from the collector */
void                  _dossier_rank_collector_add_rows (DossierRankCollector *c,
                                                        GArray               *rows);
void                  _dossier_rank_collector_free   (DossierRankCollector *c);

/* The rows of a MATCH, walked at the statement's first row (a statement
 * calling dossier_walk_ids() with the walk bound as its second argument,
 * LIMIT 1) in FTS5's own passes over each phrase, with no SQL between
 * rows: a row matches when it has a phrase of every group (@group_of:
 * the group of each of @n_phrases phrases, kept by the caller till the
 * walk is finished; NULL: any phrase will do).  Declined when the query
 * has another number of phrases: the caller then selects the rows. */
typedef struct _DossierIdWalk DossierIdWalk;

DossierIdWalk        *_dossier_id_walk_new           (const int            *group_of,
                                                      int                   n_phrases);
void                  _dossier_id_walk_bind          (DossierIdWalk        *w,
                                                      sqlite3_stmt         *stmt,
                                                      int                   col);
gboolean              _dossier_id_walk_declined      (DossierIdWalk        *w);
/* the ids, sorted; frees @w */
GArray               *_dossier_id_walk_finish        (DossierIdWalk        *w);

/* SQL assembled from fixed fragments.  Every value goes in as a "?" and
 * is bound by _dossier_store_sql_prepare(), in the order appended. */
typedef struct
{
  GString   *sql;
  GPtrArray *texts;     /* bound in order: char* or NULL for an int */
  GArray    *ints;
  GPtrArray *pointers;
  GArray    *kinds;     /* 't' text, 'i' int, 'p' rank collector */
} DossierStoreSql;

/* The filters of a DossierQuery as conditions (each " AND ...") on the
 * article alias "a": its source, tags, colours, published range, has:notes
 * and is:undated, and as asked its words and excluded words. */
typedef enum
{
  DOSSIER_STORE_FILTER_ONLY     = 0,      /* the filters, no words */
  DOSSIER_STORE_FILTER_WORDS    = 1 << 0, /* matches the required words */
  DOSSIER_STORE_FILTER_EXCLUDED = 1 << 1, /* matches no excluded word */
  /* the rows are notes "n" of the articles "a": words, tags and colours
   * are those of the note (annotations_fts), not of the article */
  DOSSIER_STORE_FILTER_NOTES    = 1 << 2,
} DossierStoreFilter;

void          _dossier_store_sql_init      (DossierStoreSql      *b);
void          _dossier_store_sql_clear     (DossierStoreSql      *b);
/* "?" for @value (NULL binds NULL) */
void          _dossier_store_sql_text      (DossierStoreSql      *b,
                                            const char           *value);
void          _dossier_store_sql_int       (DossierStoreSql      *b,
                                            gint64                value);
void          _dossier_store_sql_collector (DossierStoreSql      *b,
                                            DossierRankCollector *collector);
/* A new statement with every value bound (finalize it), or NULL with
 * @error set ("Could not search the library") */
sqlite3_stmt *_dossier_store_sql_prepare   (DossierStore         *self,
                                            DossierStoreSql      *b,
                                            GError              **error);
/* Appends @query's filters (none when @query is NULL); see
 * DossierStoreFilter */
void          _dossier_store_sql_filters   (DossierStoreSql      *b,
                                            DossierQuery         *query,
                                            DossierStoreFilter    what);
/* "SELECT a.id ..." of the articles @query's filters (not its words nor
 * excluded words) let through, from the timeline's index, which holds
 * every column the filters ask about */
void          _dossier_store_sql_filtered_ids (DossierStoreSql   *b,
                                               DossierQuery      *query);

/* Search (dossier-store-search.c, dossier-store-newest.c) */

/* Every id of @query in its order, matching @fts (NULL: @query's own) */
GArray       *_dossier_store_query_ids_by_set (DossierStore  *self,
                                               DossierQuery  *query,
                                               const char    *fts,
                                               GError       **error);
/* The first @query->limit ids, newest first, of a text query */
GArray       *_dossier_store_query_ids_newest (DossierStore  *self,
                                               DossierQuery  *query,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* The page index (dossier-store-snippets.c) */

/* Temporary helpers of this connection, made when first needed: the
 * index's terms (temp.dossier_terms), and a small text index of the rows
 * of one page (temp.dossier_page), with the same columns and tokenizer
 * as articles_fts. */
gboolean      _dossier_store_ensure_search_helpers (DossierStore  *self,
                                                    GError       **error);
/* Indexes just the articles @ids in temp.dossier_page */
gboolean      _dossier_store_index_page_rows   (DossierStore  *self,
                                                const gint64  *ids,
                                                guint          n_ids,
                                                GError       **error);
/* Sets the snippet of each article of @by_id (by id) among @ids that
 * matches @fts */
gboolean      _dossier_store_add_page_snippets (DossierStore  *self,
                                                const gint64  *ids,
                                                guint          n_ids,
                                                const char    *fts,
                                                GHashTable    *by_id,
                                                GError       **error);

/* Every article that matches @expr, in id order (dossier-store-newest.c) */
GArray       *_dossier_store_match_ids         (DossierStore  *self,
                                                const char    *expr,
                                                GError       **error);

G_END_DECLS
