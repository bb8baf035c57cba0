/* dossier-omnivore-export.c — Omnivore's ZIP export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive holds metadata_<from>_to_<to>.json (arrays of {id, slug,
 * title, author, url, state, labels, savedAt, …}), content/<slug>.md or
 * content/<slug>.html (the article), and highlights/<slug>.md (each
 * highlight a "> quote" block, the note in the paragraphs after it).
 *
 * Read in memory with libarchive: nothing is unpacked to disk.  An entry
 * whose name leads outside the archive (absolute, or with a ".."
 * component) refuses the whole file, as does unpacking to more than
 * DOSSIER_APP_EXPORT_MAX_UNPACKED bytes: sizes are counted as the data
 * comes, not taken from the headers.
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "dossier-app-export-private.h"
#include "dossier-markdown.h"

typedef struct
{
  GPtrArray  *metadata;    /* (element-type GBytes), in archive order */
  GPtrArray  *metadata_names;
  GHashTable *content;     /* slug → GBytes; ".html" slugs keep the suffix */
  GHashTable *highlights;  /* slug → GBytes */
} Archive;

static void
archive_clear (Archive *a)
{
  g_clear_pointer (&a->metadata, g_ptr_array_unref);
  g_clear_pointer (&a->metadata_names, g_ptr_array_unref);
  g_clear_pointer (&a->content, g_hash_table_unref);
  g_clear_pointer (&a->highlights, g_hash_table_unref);
}

static gboolean
name_is_safe (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || name[0] == '\\' || strchr (name, ':') != NULL)
    return FALSE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

static gboolean
has_prefix_and_suffix (const char *name,
                       const char *prefix,
                       const char *suffix)
{
  return g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix)
    && strlen (name) > strlen (prefix) + strlen (suffix);
}

static char *
slug_of (const char *name,
         const char *prefix,
         const char *suffix)
{
  return g_strndup (name + strlen (prefix), strlen (name) - strlen (prefix) - strlen (suffix));
}

/* libarchive's last message, as valid UTF-8 */
static char *
archive_message (struct archive *ar)
{
  const char *m = archive_error_string (ar);

  return g_utf8_make_valid (m ? m : "", -1);
}

