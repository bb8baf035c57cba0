/* dossier-store-stories.c — sketches and the articles like each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import only saves articles.  Afterwards, in the background, every
 * article without a sketch gets one (table sketches), the library's
 * sketches make one DossierSimilarIndex, and each new article keeps the
 * articles most like it (table similar); then the library is grouped
 * into stories (dossier-store-story-groups.c).  After an upgrade no
 * article has a sketch, so the same work covers the whole library.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"
#include "dossier-store-stories-private.h"

#define KEEP_SIMILAR 20   /* links kept per article */

void
dossier_stored_similar_free (DossierStoredSimilar *s)
{
  if (s == NULL)
    return;
  g_clear_object (&s->article);
  g_free (s);
}

gint64
dossier_store_count_unsketched (DossierStore  *self,
                                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db,
                          /* every sketch has its article (a foreign key, deleted
                           * with it), so the difference of the counts is the
                           * articles without one: counting reads the smallest
                           * index of articles and the sketches' pages once,
                           * where looking every article's sketch up read the
                           * sketches 100,000 times at 100,000 articles
                           * (0.7 s against 0.1 s, sqlite3) */
                          "SELECT max ((SELECT count(*) FROM articles) - (SELECT count(*) FROM sketches), 0)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_fail (self, error, _("Could not read the library's stories"));
  sqlite3_finalize (stmt);
  return n;
}

/* Whether an article waits for a sketch, in a few page reads where
 * counting read every page of the sketches (14,300 pages, 40 ms of a
 * 79 ms `dossier-cli similar` at 100,000 articles).  Every update
 * sketches every article without a sketch, in one transaction, and a
 * sketch goes only with its article (or with all of them, in a full
 * update, which makes them again in the same transaction); a new
 * article takes an id above every article's (SQLite's rowid, never
 * given by the store).  So after an update the sketched ids are all the
 * articles' ids up to the largest, and what waits is above it. */
static int
has_unsketched (DossierStore  *self,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int found = -1;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT EXISTS (SELECT 1 FROM articles WHERE id >"
                          " (SELECT coalesce (max (article_id), 0) FROM sketches))",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) != 0;
  else
    _dossier_store_fail (self, error, _("Could not read the library's stories"));
  sqlite3_finalize (stmt);
  return found;
}

static void
report (DossierStoreProgress progress,
        gpointer             data,
        double               fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0, 1), data);
}

/* Sketches the articles that have none; their ids go to @new_ids. */
static gboolean
sketch_new (DossierStore          *self,
            GArray                *new_ids,
            gint64                 total,
            DossierStoreProgress   progress,
            gpointer               progress_data,
            GCancellable          *cancellable,
            GError               **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.id, a.title, a.body FROM articles a"
                          " WHERE NOT EXISTS (SELECT 1 FROM sketches s WHERE s.article_id = a.id)"
                          " ORDER BY a.id", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO sketches (article_id, n_shingles, minhash, terms)"
                          " VALUES (?, ?, ?, ?)", -1, &insert, NULL) != SQLITE_OK)
    goto out;
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      DossierSketch sketch;
      g_autoptr(GBytes) minhash = NULL;
      g_autoptr(GBytes) terms = NULL;
      gsize len;
      gconstpointer p;

      dossier_sketch_compute (&sketch, (const char *) sqlite3_column_text (select, 1),
                              (const char *) sqlite3_column_text (select, 2));
      minhash = dossier_sketch_minhash_bytes (&sketch);
      terms = dossier_sketch_terms_bytes (&sketch);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, sketch.n_shingles);
      p = g_bytes_get_data (minhash, &len);
      sqlite3_bind_blob (insert, 3, p, (int) len, SQLITE_TRANSIENT);
      p = g_bytes_get_data (terms, &len);
      /* an empty blob, never NULL */
      sqlite3_bind_blob (insert, 4, len ? p : "", (int) len, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        goto out;
      sqlite3_reset (insert);
      g_array_append_val (new_ids, id);
      if (new_ids->len % 256 == 0)
        {
          report (progress, progress_data, 0.5 * new_ids->len / MAX (total, 1));
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sqlite3_finalize (select);
              sqlite3_finalize (insert);
              return FALSE;
            }
        }
    }
  ok = rc == SQLITE_DONE;

