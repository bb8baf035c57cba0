/* dossier-store-search.c — the articles a query finds, in its order,
 * and their rows a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids come first (dossier_store_query_article_ids()), one of three ways:
 * every match as a set in SQL, ranked by relevance (dossier-store-rank.c),
 * or, newest first with a text query, by a walk of the date index
 * (dossier-store-newest.c).  A page of rows then comes with its snippets
 * (dossier-store-snippets.c).
 *
 * Ranked by relevance, the articles that hold the words in the form
 * typed come first, each tier in bm25's order: a query word matches
 * every form and spelling of it (the tokenizer's stems and name keys),
 * and an article that says "sanction" twenty times would otherwise bury
 * the one that says "sanctions", as asked.  The first tier is the rows
 * of the same expression with every word asked for in its exact form
 * (dossier_store_exact_expression()), one more pass over the index, of
 * one token a word.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"

/* Does @query filter by anything but words? */
static gboolean
has_filters (DossierQuery *query)
{
  DossierStoreSql b;
  gboolean any;

  _dossier_store_sql_init (&b);
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_ONLY);
  any = b.sql->len > 0;
  _dossier_store_sql_clear (&b);
  return any;
}

/* @fts: the text expression to match, when not @query's own */
static void
append_from (DossierStoreSql *b,
             DossierQuery    *query,
             const char      *fts)
{
  DossierSort sort = dossier_query_get_sort (query);

  if (fts == NULL && query != NULL)
    fts = query->fts;

  /* (query_ids_ranked() ranks a text query by relevance.)  Newest first
   * walks the date index and stops at the first page; the matches of a
   * text query are only a set to look ids up in.  The timeline's index
   * also holds the source and the number of notes, so those filters
   * never read an article's record (whose later columns sit behind its
   * body). */
  if (sort == DOSSIER_SORT_DATE_DESC)
    g_string_append (b->sql, " FROM articles a INDEXED BY articles_timeline WHERE 1");
  else
    g_string_append (b->sql, " FROM articles a WHERE 1");
  if (fts != NULL)
    {
      g_string_append (b->sql, " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      _dossier_store_sql_text (b, fts);
      g_string_append (b->sql, ")");
    }
}

static void
append_order (DossierStoreSql *b,
              DossierQuery    *query)
{
  switch (dossier_query_get_sort (query))
    {
    case DOSSIER_SORT_RELEVANCE:
      /* without words there is nothing to rank by */
      G_GNUC_FALLTHROUGH;
    case DOSSIER_SORT_DATE_DESC:
      /* undated (NULL) sorts last; the index articles_published serves it */
      g_string_append (b->sql, " ORDER BY a.published_jd DESC, a.id DESC");
      break;
    case DOSSIER_SORT_DATE_ASC:
      g_string_append (b->sql, " ORDER BY coalesce(a.published_jd, 99999999), a.id");
      break;
    case DOSSIER_SORT_TITLE:
      g_string_append (b->sql, " ORDER BY a.title COLLATE NOCASE, a.id");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Every id of @query in its order, matching @fts (NULL: @query's own) */
GArray *
_dossier_store_query_ids_by_set (DossierStore  *self,
                                 DossierQuery  *query,
                                 const char    *fts,
                                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT a.id");
  append_from (&b, query, fts);
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_EXCLUDED);
  append_order (&b, query);
  if (query != NULL && query->limit > 0)
    {
      g_string_append (b.sql, " LIMIT ");
      _dossier_store_sql_int (&b, query->limit);
    }
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static int
compare_ranked_id (gconstpointer a,
                   gconstpointer b)
{
  const DossierRanked *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Keeps the ranks of @rows (DossierRanked; taken, and sorted by id) for
 * the pages of the list that come next: a page of a ranked list reads
 * its scores from here rather than ranking every match again. */
static void
remember_ranks (DossierStore *self,
                const char   *fts,
                GArray       *rows)
{
  g_clear_pointer (&self->ranked_fts, g_free);
  g_clear_pointer (&self->ranked_by_id, g_array_unref);
  self->ranked_fts = g_strdup (fts);
  self->ranked_by_id = rows;
  g_array_sort (self->ranked_by_id, compare_ranked_id);
  _dossier_store_change_stamp (self, self->ranked_stamp);
}

/* The remembered rank of each of @ids for @fts, or NULL when one is
 * missing or the library changed since */
static double *
recall_ranks (DossierStore *self,
              const char   *fts,
              const gint64 *ids,
              guint         n_ids)
{
  g_autofree double *ranks = NULL;
  gint64 stamp[2];

  if (self->ranked_fts == NULL || g_strcmp0 (self->ranked_fts, fts) != 0)
    return NULL;
  _dossier_store_change_stamp (self, stamp);
  if (stamp[0] != self->ranked_stamp[0] || stamp[1] != self->ranked_stamp[1] || stamp[1] < 0)
    return NULL;
  ranks = g_new (double, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      DossierRanked key = { ids[i], 0, 0 };
      guint at;

      if (!g_array_binary_search (self->ranked_by_id, &key, compare_ranked_id, &at))
        return NULL;
      ranks[i] = g_array_index (self->ranked_by_id, DossierRanked, at).rank;
    }
  return g_steal_pointer (&ranks);
}

/* The ids the query's filters other than words allow, sorted, or NULL
 * with @error set */
static GArray *
filtered_ids (DossierStore  *self,
              DossierQuery  *query,
              GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT id FROM (");
  _dossier_store_sql_filtered_ids (&b, query);
  g_string_append (b.sql, ") ORDER BY 1");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The end of the string that starts at @p (a quote): its closing quote,
 * or NULL when it has none */
static const char *
string_end (const char *p)
{
  for (p++; *p != '\0'; p++)
    if (*p == '"')
      {
        if (p[1] != '"')
          return p;
        p++;
      }
  return NULL;
}

char *
dossier_store_exact_expression (const char *fts)
{
  g_autoptr(GString) out = NULL;
  gboolean changed = FALSE;
  const char *p;

  if (fts == NULL)
    return NULL;
  out = g_string_sized_new (strlen (fts) + 8);
  for (p = fts; *p != '\0';)
    {
      const char *start, *end;

      if (*p != '"')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      start = p + 1;
      if ((end = string_end (p)) == NULL)
        return NULL;    /* not closed: not an expression of the grammar's */
      /* a prefix asks for words as written already, and so does a
       * string that is the exact-form operator's */
      if (end[1] == '*' || *start == '=')
        g_string_append_len (out, p, end + 1 - p);
      else
        {
          g_string_append (out, "\"=");
          g_string_append_len (out, start, end + 1 - start);
          changed = TRUE;
        }
      p = end + 1;
    }
  if (!changed)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The group of each phrase of @fts, in their order, when @fts has
 * dossier_query_parse()'s shape (groups joined by AND, each a string or
 * strings joined by OR in parentheses), else NULL */
static int *
phrase_groups (const char *fts,
               int        *n_phrases)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean in_parens = FALSE;
  gboolean want_term = TRUE;
  int group = 0;

  for (const char *p = fts; p != NULL && *p != '\0';)
    {
      if (*p == ' ')
        p++;
      else if (want_term && *p == '(' && !in_parens)
        {
          in_parens = TRUE;
          p++;
        }
      else if (want_term && *p == '"')
        {
          const char *end = string_end (p);

          if (end == NULL)
            return NULL;
          g_array_append_val (groups, group);
          p = end + 1;
          if (*p == '*')
            p++;
          want_term = FALSE;
        }
      else if (!want_term && in_parens && *p == ')')
        {
          in_parens = FALSE;
          p++;
        }
      else if (!want_term && !in_parens && strncmp (p, "AND ", 4) == 0)
        {
          group++;
          want_term = TRUE;
          p += 4;
        }
      else if (!want_term && in_parens && strncmp (p, "OR ", 3) == 0)
        {
          want_term = TRUE;
          p += 3;
        }
      else
        return NULL;
    }
  if (want_term || in_parens || groups->len == 0)
    return NULL;
  *n_phrases = (int) groups->len;
  return (int *) (gpointer) g_array_free (g_steal_pointer (&groups), FALSE);
}

/* The rows that match @expr, sorted, or NULL with @error set: walked in
 * FTS5's own passes over each phrase (see _dossier_id_walk_new()) when
 * @any_phrase (its phrases ORed) or @expr has the grammar's shape, else
 * selected */
static GArray *
match_ids (DossierStore  *self,
           const char    *expr,
           gboolean       any_phrase,
           GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree int *group_of = NULL;
  DossierIdWalk *walk;
  sqlite3_stmt *stmt;
  int n_phrases = 0;
  int rc;

  if (!any_phrase)
    group_of = phrase_groups (expr, &n_phrases);
  if (any_phrase || group_of != NULL)
    {
      if (sqlite3_prepare_v2 (self->db, "SELECT dossier_walk_ids(articles_fts, ?1) FROM articles_fts"
                              " WHERE articles_fts MATCH ?2 LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          return NULL;
        }
      walk = _dossier_id_walk_new (group_of, n_phrases);
      _dossier_id_walk_bind (walk, stmt, 1);
      _dossier_store_bind_text (stmt, 2, expr);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (!_dossier_id_walk_declined (walk))
        {
          ids = _dossier_id_walk_finish (walk);
          if (_dossier_store_step_failed (self, rc, error))
            return NULL;
          return g_steal_pointer (&ids);
        }
      g_array_unref (_dossier_id_walk_finish (walk));
      if (_dossier_store_step_failed (self, rc, error))
        return NULL;
    }

  return _dossier_store_match_ids (self, expr, error);
}

/* Runs the ranking statement (dossier_rank_into() over the query's
 * matches) with @collector; @first: stop at the first match, of the
 * query's words alone (the walk that starts there leaves the rest out
 * itself) */
static gboolean
run_ranking (DossierStore          *self,
             DossierQuery          *query,
             DossierRankCollector  *collector,
             gboolean               filtered,
             gboolean               first,
             GError               **error)
{
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT dossier_rank_into(articles_fts, ");
  _dossier_store_sql_collector (&b, collector);
  g_string_append (b.sql, ", " DOSSIER_RANK_WEIGHTS ") FROM articles_fts f WHERE articles_fts MATCH ");
  _dossier_store_sql_text (&b, query->fts);
  if (query->fts_exclude != NULL && !first)
    {
      g_string_append (b.sql, " AND f.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
      _dossier_store_sql_text (&b, query->fts_exclude);
      g_string_append (b.sql, ")");
    }
  if (filtered)
    {
      /* +: the set is looked in, never walked with a search for each id */
      g_string_append (b.sql, " AND +f.rowid IN (");
      _dossier_store_sql_filtered_ids (&b, query);
      g_string_append (b.sql, ")");
    }
  if (first)
    g_string_append (b.sql, " LIMIT 1");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return !_dossier_store_step_failed (self, rc, error);
}

/* How many rows a ranking keeps, for each one asked for, when the rows
 * that hold the words as typed are looked for among the best first */
#define EXACT_AMONG_BEST 2
/* The most rows asked for that are looked for so */
#define EXACT_AMONG_BEST_MAX_LIMIT 500

/* The first @limit rows of the tiered order (those that hold the words
 * as typed first) in *@out, when the best of the untiered order decide
 * them: @best, sorted, of @n_ranked rows ranked in all.  Each row of
 * @best is asked about in turn, best first, till @limit hold the words
 * as typed (or @best are every row ranked).  Else *@out NULL.  FALSE
 * with @error set when the library could not be read. */
static gboolean
exact_among_best (DossierStore  *self,
                  const char    *exact_fts,
                  GArray        *best,
                  guint          n_ranked,
                  guint          limit,
                  GArray       **out,
                  GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (DossierRanked));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (DossierRanked));
  gboolean every = best->len == n_ranked;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  *out = NULL;
  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return FALSE;
    }
  _dossier_store_bind_text (stmt, 1, exact_fts);
  for (guint i = 0; i < best->len && rows->len < limit; i++)
    {
      DossierRanked row = g_array_index (best, DossierRanked, i);

      /* too few left to make up @limit: the rest of the rows decide */
      if (!every && rows->len + (best->len - i) < limit)
        break;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, row.id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          row.tier = 0;
          g_array_append_val (rows, row);
        }
      else if (rc == SQLITE_DONE)
        {
          row.tier = 1;
          g_array_append_val (others, row);
        }
      else
        break;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && _dossier_store_step_failed (self, rc, error))
    return FALSE;
  if (rows->len < limit && !every)
    return TRUE;
  g_array_append_vals (rows, others->data, others->len);
  if (rows->len > limit)
    g_array_set_size (rows, limit);
  *out = g_steal_pointer (&rows);
  return TRUE;
}

/* Ranked by relevance: every match is scored once as FTS5 hands it out,
 * and the best are kept as they come (see dossier-store-rank.c).  A query
 * of the grammar's shape (groups of words ANDed, the words of a group
 * ORed) is walked in FTS5's own passes over each phrase's matches,
 * started at the statement's first match, the filters other than words
 * and the words left out then sorted sets of ids the walk looks in; any
 * other query is ranked in the statement's pass, where the filters are
 * answered by the timeline's index, which holds every column they ask
 * about, as one set. */
static GArray *
query_ids_ranked (DossierStore  *self,
                  DossierQuery  *query,
                  GError       **error)
{
  gboolean filtered = has_filters (query);
  DossierRankCollector *collector;
  g_autoptr(GArray) allowed = NULL;
  g_autoptr(GArray) exact = NULL;
  g_autoptr(GArray) excluded = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *exact_fts = dossier_store_exact_expression (query->fts);
  g_autofree int *group_of = NULL;
  g_autoptr(GArray) ranked = NULL;
  int n_phrases = 0;
  GArray *ids;
  /* the rows that hold the words as typed come first: with a limit,
   * they are looked for among the best rows first, as one word is often
   * in most of them, and listing every row that holds it costs as much
   * as the ranking */
  gboolean among_best = exact_fts != NULL && query->limit > 0 && query->limit <= EXACT_AMONG_BEST_MAX_LIMIT;

  if (exact_fts != NULL && !among_best && (exact = match_ids (self, exact_fts, FALSE, error)) == NULL)
    return NULL;
  /* the rows of the words left out, and of the filters */
  if (query->fts_exclude != NULL && (excluded = match_ids (self, query->fts_exclude, TRUE, error)) == NULL)
    return NULL;
  if (filtered && (allowed = filtered_ids (self, query, error)) == NULL)
    return NULL;

  collector = _dossier_rank_collector_new (among_best ? query->limit * EXACT_AMONG_BEST : query->limit,
                                          !filtered && query->fts_exclude == NULL);
  if (exact != NULL)
    _dossier_rank_collector_prefer (collector, (const gint64 *) (gpointer) exact->data, exact->len);
  if (among_best)
    _dossier_rank_collector_keep_all (collector, self);
  /* (an empty set's data may be NULL: it still allows nothing) */
  if (allowed != NULL)
    _dossier_rank_collector_walk (collector, TRUE, (const gint64 *) (gpointer) allowed->data, allowed->len);
  else
    _dossier_rank_collector_walk (collector, FALSE, NULL, 0);
  if (excluded != NULL)
    _dossier_rank_collector_exclude (collector, (const gint64 *) (gpointer) excluded->data, excluded->len);
  if ((group_of = phrase_groups (query->fts, &n_phrases)) != NULL)
    _dossier_rank_collector_groups (collector, group_of, n_phrases);
  if (!run_ranking (self, query, collector, FALSE, TRUE, error))
    {
      _dossier_rank_collector_free (collector);
      return NULL;
    }
  if (!_dossier_rank_collector_walked (collector) &&
      !run_ranking (self, query, collector, filtered, FALSE, error))
    {
      _dossier_rank_collector_free (collector);
      return NULL;
    }
  if (among_best)
    {
      g_autoptr(GArray) best = NULL;

      ranked = _dossier_rank_collector_take_all (collector);
      best = _dossier_rank_collector_finish (collector);
      if (!exact_among_best (self, exact_fts, best, ranked->len, query->limit, &rows, error))
        return NULL;
      if (rows == NULL)
        {
          /* the rows as typed are few among the best: every row that
           * holds them, and every row ranked tiered again */
          if ((exact = match_ids (self, exact_fts, FALSE, error)) == NULL)
            return NULL;
          collector = _dossier_rank_collector_new (query->limit, FALSE);
          _dossier_rank_collector_prefer (collector, (const gint64 *) (gpointer) exact->data, exact->len);
          _dossier_rank_collector_add_rows (collector, ranked);
          rows = _dossier_rank_collector_finish (collector);
        }
      _dossier_rank_give_all (self, g_steal_pointer (&ranked));
    }
  else
    rows = _dossier_rank_collector_finish (collector);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (ids, g_array_index (rows, DossierRanked, i).id);
  remember_ranks (self, query->fts, g_steal_pointer (&rows));
  return ids;
}

GArray *
dossier_store_query_article_ids (DossierStore  *self,
                                 DossierQuery  *query,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GArray *ids;
  gulong watch;

  /* a stale query is interrupted (sqlite3_interrupt) */
  watch = dossier_store_watch_cancellable (self, cancellable);
  if (query != NULL && query->fts != NULL && dossier_query_get_sort (query) == DOSSIER_SORT_DATE_DESC)
    ids = _dossier_store_query_ids_newest (self, query, cancellable, &local_error);
  else if (query != NULL && query->fts != NULL && dossier_query_get_sort (query) == DOSSIER_SORT_RELEVANCE)
    ids = query_ids_ranked (self, query, &local_error);
  else
    ids = _dossier_store_query_ids_by_set (self, query, NULL, &local_error);
  dossier_store_unwatch_cancellable (self, cancellable, watch);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_pointer (&ids, g_array_unref);
      return NULL;
    }
  if (ids == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ids;
}

/* A row of a ranked page: the article and its score */
static DossierArticle *
read_result (sqlite3_stmt *stmt)
{
  DossierArticle *article = _dossier_store_read_article (stmt, FALSE);

  dossier_article_set_score (article, sqlite3_column_double (stmt, DOSSIER_N_ARTICLE_COLUMNS));
  return article;
}

GPtrArray *
dossier_store_load_articles (DossierStore  *self,
                             const gint64  *ids,
                             guint          n_ids,
                             DossierQuery  *query,
                             GError       **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  gboolean text = query != NULL && query->fts != NULL;
  gboolean ranked = text && dossier_query_get_sort (query) == DOSSIER_SORT_RELEVANCE;
  g_autofree double *ranks = NULL;
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* a page of the ranking just made: its scores are known */
  if (ranked && (ranks = recall_ranks (self, query->fts, ids, n_ids)) != NULL)
    ranked = FALSE;

  _dossier_store_sql_init (&b);
  if (ranked)
    {
      /* One pass over the matches keeps the rows asked for (+rowid: not
       * handed to FTS5, which would re-run the whole query for each id)
       * and scores those only; their snippets come from the page index
       * as any page's do. */
      g_string_append (b.sql, "SELECT " DOSSIER_ARTICLE_COLUMNS ", m.score FROM"
                              " (SELECT rowid AS id, -" DOSSIER_RANK " AS score"
                              " FROM articles_fts WHERE articles_fts MATCH ");
      _dossier_store_sql_text (&b, query->fts);
      g_string_append (b.sql, " AND +rowid IN (");
    }
  else
    g_string_append (b.sql, "SELECT " DOSSIER_ARTICLE_COLUMNS " FROM articles a WHERE a.id IN (");
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append (b.sql, ", ");
      _dossier_store_sql_int (&b, ids[i]);
    }
  if (ranked)
    g_string_append (b.sql, ")) m JOIN articles a ON a.id = m.id");
  else
    g_string_append (b.sql, ")");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierArticle *article = ranked ? read_result (stmt) : _dossier_store_read_article (stmt, FALSE);
      gint64 *key = g_new (gint64, 1);

      *key = dossier_article_get_id (article);
      g_hash_table_insert (by_id, key, article);
      g_object_set_data_full (G_OBJECT (article), "dossier-key", key, g_free);
    }
  if (_dossier_store_step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  if (text && !_dossier_store_add_page_snippets (self, ids, n_ids, query->fts, by_id, error))
    return NULL;

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      DossierArticle *article = g_hash_table_lookup (by_id, &ids[i]);

      /* an article deleted meanwhile comes back as an empty placeholder */
      if (article == NULL)
        {
          article = dossier_article_new ();
          dossier_article_set_id (article, ids[i]);
          g_ptr_array_add (result, article);
        }
      else
        {
          if (ranks != NULL)
            dossier_article_set_score (article, -ranks[i]);
          g_ptr_array_add (result, g_object_ref (article));
        }
    }
  return g_steal_pointer (&result);
}

GPtrArray *
dossier_store_search (DossierStore  *self,
                      DossierQuery  *query,
                      guint          limit,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  gulong watch;
  int rc;

  /* A text search finds (and ranks) the ids first, then makes snippets
   * for those rows only: SQLite computes every output column before it
   * sorts, so one query would build a snippet for every match. */
  if (query != NULL && query->fts != NULL)
    {
      g_autoptr(DossierQuery) top = dossier_query_copy (query);
      g_autoptr(GArray) ids = NULL;

      top->limit = limit;
      ids = dossier_store_query_article_ids (self, top, cancellable, error);
      if (ids == NULL)
        return NULL;
      for (guint start = 0; start < ids->len; start += 500)
        {
          g_autoptr(GPtrArray) chunk = NULL;

          chunk = dossier_store_load_articles (self, &g_array_index (ids, gint64, start),
                                               MIN (500, ids->len - start), query, error);
          if (chunk == NULL)
            return NULL;
          g_ptr_array_extend_and_steal (result, g_steal_pointer (&chunk));
        }
      return g_steal_pointer (&result);
    }

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT " DOSSIER_ARTICLE_COLUMNS);
  append_from (&b, query, NULL);
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_EXCLUDED);
  append_order (&b, query);
  if (limit > 0)
    {
      g_string_append (b.sql, " LIMIT ");
      _dossier_store_sql_int (&b, limit);
    }
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;

  watch = dossier_store_watch_cancellable (self, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, _dossier_store_read_article (stmt, FALSE));
  dossier_store_unwatch_cancellable (self, cancellable, watch);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || _dossier_store_step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&result);
}

GArray *
dossier_store_timeline_points (DossierStore  *self,
                               DossierQuery  *query,
                               GError       **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT a.id, coalesce(a.published_jd, -1), a.date_precision,"
                          " a.annotation_count, a.source,"
                          /* only undated rows look up their suggestion: a
                           * join would cost every row a lookup (3× the time) */
                          " CASE WHEN a.published_jd IS NULL THEN (SELECT s.published FROM date_suggestions s"
                          " WHERE s.article_id = a.id AND s.state = 0) END,"
                          /* the mark of notes takes the colour of the
                           * member who wrote the latest (one with no
                           * author yet is this library's member's) */
                          " CASE WHEN a.annotation_count > 0 THEN (SELECT coalesce(n.author,"
                          " (SELECT member FROM team_link)) FROM annotations n"
                          " WHERE n.article_id = a.id ORDER BY n.modified DESC LIMIT 1) END"
                          " FROM articles a INDEXED BY articles_timeline WHERE 1");
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS | DOSSIER_STORE_FILTER_EXCLUDED);
  /* undated (NULL) first, then by day: the order the timeline keeps */
  g_string_append (b.sql, " ORDER BY a.published_jd, a.id");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTimelinePoint p;

      _dossier_store_read_timeline_point (stmt, 0, &p);
      if (sqlite3_column_type (stmt, 6) == SQLITE_TEXT)
        p.note_author = g_intern_string (_dossier_store_column_text (stmt, 6));
      if (sqlite3_column_type (stmt, 5) == SQLITE_TEXT)
        {
          DossierDate d = DOSSIER_DATE_INIT;

          if (dossier_date_from_iso (_dossier_store_column_text (stmt, 5), &d))
            p.suggested = dossier_date_to_julian (&d);
        }
      g_array_append_val (points, p);
    }
  if (_dossier_store_step_failed (self, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&points);
}
