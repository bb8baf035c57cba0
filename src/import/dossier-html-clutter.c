/* dossier-html-clutter.c — the clutter news pages put around and inside an
 * article: further articles appended after it, and paragraphs that are
 * page furniture rather than text (gallery counters and credits, share and
 * newsletter prompts, breadcrumbs, date lines, "Read more" links, lists of
 * related articles, author bios, copyright lines)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree pass runs on the article the content finder chose; the text pass
 * on the paragraphs it was rendered to, where each paragraph is judged by
 * its words and its place (before the first real paragraph, after the last).
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* A paragraph with at least this many characters is article text. */
#define REAL_PARAGRAPH 100
/* No test below takes a paragraph this long for clutter. */
#define LONG_PARAGRAPH 400

/* Further articles */

static gboolean
has_article_ancestor (xmlNode *node,
                      xmlNode *root)
{
  for (node = node->parent; node != NULL && node != root; node = node->parent)
    if (_dossier_html_has_tag (node, "article"))
      return TRUE;
  return FALSE;
}

/* A stream page (a live blog of short stories, a story with the next one
 * loaded below it) puts several <article> elements in the block the content
 * finder picks.  The first is the page's own; the others go.  Articles too
 * short to be stories (teasers, comments) do not make a stream. */
void
_dossier_html_keep_first_article (xmlNode *root)
{
  g_autoptr(GPtrArray) all = _dossier_html_collect_tags (root, "article");
  g_autoptr(GPtrArray) stories = g_ptr_array_new ();
  gsize total, in_stories = 0;
  guint i;

  if (_dossier_html_has_tag (root, "article"))
    return;
  for (i = 0; i < all->len; i++)
    {
      xmlNode *node = all->pdata[i];
      gsize len;

      if (has_article_ancestor (node, root))
        continue;
      len = _dossier_html_inner_text_length (node, NULL);
      if (len >= CHAR_THRESHOLD)
        {
          g_ptr_array_add (stories, node);
          in_stories += len;
        }
    }
  if (stories->len < 2)
    return;
  total = _dossier_html_inner_text_length (root, NULL);
  /* the articles must be the block's content, not a few cards in it */
  if ((double) in_stories < 0.8 * (double) total)
    return;
  for (i = 1; i < stories->len; i++)
    _dossier_html_remove_node (stories->pdata[i]);
}

/* Paragraph tests.  Each gets the paragraph lowercased, without a list
 * bullet, trimmed of white space and of trailing ":", ".", "…". */

