/* dossier-store-team-corrections.c — the user's corrections in a team
 * library: a quote's speaker corrected or rejected, an article moved out
 * of its story or into another, a person renamed, merged or split,
 * written here as a member made them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People and stories are found in each library by its own analysis, so
 * their ids differ from library to library.  A correction names what it
 * corrects by what every library has alike: a quote by its article's
 * UUID and its words, a person by name, a story by another article of
 * it.  A quote correction is applied to the quotes found (and kept for
 * the quotes found later, as the library does for its own); a removed
 * one sends its article's quotes to be found again.  A correction of
 * people says of one written name that it belongs to the person called
 * so.  They are kept as they come, and the people are then grouped again
 * from all of them at once (_dossier_team_regroup_people()), by a rule
 * that does not depend on the order they came in: that is what makes two
 * libraries that hold the same corrections group people alike.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-team-private.h"
#include "dossier-store-stories-private.h"
#include "dossier-quotes.h"

enum { F_UUID, F_ARTICLE, F_TEXT, F_PERSON, F_REJECTED };
enum { P_UUID, P_ARTICLE, P_ANCHOR };
enum { W_UUID, W_VARIANT, W_NAME };

/* Runs @sql with @n text parameters; the first column of its first row
 * (0 for none) in @out when not NULL */
static gboolean
run (DossierStore        *self,
     const char          *sql,
     guint                n,
     const char * const  *params,
     gint64              *out,
     GError             **error)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (self, sql, _("Could not save the team’s changes"), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    _dossier_store_bind_text (stmt, i + 1, params[i]);
  rc = sqlite3_step (stmt);
  if (out != NULL)
    *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _dossier_store_fail (self, error, _("Could not save the team’s changes"));
  return TRUE;
}

/* the person named @name here: by a name written for them, else by the
 * name they are listed under, else a person new here */
static gint64
person_named (DossierStore  *self,
              const char    *name,
              GError       **error)
{
  g_autofree char *surname = dossier_name_surname_key (name);
  g_autofree char *given = dossier_name_given_key (name);
  const char *params[] = { name, surname ? surname : name, given };
  gint64 id = 0;

  if (!run (self, "SELECT coalesce((SELECT person_id FROM person_variants WHERE variant = ?1),"
            " (SELECT id FROM people WHERE name = ?1 ORDER BY quotes DESC LIMIT 1))", 1, params, &id, error))
    return -1;
  if (id > 0)
    return id;
  if (!run (self, "INSERT INTO people (name, kind, surname_key, given_key, renamed) VALUES (?1, 0, ?2, ?3, 1)",
            3, params, NULL, error))
    return -1;
  id = sqlite3_last_insert_rowid (self->db);
  if (!run (self, "INSERT OR IGNORE INTO person_variants (variant, person_id)"
            " VALUES (?1, (SELECT max(id) FROM people))", 1, params, NULL, error))
    return -1;
  return id;
}

/* the quote counts of the people the quotes of (@article, @text) have */
static gboolean
recount (DossierStore  *self,
         const char    *article_id,
         const char    *text,
         GError       **error)
{
  const char *params[] = { article_id, text };

  return run (self, "UPDATE people SET quotes = (SELECT count(*) FROM quotes q"
              " WHERE q.person_id = people.id AND q.status < 2)"
              " WHERE id IN (SELECT person_id FROM quotes WHERE article_id = ?1 AND text = ?2)",
              2, params, NULL, error);
}

