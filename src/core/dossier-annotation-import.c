/* dossier-annotation-import.c — notes back in from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and understanding the file happens first, on the calling thread;
 * only a file that makes sense as a whole reaches the library, in one
 * transaction on the store's thread.
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-annotation-import.h"
#include "dossier-anchor.h"
#include "dossier-library-private.h"

G_DEFINE_QUARK (dossier-annotation-import-error-quark, dossier_annotation_import_error)

/* how many articles the full-text search may propose for one quote */
#define MAX_QUOTE_CANDIDATES 20
/* how many words of a quote go into that search */
#define QUOTE_SEARCH_WORDS 12

/* One note from the file, before it meets the library. */
typedef struct
{
  char     *uuid;
  char     *quote;
  char     *prefix;
  char     *suffix;
  int       start;      /* -1: not given */
  int       end;
  char     *note;
  char    **tags;
  char     *color;
  gint64    created;    /* 0: not given */
  gint64    modified;
  gboolean  orphan;
  gboolean  positions_are_ours;  /* Dossier's offsets: try them first */

  /* what the file says about the article */
  char     *source;     /* the target's IRI, unless a urn:dossier one */
  char     *url;
  char     *title;
  char     *published;
  char     *content_hash;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->uuid);
  g_free (p->quote);
  g_free (p->prefix);
  g_free (p->suffix);
  g_free (p->note);
  g_strfreev (p->tags);
  g_free (p->color);
  g_free (p->source);
  g_free (p->url);
  g_free (p->title);
  g_free (p->published);
  g_free (p->content_hash);
  g_free (p);
}

/* --- reading JSON ---------------------------------------------------------- */

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gboolean
member_int (JsonObject *o,
            const char *name,
            int        *out)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  gint64 v;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    v = json_node_get_int (n);
  else if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
    v = (gint64) json_node_get_double (n);
  else
    return FALSE;
  if (v < 0 || v > G_MAXINT)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

/* "type": "X" or "type": [..., "X", ...] */
static gboolean
has_type (JsonObject *o,
          const char *type)
{
  JsonNode *n = o ? json_object_get_member (o, "type") : NULL;

  if (n == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (n), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (e), type) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Calls @func on the node itself, or on each element when it is an array. */
static void
foreach_one_or_many (JsonNode *node,
                     void    (*func) (JsonNode *node, gpointer data),
                     gpointer  data)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        func (json_array_get_element (a, i), data);
    }
  else
    func (node, data);
}

/* A stable UUID for a note that has some other kind of id (Hypothesis's,
 * or an http IRI): importing the same file twice finds it again. */
static char *
uuid_for_name (const char *name)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

  /* RFC 4122 layout, version 5 and variant bits set */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s",
                          sum, sum + 8, sum + 13,
                          "89ab"[g_ascii_xdigit_value (sum[16]) & 3], sum + 17, sum + 20);
}

static char *
uuid_from_id (const char *id,
              const char *fallback_name)
{
  if (id != NULL && g_str_has_prefix (id, "urn:uuid:") && g_uuid_string_is_valid (id + 9))
    return g_ascii_strdown (id + 9, -1);
  if (id != NULL && g_uuid_string_is_valid (id))
    return g_ascii_strdown (id, -1);
  if (id != NULL && *id != '\0')
    return uuid_for_name (id);
  return uuid_for_name (fallback_name);
}

static void
read_selector (JsonNode *node,
               gpointer  data)
{
  Pending *p = data;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  if (has_type (o, "TextQuoteSelector") && p->quote == NULL && member_string (o, "exact"))
    {
      p->quote = g_strdup (member_string (o, "exact"));
      p->prefix = g_strdup (member_string (o, "prefix"));
      p->suffix = g_strdup (member_string (o, "suffix"));
    }
  else if (has_type (o, "TextPositionSelector") && p->start < 0)
    {
      int start, end;

      if (member_int (o, "start", &start) && member_int (o, "end", &end) && start <= end)
        {
          p->start = start;
          p->end = end;
        }
    }
}

