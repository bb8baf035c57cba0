/* dossier-store-people.c — people, their mentions and their quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles wait in quote_queue until their quotes are found (after an
 * import is saved, never inside it).  Each named person of an article
 * becomes one row of people: first by a variant already known (so that
 * renames, merges and splits hold), then by surname and given name
 * folded across spellings, else a new row.  Corrections are kept by
 * article and quoted words and applied again whenever the article's
 * quotes are found anew.  Renames, merges and splits are also written as
 * what they say of each written name (person_fixes: this variant is the
 * person called so), which a team library shares.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"
#include "dossier-quotes.h"

#define BATCH 256

void
dossier_stored_person_free (DossierStoredPerson *p)
{
  /* its strings and vectors are in the same block */
  g_free (p);
}

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the people of the library"), error);
}

/* Runs @sql with up to two integer parameters (0 and less: unbound). */
static gboolean
exec_ids (DossierStore  *self,
          const char    *sql,
          gint64         a,
          gint64         b,
          GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _dossier_store_fail (self, error, _("Could not change the people of the library"));
  return TRUE;
}

/* Recounts the mentions and quotes of the people in @ids (all when NULL). */
static gboolean
refresh_counts (DossierStore  *self,
                GHashTable    *ids,
                GError       **error)
{
  /* by id when given, so that each update finds its row by the key */
  sqlite3_stmt *stmt = prepare (self, ids == NULL ? "UPDATE people SET"
                                " mentions = (SELECT COUNT(*) FROM mentions m WHERE m.person_id = people.id),"
                                " quotes = (SELECT COUNT(*) FROM quotes q WHERE q.person_id = people.id AND q.status < 2)"
                                : "UPDATE people SET"
                                " mentions = (SELECT COUNT(*) FROM mentions m WHERE m.person_id = ?1),"
                                " quotes = (SELECT COUNT(*) FROM quotes q WHERE q.person_id = ?1 AND q.status < 2)"
                                " WHERE id = ?1",
                                error);
  GHashTableIter iter;
  gpointer key;
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  if (ids == NULL)
    ok = sqlite3_step (stmt) == SQLITE_DONE;
  else
    {
      g_hash_table_iter_init (&iter, ids);
      while (ok && g_hash_table_iter_next (&iter, &key, NULL))
        {
          sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }
  sqlite3_finalize (stmt);
  return ok || _dossier_store_fail (self, error, _("Could not change the people of the library"));
}

/* Adds the people of @article_id's mentions and quotes to @ids. */
static void
note_people_of (DossierStore *self,
                gint64        article_id,
                GHashTable   *ids)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT person_id FROM mentions WHERE article_id = ?1"
                                " UNION SELECT person_id FROM quotes WHERE article_id = ?1 AND person_id IS NOT NULL",
                                NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  sqlite3_finalize (stmt);
}

typedef struct
{
  sqlite3_stmt *body;
  sqlite3_stmt *by_variant;
  sqlite3_stmt *by_key;
  sqlite3_stmt *add_person;
  sqlite3_stmt *upgrade;
  sqlite3_stmt *add_variant;
  sqlite3_stmt *add_title;
  sqlite3_stmt *add_mention;
  sqlite3_stmt *correction;
  sqlite3_stmt *add_quote;
  sqlite3_stmt *done;
} Stmts;

static void
stmts_clear (Stmts *s)
{
  sqlite3_stmt **all = (sqlite3_stmt **) s;

  for (guint i = 0; i < sizeof (Stmts) / sizeof (sqlite3_stmt *); i++)
    sqlite3_finalize (all[i]);
  memset (s, 0, sizeof *s);
}

