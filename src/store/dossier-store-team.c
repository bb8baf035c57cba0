/* dossier-store-team.c — the local side of a team library: its link to
 * the team database, rows as sync moves them, and conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-team-private.h"
#include "dossier-store-stories-private.h"
#include "dossier-date.h"

const TeamKindInfo _dossier_team_kinds[N_TEAM_KINDS] = {
  [TEAM_ARTICLE] = {
    "article", "articles", 12,
    { "uuid", "title", "byline", "source", "url", "language", "published", "date_precision",
      "date_origin", "body", "file_name", "imported_at" },
    "SELECT uuid, title, byline, source, url, language, published, date_precision,"
    " date_origin, body, file_name, imported_at FROM articles WHERE uuid = ?1",
  },
  [TEAM_ANNOTATION] = {
    "annotation", "annotations", 13,
    { "uuid", "article_uuid", "color", "note", "tags", "quote", "prefix", "suffix",
      "start_offset", "end_offset", "orphan", "created", "modified" },
    "SELECT n.uuid, a.uuid, n.color, n.note, n.tags, n.quote, n.prefix, n.suffix,"
    " n.start_offset, n.end_offset, n.orphan, n.created, n.modified"
    " FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.uuid = ?1",
  },
  [TEAM_SEARCH] = {
    "saved-search", "saved_searches", 3,
    { "uuid", "name", "query" },
    "SELECT uuid, name, query FROM saved_searches WHERE uuid = ?1",
  },
  [TEAM_TAG] = {
    "article-tag", "article_tags", 3,
    { "uuid", "article_uuid", "tag" },
    "SELECT t.uuid, a.uuid, t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id"
    " WHERE t.uuid = ?1",
  },
  [TEAM_JOIN] = {
    "story-join", "story_joins", 3,
    { "uuid", "article_uuid", "other_uuid" },
    "SELECT j.uuid, a.uuid, b.uuid FROM story_joins j JOIN articles a ON a.id = j.article_id"
    " JOIN articles b ON b.id = j.other_id WHERE j.uuid = ?1",
  },
  /* the person a quote was given to, by name, or none for a quote
   * rejected (few rows: the user's own corrections) */
  [TEAM_QUOTE_FIX] = {
    "quote-correction", "quote_corrections", 5,
    { "uuid", "article_uuid", "text", "person", "rejected" },
    "SELECT " DOSSIER_SQL_ROW_UUID ("a.uuid", "c.text") ", a.uuid, c.text, p.name, c.rejected"
    " FROM quote_corrections c JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN people p ON p.id = c.person_id"
    " WHERE " DOSSIER_SQL_ROW_UUID ("a.uuid", "c.text") " = ?1",
  },
  /* the story an article was moved to, by another article of it (the
   * article itself for a story of its own) */
  [TEAM_STORY_PIN] = {
    "story-pin", "story_pins", 3,
    { "uuid", "article_uuid", "anchor_uuid" },
    "SELECT " DOSSIER_SQL_ROW_UUID ("a.uuid", "'story'") ", a.uuid,"
    " coalesce((SELECT b.uuid FROM story_members o JOIN articles b ON b.id = o.article_id"
    "   WHERE o.story_id = m.story_id AND o.article_id <> m.article_id"
    "   ORDER BY o.pinned, o.article_id LIMIT 1), a.uuid)"
    " FROM story_members m JOIN articles a ON a.id = m.article_id"
    " WHERE m.pinned = 1 AND " DOSSIER_SQL_ROW_UUID ("a.uuid", "'story'") " = ?1",
  },
  /* a written name and the name of the person it belongs to, as a
   * rename, merge or split said */
  [TEAM_PERSON] = {
    "person-name", "person_names", 3,
    { "uuid", "variant", "name" },
    "SELECT uuid, variant, name FROM person_fixes WHERE uuid = ?1",
  },
};

/* the article columns by index */
enum { A_UUID, A_TITLE, A_BYLINE, A_SOURCE, A_URL, A_LANGUAGE, A_PUBLISHED, A_PRECISION,
       A_ORIGIN, A_BODY, A_FILE_NAME, A_IMPORTED_AT };