static gboolean
apply_quote_fix (DossierStore   *self,
                 const TeamRow  *row,
                 gboolean        deleted,
                 GError        **error)
{
  const char *uuid = row->values[F_UUID];
  gint64 article = 0;
  gint64 person = 0;
  gboolean rejected;
  g_autofree char *article_id = NULL;
  g_autofree char *person_id = NULL;

  if (deleted)
    {
      /* the quotes of its article are found again, without it */
      const char *sql[] = {
        "INSERT OR IGNORE INTO quote_queue (article_id) SELECT article_id FROM quote_corrections"
        " WHERE " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)", "text") " = ?1",
        "DELETE FROM quote_corrections"
        " WHERE " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)", "text") " = ?1",
      };

      return run (self, sql[0], 1, &uuid, NULL, error) && run (self, sql[1], 1, &uuid, NULL, error);
    }
  if (!run (self, "SELECT id FROM articles WHERE uuid = ?1", 1, (const char **) &row->values[F_ARTICLE],
            &article, error))
    return FALSE;
  /* a correction of an article not here waits on the server */
  if (article == 0 || row->values[F_TEXT] == NULL)
    return TRUE;
  rejected = g_strcmp0 (row->values[F_REJECTED], "0") != 0 && row->values[F_REJECTED] != NULL;
  if (!rejected && row->values[F_PERSON] != NULL && (person = person_named (self, row->values[F_PERSON], error)) < 0)
    return FALSE;
  article_id = g_strdup_printf ("%" G_GINT64_FORMAT, article);
  person_id = person > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, person) : NULL;
  {
    const char *params[] = { article_id, row->values[F_TEXT], person_id, rejected ? "1" : "0" };
    gint64 given = 0;

    /* a rejection in place of a speaker given here: the quote goes back to
     * the speaker the finder gives it, as on every other member, which
     * only finding it again tells */
    if (rejected &&
        !run (self, "SELECT 1 FROM quotes WHERE article_id = ?1 AND text = ?2 AND status = 1",
              2, params, &given, error))
      return FALSE;
    if (given)
      return run (self, "UPDATE quote_corrections SET person_id = NULL, rejected = 1"
                  " WHERE article_id = ?1 AND text = ?2", 2, params, NULL, error) &&
             run (self, "INSERT OR IGNORE INTO quote_corrections (article_id, text, person_id, rejected)"
                  " VALUES (?1, ?2, NULL, 1)", 2, params, NULL, error) &&
             _dossier_store_find_quotes_again (self, article, error);
    return recount (self, article_id, row->values[F_TEXT], error) &&
           run (self, "UPDATE quote_corrections SET person_id = ?3, rejected = ?4"
                " WHERE article_id = ?1 AND text = ?2", 4, params, NULL, error) &&
           run (self, "INSERT OR IGNORE INTO quote_corrections (article_id, text, person_id, rejected)"
                " VALUES (?1, ?2, ?3, ?4)", 4, params, NULL, error) &&
           run (self, "UPDATE quotes SET person_id = CASE WHEN ?4 = '1' THEN person_id ELSE ?3 END,"
                " status = CASE WHEN ?4 = '1' THEN 2 ELSE 1 END WHERE article_id = ?1 AND text = ?2",
                4, params, NULL, error) &&
           recount (self, article_id, row->values[F_TEXT], error);
  }
}

static gboolean
apply_pin (DossierStore   *self,
           const TeamRow  *row,
           gboolean        deleted,
           GError        **error)
{
  gint64 article = 0, anchor = 0;

  if (deleted)
    /* back to the story the grouping gives it */
    return run (self, "UPDATE story_members SET pinned = 0"
                " WHERE pinned = 1 AND " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)",
                                                               "'story'") " = ?1",
                1, (const char **) &row->values[P_UUID], NULL, error);
  if (!run (self, "SELECT id FROM articles WHERE uuid = ?1", 1, (const char **) &row->values[P_ARTICLE],
            &article, error) ||
      !run (self, "SELECT id FROM articles WHERE uuid = ?1", 1, (const char **) &row->values[P_ANCHOR],
            &anchor, error))
    return FALSE;
  if (article == 0)
    return TRUE;
  return _dossier_store_pin_to_story (self, article, anchor != 0 ? anchor : article, error);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The correction of one written name is kept as it is (or removed);
 * the people are grouped again from all of them at once, by
 * _dossier_team_regroup_people(), once the caller has applied every
 * correction that came. */