static gboolean
stmts_init (DossierStore *self,
            Stmts        *s,
            GError      **error)
{
  static const char *const sql[] = {
    "SELECT body FROM articles WHERE id = ?1",
    "SELECT person_id FROM person_variants WHERE variant = ?1",
    /* a given name that matches, else a person known by surname alone,
     * else (for a surname alone) the most mentioned of that surname */
    "SELECT p.id, p.given_key FROM people p WHERE p.kind = ?1 AND p.surname_key = ?2"
    " AND (?3 IS NULL OR p.given_key IS NULL OR p.given_key = ?3)"
    " ORDER BY (p.given_key IS ?3) DESC,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.person_id = p.id) DESC LIMIT 1",
    "INSERT INTO people(name, kind, surname_key, given_key) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE people SET given_key = ?2, name = CASE WHEN renamed THEN name ELSE ?3 END"
    " WHERE id = ?1 AND given_key IS NULL",
    "INSERT OR IGNORE INTO person_variants(variant, person_id) VALUES (?1, ?2)",
    "INSERT OR IGNORE INTO person_titles(person_id, title) VALUES (?1, ?2)",
    "INSERT INTO mentions(person_id, article_id, count) VALUES (?1, ?2, ?3)"
    " ON CONFLICT(person_id, article_id) DO UPDATE SET count = count + excluded.count",
    "SELECT person_id, rejected FROM quote_corrections WHERE article_id = ?1 AND text = ?2",
    "INSERT INTO quotes(article_id, person_id, start_offset, end_offset, text, attribution, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "DELETE FROM quote_queue WHERE article_id = ?1",
  };
  sqlite3_stmt **all = (sqlite3_stmt **) s;

  G_STATIC_ASSERT (G_N_ELEMENTS (sql) == sizeof (Stmts) / sizeof (sqlite3_stmt *));
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if ((all[i] = prepare (self, sql[i], error)) == NULL)
      {
        stmts_clear (s);
        return FALSE;
      }
  return TRUE;
}

static gboolean
step_done (DossierStore *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not save the quotes"));
  return TRUE;
}

