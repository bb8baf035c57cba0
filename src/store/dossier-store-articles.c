/* dossier-store-articles.c — the articles table and the article index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-store-private.h"
#include "dossier-anchor.h"

#define ARTICLE_COLUMNS \
  "a.id, a.title, a.byline, a.source, a.url, a.language, a.published, a.date_precision," \
  " a.date_origin, a.file_name, a.content_hash, a.imported_at, a.annotation_count"
#define N_ARTICLE_COLUMNS 13

static const char * const stmt_sql[] = {
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (title, byline, source, url, language, published, date_precision,"
    " date_origin, published_jd, body, body_hash, file_name, content_hash, imported_at, id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_FIND_DUPLICATE] =
    "SELECT id FROM articles WHERE (?1 IS NOT NULL AND url = ?1) OR body_hash = ?2 LIMIT 1",
  [STMT_GET_ARTICLE] =
    "SELECT " ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?",
  [STMT_GET_ARTICLE_BODY] =
    "SELECT " ARTICLE_COLUMNS ", a.body FROM articles a WHERE a.id = ?",
  [STMT_UPDATE_ARTICLE] =
    "UPDATE articles SET title = ?, byline = ?, source = ?, url = ?, language = ?, published = ?,"
    " date_precision = ?, date_origin = ?, published_jd = ? WHERE id = ?",
  [STMT_SET_BODY] =
    "UPDATE articles SET body = ?, body_hash = ? WHERE id = ?",
  [STMT_DELETE_ARTICLE] =
    "DELETE FROM articles WHERE id = ?",
  [STMT_COUNT_ARTICLES] =
    "SELECT count(*) FROM articles",
  [STMT_INSERT_ANNOTATION] =
    "INSERT INTO annotations (uuid, article_id, color, note, tags, quote, prefix, suffix,"
    " start_offset, end_offset, orphan, created, modified)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_UPDATE_ANNOTATION] =
    "UPDATE annotations SET color = ?, note = ?, tags = ?, quote = ?, prefix = ?, suffix = ?,"
    " start_offset = ?, end_offset = ?, orphan = ?, modified = ? WHERE id = ?",
  [STMT_DELETE_ANNOTATION] =
    "DELETE FROM annotations WHERE id = ?",
  [STMT_GET_ANNOTATION] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified FROM annotations WHERE id = ?",
  [STMT_GET_ANNOTATION_BY_UUID] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified FROM annotations WHERE uuid = ?",
  [STMT_ANNOTATIONS_OF_ARTICLE] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified FROM annotations WHERE article_id = ?"
    " ORDER BY orphan, start_offset, id",
};
G_STATIC_ASSERT (G_N_ELEMENTS (stmt_sql) == N_STMTS);

sqlite3_stmt *
_dossier_store_stmt (DossierStore      *self,
                     DossierStoreStmt   which,
                     GError           **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                           _("The library is not open"));
      return NULL;
    }
  if (self->stmts[which] == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->stmts[which], NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not read the library"));
          return NULL;
        }
    }
  sqlite3_reset (self->stmts[which]);
  sqlite3_clear_bindings (self->stmts[which]);
  return self->stmts[which];
}

static DossierArticle *
read_article (sqlite3_stmt *stmt,
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
  if (with_body)
    dossier_article_set_body (article, _dossier_store_column_text (stmt, N_ARTICLE_COLUMNS));
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
  gint64 now;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), 0);

  if (duplicate_of)
    *duplicate_of = 0;

  hash = _dossier_store_body_hash (dossier_article_get_body (article));
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
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not save the article"));
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  dossier_article_set_id (article, sqlite3_last_insert_rowid (self->db));
  dossier_article_set_imported_at (article, now);
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
    article = read_article (stmt, with_body);
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

/* --- queries: SQL is assembled from fixed fragments; every value the
 * user typed is bound as a parameter --- */

typedef struct
{
  GString   *sql;
  GPtrArray *texts;     /* bound in order: char* or NULL for an int */
  GArray    *ints;
  GPtrArray *pointers;
  GArray    *kinds;     /* 't' text, 'i' int, 'p' rank collector */
} Builder;

static void
builder_init (Builder *b)
{
  b->sql = g_string_new (NULL);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->pointers = g_ptr_array_new ();
  b->kinds = g_array_new (FALSE, FALSE, sizeof (char));
}

static void
builder_clear (Builder *b)
{
  g_string_free (b->sql, TRUE);
  g_ptr_array_unref (b->texts);
  g_array_unref (b->ints);
  g_ptr_array_unref (b->pointers);
  g_array_unref (b->kinds);
}

static void
builder_text (Builder    *b,
              const char *value)
{
  char kind = 't';

  g_string_append_c (b->sql, '?');
  g_ptr_array_add (b->texts, g_strdup (value));
  g_array_append_val (b->kinds, kind);
}

