/* dossier-store-articles.c — the articles table: adding, reading,
 * changing and deleting articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"
#include "dossier-anchor.h"

DossierArticle *
_dossier_store_read_article (sqlite3_stmt *stmt,
                             gboolean      with_body)
{
  DossierArticle *article = dossier_article_new ();
  DossierDate date = DOSSIER_DATE_INIT;
  const char *published = _dossier_store_column_text (stmt, 6);

  dossier_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  dossier_article_set_title (article, _dossier_store_column_text (stmt, 1));
  dossier_article_set_byline (article, _dossier_store_column_text (stmt, 2));
  dossier_article_set_source (article, _dossier_store_column_text (stmt, 3));
  dossier_article_set_url (article, _dossier_store_column_text (stmt, 4));
  dossier_article_set_language (article, _dossier_store_column_text (stmt, 5));
  if (published != NULL && dossier_date_from_iso (published, &date))
    dossier_article_set_published (article, &date);
  dossier_article_set_date_origin (article, sqlite3_column_int (stmt, 8));
  dossier_article_set_file_name (article, _dossier_store_column_text (stmt, 9));
  dossier_article_set_content_hash (article, _dossier_store_column_text (stmt, 10));
  dossier_article_set_imported_at (article, sqlite3_column_int64 (stmt, 11));
  dossier_article_set_annotation_count (article, sqlite3_column_int (stmt, 12));
  dossier_article_set_uuid (article, _dossier_store_column_text (stmt, 13));
  dossier_article_set_read (article, sqlite3_column_int (stmt, 14) != 0);
  if (with_body)
    dossier_article_set_body (article, _dossier_store_column_text (stmt, DOSSIER_N_ARTICLE_COLUMNS));
  return article;
}

static void
bind_date (sqlite3_stmt   *stmt,
           int             col,
           DossierArticle *article)
{
  const DossierDate *date = dossier_article_get_published (article);
  g_autofree char *text = dossier_date_to_string (date);
  gint64 jd = dossier_date_to_julian (date);

  _dossier_store_bind_text (stmt, col, text);
  sqlite3_bind_int (stmt, col + 1, text ? date->precision : 0);
  sqlite3_bind_int (stmt, col + 2, text ? dossier_article_get_date_origin (article) : 0);
  if (text != NULL && jd >= 0)
    sqlite3_bind_int64 (stmt, col + 3, jd);
  else
    sqlite3_bind_null (stmt, col + 3);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;
  return g_steal_pointer (&copy);
}

/* @id: the id to take, or 0 for a new one */
static gint64
insert_article (DossierStore    *self,
                DossierArticle  *article,
                gint64           id,
                gint64          *duplicate_of,
                GError         **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *url = NULL;
  sqlite3_stmt *stmt;
  const char *title = dossier_article_get_title (article);
  const char *hints;
  gint64 now;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), 0);

  if (duplicate_of)
    *duplicate_of = 0;

  /* an importer may have worked it out on its own thread */
  hash = dossier_article_get_body_hash (article)
         ? g_strdup (dossier_article_get_body_hash (article))
         : _dossier_store_body_hash (dossier_article_get_body (article));
  url = strip_or_null (dossier_article_get_url (article));

  if (!(stmt = _dossier_store_stmt (self, STMT_FIND_DUPLICATE, error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, url);
  _dossier_store_bind_text (stmt, 2, hash);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      if (duplicate_of)
        *duplicate_of = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return 0;
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      break;
    default:
      _dossier_store_fail (self, error, _("Could not read the library"));
      sqlite3_reset (stmt);
      return 0;
    }

  now = dossier_article_get_imported_at (article);
  if (now == 0)
    now = g_get_real_time ();

  if (!(stmt = _dossier_store_stmt (self, STMT_INSERT_ARTICLE, error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, (title && *title) ? title : _("Untitled article"));
  _dossier_store_bind_text (stmt, 2, dossier_article_get_byline (article));
  _dossier_store_bind_text (stmt, 3, dossier_article_get_source (article));
  _dossier_store_bind_text (stmt, 4, url);
  _dossier_store_bind_text (stmt, 5, dossier_article_get_language (article));
  bind_date (stmt, 6, article);
  _dossier_store_bind_text (stmt, 10, dossier_article_get_body (article) ?: "");
  _dossier_store_bind_text (stmt, 11, hash);
  _dossier_store_bind_text (stmt, 12, dossier_article_get_file_name (article));
  _dossier_store_bind_text (stmt, 13, dossier_article_get_content_hash (article));
  sqlite3_bind_int64 (stmt, 14, now);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 15, id);
  else
    sqlite3_bind_null (stmt, 15);
  _dossier_store_bind_text (stmt, 16, dossier_article_get_uuid (article));
  sqlite3_bind_int (stmt, 17, dossier_article_get_read (article) ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not save the article"));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  dossier_article_set_id (article, sqlite3_last_insert_rowid (self->db));
  dossier_article_set_imported_at (article, now);
  /* the file's other dates, for a suggestion when its own is partial */
  hints = dossier_article_get_date_hints (article);
  if (hints != NULL && *hints && dossier_article_get_published (article)->precision != DOSSIER_DATE_PRECISION_DAY)
    {
      if (!(stmt = _dossier_store_stmt (self, STMT_INSERT_DATE_HINTS, error)))
        return 0;
      sqlite3_bind_int64 (stmt, 1, dossier_article_get_id (article));
      _dossier_store_bind_text (stmt, 2, hints);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not save the article"));
          sqlite3_reset (stmt);
          return 0;
        }
      sqlite3_reset (stmt);
    }
  return dossier_article_get_id (article);
}

gint64
dossier_store_insert_article (DossierStore    *self,
                              DossierArticle  *article,
                              gint64          *duplicate_of,
                              GError         **error)
{
  return insert_article (self, article, 0, duplicate_of, error);
}

gint64
dossier_store_reinsert_article (DossierStore    *self,
                                DossierArticle  *article,
                                gint64          *duplicate_of,
                                GError         **error)
{
  gint64 id = dossier_article_get_id (article);
  sqlite3_stmt *stmt;
  int rc;

  if (id > 0)
    {
      if (!(stmt = _dossier_store_stmt (self, STMT_GET_ARTICLE, error)))
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        id = 0; /* taken meanwhile */
      else if (rc != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not read the library"));
          return 0;
        }
    }
  return insert_article (self, article, MAX (id, 0), duplicate_of, error);
}

DossierArticle *
dossier_store_get_article (DossierStore  *self,
                           gint64         id,
                           gboolean       with_body,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  DossierArticle *article = NULL;
  int rc;

  if (!(stmt = _dossier_store_stmt (self, with_body ? STMT_GET_ARTICLE_BODY : STMT_GET_ARTICLE, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = _dossier_store_read_article (stmt, with_body);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("There is no article %lld in the library"), (long long) id);
  else
    _dossier_store_fail (self, error, _("Could not read the article"));
  sqlite3_reset (stmt);
  return article;
}

gboolean
dossier_store_update_article (DossierStore    *self,
                              DossierArticle  *article,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  const char *title = dossier_article_get_title (article);
  g_autofree char *url = strip_or_null (dossier_article_get_url (article));

  if (!(stmt = _dossier_store_stmt (self, STMT_UPDATE_ARTICLE, error)))
    return FALSE;
  _dossier_store_bind_text (stmt, 1, (title && *title) ? title : _("Untitled article"));
  _dossier_store_bind_text (stmt, 2, dossier_article_get_byline (article));
  _dossier_store_bind_text (stmt, 3, dossier_article_get_source (article));
  _dossier_store_bind_text (stmt, 4, url);
  _dossier_store_bind_text (stmt, 5, dossier_article_get_language (article));
  bind_date (stmt, 6, article);
  sqlite3_bind_int64 (stmt, 10, dossier_article_get_id (article));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not save the article"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no article %lld in the library"),
                   (long long) dossier_article_get_id (article));
      return FALSE;
    }
  return TRUE;
}

