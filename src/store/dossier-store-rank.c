/* dossier-store-rank.c — ranking by relevance without FTS5's slow parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Relevance is FTS5's own bm25 with the library's column weights (the
 * index's 'rank' setting, DOSSIER_RANK_WEIGHTS).  Asked through "ORDER BY
 * rank", FTS5 spends most of its time on two things that have nothing to
 * do with the score: it looks up each match's length in the index's
 * docsize table with a statement of its own (about half a microsecond a
 * row), and it sorts every match in a nested query before the first row
 * comes out.  For a word in all of 100,000 articles, that was 130 of the
 * 180 ms a search took.
 *
 * dossier_rank() gives the same score as bm25() (to the last bit here):
 * the same inverse document frequencies (each phrase's matches counted
 * once per query), the same weighted counts of the row's phrase
 * instances, the same formula.  Only the row's length is read another
 * way when a query has many matches: from a table of every row's length
 * in memory, read from the docsize table in one scan and kept while the
 * library is unchanged (_dossier_store_change_stamp()).
 *
 * dossier_rank_into(articles_fts, collector, weight...) hands each row's
 * score to a DossierRankCollector instead, which keeps the best rows in a
 * heap rather than sorting every match.  When the query is one phrase and
 * the caller reads every match (no other condition), the phrase's number
 * of matches is the number of rows, so the collector holds each row's
 * counts and length and scores them at the end: no second pass over the
 * phrase's matches to count them first (for a phrase, a third of the
 * time).  Such a query (a word, a prefix, a quoted phrase), filtered or
 * not, can also be walked whole at the statement's first match
 * (_dossier_rank_collector_walk()): FTS5's own pass over the phrase's
 * matches (xQueryPhrase) hands each to a callback with no SQL step
 * between rows, reading the instances in place, counts every match and
 * holds the rows a filter allows (a sorted set of ids): one pass where a
 * filtered query took two.  A query of several phrases (words ANDed, or
 * ORed within a group) is walked the same way, phrase by phrase, and the
 * rows merged by rowid: the passes that bm25 makes anyway to count each
 * phrase's matches are then the only ones, where the statement's own pass
 * over the query's matches came on top (FTS5 merging, row by row, the
 * several tokens a word stands for, once more).  The words left out
 * (-word) are a sorted set of ids too, counted but never ranked.
 *
 * The collector may be given a first tier (_dossier_rank_collector_prefer():
 * the rows that hold the words as typed): its rows come before all
 * others, whatever their scores; the scores stay bm25's.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

/* FTS5's bm25 constants */
#define BM25_K1 1.2
#define BM25_B  0.75

/* With fewer matches than this, a row's length is looked up as FTS5 does */
#define LENGTHS_MIN_MATCHES 2000
/* A walk with no table of lengths at hand asks FTS5 for the lengths of
 * this many rows before it reads the table.  FTS5 looks each row up with
 * a statement step of its own, far dearer a row than the table's read:
 * asking for 2,000 made `dossier-cli search 'source:"Wire Press" summit'`
 * take 88-90 ms of processor time against 77-78 ms reading the table at
 * once (load 9) */
#define LENGTHS_WALK_ASKED 200
/* No length is known for this row in the table of lengths */
#define NO_LENGTH G_MAXUINT32

typedef struct
{
  int           n_phrases;
  int           n_weights;
  double       *weights;   /* by column */
  double       *idf;       /* by phrase */
  double       *freq;      /* by phrase, for the current row */
  double        avgdl;
  gint64        n_rows;
  gboolean      counting;  /* one phrase, matches counted by the collector */

  const guint32 *lengths;  /* by rowid, or NULL: ask FTS5 */
  gsize          n_lengths;

  /* a walk with no table of lengths read yet: FTS5 is asked for the
   * first rows' lengths, and the table read only when the walk finds
   * more than LENGTHS_WALK_ASKED rows (see walk_row_cb()) */
  DossierStore  *lengths_store;
  int            lengths_columns;
  gint64         asked;    /* rows whose length FTS5 was asked for */
} RankData;

static gboolean doc_lengths_ready (DossierStore *self,
                                   int           n_columns);

static void
rank_data_free (gpointer data)
{
  RankData *d = data;

  g_free (d->weights);
  g_free (d->idf);
  g_free (d->freq);
  g_free (d);
}

static int
count_row_cb (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              void                   *user_data)
{
  gint64 *n = user_data;

  (*n)++;
  return SQLITE_OK;
}

/* as FTS5: a word in over half the rows still counts a little */
static double
idf_of (gint64 n_rows,
        gint64 n_hits)
{
  double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

  return idf <= 0.0 ? 1e-6 : idf;
}

