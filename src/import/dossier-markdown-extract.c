/* dossier-markdown-extract.c — articles from Markdown files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark parses the document; each paragraph, heading, list item, code
 * block and HTML block becomes one or more lines for the plain-text rules
 * (title, byline, dateline, trailers).  Emphasis and links leave their
 * text, images leave nothing, code is kept as written.  Raw HTML loses its
 * tags; <script> and <style> lose their text too, up to their end tag (as
 * in a browser), and one that is never closed loses only its tag.  What
 * only looks like a tag ("<Ctrl>", "a < b") is prose and stays.
 */
#define G_LOG_DOMAIN "dossier-markdown"

#include "config.h"

#include <string.h>

#include "dossier-markdown.h"
#include "dossier-text-extract-private.h"

/* A tag's attributes are looked at for this many bytes at most. */
#define TAG_MAX_BYTES 4096

typedef enum
{
  RAW_NONE,
  RAW_SCRIPT,
  RAW_STYLE,
  N_RAW,
} RawKind;

static const char * const raw_names[N_RAW] = { NULL, "script", "style" };

/* ------------------------------------------------------------------ */
/* Front matter                                                       */

static void
set_string (char      **field,
            const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

static void
take_string (char **field,
             char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

static char *
unquote (const char *s)
{
  g_autofree char *v = g_strstrip (g_strdup (s));
  gsize n = strlen (v);

  if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\'')))
    {
      v[n - 1] = '\0';
      return g_strdup (v + 1);
    }
  if (n >= 4 && g_str_has_prefix (v, "[[") && g_str_has_suffix (v, "]]"))
    {
      v[n - 2] = '\0';
      return g_strdup (v + 2);
    }
  return g_steal_pointer (&v);
}

/* Appends one value (or each of a flow list "[a, b]") to @list. */
static void
add_values (GPtrArray  *list,
            const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  gsize n = strlen (v);

  if (n >= 2 && v[0] == '[' && v[n - 1] == ']' && v[1] != '[')
    {
      g_auto(GStrv) parts = NULL;
      guint i;

      v[n - 1] = '\0';
      parts = g_strsplit (v + 1, ",", -1);
      for (i = 0; parts[i]; i++)
        {
          char *u = unquote (parts[i]);

          if (*u)
            g_ptr_array_add (list, u);
          else
            g_free (u);
        }
      return;
    }
  if (*v)
    g_ptr_array_add (list, unquote (v));
}

static void
apply_front_matter (const char *key,
                    GPtrArray  *values,
                    DossierTextHints *meta)
{
  g_autofree char *k = g_ascii_strdown (key, -1);
  const char *first;

  if (values->len == 0)
    return;
  first = g_ptr_array_index (values, 0);

  if (strcmp (k, "title") == 0)
    set_string (&meta->title, first);
  else if (strcmp (k, "date") == 0 || strcmp (k, "published") == 0
           || strcmp (k, "published_at") == 0 || strcmp (k, "pubdate") == 0
           || strcmp (k, "date_published") == 0 || strcmp (k, "datepublished") == 0)
    {
      DossierDate d = DOSSIER_DATE_INIT;

      if (meta->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN
          && (dossier_date_from_iso (first, &d) || dossier_date_parse (first, &d)))
        {
          meta->date = d;
          meta->date_origin = DOSSIER_DATE_ORIGIN_METADATA;
        }
    }
  else if (strcmp (k, "url") == 0 || strcmp (k, "link") == 0 || strcmp (k, "source_url") == 0
           || strcmp (k, "canonical") == 0 || strcmp (k, "original_url") == 0
           || (strcmp (k, "source") == 0 && _dossier_text_looks_like_url (first)))
    take_string (&meta->url, _dossier_text_extract_url (first));
  else if (strcmp (k, "author") == 0 || strcmp (k, "authors") == 0
           || strcmp (k, "byline") == 0 || strcmp (k, "creator") == 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (values, NULL);
      joined = g_strjoinv (", ", (char **) values->pdata);
      g_ptr_array_remove_index (values, values->len - 1);
      set_string (&meta->byline, joined);
    }
  else if (strcmp (k, "source") == 0 || strcmp (k, "site") == 0 || strcmp (k, "site_name") == 0
           || strcmp (k, "publisher") == 0 || strcmp (k, "publication") == 0)
    set_string (&meta->source, first);
}

