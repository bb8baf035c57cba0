/* dossier-team-sync.c — pushing local changes to the team database and
 * pulling the others'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Versioning as in the Zotero Web API, done in SQL: every shared row on
 * the server carries the version its last change took from one sequence.
 * A push sends each queued change with the version this library last saw
 * of the row (UPDATE … WHERE version = seen); a row that changed meanwhile
 * is a conflict, never an overwrite:
 *  - a note both edited: theirs stays, mine is kept as a conflict copy
 *    until a person resolves it;
 *  - an article both edited: merged field by field against the fields as
 *    last seen; a field both changed keeps theirs and is listed;
 *  - a note added to an article another member deleted brings the
 *    article back (the server marks who did);
 *  - a change the server refuses (a reader's, an editor's to another's
 *    note) is listed too, with the server's version applied here.
 * Push and the local bookkeeping commit together: the server's
 * transaction first, then SQLite's, and a change pushed again after a
 * crash between the two is recognised as already there.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-team-private.h"
#include "dossier-store-stories-private.h"

typedef struct
{
  DossierStore          *store;
  DossierTeamServer     *server;
  DossierTeamSyncStats  *stats;
  /* PUSH_CAREFUL: each write in a savepoint of its own, so that a
   * refused one costs only itself.  PUSH_QUICK: none, and a refusal ends
   * the push (PUSH_REFUSED), which then runs again carefully. */
  int                    careful;
  DossierTeamProgressFunc progress;
  gpointer               progress_data;
  guint                  done;          /* rows pushed and pulled so far */
  guint                  total;         /* queued, then those pulled too */
  guint                  percent;       /* as last reported */
  /* the author the last write of a note left on the server */
  char                  *returned_author;
} Sync;

/* @n more rows done: the progress hears of each new whole percent */
static void
report (Sync  *s,
        guint  n)
{
  guint percent;

  s->done += n;
  if (s->progress == NULL)
    return;
  percent = s->total > 0 ? (guint) MIN (100, (guint64) s->done * 100 / s->total) : 0;
  if (percent != s->percent)
    {
      s->percent = percent;
      s->progress (s->done, s->total, s->progress_data);
    }
}

enum { PUSH_QUICK, PUSH_CAREFUL, PUSH_REFUSED };

static TeamRow *
fetch_server_row (Sync        *s,
                  TeamKind     kind,
                  const char  *uuid,
                  GError     **error)
{
  g_autofree char *columns = _dossier_team_server_columns (kind);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = $1", columns,
                                          _dossier_team_kinds[kind].table);
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (s->server, sql, 1, &uuid, error);

  if (rows == NULL)
    return NULL;
  s->stats->rows_received += rows->n_rows;
  if (rows->n_rows == 0)
    return g_new0 (TeamRow, 1);   /* none: version 0, no values */
  return _dossier_team_row_from_server (kind, rows, 0);
}

/* Sets a note's author here as the server has it (within the push, so
 * not queued). */
static gboolean
set_author (DossierStore  *store,
            const char    *uuid,
            const char    *author,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (author == NULL)
    return TRUE;
  stmt = _dossier_store_prepare (store, "UPDATE annotations SET author = ?1 WHERE uuid = ?2 AND author IS NOT ?1",
                                 _("Could not save the team’s changes"), error);
  if (stmt == NULL)
    return FALSE;
  _dossier_store_bind_text (stmt, 1, author);
  _dossier_store_bind_text (stmt, 2, uuid);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || _dossier_store_fail (store, error, _("Could not save the team’s changes"));
}

/* Runs one write.  Returns the version it set, 0 for no row changed, -1
 * for refused (careful pushes), -2 for an error (@error set; a refusal
 * in a quick push, which sets PUSH_REFUSED). */