out:
  if (!ok)
    _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  return ok;
}

static DossierSimilarIndex *
load_index (DossierStore  *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(DossierSimilarIndex) index = dossier_similar_index_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.article_id, a.published_jd, a.date_precision, s.n_shingles,"
                          " s.minhash, s.terms FROM sketches s"
                          " JOIN articles a INDEXED BY articles_list ON a.id = s.article_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not work out the library's stories"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierSketch sketch;
      gint64 jd = sqlite3_column_int (stmt, 2) == DOSSIER_DATE_PRECISION_DAY ? sqlite3_column_int64 (stmt, 1) : -1;

      /* a damaged sketch counts as none */
      if (dossier_sketch_from_bytes (&sketch, (guint32) sqlite3_column_int64 (stmt, 3),
                                     sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4),
                                     sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5)))
        dossier_similar_index_add (index, sqlite3_column_int64 (stmt, 0), jd, &sketch);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not work out the library's stories"));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dossier_similar_index_seal (index);
  return g_steal_pointer (&index);
}

static gboolean
link_new (DossierStore          *self,
          DossierSimilarIndex   *index,
          GArray                *new_ids,
          gboolean               full,
          DossierStoreProgress   progress,
          gpointer               progress_data,
          GCancellable          *cancellable,
          GError               **error)
{
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO similar (article_id, other_id, similarity, relation)"
                          " VALUES (?, ?, ?, ?)", -1, &insert, NULL) != SQLITE_OK)
    goto out;
  for (guint i = 0; i < new_ids->len; i++)
    {
      gint64 id = g_array_index (new_ids, gint64, i);
      g_autoptr(GArray) hits = dossier_similar_index_query (index, id, KEEP_SIMILAR);

      for (guint h = 0; h < hits->len; h++)
        {
          const DossierSimilarHit *hit = &g_array_index (hits, DossierSimilarHit, h);

          /* both ways, so the older article lists the new one as a copy
           * or of its story; a full run asks every article itself */
          guint ways = full || hit->relation == DOSSIER_RELATION_RELATED ? 1 : 2;

          for (guint way = 0; way < ways; way++)
            {
              sqlite3_bind_int64 (insert, 1, way ? hit->id : id);
              sqlite3_bind_int64 (insert, 2, way ? id : hit->id);
              sqlite3_bind_double (insert, 3, hit->similarity);
              sqlite3_bind_int (insert, 4, hit->relation);
              if (sqlite3_step (insert) != SQLITE_DONE)
                goto out;
              sqlite3_reset (insert);
            }
        }
      if (i % 256 == 0)
        {
          report (progress, progress_data, 0.5 + 0.4 * i / new_ids->len);
          if (g_cancellable_is_cancelled (cancellable))
            break;
        }
    }
  ok = TRUE;

out:
  if (!ok)
    _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  sqlite3_finalize (insert);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return ok;
}

typedef struct
{
  gint64 article;
  gint64 story;
} Member;

/* Every article's story, in the order of the articles' ids (the table's
 * own order): 100,000 rows in about 15 ms. */
static GArray *
read_members (DossierStore  *self,
              GError       **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT article_id, story_id FROM story_members ORDER BY article_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Member m = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (members, m);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  return g_steal_pointer (&members);
}

static void
add_touched (GHashTable *seen,
             GArray     *touched,
             gint64      story)
{
  if (g_hash_table_add (seen, g_memdup2 (&story, sizeof story)))
    g_array_append_val (touched, story);
}

/* The stories whose members differ between @before and @after (both in
 * the order of the articles' ids): an article that joined, left or
 * changed story touches the story it left and the one it joined.  Read
 * from the tables, not from what the grouping says it did, so that it
 * holds however the grouping works. */
