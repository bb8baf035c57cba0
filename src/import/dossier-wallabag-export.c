/* dossier-wallabag-export.c — Wallabag's JSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An array of entries: id, title, url, content (the article as HTML),
 * is_archived, is_starred, tags (names, or objects with a label),
 * created_at, published_by, and annotations ({text, quote, created_at,
 * ranges}: the quote is what was highlighted, the text the note).
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-app-export-private.h"

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* 1, true and "1" are true; everything else false */
static gboolean
member_flag (JsonObject *o,
             const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_BOOLEAN: return json_node_get_boolean (n);
    case G_TYPE_INT64:   return json_node_get_int (n) != 0;
    case G_TYPE_DOUBLE:  return json_node_get_double (n) != 0;
    case G_TYPE_STRING:  return g_strcmp0 (json_node_get_string (n), "1") == 0
                                || g_strcmp0 (json_node_get_string (n), "true") == 0;
    default:             return FALSE;
    }
}

static char *
member_id (JsonObject *o)
{
  JsonNode *n = json_object_get_member (o, "id");

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
  if (json_node_get_value_type (n) == G_TYPE_STRING && *json_node_get_string (n) != '\0')
    return g_strdup (json_node_get_string (n));
  return NULL;
}

static void
read_tags (DossierAppEntry *e,
           JsonObject      *o)
{
  JsonNode *n = json_object_get_member (o, "tags");
  JsonArray *a;

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *t = json_array_get_element (a, i);

      if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING)
        _dossier_app_entry_add_tag (e, json_node_get_string (t));
      else if (JSON_NODE_HOLDS_OBJECT (t))
        _dossier_app_entry_add_tag (e, member_string (json_node_get_object (t), "label"));
    }
}

static void
read_byline (DossierAppEntry *e,
             JsonObject      *o)
{
  JsonNode *n = json_object_get_member (o, "published_by");
  g_autoptr(GString) s = g_string_new (NULL);
  JsonArray *a;

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *t = json_array_get_element (a, i);

      if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, json_node_get_string (t));
    }
  if (s->len > 0)
    e->byline = g_string_free (g_steal_pointer (&s), FALSE);
}

static void
read_annotations (DossierAppEntry *e,
                  JsonObject      *o)
{
  JsonNode *n = json_object_get_member (o, "annotations");
  JsonArray *a;

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *an = json_array_get_element (a, i);
      JsonObject *ao;
      const char *quote;
      DossierAppHighlight *h;

      if (!JSON_NODE_HOLDS_OBJECT (an))
        continue;
      ao = json_node_get_object (an);
      quote = member_string (ao, "quote");
      if (quote == NULL || *quote == '\0')
        continue;
      h = _dossier_app_entry_add_highlight (e, quote, member_string (ao, "text"));
      _dossier_app_parse_time (member_string (ao, "created_at"), &h->created);
    }
}

static void
read_entry (DossierAppEntry *e,
            JsonNode        *node)
{
  JsonObject *o;
  const char *url, *content, *created;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      e->source_id = g_strdup_printf ("entry-%u", e->row);
      _dossier_app_entry_fail (e, _("entry %u: not an article"), e->row);
      return;
    }
  o = json_node_get_object (node);
  url = member_string (o, "url");
  e->url = url ? g_strstrip (g_strdup (url)) : NULL;
  e->source_id = member_id (o);
  if (e->source_id == NULL)
    e->source_id = g_strdup (e->url ? e->url : "");
  if (e->url == NULL || *e->url == '\0')
    _dossier_app_entry_fail (e, _("entry %u: no URL"), e->row);
  e->title = g_strdup (member_string (o, "title"));
  content = member_string (o, "content");
  if (content != NULL && *content != '\0')
    {
      e->body = _dossier_app_html_text (content, strlen (content));
      if (*e->body == '\0')
        g_clear_pointer (&e->body, g_free);
    }
  e->read = member_flag (o, "is_archived");
  e->starred = member_flag (o, "is_starred");
  created = member_string (o, "created_at");
  if (created != NULL && !_dossier_app_parse_time (created, &e->saved_at))
    _dossier_app_entry_fail (e, _("entry %u: “%s” is not a date"), e->row, created);
  read_tags (e, o);
  read_byline (e, o);
  read_annotations (e, o);
}

DossierAppExport *
dossier_wallabag_export_parse (const guint8  *data,
                               gsize          len,
                               const char    *filename,
                               GError       **error)
{
  g_autoptr(DossierAppExport) export = _dossier_app_export_new (DOSSIER_APP_WALLABAG);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *entries;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
    }
  if (!g_utf8_validate ((const char *) data, len, NULL))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                   _("%s: not a Wallabag export: the text is not UTF-8"), filename);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) len, &local_error))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not valid JSON: %s"), filename, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  /* an export of one entry is an object; of several, an array */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root)
      && json_object_has_member (json_node_get_object (root), "url"))
    {
      read_entry (_dossier_app_entry_add (export, 1), root);
      return g_steal_pointer (&export);
    }
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not a Wallabag export: expected a list of articles"), filename);
      return NULL;
    }
  entries = json_node_get_array (root);
  if (json_array_get_length (entries) > DOSSIER_APP_EXPORT_MAX_ENTRIES)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("%s: more than %d articles"), filename, DOSSIER_APP_EXPORT_MAX_ENTRIES);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (entries); i++)
    read_entry (_dossier_app_entry_add (export, i + 1), json_array_get_element (entries, i));
  return g_steal_pointer (&export);
}