enum { N_UUID, N_ARTICLE, N_COLOR, N_NOTE };

void
_dossier_team_row_free (TeamRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < TEAM_MAX_COLUMNS; i++)
    g_free (row->values[i]);
  g_free (row->changed_by);
  g_free (row->extra);
  g_free (row);
}

gboolean
_dossier_team_row_equal (const TeamRow *a,
                         const TeamRow *b)
{
  for (guint i = 0; i < _dossier_team_kinds[a->kind].n_columns; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
_dossier_team_row_to_json (const TeamRow *row)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < _dossier_team_kinds[row->kind].n_columns; i++)
    if (row->values[i] != NULL)
      json_builder_add_string_value (b, row->values[i]);
    else
      json_builder_add_null_value (b);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

TeamRow *
_dossier_team_row_from_json (TeamKind    kind,
                             const char *json)
{
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonArray *array;
  TeamRow *row;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  if (json_array_get_length (array) != _dossier_team_kinds[kind].n_columns)
    return NULL;
  row = g_new0 (TeamRow, 1);
  row->kind = kind;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        row->values[i] = g_strdup (json_node_get_string (node));
    }
  return row;
}

char *
_dossier_team_article_base (const TeamRow *row)
{
  TeamRow copy = *row;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, row->values[A_BODY] ?: "", -1);

  copy.values[A_BODY] = hash;
  return _dossier_team_row_to_json (&copy);
}

static sqlite3_stmt *
prepare (DossierStore  *self,
         const char    *sql,
         GError       **error)
{
  return _dossier_store_prepare (self, sql, _("Could not read the team’s changes"), error);
}

/* Runs @sql with text @params (NULL binds NULL); FALSE with @error set. */
static gboolean
run (DossierStore        *self,
     const char          *sql,
     guint                n_params,
     const char * const  *params,
     GError             **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_params; i++)
    _dossier_store_bind_text (stmt, i + 1, params[i]);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _dossier_store_fail (self, error, _("Could not save the team’s changes"));
  return TRUE;
}

TeamRow *
_dossier_team_read_local (DossierStore *self,
                          TeamKind      kind,
                          const char   *uuid)
{
  sqlite3_stmt *stmt = prepare (self, _dossier_team_kinds[kind].local_select, NULL);
  TeamRow *row = NULL;

  if (stmt == NULL)
    return NULL;
  _dossier_store_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_new0 (TeamRow, 1);
      row->kind = kind;
      for (guint i = 0; i < _dossier_team_kinds[kind].n_columns; i++)
        row->values[i] = g_strdup (_dossier_store_column_text (stmt, i));
    }
  sqlite3_finalize (stmt);
  return row;
}

static gint64
local_id (DossierStore *self,
          const char   *table,
          const char   *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  _dossier_store_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

gint64
dossier_store_find_article_by_uuid (DossierStore  *self,
                                    const char    *uuid,
                                    GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (uuid, -1);
  gint64 id = g_uuid_string_is_valid (lower) ? local_id (self, "articles", lower) : 0;

  if (id == 0)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("No article has the identity %s in this library"), uuid);
  return id;
}

gint64
_dossier_team_seen_version (DossierStore  *self,
                            TeamKind       kind,
                            const char    *uuid,
                            char         **base)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT version, base FROM team_rows WHERE kind = ? AND uuid = ?", NULL);
  gint64 version = 0;

  if (base != NULL)
    *base = NULL;
  if (stmt == NULL)
    return 0;
  _dossier_store_bind_text (stmt, 1, _dossier_team_kinds[kind].name);
  _dossier_store_bind_text (stmt, 2, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      if (base != NULL)
        *base = g_strdup (_dossier_store_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return version;
}

gboolean
_dossier_team_set_seen (DossierStore  *self,
                        TeamKind       kind,
                        const char    *uuid,
                        gint64         version,
                        const char    *base,
                        GError       **error)
{
  g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *params[] = { _dossier_team_kinds[kind].name, uuid, v, base };

  return run (self, "INSERT OR REPLACE INTO team_rows (kind, uuid, version, base) VALUES (?, ?, ?, ?)",
              4, params, error);
}

gboolean
_dossier_team_dequeue (DossierStore  *self,
                       TeamKind       kind,
                       const char    *uuid,
                       GError       **error)
{
  const char *params[] = { _dossier_team_kinds[kind].name, uuid };

  return run (self, "DELETE FROM team_queue WHERE kind = ? AND uuid = ?", 2, params, error);
}

gboolean
_dossier_team_is_queued (DossierStore *self,
                         TeamKind      kind,
                         const char   *uuid)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM team_queue WHERE kind = ? AND uuid = ?", NULL);
  gboolean queued;

  if (stmt == NULL)
    return FALSE;
  _dossier_store_bind_text (stmt, 1, _dossier_team_kinds[kind].name);
  _dossier_store_bind_text (stmt, 2, uuid);
  queued = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return queued;
}

