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
 * so; here the name goes to that person (made if there is none), which
 * is what finding the people of an article again goes by.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

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

/* @variant (a written name) goes to the person called @name: the person
 * listed so (the one who has it already first), else the one another
 * variant of that name leads to, unless that is the person who has
 * @variant (who is split), else a person new here.  The person left is
 * folded into the other when nothing leads to them any more; else their
 * articles have their people found again, as a split here does. */
static gboolean
apply_person_name (DossierStore   *self,
                   const TeamRow  *row,
                   gboolean        deleted,
                   GError        **error)
{
  const char *variant = row->values[W_VARIANT];
  const char *name = row->values[W_NAME];
  g_autofree char *src_id = NULL;
  g_autofree char *dst_id = NULL;
  gint64 src = 0, dst = 0, left = 0;

  if (deleted)
    /* the people stay as they are */
    return run (self, "DELETE FROM person_fixes WHERE uuid = ?1", 1, (const char **) &row->values[W_UUID],
                NULL, error);
  if (variant == NULL || name == NULL || *variant == '\0' || *name == '\0')
    return TRUE;
  if (!run (self, "SELECT person_id FROM person_variants WHERE variant = ?1", 1, &variant, &src, error))
    return FALSE;
  src_id = id_text (src);
  {
    const char *params[] = { name, src_id };

    if (!run (self, "SELECT coalesce((SELECT id FROM people WHERE name = ?1 COLLATE NOCASE"
              "   ORDER BY id = ?2 DESC, quotes DESC, mentions DESC, id LIMIT 1),"
              " (SELECT person_id FROM person_variants WHERE variant = ?1 AND person_id <> ?2))",
              2, params, &dst, error))
      return FALSE;
  }
  if (dst == 0)
    {
      g_autofree char *kind = NULL;
      g_autofree char *surname = NULL;
      g_autofree char *given = NULL;
      gint64 org = 0;

      if (src > 0 && !run (self, "SELECT kind FROM people WHERE id = ?1", 1, (const char **) &src_id, &org, error))
        return FALSE;
      kind = id_text (org);
      surname = org ? g_utf8_casefold (name, -1) : dossier_name_surname_key (name);
      given = org ? NULL : dossier_name_given_key (name);
      {
        const char *params[] = { name, kind, surname ? surname : name, given };

        if (!run (self, "INSERT INTO people (name, kind, surname_key, given_key, renamed) VALUES (?1, ?2, ?3, ?4, 1)",
                  4, params, NULL, error))
          return FALSE;
        dst = sqlite3_last_insert_rowid (self->db);
        dst_id = id_text (dst);
        params[1] = dst_id;
        if (!run (self, "INSERT OR IGNORE INTO person_variants (variant, person_id) VALUES (?1, ?2)",
                  2, params, NULL, error))
          return FALSE;
      }
    }
  if (dst_id == NULL)
    dst_id = id_text (dst);
  {
    const char *params[] = { row->values[W_UUID], variant, name, dst_id, src_id };

    /* no upsert: its conflict policy would be the queue triggers' too */
    if (!run (self, "UPDATE person_fixes SET variant = ?2, name = ?3"
              " WHERE uuid = ?1 AND (name IS NOT ?3 OR variant IS NOT ?2)", 3, params, NULL, error) ||
        !run (self, "INSERT OR IGNORE INTO person_fixes (uuid, variant, name) VALUES (?1, ?2, ?3)",
              3, params, NULL, error))
      return FALSE;
    if (src == dst)
      return TRUE;
    if (!run (self, "INSERT INTO person_variants (variant, person_id) VALUES (?2, ?4)"
              " ON CONFLICT (variant) DO UPDATE SET person_id = excluded.person_id", 4, params, NULL, error))
      return FALSE;
    if (src == 0)
      return TRUE;
    if (!run (self, "SELECT count(*) FROM person_variants WHERE person_id = ?5", 5, params, &left, error))
      return FALSE;
    if (left == 0)
      return _dossier_store_fold_person (self, dst, src, error);
    return run (self, "INSERT OR IGNORE INTO quote_queue (article_id)"
                " SELECT article_id FROM mentions WHERE person_id = ?5"
                " UNION SELECT article_id FROM quotes WHERE person_id = ?5", 5, params, NULL, error);
  }
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
