/* dossier-store-annotations.c — the annotations table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"

#define ANNOTATION_COLUMNS \
  "n.id, n.uuid, n.article_id, n.color, n.note, n.tags, n.quote, n.prefix, n.suffix," \
  " n.start_offset, n.end_offset, n.orphan, n.created, n.modified, n.author"

static char *
tags_to_json (const char * const *tags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static char **
tags_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *tag = json_array_get_string_element (array, i);

          if (tag != NULL)
            g_strv_builder_add (builder, tag);
        }
    }
  return g_strv_builder_end (builder);
}

DossierAnnotation *
_dossier_store_read_annotation (sqlite3_stmt *stmt)
{
  DossierAnnotation *a = dossier_annotation_new ();
  g_auto(GStrv) tags = tags_from_json (_dossier_store_column_text (stmt, 5));
  const char *note = _dossier_store_column_text (stmt, 4);

  dossier_annotation_set_id (a, sqlite3_column_int64 (stmt, 0));
  dossier_annotation_set_uuid (a, _dossier_store_column_text (stmt, 1));
  dossier_annotation_set_article_id (a, sqlite3_column_int64 (stmt, 2));
  dossier_annotation_set_color (a, _dossier_store_column_text (stmt, 3));
  dossier_annotation_set_note (a, (note && *note) ? note : NULL);
  dossier_annotation_set_tags (a, (const char * const *) tags);
  dossier_annotation_set_quote (a, _dossier_store_column_text (stmt, 6));
  dossier_annotation_set_prefix (a, _dossier_store_column_text (stmt, 7));
  dossier_annotation_set_suffix (a, _dossier_store_column_text (stmt, 8));
  dossier_annotation_set_start (a, sqlite3_column_int (stmt, 9));
  dossier_annotation_set_end (a, sqlite3_column_int (stmt, 10));
  dossier_annotation_set_orphan (a, sqlite3_column_int (stmt, 11) != 0);
  dossier_annotation_set_created (a, sqlite3_column_int64 (stmt, 12));
  dossier_annotation_set_modified (a, sqlite3_column_int64 (stmt, 13));
  dossier_annotation_set_author (a, _dossier_store_column_text (stmt, 14));
  return a;
}

static gboolean
step_done (DossierStore  *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    _dossier_store_fail (self, error, what);
  sqlite3_reset (stmt);
  return ok;
}

gint64
dossier_store_insert_annotation (DossierStore       *self,
                                 DossierAnnotation  *annotation,
                                 GError            **error)
{
  g_autofree char *tags = tags_to_json (dossier_annotation_get_tags (annotation));
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  gint64 created, modified;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), 0);

  if (dossier_annotation_get_uuid (annotation) == NULL)
    dossier_annotation_set_uuid (annotation, (uuid = g_uuid_string_random ()));
  created = dossier_annotation_get_created (annotation);
  modified = dossier_annotation_get_modified (annotation);
  if (created == 0)
    dossier_annotation_set_created (annotation, (created = now));
  if (modified == 0)
    dossier_annotation_set_modified (annotation, (modified = created));

  if (!(stmt = _dossier_store_stmt (self, STMT_INSERT_ANNOTATION, error)))
    return 0;
  _dossier_store_bind_text (stmt, 1, dossier_annotation_get_uuid (annotation));
  sqlite3_bind_int64 (stmt, 2, dossier_annotation_get_article_id (annotation));
  _dossier_store_bind_text (stmt, 3, dossier_annotation_get_color (annotation));
  _dossier_store_bind_text (stmt, 4, dossier_annotation_get_note (annotation) ?: "");
  _dossier_store_bind_text (stmt, 5, tags);
  _dossier_store_bind_text (stmt, 6, dossier_annotation_get_quote (annotation) ?: "");
  _dossier_store_bind_text (stmt, 7, dossier_annotation_get_prefix (annotation) ?: "");
  _dossier_store_bind_text (stmt, 8, dossier_annotation_get_suffix (annotation) ?: "");
  sqlite3_bind_int (stmt, 9, dossier_annotation_get_start (annotation));
  sqlite3_bind_int (stmt, 10, dossier_annotation_get_end (annotation));
  sqlite3_bind_int (stmt, 11, dossier_annotation_get_orphan (annotation));
  sqlite3_bind_int64 (stmt, 12, created);
  sqlite3_bind_int64 (stmt, 13, modified);
  _dossier_store_bind_text (stmt, 14, dossier_annotation_get_author (annotation));
  if (!step_done (self, stmt, _("Could not save the note"), error))
    return 0;
  dossier_annotation_set_id (annotation, sqlite3_last_insert_rowid (self->db));
  return dossier_annotation_get_id (annotation);
}

gboolean
dossier_store_update_annotation (DossierStore       *self,
                                 DossierAnnotation  *annotation,
                                 GError            **error)
{
  g_autofree char *tags = tags_to_json (dossier_annotation_get_tags (annotation));
  sqlite3_stmt *stmt;

  if (!(stmt = _dossier_store_stmt (self, STMT_UPDATE_ANNOTATION, error)))
    return FALSE;
  if (dossier_annotation_get_modified (annotation) == 0)
    dossier_annotation_set_modified (annotation, g_get_real_time ());
  _dossier_store_bind_text (stmt, 1, dossier_annotation_get_color (annotation));
  _dossier_store_bind_text (stmt, 2, dossier_annotation_get_note (annotation) ?: "");
  _dossier_store_bind_text (stmt, 3, tags);
  _dossier_store_bind_text (stmt, 4, dossier_annotation_get_quote (annotation) ?: "");
  _dossier_store_bind_text (stmt, 5, dossier_annotation_get_prefix (annotation) ?: "");
  _dossier_store_bind_text (stmt, 6, dossier_annotation_get_suffix (annotation) ?: "");
  sqlite3_bind_int (stmt, 7, dossier_annotation_get_start (annotation));
  sqlite3_bind_int (stmt, 8, dossier_annotation_get_end (annotation));
  sqlite3_bind_int (stmt, 9, dossier_annotation_get_orphan (annotation));
  sqlite3_bind_int64 (stmt, 10, dossier_annotation_get_modified (annotation));
  sqlite3_bind_int64 (stmt, 11, dossier_annotation_get_id (annotation));
  if (!step_done (self, stmt, _("Could not save the note"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no note %lld in the library"),
                   (long long) dossier_annotation_get_id (annotation));
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_store_delete_annotation (DossierStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _dossier_store_stmt (self, STMT_DELETE_ANNOTATION, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not delete the note"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("There is no note %lld in the library"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_store_batch_notes (DossierStore  *self,
                           gint64         article_id,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _dossier_store_stmt (self, STMT_BATCH_NOTES, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return step_done (self, stmt, _("Could not save the note"), error);
}

gboolean
dossier_store_write_batched_notes (DossierStore  *self,
                                   GError       **error)
{
  /* each article's notes in one update: its row is indexed once */
  return _dossier_store_exec (self,
                              "UPDATE articles SET notes = " DOSSIER_SQL_NOTES_OF ("articles.id")
                              " WHERE id IN (SELECT article_id FROM notes_batch);"
                              "DELETE FROM notes_batch;",
                              error);
}