gboolean
_dossier_team_set_applying (DossierStore  *self,
                            gboolean       applying,
                            GError       **error)
{
  return _dossier_store_exec (self, applying ? "UPDATE team_link SET applying = 1"
                                             : "UPDATE team_link SET applying = 0", error);
}

gboolean
_dossier_team_add_conflict (DossierStore  *self,
                            const char    *kind,
                            const char    *row_uuid,
                            const char    *field,
                            const char    *mine,
                            const char    *theirs,
                            const char    *author,
                            const char    *mine_row,
                            GError       **error)
{
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  const char *params[] = { kind, row_uuid, field, mine, theirs, author, at, mine_row };

  return run (self, "INSERT INTO team_conflicts (kind, row_uuid, field, mine, theirs, author, at, mine_row)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 8, params, error);
}

/* published, date_precision and published_jd of a server article */
static void
article_date (const TeamRow *row,
              DossierDate   *date,
              char         **jd)
{
  *date = (DossierDate) DOSSIER_DATE_INIT;
  *jd = NULL;
  if (row->values[A_PUBLISHED] != NULL && dossier_date_from_iso (row->values[A_PUBLISHED], date))
    {
      gint64 julian = dossier_date_to_julian (date);

      if (julian >= 0)
        *jd = g_strdup_printf ("%" G_GINT64_FORMAT, julian);
    }
}

static gboolean
fetch_notes_of (DossierStore       *self,
                DossierTeamServer  *server,
                const char         *article_uuid,
                GError            **error);

static gboolean
apply_article (DossierStore       *self,
               DossierTeamServer  *server,
               const TeamRow      *row,
               GError            **error)
{
  const char *uuid = row->values[A_UUID];
  gint64 id = local_id (self, "articles", uuid);
  DossierDate date;
  g_autofree char *jd = NULL;
  g_autofree char *precision = NULL;
  g_autofree char *hash = NULL;

  if (row->deleted)
    {
      const char *params[] = { uuid };

      return id == 0 || run (self, "DELETE FROM articles WHERE uuid = ?", 1, params, error);
    }

  article_date (row, &date, &jd);
  precision = g_strdup_printf ("%d", row->values[A_PUBLISHED] ? (int) date.precision : 0);
  if (id != 0)
    {
      g_autofree char *local_hash = NULL;
      g_autoptr(TeamRow) here = _dossier_team_read_local (self, TEAM_ARTICLE, uuid);
      const char *params[] = { row->values[A_TITLE], row->values[A_BYLINE], row->values[A_SOURCE],
                               row->values[A_URL], row->values[A_LANGUAGE], row->values[A_PUBLISHED],
                               precision, row->values[A_ORIGIN], jd, uuid };

      if (!run (self, "UPDATE articles SET title = ?, byline = ?, source = ?, url = ?, language = ?,"
                " published = ?, date_precision = ?, date_origin = ?, published_jd = ? WHERE uuid = ?",
                10, params, error))
        return FALSE;
      if (here != NULL && g_strcmp0 (here->values[A_BODY], row->values[A_BODY]) != 0)
        return _dossier_store_replace_body (self, id, row->values[A_BODY] ?: "", NULL, error);
      return TRUE;
    }

  hash = _dossier_store_body_hash (row->values[A_BODY]);
  {
    const char *params[] = { uuid, row->values[A_TITLE], row->values[A_BYLINE], row->values[A_SOURCE],
                             row->values[A_URL], row->values[A_LANGUAGE], row->values[A_PUBLISHED],
                             precision, row->values[A_ORIGIN], jd, row->values[A_BODY] ?: "", hash,
                             row->values[A_FILE_NAME], row->values[A_IMPORTED_AT] ?: "0" };

    if (!run (self, "INSERT INTO articles (uuid, title, byline, source, url, language, published,"
              " date_precision, date_origin, published_jd, body, body_hash, file_name, imported_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 14, params, error))
      return FALSE;
  }
  /* an article new here, or back (restored by a member): its notes too */
  return server == NULL || fetch_notes_of (self, server, uuid, error);
}

static gboolean
apply_annotation (DossierStore   *self,
                  const TeamRow  *row,
                  GError        **error)
{
  const char *uuid = row->values[N_UUID];
  gint64 id = local_id (self, "annotations", uuid);
  gint64 article = local_id (self, "articles", row->values[N_ARTICLE]);
  g_autofree char *article_id = g_strdup_printf ("%" G_GINT64_FORMAT, article);
  const char * const *v = (const char * const *) row->values;

  if (row->deleted || article == 0)
    {
      const char *params[] = { uuid };

      /* a note of an article deleted here stays on the server */
      return id == 0 || run (self, "DELETE FROM annotations WHERE uuid = ?", 1, params, error);
    }
  if (id != 0)
    {
      const char *params[] = { article_id, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                               v[11], v[12], row->extra, uuid };

      return run (self, "UPDATE annotations SET article_id = ?, color = ?, note = ?, tags = ?, quote = ?,"
                  " prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, orphan = ?, created = ?,"
                  " modified = ?, author = ? WHERE uuid = ?", 14, params, error);
    }
  else
    {
      const char *params[] = { uuid, article_id, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                               v[10], v[11], v[12], row->extra };

      return run (self, "INSERT INTO annotations (uuid, article_id, color, note, tags, quote, prefix,"
                  " suffix, start_offset, end_offset, orphan, created, modified, author)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 14, params, error);
    }
}

static gboolean
apply_search (DossierStore   *self,
              const TeamRow  *row,
              GError        **error)
{
  const char *uuid = row->values[0];
  const char *params[] = { row->values[1], row->values[2], uuid };

  if (row->deleted)
    return run (self, "DELETE FROM saved_searches WHERE uuid = ?", 1, &uuid, error);
  if (local_id (self, "saved_searches", uuid) != 0)
    return run (self, "UPDATE saved_searches SET name = ?, query = ? WHERE uuid = ?", 3, params, error);
  return run (self, "INSERT INTO saved_searches (name, query, uuid) VALUES (?, ?, ?)", 3, params, error);
}

/* an article's tag, or two articles whose stories a person joined: kept
 * while its articles are here */
static gboolean
apply_pair (DossierStore   *self,
            const TeamRow  *row,
            GError        **error)
{
  gboolean tag = row->kind == TEAM_TAG;
  const char *uuid = row->values[0];
  gint64 article = local_id (self, "articles", row->values[1]);
  gint64 other = tag ? 0 : local_id (self, "articles", row->values[2]);
  g_autofree char *article_id = g_strdup_printf ("%" G_GINT64_FORMAT, article);
  g_autofree char *other_id = g_strdup_printf ("%" G_GINT64_FORMAT, other);

  if (row->deleted || article == 0 || (!tag && other == 0))
    return run (self, tag ? "DELETE FROM article_tags WHERE uuid = ?" : "DELETE FROM story_joins WHERE uuid = ?",
                1, &uuid, error);
  if (tag)
    {
      const char *params[] = { article_id, row->values[2], uuid };

      return run (self, "INSERT OR IGNORE INTO article_tags (article_id, tag, uuid) VALUES (?, ?, ?)",
                  3, params, error);
    }
  else
    {
      const char *params[] = { article_id, other_id, uuid };

      return run (self, "INSERT OR IGNORE INTO story_joins (article_id, other_id, uuid) VALUES (?, ?, ?)",
                  3, params, error);
    }
}

gboolean
_dossier_team_apply (DossierStore       *self,
                     DossierTeamServer  *server,
                     const TeamRow      *row,
                     GError            **error)
{
  g_autofree char *base = NULL;
  gboolean ok;

  switch (row->kind)
    {
    case TEAM_ARTICLE:
      ok = apply_article (self, server, row, error);
      if (!row->deleted)
        base = _dossier_team_article_base (row);
      break;
    case TEAM_ANNOTATION:
      ok = apply_annotation (self, row, error);
      break;
    case TEAM_TAG:
    case TEAM_JOIN:
      ok = apply_pair (self, row, error);
      break;
    case TEAM_QUOTE_FIX:
    case TEAM_STORY_PIN:
    case TEAM_PERSON:
      ok = _dossier_team_apply_correction (self, row, row->deleted, error);
      break;
    case TEAM_SEARCH:
    case N_TEAM_KINDS:
    default:
      ok = apply_search (self, row, error);
      break;
    }
  return ok && _dossier_team_set_seen (self, row->kind, row->values[0], row->version, base, error);
}

char *
_dossier_team_server_columns (TeamKind kind)
{
  const TeamKindInfo *info = &_dossier_team_kinds[kind];
  g_autoptr(GString) sql = g_string_new ("version, deleted::int");

  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, ", %s%s", info->columns[i],
                            g_str_equal (info->columns[i], "orphan") ? "::int" : "");
  g_string_append (sql, kind == TEAM_ARTICLE ? ", changed_by, revived_by" : ", changed_by, author");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

TeamRow *
_dossier_team_row_from_server (TeamKind         kind,
                               DossierTeamRows *rows,
                               guint            r)
{
  TeamRow *row = g_new0 (TeamRow, 1);
  guint n = _dossier_team_kinds[kind].n_columns;

  row->kind = kind;
  row->version = g_ascii_strtoll (dossier_team_rows_get (rows, r, 0), NULL, 10);
  row->deleted = g_strcmp0 (dossier_team_rows_get (rows, r, 1), "1") == 0;
  for (guint i = 0; i < n; i++)
    row->values[i] = g_strdup (dossier_team_rows_get (rows, r, 2 + i));
  row->changed_by = g_strdup (dossier_team_rows_get (rows, r, 2 + n));
  row->extra = g_strdup (dossier_team_rows_get (rows, r, 3 + n));
  return row;
}

static gboolean
fetch_notes_of (DossierStore       *self,
                DossierTeamServer  *server,
                const char         *article_uuid,
                GError            **error)
{
  g_autofree char *columns = _dossier_team_server_columns (TEAM_ANNOTATION);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM annotations WHERE article_uuid = $1 AND NOT deleted",
                                          columns);
  g_autoptr(DossierTeamRows) rows = dossier_team_server_query (server, sql, 1, &article_uuid, error);

  if (rows == NULL)
    return FALSE;
  for (guint r = 0; r < rows->n_rows; r++)
    {
      g_autoptr(TeamRow) row = _dossier_team_row_from_server (TEAM_ANNOTATION, rows, r);

      if (!_dossier_team_is_queued (self, TEAM_ANNOTATION, row->values[0]) &&
          !_dossier_team_apply (self, NULL, row, error))
        return FALSE;
    }
  return TRUE;
}

/* --- the link --- */

void
dossier_team_link_free (DossierTeamLink *link)
{
  if (link == NULL)
    return;
  g_free (link->server);
  g_free (link->member);
  g_free (link);
}

gboolean
dossier_store_team_link (DossierStore  *self,
                         const char    *server,
                         const char    *member,
                         GError       **error)
{
  const char *params[] = { server, member };

  if (!dossier_store_begin (self, error))
    return FALSE;
  /* a library linked to another team starts over with this one */
  if (!_dossier_store_exec (self,
                            "DELETE FROM team_link; DELETE FROM team_rows; DELETE FROM team_queue;"
                            "DELETE FROM team_conflicts;", error) ||
      !run (self, "INSERT INTO team_link (id, server, member) VALUES (1, ?, ?)", 2, params, error) ||
      !run (self, "UPDATE annotations SET author = ? WHERE author IS NULL", 1, &member, error) ||
      !_dossier_store_exec (self,
                            "INSERT INTO team_queue SELECT 'article', uuid, 0 FROM articles;"
                            "INSERT INTO team_queue SELECT 'annotation', uuid, 0 FROM annotations;"
                            "INSERT INTO team_queue SELECT 'saved-search', uuid, 0 FROM saved_searches;"
                            "INSERT INTO team_queue SELECT 'article-tag', uuid, 0 FROM article_tags"
                            " WHERE uuid IS NOT NULL;"
                            "INSERT INTO team_queue SELECT 'story-join', uuid, 0 FROM story_joins"
                            " WHERE uuid IS NOT NULL;"
                            "INSERT OR IGNORE INTO team_queue SELECT 'quote-correction', "
                            DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)", "text")
                            ", 0 FROM quote_corrections;"
                            "INSERT OR IGNORE INTO team_queue SELECT 'story-pin', "
                            DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)", "'story'")
                            ", 0 FROM story_members WHERE pinned = 1;"
                            "INSERT OR IGNORE INTO team_queue SELECT 'person-name', uuid, 0 FROM person_fixes;",
                            error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

gboolean
dossier_store_team_unlink (DossierStore  *self,
                           GError       **error)
{
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!_dossier_store_exec (self,
                            "DELETE FROM team_link; DELETE FROM team_rows; DELETE FROM team_queue;"
                            "DELETE FROM team_conflicts;", error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}

DossierTeamLink *
dossier_store_team_get_link (DossierStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT server, member, last_version,"
                                " (SELECT count(*) FROM team_queue), (SELECT count(*) FROM team_conflicts)"
                                " FROM team_link", error);
  DossierTeamLink *link = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      link = g_new0 (DossierTeamLink, 1);
      link->server = g_strdup (_dossier_store_column_text (stmt, 0));
      link->member = g_strdup (_dossier_store_column_text (stmt, 1));
      link->version = sqlite3_column_int64 (stmt, 2);
      link->n_queued = sqlite3_column_int (stmt, 3);
      link->n_conflicts = sqlite3_column_int (stmt, 4);
    }
  sqlite3_finalize (stmt);
  if (link == NULL)
    g_set_error_literal (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_SHARED,
                         _("This library is not shared with a team: link it with “dossier-cli share”"));
  return link;
}

/* --- conflicts --- */

void
dossier_team_conflict_free (DossierTeamConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->kind);
  g_free (conflict->row);
  g_free (conflict->field);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->author);
  g_free (conflict);
}

GPtrArray *
dossier_store_team_list_conflicts (DossierStore  *self,
                                   GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_team_conflict_free);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT id, kind, row_uuid, field, mine, theirs, author, at"
                                " FROM team_conflicts ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTeamConflict *c = g_new0 (DossierTeamConflict, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->kind = g_strdup (_dossier_store_column_text (stmt, 1));
      c->row = g_strdup (_dossier_store_column_text (stmt, 2));
      c->field = g_strdup (_dossier_store_column_text (stmt, 3));
      c->mine = g_strdup (_dossier_store_column_text (stmt, 4));
      c->theirs = g_strdup (_dossier_store_column_text (stmt, 5));
      c->author = g_strdup (_dossier_store_column_text (stmt, 6));
      c->at = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the conflicts")), NULL;
  return g_steal_pointer (&list);
}

