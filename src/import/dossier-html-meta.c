/* dossier-html-meta.c — title, byline, source, date, address and language
 * of a page, from its <meta> tags, JSON-LD, <title> and markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"
#include "dossier-date.h"

static char *
unescape_entities (const char *s)
{
  GString *out;
  const char *p;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);
  out = g_string_new (NULL);
  for (p = s; *p; )
    {
      if (*p == '&')
        {
          static const struct { const char *name; const char *value; } named[] = {
            { "&quot;", "\"" }, { "&amp;", "&" }, { "&apos;", "'" },
            { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;
          guint i;

          for (i = 0; i < G_N_ELEMENTS (named) && !done; i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].value);
                p += strlen (named[i].name);
                done = TRUE;
              }
          if (!done && p[1] == '#')
            {
              const char *q = p + 2;
              gboolean hex = (*q == 'x' || *q == 'X');
              gunichar c = 0;
              int digits = 0;

              if (hex)
                q++;
              while (*q && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && digits < 8)
                {
                  c = c * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
                  q++;
                  digits++;
                }
              if (digits > 0 && *q == ';')
                {
                  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                    c = 0xFFFD;
                  g_string_append_unichar (out, c);
                  p = q + 1;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* Title */

static int
word_count (const char *s)
{
  int n = 1;
  gboolean in_space = FALSE;

  for (; *s; s++)
    {
      if (g_ascii_isspace (*s))
        {
          if (!in_space)
            n++;
          in_space = TRUE;
        }
      else
        in_space = FALSE;
    }
  return n;
}

/* Returns the byte length of a title separator (" | ", " - ", " – " …)
 * at @p, or 0. */
static int
separator_at (const char *p,
              gboolean    hierarchical_only)
{
  static const char * const hier[] = { "\\", "/", ">", "»", NULL };
  static const char * const flat[] = { "|", "-", "–", "—", NULL };
  int i;

  if (p[0] != ' ')
    return 0;
  for (i = 0; hier[i] != NULL; i++)
    {
      gsize len = strlen (hier[i]);

      if (strncmp (p + 1, hier[i], len) == 0 && p[1 + len] == ' ')
        return len + 2;
    }
  if (hierarchical_only)
    return 0;
  for (i = 0; flat[i] != NULL; i++)
    {
      gsize len = strlen (flat[i]);

      if (strncmp (p + 1, flat[i], len) == 0 && p[1 + len] == ' ')
        return len + 2;
    }
  return 0;
}

static gboolean
is_separator_char (const char *p,
                   int        *len)
{
  static const char * const seps[] = { "|", "-", "\\", "/", ">", "»", "–", "—", NULL };
  int i;

  for (i = 0; seps[i] != NULL; i++)
    if (strncmp (p, seps[i], strlen (seps[i])) == 0)
      {
        *len = strlen (seps[i]);
        return TRUE;
      }
  return FALSE;
}

