/* dossier-html-jsonld.c — the article metadata of a page's JSON-LD
 * (schema.org) scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "dossier-html-private.h"

static gboolean
is_jsonld_article_type (const char *type)
{
  static const char * const types[] = {
    "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", NULL
  };

  if (type == NULL)
    return FALSE;
  if (g_str_has_prefix (type, "Article") || g_str_has_suffix (type, "APIReference"))
    return TRUE;
  return _dossier_html_contains_any (type, types);
}

static gboolean
is_jsonld_page_type (const char *type)
{
  return type != NULL && g_str_has_suffix (type, "Page") && strcmp (type, "CollectionPage") != 0
         && strcmp (type, "SearchResultsPage") != 0;
}

static const char *
json_member_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
json_member_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static gboolean
is_schema_org (const char *context)
{
  return context != NULL
         && (g_str_has_prefix (context, "http://schema.org") || g_str_has_prefix (context, "https://schema.org"))
         && (strchr (context + 8, '/') == NULL || g_str_has_suffix (context, "schema.org/"));
}

/* The address of the article's image: "image" as a string, an object with
 * a "url", or a list of either. */
static void
read_image (JsonObject        *object,
            DossierHtmlJsonLd *out)
{
  JsonNode *node;
  const char *url = NULL;

  if (!json_object_has_member (object, "image"))
    return;
  node = json_object_get_member (object, "image");
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (JSON_NODE_HOLDS_OBJECT (node))
    url = json_member_string (json_node_get_object (node), "url");
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    url = json_node_get_string (node);
  if (url != NULL)
    out->image = _dossier_html_strip_dup (url);
}

/* Keeps in @out the first datePublished of a page (a WebPage, an
 * AboutPage…) in @node, a JSON-LD object, array or @graph. */
static void
read_page_date (JsonNode          *node,
                guint              depth,
                DossierHtmlJsonLd *out)
{
  if (out->page_published != NULL || depth > 2)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && out->page_published == NULL; i++)
        read_page_date (json_array_get_element (array, i), depth + 1, out);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *date = json_member_string (object, "datePublished");

      if (date != NULL && is_jsonld_page_type (json_member_string (object, "@type")))
        out->page_published = _dossier_html_strip_dup (date);
      else if (json_object_has_member (object, "@graph"))
        read_page_date (json_object_get_member (object, "@graph"), depth + 1, out);
    }
}

/* Reads the first schema.org article in the JSON-LD scripts of the page
 * into @out; @doc_title picks between its name and its headline.  The
 * publication date of the page itself is kept apart, from the scripts
 * before the article's and its own. */
void
_dossier_html_read_jsonld (xmlNode           *root,
                           const char        *doc_title,
                           DossierHtmlJsonLd *out)
{
  xmlNode *node;

  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *content = NULL;
      JsonNode *json;
      JsonObject *object = NULL;
      JsonObject *ctx_obj;
      const char *type;
      const char *context;
      const char *name, *headline, *date;
      JsonObject *publisher;
      char *start, *end;

      if (!_dossier_html_has_tag (node, "script")
          || g_strcmp0 (_dossier_html_get_attr (node, "type"), "application/ld+json") != 0)
        continue;
      content = (char *) xmlNodeGetContent (node);
      if (content == NULL)
        continue;
      start = content;
      while (g_ascii_isspace (*start))
        start++;
      if (g_str_has_prefix (start, "<![CDATA["))
        start += 9;
      end = start + strlen (start);
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end - start >= 3 && strncmp (end - 3, "]]>", 3) == 0)
        end -= 3;
      *end = '\0';

      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, start, -1, NULL))
        continue;
      json = json_parser_get_root (parser);
      if (json == NULL)
        continue;
      read_page_date (json, 0, out);
      if (JSON_NODE_HOLDS_ARRAY (json))
        {
          JsonArray *array = json_node_get_array (json);
          guint i;

          for (i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (item)
                  && is_jsonld_article_type (json_member_string (json_node_get_object (item), "@type")))
                {
                  object = json_node_get_object (item);
                  break;
                }
            }
          if (object == NULL)
            continue;
        }
      else if (JSON_NODE_HOLDS_OBJECT (json))
        object = json_node_get_object (json);
      else
        continue;

      context = json_member_string (object, "@context");
      ctx_obj = json_member_object (object, "@context");
      if (!is_schema_org (context)
          && !(ctx_obj != NULL && is_schema_org (json_member_string (ctx_obj, "@vocab"))))
        continue;

      type = json_member_string (object, "@type");
      if (type == NULL && json_object_has_member (object, "@graph")
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "@graph")))
        {
          JsonArray *graph = json_object_get_array_member (object, "@graph");
          guint i;

          object = NULL;
          for (i = 0; i < json_array_get_length (graph); i++)
            {
              JsonNode *item = json_array_get_element (graph, i);

              if (JSON_NODE_HOLDS_OBJECT (item)
                  && is_jsonld_article_type (json_member_string (json_node_get_object (item), "@type")))
                {
                  object = json_node_get_object (item);
                  break;
                }
            }
          if (object == NULL)
            continue;
          type = json_member_string (object, "@type");
        }
      if (!is_jsonld_article_type (type))
        continue;

      name = json_member_string (object, "name");
      headline = json_member_string (object, "headline");
      if (name != NULL && headline != NULL && strcmp (name, headline) != 0)
        {
          gboolean name_matches = _dossier_html_text_similarity (name, doc_title) > 0.75;
          gboolean headline_matches = _dossier_html_text_similarity (headline, doc_title) > 0.75;

          out->title = _dossier_html_strip_dup (headline_matches && !name_matches ? headline : name);
        }
      else if (name != NULL)
        out->title = _dossier_html_strip_dup (name);
      else if (headline != NULL)
        out->title = _dossier_html_strip_dup (headline);

      if (json_object_has_member (object, "author"))
        {
          JsonNode *author = json_object_get_member (object, "author");

          if (JSON_NODE_HOLDS_OBJECT (author))
            out->byline = _dossier_html_strip_dup (json_member_string (json_node_get_object (author),
                                                                       "name"));
          else if (JSON_NODE_HOLDS_ARRAY (author))
            {
              JsonArray *authors = json_node_get_array (author);
              GString *names = g_string_new (NULL);
              guint i;

              for (i = 0; i < json_array_get_length (authors); i++)
                {
                  JsonNode *item = json_array_get_element (authors, i);
                  const char *author_name;

                  if (!JSON_NODE_HOLDS_OBJECT (item))
                    continue;
                  author_name = json_member_string (json_node_get_object (item), "name");
                  if (author_name == NULL)
                    continue;
                  if (names->len > 0)
                    g_string_append (names, ", ");
                  g_string_append (names, author_name);
                  g_strstrip (names->str);
                  names->len = strlen (names->str);
                }
              if (names->len > 0)
                out->byline = g_string_free (names, FALSE);
              else
                g_string_free (names, TRUE);
            }
        }
      publisher = json_member_object (object, "publisher");
      if (publisher != NULL)
        out->site_name = _dossier_html_strip_dup (json_member_string (publisher, "name"));
      date = json_member_string (object, "datePublished");
      if (date != NULL)
        out->published = _dossier_html_strip_dup (date);
      date = json_member_string (object, "dateModified");
      if (date != NULL)
        out->modified = _dossier_html_strip_dup (date);
      read_image (object, out);
      return;
    }
}
