/* fuzz-tokenizer.c — libFuzzer target: the search tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes (invalid UTF-8, mixed scripts, combining marks, very long
 * words) are indexed by the "dossier" tokenizer, searched for as a
 * phrase, an exact form and a prefix, and stemmed and keyed alone; the
 * index must stay consistent (FTS5's integrity-check) and no call may
 * fail or crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <sqlite3.h>
#include "dossier-store.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static sqlite3 *tokenizer_db;

static void
tokenizer_exec (const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (tokenizer_db, sql, NULL, NULL, &err) != SQLITE_OK)
    {
      fprintf (stderr, "%s: %s\n", sql, err);
      abort ();
    }
}

static void
tokenizer_match (const char *expr,
                 int         len)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (tokenizer_db, "SELECT rowid, snippet(t, 0, '[', ']', '…', 8) FROM t WHERE t MATCH ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  sqlite3_bind_text (stmt, 1, expr, len, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  /* an expression FTS5 cannot parse is no finding; a crash is */
  sqlite3_finalize (stmt);
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  sqlite3_stmt *stmt = NULL;
  GString *expr;
  char *s;

  if (tokenizer_db == NULL)
    {
      if (sqlite3_open (":memory:", &tokenizer_db) != SQLITE_OK ||
          !dossier_store_register_tokenizer (tokenizer_db))
        abort ();
      tokenizer_exec ("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='dossier')");
    }
  tokenizer_exec ("DELETE FROM t");

  if (sqlite3_prepare_v2 (tokenizer_db, "INSERT INTO t (body) VALUES (?1)", -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  sqlite3_bind_text (stmt, 1, (const char *) data, (int) size, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fprintf (stderr, "insert: %s\n", sqlite3_errmsg (tokenizer_db));
      abort ();
    }
  sqlite3_finalize (stmt);
  tokenizer_exec ("INSERT INTO t(t) VALUES ('integrity-check')");

  /* the bytes as a phrase, an exact form and a prefix */
  expr = g_string_new ("\"");
  for (size_t i = 0; i < size; i++)
    {
      if (data[i] == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, data[i] == '\0' ? ' ' : (char) data[i]);
    }
  g_string_append_c (expr, '"');
  tokenizer_match (expr->str, (int) expr->len);
  g_string_insert_c (expr, 1, '=');
  tokenizer_match (expr->str, (int) expr->len);
  g_string_append_c (expr, '*');
  tokenizer_match (expr->str, (int) expr->len);
  g_string_free (expr, TRUE);

  s = g_strndup ((const char *) data, size);
  g_free (dossier_store_stem (s, -1));
  g_free (dossier_store_name_key (s, -1));
  g_free (s);
  return 0;
}