/* Parses "---\nkey: value\n…\n---\n" at the start; returns the offset of
 * the text after it (0 when there is none). */
static gsize
parse_front_matter (const char *text,
                    gsize       len,
                    DossierTextHints *meta)
{
  const char *p = text;
  const char *end = text + len;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (len < 4 || strncmp (text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
    return 0;
  p = (const char *) memchr (text, '\n', len) + 1;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      g_autofree char *line = g_strndup (p, stop - p);
      const char *colon;

      g_strchomp (line);
      if (strcmp (line, "---") == 0 || strcmp (line, "...") == 0)
        {
          if (key)
            apply_front_matter (key, values, meta);
          return nl ? (gsize) (nl + 1 - text) : len;
        }
      if ((line[0] == ' ' || line[0] == '-') && key != NULL)
        {
          const char *item = line;

          while (*item == ' ')
            item++;
          if (*item == '-')
            add_values (values, item + 1);
        }
      else if (line[0] != '#' && (colon = strchr (line, ':')) != NULL)
        {
          if (key)
            apply_front_matter (key, values, meta);
          g_ptr_array_set_size (values, 0);
          g_free (key);
          key = g_strstrip (g_strndup (line, colon - line));
          if (colon[1] != '\0')
            add_values (values, colon + 1);
        }
      p = stop + 1;
    }
  /* no closing fence: not front matter */
  _dossier_text_hints_clear (meta);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Raw HTML                                                           */

static gboolean
is_html_element (const char *name,
                 gsize       len)
{
  static const char * const names[] = {
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base",
    "basefont", "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas",
    "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
    "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
    "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
    "ins", "kbd", "keygen", "label", "legend", "li", "link", "main", "map", "mark", "marquee",
    "math", "menu", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript",
    "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "slot",
    "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
    "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title",
    "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
  };
  static GHashTable *table;
  char lower[16];
  gsize i;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (i = 0; i < G_N_ELEMENTS (names); i++)
        g_hash_table_add (t, (gpointer) names[i]);
      g_once_init_leave (&table, t);
    }
  if (len >= sizeof lower)
    return FALSE;
  for (i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (name[i]);
  lower[len] = '\0';
  return g_hash_table_contains (table, lower);
}

static gboolean
is_tag_name_end (const char *p,
                 const char *end)
{
  return p >= end || *p == '>' || *p == '/' || g_ascii_isspace (*p);
}

typedef struct
{
  const char *name;
  gsize       name_len;
  gboolean    closing;
  gboolean    namespaced;   /* Word's <o:p>, <w:Sdt> */
} Tag;

/* After the tag at @p ("<em>", "</a >", "<a href='…' title=x>", "<br/>",
 * "<o:p>"), or NULL when there is no well-formed tag there.  Any name is
 * read; the caller decides whether it is HTML's. */
static const char *
tag_end (const char *p,
         const char *end,
         Tag        *tag)
{
  const char *q = p + 1;
  const char *limit = end - p > TAG_MAX_BYTES ? p + TAG_MAX_BYTES : end;

  memset (tag, 0, sizeof *tag);
  if (q < limit && *q == '/')
    {
      tag->closing = TRUE;
      q++;
    }
  tag->name = q;
  while (q < limit && (g_ascii_isalnum (*q) || *q == '-'))
    q++;
  if (q == tag->name || !g_ascii_isalpha (*tag->name))
    return NULL;
  if (q + 1 < limit && *q == ':' && g_ascii_isalpha (q[1]))
    {
      tag->namespaced = TRUE;
      for (q++; q < limit && (g_ascii_isalnum (*q) || *q == '-'); q++)
        ;
    }
  tag->name_len = q - tag->name;
  for (;;)
    {
      const char *space = q;

      while (q < limit && g_ascii_isspace (*q))
        q++;
      if (q >= limit)
        return NULL;
      if (*q == '>')
        return q + 1;
      if (!tag->closing && *q == '/' && q + 1 < limit && q[1] == '>')
        return q + 2;
      if (tag->closing || q == space)
        return NULL;
      /* an attribute: name, then maybe = and a value */
      if (!(g_ascii_isalpha (*q) || *q == '_' || *q == ':' || *q == '@'))
        return NULL;
      while (q < limit && (g_ascii_isalnum (*q) || strchr ("_.:-@", *q) != NULL))
        q++;
      while (q < limit && g_ascii_isspace (*q))
        q++;
      if (q < limit && *q == '=')
        {
          for (q++; q < limit && g_ascii_isspace (*q); q++)
            ;
          if (q < limit && (*q == '"' || *q == '\''))
            {
              const char *close = memchr (q + 1, *q, limit - q - 1);

              if (close == NULL)
                return NULL;
              q = close + 1;
            }
          else
            {
              const char *value = q;

              while (q < limit && !g_ascii_isspace (*q) && strchr ("\"'=<>`", *q) == NULL)
                q++;
              if (q == value)
                return NULL;
            }
        }
    }
}

static gboolean
tag_is_html (const Tag *tag)
{
  return tag->namespaced || is_html_element (tag->name, tag->name_len);
}

static gboolean
tag_is (const Tag  *tag,
        const char *name)
{
  return !tag->namespaced && tag->name_len == strlen (name)
         && g_ascii_strncasecmp (tag->name, name, tag->name_len) == 0;
}

static RawKind
raw_kind (const Tag *tag)
{
  RawKind kind;

  for (kind = RAW_SCRIPT; kind < N_RAW; kind++)
    if (tag_is (tag, raw_names[kind]))
      return kind;
  return RAW_NONE;
}

/* After the end tag "</script …>" (or style) that comes first from @p,
 * or NULL when there is none. */
static const char *
after_end_tag (const char *p,
               const char *end,
               RawKind     kind)
{
  gsize n = strlen (raw_names[kind]);

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      if ((gsize) (end - p) > n + 1 && p[1] == '/'
          && g_ascii_strncasecmp (p + 2, raw_names[kind], n) == 0
          && is_tag_name_end (p + 2 + n, end))
        {
          const char *close = memchr (p, '>', end - p);

          return close != NULL ? close + 1 : end;
        }
      p++;
    }
  return NULL;
}

/* The text of an HTML block: tags of HTML go, comments and declarations
 * go, <script> and <style> go with their text; the rest stays. */
static void
append_html_text (GString    *out,
                  const char *s,
                  gsize       len)
{
  const char *p = s;
  const char *end = s + len;
  const char *no_end_from[N_RAW] = { NULL, };

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *after;
      Tag tag;

      if (lt == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, lt - p);
      p = lt;
      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      if (end - p >= 2 && (p[1] == '!' || p[1] == '?')
          && (after = memchr (p, '>', MIN (end - p, 1024))) != NULL)
        {
          p = after + 1;       /* <!DOCTYPE …>, <?php … ?>, <![CDATA[ */
          continue;
        }
      if ((after = tag_end (p, end, &tag)) == NULL || !tag_is_html (&tag))
        {
          g_string_append_c (out, '<');
          p++;
          continue;
        }
      if (!tag.closing && raw_kind (&tag) != RAW_NONE)
        {
          RawKind kind = raw_kind (&tag);
          const char *skip = NULL;

          /* remember where no end tag follows, so that a block of
           * unclosed <script> tags costs one pass */
          if (no_end_from[kind] == NULL || after < no_end_from[kind])
            skip = after_end_tag (after, end, kind);
          if (skip == NULL)
            no_end_from[kind] = after;
          p = skip != NULL ? skip : after;
          continue;
        }
      if (tag_is (&tag, "br"))
        g_string_append_c (out, ' ');
      p = after;
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

/* Text as cmark left it, with what CommonMark does not know taken out:
 * links it did not take for links (a javascript: one never closed),
 * footnote references "[^1]", "~~strikethrough~~" markers and Word's
 * namespaced tags. */
static void
append_clean_text (GString    *out,
                   const char *text,
                   gboolean    task_item)
{
  g_autofree char *unlinked = _dossier_text_strip_links (text);
  const char *p = unlinked != NULL ? unlinked : text;
  const char *end = p + strlen (p);

  if (task_item && (g_str_has_prefix (p, "[ ] ") || g_str_has_prefix (p, "[x] ")
                    || g_str_has_prefix (p, "[X] ")))
    p += 4;
  while (p < end)
    {
      const char *after;
      Tag tag;

      if (*p == '[' && p + 2 < end && p[1] == '^')
        {
          const char *close = memchr (p + 2, ']', MIN (end - p - 2, 64));

          if (close != NULL && close > p + 2 && memchr (p + 2, ' ', close - p - 2) == NULL)
            {
              p = close + 1;
              continue;
            }
        }
      if (*p == '~' && p + 1 < end && p[1] == '~')
        {
          while (p < end && *p == '~')
            p++;
          continue;
        }
      if (*p == '<' && (after = tag_end (p, end, &tag)) != NULL && tag.namespaced)
        {
          p = after;
          continue;
        }
      g_string_append_c (out, *p++);
    }
}

/* ------------------------------------------------------------------ */
/* The walk                                                           */

typedef struct
{
  GArray   *lines;
  gboolean  blank;
  GString  *line;          /* the line being built */
  GString  *pending;       /* text of the line not yet cleaned */
  guint     heading;
  gboolean  list_item;     /* the line being built starts a list item */
  gboolean  item_start;    /* the next paragraph starts a list item */
  gboolean  soft_break;    /* the line being built follows a soft line break */
  gboolean  table_row;     /* the line before was a row of a pipe table */
  int       first_h1;
  int       first_heading;
  /* inline <script> or <style> */
  RawKind   skip;
  guint     n_html;        /* inline HTML seen in this paragraph */
  guint     last_end[N_RAW];  /* the last end tag of each in it, counted from 1 */
} Walk;

static void
flush_pending (Walk *w)
{
  if (w->pending->len == 0)
    return;
  append_clean_text (w->line, w->pending->str, w->list_item && w->line->len == 0);
  g_string_truncate (w->pending, 0);
}

/* "| a | b |": CommonMark has no tables, so their rows are the lines of
 * one paragraph; they stay apart all the same. */
static gboolean
is_table_row (const char *s,
              gsize       len)
{
  while (len > 0 && g_ascii_isspace (s[len - 1]))
    len--;
  while (len > 0 && g_ascii_isspace (*s))
    {
      s++;
      len--;
    }
  return len >= 2 && s[0] == '|' && s[len - 1] == '|';
}

static void
flush_line (Walk *w)
{
  guint index = w->lines->len;
  gboolean row;

  flush_pending (w);
  row = is_table_row (w->line->str, w->line->len);
  if (_dossier_text_lines_append (w->lines, w->line->str, w->line->len, &w->blank,
                                  w->heading, w->list_item, w->soft_break && !row && !w->table_row)
      && w->heading > 0)
    {
      if (w->heading == 1 && w->first_h1 < 0)
        w->first_h1 = (int) index;
      if (w->first_heading < 0)
        w->first_heading = (int) index;
    }
  g_string_truncate (w->line, 0);
  w->list_item = FALSE;
  w->table_row = row;
}

/* Each line of @text (a code or an HTML block) as a line. */
static void
append_block_lines (Walk       *w,
                    const char *text,
                    gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  w->blank = TRUE;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;

      _dossier_text_lines_append (w->lines, p, stop - p, &w->blank, 0, FALSE, FALSE);
      p = stop + 1;
    }
  w->blank = TRUE;
}

static RawKind
end_tag_kind (const char *html)
{
  const char *end = html + strlen (html);
  Tag tag;

  if (*html == '<' && tag_end (html, end, &tag) != NULL && tag.closing)
    return raw_kind (&tag);
  return RAW_NONE;
}

static void
start_paragraph (Walk       *w,
                 cmark_node *node)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;
  guint n = 0;

  w->blank = TRUE;
  w->list_item = w->item_start;
  w->soft_break = FALSE;
  w->table_row = FALSE;
  w->item_start = FALSE;
  w->heading = cmark_node_get_type (node) == CMARK_NODE_HEADING ? (guint) cmark_node_get_heading_level (node) : 0;
  w->skip = RAW_NONE;
  w->n_html = 0;
  memset (w->last_end, 0, sizeof w->last_end);
  /* where the end tags of inline <script> and <style> are */
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (child) == CMARK_NODE_HTML_INLINE)
        {
          RawKind kind = end_tag_kind (cmark_node_get_literal (child));

          n++;
          if (kind != RAW_NONE)
            w->last_end[kind] = n;
        }
    }
  cmark_iter_free (iter);
}

