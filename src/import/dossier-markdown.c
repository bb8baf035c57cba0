/* dossier-markdown.c — notes rendered from CommonMark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark parses; the two renderers here walk its tree and write every
 * piece of the note's text escaped.  Raw HTML in a note is shown as the
 * text the user typed, and a link whose address is not http(s) or mailto
 * stays the Markdown that was typed, so neither renderer ever emits markup
 * it did not write itself.
 */
#define G_LOG_DOMAIN "dossier-markdown"

#include "config.h"

#include <string.h>

#include "dossier-markdown.h"

cmark_node *
dossier_markdown_parse (const char *markdown,
                        gssize      len)
{
  if (markdown == NULL)
    markdown = "";
  if (len < 0)
    len = strlen (markdown);
  return cmark_parse_document (markdown, len, CMARK_OPT_VALIDATE_UTF8);
}

static gboolean
is_safe_url (const char *url)
{
  return url != NULL
         && (g_ascii_strncasecmp (url, "http://", 7) == 0
             || g_ascii_strncasecmp (url, "https://", 8) == 0
             || g_ascii_strncasecmp (url, "mailto:", 7) == 0);
}

/* "<https://…>" and "<me@example.org>": the link's text is its address. */
static gboolean
is_autolink (cmark_node *link)
{
  cmark_node *child = cmark_node_first_child (link);
  const char *url = cmark_node_get_url (link);
  const char *text;

  if (child == NULL || cmark_node_next (child) != NULL || cmark_node_get_type (child) != CMARK_NODE_TEXT)
    return FALSE;
  text = cmark_node_get_literal (child);
  if (url == NULL || text == NULL)
    return FALSE;
  return strcmp (url, text) == 0
         || (g_str_has_prefix (url, "mailto:") && strcmp (url + 7, text) == 0);
}

/* A literal without its last newline (code and HTML blocks end with one). */
static gsize
chomped_length (const char *s)
{
  gsize n = s ? strlen (s) : 0;

  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  return n;
}

/* A block after its previous sibling: on the next line, or after a blank
 * one as the note had it. */
static gboolean
follows_blank_line (cmark_node *node)
{
  cmark_node *prev = cmark_node_previous (node);
  int end;

  if (prev == NULL)
    return FALSE;
  /* a block that took the blank lines after it ends at column 0 of the
   * line after them */
  end = cmark_node_get_end_line (prev);
  if (cmark_node_get_end_column (prev) == 0)
    end--;
  return cmark_node_get_start_line (node) > end + 1;
}

typedef void (*AppendEscaped) (GString    *out,
                               const char *s,
                               gssize      len);

/* A link in either markup (both escape as HTML does for "<a href>"): an
 * http(s) or mailto address becomes a link, an autolink to anything else
 * is shown as typed in <>, and any other link stays the Markdown that was
 * typed, "[text](address)". */
static void
append_link (GString       *out,
             cmark_iter    *iter,
             cmark_node    *node,
             gboolean       enter,
             AppendEscaped  escape)
{
  const char *url = cmark_node_get_url (node);

  if (is_safe_url (url))
    {
      if (enter)
        {
          g_string_append (out, "<a href=\"");
          escape (out, url, -1);
          g_string_append (out, "\">");
        }
      else
        g_string_append (out, "</a>");
    }
  else if (is_autolink (node))
    {
      /* its text is its address */
      g_string_append (out, "&lt;");
      escape (out, url, -1);
      g_string_append (out, "&gt;");
      cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
    }
  else if (enter)
    g_string_append_c (out, '[');
  else
    {
      g_string_append (out, "](");
      escape (out, url, -1);
      g_string_append_c (out, ')');
    }
}

/* --- Pango markup --------------------------------------------------------- */

static void
append_pango_escaped (GString    *out,
                      const char *s,
                      gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (s ? s : "", s ? len : 0);

  g_string_append (out, escaped);
}

static gboolean
is_block (cmark_node_type type)
{
  return type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK;
}

/* A space between two pieces of text, never two, none at the start */
static void
append_gap (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* @s with its line breaks and tabs made spaces */
static void
append_flat (GString    *out,
             const char *s)
{
  for (const char *p = s; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        append_gap (out);
      else
        g_string_append_c (out, *p);
    }
}

char *
dossier_markdown_to_text (const char *markdown)
{
  cmark_node *document = dossier_markdown_parse (markdown, -1);
  cmark_iter *iter = cmark_iter_new (document);
  GString *out = g_string_new (NULL);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_EXIT)
        {
          if (is_block (type))
            append_gap (out);
          continue;
        }
      switch (type)
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          append_flat (out, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          append_gap (out);
          append_flat (out, cmark_node_get_literal (node));
          append_gap (out);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          append_gap (out);
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
render_pango (GString    *out,
              cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));  /* per open list */
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      gboolean enter = event == CMARK_EVENT_ENTER;
      const char *literal = cmark_node_get_literal (node);

      if (enter && type != CMARK_NODE_DOCUMENT && is_block (type) && cmark_node_previous (node) != NULL)
        g_string_append (out, follows_blank_line (node) ? "\n\n" : "\n");

      switch (type)
        {
        case CMARK_NODE_HEADING:
        case CMARK_NODE_STRONG:
          g_string_append (out, enter ? "<b>" : "</b>");
          break;
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_EMPH:
          g_string_append (out, enter ? "<i>" : "</i>");
          break;
        case CMARK_NODE_LIST:
          if (enter)
            {
              int start = cmark_node_get_list_start (node);

              g_array_append_val (numbers, start);
            }
          else
            g_array_set_size (numbers, numbers->len - 1);
          break;
        case CMARK_NODE_ITEM:
          if (enter && numbers->len > 0)
            {
              cmark_node *list = cmark_node_parent (node);

              for (guint i = 1; i < numbers->len; i++)
                g_string_append (out, "  ");
              if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
                g_string_append_printf (out, "%d%c ", g_array_index (numbers, int, numbers->len - 1)++,
                                        cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.');
              else
                g_string_append (out, "• ");
            }
          break;
        case CMARK_NODE_CODE_BLOCK:
          g_string_append (out, "<tt>");
          append_pango_escaped (out, literal, chomped_length (literal));
          g_string_append (out, "</tt>");
          break;
        case CMARK_NODE_HTML_BLOCK:
          append_pango_escaped (out, literal, chomped_length (literal));
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          g_string_append (out, "———");
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          append_pango_escaped (out, literal, -1);
          break;
        case CMARK_NODE_CODE:
          g_string_append (out, "<tt>");
          append_pango_escaped (out, literal, -1);
          g_string_append (out, "</tt>");
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_LINK:
          append_link (out, iter, node, enter, append_pango_escaped);
          break;
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_IMAGE:      /* its text only */
        default:
          break;
        }
    }
  cmark_iter_free (iter);
}

