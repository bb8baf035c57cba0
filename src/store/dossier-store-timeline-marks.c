/* dossier-store-timeline-marks.c — the timeline's lanes by person and by
 * story: the people most quoted in a query's articles, their quotes as
 * points, and the articles with the story each belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As dossier_store_timeline_points(), the articles are read from the
 * timeline's index (it holds the day, the source and every column the
 * filters ask about), never from their rows, which hold the body; the
 * quotes of each article come from the covering index quotes_article.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

#define TIMELINE_ARTICLES \
  " FROM articles a INDEXED BY articles_timeline"

static gboolean
query_has_filters (DossierQuery *query)
{
  DossierStoreSql b;
  gboolean any;

  _dossier_store_sql_init (&b);
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS | DOSSIER_STORE_FILTER_EXCLUDED);
  any = b.sql->len > 0;
  _dossier_store_sql_clear (&b);
  return any;
}

GPtrArray *
dossier_store_timeline_top_people (DossierStore  *self,
                                   DossierQuery  *query,
                                   guint          limit,
                                   GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_summary_free);
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  _dossier_store_sql_init (&b);
  if (!query_has_filters (query))
    {
      /* the whole library: the counts kept in the people's rows */
      g_string_append (b.sql, "SELECT p.id, p.name, p.kind, p.quotes FROM people p"
                              " WHERE p.quotes > 0 ORDER BY p.quotes DESC, p.id");
    }
  else
    {
      g_string_append (b.sql, "SELECT p.id, p.name, p.kind, c.n FROM (SELECT q.person_id AS pid, count(*) AS n"
                              TIMELINE_ARTICLES " JOIN quotes q ON q.article_id = a.id"
                              " WHERE q.status < 2 AND q.person_id IS NOT NULL");
      _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS | DOSSIER_STORE_FILTER_EXCLUDED);
      g_string_append (b.sql, " GROUP BY q.person_id) c JOIN people p ON p.id = c.pid ORDER BY c.n DESC, p.id");
    }
  if (limit > 0)
    {
      g_string_append (b.sql, " LIMIT ");
      _dossier_store_sql_int (&b, limit);
    }
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierPersonSummary *p = g_new0 (DossierPersonSummary, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = g_strdup (_dossier_store_column_text (stmt, 1));
      p->organisation = sqlite3_column_int (stmt, 2) != 0;
      p->quotes = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (people, p);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&people);
}

/* A timeline point from the row's columns @col.. (id, day or -1,
 * precision, notes, source); no suggestion, author, lane or item. */
void
_dossier_store_read_timeline_point (sqlite3_stmt         *stmt,
                                    int                   col,
                                    DossierTimelinePoint *p)
{
  const char *source = _dossier_store_column_text (stmt, col + 4);

  p->id = sqlite3_column_int64 (stmt, col);
  p->julian = sqlite3_column_int64 (stmt, col + 1);
  p->precision = sqlite3_column_int (stmt, col + 2);
  p->n_notes = sqlite3_column_int (stmt, col + 3);
  p->source = source != NULL ? g_intern_string (source) : NULL;
  p->suggested = -1;
  p->note_author = NULL;
  p->key = NULL;
  p->item = 0;
}

#define POINT_COLUMNS \
  " a.id, coalesce(a.published_jd, -1), a.date_precision, a.annotation_count, a.source"

