/* dossier-store-story-groups.c — stories and the user's corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A story is a connected group of articles linked as near-duplicates or
 * as the same story, whose dated articles lie within STORY_SPAN_DAYS.  The user's corrections are kept apart from the
 * grouping and applied on top of every grouping: an article moved into
 * a story (or a story of its own) is pinned there and links no other;
 * two stories joined keep a link between their articles (story_joins).
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-stories-private.h"

/* A story's dated articles lie this many days apart at most: no link
 * found by comparing texts joins groups further apart, so no chain of
 * similar articles or copies makes one story of a year's news. */
#define STORY_SPAN_DAYS 31

typedef struct
{
  GHashTable *index_of;  /* id → index + 1 */
  GHashTable *jd_of;     /* id → its day, for articles with a full date */
  GArray     *ids;       /* gint64 */
  GArray     *parent;    /* guint */
  GArray     *min_jd;    /* gint64 per root: the span of its dated articles */
  GArray     *max_jd;
} Groups;

typedef struct
{
  gint64 a, b;
  double similarity;
  int    strength;       /* 3 the user's join, 2 near-duplicates, 1 same story */
} Edge;

static guint
node (Groups *g,
      gint64  id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (g->index_of, &id));

  if (i == 0)
    {
      gint64 *jd = g_hash_table_lookup (g->jd_of, &id);
      gint64 lo = jd ? *jd : G_MAXINT64, hi = jd ? *jd : G_MININT64;

      g_array_append_val (g->ids, id);
      i = g->ids->len - 1;
      g_array_append_val (g->parent, i);
      g_array_append_val (g->min_jd, lo);
      g_array_append_val (g->max_jd, hi);
      g_hash_table_insert (g->index_of, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
      return i;
    }
  return i - 1;
}