static double
phrase_score (double idf,
              double freq,
              double length,
              double avgdl)
{
  return idf * ((freq * (BM25_K1 + 1.0)) / (freq + BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl)));
}

/* The per-query part of the score: inverse document frequencies, the
 * average length, the weights; and the table of lengths when worth it. */
static int
rank_data_new (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               DossierStore            *store,
               gboolean                 may_count,
               gboolean                 walking,
               int                      n_values,
               sqlite3_value          **values,
               RankData               **out)
{
  RankData *d = g_new0 (RankData, 1);
  sqlite3_int64 n_rows = 0, n_tokens = 0;
  gint64 most = 0;
  int rc;

  d->n_phrases = api->xPhraseCount (fts);
  d->idf = g_new0 (double, MAX (d->n_phrases, 1));
  d->freq = g_new0 (double, MAX (d->n_phrases, 1));
  d->n_weights = n_values;
  d->weights = g_new0 (double, MAX (n_values, 1));
  for (int i = 0; i < n_values; i++)
    d->weights[i] = sqlite3_value_double (values[i]);

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc == SQLITE_OK)
    d->avgdl = (double) n_tokens / (double) n_rows;
  d->n_rows = n_rows;

  /* a walk counts every phrase's matches itself */
  d->counting = (may_count && d->n_phrases == 1) || walking;
  if (d->counting)
    most = LENGTHS_MIN_MATCHES; /* not known yet: reckon on many */
  for (int i = 0; rc == SQLITE_OK && !d->counting && i < d->n_phrases; i++)
    {
      gint64 n_hits = 0;

      rc = api->xQueryPhrase (fts, i, &n_hits, count_row_cb);
      if (rc != SQLITE_OK)
        break;
      /* as FTS5: a word in over half the rows still counts a little */
      d->idf[i] = idf_of (n_rows, n_hits);
      most = MAX (most, n_hits);
    }

  /* A walk does not know yet how many rows it will find: unless the
   * table is at hand (read by an earlier search of this process and the
   * library unchanged), it is read once the walk has found many.  A word
   * in a few articles, as in a `dossier-cli search` of its own, then
   * costs a length look-up for each of them, not a read of every row's
   * length (100,000 rows: 21 ms of processor time in the sqlite3 shell,
   * load 10) */
  if (rc == SQLITE_OK && walking && !doc_lengths_ready (store, api->xColumnCount (fts)))
    {
      d->lengths_store = store;
      d->lengths_columns = api->xColumnCount (fts);
    }
  else if (rc == SQLITE_OK && most >= LENGTHS_MIN_MATCHES)
    d->lengths = _dossier_store_doc_lengths (store, api->xColumnCount (fts), &d->n_lengths);

  if (rc != SQLITE_OK)
    {
      rank_data_free (d);
      return rc;
    }
  *out = d;
  return SQLITE_OK;
}

/* The docsize record: a varint (SQLite's encoding) per column, which
 * FTS5's own length lookup adds up; anything after them, should a later
 * FTS5 store more there, is not a length */
static gboolean
sum_varints (const guchar *p,
             int           n,
             int           n_columns,
             int          *total)
{
  const guchar *end = p + n;
  guint64 sum = 0;

  for (int column = 0; column < n_columns; column++)
    {
      guint64 v = 0;
      gboolean last = FALSE;

      /* up to eight bytes of seven bits (the high bit: more follows),
       * then a ninth of eight */
      for (int i = 0; !last; i++)
        {
          guchar c;

          if (p == end)
            return FALSE; /* cut short */
          c = *p++;
          if (i == 8)
            {
              v = (v << 8) | c;
              last = TRUE;
            }
          else
            {
              v = (v << 7) | (c & 0x7f);
              last = !(c & 0x80);
            }
        }
      sum += v;
    }
  if (sum > G_MAXINT)
    return FALSE;
  *total = (int) sum;
  return TRUE;
}

/* Every row's length in tokens, by rowid (NO_LENGTH for none), or NULL
 * when the rowids are too sparse for a table or it cannot be read */
