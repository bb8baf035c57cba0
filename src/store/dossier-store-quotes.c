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

/* dossier_person_quote(id, article, start): the quote kept as a key in
 * the PersonKeys given as the function's data, and
 * dossier_article_day(id, day): the article's day kept in its table;
 * both always say no, so the statements return no row: their rows come
 * to them as SQLite meets them, not each through sqlite3_step() and a
 * call for each column */
typedef struct
{
  GArray *keys;        /* the length runs ahead: n_keys used */
  guint   n_keys;
  gint64  min;         /* the quotes' articles' least and greatest ids */
  gint64  max;
  gint64 *day;         /* by article id from min: its day, -1 undated */
} PersonKeys;

static void
person_quote (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  PersonKeys *p = sqlite3_user_data (context);
  QuoteKey *k;

  if (G_UNLIKELY (p->n_keys >= p->keys->len))
    g_array_set_size (p->keys, MAX (p->keys->len * 2, 1024));
  k = &g_array_index (p->keys, QuoteKey, p->n_keys++);
  k->id = sqlite3_value_int64 (argv[0]);
  k->article_id = sqlite3_value_int64 (argv[1]);
  k->start = sqlite3_value_int64 (argv[2]);
  k->jd = G_MAXINT64;
  p->min = MIN (p->min, k->article_id);
  p->max = MAX (p->max, k->article_id);
  sqlite3_result_int (context, 0);
}

static void
article_day (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  PersonKeys *p = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);

  if (id >= p->min && id <= p->max && sqlite3_value_type (argv[1]) != SQLITE_NULL)
    p->day[id - p->min] = sqlite3_value_int64 (argv[1]);
  sqlite3_result_int (context, 0);
}

/* runs @sql, whose rows go to the function @name of @n_args (@func,
 * given @p) and none come back */
static gboolean
run_keeping (DossierStore  *self,
             const char    *sql,
             const char    *name,
             int            n_args,
             void         (*func) (sqlite3_context *, int, sqlite3_value **),
             PersonKeys    *p,
             gint64         a,
             gint64         b,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_create_function_v2 (self->db, name, n_args, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                  p, func, NULL, NULL, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the people of the library"));
  stmt = prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
    }
  sqlite3_create_function_v2 (self->db, name, n_args, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                              NULL, NULL, NULL, NULL, NULL);
  if (stmt == NULL)
    return FALSE;
  return finish (self, stmt, rc, error);
}

/* @keys[0..@n) by compare_quote_keys(): few, and mostly in order */
static void
sort_keys (QuoteKey *keys,
           guint     n)
{
  if (n > 32)
    {
      qsort (keys, n, sizeof (QuoteKey), compare_quote_keys);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      QuoteKey x = keys[i];
      guint j = i;

      while (j > 0 && compare_quote_keys (&keys[j - 1], &x) > 0)
        {
          keys[j] = keys[j - 1];
          j--;
        }
      keys[j] = x;
    }
}

/* The ids of a person's quotes in time order: by their article's day
 * (undated last), the article, where they start, and id.  The quotes
 * come from their person index, the days of the range of their
 * articles from the articles' narrow index (the day is kept after the
 * body in an article's row: reading the rows would read every body),
 * and the keys are placed by counting their days, then put in order
 * within each day: a much quoted person's tens of thousands of quotes
 * are a few thousand days apart, and a sort compared them a million
 * times. */