static guint
root (Groups *g,
      guint   i)
{
  guint *parent = (guint *) g->parent->data;

  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
unite (Groups     *g,
       const Edge *e)
{
  guint ra = root (g, node (g, e->a));
  guint rb = root (g, node (g, e->b));
  gint64 lo, hi;

  if (ra == rb)
    return;
  lo = MIN (g_array_index (g->min_jd, gint64, ra), g_array_index (g->min_jd, gint64, rb));
  hi = MAX (g_array_index (g->max_jd, gint64, ra), g_array_index (g->max_jd, gint64, rb));
  /* copies as much as articles in other words: a copy reprinted a year
   * later is a version of the report, listed as one, but not its story;
   * only the user's own joins go further */
  if (e->strength < 3 && lo <= hi && hi - lo > STORY_SPAN_DAYS)
    return;
  g_array_index (g->parent, guint, MAX (ra, rb)) = MIN (ra, rb);
  g_array_index (g->min_jd, gint64, MIN (ra, rb)) = lo;
  g_array_index (g->max_jd, gint64, MIN (ra, rb)) = hi;
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a, *y = b;

  if (x->strength != y->strength)
    return x->strength > y->strength ? -1 : 1;
  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

typedef struct
{
  guint   root;
  GArray *members;  /* gint64 */
} Component;

static void
component_clear (gpointer p)
{
  Component *c = p;

  g_clear_pointer (&c->members, g_array_unref);
}

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const Component *x = a, *y = b;

  if (x->members->len != y->members->len)
    return x->members->len > y->members->len ? -1 : 1;
  return g_array_index (x->members, gint64, 0) < g_array_index (y->members, gint64, 0) ? -1 : 1;
}

static gint64
new_story (DossierStore  *self,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  if (sqlite3_prepare_v2 (self->db, "INSERT INTO stories (created) VALUES (?)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
      if (sqlite3_step (stmt) == SQLITE_DONE)
        id = sqlite3_last_insert_rowid (self->db);
    }
  sqlite3_finalize (stmt);
  if (id < 0)
    _dossier_store_fail (self, error, _("Could not save the library's stories"));
  return id;
}

/* every edge of the query (two ids, similarity, relation a row) between
 * unpinned articles; @strength: that of every row, 0 for its relation */
static gboolean
read_edges (DossierStore  *self,
            GArray        *edges,
            GHashTable    *pinned,
            const char    *sql,
            int            strength,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Edge e;

      e.a = sqlite3_column_int64 (stmt, 0);
      e.b = sqlite3_column_int64 (stmt, 1);
      e.similarity = sqlite3_column_double (stmt, 2);
      e.strength = strength ? strength : sqlite3_column_int (stmt, 3);
      if (!g_hash_table_contains (pinned, &e.a) && !g_hash_table_contains (pinned, &e.b))
        g_array_append_val (edges, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  return TRUE;
}

static gboolean
read_days (DossierStore  *self,
           GHashTable    *jd_of,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, published_jd FROM articles INDEXED BY articles_timeline"
                                    " WHERE date_precision = 3 AND published_jd IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0), jd = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (jd_of, g_memdup2 (&id, sizeof id), g_memdup2 (&jd, sizeof jd));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out the library's stories"));
  return TRUE;
}

gboolean
_dossier_store_group_stories (DossierStore  *self,
                              GError       **error)
{
  g_autoptr(GHashTable) previous = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) pinned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) by_root = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) components = g_array_new (FALSE, FALSE, sizeof (Component));
  Groups g;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *set = NULL;
  sqlite3_stmt *unset = NULL;
  gboolean ok = FALSE;
  int rc;

  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  g.index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g.jd_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g.min_jd = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.max_jd = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_clear_func (components, component_clear);

  if (sqlite3_prepare_v2 (self->db, "SELECT article_id, story_id, pinned FROM story_members",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 story = sqlite3_column_int64 (stmt, 1);

      /* a pinned article stays in its story, whichever group has it */
      if (sqlite3_column_int (stmt, 2))
        g_hash_table_add (pinned, g_memdup2 (&id, sizeof id));
      else
        g_hash_table_insert (previous, g_memdup2 (&id, sizeof id), g_memdup2 (&story, sizeof story));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto out;

  /* the user's joins first, then copies, then the closest of one story */
  if (!read_days (self, g.jd_of, error) ||
      !read_edges (self, edges, pinned, "SELECT article_id, other_id, similarity, relation FROM similar"
                                        " WHERE relation >= 1", 0, error) ||
      !read_edges (self, edges, pinned, "SELECT article_id, other_id, 1, 0 FROM story_joins", 3, error))
    goto done;
  g_array_sort (edges, compare_edges);
  for (guint i = 0; i < edges->len; i++)
    unite (&g, &g_array_index (edges, Edge, i));

  for (guint i = 0; i < g.ids->len; i++)
    {
      guint r = root (&g, i);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (by_root, GUINT_TO_POINTER (r + 1)));

      if (c == 0)
        {
          Component comp = { r, g_array_new (FALSE, FALSE, sizeof (gint64)) };

          g_array_append_val (components, comp);
          c = components->len;
          g_hash_table_insert (by_root, GUINT_TO_POINTER (r + 1), GUINT_TO_POINTER (c));
        }
      g_array_append_val (g_array_index (components, Component, c - 1).members,
                          g_array_index (g.ids, gint64, i));
    }
  g_array_sort (components, compare_components);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO story_members (article_id, story_id, pinned) VALUES (?1, ?2, 0)"
                          " ON CONFLICT (article_id) DO UPDATE SET story_id = ?2 WHERE story_id != ?2",
                          -1, &set, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "DELETE FROM story_members WHERE article_id = ? AND pinned = 0",
                          -1, &unset, NULL) != SQLITE_OK)
    goto out;

  /* the largest groups first keep the id most of their articles had */
  for (guint c = 0; c < components->len; c++)
    {
      Component *comp = &g_array_index (components, Component, c);
      g_autoptr(GHashTable) votes = NULL;
      gint64 story = 0;
      guint best = 0;
      GHashTableIter iter;
      gpointer k, v;

      if (comp->members->len < 2)
        continue;
      votes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint m = 0; m < comp->members->len; m++)
        {
          gint64 *prev = g_hash_table_lookup (previous, &g_array_index (comp->members, gint64, m));

          if (prev != NULL && !g_hash_table_contains (used, prev))
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (votes, prev)) + 1;

              g_hash_table_replace (votes, g_memdup2 (prev, sizeof *prev), GUINT_TO_POINTER (n));
            }
        }
      g_hash_table_iter_init (&iter, votes);
      while (g_hash_table_iter_next (&iter, &k, &v))
        if (GPOINTER_TO_UINT (v) > best || (GPOINTER_TO_UINT (v) == best && *(gint64 *) k < story))
          {
            best = GPOINTER_TO_UINT (v);
            story = *(gint64 *) k;
          }
      if (story == 0 && (story = new_story (self, error)) < 0)
        goto done;
      g_hash_table_add (used, g_memdup2 (&story, sizeof story));
      for (guint m = 0; m < comp->members->len; m++)
        {
          gint64 id = g_array_index (comp->members, gint64, m);
          gint64 *prev = g_hash_table_lookup (previous, &id);

          if (prev == NULL || *prev != story)
            {
              sqlite3_bind_int64 (set, 1, id);
              sqlite3_bind_int64 (set, 2, story);
              if (sqlite3_step (set) != SQLITE_DONE)
                goto out;
              sqlite3_reset (set);
            }
          g_hash_table_remove (previous, &id);
        }
    }
  /* what is left belonged to a story and now stands alone */
  {
    GHashTableIter iter;
    gpointer k;

    g_hash_table_iter_init (&iter, previous);
    while (g_hash_table_iter_next (&iter, &k, NULL))
      {
        sqlite3_bind_int64 (unset, 1, *(gint64 *) k);
        if (sqlite3_step (unset) != SQLITE_DONE)
          goto out;
        sqlite3_reset (unset);
      }
  }
  if (!_dossier_store_exec (self, "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_members)",
                            error))
    goto done;
  ok = TRUE;
  goto done;