typedef struct
{
  GString    *note;
  GStrvBuilder *tags;
} Bodies;

static void
read_body (JsonNode *node,
           gpointer  data)
{
  Bodies *b = data;
  JsonObject *o;
  const char *value, *purpose;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;   /* an IRI body: nothing we can show */
  o = json_node_get_object (node);
  value = member_string (o, "value");
  if (value == NULL)
    return;
  purpose = member_string (o, "purpose");
  if (g_strcmp0 (purpose, "tagging") == 0)
    {
      if (*value != '\0')
        g_strv_builder_add (b->tags, value);
      return;
    }
  if (b->note->len > 0)
    g_string_append (b->note, "\n\n");
  g_string_append (b->note, value);
}

static void
set_timestamps (Pending    *p,
                const char *created,
                const char *modified)
{
  if (created == NULL || !dossier_timestamp_from_iso (created, &p->created))
    p->created = 0;
  if (modified == NULL || !dossier_timestamp_from_iso (modified, &p->modified))
    p->modified = p->created;
}

static Pending *
pending_new (void)
{
  Pending *p = g_new0 (Pending, 1);

  p->start = p->end = -1;
  return p;
}

/* A W3C Web Annotation (ours or another tool's). */
static Pending *
read_w3c (JsonObject *o)
{
  Pending *p = pending_new ();
  JsonNode *target_node = json_object_get_member (o, "target");
  JsonObject *target = NULL, *article;
  Bodies bodies = { g_string_new (NULL), g_strv_builder_new () };
  const char *style, *source = NULL, *body_value;
  JsonNode *orphan;

  /* the first target that is an object (a bare IRI has no quote) */
  if (target_node != NULL && JSON_NODE_HOLDS_OBJECT (target_node))
    target = json_node_get_object (target_node);
  else if (target_node != NULL && JSON_NODE_HOLDS_ARRAY (target_node))
    {
      JsonArray *a = json_node_get_array (target_node);

      for (guint i = 0; i < json_array_get_length (a) && target == NULL; i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, i)))
          target = json_node_get_object (json_array_get_element (a, i));
      if (target == NULL && json_array_get_length (a) > 0 &&
          JSON_NODE_HOLDS_VALUE (json_array_get_element (a, 0)))
        source = json_array_get_string_element (a, 0);
    }
  else if (target_node != NULL && JSON_NODE_HOLDS_VALUE (target_node) &&
           json_node_get_value_type (target_node) == G_TYPE_STRING)
    source = json_node_get_string (target_node);

  if (target != NULL)
    {
      JsonObject *source_obj = member_object (target, "source");

      source = source_obj ? member_string (source_obj, "id") : member_string (target, "source");
      foreach_one_or_many (json_object_get_member (target, "selector"), read_selector, p);
      style = member_string (target, "styleClass");
      if (style != NULL && g_str_has_prefix (style, "dossier-") &&
          dossier_annotation_color_is_valid (style + strlen ("dossier-")))
        p->color = g_strdup (style + strlen ("dossier-"));
      if ((article = member_object (target, "dossier:article")) != NULL)
        {
          p->title = g_strdup (member_string (article, "dossier:title"));
          p->published = g_strdup (member_string (article, "dossier:published"));
          p->url = g_strdup (member_string (article, "dossier:url"));
          p->content_hash = g_strdup (member_string (article, "dossier:contentHash"));
          p->positions_are_ours = TRUE;
        }
    }
  if (source != NULL && !g_str_has_prefix (source, "urn:dossier:"))
    p->source = g_strdup (source);

  foreach_one_or_many (json_object_get_member (o, "body"), read_body, &bodies);
  if ((body_value = member_string (o, "bodyValue")) != NULL)
    {
      if (bodies.note->len > 0)
        g_string_append (bodies.note, "\n\n");
      g_string_append (bodies.note, body_value);
    }
  p->note = g_string_free (bodies.note, bodies.note->len == 0);
  p->tags = g_strv_builder_end (bodies.tags);
  g_strv_builder_unref (bodies.tags);

  set_timestamps (p, member_string (o, "created"), member_string (o, "modified"));
  orphan = json_object_get_member (o, "dossier:orphan");
  p->orphan = orphan != NULL && JSON_NODE_HOLDS_VALUE (orphan) &&
              json_node_get_value_type (orphan) == G_TYPE_BOOLEAN && json_node_get_boolean (orphan);
  {
    g_autofree char *fallback = g_strdup_printf ("%s\n%s\n%s", p->source ? p->source : "",
                                                 p->quote ? p->quote : "", p->note ? p->note : "");

    p->uuid = uuid_from_id (member_string (o, "id"), fallback);
  }
  return p;
}