/* Writes @mine, a note as it was here, back: as itself or, with
 * @as_copy, as a new note of its own (the member's). */
static gboolean
restore_note (DossierStore   *self,
              TeamRow        *mine,
              gboolean        as_copy,
              GError        **error)
{
  gint64 article = local_id (self, "articles", mine->values[N_ARTICLE]);
  g_autofree char *article_id = g_strdup_printf ("%" G_GINT64_FORMAT, article);
  g_autofree char *new_uuid = as_copy ? g_uuid_string_random () : NULL;
  const char * const *v = (const char * const *) mine->values;
  const char *uuid = as_copy ? new_uuid : v[N_UUID];

  if (article == 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("The note’s article is no longer in this library"));
      return FALSE;
    }
  if (!as_copy && local_id (self, "annotations", uuid) != 0)
    {
      const char *params[] = { v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[12], uuid };

      /* kept as mine, it is the member's edit (the server agrees) */
      return run (self, "UPDATE annotations SET color = ?, note = ?, tags = ?, quote = ?, prefix = ?,"
                  " suffix = ?, start_offset = ?, end_offset = ?, orphan = ?, modified = ?,"
                  " author = coalesce((SELECT member FROM team_link), author) WHERE uuid = ?",
                  11, params, error);
    }
  {
    const char *params[] = { uuid, article_id, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                             v[11], v[12] };

    return run (self, "INSERT INTO annotations (uuid, article_id, color, note, tags, quote, prefix,"
                " suffix, start_offset, end_offset, orphan, created, modified, author)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT member FROM team_link))",
                13, params, error);
  }
}