out:
  _dossier_store_fail (self, error, _("Could not work out the library's stories"));
done:
  sqlite3_finalize (stmt);
  sqlite3_finalize (set);
  sqlite3_finalize (unset);
  g_hash_table_unref (g.index_of);
  g_hash_table_unref (g.jd_of);
  g_array_unref (g.ids);
  g_array_unref (g.parent);
  g_array_unref (g.min_jd);
  g_array_unref (g.max_jd);
  return ok;
}

void
dossier_story_free (DossierStory *story)
{
  if (story == NULL)
    return;
  g_free (story->title);
  g_clear_pointer (&story->articles, g_array_unref);
  g_strfreev (story->sources);
  g_free (story->first);
  g_free (story->last);
  g_free (story->first_source);
  g_free (story);
}

static int
compare_stories (gconstpointer a,
                 gconstpointer b)
{
  const DossierStory *x = *(DossierStory * const *) a;
  const DossierStory *y = *(DossierStory * const *) b;
  int c;

  /* the latest first; stories without a date after the dated ones */
  if ((x->last == NULL) != (y->last == NULL))
    return x->last == NULL ? 1 : -1;
  if (x->last != NULL && (c = strcmp (y->last, x->last)) != 0)
    return c;
  return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

int
dossier_story_compare (const DossierStory *a,
                       const DossierStory *b)
{
  return compare_stories (&a, &b);
}

/* Stories from rows (story, article, title, source, published), by story
 * and in time order. */
static GPtrArray *
read_stories (DossierStore  *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_story_free);
  g_autoptr(GPtrArray) sources = NULL;
  DossierStory *story = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 article = sqlite3_column_int64 (stmt, 1);
      const char *source = _dossier_store_column_text (stmt, 3);
      const char *published = _dossier_store_column_text (stmt, 4);
      gboolean dated = sqlite3_column_int (stmt, 5) == DOSSIER_DATE_PRECISION_DAY;

      if (story == NULL || story->id != id)
        {
          if (story != NULL)
            {
              g_ptr_array_add (sources, NULL);
              story->sources = (char **) g_ptr_array_free (g_steal_pointer (&sources), FALSE);
            }
          story = g_new0 (DossierStory, 1);
          story->id = id;
          story->title = g_strdup (_dossier_store_column_text (stmt, 2));
          story->articles = g_array_new (FALSE, FALSE, sizeof (gint64));
          sources = g_ptr_array_new ();
          g_ptr_array_add (stories, story);
          if (dated)
            story->first_source = g_strdup (source);
        }
      g_array_append_val (story->articles, article);
      if (source != NULL && *source &&
          !g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (source));
      if (dated && published != NULL)
        {
          if (story->first == NULL)
            story->first = g_strdup (published);
          g_free (story->last);
          story->last = g_strdup (published);
        }
    }
  if (story != NULL)
    {
      g_ptr_array_add (sources, NULL);
      story->sources = (char **) g_ptr_array_free (g_steal_pointer (&sources), FALSE);
    }
  if (rc != SQLITE_DONE)
    {
      if (self != NULL)
        _dossier_store_fail (self, error, _("Could not read the library's stories"));
      else
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED, "%s: %s (%s)",
                     _("Could not read the library's stories"), sqlite3_errmsg (sqlite3_db_handle (stmt)),
                     sqlite3_db_filename (sqlite3_db_handle (stmt), "main"));
      return NULL;
    }
  return g_steal_pointer (&stories);
}

