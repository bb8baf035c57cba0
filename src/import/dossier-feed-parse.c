/* dossier-feed-parse.c — RSS 2.0, RSS 1.0 and Atom feeds, and the feed a
 * page names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 reads the feed without network access, DTD loading or entity
 * substitution, and recovers what it can of a broken one.  Elements are
 * matched by local name, so the namespaces a feed happens to use (dc:,
 * content:, atom:) do not matter.
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "dossier-feed-parse.h"
#include "dossier-extracted.h"

/* feeds above this are refused rather than read */
#define MAX_ENTRIES 20000

void
dossier_feed_entry_free (DossierFeedEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->guid);
  g_free (entry->link);
  g_free (entry->title);
  g_free (entry->author);
  g_free (entry->content);
  g_free (entry->summary);
  g_strfreev (entry->categories);
  g_free (entry);
}

void
dossier_feed_doc_free (DossierFeedDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->site_url);
  g_ptr_array_unref (doc->entries);
  g_free (doc);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return NULL;
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
attr_of (xmlNode    *node,
         const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *text;

  if (value == NULL)
    return NULL;
  text = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

/* @href made absolute; only http and https links are kept */
static char *
absolute (const char *href,
          const char *base)
{
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (href == NULL)
    return NULL;
  if (base != NULL)
    base_uri = g_uri_parse (base, G_URI_FLAGS_PARSE_RELAXED, NULL);
  uri = base_uri != NULL ? g_uri_parse_relative (base_uri, href, G_URI_FLAGS_PARSE_RELAXED, NULL)
                         : g_uri_parse (href, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  return g_uri_to_string (uri);
}

static void
set_once (char **field,
          char  *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
parse_date (DossierFeedEntry *entry,
            const char       *text)
{
  if (text == NULL || entry->published.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    return;
  if (!dossier_date_from_iso (text, &entry->published))
    dossier_date_parse (text, &entry->published);
}

static DossierFeedEntry *
parse_entry (xmlNode    *item,
             const char *base,
             gboolean    atom)
{
  DossierFeedEntry *entry = g_new0 (DossierFeedEntry, 1);
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  char *about = attr_of (item, "about");   /* RSS 1.0 rdf:about */

  for (xmlNode *c = item->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "title"))
        set_once (&entry->title, text_of (c));
      else if (is (c, "link"))
        {
          g_autofree char *rel = attr_of (c, "rel");
          g_autofree char *href = attr_of (c, "href");
          g_autofree char *text = NULL;

          if (href != NULL)
            {
              if (rel == NULL || g_ascii_strcasecmp (rel, "alternate") == 0)
                set_once (&entry->link, absolute (href, base));
            }
          else if ((text = text_of (c)) != NULL)
            set_once (&entry->link, absolute (text, base));
        }
      else if (is (c, "guid") || is (c, "id"))
        set_once (&entry->guid, text_of (c));
      else if (is (c, "pubDate") || is (c, "published") || is (c, "date") || is (c, "issued"))
        {
          g_autofree char *text = text_of (c);

          parse_date (entry, text);
        }
      else if (is (c, "updated") || is (c, "modified"))
        {
          g_autofree char *text = text_of (c);
          DossierFeedEntry later = { 0 };

          /* only when nothing says when it was first published */
          parse_date (&later, text);
          if (entry->published.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            entry->published = later.published;
        }
      else if (is (c, "creator") || is (c, "author"))
        {
          char *name = NULL;

          /* Atom: <author><name>…</name></author> */
          for (xmlNode *n = c->children; n != NULL; n = n->next)
            if (is (n, "name"))
              name = text_of (n);
          if (name == NULL)
            name = text_of (c);
          set_once (&entry->author, name);
        }
      else if (is (c, "encoded") || (atom && is (c, "content")))
        set_once (&entry->content, text_of (c));
      else if (is (c, "description") || is (c, "summary"))
        set_once (&entry->summary, text_of (c));
      else if (is (c, "category") || is (c, "subject"))
        {
          char *term = attr_of (c, "term");

          if (term == NULL)
            term = text_of (c);
          if (term != NULL && categories->len < 64)
            g_ptr_array_add (categories, term);
          else
            g_free (term);
        }
    }
  if (entry->link == NULL && about != NULL)
    entry->link = absolute (about, base);
  g_free (about);
  if (entry->guid == NULL && entry->link != NULL)
    entry->guid = g_strdup (entry->link);
  g_ptr_array_add (categories, NULL);
  entry->categories = (char **) g_ptr_array_steal (categories, NULL);
  if (entry->guid == NULL)
    {
      /* an entry that can be told from no other is skipped */
      dossier_feed_entry_free (entry);
      return NULL;
    }
  return entry;
}

static void
parse_channel (DossierFeedDoc *doc,
               xmlNode        *channel,
               const char     *base)
{
  for (xmlNode *c = channel->children; c != NULL; c = c->next)
    {
      if (is (c, "title"))
        set_once (&doc->title, text_of (c));
      else if (is (c, "link"))
        {
          g_autofree char *rel = attr_of (c, "rel");
          g_autofree char *href = attr_of (c, "href");
          g_autofree char *text = NULL;

          if (href != NULL)
            {
              if (rel == NULL || g_ascii_strcasecmp (rel, "alternate") == 0)
                set_once (&doc->site_url, absolute (href, base));
            }
          else if ((text = text_of (c)) != NULL)
            set_once (&doc->site_url, absolute (text, base));
        }
    }
}

static void
add_entries (DossierFeedDoc *doc,
             xmlNode        *parent,
             const char     *item_name,
             const char     *base,
             gboolean        atom)
{
  for (xmlNode *c = parent->children; c != NULL && doc->entries->len < MAX_ENTRIES; c = c->next)
    if (is (c, item_name))
      {
        DossierFeedEntry *entry = parse_entry (c, base, atom);

        if (entry != NULL)
          g_ptr_array_add (doc->entries, entry);
      }
}

DossierFeedDoc *
dossier_feed_parse (const char  *data,
                    gsize        len,
                    const char  *base_url,
                    GError     **error)
{
  /* no XML_PARSE_NOENT, no DTD loading: entities are never expanded and
   * nothing is fetched */
  int options = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET
                | XML_PARSE_COMPACT;
  g_autoptr(DossierFeedDoc) doc = NULL;
  xmlParserCtxt *ctxt;
  gboolean well_formed;
  xmlDoc *xml;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0 || len > G_MAXINT)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("not a feed (RSS or Atom)"));
      return NULL;
    }
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE, _("out of memory"));
      return NULL;
    }
  xml = xmlCtxtReadMemory (ctxt, data, (int) len, base_url, NULL, options);
  well_formed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt (ctxt);
  root = xml != NULL ? xmlDocGetRootElement (xml) : NULL;
  doc = g_new0 (DossierFeedDoc, 1);
  doc->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_feed_entry_free);

  if (is (root, "rss"))
    {
      for (xmlNode *c = root->children; c != NULL; c = c->next)
        if (is (c, "channel"))
          {
            parse_channel (doc, c, base_url);
            add_entries (doc, c, "item", base_url, FALSE);
          }
    }
  else if (is (root, "RDF"))
    {
      /* RSS 1.0: the items are the channel's siblings */
      for (xmlNode *c = root->children; c != NULL; c = c->next)
        if (is (c, "channel"))
          parse_channel (doc, c, base_url);
      add_entries (doc, root, "item", base_url, FALSE);
    }
  else if (is (root, "feed"))
    {
      parse_channel (doc, root, base_url);
      add_entries (doc, root, "entry", base_url, TRUE);
    }
  else
    {
      if (xml != NULL)
        xmlFreeDoc (xml);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("not a feed (RSS or Atom)"));
      return NULL;
    }
  xmlFreeDoc (xml);
  /* a broken feed is read as far as it goes; one that gives nothing is
   * an error, not an empty feed */
  if (!well_formed && doc->entries->len == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("a malformed feed"));
      return NULL;
    }
  if (doc->title == NULL)
    doc->title = g_strdup (doc->site_url != NULL ? doc->site_url : base_url != NULL ? base_url : "");
  return g_steal_pointer (&doc);
}