/* The person row for a name found in an article, made if new. */
static gint64
person_for (DossierStore *self,
            Stmts        *s,
            DossierNamed *n,
            GError      **error)
{
  gboolean org = n->kind == DOSSIER_SPEAKER_ORGANISATION;
  g_autofree char *surname = NULL;
  g_autofree char *given = NULL;
  gint64 id = 0;

  _dossier_store_bind_text (s->by_variant, 1, n->name);
  if (sqlite3_step (s->by_variant) == SQLITE_ROW)
    id = sqlite3_column_int64 (s->by_variant, 0);
  sqlite3_reset (s->by_variant);
  if (id > 0)
    return id;

  if (org)
    {
      surname = g_utf8_casefold (n->name, -1);
      given = NULL;
    }
  else
    {
      surname = dossier_name_surname_key (n->name);
      given = dossier_name_given_key (n->name);
    }
  sqlite3_bind_int (s->by_key, 1, org);
  _dossier_store_bind_text (s->by_key, 2, surname);
  _dossier_store_bind_text (s->by_key, 3, given);
  if (sqlite3_step (s->by_key) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (s->by_key, 0);
      if (given != NULL && sqlite3_column_type (s->by_key, 1) == SQLITE_NULL)
        {
          sqlite3_reset (s->by_key);
          sqlite3_bind_int64 (s->upgrade, 1, id);
          _dossier_store_bind_text (s->upgrade, 2, given);
          _dossier_store_bind_text (s->upgrade, 3, n->name);
          if (!step_done (self, s->upgrade, error))
            return -1;
        }
    }
  sqlite3_reset (s->by_key);
  if (id > 0)
    return id;

  _dossier_store_bind_text (s->add_person, 1, n->name);
  sqlite3_bind_int (s->add_person, 2, org);
  _dossier_store_bind_text (s->add_person, 3, surname);
  _dossier_store_bind_text (s->add_person, 4, given);
  if (!step_done (self, s->add_person, error))
    return -1;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
save_article (DossierStore *self,
              Stmts        *s,
              gint64        article_id,
              GHashTable   *touched,
              GError      **error)
{
  g_autofree char *body = NULL;
  g_autoptr(DossierQuoteResult) r = NULL;
  g_autofree gint64 *ids = NULL;
  const char *at;
  glong chars = 0;

  sqlite3_bind_int64 (s->body, 1, article_id);
  if (sqlite3_step (s->body) == SQLITE_ROW)
    body = g_strdup (_dossier_store_column_text (s->body, 0));
  sqlite3_reset (s->body);

  note_people_of (self, article_id, touched);
  if (!exec_ids (self, "DELETE FROM quotes WHERE article_id = ?1", article_id, 0, error) ||
      !exec_ids (self, "DELETE FROM mentions WHERE article_id = ?1", article_id, 0, error))
    return FALSE;

  if (body != NULL)
    {
      r = dossier_quotes_find (body);
      ids = g_new0 (gint64, r->named->len + 1);
      for (guint i = 0; i < r->named->len; i++)
        {
          DossierNamed *n = g_ptr_array_index (r->named, i);

          ids[i] = person_for (self, s, n, error);
          if (ids[i] < 0)
            return FALSE;
          for (guint v = 0; v <= n->variants->len; v++)
            {
              const char *variant = v < n->variants->len ? g_ptr_array_index (n->variants, v) : n->name;

              _dossier_store_bind_text (s->add_variant, 1, variant);
              sqlite3_bind_int64 (s->add_variant, 2, ids[i]);
              if (!step_done (self, s->add_variant, error))
                return FALSE;
            }
          for (guint t = 0; t < n->titles->len; t++)
            {
              sqlite3_bind_int64 (s->add_title, 1, ids[i]);
              _dossier_store_bind_text (s->add_title, 2, g_ptr_array_index (n->titles, t));
              if (!step_done (self, s->add_title, error))
                return FALSE;
            }
          sqlite3_bind_int64 (s->add_mention, 1, ids[i]);
          sqlite3_bind_int64 (s->add_mention, 2, article_id);
          sqlite3_bind_int64 (s->add_mention, 3, MAX (n->mentions, 1));
          if (!step_done (self, s->add_mention, error))
            return FALSE;
        }

      at = body;
      for (guint i = 0; i < r->quotes->len; i++)
        {
          DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);
          g_autofree char *text = g_strndup (body + q->start, q->end - q->start);
          gint64 person = q->speaker >= 0 ? ids[q->speaker] : 0;
          DossierQuoteStatus status = DOSSIER_QUOTE_FOUND;
          glong start, end;

          chars += g_utf8_pointer_to_offset (at, body + q->start);
          start = chars;
          end = start + g_utf8_strlen (text, -1);
          at = body + q->start;

          sqlite3_bind_int64 (s->correction, 1, article_id);
          _dossier_store_bind_text (s->correction, 2, text);
          if (sqlite3_step (s->correction) == SQLITE_ROW)
            {
              if (sqlite3_column_int (s->correction, 1))
                status = DOSSIER_QUOTE_REJECTED;
              else
                {
                  status = DOSSIER_QUOTE_CORRECTED;
                  person = sqlite3_column_int64 (s->correction, 0);
                }
            }
          sqlite3_reset (s->correction);

          sqlite3_bind_int64 (s->add_quote, 1, article_id);
          if (person > 0)
            sqlite3_bind_int64 (s->add_quote, 2, person);
          else
            sqlite3_bind_null (s->add_quote, 2);
          sqlite3_bind_int64 (s->add_quote, 3, start);
          sqlite3_bind_int64 (s->add_quote, 4, end);
          _dossier_store_bind_text (s->add_quote, 5, text);
          sqlite3_bind_int (s->add_quote, 6, q->attribution);
          sqlite3_bind_int (s->add_quote, 7, status);
          if (!step_done (self, s->add_quote, error))
            return FALSE;
        }
    }

  note_people_of (self, article_id, touched);
  sqlite3_bind_int64 (s->done, 1, article_id);
  return step_done (self, s->done, error);
}

gboolean
_dossier_store_find_quotes_again (DossierStore  *self,
                                  gint64         article_id,
                                  GError       **error)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Stmts s = { 0 };
  gboolean ok;

  if (!stmts_init (self, &s, error))
    return FALSE;
  ok = save_article (self, &s, article_id, touched, error) && refresh_counts (self, touched, error);
  stmts_clear (&s);
  return ok;
}

gint64
dossier_store_find_quotes (DossierStore  *self,
                           guint          max_articles,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Stmts s = { 0 };
  gint64 done = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (!stmts_init (self, &s, error))
    return -1;
  while (done < max_articles)
    {
      g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *next = prepare (self, "SELECT article_id FROM quote_queue ORDER BY article_id LIMIT ?1", error);

      if (next == NULL)
        goto fail;
      sqlite3_bind_int64 (next, 1, MIN (BATCH, max_articles - done));
      while (sqlite3_step (next) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (next, 0);

          g_array_append_val (batch, id);
        }
      sqlite3_finalize (next);
      if (batch->len == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !dossier_store_begin (self, error))
        goto fail;
      for (guint i = 0; i < batch->len; i++)
        if (!save_article (self, &s, g_array_index (batch, gint64, i), touched, error))
          {
            dossier_store_rollback (self);
            goto fail;
          }
      if (!refresh_counts (self, touched, error))
        {
          dossier_store_rollback (self);
          goto fail;
        }
      g_hash_table_remove_all (touched);
      if (!dossier_store_commit (self, error))
        goto fail;
      done += batch->len;
    }
  stmts_clear (&s);
  return done;

fail:
  stmts_clear (&s);
  return -1;
}