char *
dossier_markdown_to_pango (const char *markdown,
                           int         max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = NULL;
  gboolean cut = FALSE;
  cmark_node *document;

  if (markdown == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (markdown, -1);
  if (max_chars >= 0 && g_utf8_strlen (valid, max_chars + 1) > max_chars)
    {
      char *short_text = g_utf8_substring (valid, 0, max_chars);

      g_free (valid);
      valid = short_text;
      cut = TRUE;
    }
  document = dossier_markdown_parse (valid, -1);
  render_pango (out, document);
  cmark_node_free (document);
  if (cut)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- HTML ----------------------------------------------------------------- */

void
dossier_markdown_append_html_escaped (GString    *out,
                                      const char *s,
                                      gssize      len)
{
  const char *end;

  if (s == NULL)
    return;
  end = s + (len < 0 ? strlen (s) : (gsize) len);
  for (; s < end; s++)
    {
      switch (*s)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          if (((guchar) *s < 0x20 && *s != '\n' && *s != '\t') || *s == 0x7f)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *s);
        }
    }
}

/* A paragraph of a tight list item has no <p>. */
static gboolean
in_tight_item (cmark_node *paragraph)
{
  cmark_node *item = cmark_node_parent (paragraph);

  return item != NULL && cmark_node_get_type (item) == CMARK_NODE_ITEM
         && cmark_node_get_list_tight (cmark_node_parent (item));
}

static void
render_html (GString    *out,
             cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = event == CMARK_EVENT_ENTER;
      const char *literal = cmark_node_get_literal (node);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          if (!in_tight_item (node))
            g_string_append (out, enter ? "<p>" : "</p>\n");
          break;
        case CMARK_NODE_HEADING:
          g_string_append (out, enter ? "<p><strong>" : "</strong></p>\n");
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          g_string_append (out, enter ? "<blockquote>\n" : "</blockquote>\n");
          break;
        case CMARK_NODE_LIST:
          {
            gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
            int start = cmark_node_get_list_start (node);

            if (!enter)
              g_string_append (out, ordered ? "</ol>\n" : "</ul>\n");
            else if (ordered && start != 1)
              g_string_append_printf (out, "<ol start=\"%d\">\n", start);
            else
              g_string_append (out, ordered ? "<ol>\n" : "<ul>\n");
          }
          break;
        case CMARK_NODE_ITEM:
          if (enter)
            g_string_append (out, "<li>");
          else
            g_string_append (out, cmark_node_next (node) ? "</li>\n" : "</li>");
          break;
        case CMARK_NODE_CODE_BLOCK:
          g_string_append (out, "<pre><code>");
          dossier_markdown_append_html_escaped (out, literal, -1);
          g_string_append (out, "</code></pre>\n");
          break;
        case CMARK_NODE_HTML_BLOCK:
          {
            g_auto(GStrv) lines = g_strsplit (literal ? literal : "", "\n", -1);
            guint n = g_strv_length (lines);

            /* shown as the text that was typed, line by line */
            while (n > 0 && *g_strchomp (lines[n - 1]) == '\0')
              n--;
            g_string_append (out, "<p>");
            for (guint i = 0; i < n; i++)
              {
                if (i > 0)
                  g_string_append (out, "<br>\n");
                dossier_markdown_append_html_escaped (out, g_strchomp (lines[i]), -1);
              }
            g_string_append (out, "</p>\n");
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          g_string_append (out, "<hr>\n");
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          dossier_markdown_append_html_escaped (out, literal, -1);
          break;
        case CMARK_NODE_CODE:
          g_string_append (out, "<code>");
          dossier_markdown_append_html_escaped (out, literal, -1);
          g_string_append (out, "</code>");
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append (out, "<br>\n");
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out, enter ? "<em>" : "</em>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (out, enter ? "<strong>" : "</strong>");
          break;
        case CMARK_NODE_LINK:
          append_link (out, iter, node, enter, dossier_markdown_append_html_escaped);
          break;
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_IMAGE:      /* its text only: a note loads nothing */
        default:
          break;
        }
    }
  cmark_iter_free (iter);
}

void
dossier_markdown_append_html (GString    *out,
                              const char *markdown)
{
  g_autofree char *valid = NULL;
  cmark_node *document;

  g_return_if_fail (out != NULL);

  valid = g_utf8_make_valid (markdown ? markdown : "", -1);
  document = dossier_markdown_parse (valid, -1);
  render_html (out, document);
  cmark_node_free (document);
}
