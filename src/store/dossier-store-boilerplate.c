/* dossier-store-boilerplate.c — learning a source's boilerplate on import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every distinct paragraph of every imported article is counted per source
 * (by fingerprint, dossier-boilerplate.h).  When a paragraph has been seen
 * in enough of a source's articles (dossier_boilerplate_decide), it is
 * flagged, and every article of that source — also those imported earlier
 * — loses it; their annotations re-anchor in the same transaction.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"
#include "dossier-boilerplate.h"

static gboolean
in_set (const char *fingerprint,
        gpointer    data)
{
  return g_hash_table_contains (data, fingerprint);
}

static gboolean
count_paragraphs (DossierStore  *self,
                  sqlite3_stmt  *stmt,
                  const char    *source,
                  const char    *body,
                  GError       **error)
{
  g_auto(GStrv) paragraphs = dossier_boilerplate_split (body);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; ok && paragraphs[i] != NULL; i++)
    {
      char *fp = dossier_boilerplate_fingerprint (paragraphs[i]);

      if (fp == NULL || !g_hash_table_add (seen, fp))
        continue;
      _dossier_store_bind_text (stmt, 1, source);
      _dossier_store_bind_text (stmt, 2, fp);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = _dossier_store_fail (self, error, _("Could not update the library"));
      sqlite3_reset (stmt);
    }
  return ok;
}

/* The flagged fingerprints of @source after counting; *@grew is TRUE when
 * this call flagged new ones. */
static GHashTable *
flag_source (DossierStore  *self,
             const char    *source,
             gboolean      *grew,
             GError       **error)
{
  g_autoptr(GHashTable) flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint n_articles = 0;
  int rc;

  *grew = FALSE;
  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM articles WHERE source = ?", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the library")), NULL;
  _dossier_store_bind_text (stmt, 1, source);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_articles = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT fingerprint, articles, flagged FROM boilerplate WHERE source = ? AND articles >= 3",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the library")), NULL;
  _dossier_store_bind_text (stmt, 1, source);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *fp = _dossier_store_column_text (stmt, 0);
      gboolean was = sqlite3_column_int (stmt, 2) != 0;

      if (was || dossier_boilerplate_decide (sqlite3_column_int (stmt, 1), n_articles))
        {
          g_hash_table_add (flagged, g_strdup (fp));
          if (!was)
            g_ptr_array_add (fresh, g_strdup (fp));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the library")), NULL;

  if (fresh->len > 0)
    {
      if (sqlite3_prepare_v2 (self->db, "UPDATE boilerplate SET flagged = 1 WHERE source = ? AND fingerprint = ?",
                              -1, &stmt, NULL) != SQLITE_OK)
        return _dossier_store_fail (self, error, _("Could not update the library")), NULL;
      for (guint i = 0; i < fresh->len; i++)
        {
          _dossier_store_bind_text (stmt, 1, source);
          _dossier_store_bind_text (stmt, 2, g_ptr_array_index (fresh, i));
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
      *grew = TRUE;
    }
  return g_steal_pointer (&flagged);
}

static gboolean
clean_articles (DossierStore  *self,
                const char    *source,
                GHashTable    *flagged,
                GArray        *only_ids,
                guint         *n_cleaned,
                GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* all of the source's articles, or only the given ones */
  if (sqlite3_prepare_v2 (self->db,
                          only_ids ? "SELECT id, body FROM articles WHERE id = ?"
                                   : "SELECT id, body FROM articles WHERE source = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the library"));
  for (guint round = 0; round < (only_ids ? only_ids->len : 1); round++)
    {
      if (only_ids != NULL)
        sqlite3_bind_int64 (stmt, 1, g_array_index (only_ids, gint64, round));
      else
        _dossier_store_bind_text (stmt, 1, source);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          char *cleaned = dossier_boilerplate_clean (_dossier_store_column_text (stmt, 1), in_set, flagged);

          if (cleaned != NULL)
            {
              g_array_append_val (ids, id);
              g_ptr_array_add (bodies, cleaned);
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return _dossier_store_fail (self, error, _("Could not read the library"));
        }
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!_dossier_store_replace_body (self, g_array_index (ids, gint64, i),
                                      g_ptr_array_index (bodies, i), NULL, error))
      return FALSE;
  if (n_cleaned)
    *n_cleaned += ids->len;
  return TRUE;
}

gboolean
dossier_store_learn_boilerplate (DossierStore  *self,
                                 GArray        *new_ids,
                                 guint         *n_cleaned,
                                 GError       **error)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *upsert = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = TRUE;

  if (n_cleaned)
    *n_cleaned = 0;

  if (sqlite3_prepare_v2 (self->db, "SELECT source, body FROM articles WHERE id = ?", -1, &read, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "INSERT INTO boilerplate (source, fingerprint, articles) VALUES (?, ?, 1)"
                          " ON CONFLICT (source, fingerprint) DO UPDATE SET articles = articles + 1",
                          -1, &upsert, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (read);
      return _dossier_store_fail (self, error, _("Could not update the library"));
    }

  for (guint i = 0; ok && i < new_ids->len; i++)
    {
      gint64 id = g_array_index (new_ids, gint64, i);
      g_autofree char *source = NULL;
      GArray *ids;

      sqlite3_bind_int64 (read, 1, id);
      if (sqlite3_step (read) != SQLITE_ROW)
        {
          sqlite3_reset (read);
          continue;
        }
      if (sqlite3_column_type (read, 0) == SQLITE_NULL)
        {
          sqlite3_reset (read);
          continue;
        }
      source = g_strdup (_dossier_store_column_text (read, 0));
      ok = count_paragraphs (self, upsert, source, _dossier_store_column_text (read, 1), error);
      sqlite3_reset (read);
      if (!ok)
        break;
      ids = g_hash_table_lookup (touched, source);
      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (touched, g_strdup (source), ids);
        }
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (read);
  sqlite3_finalize (upsert);
  if (!ok)
    return FALSE;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GHashTable) flagged = NULL;
      gboolean grew = FALSE;

      flagged = flag_source (self, key, &grew, error);
      if (flagged == NULL)
        return FALSE;
      if (g_hash_table_size (flagged) == 0)
        continue;
      /* newly learnt boilerplate leaves every article of the source;
       * known boilerplate only has to leave the new ones */
      if (!clean_articles (self, key, flagged, grew ? NULL : value, n_cleaned, error))
        return FALSE;
    }
  return TRUE;
}