gint64
dossier_store_quotes_pending (DossierStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT COUNT(*) FROM quote_queue", error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

gboolean
_dossier_store_check_quotes (DossierStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 found_by = DOSSIER_QUOTES_VERSION;
  int rc;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    return TRUE;
  stmt = prepare (self, "SELECT version FROM quote_extractor WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found_by = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not open the library"));
  /* the same or a newer extractor (a library last opened by a newer
   * Dossier) keeps what it found */
  if (found_by >= DOSSIER_QUOTES_VERSION)
    return TRUE;

  /* queued and marked in one transaction: the queue is the library's, so
   * the work goes on at the next start wherever it stopped, and the
   * corrections, kept by article and quoted words, hold on each article
   * as it is done again */
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!exec_ids (self, "INSERT OR IGNORE INTO quote_queue (article_id) SELECT id FROM articles", 0, 0, error) ||
      !exec_ids (self, "UPDATE quote_extractor SET version = ?1 WHERE id = 1", DOSSIER_QUOTES_VERSION, 0, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

/* A listed person's row, their name in the pool of strings read */
typedef struct
{
  gint64   id;
  gint64   mentions;
  gint64   quotes;
  gsize    name_at;
  guint    name_len;
  gboolean organisation;
} PersonRow;

/* Where each listed person is in the list, by id (one more than the
 * place; 0 when not listed): a table indexed by id when the ids are
 * dense enough (the usual case: people are added and seldom deleted),
 * else a hash table. */
typedef struct
{
  guint      *slots;
  gint64      n_slots;
  GHashTable *table;
} PeopleById;

static void
people_by_id_init (PeopleById      *m,
                   const PersonRow *rows,
                   guint            n,
                   gint64           max_id)
{
  memset (m, 0, sizeof *m);
  if (max_id < (gint64) n * 8 + 4096)
    {
      m->n_slots = max_id + 1;
      m->slots = g_new0 (guint, m->n_slots);
      for (guint i = 0; i < n; i++)
        m->slots[rows[i].id] = i + 1;
      return;
    }
  m->table = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (m->table, (gpointer) &rows[i].id, GUINT_TO_POINTER (i + 1));
}

static guint
people_by_id_lookup (PeopleById *m,
                     gint64      id)
{
  if (m->slots != NULL)
    return id >= 0 && id < m->n_slots ? m->slots[id] : 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (m->table, &id));
}

static void
people_by_id_clear (PeopleById *m)
{
  g_free (m->slots);
  g_clear_pointer (&m->table, g_hash_table_unref);
}

/* A string read for a listed person, kept in a pool of all of them until
 * each person's block is made: by its place in the pool, as the pool
 * moves while it grows. */
typedef struct
{
  guint  person;        /* the place in the list */
  guint  len;           /* in bytes */
  glong  chars;
  gsize  at;            /* in the pool */
} Named;

/* as "ORDER BY length(variant) DESC, variant" orders them: the longest
 * first (in characters), then as the column's NOCASE collation does */
static int
compare_variants (gconstpointer a,
                  gconstpointer b,
                  gpointer      pool)
{
  const Named *x = a, *y = b;
  const guchar *p, *q;

  if (x->chars != y->chars)
    return x->chars > y->chars ? -1 : 1;
  for (p = (const guchar *) pool + x->at, q = (const guchar *) pool + y->at;
       *p != '\0' && g_ascii_tolower (*p) == g_ascii_tolower (*q); p++, q++)
    ;
  return (int) g_ascii_tolower (*p) - (int) g_ascii_tolower (*q);
}

/* @s (@len bytes) at the end of @pool, with its NUL; returns where */
static gsize
pool_add (GString    *pool,
          const char *s,
          gsize       len)
{
  gsize at = pool->len;

  g_string_append_len (pool, s, len);
  g_string_append_c (pool, '\0');
  return at;
}

/* The strings of one kind for each listed person: placed[start[i]] to
 * placed[start[i + 1]] are the list's i-th person's. */
typedef struct
{
  Named *placed;
  guint *start;
} PersonStrings;

static void
person_strings_clear (PersonStrings *s)
{
  g_clear_pointer (&s->placed, g_free);
  g_clear_pointer (&s->start, g_free);
}

/* Reads (person id, string) rows into @pool for the @n listed people.
 * The rows are read in the table's own order and put together per
 * person here, by counting: sorting them all in SQL cost more than the
 * rest of the list.  With @by_length, each person's strings are ordered
 * as compare_variants() does, else they stay in the order they came. */
static gboolean
collect_strings (DossierStore   *self,
                 const char     *sql,
                 guint           n,
                 PeopleById     *by_id,
                 GString        *pool,
                 gboolean        by_length,
                 PersonStrings  *out,
                 GError        **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Named));
  g_autofree guint *next = NULL;
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  out->start = g_new0 (guint, n + 1);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = people_by_id_lookup (by_id, sqlite3_column_int64 (stmt, 0));
      const char *text;
      Named row;

      if (at == 0)
        continue;
      text = _dossier_store_column_text (stmt, 1);
      row.person = at - 1;
      row.len = text != NULL ? (guint) sqlite3_column_bytes (stmt, 1) : 0;
      row.chars = by_length && text != NULL ? g_utf8_strlen (text, row.len) : 0;
      row.at = pool_add (pool, text != NULL ? text : "", row.len);
      g_array_append_val (rows, row);
      out->start[row.person + 1]++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the people of the library"));
  /* counted per person, then placed together in the order read */
  for (guint i = 0; i < n; i++)
    out->start[i + 1] += out->start[i];
  next = g_memdup2 (out->start, (n + 1) * sizeof (guint));
  out->placed = g_new (Named, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      Named *row = &g_array_index (rows, Named, i);

      out->placed[next[row->person]++] = *row;
    }
  if (by_length)
    for (guint i = 0; i < n; i++)
      if (out->start[i + 1] - out->start[i] > 1)
        g_qsort_with_data (out->placed + out->start[i], out->start[i + 1] - out->start[i],
                           sizeof (Named), compare_variants, pool->str);
  return TRUE;
}

