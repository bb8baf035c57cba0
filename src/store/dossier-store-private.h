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

G_END_DECLS