#define STORY_ROWS \
  "SELECT m.story_id, a.id, a.title, a.source, a.published, a.date_precision" \
  " FROM story_members m JOIN articles a INDEXED BY articles_list ON a.id = m.article_id"
/* the dated in time order, then the undated; within a day by id */
#define STORY_ORDER \
  " ORDER BY m.story_id, a.date_precision != 3, a.published_jd, a.id"

/* Every story's rows, unordered: SQLite's sort of 41,000 rows (the
 * bench's library) took four times its join; they are put in order
 * here instead. */
#define ALL_STORY_ROWS \
  "SELECT m.story_id, a.id, a.title, a.source, a.published, a.date_precision, a.published_jd" \
  " FROM story_members m JOIN articles a INDEXED BY articles_list ON a.id = m.article_id"

typedef struct
{
  gint64      story, id, jd;
  gboolean    dated, has_jd;
  const char *title, *source, *published;  /* in the chunk; NULL for none */
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  /* as STORY_ORDER: by story, the dated first, by day (none first), by id */
  if (x->story != y->story)
    return x->story < y->story ? -1 : 1;
  if (x->dated != y->dated)
    return x->dated ? -1 : 1;
  if (x->has_jd != y->has_jd)
    return x->has_jd ? 1 : -1;
  if (x->jd != y->jd)
    return x->jd < y->jd ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static GPtrArray *
read_unordered (DossierStore  *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GStringChunk *chunk = g_string_chunk_new (1 << 16);
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_story_free);
  g_autoptr(GPtrArray) sources = NULL;
  DossierStory *story = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row r;
      const char *t;

      r.story = sqlite3_column_int64 (stmt, 0);
      r.id = sqlite3_column_int64 (stmt, 1);
      r.title = (t = _dossier_store_column_text (stmt, 2)) != NULL ? g_string_chunk_insert_const (chunk, t) : NULL;
      r.source = (t = _dossier_store_column_text (stmt, 3)) != NULL ? g_string_chunk_insert_const (chunk, t) : NULL;
      r.published = (t = _dossier_store_column_text (stmt, 4)) != NULL ? g_string_chunk_insert_const (chunk, t) : NULL;
      r.dated = sqlite3_column_int (stmt, 5) == DOSSIER_DATE_PRECISION_DAY;
      r.has_jd = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      r.jd = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (rows, r);
    }
  if (rc != SQLITE_DONE)
    {
      if (self != NULL)
        _dossier_store_fail (self, error, _("Could not read the library's stories"));
      else
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED, "%s: %s",
                     _("Could not read the library's stories"), sqlite3_errmsg (sqlite3_db_handle (stmt)));
      g_string_chunk_free (chunk);
      g_ptr_array_unref (stories);
      return NULL;
    }
  g_array_sort (rows, compare_rows);
  /* as read_stories() does with the rows in order */
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *r = &g_array_index (rows, Row, i);

      if (story == NULL || story->id != r->story)
        {
          if (story != NULL)
            {
              g_ptr_array_add (sources, NULL);
              story->sources = (char **) g_ptr_array_free (g_steal_pointer (&sources), FALSE);
            }
          story = g_new0 (DossierStory, 1);
          story->id = r->story;
          story->title = g_strdup (r->title);
          story->articles = g_array_new (FALSE, FALSE, sizeof (gint64));
          sources = g_ptr_array_new ();
          g_ptr_array_add (stories, story);
          if (r->dated)
            story->first_source = g_strdup (r->source);
        }
      g_array_append_val (story->articles, r->id);
      if (r->source != NULL && *r->source &&
          !g_ptr_array_find_with_equal_func (sources, r->source, g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (r->source));
      if (r->dated && r->published != NULL)
        {
          if (story->first == NULL)
            story->first = g_strdup (r->published);
          g_free (story->last);
          story->last = g_strdup (r->published);
        }
    }
  if (story != NULL)
    {
      g_ptr_array_add (sources, NULL);
      story->sources = (char **) g_ptr_array_free (g_steal_pointer (&sources), FALSE);
    }
  g_string_chunk_free (chunk);
  g_ptr_array_sort (stories, compare_stories);
  return stories;
}