static gint64
write_row (Sync                *s,
           const char          *sql,
           guint                n_params,
           const char * const  *params,
           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DossierTeamRows) rows = NULL;

  if (s->careful == PUSH_CAREFUL && !dossier_team_server_exec (s->server, "SAVEPOINT push_row", error))
    return -2;
  rows = dossier_team_server_query (s->server, sql, n_params, params, &local_error);
  s->stats->rows_sent++;
  if (rows == NULL)
    {
      if (g_error_matches (local_error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED))
        {
          g_debug ("refused: %s", local_error->message);
          if (s->careful == PUSH_QUICK)
            {
              s->careful = PUSH_REFUSED;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return -2;
            }
          return dossier_team_server_exec (s->server, "ROLLBACK TO SAVEPOINT push_row", error) ? -1 : -2;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -2;
    }
  if (s->careful == PUSH_CAREFUL && !dossier_team_server_exec (s->server, "RELEASE SAVEPOINT push_row", error))
    return -2;
  g_clear_pointer (&s->returned_author, g_free);
  if (rows->n_rows > 0 && rows->n_columns > 1)
    s->returned_author = g_strdup (dossier_team_rows_get (rows, 0, 1));
  return rows->n_rows > 0 ? g_ascii_strtoll (dossier_team_rows_get (rows, 0, 0), NULL, 10) : 0;
}

/* UPDATE of every column but uuid, WHERE version = the base */
static gint64
update_row (Sync           *s,
            const TeamRow  *row,
            gint64          base,
            GError        **error)
{
  const TeamKindInfo *info = &_dossier_team_kinds[row->kind];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *base_text = g_strdup_printf ("%" G_GINT64_FORMAT, base);
  const char *params[TEAM_MAX_COLUMNS + 1];
  gint64 v;

  g_string_append_printf (sql, "UPDATE %s SET deleted = false", info->table);
  for (guint i = 1; i < info->n_columns; i++)
    g_string_append_printf (sql, ", %s = $%u", info->columns[i], i + 1);
  g_string_append_printf (sql, " WHERE uuid = $1 AND version = $%u RETURNING version%s", info->n_columns + 1,
                          row->kind == TEAM_ANNOTATION ? ", author" : "");
  for (guint i = 0; i < info->n_columns; i++)
    params[i] = row->values[i];
  params[info->n_columns] = base_text;
  v = write_row (s, sql->str, info->n_columns + 1, params, error);
  /* the server names the note's editor (migration 3): so does this library */
  if (v > 0 && row->kind == TEAM_ANNOTATION &&
      !set_author (s->store, row->values[0], s->returned_author, error))
    return -2;
  return v;
}

static gint64
insert_row (Sync           *s,
            const TeamRow  *row,
            GError        **error)
{
  const TeamKindInfo *info = &_dossier_team_kinds[row->kind];
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", info->table);
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", info->columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, "%s$%u", i ? ", " : "", i + 1);
  g_string_append (sql, ") ON CONFLICT (uuid) DO NOTHING RETURNING version");
  return write_row (s, sql->str, info->n_columns, (const char * const *) row->values, error);
}

static gint64
delete_row (Sync        *s,
            TeamKind     kind,
            const char  *uuid,
            gint64       base,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = true WHERE uuid = $1 AND version = $2"
                                          " RETURNING version", _dossier_team_kinds[kind].table);
  g_autofree char *base_text = g_strdup_printf ("%" G_GINT64_FORMAT, base);
  const char *params[] = { uuid, base_text };

  return write_row (s, sql, 2, params, error);
}

/* what a conflict shows of a row: a note's text, a search's query, a
 * tag, the other article of a join */
static const char *
conflict_text (const TeamRow *row)
{
  const char *text;

  if (row == NULL)
    return NULL;
  text = row->kind == TEAM_ANNOTATION ? row->values[3] : row->values[2];
  return text != NULL ? text : "";
}

/* Mine lost against @theirs (newer, a tombstone, or the server refused
 * mine): theirs is written here, mine kept as a conflict to resolve. */
