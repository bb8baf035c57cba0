/* dossier-export-json.c — W3C Web Annotation JSON-LD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AnnotationCollection whose first (and only) AnnotationPage holds every
 * annotation.  Each annotation:
 *
 *   id          urn:uuid:<uuid>           (stable: import finds it again)
 *   motivation  commenting (has a note) or highlighting
 *   created, modified   ISO 8601 UTC with microseconds (they round-trip)
 *   body        a TextualBody note (text/markdown, purpose commenting) and
 *               one TextualBody per tag (purpose tagging)
 *   target      SpecificResource: source = the article URL, or
 *               urn:dossier:article:<id>; TextQuoteSelector + 
 *               TextPositionSelector (code points); styleClass
 *               "dossier-<colour>", with the matching CssStylesheet on the
 *               annotation (the model's way to carry a colour);
 *               "dossier:article": the article's id, title, source, byline,
 *               published, url, file name and content hash, so that an
 *               import into another library finds the same article.
 *   dossier:orphan  true when the quote is no longer found in the text.
 *
 * The "dossier:" prefix is declared in the collection's @context.
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dossier-export-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

static const struct
{
  const char *name;
  const char *css;
} colors[] = {
  { "yellow", "#f8e45c" },
  { "green", "#8ff0a4" },
  { "blue", "#99c1f1" },
  { "pink", "#ffa3d4" },
  { "purple", "#dc8add" },
  { "orange", "#ffbe6f" },
};

static const char *
css_color (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (colors[i].name, name) == 0)
      return colors[i].css;
  return "#f8e45c";
}

/* RFC 3986 absolute URI with no characters the model's "uri" format
 * refuses (the same rule as the conformance validator). */
static gboolean
is_absolute_uri (const char *s)
{
  const char *p = s;

  if (s == NULL || !g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '.' || *p == '-')
    p++;
  if (*p != ':')
    return FALSE;
  for (p++; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || strchr ("<>\"{}|\\^`", *p) != NULL || (guchar) *p >= 0x7f)
      return FALSE;
  return TRUE;
}

/* The article's URL as an IRI the validator accepts (spaces and the like
 * percent-encoded), or NULL when it is not a URL at all. */
