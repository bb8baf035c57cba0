/* dossier-store-quote-list.c — quotes as dossier-cli and the exports
 * list them: a person's or an article's, in their articles' time order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quotes come from the covering index quotes_listed, their
 * articles' days and sources from articles_days once per article, and
 * the order is made by sorting the articles and placing their quotes
 * by counting: a person may have tens of thousands of quotes.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the people of the library"), error);
}

void
dossier_stored_quote_free (DossierStoredQuote *q)
{
  /* its strings are in the same block */
  g_free (q);
}

/* a copy of @s at *@at, which moves past it; NULL stays NULL */
static char *
put_string (char       **at,
            const char  *s,
            gsize        len)
{
  char *copy = *at;

  if (s == NULL)
    return NULL;
  memcpy (copy, s, len);
  copy[len] = '\0';
  *at += len + 1;
  return copy;
}

/* A quote and its strings in one block: a person's list makes tens of
 * thousands, and one allocation each instead of five was a good part
 * of its time. */
static DossierStoredQuote *
new_stored_quote (const char *speaker,
                  const char *text,
                  const char *published,
                  const char *source)
{
  gsize ls = speaker ? strlen (speaker) : 0, lt = text ? strlen (text) : 0;
  gsize lp = published ? strlen (published) : 0, lo = source ? strlen (source) : 0;
  /* the caller sets every other field */
  DossierStoredQuote *q = g_malloc (sizeof (DossierStoredQuote) + ls + lt + lp + lo + 4);
  char *at = (char *) (q + 1);

  q->speaker = put_string (&at, speaker, ls);
  q->text = put_string (&at, text, lt);
  q->published = put_string (&at, published, lp);
  q->source = put_string (&at, source, lo);
  return q;
}

/* A quote as read, its strings kept as offsets into one buffer: a
 * person may have tens of thousands of quotes, and a block for each,
 * freed one by one afterwards, was a good part of listing them. */
typedef struct {
  gint64 id;
  gint64 article_id;
  gint64 person_id;
  gint64 start;
  gint64 end;
  gsize  speaker, text;  /* NO_TEXT for NULL */
  int    attribution;
  int    status;
  guint  article;        /* index in the articles; NO_ARTICLE if gone */
} QuoteRow;

/* An article's day and source, once for all its quotes */
typedef struct {
  gint64 id;
  gint64 jd;             /* G_MAXINT64 when undated */
  gsize  published, source;
} QuotedArticle;

#define NO_TEXT G_MAXSIZE
#define NO_ARTICLE G_MAXUINT
/* quotes fetched ahead when written in time order */
#define PREFETCH_AHEAD 8

/* @n bytes at @s appended to @strings: as g_string_append_len() does,
 * without its call while there is room; a person's list keeps two or
 * three strings for each of tens of thousands of quotes */
static inline void
append_bytes (GString    *strings,
              const char *s,
              gsize       n)
{
  if (G_LIKELY (strings->len + n < strings->allocated_len))
    {
      memcpy (strings->str + strings->len, s, n);
      strings->len += n;
      strings->str[strings->len] = '\0';
    }
  else
    g_string_append_len (strings, s, n);
}

/* a place for one more element at the end of @array, of which *@n are
 * used: the array's length runs ahead, doubled when reached, and is set
 * to *@n when done; g_array_append_val() was a call of a hundred
 * instructions for each of tens of thousands of rows */
static inline gpointer
next_element (GArray *array,
              guint  *n)
{
  guint size = g_array_get_element_size (array);

  if (G_UNLIKELY (*n >= array->len))
    g_array_set_size (array, MAX (array->len * 2, 1024));
  return array->data + (gsize) size * (*n)++;
}

/* column @col of @stmt copied into @strings with its NUL; its offset */
static gsize
keep_column (GString      *strings,
             sqlite3_stmt *stmt,
             int           col)
{
  const char *s = _dossier_store_column_text (stmt, col);
  gsize at = strings->len;

  if (s == NULL)
    return NO_TEXT;
  g_string_append_len (strings, s, sqlite3_column_bytes (stmt, col) + 1);
  return at;
}

static inline const char *
kept_text (GString *strings,
           gsize    at)
{
  return at == NO_TEXT ? NULL : strings->str + at;
}

/* appends the article of @stmt's row to @articles, its columns from @col */
static guint
keep_article (GArray       *articles,
              GString      *strings,
              sqlite3_stmt *stmt,
              gint64        id,
              int           col)
{
  QuotedArticle a;

  a.id = id;
  a.jd = sqlite3_column_type (stmt, col) == SQLITE_NULL ? G_MAXINT64 : sqlite3_column_int64 (stmt, col);
  a.published = keep_column (strings, stmt, col + 1);
  a.source = keep_column (strings, stmt, col + 2);
  g_array_append_val (articles, a);
  return articles->len - 1;
}

