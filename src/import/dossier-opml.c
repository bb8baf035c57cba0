/* dossier-opml.c — lists of feeds in OPML, in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "dossier-opml.h"
#include "dossier-extracted.h"

/* deeper outlines than this are not followed (a hostile file) */
#define MAX_DEPTH 64

void
dossier_opml_feed_free (DossierOpmlFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* An attribute as valid, trimmed UTF-8, or NULL when empty. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *text = NULL;

  if (value != NULL && g_utf8_validate ((const char *) value, -1, NULL))
    {
      text = g_strstrip (g_strdup ((const char *) value));
      if (*text == '\0')
        g_clear_pointer (&text, g_free);
    }
  xmlFree (value);
  return text;
}

static void
collect (xmlNode    *parent,
         guint       depth,
         GHashTable *seen,
         GPtrArray  *feeds)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    {
      g_autofree char *url = NULL;

      if (!is (n, "outline"))
        continue;
      url = attribute (n, "xmlUrl");
      if (url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
          !g_hash_table_contains (seen, url))
        {
          DossierOpmlFeed *feed = g_new0 (DossierOpmlFeed, 1);

          feed->title = attribute (n, "title");
          if (feed->title == NULL)
            feed->title = attribute (n, "text");
          feed->url = g_steal_pointer (&url);
          g_hash_table_add (seen, g_strdup (feed->url));
          g_ptr_array_add (feeds, feed);
        }
      collect (n, depth + 1, seen, feeds);
    }
}

GPtrArray *
dossier_opml_parse (const char  *data,
                    gsize        len,
                    GError     **error)
{
  /* no XML_PARSE_NOENT and no DTD: entities stay unexpanded, nothing is
   * fetched */
  int options = XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_COMPACT;
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_opml_feed_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *xml;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0 || len > G_MAXINT ||
      (xml = xmlReadMemory (data, (int) len, NULL, NULL, options)) == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("not an OPML file (the XML is broken or empty)"));
      return NULL;
    }
  root = xmlDocGetRootElement (xml);
  if (root == NULL || !is (root, "opml"))
    {
      xmlFreeDoc (xml);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("not an OPML file (no <opml> element)"));
      return NULL;
    }
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    if (is (n, "body"))
      collect (n, 0, seen, feeds);
  xmlFreeDoc (xml);
  return g_steal_pointer (&feeds);
}

/* Escaped so that reading it back gives the same value: tabs and line
 * breaks as character references, which attribute normalisation keeps. */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      case '\n': g_string_append (out, "&#10;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

char *
dossier_opml_write (GPtrArray *feeds,
                    gint64     created)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (created / G_USEC_PER_SEC);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
                               "    <title>Dossier feeds</title>\n");

  /* RFC 822 dates, in English whatever the locale */
  if (when != NULL)
    {
      static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
      static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

      g_string_append_printf (out, "    <dateCreated>%s, %02d %s %d %02d:%02d:%02d GMT</dateCreated>\n",
                              days[g_date_time_get_day_of_week (when) - 1], g_date_time_get_day_of_month (when),
                              months[g_date_time_get_month (when) - 1], g_date_time_get_year (when),
                              g_date_time_get_hour (when), g_date_time_get_minute (when),
                              g_date_time_get_second (when));
    }
  g_string_append (out, "  </head>\n  <body>\n");
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierOpmlFeed *f = g_ptr_array_index (feeds, i);
      const char *title = f->title != NULL ? f->title : f->url;

      g_string_append (out, "    <outline type=\"rss\"");
      append_attribute (out, "text", title);
      append_attribute (out, "title", title);
      append_attribute (out, "xmlUrl", f->url);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}