GPtrArray *
dossier_store_list_stories (DossierStore  *self,
                            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  GPtrArray *stories;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, ALL_STORY_ROWS, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  stories = read_unordered (self, stmt, error);
  sqlite3_finalize (stmt);
  return stories;
}

GPtrArray *
dossier_store_read_stories (const char  *path,
                            GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *stories = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* a reader of its own: in WAL mode it reads the last commit while the
   * store's connection writes */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (db, 5000) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, ALL_STORY_ROWS, -1, &stmt, NULL) != SQLITE_OK)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN, "%s: %s (%s)",
                 _("Could not read the library's stories"), db != NULL ? sqlite3_errmsg (db) : "?", path);
  else
    stories = read_unordered (NULL, stmt, error);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return stories;
}

GPtrArray *
dossier_store_read_some_stories (const char    *path,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *stories = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (db, 5000) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, STORY_ROWS " WHERE m.story_id = ?" STORY_ORDER, -1, &stmt, NULL) != SQLITE_OK)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN, "%s: %s (%s)",
                 _("Could not read the library's stories"), db != NULL ? sqlite3_errmsg (db) : "?", path);
  else if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED, "%s: %s (%s)",
                 _("Could not read the library's stories"), sqlite3_errmsg (db), path);
  else
    {
      /* one transaction: the stories as one commit left them */
      stories = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_story_free);
      for (guint i = 0; i < n_ids && stories != NULL; i++)
        {
          g_autoptr(GPtrArray) one = NULL;

          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, ids[i]);
          if ((one = read_stories (NULL, stmt, error)) == NULL)
            g_clear_pointer (&stories, g_ptr_array_unref);
          else if (one->len > 0)
            g_ptr_array_add (stories, g_ptr_array_steal_index (one, 0));
        }
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return stories;
}

DossierStory *
dossier_store_get_story (DossierStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(GPtrArray) stories = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, STORY_ROWS " WHERE m.story_id = ?" STORY_ORDER,
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the library's stories"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  stories = read_stories (self, stmt, error);
  sqlite3_finalize (stmt);
  if (stories == NULL)
    return NULL;
  if (stories->len == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no story %lld in the library"), (long long) id);
      return NULL;
    }
  return g_steal_pointer (&stories->pdata[0]);
}

gint64
dossier_store_story_of (DossierStore  *self,
                        gint64         article_id,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 story = -1;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db, "SELECT story_id FROM story_members WHERE article_id = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        story = sqlite3_column_int64 (stmt, 0);
      else if (rc == SQLITE_DONE)
        story = 0;
    }
  sqlite3_finalize (stmt);
  if (story < 0)
    _dossier_store_fail (self, error, _("Could not read the library's stories"));
  return story;
}

static gboolean
pin (DossierStore  *self,
     gint64         article_id,
     gint64         story_id,
     GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO story_members (article_id, story_id, pinned) VALUES (?, ?, 1)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, story_id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    _dossier_store_fail (self, error, _("Could not save the library's stories"));
  return ok;
}