/* One row of a Hypothesis export (its API's annotation format). */
static Pending *
read_hypothesis (JsonObject *o)
{
  Pending *p = pending_new ();
  JsonArray *targets = member_array (o, "target");
  JsonArray *tags = member_array (o, "tags");
  JsonObject *document = member_object (o, "document");
  const char *text = member_string (o, "text");
  const char *id = member_string (o, "id");
  g_autoptr(GStrvBuilder) tb = g_strv_builder_new ();

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonNode *t = json_array_get_element (targets, i);

      if (!JSON_NODE_HOLDS_OBJECT (t))
        continue;
      if (p->source == NULL && member_string (json_node_get_object (t), "source"))
        p->source = g_strdup (member_string (json_node_get_object (t), "source"));
      foreach_one_or_many (json_object_get_member (json_node_get_object (t), "selector"),
                           read_selector, p);
    }
  /* Hypothesis's offsets count the web page's text, not ours */
  p->start = p->end = -1;
  if (p->source == NULL && member_string (o, "uri"))
    p->source = g_strdup (member_string (o, "uri"));
  if (document != NULL)
    {
      JsonArray *titles = member_array (document, "title");

      if (titles != NULL && json_array_get_length (titles) > 0 &&
          JSON_NODE_HOLDS_VALUE (json_array_get_element (titles, 0)))
        p->title = g_strdup (json_array_get_string_element (titles, 0));
    }
  p->note = text && *text ? g_strdup (text) : NULL;
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *t = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING &&
          *json_node_get_string (t) != '\0')
        g_strv_builder_add (tb, json_node_get_string (t));
    }
  p->tags = g_strv_builder_end (tb);
  set_timestamps (p, member_string (o, "created"), member_string (o, "updated"));
  {
    g_autofree char *name = g_strdup_printf ("hypothesis:%s", id ? id : "");
    g_autofree char *fallback = g_strdup_printf ("hypothesis:%s\n%s\n%s", p->source ? p->source : "",
                                                 p->quote ? p->quote : "", p->note ? p->note : "");

    p->uuid = id != NULL && g_uuid_string_is_valid (id) ? g_ascii_strdown (id, -1)
              : uuid_for_name (id ? name : fallback);
  }
  return p;
}

static gboolean
looks_like_hypothesis (JsonObject *o)
{
  return !has_type (o, "Annotation") && member_array (o, "target") != NULL &&
         (json_object_has_member (o, "uri") || json_object_has_member (o, "user") ||
          json_object_has_member (o, "text"));
}

static gboolean
looks_like_w3c (JsonObject *o)
{
  return has_type (o, "Annotation") ||
         (json_object_has_member (o, "@context") && json_object_has_member (o, "target"));
}

/* The items of a collection's embedded pages. */
static JsonArray *
page_items (JsonObject *page)
{
  return member_array (page, "items");
}