static char *
find_alternate (xmlNode    *node,
                const char *base)
{
  for (; node != NULL; node = node->next)
    {
      char *found = NULL;

      if (is (node, "link"))
        {
          g_autofree char *rel = attr_of (node, "rel");
          g_autofree char *type = attr_of (node, "type");
          g_autofree char *href = attr_of (node, "href");
          g_auto(GStrv) rels = rel != NULL ? g_strsplit_set (rel, " \t\n", -1) : NULL;
          gboolean alternate = FALSE;

          for (guint i = 0; rels != NULL && rels[i] != NULL; i++)
            alternate = alternate || g_ascii_strcasecmp (rels[i], "alternate") == 0;
          if (alternate && href != NULL && type != NULL &&
              (g_ascii_strncasecmp (type, "application/rss+xml", 19) == 0 ||
               g_ascii_strncasecmp (type, "application/atom+xml", 20) == 0 ||
               g_ascii_strncasecmp (type, "application/rdf+xml", 19) == 0))
            found = absolute (href, base);
        }
      /* the body of a page holds no feed links worth following */
      if (found == NULL && node->type == XML_ELEMENT_NODE && !is (node, "body"))
        found = find_alternate (node->children, base);
      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
dossier_feed_find_in_page (const char *html,
                           gsize       len,
                           const char *base_url)
{
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                | HTML_PARSE_COMPACT;
  htmlDocPtr doc;
  char *found = NULL;

  if (html == NULL || len == 0 || len > G_MAXINT)
    return NULL;
  doc = htmlReadMemory (html, (int) len, NULL, "UTF-8", options);
  if (doc != NULL)
    {
      found = find_alternate (xmlDocGetRootElement (doc), base_url);
      xmlFreeDoc (doc);
    }
  return found;
}

gboolean
dossier_feed_entry_is_full (const DossierFeedEntry *entry)
{
  const char *html = entry->content;
  gsize letters = 0;
  gboolean in_tag = FALSE;

  if (html == NULL)
    return FALSE;
  /* the text outside tags: a summary is a sentence or two */
  for (const char *p = html; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag && !g_ascii_isspace (*p))
        letters++;
    }
  return letters >= 600;
}