static gboolean
keep_as_conflict (Sync           *s,
                  TeamKind        kind,
                  const char     *uuid,
                  const TeamRow  *mine,
                  const TeamRow  *theirs,
                  GError        **error)
{
  g_autofree char *mine_row = mine ? _dossier_team_row_to_json (mine) : NULL;
  gboolean have_theirs = theirs->version > 0;
  const char *their_text = have_theirs && !theirs->deleted ? conflict_text (theirs) : NULL;
  const char *my_text = conflict_text (mine);

  if (!_dossier_team_add_conflict (s->store, _dossier_team_kinds[kind].name, uuid,
                                   NULL, my_text, their_text, theirs->changed_by, mine_row, error))
    return FALSE;
  s->stats->conflicts++;
  if (have_theirs)
    return _dossier_team_apply (s->store, s->server, theirs, error);
  return TRUE;
}

/* Merges an article's fields: mine where only I changed one, theirs
 * otherwise; a field both changed differently is listed.  Returns the
 * merged row. */
static TeamRow *
merge_article (Sync           *s,
               const TeamRow  *mine,
               const TeamRow  *theirs,
               const char     *base_json,
               GError        **error)
{
  g_autoptr(TeamRow) base = _dossier_team_row_from_json (TEAM_ARTICLE, base_json);
  g_autoptr(TeamRow) merged = g_new0 (TeamRow, 1);
  const TeamKindInfo *info = &_dossier_team_kinds[TEAM_ARTICLE];

  merged->kind = TEAM_ARTICLE;
  merged->version = theirs->version;
  for (guint i = 0; i < info->n_columns; i++)
    {
      const char *m = mine->values[i];
      const char *t = theirs->values[i];
      g_autofree char *m_cmp = NULL;
      g_autofree char *t_cmp = NULL;
      const char *b = base ? base->values[i] : NULL;
      gboolean mine_changed;

      /* the base holds the body's hash */
      if (g_str_equal (info->columns[i], "body"))
        {
          m_cmp = g_compute_checksum_for_string (G_CHECKSUM_SHA256, m ?: "", -1);
          t_cmp = g_compute_checksum_for_string (G_CHECKSUM_SHA256, t ?: "", -1);
        }
      mine_changed = base != NULL && g_strcmp0 (m_cmp ? m_cmp : m, b) != 0;
      if (g_strcmp0 (m, t) == 0)
        merged->values[i] = g_strdup (t);
      else if (base != NULL && !mine_changed)
        merged->values[i] = g_strdup (t);
      else if (base != NULL && g_strcmp0 (t_cmp ? t_cmp : t, b) == 0)
        merged->values[i] = g_strdup (m);
      else
        {
          /* both changed it (or there is no base to tell): theirs stays */
          merged->values[i] = g_strdup (t);
          if (!g_str_equal (info->columns[i], "date_precision") &&
              !_dossier_team_add_conflict (s->store, "article-field", mine->values[0], info->columns[i],
                                           m, t, theirs->changed_by, NULL, error))
            return NULL;
          if (!g_str_equal (info->columns[i], "date_precision"))
            s->stats->conflicts++;
        }
    }
  return g_steal_pointer (&merged);
}

static gboolean
push_article (Sync         *s,
              const char   *uuid,
              TeamRow      *mine,
              gint64        base,
              const char   *base_json,
              GError      **error)
{
  g_autoptr(TeamRow) theirs = NULL;
  g_autoptr(TeamRow) merged = NULL;
  gint64 v;

  theirs = fetch_server_row (s, TEAM_ARTICLE, uuid, error);
  if (theirs == NULL)
    return FALSE;
  if (theirs->version == 0)
    {
      /* refused, and not there: it stays here, listed */
      if (!_dossier_team_add_conflict (s->store, "article-field", uuid, "deleted", "false", NULL, NULL,
                                       NULL, error))
        return FALSE;
      s->stats->conflicts++;
      return TRUE;
    }
  if (theirs->deleted)
    {
      /* edited here, deleted there: the edit brings it back */
      if ((v = write_row (s, "SELECT dossier_revive_article($1)", 1, &uuid, error)) == -2)
        return FALSE;
      _dossier_team_row_free (g_steal_pointer (&theirs));
      if (!(theirs = fetch_server_row (s, TEAM_ARTICLE, uuid, error)))
        return FALSE;
      if (theirs->deleted)
        {
          if (!_dossier_team_add_conflict (s->store, "article-field", uuid, "deleted", "false", "true",
                                           theirs->changed_by, NULL, error))
            return FALSE;
          s->stats->conflicts++;
          return _dossier_team_apply (s->store, s->server, theirs, error);
        }
    }
  if (theirs->version == base && base > 0)
    {
      /* unchanged there, so the server refused mine */
      merged = merge_article (s, mine, theirs, NULL, error);
      return merged != NULL && _dossier_team_apply (s->store, s->server, theirs, error);
    }
  merged = merge_article (s, mine, theirs, base_json, error);
  if (merged == NULL)
    return FALSE;
  if (!_dossier_team_row_equal (merged, theirs))
    {
      if ((v = update_row (s, merged, theirs->version, error)) == -2)
        return FALSE;
      if (v <= 0)
        {
          g_autoptr(TeamRow) refused = merge_article (s, merged, theirs, NULL, error);

          return refused != NULL && _dossier_team_apply (s->store, s->server, theirs, error);
        }
      merged->version = v;
      s->stats->pushed++;
    }
  return _dossier_team_apply (s->store, s->server, merged, error);
}