static gboolean
read_items (JsonArray   *items,
            GPtrArray   *pending,
            const char  *name,
            GError     **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *n = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;

      if (o != NULL && looks_like_w3c (o))
        g_ptr_array_add (pending, read_w3c (o));
      else if (o != NULL && looks_like_hypothesis (o))
        g_ptr_array_add (pending, read_hypothesis (o));
      else
        {
          g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN,
                       _("Item %u of “%s” is not an annotation; nothing was imported"), i + 1, name);
          return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
parse_file (const char  *data,
            gsize        len,
            const char  *name,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *o;

  if (len > DOSSIER_ANNOTATION_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB: too large for a notes export"), name,
                   DOSSIER_ANNOTATION_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID,
                   _("“%s” is not a JSON file (it is not UTF-8 text)"), name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID,
                   _("“%s” is not valid JSON (%s); is it complete?"), name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      if (!read_items (json_node_get_array (root), pending, name, error))
        return NULL;
      return g_steal_pointer (&pending);
    }
  o = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (o != NULL && has_type (o, "AnnotationCollection"))
    {
      JsonObject *page = member_object (o, "first");
      guint guard = 0;

      if (page == NULL && member_array (o, "items"))
        page = o;
      if (page == NULL && member_string (o, "first") != NULL)
        {
          g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN,
                       _("“%s” only links to its annotations (%s); export them into the file itself"),
                       name, member_string (o, "first"));
          return NULL;
        }
      /* embedded pages, following "next" while it is embedded too */
      for (; page != NULL && guard < 100000; page = member_object (page, "next"), guard++)
        {
          JsonArray *items = page_items (page);

          if (items != NULL && !read_items (items, pending, name, error))
            return NULL;
        }
      return g_steal_pointer (&pending);
    }
  if (o != NULL && has_type (o, "AnnotationPage") && page_items (o) != NULL)
    {
      if (!read_items (page_items (o), pending, name, error))
        return NULL;
      return g_steal_pointer (&pending);
    }
  if (o != NULL && looks_like_w3c (o))
    {
      g_ptr_array_add (pending, read_w3c (o));
      return g_steal_pointer (&pending);
    }
  /* Hypothesis: the API's {"rows": […]}, the client's {"annotations": […]} */
  if (o != NULL && (member_array (o, "rows") || member_array (o, "annotations")))
    {
      JsonArray *rows = member_array (o, "rows") ? member_array (o, "rows") : member_array (o, "annotations");

      if (!read_items (rows, pending, name, error))
        return NULL;
      return g_steal_pointer (&pending);
    }
  g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN,
               _("“%s” is not a Dossier, W3C Web Annotation or Hypothesis export"), name);
  return NULL;
}

/* --- into the library ------------------------------------------------------ */

typedef struct
{
  GPtrArray                     *pending;
  DossierAnnotationImportReport  report;
} ImportJob;

typedef struct
{
  GHashTable *by_hash;      /* content hash → id */
  GHashTable *by_url;       /* normalised URL → id */
  GHashTable *by_title;     /* casefolded "title\npublished" → id */
  GHashTable *bodies;       /* id → body */
} Index;

static void
index_clear (Index *ix)
{
  g_clear_pointer (&ix->by_hash, g_hash_table_unref);
  g_clear_pointer (&ix->by_url, g_hash_table_unref);
  g_clear_pointer (&ix->by_title, g_hash_table_unref);
  g_clear_pointer (&ix->bodies, g_hash_table_unref);
}

/* "http://www.Example.org/a/b/?x=1#frag" → "example.org/a/b?x=1" */
static char *
normalize_url (const char *url)
{
  g_autofree char *lower = NULL;
  const char *p;
  char *hash;
  gsize len;

  if (url == NULL || *url == '\0')
    return NULL;
  p = url;
  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    p += 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    p += 7;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;
  lower = g_strdup (p);
  if ((hash = strchr (lower, '#')) != NULL)
    *hash = '\0';
  /* the host is case-insensitive, the path is not */
  for (char *c = lower; *c != '\0' && *c != '/'; c++)
    *c = g_ascii_tolower (*c);
  len = strlen (lower);
  while (len > 0 && lower[len - 1] == '/')
    lower[--len] = '\0';
  return len > 0 ? g_steal_pointer (&lower) : NULL;
}

static char *
title_key (const char *title,
           const char *published)
{
  g_autofree char *raw = NULL;

  if (title == NULL || *title == '\0')
    return NULL;
  raw = g_strdup_printf ("%s\n%s", title, published ? published : "");
  return g_utf8_casefold (raw, -1);
}

