/* dossier-store-feeds.c — the feeds followed and their entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

void
dossier_feed_info_free (DossierFeedInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->url);
  g_free (info->title);
  g_free (info->site_url);
  g_free (info->etag);
  g_free (info->last_modified);
  g_free (info->last_error);
  g_free (info);
}

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the library"), error);
}

gint64
dossier_store_add_feed (DossierStore  *self,
                        const char    *url,
                        const char    *title,
                        const char    *site_url,
                        gboolean      *existed,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  *existed = FALSE;
  if (!(stmt = prepare (self, "SELECT id FROM feeds WHERE url = ?", error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *existed = TRUE;
      id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (id > 0)
    return id;

  if (!(stmt = prepare (self, "INSERT INTO feeds (url, title, site_url, added) VALUES (?, ?, ?, ?)", error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, url);
  _dossier_store_bind_text (stmt, 2, title ? title : url);
  _dossier_store_bind_text (stmt, 3, site_url);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (self->db);
  else
    _dossier_store_fail (self, error, _("Could not save the feed"));
  sqlite3_finalize (stmt);
  return id;
}

GPtrArray *
dossier_store_list_feeds (DossierStore  *self,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_feed_info_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT f.id, f.url, f.title, f.site_url, f.etag, f.last_modified, f.last_refresh,"
                  " f.last_error, f.retry_after, f.paused,"
                  " (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.article_id IS NOT NULL),"
                  " (SELECT count(*) FROM feed_entries e JOIN articles a ON a.id = e.article_id"
                  "  WHERE e.feed_id = f.id AND a.read = 0)"
                  " FROM feeds f WHERE ?1 = 0 OR f.id = ?1 ORDER BY f.title COLLATE NOCASE, f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierFeedInfo *info = g_new0 (DossierFeedInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->url = g_strdup (_dossier_store_column_text (stmt, 1));
      info->title = g_strdup (_dossier_store_column_text (stmt, 2));
      info->site_url = g_strdup (_dossier_store_column_text (stmt, 3));
      info->etag = g_strdup (_dossier_store_column_text (stmt, 4));
      info->last_modified = g_strdup (_dossier_store_column_text (stmt, 5));
      info->last_refresh = sqlite3_column_int64 (stmt, 6);
      info->last_error = g_strdup (_dossier_store_column_text (stmt, 7));
      info->retry_after = sqlite3_column_int64 (stmt, 8);
      info->paused = sqlite3_column_int (stmt, 9) != 0;
      info->n_articles = sqlite3_column_int (stmt, 10);
      info->n_unread = sqlite3_column_int (stmt, 11);
      g_ptr_array_add (feeds, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  return g_steal_pointer (&feeds);
}

gboolean
dossier_store_set_feed_state (DossierStore           *self,
                              const DossierFeedInfo  *info,
                              GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = prepare (self, "UPDATE feeds SET etag = ?, last_modified = ?, last_refresh = ?, last_error = ?,"
                        " retry_after = ?, title = coalesce(?, title), site_url = coalesce(?, site_url)"
                        " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dossier_store_bind_text (stmt, 1, info->etag);
  _dossier_store_bind_text (stmt, 2, info->last_modified);
  sqlite3_bind_int64 (stmt, 3, info->last_refresh);
  _dossier_store_bind_text (stmt, 4, info->last_error);
  sqlite3_bind_int64 (stmt, 5, info->retry_after);
  _dossier_store_bind_text (stmt, 6, info->title);
  _dossier_store_bind_text (stmt, 7, info->site_url);
  sqlite3_bind_int64 (stmt, 8, info->id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _dossier_store_fail (self, error, _("Could not save the feed"));
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
changed_one (DossierStore  *self,
             sqlite3_stmt  *stmt,
             gint64         id,
             GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  sqlite3_finalize (stmt);
  if (!ok)
    return _dossier_store_fail (self, error, _("Could not save the feed"));
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no feed %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_store_update_feed (DossierStore  *self,
                           gint64         id,
                           const char    *title,
                           int            paused,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "UPDATE feeds SET title = coalesce(?, title),"
                        " paused = CASE WHEN ? < 0 THEN paused ELSE ? END WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dossier_store_bind_text (stmt, 1, title);
  sqlite3_bind_int (stmt, 2, paused);
  sqlite3_bind_int (stmt, 3, paused > 0 ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, id);
  return changed_one (self, stmt, id, error);
}

gboolean
dossier_store_remove_feed (DossierStore  *self,
                           gint64         id,
                           GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "DELETE FROM feeds WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return changed_one (self, stmt, id, error);
}

GHashTable *
dossier_store_seen_feed_entries (DossierStore  *self,
                                 gint64         feed_id,
                                 GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = prepare (self, "SELECT guid FROM feed_entries WHERE feed_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (seen, g_strdup (_dossier_store_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  return g_steal_pointer (&seen);
}

gboolean
dossier_store_mark_feed_entry (DossierStore  *self,
                               gint64         feed_id,
                               const char    *guid,
                               gint64         article_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = prepare (self, "INSERT INTO feed_entries (feed_id, guid, article_id, seen) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (feed_id, guid) DO UPDATE SET"
                        " article_id = coalesce(excluded.article_id, article_id)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  _dossier_store_bind_text (stmt, 2, guid);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 3, article_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _dossier_store_fail (self, error, _("Could not save the feed"));
  sqlite3_finalize (stmt);
  return ok;
}