static char *
title_from_document (xmlNode *root)
{
  xmlNode *title_node = _dossier_html_find_first_tag (root, "title");
  g_autofree char *orig = NULL;
  char *cur;
  gboolean had_hierarchical = FALSE;
  const char *p;
  int n;

  orig = title_node ? _dossier_html_inner_text (title_node) : g_strdup ("");
  cur = g_strdup (orig);

  {
    const char *last = NULL;

    for (p = orig; *p; )
      {
        int len = separator_at (p, FALSE);

        if (len > 0)
          {
            if (separator_at (p, TRUE))
              had_hierarchical = TRUE;
            last = p;
            p += len;
          }
        else
          p++;
      }
    if (last != NULL)
      {
        g_free (cur);
        cur = g_strndup (orig, last - orig);
        if (word_count (cur) < 3)
          {
            int len = 0;

            for (p = orig; *p && !is_separator_char (p, &len); p++)
              ;
            g_free (cur);
            cur = g_strdup (*p ? p + len : orig);
          }
      }
    else if (strstr (cur, ": ") != NULL)
      {
        gboolean match = FALSE;
        xmlNode *node;

        for (node = root; node != NULL && !match; node = _dossier_html_next_in_subtree (node, root, FALSE))
          {
            if (_dossier_html_has_tag (node, "h1") || _dossier_html_has_tag (node, "h2"))
              {
                g_autofree char *text = _dossier_html_inner_text (node);

                match = strcmp (text, cur) == 0;
              }
          }
        if (!match)
          {
            const char *colon = strrchr (orig, ':');
            char *candidate = g_strdup (colon + 1);

            if (word_count (candidate) < 3)
              {
                g_free (candidate);
                candidate = g_strdup (strchr (orig, ':') + 1);
              }
            else
              {
                g_autofree char *before = g_strndup (orig, strchr (orig, ':') - orig);

                if (word_count (before) > 5)
                  {
                    g_free (candidate);
                    candidate = g_strdup (orig);
                  }
              }
            g_free (cur);
            cur = candidate;
          }
      }
    else if (g_utf8_strlen (cur, -1) > 150 || g_utf8_strlen (cur, -1) < 15)
      {
        xmlNode *node;
        xmlNode *h1 = NULL;
        guint count = 0;

        for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
          if (_dossier_html_has_tag (node, "h1"))
            {
              h1 = node;
              count++;
            }
        if (count == 1)
          {
            g_free (cur);
            cur = _dossier_html_inner_text (h1);
          }
      }
  }

  {
    char *collapsed = _dossier_html_collapse_string (cur);

    g_free (cur);
    cur = collapsed;
  }
  n = word_count (cur);
  if (n <= 4)
    {
      GString *stripped = g_string_new (NULL);
      int len;

      for (p = orig; *p; )
        {
          if (is_separator_char (p, &len))
            p += len;
          else
            g_string_append_c (stripped, *p++);
        }
      if (!had_hierarchical || n != word_count (stripped->str) - 1)
        {
          g_free (cur);
          cur = g_strdup (orig);
        }
      g_string_free (stripped, TRUE);
    }
  return cur;
}

/* <meta> tags */

/* Finds "<prefix>:<name>" anywhere in a property value (white space
 * allowed around the colon), e.g. "article:author" in "og:article:author". */
static gboolean
match_property (const char *property,
                char      **key)
{
  static const char * const prefixes[] = { "article", "dc", "dcterm", "og", "twitter", NULL };
  static const char * const names[] = {
    "author", "creator", "description", "published_time", "title", "site_name", NULL
  };
  g_autofree char *lower = g_ascii_strdown (property, -1);
  const char *p;

  for (p = lower; *p; p++)
    {
      guint i, j;

      for (i = 0; prefixes[i] != NULL; i++)
        {
          const char *q;

          if (!g_str_has_prefix (p, prefixes[i]))
            continue;
          q = p + strlen (prefixes[i]);
          while (g_ascii_isspace (*q))
            q++;
          if (*q != ':')
            continue;
          q++;
          while (g_ascii_isspace (*q))
            q++;
          for (j = 0; names[j] != NULL; j++)
            if (g_str_has_prefix (q, names[j]))
              {
                *key = g_strconcat (prefixes[i], ":", names[j], NULL);
                return TRUE;
              }
        }
    }
  return FALSE;
}

static gboolean
match_name (const char *name,
            char      **key)
{
  static const char * const prefixes[] = {
    "dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage", NULL
  };
  static const char * const names[] = {
    "author", "creator", "pub-date", "description", "title", "site_name", NULL
  };
  g_autofree char *lower = g_strstrip (g_ascii_strdown (name, -1));
  guint i, j;

  for (j = 0; names[j] != NULL; j++)
    {
      gsize nlen = strlen (names[j]);
      gsize len = strlen (lower);

      if (len < nlen || strcmp (lower + len - nlen, names[j]) != 0)
        continue;
      if (len == nlen)
        {
          *key = g_strdup (lower);
          return TRUE;
        }
      {
        char sep = lower[len - nlen - 1];
        g_autofree char *prefix = NULL;

        if (sep != '-' && sep != '.' && sep != ':')
          continue;
        prefix = g_strndup (lower, len - nlen - 1);
        g_strstrip (prefix);
        for (i = 0; prefixes[i] != NULL; i++)
          if (strcmp (prefix, prefixes[i]) == 0)
            {
              char *k = g_strconcat (prefix, "-", names[j], NULL), *c;

              /* the key keeps the separator as written, dots become colons */
              k[strlen (prefix)] = sep == '.' ? ':' : sep;
              for (c = k; *c; c++)
                if (*c == '.')
                  *c = ':';
              *key = k;
              return TRUE;
            }
      }
    }
  return FALSE;
}

