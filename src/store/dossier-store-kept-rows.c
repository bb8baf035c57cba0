/* dossier-store-kept-rows.c: what an article takes with it when deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting an article deletes the rows of other tables that belong to it
 * (its tags, the stories the user joined it to, corrected speakers, the
 * evidence for its date, the links and feed entries that led to it).
 * Some cannot be made again, so Undo must put them back: they are read
 * into one JSON document before the delete, and written back under the
 * article's new id after it.  Rows that pointed at something removed
 * meanwhile (a person, a feed, another article) are left out.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

static const char keep_sql[] =
  "SELECT json_object("
  " 'hints', (SELECT hints FROM date_hints WHERE article_id = ?1),"
  " 'tags', (SELECT json_group_array(tag) FROM article_tags WHERE article_id = ?1),"
  " 'joins', (SELECT json_group_array(json_array(article_id, other_id)) FROM story_joins"
  "           WHERE article_id = ?1 OR other_id = ?1),"
  " 'story', (SELECT json_array(story_id, pinned) FROM story_members WHERE article_id = ?1),"
  " 'corrections', (SELECT json_group_array(json_array(text, person_id, rejected))"
  "                 FROM quote_corrections WHERE article_id = ?1),"
  " 'links', (SELECT json_group_array(json_array(url, given)) FROM article_links WHERE article_id = ?1),"
  " 'entries', (SELECT json_group_array(json_array(feed_id, guid)) FROM feed_entries WHERE article_id = ?1),"
  " 'imports', (SELECT json_group_array(json_array(kind, source_id)) FROM app_imports WHERE article_id = ?1))";

/* ?1 the id the article had, ?2 the id it has now, ?3 the kept rows */
static const char * const put_back_sql[] = {
  "INSERT OR REPLACE INTO date_hints (article_id, hints)"
  " SELECT ?2, ?3 ->> '$.hints' WHERE ?3 ->> '$.hints' IS NOT NULL",

  "INSERT OR IGNORE INTO article_tags (article_id, tag, uuid)"
  " SELECT ?2, t.value, " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = ?2)", "t.value")
  " FROM json_each (?3, '$.tags') t",

  "INSERT OR IGNORE INTO story_joins (article_id, other_id, uuid)"
  " SELECT a, o, " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = a)",
                                         "(SELECT uuid FROM articles WHERE id = o)")
  " FROM (SELECT iif (j.value ->> 0 = ?1, ?2, j.value ->> 0) AS a,"
  "              iif (j.value ->> 1 = ?1, ?2, j.value ->> 1) AS o"
  "       FROM json_each (?3, '$.joins') j)"
  " WHERE a <> o AND EXISTS (SELECT 1 FROM articles WHERE id = a)"
  "   AND EXISTS (SELECT 1 FROM articles WHERE id = o)",

  /* only a story the user chose: a grouping of its own is made again */
  "INSERT OR REPLACE INTO story_members (article_id, story_id, pinned)"
  " SELECT ?2, ?3 ->> '$.story[0]', 1"
  " WHERE ?3 ->> '$.story[1]' = 1"
  "   AND EXISTS (SELECT 1 FROM stories WHERE id = ?3 ->> '$.story[0]')",

  "INSERT OR IGNORE INTO quote_corrections (article_id, text, person_id, rejected)"
  " SELECT ?2, c.value ->> 0, c.value ->> 1, c.value ->> 2"
  " FROM json_each (?3, '$.corrections') c"
  " WHERE c.value ->> 1 IS NULL OR EXISTS (SELECT 1 FROM people WHERE id = c.value ->> 1)",

  "INSERT OR IGNORE INTO article_links (url, article_id, given)"
  " SELECT l.value ->> 0, ?2, l.value ->> 1 FROM json_each (?3, '$.links') l",

  "UPDATE feed_entries SET article_id = ?2"
  " WHERE article_id IS NULL AND EXISTS (SELECT 1 FROM json_each (?3, '$.entries') e"
  "   WHERE e.value ->> 0 = feed_entries.feed_id AND e.value ->> 1 = feed_entries.guid)",

  "UPDATE app_imports SET article_id = ?2"
  " WHERE article_id IS NULL AND EXISTS (SELECT 1 FROM json_each (?3, '$.imports') i"
  "   WHERE i.value ->> 0 = app_imports.kind AND i.value ->> 1 = app_imports.source_id)",
};

char *
dossier_store_keep_article_rows (DossierStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  sqlite3_stmt *stmt;
  char *kept = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!(stmt = _dossier_store_prepare (self, keep_sql, _("Could not read the article"), error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kept = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    _dossier_store_fail (self, error, _("Could not read the article"));
  sqlite3_finalize (stmt);
  return kept;
}

gboolean
dossier_store_put_back_article_rows (DossierStore  *self,
                                     gint64         old_id,
                                     gint64         id,
                                     const char    *kept,
                                     GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (kept == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (put_back_sql); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = _dossier_store_prepare (self, put_back_sql[i], _("Could not bring the article back"), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, kept, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        _dossier_store_fail (self, error, _("Could not bring the article back"));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}
