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

/* A small streaming JSON writer: json-glib's builder and generator took
 * 0.7 s for 10,000 notes, this takes a few tens of milliseconds. */
typedef struct
{
  GString  *out;
  int       depth;
  gboolean  first;      /* nothing written yet at this depth */
  gboolean  after_key;  /* a key was just written */
} JsonOut;

static void
json_escape (GString    *out,
             const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          /* U+2028 and U+2029 end lines in JavaScript */
          else if (c == 0xe2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xa8 || (guchar) p[2] == 0xa9))
            {
              g_string_append (out, (guchar) p[2] == 0xa8 ? "\\u2028" : "\\u2029");
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
newline (JsonOut *j)
{
  g_string_append_c (j->out, '\n');
  for (int i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
}

/* before a value or a key: the comma and the line break */
static void
next_item (JsonOut *j)
{
  if (j->after_key)
    {
      j->after_key = FALSE;
      return;
    }
  if (j->depth > 0)
    {
      if (!j->first)
        g_string_append_c (j->out, ',');
      newline (j);
    }
  j->first = FALSE;
}

static void
begin (JsonOut *j,
       char     bracket)
{
  next_item (j);
  g_string_append_c (j->out, bracket);
  j->depth++;
  j->first = TRUE;
}

static void
end (JsonOut *j,
     char     bracket)
{
  j->depth--;
  if (!j->first)
    newline (j);
  g_string_append_c (j->out, bracket);
  j->first = FALSE;
}

static void
key (JsonOut    *j,
     const char *name)
{
  next_item (j);
  json_escape (j->out, name);
  g_string_append (j->out, ": ");
  j->after_key = TRUE;
}

static void
value_string (JsonOut    *j,
              const char *value)
{
  next_item (j);
  json_escape (j->out, value);
}

static void
value_int (JsonOut *j,
           gint64   value)
{
  next_item (j);
  g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
}

static void
member_string (JsonOut    *j,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;
  key (j, name);
  value_string (j, value);
}

static void
member_int (JsonOut    *j,
            const char *name,
            gint64      value)
{
  key (j, name);
  value_int (j, value);
}

static void
add_article (JsonOut        *j,
             DossierArticle *article)
{
  g_autofree char *published = dossier_article_dup_published_string (article);

  key (j, "dossier:article");
  begin (j, '{');
  member_int (j, "dossier:id", dossier_article_get_id (article));
  member_string (j, "dossier:title", dossier_article_get_title (article));
  member_string (j, "dossier:source", dossier_article_get_source (article));
  member_string (j, "dossier:byline", dossier_article_get_byline (article));
  member_string (j, "dossier:published", published);
  member_string (j, "dossier:url", dossier_article_get_url (article));
  member_string (j, "dossier:language", dossier_article_get_language (article));
  member_string (j, "dossier:fileName", dossier_article_get_file_name (article));
  member_string (j, "dossier:contentHash", dossier_article_get_content_hash (article));
  end (j, '}');
}

static void
add_annotation (JsonOut           *j,
                DossierArticle    *article,
                const char        *source,
                DossierAnnotation *a)
{
  const char *note = dossier_annotation_get_note (a);
  g_auto(GStrv) tags = _dossier_export_all_tags (a, article);
  const char *color = dossier_annotation_get_color (a);
  g_autofree char *id = g_strdup_printf ("urn:uuid:%s", dossier_annotation_get_uuid (a));
  g_autofree char *created = dossier_timestamp_to_iso (dossier_annotation_get_created (a));
  g_autofree char *modified = dossier_timestamp_to_iso (dossier_annotation_get_modified (a));
  g_autofree char *style_class = g_strdup_printf ("dossier-%s", color ? color : "yellow");
  g_autofree char *css = g_strdup_printf (".%s { background-color: %s; }", style_class, css_color (color));
  gboolean has_note = note != NULL && *note != '\0';
  int start = dossier_annotation_get_start (a), end_offset = dossier_annotation_get_end (a);

  begin (j, '{');
  member_string (j, "@context", ANNO_CONTEXT);
  member_string (j, "id", id);
  member_string (j, "type", "Annotation");
  member_string (j, "motivation", has_note ? "commenting" : "highlighting");
  member_string (j, "created", created);
  member_string (j, "modified", modified);

  if (has_note || (tags != NULL && tags[0] != NULL))
    {
      key (j, "body");
      begin (j, '[');
      if (has_note)
        {
          begin (j, '{');
          member_string (j, "type", "TextualBody");
          member_string (j, "value", note);
          member_string (j, "format", "text/markdown");
          member_string (j, "purpose", "commenting");
          end (j, '}');
        }
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          begin (j, '{');
          member_string (j, "type", "TextualBody");
          member_string (j, "value", tags[i]);
          member_string (j, "purpose", "tagging");
          end (j, '}');
        }
      end (j, ']');
    }

  key (j, "target");
  begin (j, '{');
  member_string (j, "type", "SpecificResource");
  member_string (j, "source", source);
  member_string (j, "styleClass", style_class);
  key (j, "selector");
  begin (j, '[');
  begin (j, '{');
  member_string (j, "type", "TextQuoteSelector");
  member_string (j, "exact", dossier_annotation_get_quote (a) ?: "");
  member_string (j, "prefix", dossier_annotation_get_prefix (a) ?: "");
  member_string (j, "suffix", dossier_annotation_get_suffix (a) ?: "");
  end (j, '}');
  if (start >= 0 && end_offset >= start)
    {
      begin (j, '{');
      member_string (j, "type", "TextPositionSelector");
      member_int (j, "start", start);
      member_int (j, "end", end_offset);
      end (j, '}');
    }
  end (j, ']');
  add_article (j, article);
  end (j, '}');

  key (j, "stylesheet");
  begin (j, '{');
  member_string (j, "type", "CssStylesheet");
  member_string (j, "value", css);
  end (j, '}');

  if (dossier_annotation_get_orphan (a))
    {
      key (j, "dossier:orphan");
      next_item (j);
      g_string_append (j->out, "true");
    }
  end (j, '}');
}

void
_dossier_export_json (GString                    *out,
                      GPtrArray                  *entries,
                      const DossierExportOptions *options)
{
  JsonOut j = { out, 0, TRUE, FALSE };
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

  begin (&j, '{');
  key (&j, "@context");
  begin (&j, '[');
  value_string (&j, ANNO_CONTEXT);
  begin (&j, '{');
  member_string (&j, "dossier", DOSSIER_EXPORT_JSON_NS);
  end (&j, '}');
  end (&j, ']');
  member_string (&j, "id", collection_id);
  member_string (&j, "type", "AnnotationCollection");
  member_string (&j, "label", options && options->title ? options->title : _("Notes from Dossier"));
  key (&j, "generator");
  begin (&j, '{');
  member_string (&j, "type", "Software");
  member_string (&j, "name", "Dossier");
  end (&j, '}');
  member_string (&j, "generated", generated);
  if (options && options->scope)
    member_string (&j, "dossier:scope", options->scope);
  member_int (&j, "total", total);

  key (&j, "first");
  begin (&j, '{');
  member_string (&j, "id", page_id);
  member_string (&j, "type", "AnnotationPage");
  member_string (&j, "partOf", collection_id);
  member_int (&j, "startIndex", 0);
  key (&j, "items");
  begin (&j, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *source = source_uri (dossier_article_get_url (e->article));

      if (source == NULL)
        source = g_strdup_printf ("urn:dossier:article:%" G_GINT64_FORMAT,
                                  dossier_article_get_id (e->article));
      for (guint k = 0; e->annotations != NULL && k < e->annotations->len; k++)
        add_annotation (&j, e->article, source, g_ptr_array_index (e->annotations, k));
    }
  end (&j, ']');
  end (&j, '}');
  end (&j, '}');
  g_string_append_c (out, '\n');
}