gboolean
_dossier_store_pin_to_story (DossierStore  *self,
                             gint64         article_id,
                             gint64         anchor_id,
                             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 story = 0;

  if (anchor_id != article_id && (story = dossier_store_story_of (self, anchor_id, error)) < 0)
    return FALSE;
  if (anchor_id == article_id)
    {
      gboolean alone = FALSE;

      /* a story of its own already */
      if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM story_members m WHERE article_id = ?1 AND pinned = 1"
                              " AND NOT EXISTS (SELECT 1 FROM story_members o"
                              "  WHERE o.story_id = m.story_id AND o.article_id <> ?1)",
                              -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, article_id);
          alone = sqlite3_step (stmt) == SQLITE_ROW;
        }
      sqlite3_finalize (stmt);
      if (alone)
        return TRUE;
    }
  if (story == 0 && (story = new_story (self, error)) < 0)
    return FALSE;
  return pin (self, article_id, story, error);
}

static gboolean
story_exists (DossierStore  *self,
              gint64         id,
              GError       **error)
{
  g_autoptr(DossierStory) story = dossier_store_get_story (self, id, error);

  return story != NULL;
}

gint64
dossier_store_move_to_story (DossierStore  *self,
                             gint64         article_id,
                             gint64         story_id,
                             GError       **error)
{
  g_autoptr(DossierArticle) article = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  article = dossier_store_get_article (self, article_id, FALSE, error);
  if (article == NULL)
    return -1;
  if (story_id != 0 && !story_exists (self, story_id, error))
    return -1;
  if (!dossier_store_begin (self, error))
    return -1;
  if ((story_id == 0 && (story_id = new_story (self, error)) < 0) ||
      !pin (self, article_id, story_id, error) ||
      !_dossier_store_group_stories (self, error))
    {
      dossier_store_rollback (self);
      return -1;
    }
  if (!dossier_store_commit (self, error))
    return -1;
  return story_id;
}

gint64
dossier_store_join_stories (DossierStore  *self,
                            gint64         story,
                            gint64         other,
                            GError       **error)
{
  g_autoptr(DossierStory) into = NULL;
  g_autoptr(DossierStory) from = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rep = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if ((into = dossier_store_get_story (self, story, error)) == NULL ||
      (from = dossier_store_get_story (self, other, error)) == NULL)
    return -1;
  if (story == other)
    return story;
  if (!dossier_store_begin (self, error))
    return -1;
  /* an article of @story that is not pinned links the others to it */
  if (sqlite3_prepare_v2 (self->db, "SELECT article_id FROM story_members"
                                    " WHERE story_id = ? AND pinned = 0 ORDER BY article_id LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_int64 (stmt, 1, story);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rep = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sqlite3_prepare_v2 (self->db,
                          rep != 0
                          ? "INSERT OR IGNORE INTO story_joins (article_id, other_id, uuid)"
                            " SELECT ?1, m.article_id, "
                            DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = ?1)",
                                                  "(SELECT uuid FROM articles WHERE id = m.article_id)")
                            " FROM story_members m WHERE m.story_id = ?2 AND m.pinned = 0"
                          : "UPDATE story_members SET story_id = ?1, pinned = 1 WHERE story_id = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_int64 (stmt, 1, rep != 0 ? rep : story);
  sqlite3_bind_int64 (stmt, 2, other);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto out;
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* the articles the user pinned into @other follow it */
  if (sqlite3_prepare_v2 (self->db, "UPDATE story_members SET story_id = ?1 WHERE story_id = ?2 AND pinned = 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_int64 (stmt, 1, story);
  sqlite3_bind_int64 (stmt, 2, other);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto out;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_dossier_store_group_stories (self, error))
    goto fail;
  ok = TRUE;
  goto fail;

out:
  _dossier_store_fail (self, error, _("Could not save the library's stories"));
fail:
  sqlite3_finalize (stmt);
  if (!ok)
    {
      dossier_store_rollback (self);
      return -1;
    }
  if (!dossier_store_commit (self, error))
    return -1;
  /* the joined story keeps the id most of its articles had */
  return dossier_store_story_of (self, g_array_index (into->articles, gint64, 0), error);
}