/* Copies person @i's strings of @s into the vector @vec and after *@at */
static void
fill_strv (char               **vec,
           char               **at,
           const PersonStrings *s,
           guint                i,
           const char          *pool)
{
  guint k = 0;

  for (guint j = s->start[i]; j < s->start[i + 1]; j++)
    {
      const Named *v = &s->placed[j];

      memcpy (*at, pool + v->at, v->len + 1);
      vec[k++] = *at;
      *at += v->len + 1;
    }
  vec[k] = NULL;
}

static gsize
strings_size (const PersonStrings *s,
              guint                i)
{
  gsize size = 0;

  for (guint j = s->start[i]; j < s->start[i + 1]; j++)
    size += s->placed[j].len + 1;
  return size;
}

GPtrArray *
dossier_store_list_people (DossierStore  *self,
                           const char    *search,
                           GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (PersonRow));
  g_autoptr(GString) pool = g_string_sized_new (1024 * 1024);
  GPtrArray *list;
  PersonStrings variants = { 0 }, titles = { 0 };
  PeopleById by_id;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT p.id, p.name, p.kind, p.mentions, p.quotes FROM people p"
                  " WHERE (p.mentions > 0 OR p.quotes > 0) AND (?1 IS NULL OR p.name LIKE '%' || ?1 || '%'"
                  " OR EXISTS (SELECT 1 FROM person_variants v"
                  "   WHERE v.person_id = p.id AND v.variant LIKE '%' || ?1 || '%'))"
                  " ORDER BY p.quotes DESC, p.mentions DESC, p.name COLLATE NOCASE, p.id",
                  error);
  if (stmt == NULL)
    return NULL;
  _dossier_store_bind_text (stmt, 1, search != NULL && *search != '\0' ? search : NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = _dossier_store_column_text (stmt, 1);
      PersonRow r;

      r.id = sqlite3_column_int64 (stmt, 0);
      r.name_len = name != NULL ? (guint) sqlite3_column_bytes (stmt, 1) : 0;
      r.name_at = pool_add (pool, name != NULL ? name : "", r.name_len);
      r.organisation = sqlite3_column_int (stmt, 2) != 0;
      r.mentions = sqlite3_column_int64 (stmt, 3);
      r.quotes = sqlite3_column_int64 (stmt, 4);
      max_id = MAX (max_id, r.id);
      g_array_append_val (rows, r);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the people of the library"));
      return NULL;
    }
  people_by_id_init (&by_id, (const PersonRow *) rows->data, rows->len, max_id);
  /* the variants in the table's order, ordered per person here; the
   * titles in their key's order, which is the person's and then the
   * title's */
  ok = collect_strings (self, "SELECT person_id, variant FROM person_variants",
                        rows->len, &by_id, pool, TRUE, &variants, error) &&
       collect_strings (self, "SELECT person_id, title FROM person_titles ORDER BY person_id, title",
                        rows->len, &by_id, pool, FALSE, &titles, error);
  people_by_id_clear (&by_id);
  if (!ok)
    {
      person_strings_clear (&variants);
      person_strings_clear (&titles);
      return NULL;
    }
  /* each person one block with their strings: a list of hundreds of
   * thousands spent most of its time allocating and freeing them one by
   * one */
  list = g_ptr_array_new_full (rows->len, (GDestroyNotify) dossier_stored_person_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const PersonRow *r = &g_array_index (rows, PersonRow, i);
      guint nv = variants.start[i + 1] - variants.start[i], nt = titles.start[i + 1] - titles.start[i];
      gsize size = sizeof (DossierStoredPerson) + (nv + nt + 2) * sizeof (char *) + r->name_len + 1 +
                   strings_size (&variants, i) + strings_size (&titles, i);
      DossierStoredPerson *p = g_malloc (size);
      char **vec = (char **) (p + 1);
      char *at = (char *) (vec + nv + nt + 2);

      p->id = r->id;
      p->organisation = r->organisation;
      p->mentions = r->mentions;
      p->quotes = r->quotes;
      p->name = at;
      memcpy (at, pool->str + r->name_at, r->name_len + 1);
      at += r->name_len + 1;
      p->variants = vec;
      fill_strv (p->variants, &at, &variants, i, pool->str);
      p->titles = vec + nv + 1;
      fill_strv (p->titles, &at, &titles, i, pool->str);
      g_ptr_array_add (list, p);
    }
  person_strings_clear (&variants);
  person_strings_clear (&titles);
  return list;
}

