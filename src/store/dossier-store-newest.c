/* dossier-store-newest.c — the newest articles that match a text query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page of "the newest articles that match" (the GUI's list)
 * used to build the set of every match in SQL and walk the date index
 * until the page was full: 20–60 ms for a word in every one of 100,000
 * articles.  The first WALK_SAMPLE matches in id order now tell how
 * common the query is, and one of three ways is taken:
 *  - fewer matches than that: the set is small; SQLite builds it;
 *  - most articles match, and asking the text index about one article at
 *    a time (some 30 µs a term) costs little for a page: walk the date
 *    index and ask about each article, within a budget, after which the
 *    page is found the next way (matches that all sit among old articles);
 *  - otherwise: read every match once in id order (no ranking, no set
 *    built in SQL) and walk the date index through that list.
 * Either way the ids and their order are the same.
 *
 * A prefix (the word being typed) first becomes the index terms that
 * start with it: FTS5 merges the document lists of every term of a prefix
 * each time it is asked, even about one article.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"

#define WALK_SAMPLE      400    /* matches counted to estimate their share */
#define WALK_MIN_SHARE   0.25   /* below it, listing every match is cheaper */
#define WALK_MAX_LIMIT   256    /* longer lists build the set */
#define WALK_MAX_PROBES  600    /* questions before giving up */
#define WALK_MAX_LOOKUPS 200    /* term look-ups expected for a page, at most */
#define PREFIX_MAX_TERMS 16     /* more terms than this: keep the prefix */
#define WALK_BATCH       64     /* articles the page index answers for at once */
#define WALK_MAX_BATCHES 4      /* batches before giving up */