static void
read_meta_tags (xmlNode         *root,
                DossierHtmlMeta *meta)
{
  xmlNode *node;

  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      const char *name, *property, *content, *itemprop, *http_equiv;
      char *key = NULL;

      if (!_dossier_html_has_tag (node, "meta"))
        continue;
      content = _dossier_html_get_attr (node, "content");
      if (content == NULL || *content == '\0')
        continue;
      name = _dossier_html_get_attr (node, "name");
      property = _dossier_html_get_attr (node, "property");
      itemprop = _dossier_html_get_attr (node, "itemprop");
      http_equiv = _dossier_html_get_attr (node, "http-equiv");

      if (property != NULL && match_property (property, &key))
        g_hash_table_replace (meta->values, key, _dossier_html_strip_dup (content));
      else if (name != NULL && match_name (name, &key))
        g_hash_table_replace (meta->values, key, _dossier_html_strip_dup (content));

      if (name != NULL && !g_hash_table_contains (meta->all, name))
        g_hash_table_insert (meta->all, g_ascii_strdown (name, -1), _dossier_html_strip_dup (content));
      if (property != NULL)
        g_hash_table_insert (meta->all, g_ascii_strdown (property, -1),
                             _dossier_html_strip_dup (content));
      if (itemprop != NULL)
        g_hash_table_insert (meta->all, g_strconcat ("itemprop:", itemprop, NULL),
                             _dossier_html_strip_dup (content));
      if (http_equiv != NULL)
        g_hash_table_insert (meta->all, g_strconcat ("http-equiv:", http_equiv, NULL),
                             _dossier_html_strip_dup (content));
    }
}

static const char *
first_value (GHashTable         *table,
             const char * const *keys)
{
  for (; *keys != NULL; keys++)
    {
      const char *v = g_hash_table_lookup (table, *keys);

      if (v != NULL && *v)
        return v;
    }
  return NULL;
}

static gboolean
is_url (const char *s)
{
  return s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

static char *
clean_byline (const char *raw)
{
  g_autofree char *text = NULL;
  char *p;

  if (raw == NULL)
    return NULL;
  text = _dossier_html_collapse_string (raw);
  p = text;
  if (g_ascii_strncasecmp (p, "by", 2) == 0 && (p[2] == ' ' || p[2] == ':'))
    {
      p += 2;
      while (*p == ' ' || *p == ':')
        p++;
    }
  if (*p == '\0')
    return NULL;
  return g_strdup (p);
}

static char *
find_canonical_url (xmlNode         *root,
                    DossierHtmlMeta *meta)
{
  xmlNode *node;
  const char *og;

  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      const char *rel;
      const char *href;

      if (!_dossier_html_has_tag (node, "link"))
        continue;
      rel = _dossier_html_get_attr (node, "rel");
      href = _dossier_html_get_attr (node, "href");
      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && is_url (href))
        return g_strstrip (g_strdup (href));
    }
  og = g_hash_table_lookup (meta->all, "og:url");
  if (is_url (og))
    return g_strdup (og);
  return NULL;
}