/* Pushes one queued change.  FALSE only for an error that ends the sync. */
static gboolean
push_one (Sync         *s,
          TeamKind      kind,
          const char   *uuid,
          GError      **error)
{
  g_autofree char *base_json = NULL;
  g_autoptr(TeamRow) mine = _dossier_team_read_local (s->store, kind, uuid);
  g_autoptr(TeamRow) theirs = NULL;
  gint64 base = _dossier_team_seen_version (s->store, kind, uuid, &base_json);
  gint64 v;

  if (mine == NULL)
    {
      /* deleted here */
      if (base == 0)
        return TRUE;
      if ((v = delete_row (s, kind, uuid, base, error)) == -2)
        return FALSE;
      if (v > 0)
        {
          s->stats->pushed++;
          return _dossier_team_set_seen (s->store, kind, uuid, v, NULL, error);
        }
      if (!(theirs = fetch_server_row (s, kind, uuid, error)))
        return FALSE;
      if (theirs->version == 0 || theirs->deleted)
        return theirs->version == 0 ||
               _dossier_team_set_seen (s->store, kind, uuid, theirs->version, NULL, error);
      /* changed there meanwhile, or not mine to delete: theirs comes back */
      if (kind == TEAM_ARTICLE)
        {
          if (!_dossier_team_add_conflict (s->store, "article-field", uuid, "deleted", "true", "false",
                                           theirs->changed_by, NULL, error))
            return FALSE;
          s->stats->conflicts++;
          return _dossier_team_apply (s->store, s->server, theirs, error);
        }
      return keep_as_conflict (s, kind, uuid, NULL, theirs, error);
    }

  v = base == 0 ? insert_row (s, mine, error) : update_row (s, mine, base, error);
  if (v == -2)
    return FALSE;
  if (v > 0)
    {
      g_autofree char *new_base = kind == TEAM_ARTICLE ? _dossier_team_article_base (mine) : NULL;

      s->stats->pushed++;
      return _dossier_team_set_seen (s->store, kind, uuid, v, new_base, error);
    }

  if (kind == TEAM_ARTICLE)
    return push_article (s, uuid, mine, base, base_json, error);

  if (!(theirs = fetch_server_row (s, kind, uuid, error)))
    return FALSE;
  /* pushed before, but the library did not learn so (a crash between
   * the two commits): nothing to do */
  if (theirs->version > 0 && !theirs->deleted && _dossier_team_row_equal (mine, theirs))
    return _dossier_team_apply (s->store, NULL, theirs, error);
  if (theirs->version > 0 && theirs->deleted)
    {
      /* deleted there, edited here: mine comes back if the server lets me */
      if ((v = update_row (s, mine, theirs->version, error)) == -2)
        return FALSE;
      if (v > 0)
        {
          s->stats->pushed++;
          return _dossier_team_set_seen (s->store, kind, uuid, v, NULL, error);
        }
    }
  return keep_as_conflict (s, kind, uuid, mine, theirs, error);
}

/* rows in one multi-row INSERT (13 columns × 500 stays far below the
 * protocol's 65,535 parameters) or one batched UPDATE */