static gboolean
read_archive (Archive       *out,
              const guint8  *data,
              gsize          len,
              const char    *filename,
              GError       **error)
{
  struct archive *ar = archive_read_new ();
  struct archive_entry *entry;
  gsize unpacked = 0;
  guint n_entries = 0;
  gboolean ok = TRUE;
  int r;

  archive_read_support_format_zip (ar);
  if (archive_read_open_memory (ar, data, len) != ARCHIVE_OK)
    {
      g_autofree char *message = archive_message (ar);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not a ZIP archive: %s"), filename, message);
      archive_read_free (ar);
      return FALSE;
    }
  out->metadata = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  out->metadata_names = g_ptr_array_new_with_free_func (g_free);
  out->content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  out->highlights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);

  while (ok && (r = archive_read_next_header (ar, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      const char *base;
      g_autoptr(GByteArray) buf = NULL;
      char chunk[64 * 1024];
      la_ssize_t got;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || !name_is_safe (name))
        {
          g_autofree char *shown = g_utf8_make_valid (name ? name : "", -1);

          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                       _("%s: refused: the archive holds an entry named “%s”, which leads outside it"),
                       filename, shown);
          ok = FALSE;
          break;
        }
      if (++n_entries > DOSSIER_APP_EXPORT_MAX_ENTRIES)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                       _("%s: refused: more than %d files in the archive"), filename,
                       DOSSIER_APP_EXPORT_MAX_ENTRIES);
          ok = FALSE;
          break;
        }
      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;
      base = strrchr (name, '/') ? strrchr (name, '/') + 1 : name;
      if (!(g_str_has_prefix (base, "metadata_") && g_str_has_suffix (base, ".json"))
          && !has_prefix_and_suffix (name, "content/", ".md")
          && !has_prefix_and_suffix (name, "content/", ".html")
          && !has_prefix_and_suffix (name, "highlights/", ".md"))
        continue;  /* images and the like */

      buf = g_byte_array_new ();
      while ((got = archive_read_data (ar, chunk, sizeof chunk)) > 0)
        {
          unpacked += (gsize) got;
          if (unpacked > DOSSIER_APP_EXPORT_MAX_UNPACKED || buf->len + got > DOSSIER_IMPORT_MAX_SIZE)
            {
              g_autofree char *shown = g_utf8_make_valid (name, -1);

          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                       _("%s: refused: “%s” unpacks to more than %d MB (a ZIP bomb?)"),
                       filename, shown,
                           (unpacked > DOSSIER_APP_EXPORT_MAX_UNPACKED
                            ? DOSSIER_APP_EXPORT_MAX_UNPACKED : DOSSIER_IMPORT_MAX_SIZE) / (1024 * 1024));
              ok = FALSE;
              break;
            }
          g_byte_array_append (buf, (const guint8 *) chunk, (guint) got);
        }
      if (!ok)
        break;
      if (got < 0)
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          g_autofree char *message = archive_message (ar);

          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                       _("%s: “%s” cannot be unpacked: %s"), filename, shown, message);
          ok = FALSE;
          break;
        }

      if (g_str_has_prefix (base, "metadata_") && g_str_has_suffix (base, ".json"))
        {
          g_ptr_array_add (out->metadata, g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
          g_ptr_array_add (out->metadata_names, g_utf8_make_valid (name, -1));
        }
      else if (has_prefix_and_suffix (name, "content/", ".md"))
        g_hash_table_replace (out->content, slug_of (name, "content/", ".md"),
                              g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
      else if (has_prefix_and_suffix (name, "content/", ".html"))
        g_hash_table_replace (out->content, g_strdup (name + strlen ("content/")),
                              g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
      else
        g_hash_table_replace (out->highlights, slug_of (name, "highlights/", ".md"),
                              g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
    }
  if (ok && r != ARCHIVE_EOF && r != ARCHIVE_OK)
    {
      g_autofree char *message = archive_message (ar);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: a damaged ZIP archive: %s"), filename, message);
      ok = FALSE;
    }
  archive_read_free (ar);
  if (ok && out->metadata->len == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not an Omnivore export: no metadata_*.json in the archive"), filename);
      ok = FALSE;
    }
  return ok;
}

/* The entry's text as valid UTF-8 ("" for an empty entry). */
static char *
bytes_text (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL || len == 0)
    return g_strdup ("");
  return g_utf8_make_valid (data, (gssize) len);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* Drops the "[⤴️](https://omnivore.app/…)" link Omnivore puts after a quote. */
static void
strip_back_link (GString *quote)
{
  const char *open = g_strrstr (quote->str, " [");

  if (open != NULL && g_str_has_suffix (quote->str, ")") && strstr (open, "](") != NULL)
    g_string_truncate (quote, open - quote->str);
}

static void
finish_highlight (DossierAppEntry *e,
                  GString         *quote,
                  GString         *note)
{
  if (quote->len > 0)
    {
      g_autofree char *q = NULL;
      g_autofree char *n = NULL;

      strip_back_link (quote);
      q = g_strstrip (g_strdup (quote->str));
      n = g_strstrip (g_strdup (note->str));
      if (*q != '\0')
        _dossier_app_entry_add_highlight (e, q, n);
    }
  g_string_truncate (quote, 0);
  g_string_truncate (note, 0);
}

static void
read_highlights (DossierAppEntry *e,
                 GBytes          *bytes)
{
  g_autofree char *text = bytes_text (bytes);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) quote = g_string_new (NULL);
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean in_quote = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      g_strchomp (line);
      if (line[0] == '>')
        {
          const char *t = line + 1;

          if (!in_quote)
            finish_highlight (e, quote, note);
          if (*t == ' ')
            t++;
          if (quote->len > 0)
            g_string_append_c (quote, in_quote && *t == '\0' ? '\n' : ' ');
          g_string_append (quote, t);
          in_quote = TRUE;
          continue;
        }
      in_quote = FALSE;
      if (quote->len == 0 || g_str_has_prefix (line, "#"))
        continue;  /* the file's heading */
      if (note->len > 0 || *line != '\0')
        {
          g_string_append (note, line);
          g_string_append_c (note, '\n');
        }
    }
  finish_highlight (e, quote, note);
}