static gboolean
in_list (const char         *s,
         const char * const *list)
{
  guint i;

  for (i = 0; list[i] != NULL; i++)
    if (strcmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_any (const char         *s,
                 const char * const *list)
{
  guint i;

  for (i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (s, list[i]))
      return TRUE;
  return FALSE;
}

/* Words that are a whole paragraph only as page furniture. */
static gboolean
is_furniture (const char *s)
{
  static const char * const words[] = {
    "story continues below advertisement", "continue reading below", "advertisement",
    "click to enlarge", "tap to enlarge", "close", "less", "more", "show more", "show less",
    "share", "share this", "share this article", "share this story", "tweet", "email",
    "print", "comments", "edit story", "loading", "sign up", "sign up now", "subscribe",
    "subscribe now", "be the first to know", "view gallery", "open gallery", "view comments",
    "back to top", "skip advert", "skip ad", "listen to this article", "enlarge this image",
    "toggle caption", "hide caption", "next", "previous", "prev", "next slide",
    "previous slide", "expand", "collapse", NULL
  };

  return in_list (s, words);
}

/* Headings of a list of other articles: the heading and the short lines
 * after it go. */
static gboolean
is_related_heading (const char *s,
                    const char *original)
{
  static const char * const words[] = {
    "related", "related articles", "related stories", "related content", "related posts",
    "related news", "related links", "related coverage", "also read", "read also",
    "read more", "read more on", "more from", "more stories", "more news", "most popular",
    "most read", "most viewed", "popular", "trending", "trending now", "recommended",
    "recommended for you", "you might be interested in", "you might also like",
    "you may also like", "you may like", "don't miss", "don’t miss", "must read",
    "filed under", "tags", "topics", "lesen sie auch", "mehr zum thema",
    "das könnte sie auch interessieren", "auch interessant", "à lire aussi", "lire aussi",
    "читайте также", "по теме", NULL
  };
  gsize len = strlen (s);

  if (in_list (s, words))
    return TRUE;
  /* "More on coronavirus:" before its links */
  return g_str_has_prefix (s, "more on ") && len < 40 && g_str_has_suffix (original, ":");
}

/* A link to another article put between paragraphs: "MORE: …",
 * "READ MORE: …", "[ Other story ]". */
static gboolean
is_link_line (const char *s,
              const char *original)
{
  static const char * const prefixes[] = {
    "more:", "more :", "read more:", "read more :", "see also:", "see also :", "also read:",
    "read also:", "related:", "related :", "recommended:", "watch:", "watch more:",
    "gallery:", "photos:", "video:", "listen:", "opinion:", "read next:", "up next:",
    "lesen sie auch:", "mehr zum thema:", "lire aussi :", "lire aussi:", "à lire aussi",
    "читайте также:", NULL
  };
  gsize len = strlen (s), olen;

  if (len < 220 && starts_with_any (s, prefixes))
    return TRUE;
  /* "See more speed reads", "See all stories" */
  if (len < 40 && (g_str_has_prefix (s, "see more ") || g_str_has_prefix (s, "see all ")))
    return TRUE;
  /* "[ Other story ]", "[Read: Other story]": a bracketed link to a story */
  if (g_str_has_prefix (original, "• "))
    original += strlen ("• ");
  olen = strlen (original);
  return olen >= 20 && olen < 220 && original[olen - 1] == ']' && strchr (original + 1, '[') == NULL
         && (g_str_has_prefix (original, "[ ") || g_str_has_prefix (s, "[read")
             || g_str_has_prefix (s, "[related") || g_str_has_prefix (s, "[see also")
             || g_str_has_prefix (s, "[more"));
}

/* "Image 1 of 8", "3/12", "Show all 50", "12 photos" */
static gboolean
is_gallery_counter (const char *s)
{
  static const char * const nouns[] = {
    "image", "images", "photo", "photos", "picture", "pictures", "slide", "slides",
    "bild", "bilder", "foto", "fotos", "item", NULL
  };
  g_auto(GStrv) words = g_strsplit_set (s, " /", -1);
  guint n = 0, numbers = 0, others = 0, i;
  gboolean of = FALSE, show_all = FALSE;
  guint64 first = 0, second = 0;

  for (i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      const char *p;

      if (*w == '\0')
        continue;
      n++;
      for (p = w; g_ascii_isdigit (*p); p++)
        ;
      if (*p == '\0')
        {
          numbers++;
          if (numbers == 1)
            first = g_ascii_strtoull (w, NULL, 10);
          else if (numbers == 2)
            second = g_ascii_strtoull (w, NULL, 10);
        }
      else if (strcmp (w, "of") == 0 || strcmp (w, "von") == 0 || strcmp (w, "de") == 0)
        of = TRUE;
      else if (in_list (w, nouns))
        ;
      else if ((strcmp (w, "show") == 0 || strcmp (w, "view") == 0 || strcmp (w, "see") == 0
                || strcmp (w, "all") == 0))
        show_all = TRUE;
      else
        others++;
    }
  if (others > 0 || n > 6 || numbers == 0)
    return FALSE;
  /* "3 of 12", "3/12", never "23/16" */
  if (numbers == 2 && (of || strchr (s, '/') != NULL))
    return first >= 1 && first <= second && second <= 500;
  return numbers == 1 && n >= 2 && (show_all || !of);
}

/* A photographer's or agency's credit standing alone. */
static gboolean
is_credit (const char *s)
{
  static const char * const prefixes[] = {
    "photo:", "photo credit", "photograph:", "photos:", "image:", "image credit",
    "picture:", "credit:", "credits:", "foto:", "bild:", "(photo:", "(image:", NULL
  };
  gsize len = strlen (s);

  return (len < 120 && starts_with_any (s, prefixes))
         || (len < 80 && g_str_has_prefix (s, "© provided by"));
}

static gboolean
is_prompt (const char *s)
{
  static const char * const phrases[] = {
    "newsletter", "your inbox", "sign up for", "sign-up", "subscribe to our",
    "download the app", "download our app", "get the app", "click here to watch",
    "follow us on", "follow me on", "like us on facebook", "get notified",
    "recaptcha", "enable javascript", "turn off your ad blocker", "ad blocker",
    NULL
  };

  return strlen (s) < 200 && _dossier_html_contains_any (s, phrases);
}

static gboolean
is_copyright (const char *s)
{
  gsize len = strlen (s);

  if (len >= 400)
    return FALSE;
  if ((g_str_has_prefix (s, "©") || g_str_has_prefix (s, "(c)") || g_str_has_prefix (s, "copyright")
       || g_str_has_prefix (s, "(copyright"))
      && len < 100 && strncmp (s, "© provided by", strlen ("© provided by")) != 0)
    return TRUE;
  return strstr (s, "all rights reserved") != NULL;
}

/* "Jane Doe is a reporter covering …", "I am a contributor …" */
static gboolean
is_bio (const char *s)
{
  static const char * const jobs[] = {
    "reporter", "writer", "journalist", "correspondent", "editor", "contributor",
    "columnist", "freelance", "author of", "producer", "anchor", NULL
  };
  static const char * const openings[] = {
    "i am a ", "i'm a ", "i’m a ", "i am an ", "contact reporter", "contact the author",
    "contact the writer", "email the author", "reach the reporter", "about the author", NULL
  };
  const char *is;
  guint words_before = 0;
  const char *p;

  if (strlen (s) >= 400)
    return FALSE;
  if (starts_with_any (s, openings))
    return TRUE;
  is = strstr (s, " is a ");
  if (is == NULL)
    is = strstr (s, " is an ");
  if (is == NULL)
    is = strstr (s, " is the ");
  if (is == NULL)
    return FALSE;
  for (p = s; p < is; p++)
    if (*p == ' ')
      words_before++;
  /* a name of up to four words, then what the person does */
  return words_before <= 3 && _dossier_html_contains_any (is, jobs);
}

/* Only dates and times: "March 16, 2020", "7:22 AM EDT", "Updated 9.45pm",
 * "17m", "Monday". */
static gboolean
is_date_line (const char *s)
{
  static const char * const words[] = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "januar", "februar", "märz", "mai", "juni",
    "juli", "oktober", "dezember", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm",
    "a", "m", "p", "h", "min", "mins", "ago", "hour", "hours", "minutes", "gmt", "utc",
    "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "ist", "et", "updated",
    "published", "posted", "last", "modified", "at", "on", "uhr", "um", "stand",
    "aktualisiert", "veröffentlicht", "st", "nd", "rd", "th", NULL
  };
  static const char * const days[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
  };
  gboolean digit = FALSE;
  const char *p = s;

  if (strlen (s) >= 80)
    return FALSE;
  if (in_list (s, days))
    return TRUE;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          const char *start = p;
          g_autofree char *word = NULL;

          while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          word = g_strndup (start, p - start);
          if (!in_list (word, words))
            return FALSE;
          continue;
        }
      if (g_unichar_isdigit (c))
        digit = TRUE;
      p = g_utf8_next_char (p);
    }
  return digit;
}

