/* dossier-store-quotes.c — what the People section and a person's page
 * read: a page of people with their counts, each one's quotes over time
 * in a few buckets, and a person's quotes with the sentence around each
 * and the people quoted beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * None reads an article's row for its day: the day is stored after the
 * body, so that would read the body of every article quoting someone.
 * The days come from their index instead, and a person's quotes are put
 * in time order from their own index; the sentences (which do read the
 * body) are read for the quotes asked for only, a page at a time.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"
#include "dossier-quotes.h"

/* characters read on each side of a quote to find its sentence */
#define CONTEXT_CHARS 320

void
dossier_person_summary_free (DossierPersonSummary *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p);
}

void
dossier_person_quote_free (DossierPersonQuote *q)
{
  if (q == NULL)
    return;
  g_free (q->speaker);
  g_free (q->text);
  g_free (q->published);
  g_free (q->source);
  g_free (q->title);
  g_free (q->context);
  g_free (q);
}

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the people of the library"), error);
}

static gboolean
finish (DossierStore  *self,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the people of the library"));
  return TRUE;
}

GPtrArray *
dossier_store_list_people_page (DossierStore  *self,
                                const char    *search,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  /* without a search the rank index gives the first rows at once */
  stmt = prepare (self,
                  "SELECT p.id, p.name, p.kind, p.mentions, p.quotes FROM people p"
                  " WHERE (p.mentions > 0 OR p.quotes > 0) AND (?1 IS NULL OR p.name LIKE '%' || ?1 || '%'"
                  " OR EXISTS (SELECT 1 FROM person_variants v"
                  "   WHERE v.person_id = p.id AND v.variant LIKE '%' || ?1 || '%'))"
                  " ORDER BY p.quotes DESC, p.mentions DESC, p.name COLLATE NOCASE, p.id LIMIT ?2",
                  error);
  if (stmt == NULL)
    return NULL;
  _dossier_store_bind_text (stmt, 1, search != NULL && *search != '\0' ? search : NULL);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierPersonSummary *p = g_new0 (DossierPersonSummary, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = g_strdup (_dossier_store_column_text (stmt, 1));
      p->organisation = sqlite3_column_int (stmt, 2) != 0;
      p->mentions = sqlite3_column_int64 (stmt, 3);
      p->quotes = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, p);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
dossier_store_quote_range (DossierStore  *self,
                           gint64        *first_jd,
                           gint64        *last_jd,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  *first_jd = *last_jd = 0;
  /* both ends come from the date index of articles */
  stmt = prepare (self,
                  "SELECT (SELECT MIN(published_jd) FROM articles WHERE published_jd IS NOT NULL),"
                  " (SELECT MAX(published_jd) FROM articles)",
                  error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *first_jd = sqlite3_column_int64 (stmt, 0);
      *last_jd = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  return finish (self, stmt, rc, error);
}

/* Each dated article's day, read from the date index alone (the day is
 * kept after the body in an article's row, so reading it from the rows
 * would read every body), kept by article id: a table indexed by id
 * when the ids are dense enough (as they are: articles are added far
 * more than deleted), else a sorted array of (id, day) pairs.  A much
 * quoted person's quotes each look their article's day up here. */
typedef struct
{
  gint64 id;
  gint64 jd;
} ArticleDay;

typedef struct
{
  GArray *sorted;       /* ArticleDay by id, when not dense */
  gint64 *by_id;        /* -1: undated or no such article */
  gint64  n_by_id;
} ArticleDays;

static void
article_days_free (ArticleDays *days)
{
  if (days == NULL)
    return;
  g_clear_pointer (&days->sorted, g_array_unref);
  g_free (days->by_id);
  g_free (days);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArticleDays, article_days_free)

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const ArticleDay *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

static ArticleDays *
article_days (DossierStore  *self,
              GError       **error)
{
  g_autoptr(ArticleDays) days = g_new0 (ArticleDays, 1);
  sqlite3_stmt *stmt;
  gboolean sorted = TRUE;
  gint64 max_id = 0;
  int rc;

  days->sorted = g_array_new (FALSE, FALSE, sizeof (ArticleDay));
  stmt = prepare (self,
                  "SELECT id, published_jd FROM articles INDEXED BY articles_published"
                  " WHERE published_jd IS NOT NULL",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArticleDay d = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (days->sorted->len > 0 && g_array_index (days->sorted, ArticleDay, days->sorted->len - 1).id > d.id)
        sorted = FALSE;
      max_id = MAX (max_id, d.id);
      g_array_append_val (days->sorted, d);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  if (max_id >= 0 && max_id < (gint64) days->sorted->len * 4 + 4096)
    {
      days->n_by_id = max_id + 1;
      days->by_id = g_new (gint64, days->n_by_id);
      for (gint64 i = 0; i < days->n_by_id; i++)
        days->by_id[i] = -1;
      for (guint i = 0; i < days->sorted->len; i++)
        {
          const ArticleDay *d = &g_array_index (days->sorted, ArticleDay, i);

          if (d->id >= 0)
            days->by_id[d->id] = d->jd;
        }
      g_clear_pointer (&days->sorted, g_array_unref);
    }
  else if (!sorted)
    g_array_sort (days->sorted, compare_days);
  return g_steal_pointer (&days);
}

/* @article_id's day in @days, or -1 when undated */
static gint64
day_of (ArticleDays *days,
        gint64       article_id)
{
  guint lo = 0, hi;

  if (days->by_id != NULL)
    return article_id >= 0 && article_id < days->n_by_id ? days->by_id[article_id] : -1;
  hi = days->sorted->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const ArticleDay *d = &g_array_index (days->sorted, ArticleDay, mid);

      if (d->id == article_id)
        return d->jd;
      if (d->id < article_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

gboolean
dossier_store_people_sparklines (DossierStore  *self,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 gint64         first_jd,
                                 gint64         last_jd,
                                 guint         *buckets,
                                 guint          n_buckets,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 span = MAX (last_jd - first_jd + 1, 1);
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_buckets > 0, FALSE);

  memset (buckets, 0, (gsize) n_ids * n_buckets * sizeof (guint));
  if (n_ids == 0)
    return TRUE;
  /* one person's days at a time, each with its count of quotes */
  stmt = prepare (self, "SELECT jd, quotes FROM person_days WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids && rc == SQLITE_DONE; i++)
    {
      guint *line = buckets + (gsize) i * n_buckets;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 jd = sqlite3_column_int64 (stmt, 0);

          line[CLAMP ((jd - first_jd) * (gint64) n_buckets / span, 0, (gint64) n_buckets - 1)] +=
            (guint) sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
    }
  return finish (self, stmt, rc, error);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?';
}

/* whether the full stop or mark at @i of @chars ends a sentence: not the
 * stop after "Mr" or an initial */
static gboolean
ends_sentence (const gunichar *chars,
               glong           i)
{
  glong w = i;
  g_autofree char *word = NULL;

  if (!is_sentence_end (chars[i]))
    return FALSE;
  if (chars[i] != '.')
    return TRUE;
  while (w > 0 && (g_unichar_isalpha (chars[w - 1]) || (chars[w - 1] == '.' && w >= 2 && g_unichar_isalpha (chars[w - 2]))))
    w--;
  if (w == i || i - w > 8)
    return TRUE;
  word = g_ucs4_to_utf8 (chars + w, i - w, NULL, NULL, NULL);
  return word == NULL || !dossier_quotes_is_abbreviation (word, strlen (word));
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == '"' || c == 0x201D || c == 0x00BB || c == 0x201C || c == '\'' || c == 0x2019 || c == ')';
}

/* Cuts @window (which starts at character @window_start of the body) to
 * the sentence holding the body's characters [@start, @end): from after
 * the last sentence end or line break before @start to the first one
 * after @end.  Sets where the quote lies in what it returns. */
static char *
sentence_around (const char *window,
                 gint64      window_start,
                 gint64      start,
                 gint64      end,
                 int        *q_start,
                 int        *q_end)
{
  glong n = g_utf8_strlen (window, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (window, -1, NULL);
  glong qs = CLAMP (start - window_start, 0, n);
  glong qe = CLAMP (end - window_start, qs, n);
  glong s = qs, e = qe;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  glong lead;
  gboolean trail;

  while (s > 0)
    {
      gunichar c = chars[s - 1];

      if (c == '\n')
        break;
      /* ". " before the quote ends the sentence before it */
      if (s >= 2 && g_unichar_isspace (c) && (ends_sentence (chars, s - 2) ||
                                              (s >= 3 && is_closing_mark (chars[s - 2]) && ends_sentence (chars, s - 3))))
        break;
      s--;
    }
  while (e < n)
    {
      gunichar c = chars[e];

      if (c == '\n')
        break;
      if (ends_sentence (chars, e) && (e + 1 == n || g_unichar_isspace (chars[e + 1]) || is_closing_mark (chars[e + 1])))
        {
          e++;
          while (e < n && is_closing_mark (chars[e]))
            e++;
          break;
        }
      e++;
    }
  /* leading blanks go, and the quote's place moves with them */
  while (s < qs && g_unichar_isspace (chars[s]))
    s++;
  while (e > qe && g_unichar_isspace (chars[e - 1]))
    e--;
  lead = (s == 0 && window_start > 0) ? 1 : 0;
  /* a sentence that runs past what was read ends in an ellipsis */
  trail = e == n && e > qe && !is_sentence_end (chars[e - 1]) && !is_closing_mark (chars[e - 1]);
  text = g_ucs4_to_utf8 (chars + s, e - s, NULL, NULL, NULL);
  trimmed = g_strconcat (lead ? "…" : "", text != NULL ? text : "", trail ? "…" : "", NULL);
  *q_start = (int) (qs - s + lead);
  *q_end = (int) (qe - s + lead);
  return g_steal_pointer (&trimmed);
}

/* the columns read_quote() reads: ?2 is how many characters to read on
 * each side; substr() counts characters, as the offsets do */
#define QUOTE_COLUMNS \
  "q.id, q.article_id, q.start_offset, q.end_offset, q.text, a.published, a.source, a.title," \
  " MAX(q.start_offset - ?2, 0)," \
  " substr(a.body, MAX(q.start_offset - ?2, 0) + 1, q.end_offset - MAX(q.start_offset - ?2, 0) + ?2)," \
  " p.name"

static DossierPersonQuote *
read_quote (sqlite3_stmt *stmt)
{
  DossierPersonQuote *q = g_new0 (DossierPersonQuote, 1);
  const char *window = _dossier_store_column_text (stmt, 9);

  q->id = sqlite3_column_int64 (stmt, 0);
  q->article_id = sqlite3_column_int64 (stmt, 1);
  q->start = sqlite3_column_int64 (stmt, 2);
  q->end = sqlite3_column_int64 (stmt, 3);
  q->text = g_strdup (_dossier_store_column_text (stmt, 4));
  q->published = g_strdup (_dossier_store_column_text (stmt, 5));
  q->source = g_strdup (_dossier_store_column_text (stmt, 6));
  q->title = g_strdup (_dossier_store_column_text (stmt, 7));
  q->speaker = g_strdup (_dossier_store_column_text (stmt, 10));
  if (window != NULL && g_utf8_validate (window, -1, NULL))
    q->context = sentence_around (window, sqlite3_column_int64 (stmt, 8), q->start, q->end,
                                  &q->context_start, &q->context_end);
  else
    {
      q->context = g_strdup (q->text != NULL ? q->text : "");
      q->context_start = 0;
      q->context_end = (int) g_utf8_strlen (q->context, -1);
    }
  return q;
}

typedef struct
{
  gint64 jd;       /* G_MAXINT64: undated, after the dated */
  gint64 article_id;
  gint64 start;
  gint64 id;
} QuoteKey;

static int
compare_quote_keys (gconstpointer a,
                    gconstpointer b)
{
  const QuoteKey *x = a, *y = b;

  if (x->jd != y->jd)
    return x->jd < y->jd ? -1 : 1;
  if (x->article_id != y->article_id)
    return x->article_id < y->article_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

GArray *
dossier_store_person_quote_ids (DossierStore  *self,
                                gint64         person_id,
                                GError       **error)
{
  g_autoptr(ArticleDays) days = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (QuoteKey));
  GArray *ids;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  days = article_days (self, error);
  if (days == NULL)
    return NULL;
  /* the quotes from their person index, put in time order here: sorting
   * by the articles' days in SQL would read each article's row */
  stmt = prepare (self, "SELECT id, article_id, start_offset FROM quotes WHERE person_id = ?1 AND status < 2",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QuoteKey k;

      k.id = sqlite3_column_int64 (stmt, 0);
      k.article_id = sqlite3_column_int64 (stmt, 1);
      k.start = sqlite3_column_int64 (stmt, 2);
      k.jd = day_of (days, k.article_id);
      if (k.jd < 0)
        k.jd = G_MAXINT64;
      g_array_append_val (keys, k);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  g_array_sort (keys, compare_quote_keys);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), keys->len);
  for (guint i = 0; i < keys->len; i++)
    g_array_append_val (ids, g_array_index (keys, QuoteKey, i).id);
  return ids;
}

GPtrArray *
dossier_store_quotes_by_id (DossierStore  *self,
                            const gint64  *ids,
                            guint          n_ids,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_quote_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT " QUOTE_COLUMNS " FROM quotes q JOIN articles a ON a.id = q.article_id"
                  " LEFT JOIN people p ON p.id = q.person_id WHERE q.id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, CONTEXT_CHARS);
  for (guint i = 0; i < n_ids && rc == SQLITE_DONE; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      /* a quote gone since its id was read is left out */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, read_quote (stmt));
      sqlite3_reset (stmt);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
dossier_store_person_quotes (DossierStore  *self,
                             gint64         person_id,
                             GError       **error)
{
  g_autoptr(GArray) ids = dossier_store_person_quote_ids (self, person_id, error);

  if (ids == NULL)
    return NULL;
  return dossier_store_quotes_by_id (self, (const gint64 *) ids->data, ids->len, NULL, error);
}

GPtrArray *
dossier_store_article_quotes (DossierStore  *self,
                              const gint64  *ids,
                              guint          n_ids,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_quote_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  /* an article at a time, by the article's index, in the order given */
  stmt = prepare (self,
                  "SELECT " QUOTE_COLUMNS " FROM quotes q JOIN articles a ON a.id = q.article_id"
                  " LEFT JOIN people p ON p.id = q.person_id"
                  " WHERE q.article_id = ?1 AND q.status < 2 ORDER BY q.start_offset",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, CONTEXT_CHARS);
  for (guint i = 0; i < n_ids && rc == SQLITE_DONE; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, read_quote (stmt));
      sqlite3_reset (stmt);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

typedef struct {
  gint64 id;
  gint64 n;
  gint64 last_article;
  char *name;
  gboolean organisation;
} Beside;

static int
compare_beside_counts (gconstpointer a,
                       gconstpointer b)
{
  const Beside *x = a, *y = b;

  return x->n > y->n ? -1 : x->n < y->n ? 1 : _dossier_store_compare_ids (&x->id, &y->id);
}

/* most articles first, then by name as COLLATE NOCASE orders it */
static int
compare_beside_names (gconstpointer a,
                      gconstpointer b)
{
  const Beside *x = a, *y = b;
  int c;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  c = g_ascii_strcasecmp (x->name, y->name);
  return c != 0 ? c : strcmp (x->name, y->name);
}

/* The people quoted in the articles that quote @person_id, each with the
 * number of those articles. Counted here rather than by one GROUP BY:
 * the most quoted person shares tens of thousands of articles with
 * hundreds of thousands of other quotes, and SQLite would sort them all
 * twice (for the DISTINCT and for the GROUP BY). */
GPtrArray *
dossier_store_quoted_beside (DossierStore  *self,
                             gint64         person_id,
                             guint          limit,
                             GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_summary_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Beside));
  g_autofree guint *slots = NULL;
  gint64 n_slots = 1;
  sqlite3_stmt *stmt;
  guint wanted;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  /* each person's place in @found by id, one past it (0: not yet), as
   * the ids of people are dense: a table read this way is a tenth of the
   * cost of a hash table's lookups over the rows of a much-quoted
   * person; an id out of its range (a person added meanwhile) goes to
   * the hash table */
  if (!(stmt = prepare (self, "SELECT MAX(id) FROM people", error)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n_slots = MIN (sqlite3_column_int64 (stmt, 0), (gint64) 64 * 1024 * 1024) + 1;
      rc = SQLITE_DONE;
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  slots = g_new0 (guint, n_slots);

  /* each article quoting the person once, then the others quoted in it:
   * the rows of one article come together */
  stmt = prepare (self,
                  "SELECT o.article_id, o.person_id"
                  " FROM (SELECT DISTINCT article_id FROM quotes WHERE person_id = ?1 AND status < 2) q"
                  " JOIN quotes o ON o.article_id = q.article_id AND o.status < 2 AND o.person_id <> ?1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article = sqlite3_column_int64 (stmt, 0);
      gint64 other = sqlite3_column_int64 (stmt, 1);
      gboolean direct = other > 0 && other < n_slots;
      guint at = direct ? slots[other] : GPOINTER_TO_UINT (g_hash_table_lookup (counts, &other));
      Beside *b;

      if (at == 0)
        {
          Beside fresh = { other, 0, 0, NULL, FALSE };

          g_array_append_val (found, fresh);
          at = found->len;       /* one past its place */
          if (direct)
            slots[other] = at;
          else
            g_hash_table_insert (counts, g_memdup2 (&other, sizeof other), GUINT_TO_POINTER (at));
        }
      b = &g_array_index (found, Beside, at - 1);
      /* quoted twice in one article: counted once */
      if (b->last_article != article)
        {
          b->last_article = article;
          b->n++;
        }
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  /* names for the first @limit and all tied with the last of them */
  g_array_sort (found, compare_beside_counts);
  wanted = limit > 0 && limit < found->len ? limit : found->len;
  while (wanted > 0 && wanted < found->len &&
         g_array_index (found, Beside, wanted).n == g_array_index (found, Beside, wanted - 1).n)
    wanted++;
  if (!(stmt = prepare (self, "SELECT name, kind FROM people WHERE id = ?1", error)))
    return NULL;
  for (guint i = 0; i < wanted && rc == SQLITE_DONE; i++)
    {
      Beside *b = &g_array_index (found, Beside, i);

      sqlite3_bind_int64 (stmt, 1, b->id);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          b->name = g_strdup (_dossier_store_column_text (stmt, 0));
          b->organisation = sqlite3_column_int (stmt, 1) != 0;
          rc = SQLITE_DONE;
        }
      sqlite3_reset (stmt);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  g_array_set_size (found, wanted);
  /* a person deleted meanwhile has no name and is left out */
  for (guint i = found->len; i > 0; i--)
    if (g_array_index (found, Beside, i - 1).name == NULL)
      g_array_remove_index (found, i - 1);
  g_array_sort (found, compare_beside_names);
  for (guint i = 0; i < found->len && (limit == 0 || i < limit); i++)
    {
      Beside *b = &g_array_index (found, Beside, i);
      DossierPersonSummary *p = g_new0 (DossierPersonSummary, 1);

      p->id = b->id;
      p->name = g_steal_pointer (&b->name);
      p->organisation = b->organisation;
      p->quotes = b->n;
      g_ptr_array_add (list, p);
    }
  for (guint i = 0; i < found->len; i++)
    g_free (g_array_index (found, Beside, i).name);
  return g_steal_pointer (&list);
}
