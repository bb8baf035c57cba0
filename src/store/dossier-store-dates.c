/* dossier-store-dates.c — the date_suggestions table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions are worked out after an import is saved (never inside it):
 * the articles without a full date are read once with their text and
 * become the shingle index's targets, the dated ones are streamed past it
 * once, and each target's evidence is weighed by dossier-date-evidence.c.
 * A suggestion becomes an article's date only when accepted.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"
#include "dossier-date-evidence.h"

/* the articles a suggestion is for: no full date, not dated by hand */
#define CANDIDATE "a.date_precision < 3 AND a.date_origin != 4"

typedef struct
{
  gint64       id;
  char        *title;
  char        *body;
  char        *url;
  DossierDate  known;
} Target;

static void
target_clear (gpointer p)
{
  Target *t = p;

  g_free (t->title);
  g_free (t->body);
  g_free (t->url);
}

void
dossier_stored_suggestion_free (DossierStoredSuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->title);
  g_strfreev (s->evidence);
  g_free (s);
}

static void
read_date (sqlite3_stmt *stmt,
           int           col,
           DossierDate  *out)
{
  const char *text = _dossier_store_column_text (stmt, col);

  *out = (DossierDate) DOSSIER_DATE_INIT;
  if (text != NULL)
    dossier_date_from_iso (text, out);
}

static char *
join_evidence (GPtrArray *evidence)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (evidence, i));

      /* one reason a line */
      g_strdelimit (line, "\r\n", ' ');
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
read_targets (DossierStore  *self,
              GArray        *targets,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.id, a.title, a.body, a.url, a.published FROM articles a"
                          " WHERE " CANDIDATE " ORDER BY a.id", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Target t;

      t.id = sqlite3_column_int64 (stmt, 0);
      t.title = g_strdup (_dossier_store_column_text (stmt, 1));
      t.body = g_strdup (_dossier_store_column_text (stmt, 2));
      t.url = g_strdup (_dossier_store_column_text (stmt, 3));
      read_date (stmt, 4, &t.known);
      g_array_append_val (targets, t);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  return TRUE;
}

