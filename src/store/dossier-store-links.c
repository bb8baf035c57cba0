/* dossier-store-links.c — the links that led to articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An article added by link keeps both the link the user gave and the one
 * the page was fetched from after redirects (the article's own url).  Both
 * are in article_links, so a link added again is a duplicate before any
 * request is made.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

static gint64
lookup (DossierStore  *self,
        const char    *sql,
        const char    *url,
        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return -1;
    }
  _dossier_store_bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      id = -1;
    }
  sqlite3_finalize (stmt);
  return id;
}

gint64
dossier_store_find_link (DossierStore  *self,
                         const char    *url,
                         GError       **error)
{
  gint64 id;

  g_return_val_if_fail (url != NULL, -1);

  id = lookup (self, "SELECT article_id FROM article_links WHERE url = ?", url, error);
  if (id != 0)
    return id;
  return lookup (self, "SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", url, error);
}

gboolean
dossier_store_add_link (DossierStore  *self,
                        gint64         article_id,
                        const char    *url,
                        gboolean       given,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (url != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO article_links (url, article_id, given) VALUES (?, ?, ?)"
                          " ON CONFLICT (url) DO NOTHING", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not save the article"));
  _dossier_store_bind_text (stmt, 1, url);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_int (stmt, 3, given ? 1 : 0);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _dossier_store_fail (self, error, _("Could not save the article"));
  sqlite3_finalize (stmt);
  return ok;
}

char *
dossier_store_get_given_link (DossierStore  *self,
                              gint64         article_id,
                              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  char *url = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT url FROM article_links WHERE article_id = ? AND given = 1"
                          " ORDER BY rowid LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    url = g_strdup (_dossier_store_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _dossier_store_fail (self, error, _("Could not read the library"));
  sqlite3_finalize (stmt);
  return url;
}