GArray *
dossier_store_timeline_quote_points (DossierStore  *self,
                                     DossierQuery  *query,
                                     const gint64  *person_ids,
                                     guint          n_ids,
                                     GError       **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* room for every id: the names' keys point into it */
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (n_ids, 1));
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (person_ids != NULL || n_ids == 0, NULL);

  if (n_ids == 0)
    return g_steal_pointer (&points);

  /* the names first, interned: they are the lanes' keys */
  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT id, name FROM people WHERE id IN (");
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append_c (b.sql, ',');
      _dossier_store_sql_int (&b, person_ids[i]);
    }
  g_string_append_c (b.sql, ')');
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = _dossier_store_column_text (stmt, 1);

      if (ids->len == n_ids)
        continue;
      g_array_append_val (ids, id);
      g_hash_table_insert (names, &g_array_index (ids, gint64, ids->len - 1),
                           (gpointer) g_intern_string (name != NULL ? name : ""));
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  if (ids->len == 0)
    return g_steal_pointer (&points);

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT" POINT_COLUMNS ", q.id, q.person_id" TIMELINE_ARTICLES
                          " JOIN quotes q ON q.article_id = a.id"
                          /* a person's lane is their quotes in time: the undated have no place */
                          " WHERE a.published_jd IS NOT NULL AND q.status < 2 AND q.person_id IN (");
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (b.sql, ',');
      _dossier_store_sql_int (&b, g_array_index (ids, gint64, i));
    }
  g_string_append_c (b.sql, ')');
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS | DOSSIER_STORE_FILTER_EXCLUDED);
  g_string_append (b.sql, " ORDER BY a.published_jd, a.id, q.id");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTimelinePoint p;
      gint64 person = sqlite3_column_int64 (stmt, 6);

      _dossier_store_read_timeline_point (stmt, 0, &p);
      p.item = sqlite3_column_int64 (stmt, 5);
      p.key = g_hash_table_lookup (names, &person);
      g_array_append_val (points, p);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&points);
}

/* the title of article @id */
static char *
article_title (sqlite3_stmt  *stmt,
               gint64         id)
{
  char *title = NULL;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && _dossier_store_column_text (stmt, 0) != NULL)
    title = g_strdup (_dossier_store_column_text (stmt, 0));
  return title;
}

GArray *
dossier_store_timeline_story_points (DossierStore  *self,
                                     DossierQuery  *query,
                                     GError       **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  g_autoptr(GArray) stories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  DossierStoreSql b;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  _dossier_store_sql_init (&b);
  g_string_append (b.sql, "SELECT" POINT_COLUMNS ", m.story_id" TIMELINE_ARTICLES
                          " JOIN story_members m ON m.article_id = a.id"
                          /* a story's lane is its articles in time */
                          " WHERE a.published_jd IS NOT NULL");
  _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS | DOSSIER_STORE_FILTER_EXCLUDED);
  g_string_append (b.sql, " ORDER BY a.published_jd, a.id");
  stmt = _dossier_store_sql_prepare (self, &b, error);
  _dossier_store_sql_clear (&b);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTimelinePoint p;

      _dossier_store_read_timeline_point (stmt, 0, &p);
      /* the story's id, for its title below */
      p.item = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (points, p);
    }
  sqlite3_finalize (stmt);
  if (_dossier_store_step_failed (self, rc, error))
    return NULL;

  /* each story's title once, from its first article in the list (they
   * are in time order); two stories of one title keep apart */
  for (guint i = 0; i < points->len; i++)
    {
      const DossierTimelinePoint *p = &g_array_index (points, DossierTimelinePoint, i);

      if (!g_hash_table_contains (keys, &p->item))
        {
          g_array_append_val (stories, p->item);
          g_array_append_val (stories, p->id);
          g_hash_table_insert (keys, g_memdup2 (&p->item, sizeof p->item), NULL);
        }
    }
  g_hash_table_remove_all (keys);
  if (stories->len > 0)
    {
      if (sqlite3_prepare_v2 (self->db, "SELECT title FROM articles WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not read the library's stories"));
          return NULL;
        }
      for (guint i = 0; i + 1 < stories->len; i += 2)
        {
          gint64 *story = &g_array_index (stories, gint64, i);
          g_autofree char *title = article_title (stmt, g_array_index (stories, gint64, i + 1));
          g_autofree char *key = NULL;

          if (title == NULL || *title == '\0')
            {
              g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, *story);

              key = g_strdup_printf (_("Story %s"), number);
            }
          else if (g_hash_table_contains (taken, title))
            key = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", title, *story);
          else
            key = g_steal_pointer (&title);
          g_hash_table_add (taken, (gpointer) g_intern_string (key));
          g_hash_table_insert (keys, g_memdup2 (story, sizeof *story), (gpointer) g_intern_string (key));
        }
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; i < points->len; i++)
    {
      DossierTimelinePoint *p = &g_array_index (points, DossierTimelinePoint, i);

      /* the item stays the story's id: colours by story keep to it */
      p->key = p->item > 0 ? g_hash_table_lookup (keys, &p->item) : NULL;
    }
  return g_steal_pointer (&points);
}
