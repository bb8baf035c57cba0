/* dossier-store-snippets.c — the page index: one page's rows in a text
 * index of their own, for snippets and for matching a batch of rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small temporary index with the library index's columns and tokenizer
 * holds the rows of one page (or of one batch of a walk) at a time.  In
 * it any query, a prefix of a single letter too, costs next to nothing;
 * whether a row matches, and its snippet, depend only on the row's text
 * and the query, so they come out the same as from the library's index.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

/* Temporary helpers of this connection, made when first needed: the
 * index's terms (for dossier-store-newest.c), and a small text index of
 * the rows of one page, with the same columns and tokenizer as
 * articles_fts. */
gboolean
_dossier_store_ensure_search_helpers (DossierStore  *self,
                                      GError       **error)
{
  return _dossier_store_exec (self,
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_terms"
    "  USING fts5vocab(main, 'articles_fts', 'instance');"
    "CREATE TEMP VIEW IF NOT EXISTS dossier_page_rows AS"
    "  SELECT id, title, byline, body, notes FROM main.articles;"
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_page USING fts5(title, byline, body, notes,"
    "  content='dossier_page_rows', content_rowid='id', tokenize='dossier');",
    error);
}

/* Indexes just the articles @ids in the connection's page index, in
 * place of the rows it held */
gboolean
_dossier_store_index_page_rows (DossierStore  *self,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  if (!_dossier_store_exec (self, "INSERT INTO temp.dossier_page (dossier_page) VALUES ('delete-all')", error))
    return FALSE;
  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "INSERT INTO temp.dossier_page (rowid, title, byline, body, notes)"
                          " SELECT id, title, byline, body, notes FROM articles WHERE id IN (");
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append (b.sql, ", ");
      _dossier_store_sql_int (&b, ids[i]);
    }
  g_string_append (b.sql, ")");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return !_dossier_store_step_failed (self, rc, error);
}

/* Snippets for the rows of one page.  The rows are indexed alone in a
 * small temporary index with the library index's columns and tokenizer,
 * where any query, a prefix too, costs next to nothing; a snippet depends
 * only on the row's text and the query, so it comes out the same as from
 * the library's index, without a pass over every match of a common word.
 * (A page of the ranking just made takes its scores from the ranking;
 * any other page ranked by relevance takes the one-pass way, which
 * scores its rows.) */
gboolean
_dossier_store_add_page_snippets (DossierStore  *self,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  const char    *fts,
                                  GHashTable    *by_id,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_dossier_store_ensure_search_helpers (self, error) ||
      !_dossier_store_index_page_rows (self, ids, n_ids, error))
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
  if (_dossier_store_step_failed (self, rc, error))
    return FALSE;
  return _dossier_store_exec (self, "INSERT INTO temp.dossier_page (dossier_page) VALUES ('delete-all')", error);
}
