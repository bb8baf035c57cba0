/* fuzz-query.c — libFuzzer target: the search-query translator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever is typed, dossier_query_parse() (as you type and on Enter)
 * gives FTS5 expressions that FTS5 accepts: each is run against a small
 * in-memory table with the library's columns and tokenizer, and any
 * SQLite error (an "fts5: syntax error", an unknown column) is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <sqlite3.h>
#include "dossier-query.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static sqlite3 *query_db;
static sqlite3_stmt *query_stmt;

static void
query_open_db (void)
{
  char *err = NULL;

  if (sqlite3_open (":memory:", &query_db) != SQLITE_OK)
    abort ();
  if (sqlite3_exec (query_db,
                    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, notes,"
                    "  tokenize='unicode61 remove_diacritics 2');"
                    "INSERT INTO articles_fts VALUES ('Sanctions on Moscow', 'Anna Petrova',"
                    "  'The talks in Geneva ended without a deal. Lavrov met Kerry.', 'reset');"
                    "INSERT INTO articles_fts VALUES ('Ferry strike', '',"
                    "  'Ferries stopped running; the union said OR NOT AND NEAR', '');"
                    "INSERT INTO articles_fts VALUES ('Переговоры', 'Иван',"
                    "  'Москва и Вашингтон, café naïve', 'заметка');",
                    NULL, NULL, &err) != SQLITE_OK)
    {
      fprintf (stderr, "schema: %s\n", err);
      abort ();
    }
  if (sqlite3_prepare_v2 (query_db, "SELECT rowid, snippet(articles_fts, 2, '[', ']', '…', 12)"
                              " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank",
                          -1, &query_stmt, NULL) != SQLITE_OK)
    abort ();
}

static void
query_run_match (const char *typed,
           const char *fts)
{
  int rc;

  if (fts == NULL)
    return;
  if (*fts == '\0')
    {
      fprintf (stderr, "empty FTS expression for %s\n", typed);
      abort ();
    }
  sqlite3_reset (query_stmt);
  sqlite3_bind_text (query_stmt, 1, fts, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (query_stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      fprintf (stderr, "query «%s» → FTS «%s»: %s\n", typed, fts, sqlite3_errmsg (query_db));
      abort ();
    }
  sqlite3_reset (query_stmt);
}

static void
query_check (const char *text,
       gboolean    prefix_last)
{
  DossierQuery *q = dossier_query_parse (text, prefix_last);
  DossierQuery *copy;

  if (q == NULL)
    abort ();
  query_run_match (text, q->fts);
  query_run_match (text, q->fts_exclude);
  if (q->from_jd >= 0 && q->to_jd >= 0 && q->from_jd > q->to_jd + 400000)
    abort ();
  (void) dossier_query_is_empty (q);
  (void) dossier_query_get_sort (q);
  copy = dossier_query_copy (q);
  if (g_strcmp0 (copy->fts, q->fts) != 0)
    abort ();
  dossier_query_free (copy);
  dossier_query_free (q);
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  /* a search entry only ever holds valid UTF-8 */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);

  if (query_db == NULL)
    query_open_db ();
  query_check (text, FALSE);
  query_check (text, TRUE);
  return 0;
}