gint64
dossier_store_find_person (DossierStore  *self,
                           const char    *spec,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  char *end = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (g_ascii_isdigit (spec[0]))
    {
      gint64 n = g_ascii_strtoll (spec, &end, 10);

      if (end != NULL && *end == '\0' && n > 0)
        {
          stmt = prepare (self, "SELECT id FROM people WHERE id = ?1", error);
          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, n);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = n;
          sqlite3_finalize (stmt);
        }
    }
  if (id == 0)
    {
      stmt = prepare (self,
                      "SELECT p.id FROM people p WHERE p.name = ?1 COLLATE NOCASE"
                      " UNION ALL SELECT person_id FROM person_variants WHERE variant = ?1 LIMIT 1",
                      error);
      if (stmt == NULL)
        return 0;
      _dossier_store_bind_text (stmt, 1, spec);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  if (id == 0)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("No person “%s” in the library"), spec);
  return id;
}

/* Whether the row @id of @table ("people" or "quotes") exists; sets
 * NOT_FOUND if not. */
static gboolean
row_exists (DossierStore *self,
            const char   *table,
            gint64        id,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!found && strcmp (table, "people") == 0)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("No person %lld in the library"), (long long) id);
  else if (!found)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("No quote %lld in the library"), (long long) id);
  return found;
}

#define PERSON_EXISTS(id) row_exists (self, "people", (id), error)
#define QUOTE_EXISTS(id) row_exists (self, "quotes", (id), error)

/* Writes what the user's correction says of each variant of @id: it
 * belongs to the person called as @id is now (queued for a team). */