static gboolean
apply_person_name (DossierStore   *self,
                   const TeamRow  *row,
                   gboolean        deleted,
                   GError        **error)
{
  const char *params[] = { row->values[W_UUID], row->values[W_VARIANT], row->values[W_NAME] };

  if (deleted)
    /* the people stay as they are */
    return run (self, "DELETE FROM person_fixes WHERE uuid = ?1", 1, params, NULL, error);
  if (params[1] == NULL || params[2] == NULL || *params[1] == '\0' || *params[2] == '\0')
    return TRUE;
  /* no upsert: its conflict policy would be the queue triggers' too */
  return run (self, "UPDATE person_fixes SET variant = ?2, name = ?3"
              " WHERE uuid = ?1 AND (name IS NOT ?3 OR variant IS NOT ?2)", 3, params, NULL, error) &&
         run (self, "INSERT OR IGNORE INTO person_fixes (uuid, variant, name) VALUES (?1, ?2, ?3)",
              3, params, NULL, error);
}

/* the people grouped again: a name, the written names it is given to,
 * and who has each of them here (0: nobody) */
typedef struct
{
  char      *name;
  GPtrArray *variants;
  GArray    *holders;
  /* one person has them all, called so, who has no other group's */
  gboolean   settled;
  gboolean   done;
} NameGroup;

static void
name_group_free (NameGroup *g)
{
  g_free (g->name);
  g_ptr_array_unref (g->variants);
  g_array_unref (g->holders);
  g_free (g);
}

/* a person's id in a set or map of ids */
static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The corrections of people, grouped by the name they give (alike but
 * for ASCII case, as names are compared everywhere here); a group is
 * called by the first of its names in byte order.  Groups come in that
 * order too, so every library sees the same list.  One query: a library
 * whose people are grouped so already learns it at that cost. */
static GPtrArray *
name_groups (DossierStore  *self,
             GError       **error)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (self, "SELECT f.variant, f.name, v.person_id, p.name"
                                               " FROM person_fixes f"
                                               " LEFT JOIN person_variants v ON v.variant = f.variant"
                                               " LEFT JOIN people p ON p.id = v.person_id"
                                               " ORDER BY f.name COLLATE NOCASE, f.name, f.variant",
                                               _("Could not save the team’s changes"), error);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) name_group_free);
  /* each person's group, to find those who have names of two */
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  NameGroup *g = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *variant = _dossier_store_column_text (stmt, 0);
      const char *name = _dossier_store_column_text (stmt, 1);
      gint64 holder = sqlite3_column_int64 (stmt, 2);
      const char *holder_name = _dossier_store_column_text (stmt, 3);
      gpointer other;

      if (variant == NULL || name == NULL || *variant == '\0' || *name == '\0')
        continue;
      if (g == NULL || sqlite3_stricmp (g->name, name) != 0)
        {
          g = g_new0 (NameGroup, 1);
          g->name = g_strdup (name);
          g->variants = g_ptr_array_new_with_free_func (g_free);
          g->holders = g_array_new (FALSE, FALSE, sizeof (gint64));
          g->settled = TRUE;
          g_ptr_array_add (groups, g);
        }
      g_ptr_array_add (g->variants, g_strdup (variant));
      g_array_append_val (g->holders, holder);
      if (holder <= 0 || g_strcmp0 (holder_name, g->name) != 0 ||
          holder != g_array_index (g->holders, gint64, 0))
        g->settled = FALSE;
      if (holder > 0)
        {
          other = g_hash_table_lookup (group_of, &holder);
          if (other != NULL && other != g)
            {
              ((NameGroup *) other)->settled = FALSE;
              g->settled = FALSE;
            }
          g_hash_table_insert (group_of, id_key (holder), g);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not save the team’s changes"));
      return NULL;
    }
  return g_steal_pointer (&groups);
}

/* whether person @id is called @name, but for ASCII case */
static gboolean
called (DossierStore *self,
        gint64        id,
        const char   *name,
        gboolean      exactly)
{
  g_autofree char *id_str = id_text (id);
  const char *params[] = { id_str, name };
  gint64 yes = 0;

  run (self, exactly ? "SELECT 1 FROM people WHERE id = ?1 AND name = ?2"
                     : "SELECT 1 FROM people WHERE id = ?1 AND name = ?2 COLLATE NOCASE",
       2, params, &yes, NULL);
  return yes != 0;
}