/* No letter: "____", "…", "0 0 0" */
static gboolean
is_without_words (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (g_unichar_isalpha (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* "Home / News / World", "News › Politics" */
static gboolean
is_breadcrumb (const char *s)
{
  static const char * const separators[] = { " / ", " > ", " › ", " » ", " | ", NULL };
  guint i, count = 0;

  if (strlen (s) >= 160)
    return FALSE;
  for (i = 0; separators[i] != NULL; i++)
    {
      const char *p = s;

      while ((p = strstr (p, separators[i])) != NULL)
        {
          count++;
          p += strlen (separators[i]);
        }
    }
  return count >= 2 || (count == 1 && g_str_has_prefix (s, "home"));
}

/* "By Jane Doe" above the text */
static gboolean
is_byline (const char *s)
{
  guint words = 1;
  const char *p;

  if (!g_str_has_prefix (s, "by ") || strlen (s) > 60)
    return FALSE;
  for (p = s; *p; p++)
    if (*p == ' ')
      words++;
  return words <= 6;
}

/* "1:30 Turkish military releases footage …": a video's length and title */
static gboolean
is_video_teaser (const char *original)
{
  const char *p = original;
  guint words = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != ':' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != ' ')
    return FALSE;
  p += 4;
  if (!g_unichar_isupper (g_utf8_get_char (p)) || strlen (p) >= 150)
    return FALSE;
  for (; *p; p++)
    if (*p == ' ')
      words++;
  return words >= 3;
}

/* "jane@example.com", "Write to us at desk@example.com" */
static gboolean
is_email_line (const char *s)
{
  const char *at = strchr (s, '@');
  guint words = 1;
  const char *p;

  if (strlen (s) >= 120 || at == NULL || at == s || strchr (at, '.') == NULL)
    return FALSE;
  for (p = s; *p; p++)
    if (*p == ' ')
      words++;
  return words <= 12;
}

/* A line of a list of headlines: short, no full stop at its end. */
static gboolean
is_headline_line (const char *original)
{
  gsize len = strlen (original);

  if (len == 0 || len >= 160)
    return FALSE;
  if (g_str_has_prefix (original, "• "))
    return TRUE;
  return len < 120 && original[len - 1] != '.' && original[len - 1] != '"'
         && !g_str_has_suffix (original, "”");
}

typedef struct
{
  char    *text;     /* as rendered */
  char    *key;      /* lowercased, bullet and end punctuation off */
  gboolean drop;
} Paragraph;

static char *
paragraph_key (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  char *start = lower;
  gsize len;

  if (g_str_has_prefix (start, "• "))
    start += strlen ("• ");
  g_strstrip (start);
  len = strlen (start);
  for (;;)
    {
      if (len > 0 && (start[len - 1] == ':' || start[len - 1] == '.' || start[len - 1] == ' '))
        len--;
      else if (len >= 3 && strncmp (start + len - 3, "…", 3) == 0)
        len -= 3;
      else
        break;
    }
  /* keep punctuation alone ("…", "____") as it is */
  if (len == 0)
    return g_strdup (start);
  return g_strndup (start, len);
}

/* The rendered article without the paragraphs that are clutter. */
char *
_dossier_html_drop_clutter (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\n\n", -1);
  guint n = g_strv_length (parts);
  g_autofree Paragraph *paras = g_new0 (Paragraph, n + 1);
  GString *out;
  guint i, first_real = n, last_real = 0, leading_bullets = 0;
  gboolean any_real = FALSE;

  for (i = 0; i < n; i++)
    {
      gsize len = strlen (parts[i]);

      paras[i].text = parts[i];
      paras[i].key = len < LONG_PARAGRAPH ? paragraph_key (parts[i]) : NULL;
      if (len >= REAL_PARAGRAPH)
        {
          if (!any_real)
            first_real = i;
          last_real = i;
          any_real = TRUE;
        }
    }
  for (i = 0; i < first_real && i < n; i++)
    if (g_str_has_prefix (paras[i].text, "• "))
      leading_bullets++;
  if (!any_real)
    {
      for (i = 0; i < n; i++)
        g_free (paras[i].key);
      return g_strdup (text);
    }

  for (i = 0; i < n; i++)
    {
      Paragraph *p = &paras[i];
      const char *k = p->key;
      gboolean leading = i < first_real, trailing = i > last_real;
      gboolean edge = i < first_real + 3 || i + 3 > last_real;

      if (k == NULL)
        continue;
      if (is_furniture (k) || is_link_line (k, p->text) || is_gallery_counter (k)
          || is_credit (k) || is_prompt (k) || is_copyright (k) || is_video_teaser (p->text))
        p->drop = TRUE;
      else if (edge && is_bio (k))
        p->drop = TRUE;
      else if ((leading || trailing)
               && (is_date_line (k) || is_email_line (k) || is_without_words (k)))
        p->drop = TRUE;
      else if (leading && (is_breadcrumb (k) || is_byline (k)
                           || (i < 3 && leading_bullets <= 3 && g_str_has_prefix (p->text, "• ")
                               && strlen (k) < 25)))
        p->drop = TRUE;
      else if (is_related_heading (k, p->text) && strlen (p->text) < 60)
        {
          guint j;

          p->drop = TRUE;
          for (j = i + 1; j < n && is_headline_line (paras[j].text)
                          && paras[j].key != NULL
                          && !is_related_heading (paras[j].key, paras[j].text); j++)
            paras[j].drop = TRUE;
          i = j - 1;
        }
    }

  out = g_string_new (NULL);
  for (i = 0; i < n; i++)
    {
      if (!paras[i].drop && *paras[i].text)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append (out, paras[i].text);
        }
      g_free (paras[i].key);
    }
  /* a page of nothing but furniture keeps it: it is still what was saved */
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (text);
    }
  return g_string_free (out, FALSE);
}
