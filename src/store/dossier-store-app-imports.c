/* dossier-store-app-imports.c — what imports from other apps keep: which
 * export entry became what, article tags and read state, pending links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

/* Tags are kept joined by U+001F, which no tag holds. */
#define TAG_SEPARATOR "\037"

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the library"), error);
}

/* Steps a statement that returns no rows and finalizes it. */
static gboolean
run (DossierStore  *self,
     sqlite3_stmt  *stmt,
     const char    *what,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, what);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
dossier_store_find_app_import (DossierStore  *self,
                               const char    *kind,
                               const char    *source_id,
                               gint64        *article_id,
                               gint64        *pending_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  *article_id = 0;
  *pending_id = 0;
  if (!(stmt = prepare (self, "SELECT coalesce(article_id, 0), coalesce(pending_id, 0)"
                              " FROM app_imports WHERE kind = ? AND source_id = ?", error)))
    return FALSE;
  _dossier_store_bind_text (stmt, 1, kind);
  _dossier_store_bind_text (stmt, 2, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *article_id = sqlite3_column_int64 (stmt, 0);
      *pending_id = sqlite3_column_int64 (stmt, 1);
      found = *article_id != 0 || *pending_id != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return found;
}

gboolean
dossier_store_record_app_import (DossierStore  *self,
                                 const char    *kind,
                                 const char    *source_id,
                                 gint64         article_id,
                                 gint64         pending_id,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "INSERT OR REPLACE INTO app_imports (kind, source_id, article_id, pending_id)"
                              " VALUES (?, ?, ?, ?)", error)))
    return FALSE;
  _dossier_store_bind_text (stmt, 1, kind);
  _dossier_store_bind_text (stmt, 2, source_id);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 3, article_id);
  if (pending_id > 0)
    sqlite3_bind_int64 (stmt, 4, pending_id);
  return run (self, stmt, _("Could not save the import"), error);
}

gboolean
dossier_store_add_article_tags (DossierStore       *self,
                                gint64              article_id,
                                const char * const *tags,
                                GError            **error)
{
  sqlite3_stmt *stmt;

  if (tags == NULL || tags[0] == NULL)
    return TRUE;
  if (!(stmt = prepare (self, "INSERT OR IGNORE INTO article_tags (article_id, tag, uuid) VALUES (?1, ?2, "
                        DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = ?1)", "?2") ")", error)))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      _dossier_store_bind_text (stmt, 2, tags[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not save the tags"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
dossier_store_remove_article_tag (DossierStore  *self,
                                  gint64         article_id,
                                  const char    *tag,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "DELETE FROM article_tags WHERE article_id = ? AND tag = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _dossier_store_bind_text (stmt, 2, tag);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not save the tags")), FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("Article %lld has no tag “%s”"), (long long) article_id, tag);
      return FALSE;
    }
  return TRUE;
}