#define PUSH_BATCH 500

/* Inserts @batch, rows new to the server, with one statement.  Those the
 * server took are done (seen, dequeued, added to @done); a row that is
 * there already is left to push_one().  A refusal ends a quick push. */
static gboolean
insert_batch (Sync        *s,
              TeamKind     kind,
              GPtrArray   *batch,
              GHashTable  *done,
              GError     **error)
{
  const TeamKindInfo *info = &_dossier_team_kinds[kind];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **params = g_new0 (const char *, batch->len * info->n_columns);
  g_autoptr(DossierTeamRows) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  guint p = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", info->table);
  for (guint c = 0; c < info->n_columns; c++)
    g_string_append_printf (sql, "%s%s", c ? ", " : "", info->columns[c]);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < batch->len; r++)
    {
      TeamRow *row = batch->pdata[r];

      g_hash_table_insert (by_uuid, row->values[0], row);
      g_string_append (sql, r ? ", (" : "(");
      for (guint c = 0; c < info->n_columns; c++)
        {
          params[p] = row->values[c];
          g_string_append_printf (sql, "%s$%u", c ? ", " : "", ++p);
        }
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " ON CONFLICT (uuid) DO NOTHING RETURNING uuid, version");

  rows = dossier_team_server_query (s->server, sql->str, p, params, &local_error);
  s->stats->rows_sent += batch->len;
  if (rows == NULL)
    {
      if (g_error_matches (local_error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED))
        s->careful = PUSH_REFUSED;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint r = 0; r < rows->n_rows; r++)
    {
      const char *uuid = dossier_team_rows_get (rows, r, 0);
      TeamRow *mine = g_hash_table_lookup (by_uuid, uuid);
      g_autofree char *base = NULL;

      if (mine == NULL)
        continue;
      base = kind == TEAM_ARTICLE ? _dossier_team_article_base (mine) : NULL;
      if (!_dossier_team_set_seen (s->store, kind, mine->values[0],
                                   g_ascii_strtoll (dossier_team_rows_get (rows, r, 1), NULL, 10), base, error) ||
          !_dossier_team_dequeue (s->store, kind, mine->values[0], error))
        return FALSE;
      s->stats->pushed++;
      g_hash_table_add (done, g_strdup (mine->values[0]));
    }
  return TRUE;
}

/* The queued rows of @kind that the server has never seen go in batches,
 * each one statement (a quick push only: a careful one, a reader's, goes
 * row by row).  The rest are left to push_one(). */
static gboolean
push_new_rows (Sync        *s,
               TeamKind     kind,
               GPtrArray   *uuids,
               GHashTable  *done,
               GError     **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) _dossier_team_row_free);

  for (guint i = 0; i < uuids->len; i++)
    {
      TeamRow *mine;

      if (_dossier_team_seen_version (s->store, kind, uuids->pdata[i], NULL) != 0 ||
          !(mine = _dossier_team_read_local (s->store, kind, uuids->pdata[i])))
        continue;
      g_ptr_array_add (batch, mine);
      if (batch->len == PUSH_BATCH)
        {
          if (!insert_batch (s, kind, batch, done, error))
            return FALSE;
          g_ptr_array_set_size (batch, 0);
        }
    }
  return batch->len == 0 || insert_batch (s, kind, batch, done, error);
}

/* a batch of changed rows as JSON objects keyed by column, each with the
 * version it was last seen at; jsonb_populate_recordset() gives them the
 * table's own column types on the server */
static void
add_json_row (JsonBuilder    *b,
              TeamKind        kind,
              const TeamRow  *row,
              const char     *uuid,
              gint64          base)
{
  const TeamKindInfo *info = &_dossier_team_kinds[kind];

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, uuid);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, base);
  for (guint c = 1; row != NULL && c < info->n_columns; c++)
    {
      json_builder_set_member_name (b, info->columns[c]);
      if (row->values[c] == NULL)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, row->values[c]);
    }
  json_builder_end_object (b);
}

