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
  char        *hints;
  DossierDate  known;
} Target;

static void
target_clear (gpointer p)
{
  Target *t = p;

  g_free (t->title);
  g_free (t->body);
  g_free (t->url);
  g_free (t->hints);
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

/* Each step of the work holds the store's thread about this long, so
 * other calls run between the steps. */
#define STEP_USEC (40 * 1000)
#define ROWS      256
/* weighing one article's evidence takes longer than reading it */
#define WEIGH_ROWS 8

typedef enum
{
  PHASE_READ,      /* the targets, with their text, into the index */
  PHASE_SEAL,      /* the index sorted */
  PHASE_SCAN,      /* the dated articles past the shingle index */
  PHASE_WEIGH,     /* each target's evidence, saved batch by batch */
  PHASE_FINISH,    /* stale suggestions dropped */
  PHASE_DONE,
} Phase;

struct _DossierDateSuggester
{
  gboolean              use_corpus;
  Phase                 phase;
  gint64                after;      /* the last id read or scanned */
  guint                 next;       /* the next target to weigh */
  GArray               *targets;    /* (element-type Target) */
  DossierShingleIndex  *index;
  gint64                saved;
  gint64                computed_at;
};

DossierDateSuggester *
dossier_date_suggester_new (gboolean use_corpus)
{
  DossierDateSuggester *self = g_new0 (DossierDateSuggester, 1);

  self->use_corpus = use_corpus;
  if (use_corpus)
    self->index = dossier_shingle_index_new ();
  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_array_set_clear_func (self->targets, target_clear);
  self->computed_at = g_get_real_time () / G_USEC_PER_SEC;
  return self;
}

void
dossier_date_suggester_free (DossierDateSuggester *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->targets);
  g_clear_pointer (&self->index, dossier_shingle_index_free);
  g_free (self);
}

/* id, title, known date, suggested date, confidence, evidence, state,
 * the known date's origin */
static DossierStoredSuggestion *
read_suggestion (sqlite3_stmt *stmt)
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
  s->known_origin = sqlite3_column_int (stmt, 7);
  return s;
}

gint64
dossier_date_suggester_get_saved (DossierDateSuggester *self)
{
  return self->saved;
}