char **
dossier_store_get_article_tags (DossierStore  *self,
                                gint64         article_id,
                                GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
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
dossier_store_set_article_read (DossierStore  *self,
                                gint64         article_id,
                                gboolean       read,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "UPDATE articles SET read = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, read ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, article_id);
  return run (self, stmt, _("Could not save the article"), error);
}

gboolean
dossier_store_set_article_imported_at (DossierStore  *self,
                                       gint64         article_id,
                                       gint64         imported_at,
                                       GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "UPDATE articles SET imported_at = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, imported_at);
  sqlite3_bind_int64 (stmt, 2, article_id);
  return run (self, stmt, _("Could not save the article"), error);
}

int
dossier_store_get_article_read (DossierStore  *self,
                                gint64         article_id,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  int read = -1;
  int rc;

  if (!(stmt = prepare (self, "SELECT read FROM articles WHERE id = ?", error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read = sqlite3_column_int (stmt, 0) != 0;
  else if (rc == SQLITE_DONE)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("No article with the id %lld"), (long long) article_id);
  else
    _dossier_store_fail (self, error, _("Could not read the library"));
  sqlite3_finalize (stmt);
  return read;
}

gint64
dossier_store_insert_pending_link (DossierStore        *self,
                                   DossierPendingLink  *link,
                                   gint64              *existing,
                                   GError             **error)
{
  g_autofree char *tags = g_strjoinv (TAG_SEPARATOR, link->tags);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (link->url != NULL && link->kind != NULL && link->source_id != NULL, 0);

  if (existing)
    *existing = 0;
  if (!(stmt = prepare (self, "SELECT id FROM pending_links WHERE url = ?", error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, link->url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (existing)
        *existing = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return 0;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return 0;
    }

  if (link->added == 0)
    link->added = g_get_real_time ();
  if (!(stmt = prepare (self, "INSERT INTO pending_links (url, title, kind, source_id, tags, saved_at, read, added)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, link->url);
  _dossier_store_bind_text (stmt, 2, link->title);
  _dossier_store_bind_text (stmt, 3, link->kind);
  _dossier_store_bind_text (stmt, 4, link->source_id);
  _dossier_store_bind_text (stmt, 5, tags);
  sqlite3_bind_int64 (stmt, 6, link->saved_at);
  sqlite3_bind_int (stmt, 7, link->read ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, link->added);
  if (!run (self, stmt, _("Could not keep the link"), error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  if (link->highlights->len > 0)
    {
      if (!(stmt = prepare (self, "INSERT INTO pending_highlights (pending_id, position, quote, note, created)"
                                  " VALUES (?, ?, ?, ?, ?)", error)))
        return 0;
      for (guint i = 0; i < link->highlights->len; i++)
        {
          DossierPendingHighlight *h = g_ptr_array_index (link->highlights, i);

          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, (int) i);
          _dossier_store_bind_text (stmt, 3, h->quote);
          _dossier_store_bind_text (stmt, 4, h->note);
          sqlite3_bind_int64 (stmt, 5, h->created);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              _dossier_store_fail (self, error, _("Could not keep the link"));
              sqlite3_finalize (stmt);
              return 0;
            }
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  link->id = id;
  return id;
}

GPtrArray *
dossier_store_list_pending_links (DossierStore  *self,
                                  GError       **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_pending_link_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "SELECT id, url, title, kind, source_id, tags, saved_at, read, added"
                              " FROM pending_links ORDER BY id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierPendingLink *link = dossier_pending_link_new ();
      const char *tags = _dossier_store_column_text (stmt, 5);

      link->id = sqlite3_column_int64 (stmt, 0);
      link->url = g_strdup (_dossier_store_column_text (stmt, 1));
      link->title = g_strdup (_dossier_store_column_text (stmt, 2));
      link->kind = g_strdup (_dossier_store_column_text (stmt, 3));
      link->source_id = g_strdup (_dossier_store_column_text (stmt, 4));
      if (tags != NULL && *tags != '\0')
        {
          g_strfreev (link->tags);
          link->tags = g_strsplit (tags, TAG_SEPARATOR, -1);
        }
      link->saved_at = sqlite3_column_int64 (stmt, 6);
      link->read = sqlite3_column_int (stmt, 7) != 0;
      link->added = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (links, link);
      g_hash_table_insert (by_id, &link->id, link);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }

  if (!(stmt = prepare (self, "SELECT pending_id, quote, note, created FROM pending_highlights"
                              " ORDER BY pending_id, position", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      DossierPendingLink *link = g_hash_table_lookup (by_id, &pid);

      if (link != NULL)
        dossier_pending_link_add_highlight (link, _dossier_store_column_text (stmt, 1),
                                            _dossier_store_column_text (stmt, 2),
                                            sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

gboolean
dossier_store_delete_pending_link (DossierStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "DELETE FROM pending_links WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (self, stmt, _("Could not delete the link"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("No pending link with the id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}