/* Writes @batch, rows the server has seen, changed (@deleted: removed)
 * here, with one statement: each row only where its version is still the
 * one this library saw, so a row changed meanwhile is left alone and goes
 * to push_one(), which finds the conflict.  Those written are done. */
static gboolean
change_batch (Sync        *s,
              TeamKind     kind,
              gboolean     deleted,
              GPtrArray   *uuids,
              GPtrArray   *rows,
              GArray      *bases,
              GHashTable  *done,
              GError     **error)
{
  const TeamKindInfo *info = &_dossier_team_kinds[kind];
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(DossierTeamRows) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  const char *param;

  json_builder_begin_array (b);
  for (guint i = 0; i < uuids->len; i++)
    {
      add_json_row (b, kind, deleted ? NULL : rows->pdata[i], uuids->pdata[i],
                    g_array_index (bases, gint64, i));
      g_hash_table_insert (index_of, uuids->pdata[i], GUINT_TO_POINTER (i + 1));
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);
  param = json;

  g_string_append_printf (sql, "UPDATE %s t SET deleted = %s", info->table, deleted ? "true" : "false");
  for (guint c = 1; !deleted && c < info->n_columns; c++)
    g_string_append_printf (sql, ", %s = v.%s", info->columns[c], info->columns[c]);
  g_string_append_printf (sql, " FROM jsonb_populate_recordset(NULL::%s, $1::jsonb) v"
                          " WHERE t.uuid = v.uuid AND t.version = v.version"
                          " RETURNING t.uuid, t.version%s", info->table,
                          kind == TEAM_ANNOTATION ? ", t.author" : "");

  result = dossier_team_server_query (s->server, sql->str, 1, &param, &local_error);
  s->stats->rows_sent += uuids->len;
  if (result == NULL)
    {
      if (g_error_matches (local_error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_REFUSED))
        s->careful = PUSH_REFUSED;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint r = 0; r < result->n_rows; r++)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, dossier_team_rows_get (result, r, 0)));
      const char *uuid;
      g_autofree char *base = NULL;

      if (i-- == 0)
        continue;
      uuid = uuids->pdata[i];
      base = kind == TEAM_ARTICLE && !deleted ? _dossier_team_article_base (rows->pdata[i]) : NULL;
      if (!_dossier_team_set_seen (s->store, kind, uuid,
                                   g_ascii_strtoll (dossier_team_rows_get (result, r, 1), NULL, 10), base, error) ||
          (kind == TEAM_ANNOTATION && !deleted &&
           !set_author (s->store, uuid, dossier_team_rows_get (result, r, 2), error)) ||
          !_dossier_team_dequeue (s->store, kind, uuid, error))
        return FALSE;
      s->stats->pushed++;
      g_hash_table_add (done, g_strdup (uuid));
    }
  return TRUE;
}

typedef struct
{
  GPtrArray *uuids;   /* borrowed from the queue's list */
  GPtrArray *rows;
  GArray    *bases;
} ChangeBatch;

static gboolean
flush_changes (Sync         *s,
               TeamKind      kind,
               gboolean      deleted,
               ChangeBatch  *batch,
               GHashTable   *done,
               GError      **error)
{
  gboolean ok;

  if (batch->uuids->len == 0)
    return TRUE;
  ok = change_batch (s, kind, deleted, batch->uuids, batch->rows, batch->bases, done, error);
  g_ptr_array_set_size (batch->uuids, 0);
  g_ptr_array_set_size (batch->rows, 0);
  g_array_set_size (batch->bases, 0);
  return ok;
}

/* The queued rows of @kind the server has seen, changed or deleted here,
 * in batches of one statement each (a quick push only). */