static guint32 *
read_doc_lengths (DossierStore *self,
                  int           n_columns,
                  gsize        *n)
{
  g_autofree guint32 *lengths = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id = 0, count = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT max(id), count(*) FROM main.articles_fts_docsize",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      max_id = sqlite3_column_int64 (stmt, 0);
      count = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (max_id < 0 || max_id > 8 * count + (1 << 20))
    return NULL;

  lengths = g_new (guint32, max_id + 1);
  memset (lengths, 0xff, (max_id + 1) * sizeof (guint32));
  if (sqlite3_prepare_v2 (self->db, "SELECT id, sz FROM main.articles_fts_docsize",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int tokens;

      if (id >= 0 && id <= max_id &&
          sum_varints (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1), n_columns, &tokens))
        lengths[id] = tokens;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  *n = max_id + 1;
  return g_steal_pointer (&lengths);
}

static void
on_update_cb (void          *data,
              int            op,
              const char    *db_name,
              const char    *table,
              sqlite3_int64  rowid)
{
  DossierStore *self = data;

  /* the temporary tables (snippets of a page) are no change */
  if (strcmp (db_name, "main") == 0)
    self->main_changes++;
}

void
_dossier_store_change_stamp (DossierStore *self,
                             gint64        stamp[2])
{
  sqlite3_stmt *stmt;

  stamp[0] = self->main_changes;
  stamp[1] = -1;
  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    stamp[1] = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
}

/* Is the table of lengths read, and the library unchanged since? */
static gboolean
doc_lengths_ready (DossierStore *self,
                   int           n_columns)
{
  gint64 stamp[2];

  if (self->lengths == NULL || n_columns != self->lengths_columns)
    return FALSE;
  _dossier_store_change_stamp (self, stamp);
  return stamp[1] >= 0 && stamp[0] == self->lengths_stamp[0] && stamp[1] == self->lengths_stamp[1];
}

const guint32 *
_dossier_store_doc_lengths (DossierStore *self,
                            int           n_columns,
                            gsize        *n)
{
  gint64 stamp[2];

  if (!doc_lengths_ready (self, n_columns))
    {
      _dossier_store_change_stamp (self, stamp);
      if (stamp[1] < 0)
        return NULL;
      g_clear_pointer (&self->lengths, g_free);
      self->lengths_columns = n_columns;
      self->lengths = read_doc_lengths (self, n_columns, &self->n_lengths);
      self->lengths_stamp[0] = stamp[0];
      self->lengths_stamp[1] = stamp[1];
    }
  *n = self->n_lengths;
  return self->lengths;
}

/* The per-query data of the call (made at the first row), the row's
 * weighted phrase counts in d->freq and its length in tokens */
static int
row_parts (const Fts5ExtensionApi  *api,
           Fts5Context             *fts,
           sqlite3_context         *ctx,
           gboolean                 may_count,
           int                      n_values,
           sqlite3_value          **values,
           RankData               **out,
           double                  *length)
{
  RankData *d = api->xGetAuxdata (fts, 0);
  int n_inst = 0, tokens = 0;
  int rc = SQLITE_OK;

  if (d == NULL)
    {
      rc = rank_data_new (api, fts, api->xUserData (fts), may_count, FALSE, n_values, values, &d);
      if (rc == SQLITE_OK)
        rc = api->xSetAuxdata (fts, d, rank_data_free);
      if (rc != SQLITE_OK)
        return rc;
    }

  for (int i = 0; i < d->n_phrases; i++)
    d->freq[i] = 0.0;
  rc = api->xInstCount (fts, &n_inst);
  for (int i = 0; rc == SQLITE_OK && i < n_inst; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK)
        d->freq[phrase] += column < d->n_weights ? d->weights[column] : 1.0;
    }
  if (rc == SQLITE_OK)
    {
      gint64 id = api->xRowid (fts);

      if (d->lengths != NULL && id >= 0 && (gsize) id < d->n_lengths && d->lengths[id] != NO_LENGTH)
        tokens = d->lengths[id];
      else
        rc = api->xColumnSize (fts, -1, &tokens);
    }
  *out = d;
  *length = (double) tokens;
  return rc;
}

static double
row_score (RankData *d,
           double    length)
{
  double score = 0.0;

  for (int i = 0; i < d->n_phrases; i++)
    score += phrase_score (d->idf[i], d->freq[i], length, d->avgdl);
  return -1.0 * score;
}

/* dossier_rank(articles_fts, weight...): bm25(articles_fts, weight...) */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *ctx,
               int                      n_values,
               sqlite3_value          **values)
{
  RankData *d;
  double length;
  int rc;

  rc = row_parts (api, fts, ctx, FALSE, n_values, values, &d, &length);
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (ctx, rc);
  else
    sqlite3_result_double (ctx, row_score (d, length));
}

typedef struct
{
  gint64 id;
  double freq;
  double length;
} HeldRow;

struct _DossierRankCollector
{
  guint     limit;
  gboolean  all_matches;
  GArray   *rows;     /* DossierRanked: a heap (root: the worst kept)
                       * with a limit, else every row */
  GArray   *held;     /* HeldRow: one phrase, matches still being counted */
  GArray   *all;      /* DossierRanked: every row ranked, when kept */
  gint64    n_hits;   /* the one phrase's matches, when held */
  gint64    n_rows;
  double    avgdl;