static void
read_labels (DossierAppEntry *e,
             JsonObject      *o)
{
  JsonNode *n = json_object_get_member (o, "labels");
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
        _dossier_app_entry_add_tag (e, member_string (json_node_get_object (t), "name"));
    }
}

static void
read_body (DossierAppEntry *e,
           Archive         *a,
           const char      *slug)
{
  g_autofree char *html_key = g_strconcat (slug, ".html", NULL);
  GBytes *md = g_hash_table_lookup (a->content, slug);
  GBytes *html = g_hash_table_lookup (a->content, html_key);

  if (md != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(DossierExtracted) x = NULL;

      text = bytes_text (md);
      x = dossier_markdown_extract (text, strlen (text), slug, NULL);
      if (x != NULL && x->body != NULL && *x->body != '\0')
        e->body = g_steal_pointer (&x->body);
    }
  else if (html != NULL)
    {
      g_autofree char *text = NULL;

      text = bytes_text (html);
      e->body = _dossier_app_html_text (text, strlen (text));
      if (*e->body == '\0')
        g_clear_pointer (&e->body, g_free);
    }
}

static void
read_item (DossierAppEntry *e,
           Archive         *a,
           JsonNode        *node)
{
  JsonObject *o;
  const char *slug, *url, *saved, *state;
  GBytes *hl;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      e->source_id = g_strdup_printf ("entry-%u", e->row);
      _dossier_app_entry_fail (e, _("entry %u: not an article"), e->row);
      return;
    }
  o = json_node_get_object (node);
  url = member_string (o, "url");
  slug = member_string (o, "slug");
  e->url = url ? g_strstrip (g_strdup (url)) : NULL;
  e->source_id = g_strdup (member_string (o, "id") ?: (e->url ?: ""));
  if (e->url == NULL || *e->url == '\0')
    _dossier_app_entry_fail (e, _("entry %u: no URL"), e->row);
  e->title = g_strdup (member_string (o, "title"));
  e->byline = g_strdup (member_string (o, "author"));
  state = member_string (o, "state");
  e->read = g_strcmp0 (state, "ARCHIVED") == 0;
  saved = member_string (o, "savedAt");
  if (saved != NULL && !_dossier_app_parse_time (saved, &e->saved_at))
    _dossier_app_entry_fail (e, _("entry %u: “%s” is not a date"), e->row, saved);
  read_labels (e, o);
  if (slug == NULL)
    return;
  read_body (e, a, slug);
  if ((hl = g_hash_table_lookup (a->highlights, slug)) != NULL)
    read_highlights (e, hl);
}

DossierAppExport *
dossier_omnivore_export_parse (const guint8  *data,
                               gsize          len,
                               const char    *filename,
                               GError       **error)
{
  g_autoptr(DossierAppExport) export = _dossier_app_export_new (DOSSIER_APP_OMNIVORE);
  Archive a = { 0 };
  guint row = 0;

  if (!read_archive (&a, data, len, filename, error))
    {
      archive_clear (&a);
      return NULL;
    }
  for (guint i = 0; i < a.metadata->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) local_error = NULL;
      GBytes *bytes = g_ptr_array_index (a.metadata, i);
      const char *name = g_ptr_array_index (a.metadata_names, i);
      gsize n;
      const char *text = g_bytes_get_data (bytes, &n);
      JsonNode *root;
      JsonArray *items;

      if (text == NULL || n == 0 || !g_utf8_validate (text, (gssize) n, NULL)
          || !json_parser_load_from_data (parser, text, (gssize) n, &local_error)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        {
          DossierAppEntry *e = _dossier_app_entry_add (export, ++row);

          e->source_id = g_strdup (name);
          _dossier_app_entry_fail (e, _("%s: not a list of articles%s%s"), name,
                                   local_error ? ": " : "", local_error ? local_error->message : "");
          continue;
        }
      items = json_node_get_array (root);
      for (guint j = 0; j < json_array_get_length (items); j++)
        read_item (_dossier_app_entry_add (export, ++row), &a, json_array_get_element (items, j));
    }
  archive_clear (&a);
  return g_steal_pointer (&export);
}