static char *
source_uri (const char *url)
{
  GString *out;

  if (url == NULL || *url == '\0')
    return NULL;
  if (is_absolute_uri (url))
    return g_strdup (url);
  out = g_string_new (NULL);
  for (const char *p = url; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || strchr ("<>\"{}|\\^`", *p) != NULL || (guchar) *p >= 0x7f)
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  if (!is_absolute_uri (out->str))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
add_string_member (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_article (JsonBuilder    *b,
             DossierArticle *article)
{
  g_autofree char *published = dossier_article_dup_published_string (article);

  json_builder_set_member_name (b, "dossier:article");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "dossier:id");
  json_builder_add_int_value (b, dossier_article_get_id (article));
  add_string_member (b, "dossier:title", dossier_article_get_title (article));
  add_string_member (b, "dossier:source", dossier_article_get_source (article));
  add_string_member (b, "dossier:byline", dossier_article_get_byline (article));
  add_string_member (b, "dossier:published", published);
  add_string_member (b, "dossier:url", dossier_article_get_url (article));
  add_string_member (b, "dossier:language", dossier_article_get_language (article));
  add_string_member (b, "dossier:fileName", dossier_article_get_file_name (article));
  add_string_member (b, "dossier:contentHash", dossier_article_get_content_hash (article));
  json_builder_end_object (b);
}

static void
add_annotation (JsonBuilder       *b,
                DossierArticle    *article,
                const char        *source,
                DossierAnnotation *a)
{
  const char *note = dossier_annotation_get_note (a);
  const char * const *tags = dossier_annotation_get_tags (a);
  const char *color = dossier_annotation_get_color (a);
  g_autofree char *id = g_strdup_printf ("urn:uuid:%s", dossier_annotation_get_uuid (a));
  g_autofree char *created = dossier_timestamp_to_iso (dossier_annotation_get_created (a));
  g_autofree char *modified = dossier_timestamp_to_iso (dossier_annotation_get_modified (a));
  g_autofree char *style_class = g_strdup_printf ("dossier-%s", color ? color : "yellow");
  g_autofree char *css = g_strdup_printf (".%s { background-color: %s; }", style_class, css_color (color));
  gboolean has_note = note != NULL && *note != '\0';
  int start = dossier_annotation_get_start (a), end = dossier_annotation_get_end (a);

  json_builder_begin_object (b);
  add_string_member (b, "@context", ANNO_CONTEXT);
  add_string_member (b, "id", id);
  add_string_member (b, "type", "Annotation");
  add_string_member (b, "motivation", has_note ? "commenting" : "highlighting");
  add_string_member (b, "created", created);
  add_string_member (b, "modified", modified);

  if (has_note || (tags != NULL && tags[0] != NULL))
    {
      json_builder_set_member_name (b, "body");
      json_builder_begin_array (b);
      if (has_note)
        {
          json_builder_begin_object (b);
          add_string_member (b, "type", "TextualBody");
          add_string_member (b, "value", note);
          add_string_member (b, "format", "text/markdown");
          add_string_member (b, "purpose", "commenting");
          json_builder_end_object (b);
        }
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          json_builder_begin_object (b);
          add_string_member (b, "type", "TextualBody");
          add_string_member (b, "value", tags[i]);
          add_string_member (b, "purpose", "tagging");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "target");
  json_builder_begin_object (b);
  add_string_member (b, "type", "SpecificResource");
  add_string_member (b, "source", source);
  add_string_member (b, "styleClass", style_class);
  json_builder_set_member_name (b, "selector");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string_member (b, "type", "TextQuoteSelector");
  add_string_member (b, "exact", dossier_annotation_get_quote (a) ?: "");
  add_string_member (b, "prefix", dossier_annotation_get_prefix (a) ?: "");
  add_string_member (b, "suffix", dossier_annotation_get_suffix (a) ?: "");
  json_builder_end_object (b);
  if (start >= 0 && end >= start)
    {
      json_builder_begin_object (b);
      add_string_member (b, "type", "TextPositionSelector");
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, end);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_article (b, article);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stylesheet");
  json_builder_begin_object (b);
  add_string_member (b, "type", "CssStylesheet");
  add_string_member (b, "value", css);
  json_builder_end_object (b);

  if (dossier_annotation_get_orphan (a))
    {
      json_builder_set_member_name (b, "dossier:orphan");
      json_builder_add_boolean_value (b, TRUE);
    }
  json_builder_end_object (b);
}

void
_dossier_export_json (GString                    *out,
                      GPtrArray                  *entries,
                      const DossierExportOptions *options)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uuid1 = g_uuid_string_random ();
  g_autofree char *uuid2 = g_uuid_string_random ();
  g_autofree char *collection_id = g_strdup_printf ("urn:uuid:%s", uuid1);
  g_autofree char *page_id = g_strdup_printf ("urn:uuid:%s", uuid2);
  g_autofree char *generated = dossier_timestamp_to_iso (options && options->generated
                                                         ? options->generated : g_get_real_time ());
  guint total = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      total += e->annotations ? e->annotations->len : 0;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@context");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, ANNO_CONTEXT);
  json_builder_begin_object (b);
  add_string_member (b, "dossier", DOSSIER_EXPORT_JSON_NS);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string_member (b, "id", collection_id);
  add_string_member (b, "type", "AnnotationCollection");
  add_string_member (b, "label", options && options->title ? options->title : _("Notes from Dossier"));
  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  add_string_member (b, "type", "Software");
  add_string_member (b, "name", "Dossier");
  json_builder_end_object (b);
  add_string_member (b, "generated", generated);
  if (options && options->scope)
    add_string_member (b, "dossier:scope", options->scope);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, total);

  json_builder_set_member_name (b, "first");
  json_builder_begin_object (b);
  add_string_member (b, "id", page_id);
  add_string_member (b, "type", "AnnotationPage");
  add_string_member (b, "partOf", collection_id);
  json_builder_set_member_name (b, "startIndex");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *source = source_uri (dossier_article_get_url (e->article));

      if (source == NULL)
        source = g_strdup_printf ("urn:dossier:article:%" G_GINT64_FORMAT,
                                  dossier_article_get_id (e->article));
      for (guint k = 0; e->annotations != NULL && k < e->annotations->len; k++)
        add_annotation (b, e->article, source, g_ptr_array_index (e->annotations, k));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_to_gstring (gen, out);
  g_string_append_c (out, '\n');
}
