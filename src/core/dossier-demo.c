/* dossier-demo.c — the demo corpus that fills an empty library on first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dossier-demo.h"
#include "dossier-anchor.h"
#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-date.h"
#include "dossier-library.h"

typedef struct
{
  char  *quote;
  char  *note;
  char **tags;
  char  *color;
} DemoNote;

typedef struct
{
  DossierArticle *article;
  GPtrArray      *notes;     /* (element-type DemoNote) */
} DemoItem;

static void
demo_note_free (gpointer data)
{
  DemoNote *note = data;

  g_free (note->quote);
  g_free (note->note);
  g_strfreev (note->tags);
  g_free (note->color);
  g_free (note);
}

static void
demo_item_free (gpointer data)
{
  DemoItem *item = data;

  g_clear_object (&item->article);
  g_clear_pointer (&item->notes, g_ptr_array_unref);
  g_free (item);
}

/* A string member: absent or null gives NULL; anything but a string is an
 * error.  @required members must be non-empty strings. */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   const char  *where,
                   char       **out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Demo corpus: %s has no “%s”"), where, member);
          return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: “%s” of %s is not a string"), member, where);
      return FALSE;
    }
  if (required && *json_node_get_string (node) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: “%s” of %s is empty"), member, where);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
parse_tags (JsonObject  *object,
            const char  *where,
            char      ***out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "tags");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: “tags” of %s is not a list"), where);
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *tag = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING
          || *json_node_get_string (tag) == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Demo corpus: tag %u of %s is not a word"), i + 1, where);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (tag));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static DemoNote *
parse_note (JsonNode    *node,
            const char  *body,
            const char  *where,
            GError     **error)
{
  g_autoptr(DossierAnchor) anchor = NULL;
  g_autoptr(GError) local_error = NULL;
  DemoNote *note;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: %s is not an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  note = g_new0 (DemoNote, 1);
  if (!get_string_member (object, "quote", TRUE, where, &note->quote, error)
      || !get_string_member (object, "note", FALSE, where, &note->note, error)
      || !get_string_member (object, "color", FALSE, where, &note->color, error)
      || !parse_tags (object, where, &note->tags, error))
    {
      demo_note_free (note);
      return NULL;
    }
  if (note->color != NULL && !dossier_annotation_color_is_valid (note->color))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: “%s” of %s is not a highlight colour"),
                   note->color, where);
      demo_note_free (note);
      return NULL;
    }
  /* Place it now, so a quote that is not in the body fails before the
   * library is touched. */
  anchor = dossier_anchor_new_from_quote (body, note->quote, NULL, &local_error);
  if (anchor == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: %s: %s"), where, local_error->message);
      demo_note_free (note);
      return NULL;
    }
  return note;
}

static DemoItem *
parse_article (JsonNode    *node,
               guint        index,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("article %u"), index + 1);
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *source = NULL;
  g_autofree char *url = NULL;
  g_autofree char *published = NULL;
  g_autofree char *language = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (demo_note_free);
  DossierDate date = DOSSIER_DATE_INIT;
  JsonObject *object;
  JsonNode *annotations;
  DemoItem *item;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: %s is not an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!get_string_member (object, "title", TRUE, where, &title, error))
    return NULL;
  /* From here on, name the article by its title. */
  g_free (where);
  where = g_strdup_printf (_("article %u (“%s”)"), index + 1, title);

  if (!get_string_member (object, "byline", FALSE, where, &byline, error)
      || !get_string_member (object, "source", FALSE, where, &source, error)
      || !get_string_member (object, "url", FALSE, where, &url, error)
      || !get_string_member (object, "published", FALSE, where, &published, error)
      || !get_string_member (object, "language", FALSE, where, &language, error)
      || !get_string_member (object, "body", TRUE, where, &body, error))
    return NULL;

  if (published != NULL && !dossier_date_from_iso (published, &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: %s has the date “%s”, not YYYY-MM-DD, YYYY-MM or YYYY"),
                   where, published);
      return NULL;
    }

  annotations = json_object_get_member (object, "annotations");
  if (annotations != NULL && !JSON_NODE_HOLDS_NULL (annotations))
    {
      JsonArray *array;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (annotations))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Demo corpus: “annotations” of %s is not a list"), where);
          return NULL;
        }
      array = json_node_get_array (annotations);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *note_where = g_strdup_printf (_("annotation %u of %s"), i + 1, where);
          DemoNote *note = parse_note (json_array_get_element (array, i), body, note_where, error);

          if (note == NULL)
            return NULL;
          g_ptr_array_add (notes, note);
        }
    }

  item = g_new0 (DemoItem, 1);
  item->article = dossier_article_new ();
  dossier_article_set_title (item->article, title);
  dossier_article_set_byline (item->article, byline);
  dossier_article_set_source (item->article, source);
  dossier_article_set_url (item->article, url);
  dossier_article_set_language (item->article, language);
  dossier_article_set_body (item->article, body);
  if (published != NULL)
    {
      dossier_article_set_published (item->article, &date);
      dossier_article_set_date_origin (item->article, DOSSIER_DATE_ORIGIN_METADATA);
    }
  item->notes = g_steal_pointer (&notes);
  return item;
}

static GPtrArray *
parse_corpus (GBytes  *json,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (demo_item_free);
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (json, &size);
  JsonNode *root;
  JsonNode *articles;
  JsonArray *array;
  guint n;

  if (data == NULL || size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: the file is empty"));
      return NULL;
    }
  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: not valid JSON: %s"),
                   local_error ? local_error->message : _("too large"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: the top level is not an object with “articles”"));
      return NULL;
    }
  articles = json_object_get_member (json_node_get_object (root), "articles");
  if (articles == NULL || !JSON_NODE_HOLDS_ARRAY (articles))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Demo corpus: “articles” is missing or not a list"));
      return NULL;
    }
  array = json_node_get_array (articles);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      DemoItem *item = parse_article (json_array_get_element (array, i), i, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

gboolean
dossier_demo_fill (DossierLibrary  *library,
                   GBytes          *json,
                   GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = parse_corpus (json, error);
  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      DemoItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) local_error = NULL;
      gint64 duplicate_of = 0;
      gint64 id;

      id = dossier_library_add_article_sync (library, item->article, &duplicate_of, &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Demo corpus: could not add “%s”: "),
                                      dossier_article_get_title (item->article));
          return FALSE;
        }
      if (id <= 0)
        continue;   /* already in the library, with its notes */

      for (guint j = 0; j < item->notes->len; j++)
        {
          DemoNote *note = g_ptr_array_index (item->notes, j);
          g_autoptr(DossierAnnotation) annotation = NULL;

          annotation = dossier_library_annotate_sync (library, id, note->quote, note->note,
                                                      (const char * const *) note->tags,
                                                      note->color, &local_error);
          if (annotation == NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                          _("Demo corpus: could not annotate “%s”: "),
                                          dossier_article_get_title (item->article));
              return FALSE;
            }
        }
    }
  return TRUE;
}