static gboolean
write_fixes (DossierStore  *self,
             gint64         id,
             GError       **error)
{
  /* no upsert: its conflict policy would be the queue triggers' too */
  return exec_ids (self, "UPDATE person_fixes SET name = (SELECT name FROM people WHERE id = ?1)"
                   " WHERE uuid IN (SELECT " DOSSIER_SQL_ROW_UUID ("'person'", "variant")
                   "   FROM person_variants WHERE person_id = ?1)"
                   " AND name IS NOT (SELECT name FROM people WHERE id = ?1)", id, 0, error) &&
         exec_ids (self, "INSERT OR IGNORE INTO person_fixes (uuid, variant, name)"
                   " SELECT " DOSSIER_SQL_ROW_UUID ("'person'", "v.variant") ", v.variant, p.name"
                   " FROM person_variants v JOIN people p ON p.id = v.person_id WHERE v.person_id = ?1",
                   id, 0, error);
}

/* Moves everything of @other but its variants to @id and removes it;
 * within the caller's transaction. */
gboolean
_dossier_store_fold_person (DossierStore  *self,
                            gint64         id,
                            gint64         other,
                            GError       **error)
{
  static const char *const steps[] = {
    "UPDATE person_variants SET person_id = ?1 WHERE person_id = ?2",
    "INSERT OR IGNORE INTO person_titles(person_id, title) SELECT ?1, title FROM person_titles WHERE person_id = ?2",
    "INSERT INTO mentions(person_id, article_id, count) SELECT ?1, article_id, count FROM mentions"
    " WHERE person_id = ?2 ON CONFLICT(person_id, article_id) DO UPDATE SET count = count + excluded.count",
    "UPDATE quotes SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE quote_corrections SET person_id = ?1 WHERE person_id = ?2",
    "DELETE FROM people WHERE id = ?2",
  };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!exec_ids (self, steps[i], id, other, error))
      return FALSE;
  g_hash_table_add (ids, &id);
  return refresh_counts (self, ids, error);
}

gboolean
dossier_store_rename_person (DossierStore  *self,
                             gint64         id,
                             const char    *name,
                             GError       **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED, _("A name cannot be empty"));
      return FALSE;
    }
  if (!PERSON_EXISTS (id) || !dossier_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      stmt = prepare (self, i == 0 ? "UPDATE people SET name = ?2, renamed = 1 WHERE id = ?1"
                                   : "INSERT OR IGNORE INTO person_variants(variant, person_id) VALUES (?2, ?1)",
                      error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      _dossier_store_bind_text (stmt, 2, stripped);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not rename the person"));
          goto fail;
        }
    }
  if (write_fixes (self, id, error) && dossier_store_commit (self, error))
    return TRUE;

fail:
  dossier_store_rollback (self);
  return FALSE;
}

