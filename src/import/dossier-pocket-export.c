/* dossier-pocket-export.c — Pocket's exports: the CSV
 * (title,url,time_added,tags,status; tags joined by "|") and the older
 * HTML page (ril_export.html: links under "Unread" and "Read Archive"
 * headings, with time_added and tags attributes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pocket exports hold links only: every entry has a NULL body.
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "dossier-app-export-private.h"

/* Fills what a CSV row and an HTML link have in common. */
static void
fill_entry (DossierAppEntry *e,
            const char      *url,
            const char      *title,
            const char      *time_added,
            const char      *tags,
            const char      *tag_separators,
            gboolean         read)
{
  g_autofree char *u = g_strstrip (g_utf8_make_valid (url ? url : "", -1));

  e->source_id = g_strdup (u);
  if (*u == '\0')
    _dossier_app_entry_fail (e, _("row %u: no URL"), e->row);
  else if (!g_uri_is_valid (u, G_URI_FLAGS_PARSE_RELAXED, NULL))
    _dossier_app_entry_fail (e, _("row %u: “%s” is not a link"), e->row, u);
  e->url = g_steal_pointer (&u);
  if (title != NULL && *title != '\0' && strcmp (title, e->url) != 0)
    e->title = g_strstrip (g_utf8_make_valid (title, -1));
  if (time_added != NULL && *time_added != '\0'
      && !_dossier_app_parse_time (time_added, &e->saved_at))
    _dossier_app_entry_fail (e, _("row %u: “%s” is not a date"), e->row, time_added);
  if (tags != NULL && *tags != '\0')
    {
      g_auto(GStrv) split = g_strsplit_set (tags, tag_separators, -1);

      for (guint i = 0; split[i] != NULL; i++)
        _dossier_app_entry_add_tag (e, split[i]);
    }
  e->read = read;
}

static gboolean
row_is_utf8 (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL))
      return FALSE;
  return TRUE;
}

static const char *
field (GPtrArray *fields,
       int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  return g_ptr_array_index (fields, column);
}

static DossierAppExport *
parse_csv (const char  *text,
           gsize        len,
           const char  *filename,
           GError     **error)
{
  g_autoptr(DossierAppExport) export = _dossier_app_export_new (DOSSIER_APP_POCKET);
  g_autoptr(GPtrArray) header = NULL;
  DossierCsv csv;
  GPtrArray *fields;
  gboolean too_long;
  int c_title, c_url, c_time, c_tags, c_status;
  guint row = 1;

  _dossier_csv_init (&csv, text, len);
  header = _dossier_csv_next (&csv, &too_long);
  if (header == NULL || (c_url = _dossier_csv_column (header, "url")) < 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not a Pocket export: the first row names no “url” column"), filename);
      return NULL;
    }
  c_title = _dossier_csv_column (header, "title");
  c_time = _dossier_csv_column (header, "time_added");
  c_tags = _dossier_csv_column (header, "tags");
  c_status = _dossier_csv_column (header, "status");

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
        fill_entry (e, field (fields, c_url), field (fields, c_title), field (fields, c_time),
                    field (fields, c_tags), "|",
                    g_strcmp0 (field (fields, c_status), "archive") == 0);
      g_ptr_array_unref (fields);
    }
  return g_steal_pointer (&export);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return s;
}

typedef struct
{
  DossierAppExport *export;
  gboolean          read;
  guint             row;
} HtmlWalk;

static void
walk_html (HtmlWalk *w,
           xmlNode  *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, "h1") == 0)
        {
          xmlChar *text = xmlNodeGetContent (node);

          /* "Unread" and "Read Archive" */
          w->read = text != NULL && strstr ((const char *) text, "Archive") != NULL;
          xmlFree (text);
          continue;
        }
      if (g_ascii_strcasecmp ((const char *) node->name, "a") == 0)
        {
          g_autofree char *href = prop (node, "href");
          g_autofree char *time_added = prop (node, "time_added");
          g_autofree char *tags = prop (node, "tags");
          xmlChar *title = xmlNodeGetContent (node);
          DossierAppEntry *e = _dossier_app_entry_add (w->export, ++w->row);

          fill_entry (e, href, (const char *) title, time_added, tags, ",", w->read);
          xmlFree (title);
          continue;
        }
      walk_html (w, node->children);
    }
}

static DossierAppExport *
parse_html (const char  *text,
            gsize        len,
            const char  *filename,
            GError     **error)
{
  g_autoptr(DossierAppExport) export = _dossier_app_export_new (DOSSIER_APP_POCKET);
  /* the page is read as UTF-8: what is not becomes U+FFFD */
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) len);
  HtmlWalk w = { export, FALSE, 0 };
  htmlDocPtr doc;

  len = strlen (valid);
  if (len > G_MAXINT)
    len = G_MAXINT;
  doc = htmlReadMemory (valid, (int) len, filename, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  if (doc == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: cannot be read as HTML"), filename);
      return NULL;
    }
  walk_html (&w, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  if (export->entries->len == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("%s: no links in this Pocket export"), filename);
      return NULL;
    }
  return g_steal_pointer (&export);
}

DossierAppExport *
dossier_pocket_export_parse (const guint8  *data,
                             gsize          len,
                             const char    *filename,
                             GError       **error)
{
  g_autofree char *text = NULL;
  gsize text_len = 0;
  const char *p;

  text = _dossier_app_utf8_text (data, len, filename, &text_len, error);
  if (text == NULL)
    return NULL;
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '<')
    return parse_html (text, text_len, filename, error);
  return parse_csv (text, text_len, filename, error);
}
