/* dossier-export-markdown.c — notes as CommonMark, Obsidian-friendly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per article: YAML front matter, a heading, then each highlight as a block
 * quote, its note below it (the user's own Markdown, kept as written), and a
 * line with its #tags and a dossier:// link.  Text that comes from the
 * article (titles, quotes) is escaped so that it never turns into markup;
 * a note is the user's Markdown, but a code fence or HTML block it leaves
 * open is closed so it cannot swallow the rest of the file.
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-export-private.h"

/* --- YAML ----------------------------------------------------------- */

/* A YAML double-quoted scalar: safe for any text. */
static void
append_yaml_string (GString    *out,
                    const char *text)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8: cannot happen with what the library stores */
          g_string_append (out, "\\uFFFD");
          continue;
        }
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          /* C0, DEL, C1, the Unicode line separators and BOM */
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  g_string_append_c (out, '"');
}

/* --- escaping article text -------------------------------------------- */

/* Appends one line of article text as literal inline text. */
static void
append_md_line (GString    *out,
                const char *line,
                gsize       len)
{
  const char *p = line, *end = line + len;
  gboolean at_start = TRUE;

  /* leading white space would make an indented code block */
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  /* trailing white space would make a hard line break */
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;

  /* ordered list markers: "1984. " or "2) " at the start of a line */
  if (p < end && g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (q < end && g_ascii_isdigit (*q))
        q++;
      if (q < end && (*q == '.' || *q == ')') && q - p <= 9)
        {
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\\');
          p = q;
        }
    }

  for (; p < end; p++)
    {
      char c = *p;

      switch (c)
        {
        /* CommonMark inline markup, and Obsidian's (#tags, ==marks==,
         * $math$, ~~strike~~, %%comments%%, | tables) */
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '#': case '$': case '~': case '|':
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        case '&':
          /* only what could start an entity */
          if (p + 1 < end && (g_ascii_isalnum (p[1]) || p[1] == '#'))
            g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        case '=': case '%':
          if (at_start || (p + 1 < end && p[1] == c))
            g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        case '>': case '-': case '+':
          if (at_start)
            g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        case '!':
          g_string_append_c (out, c);
          break;
        default:
          /* control characters have no business in a note file */
          if ((guchar) c < 0x20 || c == 0x7f)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, c);
        }
      at_start = FALSE;
    }
}

/* Article text (possibly several paragraphs) on lines starting with
 * @prefix ("> " in a quote, "" elsewhere); blank lines between paragraphs
 * become a bare @prefix with its trailing space removed. */
static void
append_md_text (GString    *out,
                const char *text,
                const char *prefix)
{
  g_autofree char *bare = g_strchomp (g_strdup (prefix));
  const char *p = text ? text : "";
  gboolean pending_blank = FALSE, any = FALSE;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl ? (gsize) (nl - p) : strlen (p);
      gboolean blank = TRUE;

      for (gsize i = 0; i < len; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
          {
            blank = FALSE;
            break;
          }
      if (blank)
        pending_blank = any;
      else
        {
          if (pending_blank)
            g_string_append_printf (out, "%s\n", bare);
          g_string_append (out, prefix);
          append_md_line (out, p, len);
          g_string_append_c (out, '\n');
          pending_blank = FALSE;
          any = TRUE;
        }
      p += len;
      if (*p == '\n')
        p++;
    }
  if (!any)
    g_string_append_printf (out, "%s\n", bare);
}

/* One line of article text, for headings and metadata lines. */
static void
append_md_inline (GString    *out,
                  const char *text)
{
  g_autofree char *flat = g_strdup (text ? text : "");

  for (char *p = flat; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  append_md_line (out, flat, strlen (flat));
}

/* A link destination that survives any URL: <…> with <, > and \ escaped. */
static void
append_md_destination (GString    *out,
                       const char *url)
{
  g_string_append_c (out, '<');
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append (out, "%20");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '>');
}

/* --- the user's note -------------------------------------------------- */