/* the name of person @id, NULL for none */
static char *
name_of (DossierStore *self,
         gint64        id)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (self, "SELECT name FROM people WHERE id = ?1",
                                               _("Could not save the team’s changes"), NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (_dossier_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}

/* where person @id comes in the groups' order (G_MAXUINT: nowhere) */
static guint
taken_order (GHashTable *taken,
             gint64      id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (taken, &id));

  return n > 0 ? n - 1 : G_MAXUINT;
}

/* A person new here for @g, of the kind of @like (a person for 0) */
static gint64
new_person (DossierStore  *self,
            NameGroup     *g,
            gint64         like,
            GError       **error)
{
  g_autofree char *like_id = id_text (like);
  g_autofree char *kind = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *given = NULL;
  gint64 org = 0;

  if (like > 0 && !run (self, "SELECT kind FROM people WHERE id = ?1", 1, (const char **) &like_id, &org, error))
    return -1;
  kind = id_text (org);
  surname = org ? g_utf8_casefold (g->name, -1) : dossier_name_surname_key (g->name);
  given = org ? NULL : dossier_name_given_key (g->name);
  {
    const char *params[] = { g->name, kind, surname ? surname : g->name, given };

    if (!run (self, "INSERT INTO people (name, kind, surname_key, given_key, renamed) VALUES (?1, ?2, ?3, ?4, 1)",
              4, params, NULL, error))
      return -1;
  }
  return sqlite3_last_insert_rowid (self->db);
}

/* Who group @g goes to: of the people not taken by an earlier group,
 * the one who has most of its written names here, then (as many) the
 * one called by its name, then the one whose name comes first; else a
 * person new here.  With @named_only, only one called by its name, else
 * nobody yet.  Only who has the names counts, never who is merely
 * called alike: a library that has not found an article's people yet
 * then groups them as one that has.  Moves the names
 * there and names the person; @moves gets "person left → person taken"
 * counts, @changed the people whose names changed. */
static gboolean
regroup_one (DossierStore  *self,
             NameGroup     *g,
             gboolean       named_only,
             guint          order,
             GHashTable    *taken,
             GHashTable    *moves,
             GHashTable    *changed,
             GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const gint64 *holders = (const gint64 *) (gpointer) g->holders->data;
  g_autofree char *to_id = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 to = 0, like = 0;
  gboolean to_named = FALSE;
  guint to_count = 0;
  g_autofree char *to_name = NULL;

  for (guint i = 0; i < g->variants->len; i++)
    {
      if (holders[i] > 0)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &holders[i]));

          g_hash_table_insert (counts, id_key (holders[i]), GUINT_TO_POINTER (n + 1));
          like = like ? like : holders[i];
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      guint n = GPOINTER_TO_UINT (value);
      gboolean is_named;
      g_autofree char *name = NULL;

      if (g_hash_table_contains (taken, &id))
        continue;
      is_named = called (self, id, g->name, FALSE);
      if (named_only && !is_named)
        continue;
      name = name_of (self, id);
      if (to == 0 || n > to_count ||
          (n == to_count && ((is_named && !to_named) ||
                             (is_named == to_named && (g_strcmp0 (name, to_name) < 0 ||
                                                       (g_strcmp0 (name, to_name) == 0 && id < to))))))
        {
          to = id;
          to_named = is_named;
          to_count = n;
          g_free (to_name);
          to_name = g_steal_pointer (&name);
        }
    }
  if (named_only && !to_named)
    return TRUE;
  if (to == 0 && (to = new_person (self, g, like, error)) < 0)
    return FALSE;
  g->done = TRUE;
  g_hash_table_insert (taken, id_key (to), GUINT_TO_POINTER (order + 1));
  to_id = id_text (to);

  for (guint i = 0; i < g->variants->len; i++)
    {
      const char *params[] = { g->variants->pdata[i], to_id };

      if (holders[i] == to)
        continue;
      if (!run (self, "INSERT INTO person_variants (variant, person_id) VALUES (?1, ?2)"
                " ON CONFLICT (variant) DO UPDATE SET person_id = excluded.person_id", 2, params, NULL, error))
        return FALSE;
      g_hash_table_add (changed, id_key (to));
      if (holders[i] > 0)
        {
          g_autofree char *move = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, holders[i], to);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (moves, move));

          g_hash_table_insert (moves, g_steal_pointer (&move), GUINT_TO_POINTER (n + 1));
          g_hash_table_add (changed, id_key (holders[i]));
        }
    }
  if (!called (self, to, g->name, TRUE))
    {
      const char *params[] = { to_id, g->name };

      if (!run (self, "UPDATE people SET name = ?2, renamed = 1 WHERE id = ?1", 2, params, NULL, error))
        return FALSE;
      g_hash_table_add (changed, id_key (to));
    }
  return TRUE;
}