static void
add_key (GHashTable *table,
         char       *key,
         gint64      id)
{
  if (key == NULL)
    return;
  if (g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, g_memdup2 (&id, sizeof id));
}

static gboolean
index_build (DossierStore  *store,
             Index         *ix,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  ix->by_hash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ix->by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ix->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ix->bodies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!(ids = dossier_store_query_article_ids (store, NULL, cancellable, error)))
    return FALSE;
  if (!(articles = dossier_store_load_articles (store, (const gint64 *) ids->data, ids->len, NULL, error)))
    return FALSE;
  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *a = g_ptr_array_index (articles, i);
      gint64 id = dossier_article_get_id (a);
      const char *hash = dossier_article_get_content_hash (a);
      g_autofree char *published = dossier_article_dup_published_string (a);

      if (hash != NULL && *hash != '\0')
        add_key (ix->by_hash, g_strdup (hash), id);
      add_key (ix->by_url, normalize_url (dossier_article_get_url (a)), id);
      add_key (ix->by_title, title_key (dossier_article_get_title (a), published), id);
    }
  return TRUE;
}

static const char *
index_body (DossierStore  *store,
            Index         *ix,
            gint64         id,
            GError       **error)
{
  const char *body = g_hash_table_lookup (ix->bodies, &id);
  g_autoptr(DossierArticle) article = NULL;
  char *copy;

  if (body != NULL)
    return body;
  if (!(article = dossier_store_get_article (store, id, TRUE, error)))
    return NULL;
  copy = g_strdup (dossier_article_get_body (article) ?: "");
  g_hash_table_insert (ix->bodies, g_memdup2 (&id, sizeof id), copy);
  return copy;
}

static void
add_candidate (GArray     *candidates,
               GHashTable *table,
               const char *key)
{
  gint64 *id = key ? g_hash_table_lookup (table, key) : NULL;

  if (id == NULL)
    return;
  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, gint64, i) == *id)
      return;
  g_array_append_val (candidates, *id);
}

/* The articles the file names, best first. */
static GArray *
named_candidates (Index   *ix,
                  Pending *p)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *url = normalize_url (p->url);
  g_autofree char *source = normalize_url (p->source);
  g_autofree char *title = title_key (p->title, p->published);

  add_candidate (candidates, ix->by_hash, p->content_hash);
  add_candidate (candidates, ix->by_url, url);
  add_candidate (candidates, ix->by_url, source);
  add_candidate (candidates, ix->by_title, title);
  return candidates;
}

/* Articles whose text contains the quote's first words. */
static GArray *
search_candidates (DossierStore  *store,
                   Pending       *p,
                   GError       **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) text = g_string_new ("\"");
  g_autoptr(DossierQuery) query = NULL;
  GArray *ids;
  guint n = 0;

  /* the words of the quote, as a phrase; quote marks dropped */
  words = g_regex_split_simple ("[\\s\"“”„«»]+", p->quote, 0, 0);
  for (guint i = 0; words[i] != NULL && n < QUOTE_SEARCH_WORDS; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_string_append_printf (text, "%s%s", n ? " " : "", words[i]);
      n++;
    }
  if (n == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  g_string_append_c (text, '"');
  query = dossier_query_parse (text->str, FALSE);
  if (dossier_query_is_empty (query))
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!(ids = dossier_store_query_article_ids (store, query, NULL, error)))
    return NULL;
  if (ids->len > MAX_QUOTE_CANDIDATES)
    g_array_set_size (ids, MAX_QUOTE_CANDIDATES);
  return ids;
}

/* Puts @p's quote into @body: its own offsets when they still hold the
 * quote (an export of ours into the same text), else where the anchor
 * code finds it. */
static DossierAnchor *
place (Pending    *p,
       const char *body)
{
  g_autoptr(DossierAnchor) anchor = NULL;

  if (p->quote == NULL || *p->quote == '\0')
    return NULL;
  if (p->positions_are_ours && p->start >= 0 && p->end > p->start)
    {
      g_autofree char *slice = dossier_utf8_slice (body, p->start, p->end);

      if (strcmp (slice, p->quote) == 0)
        return dossier_anchor_new (p->quote, p->prefix, p->suffix, p->start, p->end);
    }
  anchor = dossier_anchor_new_from_quote (body, p->quote, p->prefix, NULL);
  return g_steal_pointer (&anchor);
}