/* dossier_quoted_article(id): whether article @id is one of those
 * marked in the slots given as the function's data (of ids from
 * QuotedSlots.min); dossier_keep_article(day, published, source), asked
 * only after it said yes (a CASE keeps the order), keeps that article's columns there and then
 * and says no.  The range of articles read for their days thus returns
 * no row at all: those not quoted are skipped inside SQLite before
 * their columns are read, and the quoted ones are not returned one by
 * one through sqlite3_step() with a call for each column. */
typedef struct {
  guint   *slot;
  gint64   min;
  gint64   max;
  gint64   id;        /* the article dossier_quoted_article() said yes to */
  GArray  *articles;  /* next_element()'s, n_articles used */
  guint    n_articles;
  GString *strings;
} QuotedSlots;

static void
quoted_article (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  QuotedSlots *q = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);
  gboolean quoted = id >= q->min && id <= q->max && q->slot[id - q->min] == NO_ARTICLE - 1;

  if (quoted)
    q->id = id;
  sqlite3_result_int (context, quoted);
}

/* @value's text copied into @strings with its NUL; its offset */
static gsize
keep_value (GString       *strings,
            sqlite3_value *value)
{
  const char *s = (const char *) sqlite3_value_text (value);
  gsize at = strings->len;

  if (s == NULL)
    return NO_TEXT;
  append_bytes (strings, s, sqlite3_value_bytes (value) + 1);
  return at;
}

static void
keep_quoted_article (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  QuotedSlots *q = sqlite3_user_data (context);
  QuotedArticle *a = next_element (q->articles, &q->n_articles);

  a->id = q->id;
  a->jd = sqlite3_value_type (argv[0]) == SQLITE_NULL ? G_MAXINT64 : sqlite3_value_int64 (argv[0]);
  a->published = keep_value (q->strings, argv[1]);
  a->source = keep_value (q->strings, argv[2]);
  q->slot[a->id - q->min] = q->n_articles - 1;
  sqlite3_result_int (context, 0);
}

static gboolean
read_failed (DossierStore *self,
             int           rc,
             GError      **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return FALSE;
  _dossier_store_fail (self, error, _("Could not read the quotes"));
  return TRUE;
}

/* The day and source of the articles of @rows (ids @min to @max) from
 * the articles' narrow index, each once, and each row's index in
 * @articles.  Looked up one by one for their quotes, that took longer
 * than reading the quotes (52,135 of them in 39,891 articles): when
 * they are dense in their range of ids, the range is read in order
 * instead, and found by a table on the ids. */
static gboolean
read_quoted_articles (DossierStore *self,
                      GArray       *rows,
                      gint64        min,
                      gint64        max,
                      GArray       *articles,
                      GString      *strings,
                      GError      **error)
{
  QuoteRow *r = (QuoteRow *) (gpointer) rows->data;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (rows->len == 0)
    return TRUE;
  if ((guint64) (max - min) / 8 < rows->len)
    {
      /* NO_ARTICLE: wanted and not (yet) found; 0 and up: found */
      g_autofree guint *slot = g_new (guint, max - min + 1);

      QuotedSlots quoted = { slot, min, max, 0, articles, articles->len, strings };

      memset (slot, 0xff, (max - min + 1) * sizeof (guint));
      /* every article in the range is wanted at least as often as not:
       * the range is read in order, and the functions (of this call's
       * slots, taken away after it) keep the quoted ones as they come */
      for (guint i = 0; i < rows->len; i++)
        slot[r[i].article_id - min] = NO_ARTICLE - 1;
      if (sqlite3_create_function_v2 (self->db, "dossier_quoted_article", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                      &quoted, quoted_article, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_create_function_v2 (self->db, "dossier_keep_article", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                      &quoted, keep_quoted_article, NULL, NULL, NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not read the quotes"));
          stmt = NULL;
        }
      else
        stmt = prepare (self, "SELECT id FROM articles INDEXED BY articles_days"
                              " WHERE id BETWEEN ?1 AND ?2 AND CASE WHEN dossier_quoted_article(id)"
                              " THEN dossier_keep_article(published_jd, published, source) END",
                        error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, min);
          sqlite3_bind_int64 (stmt, 2, max);
          /* dossier_keep_article() says no to every article: no row
           * comes back */
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
        }
      g_array_set_size (articles, quoted.n_articles);
      sqlite3_create_function_v2 (self->db, "dossier_quoted_article", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                  NULL, NULL, NULL, NULL, NULL);
      sqlite3_create_function_v2 (self->db, "dossier_keep_article", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                  NULL, NULL, NULL, NULL, NULL);
      if (stmt == NULL)
        return FALSE;
      if (read_failed (self, rc, error))
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          guint k = slot[r[i].article_id - min];

          r[i].article = k < articles->len ? k : NO_ARTICLE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
      const QuotedArticle *a;

      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (ids, r[i].article_id);
      g_array_sort (ids, _dossier_store_compare_ids);
      stmt = prepare (self, "SELECT published_jd, published, source FROM articles INDEXED BY articles_days"
                            " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          gint64 id = g_array_index (ids, gint64, j);

          if (j > 0 && id == g_array_index (ids, gint64, j - 1))
            continue;
          sqlite3_bind_int64 (stmt, 1, id);
          if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            keep_article (articles, strings, stmt, id, 0);
          else if (rc != SQLITE_DONE)
            break;
          sqlite3_reset (stmt);
          rc = SQLITE_DONE;
        }
      sqlite3_finalize (stmt);
      if (read_failed (self, rc, error))
        return FALSE;
      /* the articles are in order of id: each row's by halving */
      a = (const QuotedArticle *) (gconstpointer) articles->data;
      for (guint i = 0; i < rows->len; i++)
        {
          guint lo = 0, hi = articles->len;

          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (a[mid].id < r[i].article_id)
                lo = mid + 1;
              else
                hi = mid;
            }
          r[i].article = lo < articles->len && a[lo].id == r[i].article_id ? lo : NO_ARTICLE;
        }
      return TRUE;
    }
}

