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

#include <json-glib/json-glib.h>

#include "dossier-markdown.h"
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
    "  content='dossier_page_rows', content_rowid='id', tokenize='dossier readonly');",
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

/* dossier_note_text(quote, note, tags): a note as a reader sees it, for
 * snippets: the quote, the note's Markdown as the words it shows, and
 * the tags (a JSON list) as #tags.  Tags that are not a list of strings
 * are left out rather than shown as JSON. */
static void
note_text_function (sqlite3_context  *ctx,
                    int               n_values,
                    sqlite3_value   **values)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *quote = (const char *) sqlite3_value_text (values[0]);
  const char *note = (const char *) sqlite3_value_text (values[1]);
  const char *tags = (const char *) sqlite3_value_text (values[2]);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (quote != NULL && *quote != '\0')
    g_string_append (out, quote);
  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = dossier_markdown_to_text (note);

      if (*text != '\0')
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, text);
        }
    }
  if (tags != NULL && *tags != '\0' && json_parser_load_from_data (parser, tags, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      JsonArray *list = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *tag = json_array_get_element (list, i);

          if (json_node_get_value_type (tag) != G_TYPE_STRING)
            continue;
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, '#');
          g_string_append (out, json_node_get_string (tag));
        }
    }
  sqlite3_result_text (ctx, out->str, out->len, SQLITE_TRANSIENT);
}

gboolean
_dossier_store_add_snippet_function (DossierStore  *self,
                                     GError       **error)
{
  if (sqlite3_create_function_v2 (self->db, "dossier_note_text", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                  NULL, note_text_function, NULL, NULL, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not open the library"));
  return TRUE;
}

/* Snippets for the rows of one page.  The rows are indexed alone in a
 * small temporary index with the library index's columns and tokenizer,
 * where any query, a prefix too, costs next to nothing; a snippet depends
 * only on the row's text and the query, so it comes out the same as from
 * the library's index, without a pass over every match of a common word.
 * Its notes column holds the notes as a reader sees them
 * (dossier_note_text()): a snippet shows their words, never the Markdown's
 * marks or the tags' JSON, and its own match marks stand alone.  A match
 * only in what a reader does not see (a link's address) leaves the
 * snippet at the row's start. */
gboolean
_dossier_store_add_page_snippets (DossierStore  *self,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  const char    *fts,
                                  GHashTable    *by_id,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  /* the rows' text in a table of its own, indexed once ('rebuild') */
  if (!_dossier_store_exec (self,
                            "CREATE TEMP TABLE IF NOT EXISTS dossier_snip_rows"
                            "  (id INTEGER PRIMARY KEY, title, byline, body, notes);"
                            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_snips"
                            "  USING fts5(title, byline, body, notes, content='dossier_snip_rows',"
                            "  content_rowid='id', tokenize='dossier readonly');"
                            "DELETE FROM temp.dossier_snip_rows", error))
    return FALSE;
  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "INSERT INTO temp.dossier_snip_rows (id, title, byline, body, notes)"
                          " SELECT a.id, a.title, a.byline, a.body,"
                          " coalesce((SELECT group_concat(dossier_note_text(n.quote, n.note, n.tags), ' ')"
                          " FROM annotations n WHERE n.article_id = a.id), '')"
                          " FROM articles a WHERE a.id IN (");
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
  if (_dossier_store_step_failed (self, rc, error) ||
      !_dossier_store_exec (self, "INSERT INTO temp.dossier_snips (dossier_snips) VALUES ('rebuild')", error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT rowid, snippet(dossier_snips, -1, char(1), char(2), '…', 24)"
                                    " FROM temp.dossier_snips WHERE dossier_snips MATCH ?",
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
  return _dossier_store_exec (self, "INSERT INTO temp.dossier_snips (dossier_snips) VALUES ('delete-all');"
                                    "DELETE FROM temp.dossier_snip_rows", error);
}