static gboolean
push_changed_rows (Sync        *s,
                   TeamKind     kind,
                   GPtrArray   *queued,
                   GHashTable  *done,
                   GError     **error)
{
  ChangeBatch batches[2];   /* changed, deleted */
  gboolean ok = TRUE;

  for (int d = 0; d < 2; d++)
    {
      batches[d].uuids = g_ptr_array_new ();
      batches[d].rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _dossier_team_row_free);
      batches[d].bases = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  for (guint i = 0; ok && i < queued->len; i++)
    {
      const char *uuid = queued->pdata[i];
      gint64 base;
      TeamRow *mine;
      int d;

      if (g_hash_table_contains (done, uuid) ||
          (base = _dossier_team_seen_version (s->store, kind, uuid, NULL)) == 0)
        continue;
      mine = _dossier_team_read_local (s->store, kind, uuid);
      d = mine == NULL;
      g_ptr_array_add (batches[d].uuids, (gpointer) uuid);
      g_ptr_array_add (batches[d].rows, mine);
      g_array_append_val (batches[d].bases, base);
      if (batches[d].uuids->len == PUSH_BATCH)
        ok = flush_changes (s, kind, d, &batches[d], done, error);
    }
  for (int d = 0; d < 2; d++)
    {
      ok = ok && flush_changes (s, kind, d, &batches[d], done, error);
      g_ptr_array_unref (batches[d].uuids);
      g_ptr_array_unref (batches[d].rows);
      g_array_unref (batches[d].bases);
    }
  return ok;
}

static gboolean
push (Sync          *s,
      GCancellable  *cancellable,
      GError       **error)
{
  for (TeamKind kind = 0; kind < N_TEAM_KINDS; kind++)
    {
      g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (s->store->db, "SELECT uuid FROM team_queue WHERE kind = ?",
                              -1, &stmt, NULL) != SQLITE_OK)
        return _dossier_store_fail (s->store, error, _("Could not read the team’s changes"));
      _dossier_store_bind_text (stmt, 1, _dossier_team_kinds[kind].name);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (uuids, g_strdup (_dossier_store_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      if (s->careful == PUSH_QUICK &&
          (!push_new_rows (s, kind, uuids, done, error) ||
           !push_changed_rows (s, kind, uuids, done, error)))
        return FALSE;
      report (s, g_hash_table_size (done));
      for (guint i = 0; i < uuids->len; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (g_hash_table_contains (done, uuids->pdata[i]))
            continue;
          if (!push_one (s, kind, uuids->pdata[i], error) ||
              !_dossier_team_dequeue (s->store, kind, uuids->pdata[i], error))
            return FALSE;
          report (s, 1);
        }
    }
  return TRUE;
}

static gboolean
pull (Sync          *s,
      gint64         since,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_team_rows_free);
  g_autofree char *since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  const char *param = since_text;
  gint64 newest = since;
  gboolean joined = FALSE;

  /* one snapshot of all the tables */
  if (!dossier_team_server_exec (s->server, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  for (TeamKind kind = 0; kind < N_TEAM_KINDS; kind++)
    {
      g_autofree char *columns = _dossier_team_server_columns (kind);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE version > $1 ORDER BY version",
                                              columns, _dossier_team_kinds[kind].table);
      DossierTeamRows *rows = dossier_team_server_query (s->server, sql, 1, &param, error);

      if (rows == NULL)
        {
          dossier_team_server_rollback (s->server);
          return FALSE;
        }
      g_ptr_array_add (results, rows);
    }
  if (!dossier_team_server_exec (s->server, "COMMIT", error))
    return FALSE;

  for (TeamKind kind = 0; kind < N_TEAM_KINDS; kind++)
    s->total += ((DossierTeamRows *) results->pdata[kind])->n_rows;
  report (s, 0);
  for (TeamKind kind = 0; kind < N_TEAM_KINDS; kind++)
    {
      DossierTeamRows *rows = results->pdata[kind];

      s->stats->rows_received += rows->n_rows;
      for (guint r = 0; r < rows->n_rows; r++, report (s, 1))
        {
          g_autoptr(TeamRow) row = _dossier_team_row_from_server (kind, rows, r);
          gint64 seen = _dossier_team_seen_version (s->store, kind, row->values[0], NULL);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          newest = MAX (newest, row->version);
          /* already here (pushed by this library), or changed here since */
          if (seen >= row->version || _dossier_team_is_queued (s->store, kind, row->values[0]))
            continue;
          /* an article that was here, deleted here, and brought back by
           * another member's note is marked */
          if (kind == TEAM_ARTICLE && row->extra != NULL && seen > 0 &&
              dossier_store_find_article_by_uuid (s->store, row->values[0], NULL) == 0)
            {
              if (!_dossier_team_add_conflict (s->store, "article-field", row->values[0], "deleted", "true",
                                               "false", row->extra, NULL, error))
                return FALSE;
              s->stats->conflicts++;
            }
          /* a new article's notes come in this pull; a restored one's
           * older notes are fetched with it */
          if (!_dossier_team_apply (s->store, row->extra != NULL ? s->server : NULL, row, error))
            return FALSE;
          joined |= kind == TEAM_JOIN || kind == TEAM_STORY_PIN;
          s->stats->pulled++;
        }
    }
  {
    g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, newest);
    g_autofree char *sql = g_strdup_printf ("UPDATE team_link SET last_version = %s", v);

    s->stats->version = newest;
    /* stories another member joined, or an article moved, here too */
    if (joined && !_dossier_store_group_stories (s->store, error))
      return FALSE;
    /* the people as all the corrections of people here say, mine not yet
     * pushed among them, whatever order they came in */
    if (!_dossier_team_regroup_people (s->store, error))
      return FALSE;
    return _dossier_store_exec (s->store, sql, error);
  }
}