/* Sets an article's @field to @value here, queued for the next sync. */
static gboolean
restore_field (DossierStore  *self,
               const char    *uuid,
               const char    *field,
               const char    *value,
               GError       **error)
{
  static const char * const plain[] = { "title", "byline", "source", "url", "language",
                                        "date_origin", "file_name", NULL };
  gint64 id = local_id (self, "articles", uuid);

  if (id == 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("The article is no longer in this library"));
      return FALSE;
    }
  if (g_strcmp0 (field, "deleted") == 0)
    return run (self, "DELETE FROM articles WHERE uuid = ?", 1, &uuid, error);
  if (g_strcmp0 (field, "body") == 0)
    return _dossier_store_replace_body (self, id, value ?: "", NULL, error);
  if (g_strcmp0 (field, "published") == 0 || g_strcmp0 (field, "date_precision") == 0)
    {
      TeamRow row = { .kind = TEAM_ARTICLE };
      DossierDate date;
      g_autofree char *jd = NULL;
      g_autofree char *precision = NULL;
      const char *params[4];

      /* the precision follows from the date's form */
      if (g_strcmp0 (field, "date_precision") == 0)
        return TRUE;
      row.values[A_PUBLISHED] = (char *) value;
      article_date (&row, &date, &jd);
      precision = g_strdup_printf ("%d", value ? (int) date.precision : 0);
      params[0] = value, params[1] = precision, params[2] = jd, params[3] = uuid;
      return run (self, "UPDATE articles SET published = ?, date_precision = ?, published_jd = ?"
                  " WHERE uuid = ?", 4, params, error);
    }
  if (field != NULL && g_strv_contains (plain, field))
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE articles SET %s = ? WHERE uuid = ?", field);
      const char *params[] = { value, uuid };

      return run (self, sql, 2, params, error);
    }
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
               _("Unknown article field “%s”"), field ? field : "");
  return FALSE;
}

