/* dossier-store-reindex.c — the search index rebuilt in batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the library's index was made by another version of the tokenizer
 * (an upgrade, or a new stemmer), opening it no longer indexes every
 * article again at once.  It empties the articles' index and lists every
 * article in search_deferred, in one short transaction.  The triggers
 * already leave listed articles' index alone when they change (see
 * schema_stemming), and an article deleted meanwhile leaves the list.
 * dossier_store_reindex_step() then indexes the listed articles with the
 * lowest ids, a batch at a time, each batch in its own transaction: a
 * rebuild stopped half-way (the app quit) goes on from where it was at
 * the next step, and nothing is lost.  Meanwhile a search finds what is
 * indexed so far.  (An import's batch, which indexes what is listed
 * before it commits, takes the rest of the list along.)
 *
 * Indexed a batch at a time, the index ends up as many b-trees
 * (segments: 14 for 100,000 articles), and a search reads a word's
 * matches from every one of them.  Once the list is empty, the steps
 * merge them into one (FTS5's 'merge' with a negative number of pages,
 * so that all of them go into the one merge), a slice of pages a step,
 * until a step finds nothing left to merge.  On the bench's library of
 * 100,000 articles, rebuilt, the search benchmark's queries took 21%
 * less processor time with its index in one segment (made by FTS5's
 * 'optimize' there: 2,686 and 2,360 ms against 3,471 and 2,995 ms,
 * `perf stat`, alternating).  A rebuild stopped during the
 * merge leaves a usable index: FTS5 records a merge under way in the
 * index and goes on with it as it writes.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"

gboolean
_dossier_store_start_reindex (DossierStore  *self,
                              GError       **error)
{
  /* the list holds committed rows only while a rebuild goes on (an
   * import's rows never outlive its transaction) */
  return _dossier_store_exec (self,
                              "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');"
                              /* the names' spellings are recorded again as
                               * the texts are indexed (the notes' at once) */
                              "DELETE FROM search_names;"
                              "SELECT dossier_names_forget();"
                              "DELETE FROM search_deferred;"
                              "INSERT INTO search_deferred (article_id) SELECT id FROM articles WHERE id > 0;",
                              error);
}

static gint64
count_listed (DossierStore *self,
              int          *rc)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  *rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM search_deferred WHERE article_id > 0",
                            -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return -1;
  if ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      *rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return n;
}

gint64
dossier_store_reindex_remaining (DossierStore  *self,
                                 gint64        *total,
                                 GError       **error)
{
  gint64 remaining, articles = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  remaining = count_listed (self, &rc);
  if (_dossier_store_step_failed (self, rc, error))
    return -1;
  if (total != NULL)
    {
      if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM articles", -1, &stmt, NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          return -1;
        }
      if (sqlite3_step (stmt) == SQLITE_ROW)
        articles = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      *total = articles;
    }
  return remaining;
}

/* Pages of the index merged a step for each article a step would index
 * (indexing 100,000 articles writes about 60,000 pages of index) */
#define MERGE_PAGES_PER_ARTICLE 1
#define MERGE_PAGES_MIN 64

/* A slice of the merge of the index's segments into one, of about
 * @pages pages (FTS5's 'merge' with a negative number, so that every
 * segment goes into the one merge), in a transaction of its own: 1 while
 * there is more to merge, 0 when done, -1 on an error */