static char *
find_language (xmlNode         *root,
               DossierHtmlMeta *meta)
{
  const char *lang = _dossier_html_get_attr (root, "lang");
  const char *v;

  if (lang == NULL || *lang == '\0')
    lang = _dossier_html_get_attr (root, "xml:lang");
  if (lang != NULL && *lang)
    return g_strstrip (g_strdup (lang));
  v = g_hash_table_lookup (meta->all, "http-equiv:content-language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "http-equiv:Content-Language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "content-language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "language");
  if (v != NULL && *v)
    {
      char *copy = g_strstrip (g_strdup (v));
      char *comma = strchr (copy, ',');

      if (comma != NULL)
        *comma = '\0';
      return copy;
    }
  v = g_hash_table_lookup (meta->all, "og:locale");
  if (v != NULL && *v)
    {
      char *copy = g_strdup (v);

      g_strdelimit (copy, "_", '-');
      return copy;
    }
  return NULL;
}

/* Reads the metadata of the page at @root: sets @ctx's title and byline
 * from the metadata, and @result's address, language, source and date. */
void
_dossier_html_read_metadata (xmlNode            *root,
                             DossierHtmlContext *ctx,
                             DossierExtracted   *result)
{
  DossierHtmlJsonLd jsonld = { NULL, };
  DossierHtmlMeta meta;
  g_autofree char *doc_title = NULL;
  const char *v;

  meta.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  meta.all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read_meta_tags (root, &meta);
  doc_title = title_from_document (root);
  _dossier_html_read_jsonld (root, doc_title, &jsonld);

  /* title */
  {
    static const char * const keys[] = {
      "dc:title", "dcterm:title", "og:title", "weibo:article:title",
      "weibo:webpage:title", "title", "twitter:title", "parsely-title", NULL
    };
    const char *title = jsonld.title;

    if (title == NULL || *title == '\0')
      title = first_value (meta.values, keys);
    if (title != NULL && *title)
      {
        g_autofree char *unescaped = unescape_entities (title);

        ctx->title = _dossier_html_collapse_string (unescaped);
      }
    else
      ctx->title = g_strdup (doc_title);
  }

  /* byline */
  {
    static const char * const keys[] = {
      "dc:creator", "dcterm:creator", "author", "parsely-author", NULL
    };
    const char *byline = jsonld.byline;

    if (byline == NULL || *byline == '\0')
      byline = first_value (meta.values, keys);
    if (byline == NULL || *byline == '\0')
      {
        v = g_hash_table_lookup (meta.values, "article:author");
        if (v != NULL && *v && !is_url (v))
          byline = v;
      }
    if (byline != NULL && *byline)
      ctx->meta_byline = unescape_entities (byline);
  }

  result->url = find_canonical_url (root, &meta);
  result->language = find_language (root, &meta);
  /* attribute values come as they were in the page */
  if (result->url != NULL && !g_utf8_validate (result->url, -1, NULL))
    g_clear_pointer (&result->url, g_free);
  if (result->language != NULL && !g_utf8_validate (result->language, -1, NULL))
    g_clear_pointer (&result->language, g_free);

  /* site name */
  v = jsonld.site_name;
  if (v == NULL || *v == '\0')
    v = g_hash_table_lookup (meta.values, "og:site_name");
  if (v == NULL || *v == '\0')
    v = g_hash_table_lookup (meta.all, "application-name");
  if (v != NULL && *v)
    {
      g_autofree char *unescaped = unescape_entities (v);

      result->source = _dossier_html_collapse_string (unescaped);
    }

  _dossier_html_find_date (root, &jsonld, &meta, ctx->title, result);

  g_free (jsonld.title);
  g_free (jsonld.byline);
  g_free (jsonld.site_name);
  g_free (jsonld.published);
  g_free (jsonld.page_published);
  g_free (jsonld.modified);
  g_free (jsonld.image);
  g_hash_table_unref (meta.values);
  g_hash_table_unref (meta.all);
}

/* Once the content finder has run: a date from a dateline or byline it
 * found when the metadata had none (or the address only a month or a
 * year), the byline and the title of @result. */
void
_dossier_html_finish_metadata (DossierHtmlContext *ctx,
                               DossierExtracted   *result)
{
  if (result->date_origin == DOSSIER_DATE_ORIGIN_NONE
      || (result->date_origin == DOSSIER_DATE_ORIGIN_URL
          && result->published.precision != DOSSIER_DATE_PRECISION_DAY))
    {
      DossierDate date = DOSSIER_DATE_INIT;

      if ((ctx->dateline != NULL && dossier_date_parse (ctx->dateline, &date))
          || (ctx->dom_byline != NULL && dossier_date_parse (ctx->dom_byline, &date)))
        {
          result->published = date;
          result->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
        }
    }

  result->byline = clean_byline (ctx->meta_byline ? ctx->meta_byline : ctx->dom_byline);
  result->title = _dossier_html_finish_text (ctx->title ? ctx->title : "");
}