/* The people grouped again from all the corrections of people at once,
 * so that every library, whatever order the corrections came in, groups
 * the names alike: each corrected name belongs to the person called as
 * its correction says (see regroup_one()).  A person left without names
 * is folded into the one that took most of them; the articles of every
 * person changed have their people found again. */
gboolean
_dossier_team_regroup_people (DossierStore  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) groups = name_groups (self, error);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) moves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  if (groups == NULL)
    return FALSE;
  /* a settled group keeps its person, whom no other group would take
   * (they have none of its names and are not called by its name): only
   * the others are grouped again */
  for (guint i = 0; i < groups->len; i++)
    {
      NameGroup *g = groups->pdata[i];

      if (g->settled)
        g_hash_table_insert (taken, id_key (g_array_index (g->holders, gint64, 0)), GUINT_TO_POINTER (i + 1));
    }
  /* first the groups one of whose people is called by the group's name
   * already (a name split off leaves the person it left their name),
   * then the rest */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < groups->len; i++)
      {
        NameGroup *g = groups->pdata[i];

        if (!g->settled && !g->done &&
            !regroup_one (self, g, pass == 0, i, taken, moves, changed, error))
          return FALSE;
      }

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *id = id_text (*(gint64 *) key);

      if (!run (self, "INSERT OR IGNORE INTO quote_queue (article_id)"
                " SELECT article_id FROM mentions WHERE person_id = ?1"
                " UNION SELECT article_id FROM quotes WHERE person_id = ?1", 1, (const char **) &id, NULL, error))
        return FALSE;
    }

  /* a person left without names goes to the one that took most of
   * them (of those that took as many, the one of the group first in
   * the groups' order) */
  g_hash_table_iter_init (&iter, moves);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 from = g_ascii_strtoll (key, NULL, 10);
      gint64 best_to = 0;
      guint best = 0;
      gint64 left = 0;
      g_autofree char *from_id = id_text (from);
      GHashTableIter other;
      gpointer okey, ovalue;

      if (g_hash_table_contains (folded, &from))
        continue;
      g_hash_table_add (folded, id_key (from));
      if (!run (self, "SELECT count(*) FROM person_variants WHERE person_id = ?1", 1,
                (const char **) &from_id, &left, error))
        return FALSE;
      if (left > 0)
        continue;
      g_hash_table_iter_init (&other, moves);
      while (g_hash_table_iter_next (&other, &okey, &ovalue))
        {
          const char *space = strchr (okey, ' ');
          gint64 to = g_ascii_strtoll (space + 1, NULL, 10);
          guint n = GPOINTER_TO_UINT (ovalue);

          if (g_ascii_strtoll (okey, NULL, 10) != from)
            continue;
          if (n > best || (n == best && taken_order (taken, to) < taken_order (taken, best_to)))
            {
              best = n;
              best_to = to;
            }
        }
      if (best_to > 0 && !_dossier_store_fold_person (self, best_to, from, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_dossier_team_apply_correction (DossierStore   *self,
                                const TeamRow  *row,
                                gboolean        deleted,
                                GError        **error)
{
  switch (row->kind)
    {
    case TEAM_QUOTE_FIX:
      return apply_quote_fix (self, row, deleted, error);
    case TEAM_PERSON:
      return apply_person_name (self, row, deleted, error);
    case TEAM_STORY_PIN:
    case TEAM_ARTICLE:
    case TEAM_ANNOTATION:
    case TEAM_SEARCH:
    case TEAM_TAG:
    case TEAM_JOIN:
    case N_TEAM_KINDS:
    default:
      return apply_pin (self, row, deleted, error);
    }
}
