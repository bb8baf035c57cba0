/* dossier-store-searches.c — the saved_searches table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

GPtrArray *
dossier_store_list_saved_searches (DossierStore  *self,
                                   GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_saved_search_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, name, query FROM saved_searches ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the saved searches")), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierSavedSearch *s = g_new0 (DossierSavedSearch, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = g_strdup (_dossier_store_column_text (stmt, 1));
      s->query = g_strdup (_dossier_store_column_text (stmt, 2));
      g_ptr_array_add (list, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the saved searches")), NULL;
  return g_steal_pointer (&list);
}

gint64
dossier_store_save_search (DossierStore  *self,
                           const char    *name,
                           const char    *query,
                           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  /* the same search twice is kept once */
  if (sqlite3_prepare_v2 (self->db, "SELECT id FROM saved_searches WHERE query = ?", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not save the search")), 0;
  _dossier_store_bind_text (stmt, 1, query);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (id > 0)
    return id;

  if (sqlite3_prepare_v2 (self->db, "INSERT INTO saved_searches (name, query, uuid) VALUES (?, ?, " DOSSIER_SQL_UUID ")",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not save the search")), 0;
  _dossier_store_bind_text (stmt, 1, name);
  _dossier_store_bind_text (stmt, 2, query);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return _dossier_store_fail (self, error, _("Could not save the search")), 0;
    }
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
dossier_store_delete_saved_search (DossierStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM saved_searches WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not remove the saved search"));
  sqlite3_bind_int64 (stmt, 1, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return _dossier_store_fail (self, error, _("Could not remove the saved search"));
  return TRUE;
}