/* Replaces the body and moves every annotation to where its quote now is.
 * Annotations that cannot be placed become orphans: they are kept with
 * their quote, never dropped.  The caller holds the transaction. */
gboolean
_dossier_store_replace_body (DossierStore  *self,
                             gint64         id,
                             const char    *body,
                             guint         *n_orphaned,
                             GError       **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(DossierAnchorText) text = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  annotations = dossier_store_list_annotations (self, id, NULL, error);
  if (annotations == NULL)
    return FALSE;

  hash = _dossier_store_body_hash (body);
  if (!(stmt = _dossier_store_stmt (self, STMT_SET_BODY, error)))
    return FALSE;
  _dossier_store_bind_text (stmt, 1, body);
  _dossier_store_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not save the article"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no article %lld in the library"), (long long) id);
      return FALSE;
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      DossierAnchor old = {
        (char *) dossier_annotation_get_quote (annotation),
        (char *) dossier_annotation_get_prefix (annotation),
        (char *) dossier_annotation_get_suffix (annotation),
        dossier_annotation_get_start (annotation),
        dossier_annotation_get_end (annotation),
      };
      g_autoptr(DossierAnchor) placed = NULL;

      if (text == NULL)
        text = dossier_anchor_text_new (body);
      if (dossier_anchor_text_reanchor (text, &old, &placed) == DOSSIER_ANCHOR_ORPHAN)
        {
          if (n_orphaned)
            (*n_orphaned)++;
          dossier_annotation_set_orphan (annotation, TRUE);
        }
      else
        {
          dossier_annotation_set_quote (annotation, placed->quote);
          dossier_annotation_set_prefix (annotation, placed->prefix);
          dossier_annotation_set_suffix (annotation, placed->suffix);
          dossier_annotation_set_start (annotation, placed->start);
          dossier_annotation_set_end (annotation, placed->end);
          dossier_annotation_set_orphan (annotation, FALSE);
        }
      if (!dossier_store_update_annotation (self, annotation, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dossier_store_set_article_body (DossierStore  *self,
                                gint64         id,
                                const char    *body,
                                guint         *n_orphaned,
                                GError       **error)
{
  guint orphaned = 0;

  if (n_orphaned)
    *n_orphaned = 0;
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!_dossier_store_replace_body (self, id, body, &orphaned, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  if (!dossier_store_commit (self, error))
    return FALSE;
  if (n_orphaned)
    *n_orphaned = orphaned;
  return TRUE;
}

gboolean
dossier_store_delete_article (DossierStore  *self,
                              gint64         id,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _dossier_store_stmt (self, STMT_DELETE_ARTICLE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not delete the article"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

guint
dossier_store_count_articles (DossierStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  if (!(stmt = _dossier_store_stmt (self, STMT_COUNT_ARTICLES, error)))
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    _dossier_store_fail (self, error, _("Could not read the library"));
  sqlite3_reset (stmt);
  return n;
}

char **
dossier_store_list_sources (DossierStore  *self,
                            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT source FROM articles WHERE source IS NOT NULL"
                          " GROUP BY source COLLATE NOCASE ORDER BY count(*) DESC, source",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _dossier_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gboolean
dossier_store_defer_search_index (DossierStore  *self,
                                  GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  /* the row 0 tells the articles' triggers (schema_stemming) */
  return _dossier_store_exec (self, "INSERT OR IGNORE INTO search_deferred(article_id) VALUES (0)",
                              error);
}

gboolean
dossier_store_index_deferred (DossierStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_store_exec (self,
                              "DELETE FROM search_deferred WHERE article_id = 0;"
                              "INSERT INTO articles_fts(rowid, title, byline, body, notes)"
                              "  SELECT a.id, a.title, a.byline, a.body, a.notes"
                              "  FROM search_deferred d JOIN articles a ON a.id = d.article_id;"
                              "DELETE FROM search_deferred;",
                              error);
}
