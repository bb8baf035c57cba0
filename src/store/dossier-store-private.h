/* dossier-store-private.h — what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum
{
  STMT_INSERT_ARTICLE,
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
  N_STMTS
} DossierStoreStmt;

struct _DossierStore
{
  GObject       parent_instance;

  GThread      *thread;
  GAsyncQueue  *queue;
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
};

/* Prepared once per connection, reset before being handed out. */
sqlite3_stmt *_dossier_store_stmt          (DossierStore     *self,
                                            DossierStoreStmt  which,
                                            GError          **error);
/* Sets @error from the connection's last error, with @what as context. */
gboolean      _dossier_store_fail          (DossierStore     *self,
                                            GError          **error,
                                            const char       *what);
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
char         *_dossier_store_body_hash     (const char       *body);
/* within the caller's transaction: new body, annotations re-anchored */
gboolean      _dossier_store_replace_body  (DossierStore     *self,
                                            gint64            id,
                                            const char       *body,
                                            guint            *n_orphaned,
                                            GError          **error);

/* Relevance: FTS5's bm25 with the index's column weights (title, byline,
 * body, notes), as the index's 'rank' setting has them, but faster; see
 * dossier-store-rank.c.  Lower is better, as with bm25(). */
#define DOSSIER_RANK_WEIGHTS "10.0, 4.0, 1.0, 2.0"
#define DOSSIER_RANK "dossier_rank(articles_fts, " DOSSIER_RANK_WEIGHTS ")"

gboolean      _dossier_store_add_rank_function (DossierStore  *self,
                                                GError       **error);
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

typedef struct
{
  gint64 id;
  double rank;
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
/* DossierRanked, best first (equal ranks by id); frees @c */
GArray               *_dossier_rank_collector_finish (DossierRankCollector *c);
void                  _dossier_rank_collector_free   (DossierRankCollector *c);

G_END_DECLS