static void
diff_members (GArray *before,
              GArray *after,
              GArray *touched)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint i = 0, j = 0;

  while (i < before->len || j < after->len)
    {
      const Member *b = i < before->len ? &g_array_index (before, Member, i) : NULL;
      const Member *a = j < after->len ? &g_array_index (after, Member, j) : NULL;

      if (a == NULL || (b != NULL && b->article < a->article))
        {
          add_touched (seen, touched, b->story);
          i++;
        }
      else if (b == NULL || a->article < b->article)
        {
          add_touched (seen, touched, a->story);
          j++;
        }
      else
        {
          if (a->story != b->story)
            {
              add_touched (seen, touched, b->story);
              add_touched (seen, touched, a->story);
            }
          i++;
          j++;
        }
    }
}

/* The work of dossier_store_update_stories(), in a transaction of its own */
static gint64
update_stories (DossierStore          *self,
                gboolean               full,
                GArray                *touched,
                DossierStoreProgress   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierSimilarIndex) index = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 total;
  gint64 t0 = g_get_monotonic_time (), t1, ti, t2, t3;

  if (!dossier_store_begin (self, error))
    return -1;
  if (full && !_dossier_store_exec (self, "DELETE FROM similar; DELETE FROM sketches;", error))
    goto fail;
  total = dossier_store_count_unsketched (self, error);
  if (total < 0)
    goto fail;
  if (total == 0 && !full)
    {
      dossier_store_rollback (self);
      report (progress, progress_data, 1);
      return 0;
    }
  report (progress, progress_data, 0);
  if (!sketch_new (self, new_ids, total, progress, progress_data, cancellable, error))
    goto fail;
  t1 = g_get_monotonic_time ();
  index = load_index (self, cancellable, error);
  if (index == NULL)
    goto fail;
  ti = g_get_monotonic_time ();
  if (!link_new (self, index, new_ids, full, progress, progress_data, cancellable, error))
    goto fail;
  g_clear_pointer (&index, dossier_similar_index_free);
  t2 = g_get_monotonic_time ();
  report (progress, progress_data, 0.9);
  if (touched != NULL && !full && (before = read_members (self, error)) == NULL)
    goto fail;
  if (!_dossier_store_group_stories (self, error))
    goto fail;
  t3 = g_get_monotonic_time ();
  if (before != NULL)
    {
      if ((after = read_members (self, error)) == NULL)
        goto fail;
      diff_members (before, after, touched);
    }
  if (!dossier_store_commit (self, error))
    return -1;
  g_debug ("stories: %u articles sketched in %.2f s, indexed in %.2f s, linked in %.2f s,"
           " grouped in %.2f s, committed in %.2f s",
           new_ids->len, (t1 - t0) / 1e6, (ti - t1) / 1e6, (t2 - ti) / 1e6, (t3 - t2) / 1e6,
           (g_get_monotonic_time () - t3) / 1e6);
  report (progress, progress_data, 1);
  return new_ids->len;

fail:
  dossier_store_rollback (self);
  return -1;
}

gint64
dossier_store_update_stories (DossierStore          *self,
                              gboolean               full,
                              DossierStoreProgress   progress,
                              gpointer               progress_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  return dossier_store_update_stories_touched (self, full, NULL, progress, progress_data, cancellable, error);
}

