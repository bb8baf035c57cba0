/* dossier-instapaper-export.c — Instapaper's CSV export
 * (URL,Title,Selection,Folder,Timestamp; some exports add Tags)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folder is "Unread", "Archive", "Starred" or a folder of the user's,
 * which becomes a tag.  Selection is text the user picked on the page: it
 * becomes a highlight, placed once the article's text is there.  The
 * export holds links only: every entry has a NULL body.
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-app-export-private.h"

static const char *
field (GPtrArray *fields,
       int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  return g_ptr_array_index (fields, column);
}

static void
add_tags (DossierAppEntry *e,
          const char      *tags)
{
  g_autoptr(JsonParser) parser = NULL;

  if (tags == NULL || *tags == '\0')
    return;
  if (*tags == '[')
    {
      JsonNode *root;

      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, tags, -1, NULL)
          && (root = json_parser_get_root (parser)) != NULL
          && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *a = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (a); i++)
            {
              JsonNode *n = json_array_get_element (a, i);

              if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
                _dossier_app_entry_add_tag (e, json_node_get_string (n));
              else if (JSON_NODE_HOLDS_OBJECT (n))
                _dossier_app_entry_add_tag (e, json_object_get_string_member_with_default (
                                                 json_node_get_object (n), "name", NULL));
            }
          return;
        }
    }
  {
    g_auto(GStrv) split = g_strsplit (tags, ",", -1);

    for (guint i = 0; split[i] != NULL; i++)
      _dossier_app_entry_add_tag (e, split[i]);
  }
}

static gboolean
row_is_utf8 (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL))
      return FALSE;
  return TRUE;
}

static void
fill_entry (DossierAppEntry *e,
            GPtrArray       *fields,
            const int       *c)
{
  g_autofree char *url = g_strstrip (g_strdup (field (fields, c[0]) ?: ""));
  const char *title = field (fields, c[1]);
  const char *selection = field (fields, c[2]);
  const char *folder = field (fields, c[3]);
  const char *timestamp = field (fields, c[4]);

  e->source_id = g_strdup (url);
  if (*url == '\0')
    _dossier_app_entry_fail (e, _("row %u: no URL"), e->row);
  else if (!g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL))
    _dossier_app_entry_fail (e, _("row %u: “%s” is not a link"), e->row, url);
  e->url = g_steal_pointer (&url);
  if (title != NULL && *title != '\0')
    e->title = g_strstrip (g_strdup (title));
  if (timestamp != NULL && *timestamp != '\0'
      && !_dossier_app_parse_time (timestamp, &e->saved_at))
    _dossier_app_entry_fail (e, _("row %u: “%s” is not a date"), e->row, timestamp);
  if (folder != NULL)
    {
      if (g_ascii_strcasecmp (folder, "Archive") == 0)
        e->read = TRUE;
      else if (g_ascii_strcasecmp (folder, "Starred") == 0)
        e->starred = TRUE;
      else if (g_ascii_strcasecmp (folder, "Unread") != 0)
        _dossier_app_entry_add_tag (e, folder);
    }
  add_tags (e, field (fields, c[5]));
  if (selection != NULL)
    {
      g_autofree char *s = g_strstrip (g_strdup (selection));

      if (*s != '\0')
        _dossier_app_entry_add_highlight (e, s, NULL)->created = e->saved_at;
    }
}

DossierAppExport *
dossier_instapaper_export_parse (const guint8  *data,
                                 gsize          len,
                                 const char    *filename,
                                 GError       **error)
{
  g_autoptr(DossierAppExport) export = _dossier_app_export_new (DOSSIER_APP_INSTAPAPER);
  g_autoptr(GPtrArray) header = NULL;
  g_autofree char *text = NULL;
  gsize text_len = 0;
  DossierCsv csv;
  GPtrArray *fields;
  gboolean too_long;
  int columns[6];
  guint row = 1;

  text = _dossier_app_utf8_text (data, len, filename, &text_len, error);
  if (text == NULL)
    return NULL;
  _dossier_csv_init (&csv, text, text_len);
  header = _dossier_csv_next (&csv, &too_long);
  if (header == NULL || (columns[0] = _dossier_csv_column (header, "URL")) < 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not an Instapaper export: the first row names no “URL” column"), filename);
      return NULL;
    }
  columns[1] = _dossier_csv_column (header, "Title");
  columns[2] = _dossier_csv_column (header, "Selection");
  columns[3] = _dossier_csv_column (header, "Folder");
  columns[4] = _dossier_csv_column (header, "Timestamp");
  columns[5] = _dossier_csv_column (header, "Tags");

  while ((fields = _dossier_csv_next (&csv, &too_long)) != NULL)
    {
      DossierAppEntry *e = _dossier_app_entry_add (export, ++row);

      if (export->entries->len > DOSSIER_APP_EXPORT_MAX_ENTRIES)
        {
          g_ptr_array_unref (fields);
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                       _("%s: more than %d rows"), filename, DOSSIER_APP_EXPORT_MAX_ENTRIES);
          return NULL;
        }
      if (too_long)
        _dossier_app_entry_fail (e, _("row %u: a field is longer than %d MB"), row,
                                 DOSSIER_APP_EXPORT_MAX_FIELD / (1024 * 1024));
      if (!row_is_utf8 (fields))
        {
          _dossier_app_entry_fail (e, _("row %u: the text is not UTF-8 (unknown encoding)"), row);
          e->source_id = g_strdup_printf ("row-%u", row);
        }
      else
        fill_entry (e, fields, columns);
      g_ptr_array_unref (fields);
    }
  return g_steal_pointer (&export);
}