static gboolean
fence_at (const char  *line,
          gsize        len,
          char        *fence_char,
          gsize       *fence_len)
{
  gsize i = 0, n = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '`' && line[i] != '~'))
    return FALSE;
  while (i + n < len && line[i + n] == line[i])
    n++;
  if (n < 3)
    return FALSE;
  *fence_char = line[i];
  *fence_len = n;
  return TRUE;
}

/* HTML blocks of kinds 1–5 end only at a matching end marker, so an
 * unclosed one would swallow the rest of the file: escape their '<'. */
static gboolean
starts_long_html_block (const char *line,
                        gsize       len)
{
  static const char * const starts[] = {
    "<script", "<pre", "<style", "<textarea", "<!--", "<?", "<!", NULL
  };
  gsize i = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  for (guint k = 0; starts[k] != NULL; k++)
    if (len - i >= strlen (starts[k]) &&
        g_ascii_strncasecmp (line + i, starts[k], strlen (starts[k])) == 0)
      return TRUE;
  return FALSE;
}

static void
append_md_note (GString    *out,
                const char *note)
{
  const char *p = note;
  char open_char = 0;
  gsize open_len = 0;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl ? (gsize) (nl - p) : strlen (p);
      char fc;
      gsize fl;

      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (fence_at (p, len, &fc, &fl))
        {
          if (open_char == 0)
            {
              open_char = fc;
              open_len = fl;
            }
          else if (fc == open_char && fl >= open_len)
            open_char = 0;
        }
      else if (open_char == 0 && starts_long_html_block (p, len))
        g_string_append_c (out, '\\');

      for (gsize i = 0; i < len; i++)
        {
          char c = p[i];

          if (((guchar) c < 0x20 && c != '\t') || c == 0x7f)
            c = ' ';
          g_string_append_c (out, c);
        }
      g_string_append_c (out, '\n');
      p += (nl ? (gsize) (nl - p) + 1 : strlen (p));
    }
  if (open_char != 0)
    {
      for (gsize i = 0; i < open_len; i++)
        g_string_append_c (out, open_char);
      g_string_append_c (out, '\n');
    }
}

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* --- tags ------------------------------------------------------------- */

char *
_dossier_export_markdown_tag (const char *tag)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE, digits_only = TRUE;

  for (const char *p = tag ? tag : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || c == '/' || g_unichar_ismark (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_unichar (out, c);
          if (!g_unichar_isdigit (c))
            digits_only = FALSE;
        }
      else
        dash = TRUE;   /* spaces, '#', punctuation: one '-' */
    }
  /* Obsidian wants at least one non-digit */
  if (out->len > 0 && digits_only)
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

/* --- pieces ------------------------------------------------------------ */

static void
append_tags_and_link (GString           *out,
                      DossierArticle    *article,
                      DossierAnnotation *annotation)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);
  g_autofree char *uri = dossier_export_uri_for_annotation (dossier_article_get_id (article),
                                                            dossier_annotation_get_uuid (annotation));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = _dossier_export_markdown_tag (tags[i]);

      if (*tag == '\0')
        continue;
      g_string_append_printf (out, "#%s ", tag);
    }
  if (dossier_annotation_get_orphan (annotation))
    g_string_append_printf (out, "*%s* ", _("(no longer found in the article’s text)"));
  g_string_append_printf (out, "[%s](%s)\n", _("Open in Dossier"), uri);
}