/* Up to ROWS more targets; FALSE with @error set on failure. */
static gboolean
read_targets (DossierStore          *self,
              DossierDateSuggester  *sg,
              gboolean              *more,
              GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.id, a.title, a.body, a.url, a.published, h.hints FROM articles a"
                          " LEFT JOIN date_hints h ON h.article_id = a.id"
                          " WHERE " CANDIDATE " AND a.id > ? ORDER BY a.id LIMIT " G_STRINGIFY (ROWS),
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  sqlite3_bind_int64 (stmt, 1, sg->after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Target t;

      t.id = sqlite3_column_int64 (stmt, 0);
      t.title = g_strdup (_dossier_store_column_text (stmt, 1));
      t.body = g_strdup (_dossier_store_column_text (stmt, 2));
      t.url = g_strdup (_dossier_store_column_text (stmt, 3));
      read_date (stmt, 4, &t.known);
      t.hints = g_strdup (_dossier_store_column_text (stmt, 5));
      if (sg->index != NULL)
        dossier_shingle_index_add_target (sg->index, t.id, t.body);
      g_array_append_val (sg->targets, t);
      sg->after = t.id;
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  /* so sealing the index is a few merges, not one long sort */
  if (sg->index != NULL)
    dossier_shingle_index_sort_added (sg->index);
  *more = n == ROWS;
  return TRUE;
}

/* Up to ROWS more dated articles past the index. */
static gboolean
scan_dated (DossierStore          *self,
            DossierDateSuggester  *sg,
            gboolean              *more,
            GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, published_jd, body FROM articles WHERE date_precision = 3"
                          " AND id > ? ORDER BY id LIMIT " G_STRINGIFY (ROWS),
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  sqlite3_bind_int64 (stmt, 1, sg->after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sg->after = sqlite3_column_int64 (stmt, 0);
      dossier_shingle_index_scan (sg->index, sg->after, sqlite3_column_int64 (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not work out suggested dates"));
  *more = n == ROWS;
  return TRUE;
}

/* Weighs the evidence of up to ROWS targets and saves it in a transaction
 * of its own.  An article that got a full date or was deleted since it
 * was read gets no suggestion. */
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

static gboolean
weigh_targets (DossierStore          *self,
               DossierDateSuggester  *sg,
               gboolean              *more,
               GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  guint end = MIN (sg->next + WEIGH_ROWS, sg->targets->len);
  gboolean ok = FALSE;

  if (!dossier_store_begin (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO date_suggestions"
                          " (article_id, published, precision, confidence, evidence, state, computed_at)"
                          " SELECT a.id, ?, ?, ?, ?, 0, ? FROM articles a WHERE a.id = ? AND " CANDIDATE
                          " ON CONFLICT (article_id) DO UPDATE SET published = excluded.published,"
                          " precision = excluded.precision, confidence = excluded.confidence,"
                          " evidence = excluded.evidence, computed_at = excluded.computed_at"
                          " WHERE state = 0", -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  for (; sg->next < end; sg->next++)
    {
      Target *t = &g_array_index (sg->targets, Target, sg->next);
      DossierCorpusMatch match;
      gboolean matched = sg->index != NULL && dossier_shingle_index_lookup (sg->index, t->id, &match);
      g_autoptr(GPtrArray) neighbours = NULL;
      g_autoptr(DossierDateSuggestion) s = NULL;
      g_autofree char *date = NULL;
      g_autofree char *evidence = NULL;

      /* else its copies and story, as the library grouped them */
      if (!matched && sg->use_corpus)
        matched = story_match (self, t->id, &neighbours, &match);
      s = dossier_date_evidence_suggest (t->title, t->body, t->url, t->hints, &t->known,
                                         matched ? &match : NULL);
      /* the text is no longer needed */
      g_clear_pointer (&t->body, g_free);
      g_clear_pointer (&t->hints, g_free);
      date = dossier_date_to_string (&s->date);
      evidence = join_evidence (s->evidence);
      _dossier_store_bind_text (stmt, 1, date);
      sqlite3_bind_int (stmt, 2, date ? s->date.precision : 0);
      sqlite3_bind_double (stmt, 3, date ? s->confidence : 0);
      _dossier_store_bind_text (stmt, 4, evidence);
      sqlite3_bind_int64 (stmt, 5, sg->computed_at);
      sqlite3_bind_int64 (stmt, 6, t->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto out;
      sqlite3_reset (stmt);
      if (date != NULL)
        sg->saved++;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  if (!ok)
    {
      _dossier_store_fail (self, error, _("Could not save the suggested dates"));
      dossier_store_rollback (self);
      return FALSE;
    }
  *more = sg->next < sg->targets->len;
  return dossier_store_commit (self, error);
}

int
dossier_store_suggest_dates_step (DossierStore          *self,
                                  DossierDateSuggester  *sg,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  gint64 until = g_get_monotonic_time () + STEP_USEC;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (sg != NULL, -1);

  if (self->db == NULL)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                           _("The library is closed"));
      return -1;
    }
  while (sg->phase != PHASE_DONE)
    {
      gboolean more = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      switch (sg->phase)
        {
        case PHASE_READ:
          if (!read_targets (self, sg, &more, error))
            return -1;
          if (!more)
            {
              sg->after = 0;
              sg->phase = sg->index != NULL && sg->targets->len > 0 ? PHASE_SEAL : PHASE_WEIGH;
            }
          break;
        case PHASE_SEAL:
          dossier_shingle_index_seal (sg->index);
          sg->phase = PHASE_SCAN;
          break;
        case PHASE_SCAN:
          if (!scan_dated (self, sg, &more, error))
            return -1;
          if (!more)
            sg->phase = PHASE_WEIGH;
          break;
        case PHASE_WEIGH:
          if (!weigh_targets (self, sg, &more, error))
            return -1;
          if (!more)
            sg->phase = PHASE_FINISH;
          break;
        case PHASE_FINISH:
          /* open suggestions of articles that got a full date are stale */
          if (!_dossier_store_exec (self, "DELETE FROM date_suggestions WHERE state = 0 AND EXISTS"
                                          " (SELECT 1 FROM articles a WHERE a.id = date_suggestions.article_id"
                                          " AND NOT (" CANDIDATE "))", error))
            return -1;
          sg->phase = PHASE_DONE;
          break;
        case PHASE_DONE:
        default:
          g_assert_not_reached ();
        }
      if (g_get_monotonic_time () >= until)
        break;
    }
  return sg->phase == PHASE_DONE ? 0 : 1;
}

gint64
dossier_store_suggest_dates (DossierStore  *self,
                             gboolean       use_corpus,
                             GCancellable  *cancellable,
                             GError       **error)
{
  DossierDateSuggester *sg;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);

  sg = dossier_date_suggester_new (use_corpus);
  while ((rc = dossier_store_suggest_dates_step (self, sg, cancellable, error)) > 0)
    ;
  if (rc == 0)
    n = sg->saved;
  dossier_date_suggester_free (sg);
  return n;
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
                          "SELECT a.id, a.title, a.published, s.published, s.confidence, s.evidence, s.state, a.date_origin"
                          " FROM articles a LEFT JOIN date_suggestions s ON s.article_id = a.id"
                          " WHERE a.date_precision < 3 ORDER BY a.id", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (list, read_suggestion (stmt));
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

gint64
dossier_store_accept_date_suggestions (DossierStore  *self,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (ids != NULL || n_ids == 0, -1);

  if (!dossier_store_begin (self, error))
    return -1;
  for (guint i = 0; i < n_ids; i++)
    if (!accept_one (self, ids[i], error))
      {
        dossier_store_rollback (self);
        return -1;
      }
  if (!dossier_store_commit (self, error))
    return -1;
  return n_ids;
}

gboolean
dossier_store_unaccept_date_suggestion (DossierStore      *self,
                                        gint64             article_id,
                                        const DossierDate *previous,
                                        DossierDateOrigin  origin,
                                        GError           **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (previous != NULL, FALSE);

  text = dossier_date_to_string (previous);
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE articles SET published = ?, date_precision = ?, date_origin = ?,"
                          " published_jd = ? WHERE id = ? AND date_origin = 5"
                          " AND EXISTS (SELECT 1 FROM date_suggestions s WHERE s.article_id = ? AND s.state = 1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  _dossier_store_bind_text (stmt, 1, text);
  sqlite3_bind_int (stmt, 2, text ? previous->precision : 0);
  sqlite3_bind_int (stmt, 3, origin);
  if (text != NULL)
    sqlite3_bind_int64 (stmt, 4, dossier_date_to_julian (previous));
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, article_id);
  sqlite3_bind_int64 (stmt, 6, article_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      dossier_store_rollback (self);
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("Article %lld has no accepted suggestion to take back"), (long long) article_id);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (self->db, "UPDATE date_suggestions SET state = 0 WHERE article_id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  return dossier_store_commit (self, error);

fail:
  _dossier_store_fail (self, error, _("Could not take back the accepted date"));
  dossier_store_rollback (self);
  return FALSE;
}

DossierStoredSuggestion *
dossier_store_get_date_suggestion (DossierStore  *self,
                                   gint64         article_id,
                                   GError       **error)
{
  DossierStoredSuggestion *s = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.id, a.title, a.published, s.published, s.confidence, s.evidence, s.state, a.date_origin"
                          " FROM articles a JOIN date_suggestions s ON s.article_id = a.id"
                          " WHERE a.id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    s = read_suggestion (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dossier_stored_suggestion_free (s);
      return _dossier_store_fail (self, error, _("Could not read the suggested dates")), NULL;
    }
  if (s == NULL)
    {
      s = g_new0 (DossierStoredSuggestion, 1);
      s->article_id = article_id;
      s->known = (DossierDate) DOSSIER_DATE_INIT;
      s->date = (DossierDate) DOSSIER_DATE_INIT;
      s->evidence = g_new0 (char *, 1);
    }
  return s;
}