gboolean
dossier_store_merge_people (DossierStore  *self,
                            gint64         id,
                            gint64         other,
                            GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (id == other)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                           _("A person cannot be merged with themselves"));
      return FALSE;
    }
  if (!PERSON_EXISTS (id) || !PERSON_EXISTS (other) || !dossier_store_begin (self, error))
    return FALSE;
  if (!_dossier_store_fold_person (self, id, other, error) || !write_fixes (self, id, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

gint64
dossier_store_split_person (DossierStore  *self,
                            gint64         id,
                            const char    *variant,
                            GError       **error)
{
  g_autofree char *surname = NULL, *given = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;
  gboolean owned;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), 0);
  g_return_val_if_fail (variant != NULL, 0);

  if (!PERSON_EXISTS (id))
    return 0;
  stmt = prepare (self, "SELECT 1 FROM person_variants WHERE variant = ?1 AND person_id = ?2", error);
  if (stmt == NULL)
    return 0;
  _dossier_store_bind_text (stmt, 1, variant);
  sqlite3_bind_int64 (stmt, 2, id);
  owned = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!owned)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("Person %lld has no variant “%s”"), (long long) id, variant);
      return 0;
    }
  if (!dossier_store_begin (self, error))
    return 0;
  surname = dossier_name_surname_key (variant);
  given = dossier_name_given_key (variant);
  stmt = prepare (self, "INSERT INTO people(name, kind, surname_key, given_key, renamed)"
                        " SELECT ?1, kind, ?2, ?3, 1 FROM people WHERE id = ?4", error);
  if (stmt == NULL)
    goto fail;
  _dossier_store_bind_text (stmt, 1, variant);
  _dossier_store_bind_text (stmt, 2, surname);
  _dossier_store_bind_text (stmt, 3, given);
  sqlite3_bind_int64 (stmt, 4, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not split the person"));
      goto fail;
    }
  new_id = sqlite3_last_insert_rowid (self->db);
  stmt = prepare (self, "UPDATE person_variants SET person_id = ?2 WHERE variant = ?1", error);
  if (stmt == NULL)
    goto fail;
  _dossier_store_bind_text (stmt, 1, variant);
  sqlite3_bind_int64 (stmt, 2, new_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not split the person"));
      goto fail;
    }
  /* the person left keeps their name unless it is the name split off:
   * then they take the longest of the names left to them, so that the two
   * are told apart, here and in a team's other libraries, which know
   * people by name (two called alike would be one person there) */
  if (!exec_ids (self, "UPDATE people SET renamed = 1, name = (SELECT variant FROM person_variants"
                       "   WHERE person_id = ?1 ORDER BY length(variant) DESC, variant LIMIT 1)"
                       " WHERE id = ?1 AND name = (SELECT name FROM people WHERE id = ?2) COLLATE NOCASE"
                       " AND EXISTS (SELECT 1 FROM person_variants WHERE person_id = ?1)", id, new_id, error))
    goto fail;
  /* the articles of the person find their people again, the variant now
   * leading to the new one */
  if (!exec_ids (self, "INSERT OR IGNORE INTO quote_queue(article_id)"
                       " SELECT article_id FROM mentions WHERE person_id = ?1"
                       " UNION SELECT article_id FROM quotes WHERE person_id = ?1", id, 0, error) ||
      !write_fixes (self, new_id, error) || !write_fixes (self, id, error) ||
      !dossier_store_commit (self, error))
    goto fail;
  if (dossier_store_find_quotes (self, G_MAXUINT, NULL, error) < 0)
    return 0;
  return new_id;

fail:
  dossier_store_rollback (self);
  return 0;
}

static gboolean
correct_quote (DossierStore  *self,
               gint64         quote_id,
               gint64         person_id,
               gboolean       reject,
               GError       **error)
{
  /* no upsert: its conflict policy would be the team queue triggers' too,
   * and a correction changed before a sync would fail */
  static const char *const steps[] = {
    "UPDATE quote_corrections SET person_id = ?2, rejected = ?3"
    " WHERE (article_id, text) IN (SELECT article_id, text FROM quotes WHERE id = ?1)",
    "INSERT OR IGNORE INTO quote_corrections(article_id, text, person_id, rejected)"
    " SELECT article_id, text, ?2, ?3 FROM quotes WHERE id = ?1",
    "UPDATE quotes SET person_id = CASE WHEN ?3 THEN person_id ELSE ?2 END,"
    " status = CASE WHEN ?3 THEN 2 ELSE 1 END WHERE id = ?1",
  };

  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *old;

  if (!QUOTE_EXISTS (quote_id) || (!reject && !PERSON_EXISTS (person_id)) ||
      !dossier_store_begin (self, error))
    return FALSE;
  old = prepare (self, "SELECT person_id FROM quotes WHERE id = ?1 AND person_id IS NOT NULL", NULL);
  if (old != NULL)
    {
      sqlite3_bind_int64 (old, 1, quote_id);
      if (sqlite3_step (old) == SQLITE_ROW)
        g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (old, 0) }, sizeof (gint64)));
      sqlite3_finalize (old);
    }
  if (!reject)
    g_hash_table_add (ids, g_memdup2 (&person_id, sizeof person_id));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = prepare (self, steps[i], error);
      int rc;

      if (stmt == NULL)
        {
          dossier_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, quote_id);
      if (reject)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_int (stmt, 3, reject);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _dossier_store_fail (self, error, _("Could not correct the quote"));
          dossier_store_rollback (self);
          return FALSE;
        }
    }
  if (!refresh_counts (self, ids, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

gboolean
dossier_store_reassign_quote (DossierStore  *self,
                              gint64         quote_id,
                              gint64         person_id,
                              GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return correct_quote (self, quote_id, person_id, FALSE, error);
}

gboolean
dossier_store_reject_quote (DossierStore  *self,
                            gint64         quote_id,
                            GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return correct_quote (self, quote_id, 0, TRUE, error);
}