static void
append_annotation (GString           *out,
                   DossierArticle    *article,
                   DossierAnnotation *annotation,
                   gboolean           attribution)
{
  const char *note = dossier_annotation_get_note (annotation);

  append_md_text (out, dossier_annotation_get_quote (annotation), "> ");
  if (attribution)
    {
      g_autofree char *date = _dossier_export_format_published (article);
      const char *source = dossier_article_get_source (article);

      g_string_append (out, ">\n> — ");
      append_md_inline (out, has_text (dossier_article_get_title (article))
                               ? dossier_article_get_title (article) : _("Untitled"));
      if (has_text (source))
        {
          g_string_append (out, ", *");
          append_md_inline (out, source);
          g_string_append_c (out, '*');
        }
      if (date != NULL)
        g_string_append_printf (out, ", %s", date);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  if (has_text (note))
    {
      append_md_note (out, note);
      g_string_append_c (out, '\n');
    }
  append_tags_and_link (out, article, annotation);
}

/* "Source · 15 April 2013 · by Byline · [Original](<url>)" */
static void
append_metadata_line (GString        *out,
                      DossierArticle *article)
{
  g_autofree char *date = _dossier_export_format_published (article);
  const char *source = dossier_article_get_source (article);
  const char *byline = dossier_article_get_byline (article);
  const char *url = dossier_article_get_url (article);
  g_autofree char *uri = dossier_export_uri_for_annotation (dossier_article_get_id (article), NULL);
  gboolean any = FALSE;

  if (has_text (source))
    {
      g_string_append_c (out, '*');
      append_md_inline (out, source);
      g_string_append_c (out, '*');
      any = TRUE;
    }
  if (date != NULL)
    {
      g_string_append_printf (out, "%s%s", any ? " · " : "", date);
      any = TRUE;
    }
  if (has_text (byline))
    {
      g_string_append (out, any ? " · " : "");
      append_md_inline (out, byline);
      any = TRUE;
    }
  if (has_text (url))
    {
      g_string_append_printf (out, "%s[%s](", any ? " · " : "", _("Original article"));
      append_md_destination (out, url);
      g_string_append_c (out, ')');
      any = TRUE;
    }
  g_string_append_printf (out, "%s[%s](%s)\n", any ? " · " : "", _("Open in Dossier"), uri);
}

/* The article's own tags, then its notes' (each once). */
static char **
collect_tags (DossierArticle *article,
              GPtrArray      *annotations)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = annotations != NULL ? annotations->len : 0;

  for (guint i = 0; i <= n; i++)
    {
      const char * const *tags = i == 0 ? dossier_article_get_tags (article)
                                        : dossier_annotation_get_tags (g_ptr_array_index (annotations, i - 1));

      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        {
          g_autofree char *tag = _dossier_export_markdown_tag (tags[t]);
          g_autofree char *key = g_utf8_casefold (tag, -1);

          if (*tag == '\0' || g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          g_strv_builder_add (builder, tag);
        }
    }
  return g_strv_builder_end (builder);
}

void
_dossier_export_markdown_article (GString        *out,
                                  DossierArticle *article,
                                  GPtrArray      *annotations,
                                  gboolean        standalone)
{
  const char *title = dossier_article_get_title (article);

  if (!has_text (title))
    title = _("Untitled");

  if (standalone)
    {
      g_auto(GStrv) tags = collect_tags (article, annotations);
      const DossierDate *date = dossier_article_get_published (article);
      g_autofree char *published = dossier_article_dup_published_string (article);
      const char *fields[][2] = {
        { "title", title },
        { "source", dossier_article_get_source (article) },
        { "byline", dossier_article_get_byline (article) },
        { "url", dossier_article_get_url (article) },
      };

      g_string_append (out, "---\n");
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (!has_text (fields[i][1]))
            continue;
          g_string_append_printf (out, "%s: ", fields[i][0]);
          append_yaml_string (out, fields[i][1]);
          g_string_append_c (out, '\n');
        }
      /* a full date unquoted, so Obsidian sees a date property */
      if (published != NULL && date->precision == DOSSIER_DATE_PRECISION_DAY)
        g_string_append_printf (out, "published: %s\n", published);
      else if (published != NULL)
        g_string_append_printf (out, "published: \"%s\"\n", published);
      if (tags[0] != NULL)
        {
          g_string_append (out, "tags:\n");
          for (guint i = 0; tags[i] != NULL; i++)
            {
              g_string_append (out, "  - ");
              append_yaml_string (out, tags[i]);
              g_string_append_c (out, '\n');
            }
        }
      g_string_append_printf (out, "dossier-id: %" G_GINT64_FORMAT "\n",
                              dossier_article_get_id (article));
      g_string_append_printf (out, "notes: %u\n", annotations ? annotations->len : 0);
      g_string_append (out, "---\n\n# ");
    }
  else
    g_string_append (out, "## ");
  append_md_inline (out, title);
  g_string_append (out, "\n\n");
  append_metadata_line (out, article);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      g_string_append_c (out, '\n');
      append_annotation (out, article, g_ptr_array_index (annotations, i), FALSE);
    }
}