  /* a walk of the one phrase (_dossier_rank_collector_walk()) */
  gboolean      walk;
  gboolean      walked;
  gboolean      restricted; /* the rows must be among allowed */
  const gint64 *allowed;    /* sorted */
  guint         n_allowed;
  RankData     *data;       /* during the walk */

  /* the rows that hold the words as typed, sorted: the first tier */
  gboolean      tiered;
  const gint64 *exact;
  guint         n_exact;

  /* rows counted as matches but never ranked (the words left out), sorted */
  const gint64 *excluded;
  guint         n_excluded;

  /* a walk of several phrases: the group of each (a row matches when
   * every group has a phrase in it), and the phrase being walked */
  const int    *group_of;
  int           n_group_phrases;
  int           n_groups;
  GArray       *target;     /* HeldRow: where the walk holds its rows */
  gint64       *target_hits;

  /* where held came from (take_rows()), or NULL */
  DossierStore *store;
};

static void collector_add (DossierRankCollector *c,
                           gint64                id,
                           double                rank);

/* Is @id among @ids (sorted)? */
static gboolean
holds_id (const gint64 *ids,
          guint         n_ids,
          gint64        id)
{
  guint lo = 0, hi = n_ids;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] == id)
        return TRUE;
      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static gboolean
is_allowed (const DossierRankCollector *c,
            gint64                      id)
{
  return holds_id (c->allowed, c->n_allowed, id);
}

/* One match of the phrase walked: every one counts towards the phrase's
 * number of matches; the allowed ones are held with their counts and
 * lengths, to be scored at the end */