gint64
dossier_store_update_stories_touched (DossierStore          *self,
                                      gboolean               full,
                                      GArray                *touched,
                                      DossierStoreProgress   progress,
                                      gpointer               progress_data,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  gint64 n;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (!full)
    {
      int waiting = has_unsketched (self, error);

      if (waiting == 0)
        report (progress, progress_data, 1);
      if (waiting <= 0)
        return waiting;
    }
  /* Every id this work writes is read from the articles in the same
   * write transaction, and it deletes no article nor story with members:
   * SQLite's foreign keys would check each row against its article and
   * prove nothing.  Those checks were two look-ups in the articles per
   * link, written or deleted: at 100,000 articles, DELETE FROM similar
   * took 22.7 s with them and 0.5 s without (sqlite3, 1.5 million links).
   * The setting holds only outside a transaction. */
  if (!_dossier_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return -1;
  n = update_stories (self, full, touched, progress, progress_data, cancellable, error);
  if (!_dossier_store_exec (self, "PRAGMA foreign_keys = ON", n < 0 ? NULL : error))
    n = -1;
  return n;
}

static int
compare_similar (gconstpointer a,
                 gconstpointer b)
{
  const DossierStoredSimilar *x = *(DossierStoredSimilar * const *) a;
  const DossierStoredSimilar *y = *(DossierStoredSimilar * const *) b;
  gint64 ix = dossier_article_get_id (x->article), iy = dossier_article_get_id (y->article);

  if (x->relation != y->relation)
    return x->relation > y->relation ? -1 : 1;
  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  return ix < iy ? -1 : ix > iy;
}

GPtrArray *
dossier_store_list_similar (DossierStore  *self,
                            gint64         id,
                            guint          limit,
                            GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stored_similar_free);
  sqlite3_stmt *stmt = NULL;
  gint64 own_story;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  own_story = dossier_store_story_of (self, id, error);
  if (own_story < 0)
    return NULL;
  if (sqlite3_prepare_v2 (self->db,
                          "WITH links(other, similarity, relation) AS ("
                          "  SELECT other_id, similarity, relation FROM similar WHERE article_id = ?1"
                          "  UNION ALL SELECT article_id, similarity, relation FROM similar WHERE other_id = ?1"
                          "  UNION ALL SELECT article_id, 0, 1 FROM story_members"
                          "    WHERE story_id = ?2 AND article_id != ?1)"
                          /* what a list shows, from the index of the list:
                           * the other columns lie past the body, and reading
                           * them walked every page of each body (4-12 ms of
                           * 24 articles, 0.4 ms now) */
                          " SELECT a.id, a.title, a.source, a.published, max(l.similarity), max(l.relation),"
                          " coalesce(m.story_id, 0)"
                          " FROM links l JOIN articles a INDEXED BY articles_list ON a.id = l.other"
                          " LEFT JOIN story_members m ON m.article_id = a.id"
                          " GROUP BY l.other", -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, own_story);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierStoredSimilar *s = g_new0 (DossierStoredSimilar, 1);
      const char *published = _dossier_store_column_text (stmt, 3);
      DossierDate date = DOSSIER_DATE_INIT;
      int col = 4;

      s->article = dossier_article_new ();
      dossier_article_set_id (s->article, sqlite3_column_int64 (stmt, 0));
      dossier_article_set_title (s->article, _dossier_store_column_text (stmt, 1));
      dossier_article_set_source (s->article, _dossier_store_column_text (stmt, 2));
      if (published != NULL && dossier_date_from_iso (published, &date))
        dossier_article_set_published (s->article, &date);
      s->similarity = CLAMP (sqlite3_column_double (stmt, col), 0, 1);
      s->relation = CLAMP (sqlite3_column_int (stmt, col + 1), DOSSIER_RELATION_RELATED,
                           DOSSIER_RELATION_NEAR_DUPLICATE);
      s->story_id = sqlite3_column_int64 (stmt, col + 2);
      /* the user's grouping wins: apart, they are not one story */
      if (s->relation == DOSSIER_RELATION_SAME_STORY && own_story != 0 && s->story_id != 0 &&
          s->story_id != own_story)
        s->relation = DOSSIER_RELATION_RELATED;
      g_ptr_array_add (list, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  if (list->len == 0 && own_story == 0)
    {
      g_autoptr(DossierArticle) article = dossier_store_get_article (self, id, FALSE, error);

      if (article == NULL)
        return NULL;
    }
  g_ptr_array_sort (list, compare_similar);
  if (limit > 0 && list->len > limit)
    g_ptr_array_set_size (list, limit);
  return g_steal_pointer (&list);
}

GPtrArray *
dossier_store_dated_neighbours (DossierStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(GPtrArray) all = dossier_store_list_similar (self, id, 0, error);
  GPtrArray *dated;

  if (all == NULL)
    return NULL;
  dated = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stored_similar_free);
  for (guint i = 0; i < all->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (all, i);

      if (s->relation >= DOSSIER_RELATION_SAME_STORY &&
          dossier_article_get_published (s->article)->precision == DOSSIER_DATE_PRECISION_DAY)
        g_ptr_array_add (dated, g_steal_pointer (&all->pdata[i]));
    }
  return dated;
}