static gboolean
sync_run (Sync          *s,
          GCancellable  *cancellable,
          GError       **error)
{
  DossierStore *self = s->store;
  DossierTeamServer *server = s->server;
  g_autoptr(DossierTeamLink) link = dossier_store_team_get_link (self, error);

  if (link == NULL)
    return FALSE;
  s->total = link->n_queued;
  memset (s->stats, 0, sizeof *s->stats);
  s->stats->version = link->version;

  /* a reader's every write is refused: one savepoint each */
  {
    g_autoptr(DossierTeamRows) role = dossier_team_server_query (server, "SELECT dossier_role()", 0, NULL, error);

    if (role == NULL)
      return FALSE;
    s->careful = role->n_rows == 0 || g_strcmp0 (dossier_team_rows_get (role, 0, 0), "reader") == 0
                ? PUSH_CAREFUL : PUSH_QUICK;
  }

  /* push: the server's transaction, then this library's */
  for (;;)
    {
      g_autoptr(GError) push_error = NULL;

      if (!dossier_store_begin (self, error))
        return FALSE;
      if (!_dossier_team_set_applying (self, TRUE, error) ||
          !dossier_team_server_exec (server, "BEGIN", error))
        goto fail;
      if (push (s, cancellable, &push_error) &&
          dossier_team_server_exec (server, "COMMIT", &push_error))
        break;
      dossier_team_server_rollback (server);
      dossier_store_rollback (self);
      if (s->careful != PUSH_REFUSED)
        {
          g_propagate_error (error, g_steal_pointer (&push_error));
          return FALSE;
        }
      /* refused on the way: once more, a savepoint for each write */
      s->careful = PUSH_CAREFUL;
      s->done = 0;
      memset (s->stats, 0, sizeof *s->stats);
      s->stats->version = link->version;
    }
  if (!_dossier_team_set_applying (self, FALSE, error) || !dossier_store_commit (self, error))
    return FALSE;

  /* pull */
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!_dossier_team_set_applying (self, TRUE, error) ||
      !pull (s, link->version, cancellable, error) ||
      !_dossier_team_set_applying (self, FALSE, error))
    goto fail;
  if (!dossier_store_commit (self, error))
    return FALSE;
  if (s->progress != NULL)
    s->progress (s->total, s->total, s->progress_data);
  return TRUE;

fail:
  dossier_store_rollback (self);
  return FALSE;
}

gboolean
dossier_store_team_sync (DossierStore            *self,
                         DossierTeamServer       *server,
                         DossierTeamSyncStats    *stats,
                         DossierTeamProgressFunc  progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  DossierTeamSyncStats local_stats = { 0 };
  Sync s = { self, server, stats ? stats : &local_stats };
  gboolean ok;

  s.progress = progress;
  s.progress_data = progress_data;
  ok = sync_run (&s, cancellable, error);

  g_free (s.returned_author);
  return ok;
}