static void
builder_int (Builder *b,
             gint64   value)
{
  char kind = 'i';

  g_string_append_c (b->sql, '?');
  g_array_append_val (b->ints, value);
  g_array_append_val (b->kinds, kind);
}

static void
builder_collector (Builder              *b,
                   DossierRankCollector *collector)
{
  char kind = 'p';

  g_string_append_c (b->sql, '?');
  g_ptr_array_add (b->pointers, collector);
  g_array_append_val (b->kinds, kind);
}

static sqlite3_stmt *
builder_prepare (DossierStore  *self,
                 Builder       *b,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  guint ti = 0, ii = 0, pi = 0;

  if (sqlite3_prepare_v2 (self->db, b->sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return NULL;
    }
  for (guint i = 0; i < b->kinds->len; i++)
    {
      switch (g_array_index (b->kinds, char, i))
        {
        case 't':
          _dossier_store_bind_text (stmt, i + 1, g_ptr_array_index (b->texts, ti++));
          break;
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, g_array_index (b->ints, gint64, ii++));
          break;
        default:
          _dossier_rank_collector_bind (g_ptr_array_index (b->pointers, pi++), stmt, i + 1);
          break;
        }
    }
  return stmt;
}

/* WHERE conditions of @query on the article alias "a" (prefixed " AND ");
 * @with_exclude: including "no excluded word" */