static int
on_prefix_token_cb (void       *data,
                    int         flags,
                    const char *token,
                    int         n_token,
                    int         start,
                    int         end)
{
  GPtrArray *tokens = data;

  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (tokens, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* The index's form of @word: what articles_fts's own tokenizer (see
 * _dossier_store_ensure_search_helpers()) makes of it when it is one
 * token; else NULL. */
static char *
prefix_token (DossierStore *self,
              const char   *word)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *t = NULL;
  void *user_data = NULL;

  if (word == NULL || *word == '\0')
    return NULL;
  if (sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2 ||
      api->xFindTokenizer (api, "dossier", &user_data, &tokenizer) != SQLITE_OK ||
      tokenizer.xCreate (user_data, NULL, 0, &t) != SQLITE_OK)
    return NULL;
  tokenizer.xTokenize (t, tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                       word, (int) strlen (word), on_prefix_token_cb);
  tokenizer.xDelete (t);
  if (tokens->len != 1)
    return NULL;
  return g_strdup (g_ptr_array_index (tokens, 0));
}

/* The index's terms that start with @token, one seek each; *terms is
 * NULL when there are more than PREFIX_MAX_TERMS. */
static gboolean
list_prefix_terms (DossierStore  *self,
                   const char    *token,
                   GPtrArray    **terms,
                   GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = g_strdup (token);
  g_autofree char *upto = g_strdup (token);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *terms = NULL;
  /* past every string that starts with @token: its last byte, one more
   * (a token never ends in 0xff, which UTF-8 never holds) */
  upto[strlen (upto) - 1]++;
  if (sqlite3_prepare_v2 (self->db, "SELECT term FROM temp.dossier_terms"
                                    " WHERE term >= ?1 AND term < ?2 LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  _dossier_store_bind_text (stmt, 2, upto);
  for (;;)
    {
      const char *term;

      sqlite3_reset (stmt);
      _dossier_store_bind_text (stmt, 1, from);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      term = _dossier_store_column_text (stmt, 0);
      if (term == NULL || found->len == PREFIX_MAX_TERMS)
        {
          sqlite3_finalize (stmt);
          return TRUE;
        }
      g_ptr_array_add (found, g_strdup (term));
      /* the next term: terms never hold control characters */
      g_free (from);
      from = g_strconcat (term, "\001", NULL);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *terms = g_steal_pointer (&found);
  return TRUE;
}

/* @query's required words as an expression that matches the same
 * articles, with the prefix spelled out as index terms where possible;
 * *cheap: asking it about one article costs a seek per term, not a
 * merge of every term a prefix stands for. */
static char *
match_expression (DossierStore  *self,
                  DossierQuery  *query,
                  gboolean      *cheap,
                  GError       **error)
{
  g_autofree char *token = prefix_token (self, query->prefix);
  g_autoptr(GPtrArray) terms = NULL;

  *cheap = TRUE;
  if (query->prefix == NULL)
    return g_strdup (query->fts);
  *cheap = FALSE;
  if (token == NULL)
    return g_strdup (query->fts);
  if (!list_prefix_terms (self, token, &terms, error))
    return NULL;
  if (terms == NULL)
    return g_strdup (query->fts);
  *cheap = TRUE;
  /* no term at all: the prefix matches nothing, and says so quickly */
  if (terms->len == 0)
    return g_strdup (query->fts);
  return dossier_query_expand_prefix (query, (const char * const *) terms->pdata, terms->len);
}

/* The share of articles that match @expr, from its first WALK_SAMPLE
 * matches; 0 when there are fewer (building the set is cheap then), and
 * *none when there is no match at all. */
static gboolean
estimate_share (DossierStore  *self,
                const char    *expr,
                double        *share,
                gboolean      *none,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 first_id = 1, last = 0;
  guint n = 0;
  int rc;

  *share = 0;
  *none = FALSE;
  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                    " LIMIT " G_STRINGIFY (WALK_SAMPLE), -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  _dossier_store_bind_text (stmt, 1, expr);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *none = n == 0;
  if (n < WALK_SAMPLE)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, "SELECT min(id) FROM articles", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _dossier_store_fail (self, error, _("Could not search the library"));
  *share = (double) n / (double) MAX (last - first_id + 1, (gint64) n);
  return TRUE;
}

typedef enum
{
  WALK_DONE,
  WALK_GAVE_UP,
  WALK_FAILED,
} WalkResult;

/* The filtered articles, newest first, from the timeline's index */
static sqlite3_stmt *
prepare_newest_walk (DossierStore  *self,
                     DossierQuery  *query,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  DossierStoreSql b;

  _dossier_store_sql_init (&b);
  _dossier_store_sql_filtered_ids (&b, query);
  g_string_append (b.sql, " ORDER BY a.published_jd DESC, a.id DESC");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  return stmt;
}

/* Walks the date index, newest first, through the articles that pass
 * @query's filters, and asks the text index whether each matches @expr
 * (or, given @matches, every match in id order, looks it up there);
 * stops when @ids holds @query->limit or after @budget questions. */
static WalkResult
walk_newest (DossierStore  *self,
             DossierQuery  *query,
             const char    *expr,
             GArray        *matches,
             guint          budget,
             GCancellable  *cancellable,
             GArray        *ids,
             GError       **error)
{
  sqlite3_stmt *walk = NULL;
  sqlite3_stmt *probe = NULL;
  WalkResult result = WALK_FAILED;
  guint asked = 0;
  int rc;

  if (!(walk = prepare_newest_walk (self, query, error)))
    return WALK_FAILED;
  if (matches == NULL &&
      sqlite3_prepare_v2 (self->db, "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
                          -1, &probe, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      sqlite3_finalize (walk);
      return WALK_FAILED;
    }
  if (probe != NULL)
    _dossier_store_bind_text (probe, 1, expr);

  while ((rc = sqlite3_step (walk)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (walk, 0);

      if (g_cancellable_is_cancelled (cancellable))
        {
          result = WALK_GAVE_UP;
          break;
        }
      if (matches != NULL)
        {
          if (bsearch (&id, matches->data, matches->len, sizeof (gint64), _dossier_store_compare_ids) != NULL)
            {
              g_array_append_val (ids, id);
              if (ids->len == query->limit)
                {
                  result = WALK_DONE;
                  break;
                }
            }
          continue;
        }
      if (asked++ == budget)
        {
          result = WALK_GAVE_UP;
          break;
        }
      sqlite3_reset (probe);
      sqlite3_bind_int64 (probe, 2, id);
      rc = sqlite3_step (probe);
      if (rc == SQLITE_ROW)
        {
          g_array_append_val (ids, id);
          if (ids->len == query->limit)
            {
              result = WALK_DONE;
              break;
            }
        }
      else if (rc != SQLITE_DONE)
        break;
    }
  if (rc == SQLITE_DONE)
    result = WALK_DONE;
  else if (result == WALK_FAILED)
    _dossier_store_fail (self, error, _("Could not search the library"));
  sqlite3_finalize (probe);
  sqlite3_finalize (walk);
  return result;
}

/* As walk_newest(), for expressions that are dear to ask about one
 * article at a time (a prefix of many terms, such as one letter): the
 * articles come WALK_BATCH at a time into the page index, which answers
 * for all of them at once; gives up after @max_batches. */
static WalkResult
walk_newest_in_batches (DossierStore  *self,
                        DossierQuery  *query,
                        const char    *expr,
                        guint          max_batches,
                        GCancellable  *cancellable,
                        GArray        *ids,
                        GError       **error)
{
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *walk = NULL;
  sqlite3_stmt *match = NULL;
  WalkResult result = WALK_FAILED;
  guint n_batches = 0;
  int rc = SQLITE_ROW;

  if (!(walk = prepare_newest_walk (self, query, error)))
    return WALK_FAILED;
  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM temp.dossier_page WHERE dossier_page MATCH ?1",
                          -1, &match, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      sqlite3_finalize (walk);
      return WALK_FAILED;
    }
  _dossier_store_bind_text (match, 1, expr);

  while (rc == SQLITE_ROW)
    {
      g_array_set_size (batch, 0);
      while (batch->len < WALK_BATCH && (rc = sqlite3_step (walk)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (walk, 0);
          g_array_append_val (batch, id);
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          break;
        }
      if (batch->len == 0)
        {
          result = WALK_DONE;
          break;
        }
      if (n_batches++ == max_batches || g_cancellable_is_cancelled (cancellable))
        {
          result = WALK_GAVE_UP;
          break;
        }
      if (!_dossier_store_index_page_rows (self, (const gint64 *) (gconstpointer) batch->data, batch->len, error))
        break;
      g_hash_table_remove_all (hits);
      sqlite3_reset (match);
      while (sqlite3_step (match) == SQLITE_ROW)
        {
          gint64 *id = g_new (gint64, 1);

          *id = sqlite3_column_int64 (match, 0);
          g_hash_table_add (hits, id);
        }
      if (sqlite3_reset (match) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not search the library"));
          break;
        }
      for (guint i = 0; i < batch->len && ids->len < query->limit; i++)
        if (g_hash_table_contains (hits, &g_array_index (batch, gint64, i)))
          g_array_append_val (ids, g_array_index (batch, gint64, i));
      if (ids->len == query->limit || rc == SQLITE_DONE)
        {
          result = WALK_DONE;
          break;
        }
    }
  sqlite3_finalize (match);
  sqlite3_finalize (walk);
  return result;
}

/* Every article that matches @expr, in id order */
GArray *
_dossier_store_match_ids (DossierStore  *self,
                          const char    *expr,
                          GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  gint64 last = G_MININT64;
  gboolean sorted = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return NULL;
    }
  _dossier_store_bind_text (stmt, 1, expr);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sorted = sorted && id > last;
      last = id;
      g_array_append_val (matches, id);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  /* FTS5 gives rowids in ascending order; be sure of it */
  if (!sorted)
    g_array_sort (matches, _dossier_store_compare_ids);
  return g_steal_pointer (&matches);
}

/* How many index terms asking @expr about one article looks up: each
 * quoted string, and each word in it */
static guint
count_terms (const char *expr)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = expr; *p; p++)
    {
      if (*p == '"')
        {
          if (!quoted)
            n++;
          quoted = !quoted;
        }
      else if (quoted && *p == ' ')
        n++;
    }
  return MAX (n, 1);
}

/* Newest first with a text query: see the top of this file */
GArray *
_dossier_store_query_ids_newest (DossierStore  *self,
                                 DossierQuery  *query,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *expr = NULL;
  g_autofree char *probe = NULL;
  gboolean cheap, none;
  double share = 0;

  if (!_dossier_store_ensure_search_helpers (self, error) ||
      !(expr = match_expression (self, query, &cheap, error)))
    return NULL;
  if (query->fts_exclude != NULL)
    probe = g_strdup_printf ("(%s) NOT (%s)", expr, query->fts_exclude);
  else
    probe = g_strdup (expr);

  if (cheap && query->limit > 0 && query->limit <= WALK_MAX_LIMIT)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) matches = NULL;

      if (!estimate_share (self, probe, &share, &none, error))
        return NULL;
      if (none)
        return g_steal_pointer (&ids);
      /* few matches: the set is small, and SQLite builds it well */
      if (share == 0)
        return _dossier_store_query_ids_by_set (self, query, expr, error);
      /* many: ask about each article while that is cheap */
      if (share >= WALK_MIN_SHARE &&
          query->limit / share * count_terms (probe) <= WALK_MAX_LOOKUPS &&
          !g_cancellable_is_cancelled (cancellable))
        {
          guint budget = MIN (WALK_MAX_PROBES, (guint) (3.0 * query->limit / share));

          switch (walk_newest (self, query, probe, NULL, budget, cancellable, ids, error))
            {
            case WALK_DONE:
              return g_steal_pointer (&ids);
            case WALK_FAILED:
              return NULL;
            case WALK_GAVE_UP:
            default:
              g_array_set_size (ids, 0);
              break;
            }
        }
      /* otherwise list every match (in id order, no ranking, no set
       * built in SQL) and walk the date index through that list */
      if (g_cancellable_is_cancelled (cancellable) ||
          !(matches = _dossier_store_match_ids (self, probe, error)) ||
          walk_newest (self, query, NULL, matches, G_MAXUINT, cancellable, ids, error) != WALK_DONE)
        return NULL;
      return g_steal_pointer (&ids);
    }
  /* a prefix of many terms (one letter: thousands) is dear to match in
   * the library's index even once, and the matches are usually many:
   * look for them among the newest articles, a batch at a time */
  if (!cheap && query->limit > 0 && query->limit <= WALK_MAX_LIMIT)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      switch (walk_newest_in_batches (self, query, probe, WALK_MAX_BATCHES, cancellable, ids, error))
        {
        case WALK_DONE:
          return g_steal_pointer (&ids);
        case WALK_FAILED:
          return NULL;
        case WALK_GAVE_UP:
        default:
          break;
        }
    }
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return _dossier_store_query_ids_by_set (self, query, expr, error);
}