static DossierAnnotation *
make_annotation (Pending             *p,
                 gint64               article_id,
                 const DossierAnchor *anchor)
{
  DossierAnnotation *a = dossier_annotation_new ();

  dossier_annotation_set_uuid (a, p->uuid);
  dossier_annotation_set_article_id (a, article_id);
  dossier_annotation_set_color (a, p->color);
  dossier_annotation_set_note (a, p->note);
  dossier_annotation_set_tags (a, (const char * const *) p->tags);
  if (anchor != NULL)
    {
      dossier_annotation_set_quote (a, anchor->quote);
      dossier_annotation_set_prefix (a, anchor->prefix);
      dossier_annotation_set_suffix (a, anchor->suffix);
      dossier_annotation_set_start (a, anchor->start);
      dossier_annotation_set_end (a, anchor->end);
    }
  else
    {
      /* kept as the file has it, listed as an orphan */
      dossier_annotation_set_quote (a, p->quote);
      dossier_annotation_set_prefix (a, p->prefix ? p->prefix : "");
      dossier_annotation_set_suffix (a, p->suffix ? p->suffix : "");
      dossier_annotation_set_start (a, MAX (p->start, 0));
      dossier_annotation_set_end (a, MAX (p->end, 0));
      dossier_annotation_set_orphan (a, TRUE);
    }
  dossier_annotation_set_created (a, p->created);
  dossier_annotation_set_modified (a, p->modified);
  return a;
}

static gboolean
import_one (DossierStore                   *store,
            Index                          *ix,
            Pending                        *p,
            DossierAnnotationImportReport  *report,
            GError                        **error)
{
  g_autoptr(DossierAnnotation) existing = NULL;
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(DossierAnchor) anchor = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 article_id = 0;

  existing = dossier_store_find_annotation_by_uuid (store, p->uuid, &local_error);
  if (existing == NULL && !g_error_matches (local_error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      if (p->modified <= dossier_annotation_get_modified (existing))
        {
          report->unchanged++;
          return TRUE;
        }
      /* the file's copy is newer: its note, tags and colour win; the
       * anchor stays the library's, which fits the library's text */
      dossier_annotation_set_note (existing, p->note);
      dossier_annotation_set_tags (existing, (const char * const *) p->tags);
      dossier_annotation_set_color (existing, p->color);
      dossier_annotation_set_modified (existing, p->modified);
      if (!dossier_store_update_annotation (store, existing, error))
        return FALSE;
      report->imported++;
      return TRUE;
    }
  if (p->quote == NULL || *p->quote == '\0')
    {
      report->unmatched++;
      return TRUE;
    }

  candidates = named_candidates (ix, p);
  for (guint i = 0; i < candidates->len && anchor == NULL; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);
      const char *body = index_body (store, ix, id, error);

      if (body == NULL)
        return FALSE;
      if ((anchor = place (p, body)) != NULL)
        article_id = id;
    }
  /* the article the export names is there, but the quote no longer is:
   * keep the note with it as an orphan rather than lose it */
  if (anchor == NULL && candidates->len > 0 && p->positions_are_ours)
    article_id = g_array_index (candidates, gint64, 0);

  if (article_id == 0)
    {
      g_autoptr(GArray) found = search_candidates (store, p, error);

      if (found == NULL)
        return FALSE;
      for (guint i = 0; i < found->len && anchor == NULL; i++)
        {
          gint64 id = g_array_index (found, gint64, i);
          const char *body = index_body (store, ix, id, error);

          if (body == NULL)
            return FALSE;
          if ((anchor = place (p, body)) != NULL)
            article_id = id;
        }
    }
  if (article_id == 0)
    {
      report->unmatched++;
      return TRUE;
    }

  annotation = make_annotation (p, article_id, anchor);
  if (anchor == NULL && !p->orphan)
    g_debug ("note %s: its article is there but the quote is not; kept as an orphan", p->uuid);
  if (dossier_store_insert_annotation (store, annotation, error) == 0)
    return FALSE;
  report->imported++;
  return TRUE;
}