/* A rename two members made differently is a conflict for each name of
 * the person, all alike: one decision settles them all (mine: each name
 * is given my person's name again, queued). */
static gboolean
resolve_person_names (DossierStore  *self,
                      gint64         id,
                      const char    *keep,
                      GError       **error)
{
  static const char alike[] =
    "SELECT c.id, c.row_uuid, c.mine_row FROM team_conflicts c JOIN team_conflicts k"
    " ON c.kind = k.kind AND c.mine IS k.mine AND c.theirs IS k.theirs WHERE k.id = ?";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _dossier_team_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = prepare (self, alike, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      TeamRow *row = _dossier_team_row_from_json (TEAM_PERSON, _dossier_store_column_text (stmt, 2));

      g_array_append_val (ids, other);
      if (row == NULL)
        {
          /* mine was a removal */
          row = g_new0 (TeamRow, 1);
          row->kind = TEAM_PERSON;
          row->deleted = TRUE;
          row->values[0] = g_strdup (_dossier_store_column_text (stmt, 1));
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _dossier_store_fail (self, error, _("Could not read the conflicts"));
  for (guint i = 0; !g_str_equal (keep, "theirs") && i < rows->len; i++)
    {
      TeamRow *row = rows->pdata[i];

      if (!_dossier_team_apply_correction (self, row, row->deleted, error))
        return FALSE;
    }
  if (!g_str_equal (keep, "theirs") && !_dossier_team_regroup_people (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      const char *params[] = { text };

      if (!run (self, "DELETE FROM team_conflicts WHERE id = ?", 1, params, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dossier_store_team_resolve (DossierStore  *self,
                            gint64         id,
                            const char    *keep,
                            GError       **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *row_uuid = NULL;
  g_autofree char *field = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *mine_row = NULL;
  gboolean found = FALSE;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (keep, "mine") != 0 && g_strcmp0 (keep, "theirs") != 0 && g_strcmp0 (keep, "both") != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                   _("“%s”: keep mine, theirs or both"), keep ? keep : "");
      return FALSE;
    }
  if (!(stmt = prepare (self, "SELECT kind, row_uuid, field, mine, mine_row FROM team_conflicts WHERE id = ?",
                        error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      kind = g_strdup (_dossier_store_column_text (stmt, 0));
      row_uuid = g_strdup (_dossier_store_column_text (stmt, 1));
      field = g_strdup (_dossier_store_column_text (stmt, 2));
      mine = g_strdup (_dossier_store_column_text (stmt, 3));
      mine_row = g_strdup (_dossier_store_column_text (stmt, 4));
    }
  sqlite3_finalize (stmt);
  if (!found)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("No conflict has the id %s"), number);
      return FALSE;
    }
  if (g_str_equal (kind, "article-field") && g_str_equal (keep, "both"))
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                           _("A field holds one value: keep mine or theirs"));
      return FALSE;
    }

  if (!dossier_store_begin (self, error))
    return FALSE;
  if (g_str_equal (kind, "person-name"))
    ok = resolve_person_names (self, id, keep, error);
  else if (!g_str_equal (keep, "theirs"))
    {
      if (g_str_equal (kind, "article-field"))
        ok = restore_field (self, row_uuid, field, mine, error);
      else if (g_str_equal (kind, "annotation"))
        {
          g_autoptr(TeamRow) row = _dossier_team_row_from_json (TEAM_ANNOTATION, mine_row);

          if (row == NULL && g_str_equal (keep, "mine"))
            /* mine was a deletion */
            ok = run (self, "DELETE FROM annotations WHERE uuid = ?", 1, (const char **) &row_uuid, error);
          else if (row != NULL)
            ok = restore_note (self, row, g_str_equal (keep, "both"), error);
        }
      else if (g_str_equal (kind, "article-tag") || g_str_equal (kind, "story-join"))
        {
          TeamKind pair = g_str_equal (kind, "article-tag") ? TEAM_TAG : TEAM_JOIN;
          g_autoptr(TeamRow) row = _dossier_team_row_from_json (pair, mine_row);

          /* mine: the row here again (queued), or gone for a deletion */
          if (row != NULL)
            ok = apply_pair (self, row, error);
          else
            ok = run (self, pair == TEAM_TAG ? "DELETE FROM article_tags WHERE uuid = ?"
                                             : "DELETE FROM story_joins WHERE uuid = ?",
                      1, (const char **) &row_uuid, error);
        }
      else if (g_str_equal (kind, "quote-correction") || g_str_equal (kind, "story-pin"))
        {
          TeamKind fix = g_str_equal (kind, "quote-correction") ? TEAM_QUOTE_FIX : TEAM_STORY_PIN;
          g_autoptr(TeamRow) row = _dossier_team_row_from_json (fix, mine_row);
          TeamRow gone = { .kind = fix, .values = { row_uuid } };

          /* mine: the correction here again (queued), or gone for a removal */
          ok = _dossier_team_apply_correction (self, row ? row : &gone, row == NULL, error) &&
               (fix != TEAM_STORY_PIN || _dossier_store_group_stories (self, error));
        }
      else
        {
          g_autoptr(TeamRow) row = _dossier_team_row_from_json (TEAM_SEARCH, mine_row);

          if (row != NULL)
            {
              const char *params[] = { row->values[1], row->values[2], row->values[0] };

              ok = run (self, "UPDATE saved_searches SET name = ?, query = ? WHERE uuid = ?", 3, params, error);
            }
        }
    }
  if (ok)
    {
      const char *params[1];
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      params[0] = text;
      ok = run (self, "DELETE FROM team_conflicts WHERE id = ?", 1, params, error);
    }
  if (!ok)
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  return dossier_store_commit (self, error);
}