static gboolean
scan_dated (DossierStore         *self,
            DossierShingleIndex  *index,
            GCancellable         *cancellable,
            GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, published_jd, body FROM articles WHERE date_precision = 3",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      dossier_shingle_index_scan (index, sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
      if (++n % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  return TRUE;
}

static gboolean
save_suggestions (DossierStore  *self,
                  GArray        *targets,
                  GPtrArray     *suggestions,
                  gint64        *n_saved,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = FALSE;

  /* open suggestions of articles that got a full date are stale */
  if (!_dossier_store_exec (self, "DELETE FROM date_suggestions WHERE state = 0 AND article_id IN"
                                  " (SELECT a.id FROM articles a WHERE NOT (" CANDIDATE "))", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO date_suggestions"
                          " (article_id, published, precision, confidence, evidence, state, computed_at)"
                          " VALUES (?, ?, ?, ?, ?, 0, ?)"
                          " ON CONFLICT (article_id) DO UPDATE SET published = excluded.published,"
                          " precision = excluded.precision, confidence = excluded.confidence,"
                          " evidence = excluded.evidence, computed_at = excluded.computed_at"
                          " WHERE state = 0", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not save the suggested dates"));
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = &g_array_index (targets, Target, i);
      DossierDateSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autofree char *date = dossier_date_to_string (&s->date);
      g_autofree char *evidence = join_evidence (s->evidence);

      sqlite3_bind_int64 (stmt, 1, t->id);
      _dossier_store_bind_text (stmt, 2, date);
      sqlite3_bind_int (stmt, 3, date ? s->date.precision : 0);
      sqlite3_bind_double (stmt, 4, date ? s->confidence : 0);
      _dossier_store_bind_text (stmt, 5, evidence);
      sqlite3_bind_int64 (stmt, 6, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto out;
      sqlite3_reset (stmt);
      if (date != NULL)
        (*n_saved)++;
    }
  ok = TRUE;

out:
  if (!ok)
    _dossier_store_fail (self, error, _("Could not save the suggested dates"));
  sqlite3_finalize (stmt);
  return ok;
}

/* The best dated copy or article of the same story of @id, as a corpus
 * match (FALSE: none); the titles stay in @neighbours. */
static gboolean
story_match (DossierStore       *self,
             gint64              id,
             GPtrArray         **neighbours,
             DossierCorpusMatch *out)
{
  DossierStoredSimilar *best;

  *neighbours = dossier_store_dated_neighbours (self, id, NULL);
  if (*neighbours == NULL || (*neighbours)->len == 0)
    return FALSE;
  /* listed copies first, then the closest */
  best = g_ptr_array_index (*neighbours, 0);
  memset (out, 0, sizeof *out);
  out->article_id = dossier_article_get_id (best->article);
  out->jd = dossier_date_to_julian (dossier_article_get_published (best->article));
  out->copy = best->relation == DOSSIER_RELATION_NEAR_DUPLICATE;
  out->shared = out->copy ? 12 : 6;
  out->n_matches = (*neighbours)->len;
  for (guint i = 1; i < (*neighbours)->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (*neighbours, i);

      if (ABS (dossier_date_to_julian (dossier_article_get_published (s->article)) - out->jd) <= 7)
        out->n_agreeing++;
    }
  out->title = dossier_article_get_title (best->article);
  out->source = dossier_article_get_source (best->article);
  return TRUE;
}

gint64
dossier_store_suggest_dates (DossierStore  *self,
                             gboolean       use_corpus,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_date_suggestion_free);
  g_autoptr(DossierShingleIndex) index = NULL;
  gint64 n_saved = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  g_array_set_clear_func (targets, target_clear);
  if (!read_targets (self, targets, cancellable, error))
    return -1;
  if (use_corpus && targets->len > 0)
    {
      index = dossier_shingle_index_new ();
      for (guint i = 0; i < targets->len; i++)
        {
          const Target *t = &g_array_index (targets, Target, i);

          dossier_shingle_index_add_target (index, t->id, t->body);
        }
      dossier_shingle_index_seal (index);
      if (!scan_dated (self, index, cancellable, error))
        return -1;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      Target *t = &g_array_index (targets, Target, i);
      DossierCorpusMatch match;
      gboolean matched = index != NULL && dossier_shingle_index_lookup (index, t->id, &match);
      g_autoptr(GPtrArray) neighbours = NULL;

      /* else its copies and story, as the library grouped them */
      if (!matched && use_corpus)
        matched = story_match (self, t->id, &neighbours, &match);

      g_ptr_array_add (suggestions,
                       dossier_date_evidence_suggest (t->title, t->body, t->url, &t->known,
                                                      matched ? &match : NULL));
      /* the text is no longer needed */
      g_clear_pointer (&t->body, g_free);
      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
    }

  if (!dossier_store_begin (self, error))
    return -1;
  if (!save_suggestions (self, targets, suggestions, &n_saved, error))
    {
      dossier_store_rollback (self);
      return -1;
    }
  if (!dossier_store_commit (self, error))
    return -1;
  return n_saved;
}

GPtrArray *
dossier_store_list_date_suggestions (DossierStore  *self,
                                     GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stored_suggestion_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.id, a.title, a.published, s.published, s.confidence, s.evidence, s.state"
                          " FROM articles a LEFT JOIN date_suggestions s ON s.article_id = a.id"
                          " WHERE a.date_precision < 3 ORDER BY a.id", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierStoredSuggestion *s = g_new0 (DossierStoredSuggestion, 1);
      const char *evidence = _dossier_store_column_text (stmt, 5);

      s->article_id = sqlite3_column_int64 (stmt, 0);
      s->title = g_strdup (_dossier_store_column_text (stmt, 1));
      read_date (stmt, 2, &s->known);
      read_date (stmt, 3, &s->date);
      s->confidence = sqlite3_column_double (stmt, 4);
      s->evidence = evidence && *evidence ? g_strsplit (evidence, "\n", -1) : g_new0 (char *, 1);
      s->state = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (list, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  return g_steal_pointer (&list);
}

/* Within the caller's transaction. */
static gboolean
accept_one (DossierStore  *self,
            gint64         article_id,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  DossierDate date = DOSSIER_DATE_INIT;
  gboolean found = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.published FROM date_suggestions s JOIN articles a ON a.id = s.article_id"
                          " WHERE s.article_id = ? AND s.published IS NOT NULL AND " CANDIDATE,
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not accept the suggested date"));
  sqlite3_bind_int64 (stmt, 1, article_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      read_date (stmt, 0, &date);
      found = date.precision != DOSSIER_DATE_PRECISION_UNKNOWN;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not accept the suggested date"));
  if (!found)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("Article %lld has no suggested date to accept"), (long long) article_id);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE articles SET published = ?, date_precision = ?, date_origin = 5,"
                          " published_jd = ? WHERE id = ? AND date_origin != 4",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not accept the suggested date"));
  {
    g_autofree char *text = dossier_date_to_string (&date);

    _dossier_store_bind_text (stmt, 1, text);
    sqlite3_bind_int (stmt, 2, date.precision);
    sqlite3_bind_int64 (stmt, 3, dossier_date_to_julian (&date));
    sqlite3_bind_int64 (stmt, 4, article_id);
    rc = sqlite3_step (stmt);
    sqlite3_finalize (stmt);
  }
  if (rc != SQLITE_DONE ||
      sqlite3_prepare_v2 (self->db, "UPDATE date_suggestions SET state = 1 WHERE article_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not accept the suggested date"));
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not accept the suggested date"));
  return TRUE;
}

gboolean
dossier_store_accept_date_suggestion (DossierStore  *self,
                                      gint64         article_id,
                                      GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!accept_one (self, article_id, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

gint64
dossier_store_accept_date_suggestions_above (DossierStore  *self,
                                             double         confidence,
                                             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.article_id FROM date_suggestions s JOIN articles a ON a.id = s.article_id"
                          " WHERE s.state = 0 AND s.published IS NOT NULL AND s.confidence >= ? AND " CANDIDATE
                          " ORDER BY s.article_id", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not accept the suggested dates")), -1;
  sqlite3_bind_double (stmt, 1, confidence);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not accept the suggested dates")), -1;

  if (!dossier_store_begin (self, error))
    return -1;
  for (guint i = 0; i < ids->len; i++)
    if (!accept_one (self, g_array_index (ids, gint64, i), error))
      {
        dossier_store_rollback (self);
        return -1;
      }
  if (!dossier_store_commit (self, error))
    return -1;
  return ids->len;
}

gboolean
dossier_store_dismiss_date_suggestion (DossierStore  *self,
                                       gint64         article_id,
                                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE date_suggestions SET state = 2 WHERE article_id = ? AND state = 0"
                          " AND published IS NOT NULL", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not dismiss the suggested date"));
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not dismiss the suggested date"));
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("Article %lld has no suggested date to dismiss"), (long long) article_id);
      return FALSE;
    }
  return TRUE;
}

char **
dossier_store_get_date_evidence (DossierStore  *self,
                                 gint64         article_id,
                                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  char **evidence = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT evidence FROM date_suggestions WHERE article_id = ? AND state = 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = _dossier_store_column_text (stmt, 0);

      evidence = text && *text ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  if (evidence == NULL)
    evidence = g_new0 (char *, 1);
  return evidence;
}