static int
compare_articles_in_time (gconstpointer a,
                          gconstpointer b,
                          gpointer      data)
{
  const QuotedArticle *articles = data;
  const QuotedArticle *x = &articles[*(const guint *) a], *y = &articles[*(const guint *) b];

  if (x->jd != y->jd)
    return x->jd < y->jd ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* within one article: by start, then as read */
static int
compare_in_article (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const QuoteRow *rows = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (rows[i].start != rows[j].start)
    return rows[i].start < rows[j].start ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* The articles' indexes in time order, by day then id, into @by_time.
 * The articles were kept in order of id, so placing them by counting
 * their days keeps that order among those of a day: a person's quotes
 * are in tens of thousands of articles, a few thousand days apart, and
 * a sort compared them a million times.  A range of days too wide for
 * a count each is sorted. */
static void
articles_in_time (GArray *articles,
                  guint  *by_time)
{
  const QuotedArticle *a = (const QuotedArticle *) (gconstpointer) articles->data;
  guint n = articles->len;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  gboolean in_id_order = TRUE;
  guint n_undated = 0;

  for (guint k = 0; k < n; k++)
    {
      if (k > 0 && a[k - 1].id >= a[k].id)
        in_id_order = FALSE;
      if (a[k].jd == G_MAXINT64)
        n_undated++;
      else
        {
          lo = MIN (lo, a[k].jd);
          hi = MAX (hi, a[k].jd);
        }
    }
  if (in_id_order && (n_undated == n || (guint64) (hi - lo) <= (guint64) n * 4 + 65536))
    {
      /* count[d]: the place of the first article of day lo + d; the
       * undated, last, after the last day */
      gsize n_days = n_undated == n ? 0 : (gsize) (hi - lo) + 1;
      g_autofree guint *count = g_new0 (guint, n_days + 2);

      for (guint k = 0; k < n; k++)
        count[(a[k].jd == G_MAXINT64 ? n_days : (gsize) (a[k].jd - lo)) + 1]++;
      for (gsize d = 0; d <= n_days; d++)
        count[d + 1] += count[d];
      for (guint k = 0; k < n; k++)
        by_time[count[a[k].jd == G_MAXINT64 ? n_days : (gsize) (a[k].jd - lo)]++] = k;
      return;
    }
  for (guint k = 0; k < n; k++)
    by_time[k] = k;
  g_qsort_with_data (by_time, n, sizeof (guint), compare_articles_in_time, articles->data);
}

/* The quotes of one article, @order[0..@n), by where they start, then as
 * read.  They come from the index by start for each status, so they are
 * mostly in order already and few: each is moved back to its place. */
static void
sort_in_article (guint          *order,
                 guint           n,
                 const QuoteRow *rows)
{
  for (guint i = 1; i < n; i++)
    {
      guint x = order[i], j = i;

      while (j > 0 && compare_in_article (&order[j - 1], &x, (gpointer) rows) > 0)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = x;
    }
}

/* The indexes of the rows of @rows in time order: by their article's
 * day, the article's id, where they start, then as read.  The articles
 * (fewer) are put in time order, and the quotes in their article's place
 * by counting. */
static guint *
order_in_time (GArray *rows,
               GArray *articles,
               guint  *n_out)
{
  const QuoteRow *r = (const QuoteRow *) (gconstpointer) rows->data;
  guint n_articles = articles->len;
  g_autofree guint *by_time = g_new (guint, MAX (n_articles, 1));
  g_autofree guint *first = g_new0 (guint, n_articles + 1);
  guint *order = g_new (guint, MAX (rows->len, 1));
  guint n = 0;

  articles_in_time (articles, by_time);
  /* first[k]: where the quotes of the article k-th in time begin */
  {
    g_autofree guint *rank = g_new (guint, MAX (n_articles, 1));

    for (guint k = 0; k < n_articles; k++)
      rank[by_time[k]] = k;
    for (guint i = 0; i < rows->len; i++)
      if (r[i].article != NO_ARTICLE)
        first[rank[r[i].article] + 1]++;
    for (guint k = 0; k < n_articles; k++)
      first[k + 1] += first[k];
    n = first[n_articles];
    {
      g_autofree guint *at = g_memdup2 (first, (n_articles + 1) * sizeof (guint));

      for (guint i = 0; i < rows->len; i++)
        if (r[i].article != NO_ARTICLE)
          order[at[rank[r[i].article]]++] = i;
    }
  }
  for (guint k = 0; k < n_articles; k++)
    if (first[k + 1] - first[k] > 1)
      {
        if (first[k + 1] - first[k] <= 32)
          sort_in_article (order + first[k], first[k + 1] - first[k], r);
        else
          g_qsort_with_data (order + first[k], first[k + 1] - first[k], sizeof (guint),
                             compare_in_article, rows->data);
      }
  *n_out = n;
  return order;
}

/* dossier_keep_quote(id, article, person, speaker, text, start, end,
 * attribution, status): the quote kept in the sink given as the
 * function's data; always no */
typedef struct {
  GArray  *rows;      /* next_element()'s, n_rows used */
  guint    n_rows;
  GString *strings;
  gsize    speaker;   /* a person's name, for all their quotes */
  gboolean person;    /* whether the speaker is that, not the fourth value */
  gint64   min;       /* the quotes' articles' least and greatest ids */
  gint64   max;
} QuoteSink;

static void
keep_quote (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  QuoteSink *sink = sqlite3_user_data (context);
  QuoteRow *row = next_element (sink->rows, &sink->n_rows);
  QuoteRow q;

  q.id = sqlite3_value_int64 (argv[0]);
  q.article_id = sqlite3_value_int64 (argv[1]);
  q.person_id = sqlite3_value_int64 (argv[2]);
  q.speaker = sink->person ? sink->speaker : keep_value (sink->strings, argv[3]);
  q.text = keep_value (sink->strings, argv[4]);
  q.start = sqlite3_value_int64 (argv[5]);
  q.end = sqlite3_value_int64 (argv[6]);
  q.attribution = sqlite3_value_int (argv[7]);
  q.status = sqlite3_value_int (argv[8]);
  q.article = NO_ARTICLE;
  sink->min = MIN (sink->min, q.article_id);
  sink->max = MAX (sink->max, q.article_id);
  *row = q;
  sqlite3_result_int (context, 0);
}

gboolean
dossier_store_each_quote (DossierStore          *self,
                          gint64                 person_id,
                          gint64                 article_id,
                          gboolean               all,
                          DossierStoreQuoteFunc  func,
                          gpointer               user_data,
                          GError               **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) articles = NULL;
  g_autoptr(GString) strings = NULL;
  g_autofree char *sql = NULL;
  g_autofree guint *order = NULL;
  gint64 min, max;
  QuoteSink sink = { NULL, 0, NULL, NO_TEXT, person_id > 0, G_MAXINT64, G_MININT64 };
  const QuoteRow *r;
  const QuotedArticle *a;
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rows = g_array_sized_new (FALSE, FALSE, sizeof (QuoteRow), 1024);
  articles = g_array_sized_new (FALSE, FALSE, sizeof (QuotedArticle), 1024);
  strings = g_string_sized_new (256 * 1024);
  sink.rows = rows;
  sink.strings = strings;
  /* One condition per case, so that each uses its index: a person's
   * quotes are one range of quotes_listed, which holds all that is
   * listed of them, and their speaker is the same for all, read once.
   * Their articles' days and sources are read after, each once, and
   * the quotes are put in time order here: SQLite's sorter would carry
   * every quote's text through its sort. */
  if (person_id > 0)
    {
      stmt = prepare (self, "SELECT name FROM people WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        sink.speaker = keep_column (strings, stmt, 0);
      sqlite3_finalize (stmt);
      if (read_failed (self, rc, error))
        return FALSE;
    }
  /* The rows are kept by a function of this call (taken away after it)
   * as SQLite meets them, and none is returned: through sqlite3_step()
   * and a call for each of nine columns, a person's tens of thousands
   * took a fifth more instructions.  The CASE asks it only for the
   * quotes listed. */
  sql = g_strdup_printf ("SELECT 1 FROM quotes q %s %s WHERE %s %s AND CASE WHEN ?3 OR q.status < 2 THEN"
                         " dossier_keep_quote(q.id, q.article_id, q.person_id, %s, q.text, q.start_offset,"
                         " q.end_offset, q.attribution, q.status) END",
                         person_id > 0 ? "INDEXED BY quotes_listed" : "",
                         person_id > 0 ? "" : "LEFT JOIN people p ON p.id = q.person_id",
                         person_id > 0 ? "q.person_id = ?1" : "?1 = 0",
                         article_id > 0 ? "AND q.article_id = ?2" : "AND ?2 = 0",
                         person_id > 0 ? "NULL" : "p.name");
  if (sqlite3_create_function_v2 (self->db, "dossier_keep_quote", 9, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                  &sink, keep_quote, NULL, NULL, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the quotes"));
      return FALSE;
    }
  stmt = prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, article_id);
      sqlite3_bind_int (stmt, 3, all);
      /* dossier_keep_quote() says no to every quote: no row comes back */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
    }
  sqlite3_create_function_v2 (self->db, "dossier_keep_quote", 9, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                              NULL, NULL, NULL, NULL, NULL);
  g_array_set_size (rows, sink.n_rows);
  if (stmt == NULL)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the quotes"));
      return FALSE;
    }
  min = sink.min;
  max = sink.max;
  if (!read_quoted_articles (self, rows, min, max, articles, strings, error))
    return FALSE;

  /* a quote of an article no longer there is not listed */
  order = order_in_time (rows, articles, &n);
  r = (const QuoteRow *) (gconstpointer) rows->data;
  a = (const QuotedArticle *) (gconstpointer) articles->data;
  /* In time order the quotes are read from all over the buffers: what
   * comes a few quotes later is fetched ahead, the row first, then
   * its text and article */
  for (guint i = 0; i < n; i++)
    {
      const QuoteRow *q = &r[order[i]];
      const QuotedArticle *qa = &a[q->article];
      DossierStoredQuote out;

      if (i + 2 * PREFETCH_AHEAD < n)
        __builtin_prefetch (&r[order[i + 2 * PREFETCH_AHEAD]]);
      if (i + PREFETCH_AHEAD < n)
        {
          const QuoteRow *ahead = &r[order[i + PREFETCH_AHEAD]];

          if (ahead->text != NO_TEXT)
            __builtin_prefetch (strings->str + ahead->text);
          __builtin_prefetch (&a[ahead->article]);
        }
      out.id = q->id;
      out.article_id = q->article_id;
      out.person_id = q->person_id;
      out.speaker = (char *) kept_text (strings, q->speaker);
      out.text = (char *) kept_text (strings, q->text);
      out.start = q->start;
      out.end = q->end;
      out.published = (char *) kept_text (strings, qa->published);
      out.source = (char *) kept_text (strings, qa->source);
      out.attribution = q->attribution;
      out.status = q->status;
      func (&out, user_data);
    }
  return TRUE;
}

static void
add_copy (const DossierStoredQuote *quote,
          gpointer                  data)
{
  GPtrArray *list = data;
  DossierStoredQuote *q = new_stored_quote (quote->speaker, quote->text, quote->published, quote->source);

  q->id = quote->id;
  q->article_id = quote->article_id;
  q->person_id = quote->person_id;
  q->start = quote->start;
  q->end = quote->end;
  q->attribution = quote->attribution;
  q->status = quote->status;
  g_ptr_array_add (list, q);
}

GPtrArray *
dossier_store_list_quotes (DossierStore  *self,
                           gint64         person_id,
                           gint64         article_id,
                           gboolean       all,
                           GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stored_quote_free);

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!dossier_store_each_quote (self, person_id, article_id, all, add_copy, list, error))
    return NULL;
  return g_steal_pointer (&list);
}