static int
walk_row_cb (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             void                   *user_data)
{
  DossierRankCollector *c = user_data;
  RankData *d = c->data;
  HeldRow row = { api->xRowid (fts), 0.0, 0.0 };
  Fts5PhraseIter iter;
  int column = -1, offset = 0, tokens = 0;
  int rc;

  (*c->target_hits)++;
  if (c->restricted && !is_allowed (c, row.id))
    return SQLITE_OK;
  if (c->n_excluded > 0 && holds_id (c->excluded, c->n_excluded, row.id))
    return SQLITE_OK;
  /* the phrase's instances read in place (xInstCount would copy them
   * into an array of its own first) */
  rc = api->xPhraseFirst (fts, 0, &iter, &column, &offset);
  if (rc != SQLITE_OK)
    return rc;
  for (; column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
    row.freq += column < d->n_weights ? d->weights[column] : 1.0;
  /* many rows: from here on, their lengths from the table */
  if (d->lengths_store != NULL && ++d->asked > LENGTHS_WALK_ASKED)
    {
      d->lengths = _dossier_store_doc_lengths (d->lengths_store, d->lengths_columns, &d->n_lengths);
      d->lengths_store = NULL;
    }
  if (d->lengths != NULL && row.id >= 0 && (gsize) row.id < d->n_lengths && d->lengths[row.id] != NO_LENGTH)
    tokens = d->lengths[row.id];
  else if ((rc = api->xColumnSize (fts, -1, &tokens)) != SQLITE_OK)
    return rc;
  row.length = tokens;
  g_array_append_val (c->target, row);
  return SQLITE_OK;
}

static int
compare_held_id (gconstpointer a,
                 gconstpointer b)
{
  const HeldRow *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Room in @rows for as many rows as the index has, at most: FTS5 hands
 * a common word's matches out one by one, and an array grown as they
 * come was copied over and over (with a fault for every new page of
 * memory): a fifth of the processor time of a search for a word in
 * most articles.  Memory not written to costs nothing. */
static void
reserve_rows (GArray *rows,
              gint64  n_rows)
{
  guint len = rows->len;

  if (n_rows > len && n_rows <= G_MAXUINT / 2)
    {
      g_array_set_size (rows, (guint) n_rows);
      g_array_set_size (rows, len);
    }
}

/* The arrays a walk holds its rows in are kept by the store for the
 * next walk, up to SPARE_ROWS of them: a new array's memory faults in
 * page by page as the walk writes to it ('kerry pipeline' on 100,000
 * articles, in-process: 38 ms of processor time a search with new
 * arrays, 23-24 ms with kept ones).  Each has room for as many rows as
 * the index has (24 bytes a row). */
#define SPARE_ROWS 3

static GArray *
take_rows (DossierStore *store)
{
  if (store != NULL && store->spare_rows != NULL && store->spare_rows->len > 0)
    {
      GArray *rows = g_ptr_array_steal_index_fast (store->spare_rows, store->spare_rows->len - 1);

      g_array_set_size (rows, 0);
      return rows;
    }
  return g_array_new (FALSE, FALSE, sizeof (HeldRow));
}

static void
give_rows (DossierStore *store,
           GArray       *rows)
{
  if (store == NULL || (store->spare_rows != NULL && store->spare_rows->len >= SPARE_ROWS))
    {
      g_array_unref (rows);
      return;
    }
  if (store->spare_rows == NULL)
    store->spare_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_ptr_array_add (store->spare_rows, rows);
}

/* The most phrases a query may have to be walked phrase by phrase */
#define MAX_WALKED_PHRASES 64

/* A query of several phrases: each phrase's matches walked in turn (as
 * bm25 counts them for its inverse document frequency anyway), then the
 * rows of every phrase merged by rowid; a row that has a phrase of each
 * group is a match of the query, scored as bm25 scores it.  No pass of
 * the statement over the query's own matches. */
static int
walk_phrases (const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              DossierRankCollector    *c,
              RankData                *d)
{
  int n = d->n_phrases;
  GArray *rows[MAX_WALKED_PHRASES];
  gint64 hits[MAX_WALKED_PHRASES];
  guint at[MAX_WALKED_PHRASES];
  double idf[MAX_WALKED_PHRASES];
  int rc = SQLITE_OK;

  DossierStore *store = api->xUserData (fts);

  for (int i = 0; i < n; i++)
    {
      rows[i] = take_rows (store);
      hits[i] = 0;
      at[i] = 0;
    }
  for (int i = 0; rc == SQLITE_OK && i < n; i++)
    {
      gboolean sorted = TRUE;

      reserve_rows (rows[i], d->n_rows);
      c->target = rows[i];
      c->target_hits = &hits[i];
      rc = api->xQueryPhrase (fts, i, c, walk_row_cb);
      /* (FTS5 hands the rows out by rowid, ascending) */
      for (guint r = 1; sorted && r < rows[i]->len; r++)
        sorted = g_array_index (rows[i], HeldRow, r - 1).id < g_array_index (rows[i], HeldRow, r).id;
      if (!sorted)
        g_array_sort (rows[i], compare_held_id);
      idf[i] = idf_of (d->n_rows, hits[i]);
    }
  c->target = NULL;
  c->target_hits = NULL;

  while (rc == SQLITE_OK)
    {
      gint64 id = G_MAXINT64;
      gboolean any = FALSE;
      gboolean has_group[MAX_WALKED_PHRASES] = { FALSE };
      gboolean match = TRUE;
      double length = 0.0;
      double score = 0.0;

      for (int i = 0; i < n; i++)
        if (at[i] < rows[i]->len)
          {
            id = MIN (id, g_array_index (rows[i], HeldRow, at[i]).id);
            any = TRUE;
          }
      if (!any)
        break;
      for (int i = 0; i < n; i++)
        if (at[i] < rows[i]->len && g_array_index (rows[i], HeldRow, at[i]).id == id)
          {
            has_group[c->group_of[i]] = TRUE;
            length = g_array_index (rows[i], HeldRow, at[i]).length;
          }
      for (int g = 0; g < c->n_groups; g++)
        match = match && has_group[g];
      /* in the order of the phrases, as bm25 adds them up (a phrase the
       * row lacks adds nothing) */
      for (int i = 0; i < n; i++)
        if (at[i] < rows[i]->len && g_array_index (rows[i], HeldRow, at[i]).id == id)
          {
            if (match)
              score += phrase_score (idf[i], g_array_index (rows[i], HeldRow, at[i]).freq, length, d->avgdl);
            at[i]++;
          }
      if (match)
        collector_add (c, id, -1.0 * score);
    }
  for (int i = 0; i < n; i++)
    give_rows (store, rows[i]);
  return rc;
}

/* At the query's first match: a query of one phrase has its matches
 * walked here, in one pass of FTS5's own (xQueryPhrase) with no SQL
 * between the rows, and the collector is complete; so has a query of
 * several phrases in groups (_dossier_rank_collector_groups()), a pass
 * for each phrase (walk_phrases()); any other query is left to the
 * statement's pass over its matches */
static int
walk_phrase (const Fts5ExtensionApi  *api,
             Fts5Context             *fts,
             DossierRankCollector    *c,
             int                      n_values,
             sqlite3_value          **values)
{
  RankData *d = NULL;
  int n_phrases;
  int rc;

  if (c->walked)
    return SQLITE_OK;
  n_phrases = api->xPhraseCount (fts);
  if (n_phrases != 1 &&
      (c->group_of == NULL || n_phrases != c->n_group_phrases || n_phrases > MAX_WALKED_PHRASES))
    {
      c->walk = FALSE;  /* the statement ranks */
      return SQLITE_OK;
    }
  c->walked = TRUE;
  rc = rank_data_new (api, fts, api->xUserData (fts), TRUE, TRUE, n_values, values, &d);
  if (rc != SQLITE_OK)
    return rc;
  c->data = d;
  c->n_rows = d->n_rows;
  c->avgdl = d->avgdl;
  if (n_phrases == 1)
    {
      /* (the collector hands its array back to the store when done) */
      if (c->store == NULL && c->held->len == 0)
        {
          c->store = api->xUserData (fts);
          g_array_unref (c->held);
          c->held = take_rows (c->store);
        }
      reserve_rows (c->held, d->n_rows);
      c->target = c->held;
      c->target_hits = &c->n_hits;
      rc = api->xQueryPhrase (fts, 0, c, walk_row_cb);
      c->target = NULL;
      c->target_hits = NULL;
    }
  else
    rc = walk_phrases (api, fts, c, d);
  c->data = NULL;
  rank_data_free (d);
  if (rc != SQLITE_OK)
    {
      g_array_set_size (c->held, 0);
      g_array_set_size (c->rows, 0);
      c->n_hits = 0;
      return rc;
    }
  c->walk = FALSE;  /* complete */
  return SQLITE_OK;
}

/* dossier_rank_into(articles_fts, collector, weight...): NULL; the row's
 * score goes to the collector */
static void
rank_into_function (const Fts5ExtensionApi  *api,
                    Fts5Context             *fts,
                    sqlite3_context         *ctx,
                    int                      n_values,
                    sqlite3_value          **values)
{
  DossierRankCollector *c;
  RankData *d;
  double length;
  int rc;

  if (n_values < 1 || !(c = sqlite3_value_pointer (values[0], "dossier-rank-collector")))
    {
      sqlite3_result_error (ctx, "dossier_rank_into: no collector", -1);
      return;
    }
  if (c->walk)
    {
      rc = walk_phrase (api, fts, c, n_values - 1, values + 1);
      if (rc != SQLITE_OK)
        sqlite3_result_error_code (ctx, rc);
      else
        sqlite3_result_null (ctx);
      return;
    }
  rc = row_parts (api, fts, ctx, c->all_matches, n_values - 1, values + 1, &d, &length);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }
  if (d->counting)
    {
      HeldRow row = { api->xRowid (fts), d->freq[0], length };

      g_array_append_val (c->held, row);
      c->n_hits++;
      c->n_rows = d->n_rows;
      c->avgdl = d->avgdl;
    }
  else
    collector_add (c, api->xRowid (fts), row_score (d, length));
  sqlite3_result_null (ctx);
}

struct _DossierIdWalk
{
  const int *group_of;     /* NULL: a row matches with any phrase */
  int        n_phrases;
  int        n_groups;
  gboolean   walked;
  gboolean   declined;     /* not of the shape: the caller selects */
  GArray    *ids;          /* gint64, sorted */
  GArray    *target;       /* gint64: the phrase being walked */
};

static int
walk_id_cb (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            void                   *user_data)
{
  DossierIdWalk *w = user_data;
  gint64 id = api->xRowid (fts);

  g_array_append_val (w->target, id);
  return SQLITE_OK;
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

/* Every phrase's rows walked in turn (FTS5's own passes, no SQL between
 * rows), then merged: a row with a phrase of every group matches */
static int
walk_ids (const Fts5ExtensionApi *api,
          Fts5Context            *fts,
          DossierIdWalk          *w)
{
  int n = api->xPhraseCount (fts);
  GArray *rows[MAX_WALKED_PHRASES];
  guint at[MAX_WALKED_PHRASES];
  int rc = SQLITE_OK;

  if (n < 1 || n > MAX_WALKED_PHRASES || (w->group_of != NULL && n != w->n_phrases))
    {
      w->declined = TRUE;
      return SQLITE_OK;
    }
  w->walked = TRUE;
  for (int i = 0; i < n; i++)
    {
      rows[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      at[i] = 0;
    }
  for (int i = 0; rc == SQLITE_OK && i < n; i++)
    {
      gboolean sorted = TRUE;

      w->target = rows[i];
      rc = api->xQueryPhrase (fts, i, w, walk_id_cb);
      for (guint r = 1; sorted && r < rows[i]->len; r++)
        sorted = g_array_index (rows[i], gint64, r - 1) < g_array_index (rows[i], gint64, r);
      if (!sorted)
        g_array_sort (rows[i], compare_id);
    }
  w->target = NULL;
  while (rc == SQLITE_OK)
    {
      gint64 id = G_MAXINT64;
      gboolean has_group[MAX_WALKED_PHRASES] = { FALSE };
      gboolean any = FALSE;
      gboolean match = TRUE;

      for (int i = 0; i < n; i++)
        if (at[i] < rows[i]->len)
          {
            id = MIN (id, g_array_index (rows[i], gint64, at[i]));
            any = TRUE;
          }
      if (!any)
        break;
      for (int i = 0; i < n; i++)
        if (at[i] < rows[i]->len && g_array_index (rows[i], gint64, at[i]) == id)
          {
            has_group[w->group_of != NULL ? w->group_of[i] : 0] = TRUE;
            at[i]++;
          }
      for (int g = 0; g < (w->group_of != NULL ? w->n_groups : 1); g++)
        match = match && has_group[g];
      if (match)
        g_array_append_val (w->ids, id);
    }
  for (int i = 0; i < n; i++)
    g_array_unref (rows[i]);
  if (rc != SQLITE_OK)
    g_array_set_size (w->ids, 0);
  return rc;
}

/* dossier_walk_ids(articles_fts, walk): NULL; at the first row, every
 * match of the query goes to the walk */
static void
walk_ids_function (const Fts5ExtensionApi  *api,
                   Fts5Context             *fts,
                   sqlite3_context         *ctx,
                   int                      n_values,
                   sqlite3_value          **values)
{
  DossierIdWalk *w;
  int rc = SQLITE_OK;

  if (n_values < 1 || !(w = sqlite3_value_pointer (values[0], "dossier-id-walk")))
    {
      sqlite3_result_error (ctx, "dossier_walk_ids: no walk", -1);
      return;
    }
  if (!w->walked && !w->declined)
    rc = walk_ids (api, fts, w);
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (ctx, rc);
  else
    sqlite3_result_null (ctx);
}

DossierIdWalk *
_dossier_id_walk_new (const int *group_of,
                      int        n_phrases)
{
  DossierIdWalk *w = g_new0 (DossierIdWalk, 1);

  w->group_of = group_of;
  w->n_phrases = n_phrases;
  for (int i = 0; group_of != NULL && i < n_phrases; i++)
    w->n_groups = MAX (w->n_groups, group_of[i] + 1);
  w->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return w;
}

void
_dossier_id_walk_bind (DossierIdWalk *w,
                       sqlite3_stmt  *stmt,
                       int            col)
{
  sqlite3_bind_pointer (stmt, col, w, "dossier-id-walk", NULL);
}

gboolean
_dossier_id_walk_declined (DossierIdWalk *w)
{
  return w->declined;
}

GArray *
_dossier_id_walk_finish (DossierIdWalk *w)
{
  GArray *ids = w->ids;

  g_free (w);
  return ids;
}

gboolean
_dossier_store_add_rank_function (DossierStore  *self,
                                  GError       **error)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt;

  /* every row this connection changes in the library (the FTS5 index's
   * docsize table too) moves the change stamp on */
  sqlite3_update_hook (self->db, on_update_cb, self);

  /* the documented way to reach FTS5's C API from a connection */
  if (sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not open the library"));
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "dossier_rank", self, rank_function, NULL) != SQLITE_OK ||
      api->xCreateFunction (api, "dossier_rank_into", self, rank_into_function, NULL) != SQLITE_OK ||
      api->xCreateFunction (api, "dossier_walk_ids", self, walk_ids_function, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not open the library"));
  return TRUE;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const DossierRanked *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Is @a worse than @b (later in the list)? */
static inline gboolean
worse (const DossierRanked *a,
       const DossierRanked *b)
{
  return compare_ranked (a, b) > 0;
}

static void
sift_down (DossierRanked *heap,
           guint          n,
           guint          i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, top = i;
      DossierRanked tmp;

      if (l < n && worse (&heap[l], &heap[top]))
        top = l;
      if (r < n && worse (&heap[r], &heap[top]))
        top = r;
      if (top == i)
        return;
      tmp = heap[i];
      heap[i] = heap[top];
      heap[top] = tmp;
      i = top;
    }
}

static void
sift_up (DossierRanked *heap,
         guint          i)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      DossierRanked tmp;

      if (!worse (&heap[i], &heap[parent]))
        return;
      tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
}

DossierRankCollector *
_dossier_rank_collector_new (guint    limit,
                             gboolean all_matches)
{
  DossierRankCollector *c = g_new0 (DossierRankCollector, 1);

  c->limit = limit;
  c->all_matches = all_matches;
  c->rows = g_array_new (FALSE, FALSE, sizeof (DossierRanked));
  c->held = g_array_new (FALSE, FALSE, sizeof (HeldRow));
  return c;
}

void
_dossier_rank_collector_walk (DossierRankCollector *c,
                              gboolean              restricted,
                              const gint64         *allowed,
                              guint                 n_allowed)
{
  c->walk = TRUE;
  c->walked = FALSE;
  c->restricted = restricted;
  c->allowed = allowed;
  c->n_allowed = n_allowed;
}

void
_dossier_rank_collector_exclude (DossierRankCollector *c,
                                 const gint64         *excluded,
                                 guint                 n_excluded)
{
  c->excluded = excluded;
  c->n_excluded = n_excluded;
}

void
_dossier_rank_collector_groups (DossierRankCollector *c,
                                const int            *group_of,
                                int                   n_phrases)
{
  c->group_of = group_of;
  c->n_group_phrases = n_phrases;
  c->n_groups = 0;
  for (int i = 0; i < n_phrases; i++)
    c->n_groups = MAX (c->n_groups, group_of[i] + 1);
}

void
_dossier_rank_collector_prefer (DossierRankCollector *c,
                                const gint64         *exact,
                                guint                 n_exact)
{
  c->tiered = TRUE;
  c->exact = exact;
  c->n_exact = n_exact;
}

gboolean
_dossier_rank_collector_walked (DossierRankCollector *c)
{
  if (c->walked && !c->walk)
    return TRUE;
  /* no match, or more than one phrase: the next statement ranks */
  c->walk = FALSE;
  return FALSE;
}

void
_dossier_rank_collector_bind (DossierRankCollector *c,
                              sqlite3_stmt         *stmt,
                              int                   col)
{
  sqlite3_bind_pointer (stmt, col, c, "dossier-rank-collector", NULL);
}

static void
collector_add (DossierRankCollector *c,
               gint64                id,
               double                rank)
{
  DossierRanked row = { id, rank, 0 };
  DossierRanked *heap;

  if (c->all != NULL)
    g_array_append_val (c->all, row);
  /* a row that holds the words only in other forms comes after all
   * that hold them as typed */
  if (c->tiered && !holds_id (c->exact, c->n_exact, id))
    row.tier = 1;

  if (c->limit == 0 || c->rows->len < c->limit)
    {
      g_array_append_val (c->rows, row);
      if (c->limit > 0)
        sift_up ((DossierRanked *) (gpointer) c->rows->data, c->rows->len - 1);
      return;
    }
  heap = (DossierRanked *) (gpointer) c->rows->data;
  if (!worse (&heap[0], &row))
    return;
  heap[0] = row;
  sift_down (heap, c->rows->len, 0);
}

void
_dossier_rank_collector_keep_all (DossierRankCollector *c,
                                  DossierStore         *store)
{
  if (c->all != NULL)
    return;
  /* the array the last ranking kept its rows in, as take_rows() */
  if (store->spare_ranked != NULL)
    {
      c->all = g_steal_pointer (&store->spare_ranked);
      g_array_set_size (c->all, 0);
    }
  else
    c->all = g_array_new (FALSE, FALSE, sizeof (DossierRanked));
}

void
_dossier_rank_give_all (DossierStore *store,
                        GArray       *all)
{
  g_clear_pointer (&store->spare_ranked, g_array_unref);
  store->spare_ranked = all;
}

/* one phrase: its rows held, its matches counted, scored now */
static void
score_held (DossierRankCollector *c)
{
  if (c->held->len > 0)
    {
      double idf = idf_of (c->n_rows, c->n_hits);

      if (c->all != NULL)
        reserve_rows (c->all, (gint64) c->all->len + c->held->len);
      for (guint i = 0; i < c->held->len; i++)
        {
          HeldRow *row = &g_array_index (c->held, HeldRow, i);

          collector_add (c, row->id, -1.0 * phrase_score (idf, row->freq, row->length, c->avgdl));
        }
      g_array_set_size (c->held, 0);
    }
}

GArray *
_dossier_rank_collector_take_all (DossierRankCollector *c)
{
  GArray *all;

  score_held (c);
  all = c->all;
  c->all = NULL;
  return all;
}

void
_dossier_rank_collector_add_rows (DossierRankCollector *c,
                                  GArray               *rows)
{
  for (guint i = 0; i < rows->len; i++)
    collector_add (c, g_array_index (rows, DossierRanked, i).id, g_array_index (rows, DossierRanked, i).rank);
}

GArray *
_dossier_rank_collector_finish (DossierRankCollector *c)
{
  GArray *rows;

  score_held (c);
  g_array_sort (c->rows, compare_ranked);
  rows = c->rows;
  give_rows (c->store, c->held);
  g_clear_pointer (&c->all, g_array_unref);
  g_free (c);
  return rows;
}

void
_dossier_rank_collector_free (DossierRankCollector *c)
{
  g_array_unref (c->rows);
  give_rows (c->store, c->held);
  g_clear_pointer (&c->all, g_array_unref);
  g_free (c);
}