static gint64
merge_pages (DossierStore  *self,
             guint          pages,
             GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_int64 before;
  gboolean more;

  sql = g_strdup_printf ("INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', -%u)",
                         MAX (pages, 1));
  if (!dossier_store_begin (self, error))
    return -1;
  before = sqlite3_total_changes64 (self->db);
  if (!_dossier_store_exec (self, sql, error))
    goto failed;
  /* as FTS5 documents it, a merge that wrote nothing changed fewer than
   * two rows; one that did may have finished: a merge of one page more
   * tells (a small index is merged in one step) */
  more = sqlite3_total_changes64 (self->db) - before >= 2;
  if (more)
    {
      before = sqlite3_total_changes64 (self->db);
      if (!_dossier_store_exec (self, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', -1)", error))
        goto failed;
      more = sqlite3_total_changes64 (self->db) - before >= 2;
    }
  if (!dossier_store_commit (self, error))
    return -1;
  return more ? 1 : 0;

failed:
  dossier_store_rollback (self);
  return -1;
}

/* the rebuild's own merge, sized by its batch of articles */
static gint64
merge_step (DossierStore  *self,
            guint          batch,
            GError       **error)
{
  gint64 more = merge_pages (self, MAX (batch * MERGE_PAGES_PER_ARTICLE, MERGE_PAGES_MIN), error);

  if (more >= 0)
    self->reindex_merging = more > 0;
  return more;
}

gint64
dossier_store_merge_index_step (DossierStore  *self,
                                guint          pages,
                                GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (pages > 0, -1);

  return merge_pages (self, pages, error);
}

/* SQLite's variable-length integer, as FTS5 writes it: big-endian, seven
 * bits a byte with the high bit set on every byte but the last, and a
 * ninth byte of eight bits; -1 past @end */
static gint64
read_varint (const guchar **p,
             const guchar  *end)
{
  guint64 v = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (*p >= end)
        return -1;
      if (i == 8)
        return (gint64) ((v << 8) | *(*p)++);
      v = (v << 7) | (**p & 0x7f);
      if ((*(*p)++ & 0x80) == 0)
        return (gint64) v;
    }
  return -1;
}

/* FTS5's structure record (row 10 of the index's data table) begins with
 * a 32-bit cookie, then (SQLite 3.43 on, for some tables) the four bytes
 * ff 00 00 01 of its second form, then the number of levels and the
 * number of segments on all levels, as varints */
#define STRUCTURE_ROWID 10
#define STRUCTURE_V2 "\xff\x00\x00\x01"

gint64
dossier_store_index_segments (DossierStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 segments = -1;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db, "SELECT block FROM articles_fts_data WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return -1;
    }
  sqlite3_bind_int (stmt, 1, STRUCTURE_ROWID);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const guchar *p = sqlite3_column_blob (stmt, 0);
      const guchar *end = p + sqlite3_column_bytes (stmt, 0);

      if (p != NULL && end - p >= 4)
        {
          p += 4;
          if (end - p >= 4 && memcmp (p, STRUCTURE_V2, 4) == 0)
            p += 4;
          if (read_varint (&p, end) >= 0)
            segments = read_varint (&p, end);
        }
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_DONE)
    segments = 0;  /* an index never written */
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return -1;
  if (segments < 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("The search index of the library is damaged"));
      return -1;
    }
  return segments;
}

gint64
dossier_store_reindex_step (DossierStore  *self,
                            guint          batch,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 remaining;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (batch > 0, -1);

  if (self->reindex_merging)
    return merge_step (self, batch, error);
  if (!dossier_store_begin (self, error))
    return -1;
  /* the batch: the listed articles with the lowest ids */
  if (!_dossier_store_exec (self,
                            "CREATE TEMP TABLE IF NOT EXISTS dossier_reindex_batch (id INTEGER PRIMARY KEY);"
                            "DELETE FROM temp.dossier_reindex_batch;",
                            error))
    goto failed;
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO temp.dossier_reindex_batch (id)"
                          " SELECT article_id FROM search_deferred WHERE article_id > 0"
                          " ORDER BY article_id LIMIT ?1", -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  /* indexed as they are now, then off the list */
  if (!_dossier_store_exec (self,
                            "INSERT INTO articles_fts(rowid, title, byline, body, notes)"
                            "  SELECT a.id, a.title, a.byline, a.body, a.notes"
                            "  FROM temp.dossier_reindex_batch b JOIN articles a ON a.id = b.id;"
                            "DELETE FROM search_deferred WHERE article_id IN (SELECT id FROM temp.dossier_reindex_batch);"
                            "DELETE FROM temp.dossier_reindex_batch;",
                            error))
    goto failed;
  remaining = count_listed (self, &rc);
  if (remaining < 0)
    goto fail;
  if (!dossier_store_commit (self, error))
    return -1;
  /* the last articles indexed: the index's segments merged, from this
   * step on (one article counted as left until they are; a small index
   * is merged in this step) */
  if (remaining == 0)
    return merge_step (self, batch, error);
  return remaining;

fail:
  _dossier_store_fail (self, error, _("Could not search the library"));
failed:
  dossier_store_rollback (self);
  return -1;
}