GArray *
dossier_store_person_quote_ids (DossierStore  *self,
                                gint64         person_id,
                                GError       **error)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (QuoteKey), 1024);
  g_autofree gint64 *day = NULL;
  PersonKeys p = { keys, 0, G_MAXINT64, G_MININT64, NULL };
  QuoteKey *k;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  guint n;
  GArray *ids;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!run_keeping (self, "SELECT 1 FROM quotes INDEXED BY quotes_person WHERE person_id = ?1 AND status < 2"
                          " AND ?2 = 0 AND dossier_person_quote(id, article_id, start_offset)",
                    "dossier_person_quote", 3, person_quote, &p, person_id, 0, error))
    return NULL;
  g_array_set_size (keys, p.n_keys);
  n = keys->len;
  k = (QuoteKey *) (gpointer) keys->data;
  if (n == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  if ((guint64) (p.max - p.min) <= (guint64) n * 8 + 65536)
    {
      /* the range of their articles, read in order */
      day = p.day = g_new (gint64, p.max - p.min + 1);
      memset (day, 0xff, (p.max - p.min + 1) * sizeof (gint64));
      if (!run_keeping (self, "SELECT 1 FROM articles INDEXED BY articles_days WHERE id BETWEEN ?1 AND ?2"
                              " AND dossier_article_day(id, published_jd)",
                        "dossier_article_day", 2, article_day, &p, p.min, p.max, error))
        return NULL;
      for (guint i = 0; i < n; i++)
        k[i].jd = day[k[i].article_id - p.min];
    }
  else
    {
      /* few quotes far apart: each article looked up, once, in order of
       * id, and each quote's found by halving */
      sqlite3_stmt *stmt = prepare (self, "SELECT published_jd FROM articles INDEXED BY articles_days"
                                          " WHERE id = ?1", error);
      g_autoptr(GArray) articles = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_autofree gint64 *days = NULL;
      const gint64 *ids_of;
      guint n_articles = 0;
      int rc = SQLITE_DONE;

      if (stmt == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        g_array_append_val (articles, k[i].article_id);
      g_array_sort (articles, _dossier_store_compare_ids);
      ids_of = (const gint64 *) (gconstpointer) articles->data;
      days = g_new (gint64, n);
      for (guint i = 0; i < n && rc == SQLITE_DONE; i++)
        {
          if (i > 0 && ids_of[i] == ids_of[i - 1])
            continue;
          g_array_index (articles, gint64, n_articles) = ids_of[i];
          days[n_articles] = -1;
          sqlite3_bind_int64 (stmt, 1, ids_of[i]);
          if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
                days[n_articles] = sqlite3_column_int64 (stmt, 0);
              rc = SQLITE_DONE;
            }
          sqlite3_reset (stmt);
          n_articles++;
        }
      for (guint i = 0; i < n; i++)
        {
          guint l = 0, h = n_articles;

          while (l < h)
            {
              guint mid = l + (h - l) / 2;

              if (ids_of[mid] < k[i].article_id)
                l = mid + 1;
              else
                h = mid;
            }
          k[i].jd = l < n_articles && ids_of[l] == k[i].article_id ? days[l] : -1;
        }
      if (!finish (self, stmt, rc, error))
        return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      if (k[i].jd < 0)
        k[i].jd = G_MAXINT64;
      else
        {
          lo = MIN (lo, k[i].jd);
          hi = MAX (hi, k[i].jd);
        }
    }
  if (lo > hi || (guint64) (hi - lo) <= (guint64) n * 4 + 65536)
    {
      /* count[d]: where the quotes of day lo + d begin; the undated after
       * the last day */
      gsize n_days = lo > hi ? 0 : (gsize) (hi - lo) + 1;
      g_autofree guint *count = g_new0 (guint, n_days + 2);
      g_autofree QuoteKey *sorted = g_new (QuoteKey, n);

      for (guint i = 0; i < n; i++)
        count[(k[i].jd == G_MAXINT64 ? n_days : (gsize) (k[i].jd - lo)) + 1]++;
      for (gsize d = 0; d <= n_days; d++)
        count[d + 1] += count[d];
      for (guint i = 0; i < n; i++)
        sorted[count[k[i].jd == G_MAXINT64 ? n_days : (gsize) (k[i].jd - lo)]++] = k[i];
      /* count[d] is now where day d + 1 begins */
      for (gsize d = 0, start = 0; d <= n_days; start = count[d], d++)
        if (count[d] - start > 1)
          sort_keys (sorted + start, count[d] - start);
      memcpy (k, sorted, n * sizeof (QuoteKey));
    }
  else
    g_array_sort (keys, compare_quote_keys);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_set_size (ids, n);
  for (guint i = 0; i < n; i++)
    g_array_index (ids, gint64, i) = k[i].id;
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