static void
append_filters (Builder      *b,
                DossierQuery *query,
                gboolean      with_exclude)
{
  if (query == NULL)
    return;

  if (with_exclude && query->fts_exclude != NULL)
    {
      g_string_append (b->sql, " AND a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      builder_text (b, query->fts_exclude);
      g_string_append (b->sql, ")");
    }
  if (query->sources->len > 0)
    {
      g_string_append (b->sql, " AND a.source COLLATE NOCASE IN (");
      for (guint i = 0; i < query->sources->len; i++)
        {
          if (i > 0)
            g_string_append (b->sql, ", ");
          builder_text (b, g_ptr_array_index (query->sources, i));
        }
      g_string_append (b->sql, ")");
    }
  for (guint i = 0; i < query->tags->len; i++)
    {
      g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM annotations n, json_each(n.tags) j"
                               " WHERE n.article_id = a.id AND j.value = ");
      builder_text (b, g_ptr_array_index (query->tags, i));
      g_string_append (b->sql, " COLLATE NOCASE)");
    }
  if (query->colors->len > 0)
    {
      g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.color IN (");
      for (guint i = 0; i < query->colors->len; i++)
        {
          if (i > 0)
            g_string_append (b->sql, ", ");
          builder_text (b, g_ptr_array_index (query->colors, i));
        }
      g_string_append (b->sql, "))");
    }
  if (query->from_jd >= 0)
    {
      g_string_append (b->sql, " AND a.published_jd >= ");
      builder_int (b, query->from_jd);
    }
  if (query->to_jd >= 0)
    {
      g_string_append (b->sql, " AND a.published_jd <= ");
      builder_int (b, query->to_jd);
    }
  if (query->has_notes)
    g_string_append (b->sql, " AND a.annotation_count > 0");
  if (query->undated)
    g_string_append (b->sql, " AND a.published_jd IS NULL");
  if (query->suggested)
    g_string_append (b->sql, " AND a.date_precision < 3 AND a.id IN (SELECT article_id FROM date_suggestions"
                             " WHERE state = 0 AND published IS NOT NULL)");
}

/* "SELECT a.id ..." of the articles @query's filters (not its words nor
 * excluded words) let through, from the timeline's index, which holds
 * every column the filters ask about */
static void
append_filtered_ids (Builder      *b,
                     DossierQuery *query)
{
  g_string_append (b->sql, "SELECT a.id FROM articles a INDEXED BY articles_timeline WHERE 1");
  append_filters (b, query, FALSE);
}

/* Does @query filter by anything but words? */
static gboolean
has_filters (DossierQuery *query)
{
  Builder b;
  gboolean any;

  builder_init (&b);
  append_filters (&b, query, FALSE);
  any = b.sql->len > 0;
  builder_clear (&b);
  return any;
}

/* @fts: the text expression to match, when not @query's own */
static void
append_from (Builder      *b,
             DossierQuery *query,
             const char   *fts)
{
  DossierSort sort = dossier_query_get_sort (query);

  if (fts == NULL && query != NULL)
    fts = query->fts;

  /* (query_ids_ranked() ranks a text query by relevance.)  Newest first
   * walks the date index and stops at the first page; the matches of a
   * text query are only a set to look ids up in.  The timeline's index
   * also holds the source and the number of notes, so those filters
   * never read an article's record (whose later columns sit behind its
   * body). */
  if (sort == DOSSIER_SORT_DATE_DESC)
    g_string_append (b->sql, " FROM articles a INDEXED BY articles_timeline WHERE 1");
  else
    g_string_append (b->sql, " FROM articles a WHERE 1");
  if (fts != NULL)
    {
      g_string_append (b->sql, " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      builder_text (b, fts);
      g_string_append (b->sql, ")");
    }
}

static void
append_order (Builder      *b,
              DossierQuery *query)
{
  switch (dossier_query_get_sort (query))
    {
    case DOSSIER_SORT_RELEVANCE:
      /* without words there is nothing to rank by */
      G_GNUC_FALLTHROUGH;
    case DOSSIER_SORT_DATE_DESC:
      /* undated (NULL) sorts last; the index articles_published serves it */
      g_string_append (b->sql, " ORDER BY a.published_jd DESC, a.id DESC");
      break;
    case DOSSIER_SORT_DATE_ASC:
      g_string_append (b->sql, " ORDER BY coalesce(a.published_jd, 99999999), a.id");
      break;
    case DOSSIER_SORT_TITLE:
      g_string_append (b->sql, " ORDER BY a.title COLLATE NOCASE, a.id");
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
step_failed (DossierStore  *self,
             int            rc,
             GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  _dossier_store_fail (self, error, _("Could not search the library"));
  return TRUE;
}

/* --- newest first with a text query ---
 *
 * The first page of "the newest articles that match" (the GUI's list)
 * used to build the set of every match in SQL and walk the date index
 * until the page was full: 20–60 ms for a word in every one of 100,000
 * articles.  The first WALK_SAMPLE matches in id order now tell how
 * common the query is, and one of three ways is taken:
 *  - fewer matches than that: the set is small; SQLite builds it;
 *  - most articles match, and asking the text index about one article at
 *    a time (some 30 µs a term) costs little for a page: walk the date
 *    index and ask about each article, within a budget, after which the
 *    page is found the next way (matches that all sit among old articles);
 *  - otherwise: read every match once in id order (no ranking, no set
 *    built in SQL) and walk the date index through that list.
 * Either way the ids and their order are the same.
 *
 * A prefix (the word being typed) first becomes the index terms that
 * start with it: FTS5 merges the document lists of every term of a prefix
 * each time it is asked, even about one article. */

#define WALK_SAMPLE      400    /* matches counted to estimate their share */
#define WALK_MIN_SHARE   0.25   /* below it, listing every match is cheaper */
#define WALK_MAX_LIMIT   256    /* longer lists build the set */
#define WALK_MAX_PROBES  600    /* questions before giving up */
#define WALK_MAX_LOOKUPS 200    /* term look-ups expected for a page, at most */
#define PREFIX_MAX_TERMS 16     /* more terms than this: keep the prefix */
#define WALK_BATCH       64     /* articles the page index answers for at once */
#define WALK_MAX_BATCHES 4      /* batches before giving up */

/* Temporary helpers of this connection, made when first needed: the
 * index's terms, and a small text index of the rows of one page (for
 * snippets), with the same columns and tokenizer as articles_fts. */
static gboolean
ensure_search_helpers (DossierStore  *self,
                       GError       **error)
{
  return _dossier_store_exec (self,
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_terms"
    "  USING fts5vocab(main, 'articles_fts', 'instance');"
    "CREATE TEMP VIEW IF NOT EXISTS dossier_page_rows AS"
    "  SELECT id, title, byline, body, notes FROM main.articles;"
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_page USING fts5(title, byline, body, notes,"
    "  content='dossier_page_rows', content_rowid='id', tokenize='unicode61 remove_diacritics 2');",
    error);
}

static int
on_prefix_token_cb (void       *data,
                    int         flags,
                    const char *token,
                    int         n_token,
                    int         start,
                    int         end)
{
  GPtrArray *tokens = data;

  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (tokens, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* The index's form of @word: what articles_fts's own tokenizer (see
 * ensure_search_helpers) makes of it when it is one token; else NULL. */
static char *
prefix_token (DossierStore *self,
              const char   *word)
{
  static const char * const args[] = { "remove_diacritics", "2" };
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *t = NULL;
  void *user_data = NULL;

  if (word == NULL || *word == '\0')
    return NULL;
  if (sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2 ||
      api->xFindTokenizer (api, "unicode61", &user_data, &tokenizer) != SQLITE_OK ||
      tokenizer.xCreate (user_data, (const char **) args, G_N_ELEMENTS (args), &t) != SQLITE_OK)
    return NULL;
  tokenizer.xTokenize (t, tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                       word, (int) strlen (word), on_prefix_token_cb);
  tokenizer.xDelete (t);
  if (tokens->len != 1)
    return NULL;
  return g_strdup (g_ptr_array_index (tokens, 0));
}

/* Indexes just the articles @ids in the connection's small page index
 * (see ensure_search_helpers), where any query, a prefix of a single
 * letter too, costs next to nothing: whether a row matches, and its
 * snippet, depend only on its text and the query. */
static gboolean
index_page_rows (DossierStore  *self,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  if (!_dossier_store_exec (self, "INSERT INTO temp.dossier_page (dossier_page) VALUES ('delete-all')", error))
    return FALSE;
  builder_init (&b);
  g_string_append (b.sql, "INSERT INTO temp.dossier_page (rowid, title, byline, body, notes)"
                          " SELECT id, title, byline, body, notes FROM articles WHERE id IN (");
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append (b.sql, ", ");
      builder_int (&b, ids[i]);
    }
  g_string_append (b.sql, ")");
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return !step_failed (self, rc, error);
}

/* The index's terms that start with @token, one seek each; *terms is
 * NULL when there are more than PREFIX_MAX_TERMS. */
static gboolean
list_prefix_terms (DossierStore  *self,
                   const char    *token,
                   GPtrArray    **terms,
                   GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = g_strdup (token);
  g_autofree char *upto = g_strdup (token);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *terms = NULL;
  /* past every string that starts with @token: its last byte, one more
   * (a token never ends in 0xff, which UTF-8 never holds) */
  upto[strlen (upto) - 1]++;
  if (sqlite3_prepare_v2 (self->db, "SELECT term FROM temp.dossier_terms"
                                    " WHERE term >= ?1 AND term < ?2 LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  _dossier_store_bind_text (stmt, 2, upto);
  for (;;)
    {
      const char *term;

      sqlite3_reset (stmt);
      _dossier_store_bind_text (stmt, 1, from);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      term = _dossier_store_column_text (stmt, 0);
      if (term == NULL || found->len == PREFIX_MAX_TERMS)
        {
          sqlite3_finalize (stmt);
          return TRUE;
        }
      g_ptr_array_add (found, g_strdup (term));
      /* the next term: terms never hold control characters */
      g_free (from);
      from = g_strconcat (term, "\001", NULL);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *terms = g_steal_pointer (&found);
  return TRUE;
}

/* @query's required words as an expression that matches the same
 * articles, with the prefix spelled out as index terms where possible;
 * *cheap: asking it about one article costs a seek per term, not a
 * merge of every term a prefix stands for. */
static char *
match_expression (DossierStore  *self,
                  DossierQuery  *query,
                  gboolean      *cheap,
                  GError       **error)
{
  g_autofree char *token = prefix_token (self, query->prefix);
  g_autoptr(GPtrArray) terms = NULL;

  *cheap = TRUE;
  if (query->prefix == NULL)
    return g_strdup (query->fts);
  *cheap = FALSE;
  if (token == NULL)
    return g_strdup (query->fts);
  if (!list_prefix_terms (self, token, &terms, error))
    return NULL;
  if (terms == NULL)
    return g_strdup (query->fts);
  *cheap = TRUE;
  /* no term at all: the prefix matches nothing, and says so quickly */
  if (terms->len == 0)
    return g_strdup (query->fts);
  return dossier_query_expand_prefix (query, (const char * const *) terms->pdata, terms->len);
}

/* The share of articles that match @expr, from its first WALK_SAMPLE
 * matches; 0 when there are fewer (building the set is cheap then), and
 * *none when there is no match at all. */
static gboolean
estimate_share (DossierStore  *self,
                const char    *expr,
                double        *share,
                gboolean      *none,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 first_id = 1, last = 0;
  guint n = 0;
  int rc;

  *share = 0;
  *none = FALSE;
  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                    " LIMIT " G_STRINGIFY (WALK_SAMPLE), -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  _dossier_store_bind_text (stmt, 1, expr);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *none = n == 0;
  if (n < WALK_SAMPLE)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, "SELECT min(id) FROM articles", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *share = (double) n / (double) MAX (last - first_id + 1, (gint64) n);
  return TRUE;
}

typedef enum
{
  WALK_DONE,
  WALK_GAVE_UP,
  WALK_FAILED,
} WalkResult;

/* The filtered articles, newest first, from the timeline's index */
static sqlite3_stmt *
prepare_newest_walk (DossierStore  *self,
                     DossierQuery  *query,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  Builder b;

  builder_init (&b);
  append_filtered_ids (&b, query);
  g_string_append (b.sql, " ORDER BY a.published_jd DESC, a.id DESC");
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  return stmt;
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Walks the date index, newest first, through the articles that pass
 * @query's filters, and asks the text index whether each matches @expr
 * (or, given @matches, every match in id order, looks it up there);
 * stops when @ids holds @query->limit or after @budget questions. */
static WalkResult
walk_newest (DossierStore  *self,
             DossierQuery  *query,
             const char    *expr,
             GArray        *matches,
             guint          budget,
             GCancellable  *cancellable,
             GArray        *ids,
             GError       **error)
{
  sqlite3_stmt *walk = NULL;
  sqlite3_stmt *probe = NULL;
  WalkResult result = WALK_FAILED;
  guint asked = 0;
  int rc;

  if (!(walk = prepare_newest_walk (self, query, error)))
    return WALK_FAILED;
  if (matches == NULL &&
      sqlite3_prepare_v2 (self->db, "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
                          -1, &probe, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      sqlite3_finalize (walk);
      return WALK_FAILED;
    }
  if (probe != NULL)
    _dossier_store_bind_text (probe, 1, expr);

  while ((rc = sqlite3_step (walk)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (walk, 0);

      if (g_cancellable_is_cancelled (cancellable))
        {
          result = WALK_GAVE_UP;
          break;
        }
      if (matches != NULL)
        {
          if (bsearch (&id, matches->data, matches->len, sizeof (gint64), compare_id) != NULL)
            {
              g_array_append_val (ids, id);
              if (ids->len == query->limit)
                {
                  result = WALK_DONE;
                  break;
                }
            }
          continue;
        }
      if (asked++ == budget)
        {
          result = WALK_GAVE_UP;
          break;
        }
      sqlite3_reset (probe);
      sqlite3_bind_int64 (probe, 2, id);
      rc = sqlite3_step (probe);
      if (rc == SQLITE_ROW)
        {
          g_array_append_val (ids, id);
          if (ids->len == query->limit)
            {
              result = WALK_DONE;
              break;
            }
        }
      else if (rc != SQLITE_DONE)
        break;
    }
  if (rc == SQLITE_DONE)
    result = WALK_DONE;
  else if (result == WALK_FAILED)
    _dossier_store_fail (self, error, _("Could not search the library"));
  sqlite3_finalize (probe);
  sqlite3_finalize (walk);
  return result;
}

/* As walk_newest(), for expressions that are dear to ask about one
 * article at a time (a prefix of many terms, such as one letter): the
 * articles come WALK_BATCH at a time into the page index, which answers
 * for all of them at once; gives up after @max_batches. */
static WalkResult
walk_newest_in_batches (DossierStore  *self,
                        DossierQuery  *query,
                        const char    *expr,
                        guint          max_batches,
                        GCancellable  *cancellable,
                        GArray        *ids,
                        GError       **error)
{
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *walk = NULL;
  sqlite3_stmt *match = NULL;
  WalkResult result = WALK_FAILED;
  guint n_batches = 0;
  int rc = SQLITE_ROW;

  if (!(walk = prepare_newest_walk (self, query, error)))
    return WALK_FAILED;
  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM temp.dossier_page WHERE dossier_page MATCH ?1",
                          -1, &match, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      sqlite3_finalize (walk);
      return WALK_FAILED;
    }
  _dossier_store_bind_text (match, 1, expr);

  while (rc == SQLITE_ROW)
    {
      g_array_set_size (batch, 0);
      while (batch->len < WALK_BATCH && (rc = sqlite3_step (walk)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (walk, 0);
          g_array_append_val (batch, id);
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          break;
        }
      if (batch->len == 0)
        {
          result = WALK_DONE;
          break;
        }
      if (n_batches++ == max_batches || g_cancellable_is_cancelled (cancellable))
        {
          result = WALK_GAVE_UP;
          break;
        }
      if (!index_page_rows (self, (const gint64 *) (gconstpointer) batch->data, batch->len, error))
        break;
      g_hash_table_remove_all (hits);
      sqlite3_reset (match);
      while (sqlite3_step (match) == SQLITE_ROW)
        {
          gint64 *id = g_new (gint64, 1);

          *id = sqlite3_column_int64 (match, 0);
          g_hash_table_add (hits, id);
        }
      if (sqlite3_reset (match) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          break;
        }
      for (guint i = 0; i < batch->len && ids->len < query->limit; i++)
        if (g_hash_table_contains (hits, &g_array_index (batch, gint64, i)))
          g_array_append_val (ids, g_array_index (batch, gint64, i));
      if (ids->len == query->limit || rc == SQLITE_DONE)
        {
          result = WALK_DONE;
          break;
        }
    }
  sqlite3_finalize (match);
  sqlite3_finalize (walk);
  return result;
}

/* Every article that matches @expr, in id order */
static GArray *
collect_matches (DossierStore  *self,
                 const char    *expr,
                 GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  gint64 last = G_MININT64;
  gboolean sorted = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return NULL;
    }
  _dossier_store_bind_text (stmt, 1, expr);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sorted = sorted && id > last;
      last = id;
      g_array_append_val (matches, id);
    }
  sqlite3_finalize (stmt);
  if (step_failed (self, rc, error))
    return NULL;
  /* FTS5 gives rowids in ascending order; be sure of it */
  if (!sorted)
    g_array_sort (matches, compare_id);
  return g_steal_pointer (&matches);
}

/* How many index terms asking @expr about one article looks up: each
 * quoted string, and each word in it */
static guint
count_terms (const char *expr)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = expr; *p; p++)
    {
      if (*p == '"')
        {
          if (!quoted)
            n++;
          quoted = !quoted;
        }
      else if (quoted && *p == ' ')
        n++;
    }
  return MAX (n, 1);
}

/* Every id of @query in its order, matching @fts (NULL: @query's own) */
static GArray *
query_ids_by_set (DossierStore  *self,
                  DossierQuery  *query,
                  const char    *fts,
                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  builder_init (&b);
  g_string_append (b.sql, "SELECT a.id");
  append_from (&b, query, fts);
  append_filters (&b, query, TRUE);
  append_order (&b, query);
  if (query != NULL && query->limit > 0)
    {
      g_string_append (b.sql, " LIMIT ");
      builder_int (&b, query->limit);
    }
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static int
compare_ranked_id (gconstpointer a,
                   gconstpointer b)
{
  const DossierRanked *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Keeps the ranks of @rows (DossierRanked; taken, and sorted by id) for
 * the pages of the list that come next: a page of a ranked list reads
 * its scores from here rather than ranking every match again. */
static void
remember_ranks (DossierStore *self,
                const char   *fts,
                GArray       *rows)
{
  g_clear_pointer (&self->ranked_fts, g_free);
  g_clear_pointer (&self->ranked_by_id, g_array_unref);
  self->ranked_fts = g_strdup (fts);
  self->ranked_by_id = rows;
  g_array_sort (self->ranked_by_id, compare_ranked_id);
  _dossier_store_change_stamp (self, self->ranked_stamp);
}

/* The remembered rank of each of @ids for @fts, or NULL when one is
 * missing or the library changed since */
static double *
recall_ranks (DossierStore *self,
              const char   *fts,
              const gint64 *ids,
              guint         n_ids)
{
  g_autofree double *ranks = NULL;
  gint64 stamp[2];

  if (self->ranked_fts == NULL || g_strcmp0 (self->ranked_fts, fts) != 0)
    return NULL;
  _dossier_store_change_stamp (self, stamp);
  if (stamp[0] != self->ranked_stamp[0] || stamp[1] != self->ranked_stamp[1] || stamp[1] < 0)
    return NULL;
  ranks = g_new (double, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      DossierRanked key = { ids[i], 0 };
      guint at;

      if (!g_array_binary_search (self->ranked_by_id, &key, compare_ranked_id, &at))
        return NULL;
      ranks[i] = g_array_index (self->ranked_by_id, DossierRanked, at).rank;
    }
  return g_steal_pointer (&ranks);
}

/* Ranked by relevance: every match is scored once as FTS5 hands it out,
 * and the best are kept as they come (see dossier-store-rank.c).  Filters
 * other than excluded words are answered by the timeline's index, which
 * holds every column they ask about, as one set. */
static GArray *
query_ids_ranked (DossierStore  *self,
                  DossierQuery  *query,
                  GError       **error)
{
  gboolean filtered = has_filters (query);
  DossierRankCollector *collector;
  g_autoptr(GArray) rows = NULL;
  GArray *ids;
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  collector = _dossier_rank_collector_new (query->limit, !filtered && query->fts_exclude == NULL);
  builder_init (&b);
  g_string_append (b.sql, "SELECT dossier_rank_into(articles_fts, ");
  builder_collector (&b, collector);
  g_string_append (b.sql, ", " DOSSIER_RANK_WEIGHTS ") FROM articles_fts f WHERE articles_fts MATCH ");
  builder_text (&b, query->fts);
  if (query->fts_exclude != NULL)
    {
      g_string_append (b.sql, " AND f.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      builder_text (&b, query->fts_exclude);
      g_string_append (b.sql, ")");
    }
  if (filtered)
    {
      /* +: the set is looked in, never walked with a search for each id */
      g_string_append (b.sql, " AND +f.rowid IN (");
      append_filtered_ids (&b, query);
      g_string_append (b.sql, ")");
    }
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    {
      _dossier_rank_collector_free (collector);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (step_failed (self, rc, error))
    {
      _dossier_rank_collector_free (collector);
      return NULL;
    }
  rows = _dossier_rank_collector_finish (collector);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (ids, g_array_index (rows, DossierRanked, i).id);
  remember_ranks (self, query->fts, g_steal_pointer (&rows));
  return ids;
}

/* Newest first with a text query: see above */
static GArray *
query_ids_newest (DossierStore  *self,
                  DossierQuery  *query,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *expr = NULL;
  g_autofree char *probe = NULL;
  gboolean cheap, none;
  double share = 0;

  if (!ensure_search_helpers (self, error) ||
      !(expr = match_expression (self, query, &cheap, error)))
    return NULL;
  if (query->fts_exclude != NULL)
    probe = g_strdup_printf ("(%s) NOT (%s)", expr, query->fts_exclude);
  else
    probe = g_strdup (expr);

  if (cheap && query->limit > 0 && query->limit <= WALK_MAX_LIMIT)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) matches = NULL;

      if (!estimate_share (self, probe, &share, &none, error))
        return NULL;
      if (none)
        return g_steal_pointer (&ids);
      /* few matches: the set is small, and SQLite builds it well */
      if (share == 0)
        return query_ids_by_set (self, query, expr, error);
      /* many: ask about each article while that is cheap */
      if (share >= WALK_MIN_SHARE &&
          query->limit / share * count_terms (probe) <= WALK_MAX_LOOKUPS &&
          !g_cancellable_is_cancelled (cancellable))
        {
          guint budget = MIN (WALK_MAX_PROBES, (guint) (3.0 * query->limit / share));

          switch (walk_newest (self, query, probe, NULL, budget, cancellable, ids, error))
            {
            case WALK_DONE:
              return g_steal_pointer (&ids);
            case WALK_FAILED:
              return NULL;
            case WALK_GAVE_UP:
            default:
              g_array_set_size (ids, 0);
              break;
            }
        }
      /* otherwise list every match (in id order, no ranking, no set
       * built in SQL) and walk the date index through that list */
      if (g_cancellable_is_cancelled (cancellable) ||
          !(matches = collect_matches (self, probe, error)) ||
          walk_newest (self, query, NULL, matches, G_MAXUINT, cancellable, ids, error) != WALK_DONE)
        return NULL;
      return g_steal_pointer (&ids);
    }
  /* a prefix of many terms (one letter: thousands) is dear to match in
   * the library's index even once, and the matches are usually many:
   * look for them among the newest articles, a batch at a time */
  if (!cheap && query->limit > 0 && query->limit <= WALK_MAX_LIMIT)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      switch (walk_newest_in_batches (self, query, probe, WALK_MAX_BATCHES, cancellable, ids, error))
        {
        case WALK_DONE:
          return g_steal_pointer (&ids);
        case WALK_FAILED:
          return NULL;
        case WALK_GAVE_UP:
        default:
          break;
        }
    }
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return query_ids_by_set (self, query, expr, error);
}

GArray *
dossier_store_query_article_ids (DossierStore  *self,
                                 DossierQuery  *query,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GArray *ids;
  gulong watch;

  /* a stale query is interrupted (sqlite3_interrupt) */
  watch = dossier_store_watch_cancellable (self, cancellable);
  if (query != NULL && query->fts != NULL && dossier_query_get_sort (query) == DOSSIER_SORT_DATE_DESC)
    ids = query_ids_newest (self, query, cancellable, &local_error);
  else if (query != NULL && query->fts != NULL && dossier_query_get_sort (query) == DOSSIER_SORT_RELEVANCE)
    ids = query_ids_ranked (self, query, &local_error);
  else
    ids = query_ids_by_set (self, query, NULL, &local_error);
  dossier_store_unwatch_cancellable (self, cancellable, watch);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_pointer (&ids, g_array_unref);
      return NULL;
    }
  if (ids == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ids;
}

/* A row of a ranked page: the article, its snippet and its score */
static DossierArticle *
read_result (sqlite3_stmt *stmt)
{
  DossierArticle *article = read_article (stmt, FALSE);

  dossier_article_set_snippet (article, _dossier_store_column_text (stmt, N_ARTICLE_COLUMNS));
  dossier_article_set_score (article, sqlite3_column_double (stmt, N_ARTICLE_COLUMNS + 1));
  return article;
}

/* Snippets for the rows of one page.  The rows are indexed alone in a
 * small temporary index with the library index's columns and tokenizer,
 * where any query, a prefix too, costs next to nothing; a snippet depends
 * only on the row's text and the query, so it comes out the same as from
 * the library's index, without a pass over every match of a common word.
 * (A page of the ranking just made takes its scores from the ranking;
 * any other page ranked by relevance takes the one-pass way, which
 * scores its rows.) */
static gboolean
add_page_snippets (DossierStore  *self,
                   const gint64  *ids,
                   guint          n_ids,
                   const char    *fts,
                   GHashTable    *by_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!ensure_search_helpers (self, error) ||
      !index_page_rows (self, ids, n_ids, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT rowid, snippet(dossier_page, -1, char(1), char(2), '…', 24)"
                                    " FROM temp.dossier_page WHERE dossier_page MATCH ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  _dossier_store_bind_text (stmt, 1, fts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DossierArticle *article = g_hash_table_lookup (by_id, &id);

      if (article != NULL)
        dossier_article_set_snippet (article, _dossier_store_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (step_failed (self, rc, error))
    return FALSE;
  return _dossier_store_exec (self, "INSERT INTO temp.dossier_page (dossier_page) VALUES ('delete-all')", error);
}

GPtrArray *
dossier_store_load_articles (DossierStore  *self,
                             const gint64  *ids,
                             guint          n_ids,
                             DossierQuery  *query,
                             GError       **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  gboolean text = query != NULL && query->fts != NULL;
  gboolean ranked = text && dossier_query_get_sort (query) == DOSSIER_SORT_RELEVANCE;
  g_autofree double *ranks = NULL;
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* a page of the ranking just made: its scores are known */
  if (ranked && (ranks = recall_ranks (self, query->fts, ids, n_ids)) != NULL)
    ranked = FALSE;

  builder_init (&b);
  if (ranked)
    {
      /* One pass over the matches keeps the rows asked for (+rowid: not
       * handed to FTS5, which would re-run the whole query for each id)
       * and builds snippets and scores for those only. */
      g_string_append (b.sql, "SELECT " ARTICLE_COLUMNS ", m.snip, m.score FROM"
                              " (SELECT rowid AS id, snippet(articles_fts, -1, char(1), char(2), '…', 24) AS snip,"
                              " -" DOSSIER_RANK " AS score FROM articles_fts WHERE articles_fts MATCH ");
      builder_text (&b, query->fts);
      g_string_append (b.sql, " AND +rowid IN (");
    }
  else
    g_string_append (b.sql, "SELECT " ARTICLE_COLUMNS " FROM articles a WHERE a.id IN (");
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append (b.sql, ", ");
      builder_int (&b, ids[i]);
    }
  if (ranked)
    g_string_append (b.sql, ")) m JOIN articles a ON a.id = m.id");
  else
    g_string_append (b.sql, ")");
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierArticle *article = ranked ? read_result (stmt) : read_article (stmt, FALSE);
      gint64 *key = g_new (gint64, 1);

      *key = dossier_article_get_id (article);
      g_hash_table_insert (by_id, key, article);
      g_object_set_data_full (G_OBJECT (article), "dossier-key", key, g_free);
    }
  if (step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  if (text && !ranked && !add_page_snippets (self, ids, n_ids, query->fts, by_id, error))
    return NULL;

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      DossierArticle *article = g_hash_table_lookup (by_id, &ids[i]);

      /* an article deleted meanwhile comes back as an empty placeholder */
      if (article == NULL)
        {
          article = dossier_article_new ();
          dossier_article_set_id (article, ids[i]);
          g_ptr_array_add (result, article);
        }
      else
        {
          if (ranks != NULL)
            dossier_article_set_score (article, -ranks[i]);
          g_ptr_array_add (result, g_object_ref (article));
        }
    }
  return g_steal_pointer (&result);
}

GPtrArray *
dossier_store_search (DossierStore  *self,
                      DossierQuery  *query,
                      guint          limit,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  Builder b;
  gulong watch;
  int rc;

  /* A text search finds (and ranks) the ids first, then makes snippets
   * for those rows only: SQLite computes every output column before it
   * sorts, so one query would build a snippet for every match. */
  if (query != NULL && query->fts != NULL)
    {
      g_autoptr(DossierQuery) top = dossier_query_copy (query);
      g_autoptr(GArray) ids = NULL;

      top->limit = limit;
      ids = dossier_store_query_article_ids (self, top, cancellable, error);
      if (ids == NULL)
        return NULL;
      for (guint start = 0; start < ids->len; start += 500)
        {
          g_autoptr(GPtrArray) chunk = NULL;

          chunk = dossier_store_load_articles (self, &g_array_index (ids, gint64, start),
                                               MIN (500, ids->len - start), query, error);
          if (chunk == NULL)
            return NULL;
          g_ptr_array_extend_and_steal (result, g_steal_pointer (&chunk));
        }
      return g_steal_pointer (&result);
    }

  builder_init (&b);
  g_string_append (b.sql, "SELECT " ARTICLE_COLUMNS);
  append_from (&b, query, NULL);
  append_filters (&b, query, TRUE);
  append_order (&b, query);
  if (limit > 0)
    {
      g_string_append (b.sql, " LIMIT ");
      builder_int (&b, limit);
    }
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    return NULL;

  watch = dossier_store_watch_cancellable (self, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_article (stmt, FALSE));
  dossier_store_unwatch_cancellable (self, cancellable, watch);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&result);
}

GArray *
dossier_store_timeline_points (DossierStore  *self,
                               DossierQuery  *query,
                               GError       **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  builder_init (&b);
  g_string_append (b.sql, "SELECT a.id, coalesce(a.published_jd, -1), a.date_precision,"
                          " a.annotation_count, a.source"
                          " FROM articles a INDEXED BY articles_timeline WHERE 1");
  if (query != NULL && query->fts != NULL)
    {
      g_string_append (b.sql, " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      builder_text (&b, query->fts);
      g_string_append (b.sql, ")");
    }
  append_filters (&b, query, TRUE);
  /* undated (NULL) first, then by day: the order the timeline keeps */
  g_string_append (b.sql, " ORDER BY a.published_jd, a.id");
  stmt = builder_prepare (self, &b, error);
  builder_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTimelinePoint p;
      const char *source = _dossier_store_column_text (stmt, 4);

      p.id = sqlite3_column_int64 (stmt, 0);
      p.julian = sqlite3_column_int64 (stmt, 1);
      p.precision = sqlite3_column_int (stmt, 2);
      p.n_notes = sqlite3_column_int (stmt, 3);
      p.source = source ? g_intern_string (source) : NULL;
      g_array_append_val (points, p);
    }
  if (step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&points);
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