static void
inline_html (Walk       *w,
             const char *html)
{
  const char *end = html + strlen (html);
  const char *after;
  Tag tag;

  w->n_html++;
  if (w->skip != RAW_NONE)
    {
      if (end_tag_kind (html) == w->skip)
        w->skip = RAW_NONE;
      return;
    }
  if (html[0] == '<' && (html[1] == '!' || html[1] == '?'))
    return;                 /* comments, declarations, processing instructions */
  if ((after = tag_end (html, end, &tag)) == NULL || !tag_is_html (&tag))
    {
      g_string_append (w->pending, html);   /* "<Ctrl>" is prose */
      return;
    }
  if (!tag.closing && raw_kind (&tag) != RAW_NONE && w->last_end[raw_kind (&tag)] > w->n_html)
    w->skip = raw_kind (&tag);
  else if (tag_is (&tag, "br"))
    g_string_append_c (w->pending, ' ');
}

static gboolean
is_unsafe_url (const char *url)
{
  static const char * const schemes[] = { "javascript:", "vbscript:", "data:" };
  g_autoptr(GString) scheme = g_string_new (NULL);

  /* browsers skip spaces and control characters inside a scheme */
  for (; url != NULL && *url != '\0' && *url != ':' && scheme->len < 16; url++)
    if ((guchar) *url > ' ')
      g_string_append_c (scheme, g_ascii_tolower (*url));
  if (url == NULL || *url != ':')
    return FALSE;
  g_string_append_c (scheme, ':');
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (strcmp (scheme->str, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The text of a link that is one piece of text, else NULL. */
static const char *
link_text (cmark_node *link)
{
  cmark_node *child = cmark_node_first_child (link);

  if (child == NULL || cmark_node_next (child) != NULL || cmark_node_get_type (child) != CMARK_NODE_TEXT)
    return NULL;
  return cmark_node_get_literal (child);
}

static void
walk_document (Walk       *w,
               cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = event == CMARK_EVENT_ENTER;
      const char *literal = cmark_node_get_literal (node);

      if (w->skip != RAW_NONE && cmark_node_get_type (node) != CMARK_NODE_HTML_INLINE
          && cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH
          && cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_ITEM:
          w->item_start = enter;
          break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (enter)
            start_paragraph (w, node);
          else
            {
              flush_line (w);
              w->skip = RAW_NONE;
              w->heading = 0;
              w->blank = TRUE;
            }
          break;
        case CMARK_NODE_CODE_BLOCK:
          w->item_start = FALSE;
          append_block_lines (w, literal, literal ? strlen (literal) : 0);
          break;
        case CMARK_NODE_HTML_BLOCK:
          {
            g_autoptr(GString) text = g_string_new (NULL);

            w->item_start = FALSE;
            append_html_text (text, literal, literal ? strlen (literal) : 0);
            append_block_lines (w, text->str, text->len);
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          w->blank = TRUE;
          break;
        case CMARK_NODE_TEXT:
          g_string_append (w->pending, literal);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (w->heading > 0)
            g_string_append_c (w->pending, ' ');
          else
            {
              flush_line (w);
              /* a hard break ("  " or "\" at the end) keeps its line apart */
              w->soft_break = cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK;
            }
          break;
        case CMARK_NODE_CODE:
          flush_pending (w);
          g_string_append (w->line, literal);
          break;
        case CMARK_NODE_HTML_INLINE:
          inline_html (w, literal);
          break;
        case CMARK_NODE_LINK:
          flush_pending (w);
          /* "<javascript:…>": its text is the address */
          if (enter && is_unsafe_url (cmark_node_get_url (node))
              && g_strcmp0 (cmark_node_get_url (node), link_text (node)) == 0)
            cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          break;
        case CMARK_NODE_IMAGE:
          /* images are not article text */
          if (enter)
            {
              flush_pending (w);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
}

DossierExtracted *
dossier_markdown_extract (const char  *utf8,
                          gsize        len,
                          const char  *filename,
                          GError     **error)
{
  DossierTextHints hints = DOSSIER_TEXT_HINTS_INIT;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  Walk w = { 0, };
  cmark_node *document;
  DossierExtracted *result;
  gsize offset;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  offset = parse_front_matter (utf8 ? utf8 : "", len, &hints);
  w.lines = _dossier_text_lines_new ();
  w.blank = TRUE;
  w.line = line;
  w.pending = pending;
  w.first_h1 = w.first_heading = -1;

  document = dossier_markdown_parse (utf8 ? utf8 + offset : "", len - offset);
  walk_document (&w, document);
  cmark_node_free (document);

  if (w.first_h1 < 0 && w.first_heading >= 0 && w.first_heading < 3)
    w.first_h1 = w.first_heading;
  result = _dossier_text_extract_lines (w.lines, &hints, w.first_h1, filename, error);
  _dossier_text_hints_clear (&hints);
  g_array_unref (w.lines);
  return result;
}