static gpointer
import_op (DossierStore  *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  ImportJob *job = data;
  Index ix = { NULL, NULL, NULL, NULL };
  gboolean ok = TRUE;

  if (!index_build (store, &ix, cancellable, error))
    {
      index_clear (&ix);
      return NULL;
    }
  if (!dossier_store_begin (store, error))
    {
      index_clear (&ix);
      return NULL;
    }
  for (guint i = 0; ok && i < job->pending->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = import_one (store, &ix, g_ptr_array_index (job->pending, i), &job->report, error);
    }
  index_clear (&ix);
  if (!ok)
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static const DossierLibraryCall import_call = { import_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

gboolean
dossier_annotation_import_data (DossierLibrary                 *library,
                                const char                     *data,
                                gsize                           len,
                                const char                     *name,
                                DossierAnnotationImportReport  *report,
                                GCancellable                   *cancellable,
                                GError                        **error)
{
  ImportJob job = { NULL, { 0, 0, 0 } };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (report != NULL)
    *report = job.report;
  if (!(job.pending = parse_file (data ? data : "", len, name ? name : "JSON", error)))
    return FALSE;
  ok = _dossier_library_run (library, &import_call, &job, cancellable, error) != NULL;
  g_ptr_array_unref (job.pending);
  if (ok && report != NULL)
    *report = job.report;
  return ok;
}

gboolean
dossier_annotation_import_file (DossierLibrary                 *library,
                                const char                     *path,
                                DossierAnnotationImportReport  *report,
                                GCancellable                   *cancellable,
                                GError                        **error)
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report != NULL)
    memset (report, 0, sizeof *report);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_READ,
                   _("“%s” is a folder, not a JSON file"), path);
      return FALSE;
    }
  /* refuse before reading a byte of it */
  if (st.st_size > DOSSIER_ANNOTATION_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB: too large for a notes export"), path,
                   DOSSIER_ANNOTATION_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID,
                   _("“%s” is empty"), path);
      return FALSE;
    }
  if (!(map = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return dossier_annotation_import_data (library, g_mapped_file_get_contents (map),
                                         g_mapped_file_get_length (map), path, report,
                                         cancellable, error);
}

/* --- async ----------------------------------------------------------------- */

/* notes added or updated: no article's text, date or story */
static gboolean
emit_changed (gpointer data)
{
  _dossier_library_emit (DOSSIER_LIBRARY (data), DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES);
  return G_SOURCE_REMOVE;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  DossierAnnotationImportReport *report = g_new0 (DossierAnnotationImportReport, 1);
  g_autofree char *path = g_file_get_path (G_FILE (data));
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (G_FILE (data));

      g_free (report);
      g_task_return_new_error (task, DOSSIER_ANNOTATION_IMPORT_ERROR, DOSSIER_ANNOTATION_IMPORT_ERROR_READ,
                               _("Could not read “%s”: not a local file"), uri);
      return;
    }
  if (!dossier_annotation_import_file (DOSSIER_LIBRARY (source), path, report, cancellable, &error))
    {
      g_free (report);
      g_task_return_error (task, error);
      return;
    }
  if (report->imported > 0)
    _dossier_library_post (g_task_get_context (task), emit_changed,
                           g_object_ref (source), g_object_unref);
  g_task_return_pointer (task, report, g_free);
}

void
dossier_annotation_import_async (DossierLibrary      *library,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_annotation_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
dossier_annotation_import_finish (DossierLibrary                 *library,
                                  GAsyncResult                   *result,
                                  DossierAnnotationImportReport  *report,
                                  GError                        **error)
{
  g_autofree DossierAnnotationImportReport *r = NULL;

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_annotation_import_async, FALSE);

  if (!(r = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (report != NULL)
    *report = *r;
  return TRUE;
}