static DossierAnnotation *
get_one (DossierStore      *self,
         DossierStoreStmt   which,
         gint64             id,
         const char        *uuid,
         GError           **error)
{
  sqlite3_stmt *stmt;
  DossierAnnotation *a = NULL;
  int rc;

  if (!(stmt = _dossier_store_stmt (self, which, error)))
    return NULL;
  if (uuid != NULL)
    _dossier_store_bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    a = _dossier_store_read_annotation (stmt);
  else if (rc == SQLITE_DONE)
    {
      if (uuid != NULL)
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                     _("There is no note %s in the library"), uuid);
      else
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                     _("There is no note %lld in the library"), (long long) id);
    }
  else
    _dossier_store_fail (self, error, _("Could not read the note"));
  sqlite3_reset (stmt);
  return a;
}

DossierAnnotation *
dossier_store_get_annotation (DossierStore  *self,
                              gint64         id,
                              GError       **error)
{
  return get_one (self, STMT_GET_ANNOTATION, id, NULL, error);
}

DossierAnnotation *
dossier_store_find_annotation_by_uuid (DossierStore  *self,
                                       const char    *uuid,
                                       GError       **error)
{
  return get_one (self, STMT_GET_ANNOTATION_BY_UUID, 0, uuid, error);
}

GPtrArray *
dossier_store_list_annotations (DossierStore  *self,
                                gint64         article_id,
                                DossierQuery  *query,
                                GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  gboolean own = FALSE;
  int rc;

  if (query == NULL || dossier_query_is_empty (query))
    {
      if (article_id > 0)
        {
          if (!(stmt = _dossier_store_stmt (self, STMT_ANNOTATIONS_OF_ARTICLE, error)))
            return NULL;
          sqlite3_bind_int64 (stmt, 1, article_id);
        }
      else
        {
          if (sqlite3_prepare_v2 (self->db,
                                  "SELECT " ANNOTATION_COLUMNS " FROM annotations n"
                                  " JOIN articles a INDEXED BY articles_list ON a.id = n.article_id"
                                  " ORDER BY coalesce(a.published_jd, -1) DESC, a.id DESC,"
                                  " n.orphan, n.start_offset, n.id",
                                  -1, &stmt, NULL) != SQLITE_OK)
            return _dossier_store_fail (self, error, _("Could not read the notes")), NULL;
          own = TRUE;
        }
    }
  else
    {
      /* library-wide annotation search: quote, note and tags, plus the
       * article filters */
      DossierStoreSql b;

      _dossier_store_sql_init (&b);
      g_string_append (b.sql, "SELECT " ANNOTATION_COLUMNS " FROM annotations n"
                              " JOIN articles a ON a.id = n.article_id WHERE 1");
      if (article_id > 0)
        {
          g_string_append (b.sql, " AND n.article_id = ");
          _dossier_store_sql_int (&b, article_id);
        }
      _dossier_store_sql_filters (&b, query, DOSSIER_STORE_FILTER_WORDS |
                                             DOSSIER_STORE_FILTER_EXCLUDED |
                                             DOSSIER_STORE_FILTER_NOTES);
      g_string_append (b.sql, " ORDER BY coalesce(a.published_jd, -1) DESC, a.id DESC, n.orphan, n.start_offset, n.id");
      stmt = _dossier_store_sql_prepare (self, &b, NULL);
      _dossier_store_sql_clear (&b);
      if (stmt == NULL)
        return _dossier_store_fail (self, error, _("Could not search the notes")), NULL;
      own = TRUE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, _dossier_store_read_annotation (stmt));
  if (own)
    sqlite3_finalize (stmt);
  else
    sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      /* the statement is gone: report from the connection */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                   _("Could not read the notes: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }
  return g_steal_pointer (&result);
}

char **
dossier_store_list_tags (DossierStore  *self,
                         GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tag FROM (SELECT j.value AS tag FROM annotations n, json_each(n.tags) j"
                          "  WHERE j.type = 'text' UNION ALL SELECT tag FROM article_tags)"
                          " GROUP BY tag COLLATE NOCASE ORDER BY count(*) DESC, tag",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the tags"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _dossier_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the tags"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

char **
dossier_store_list_note_authors (DossierStore  *self,
                                 GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT author FROM annotations WHERE author IS NOT NULL AND author != ''"
                          " GROUP BY author ORDER BY author COLLATE NOCASE",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the notes’ authors"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _dossier_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the notes’ authors"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static void
flush_article_tags (GHashTable   *table,
                    gint64        id,
                    GStrvBuilder *builder)
{
  gint64 *key;

  if (id == 0)
    return;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_replace (table, key, g_strv_builder_end (builder));
}

GHashTable *
dossier_store_article_tags (DossierStore  *self,
                            GError       **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, (GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  gint64 current = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT article_id, min(tag) FROM"
                          " (SELECT n.article_id, j.value AS tag FROM annotations n, json_each(n.tags) j"
                          "  WHERE j.type = 'text' UNION ALL SELECT article_id, tag FROM article_tags)"
                          " GROUP BY article_id, tag COLLATE NOCASE"
                          " ORDER BY article_id, min(tag) COLLATE NOCASE",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not read the tags"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *tag = _dossier_store_column_text (stmt, 1);

      if (id != current)
        {
          flush_article_tags (table, current, builder);
          g_strv_builder_unref (builder);
          builder = g_strv_builder_new ();
          current = id;
        }
      if (tag != NULL && *tag != '\0')
        g_strv_builder_add (builder, tag);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_fail (self, error, _("Could not read the tags"));
      return NULL;
    }
  flush_article_tags (table, current, builder);
  return g_steal_pointer (&table);
}