void
_dossier_export_markdown_combined (GString                    *out,
                                   GPtrArray                  *entries,
                                   const DossierExportOptions *options)
{
  const char *title = options && options->title ? options->title : _("Notes from Dossier");
  g_autofree char *generated = dossier_timestamp_to_iso (options && options->generated
                                                         ? options->generated : g_get_real_time ());
  guint n_notes = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      n_notes += e->annotations ? e->annotations->len : 0;
    }

  g_string_append (out, "---\ntitle: ");
  append_yaml_string (out, title);
  g_string_append (out, "\n");
  if (options && has_text (options->scope))
    {
      g_string_append (out, "scope: ");
      append_yaml_string (out, options->scope);
      g_string_append (out, "\n");
    }
  g_string_append_printf (out, "generator: Dossier\nexported: %s\narticles: %u\nnotes: %u\n---\n\n# ",
                          generated, entries->len, n_notes);
  append_md_inline (out, title);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      g_string_append_c (out, '\n');
      _dossier_export_markdown_article (out, e->article, e->annotations, FALSE);
    }
}

/* --- the checksum trailer ------------------------------------------------ */

void
_dossier_export_markdown_seal (GString *out)
{
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) out->str, out->len);

  g_string_append_printf (out, "\n%s%s%s", DOSSIER_EXPORT_MD_TRAILER_START, sum,
                          DOSSIER_EXPORT_MD_TRAILER_END);
}

gboolean
_dossier_export_markdown_is_pristine (const char *data,
                                      gsize       len,
                                      gint64     *article_id)
{
  gsize tail = strlen (DOSSIER_EXPORT_MD_TRAILER_START) + 64 + strlen (DOSSIER_EXPORT_MD_TRAILER_END);
  const char *trailer, *sum;
  g_autofree char *expected = NULL;

  *article_id = 0;
  /* the blank line before the trailer belongs to neither part */
  if (len < tail + 1)
    return FALSE;
  trailer = data + len - tail;
  if (trailer[-1] != '\n' ||
      strncmp (trailer, DOSSIER_EXPORT_MD_TRAILER_START, strlen (DOSSIER_EXPORT_MD_TRAILER_START)) != 0 ||
      strncmp (data + len - strlen (DOSSIER_EXPORT_MD_TRAILER_END), DOSSIER_EXPORT_MD_TRAILER_END,
               strlen (DOSSIER_EXPORT_MD_TRAILER_END)) != 0)
    return FALSE;
  sum = trailer + strlen (DOSSIER_EXPORT_MD_TRAILER_START);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                          (trailer - 1) - data);
  if (strncmp (expected, sum, 64) != 0)
    return FALSE;

  /* the front matter comes first, and is ours */
  if (len > 4 && strncmp (data, "---\n", 4) == 0)
    {
      const char *end = g_strstr_len (data + 4, trailer - data - 4, "\n---\n");
      const char *id = g_strstr_len (data, end ? end - data : 0, "\ndossier-id: ");

      if (id != NULL)
        *article_id = g_ascii_strtoll (id + strlen ("\ndossier-id: "), NULL, 10);
    }
  return TRUE;
}

/* --- public ------------------------------------------------------------- */

char *
dossier_export_markdown_for_annotation (DossierArticle    *article,
                                        DossierAnnotation *annotation)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), NULL);

  append_annotation (out, article, annotation, TRUE);
  return g_string_free (out, FALSE);
}

char *
dossier_export_markdown_for_article (DossierArticle *article,
                                     GPtrArray      *annotations)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  _dossier_export_markdown_article (out, article, annotations, TRUE);
  return g_string_free (out, FALSE);
}
