/* dossier-store-team-corrections.c — the user's corrections in a team
 * library: a quote's speaker corrected or rejected, an article moved out
 * of its story or into another, written here as a member made them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People and stories are found in each library by its own analysis, so
 * their ids differ from library to library.  A correction names what it
 * corrects by what every library has alike: a quote by its article's
 * UUID and its words, a person by name, a story by another article of
 * it.  A quote correction is applied to the quotes found (and kept for
 * the quotes found later, as the library does for its own); a removed
 * one sends its article's quotes to be found again.
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

gboolean
_dossier_team_apply_correction (DossierStore   *self,
                                const TeamRow  *row,
                                gboolean        deleted,
                                GError        **error)
{
  return row->kind == TEAM_QUOTE_FIX ? apply_quote_fix (self, row, deleted, error)
                                     : apply_pin (self, row, deleted, error);
}
