/* dossier-text-extract.c — articles from plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A saved news page as plain text is a column of lines: banners and
 * appeals, the headline, a header (byline, dateline, source, a photo
 * caption), the article's paragraphs, then trailers (related links, the
 * original URL, a donation appeal, "Read more").  The extractor classifies
 * lines with small, general rules rather than per-site patterns.
 */
#define G_LOG_DOMAIN "dossier-text-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dossier-text-extract.h"
#include "dossier-text-extract-private.h"
#include "dossier-extract.h"

/* How far down the title may be, in lines. */
#define TITLE_SEARCH_LINES 40
/* How many lines after the title may still be header (byline, date …). */
#define HEADER_MAX_LINES   12
/* A paragraph with at least this many words is article text. */
#define BODY_MIN_WORDS     20

typedef struct
{
  char     *text;          /* folded: one space between words, trimmed */
  gsize     len;
  guint     words;
  guint     heading;       /* Markdown heading level, 0 otherwise */
  gboolean  blank_before;  /* a blank line (or the start) precedes it */
  gboolean  list_item;     /* Markdown list item / "- " line */
  gboolean  soft_break;    /* goes on the Markdown paragraph of the line before */
  gboolean  keep;
} Line;

typedef struct
{
  char             *title;
  char             *byline;
  char             *source;        /* from the header: strongest */
  char             *source_hint;   /* from appeals, banners, © lines */
  char             *agency;        /* from a "MOSCOW (AP) —" dateline */
  char             *url;
  DossierDate       date;
  DossierDateOrigin date_origin;
} Meta;

typedef enum
{
  MARKER_NONE,
  MARKER_RELATED,     /* "See also:", "Related articles:", "Read more" */
  MARKER_URL,         /* "Original url:" */
  MARKER_APPEAL,      /* the start of a donation appeal: cut to the end */
  MARKER_DROP,        /* a line of chrome: "Advertisement", "Share this article" */
} Marker;

/* ------------------------------------------------------------------ */
/* Characters and words                                               */

static inline gboolean
is_odd_space (gunichar c)
{
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
         || c == 0x205F || c == 0x3000 || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static inline gboolean
is_invisible (gunichar c)
{
  /* zero-width space, word joiner, BOM, soft hyphen */
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

/* Copies a line with every run of white space (ASCII or Unicode) made one
 * space, control and invisible characters dropped, trimmed. */
static char *
fold_line (const char *p,
           gsize       len,
           gsize      *out_len)
{
  char *out = g_malloc (len + 1);
  const char *end = p + len;
  gsize o = 0;
  gboolean pending = FALSE;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (c <= ' ' || c == 0x7F)
            pending = c == ' ' || c == '\t' || c == '\v' || c == '\f' || pending;
          else
            {
              if (pending && o > 0)
                out[o++] = ' ';
              pending = FALSE;
              out[o++] = (char) c;
            }
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (next > end)
            break;
          if (is_odd_space (u))
            pending = TRUE;
          else if (!is_invisible (u) && !(u >= 0x80 && u < 0xA0))
            {
              if (pending && o > 0)
                out[o++] = ' ';
              pending = FALSE;
              memcpy (out + o, p, next - p);
              o += next - p;
            }
          p = next;
        }
    }
  out[o] = '\0';
  *out_len = o;
  return out;
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *s; s++)
    {
      if (*s == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

/* The last character of @s, skipping closing quotes and brackets. */
static gunichar
last_significant_char (const char *s,
                       gsize       len)
{
  const char *p = s + len;

  while (p > s)
    {
      gunichar c;

      p = g_utf8_find_prev_char (s, p);
      if (p == NULL)
        return 0;
      c = g_utf8_get_char (p);
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019
          || c == 0xBB || c == '*' || c == '_')
        continue;
      return c;
    }
  return 0;
}

static inline gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';';
}

/* The final word ends in '.', but is it an abbreviation such as "U.S."? */
static gboolean
ends_with_abbreviation (const char *s,
                        gsize       len)
{
  const char *word;
  const char *dot;

  if (len < 2 || s[len - 1] != '.')
    return FALSE;
  word = g_strrstr_len (s, len, " ");
  word = word ? word + 1 : s;
  dot = memchr (word, '.', (s + len - 1) - word);
  if (dot != NULL)
    return TRUE;                              /* U.S. / a.m. */
  if ((s + len - 1) - word == 1 && g_ascii_isupper (word[0]))
    return TRUE;                              /* an initial: "George W." */
  return FALSE;
}

static gboolean
ends_like_sentence (const Line *l)
{
  gunichar c = last_significant_char (l->text, l->len);

  if (!is_terminal (c))
    return FALSE;
  if (c == '.' && l->text[l->len - 1] == '.' && ends_with_abbreviation (l->text, l->len))
    return FALSE;
  return TRUE;
}

/* More than one sentence: ". X" where the word before the stop is an
 * ordinary word (not "U.S", not an initial). */
static gboolean
has_two_sentences (const char *s)
{
  const char *p;

  for (p = strchr (s, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      const char *w;
      gsize wl;

      if (p - s < 3 || !(p[-1] == '.' || p[-1] == '!' || p[-1] == '?'))
        continue;
      if (!(g_ascii_isupper (p[1]) || p[1] == '"' || (guchar) p[1] >= 0x80))
        continue;
      w = p - 1;
      while (w > s && w[-1] != ' ')
        w--;
      wl = (p - 1) - w;
      if (wl >= 3 && memchr (w, '.', wl) == NULL && g_ascii_islower (p[-2]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_letters (const char *s)
{
  const char *p;

  for (p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
has_prefix_ci (const char *s,
               const char *prefix)
{
  return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

/* A short lower-case key of a line without trailing punctuation, for
 * comparing with the marker tables.  Empty when the line is long. */
static void
line_key (const Line *l,
          char       *buf,
          gsize       size)
{
  gsize n = l->len;
  gsize i;

  buf[0] = '\0';
  while (n > 0 && strchr (" :.!?,;…", l->text[n - 1]) != NULL)
    n--;
  /* "…" is three bytes ending in 0xA6 */
  while (n >= 3 && memcmp (l->text + n - 3, "…", 3) == 0)
    n -= 3;
  if (n == 0 || n >= size)
    return;
  for (i = 0; i < n; i++)
    if ((guchar) l->text[i] >= 0x80)
      break;
  if (i == n)
    {
      for (i = 0; i < n; i++)
        buf[i] = g_ascii_tolower (l->text[i]);
      buf[n] = '\0';
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (l->text, n);

      g_strlcpy (buf, folded, size);
    }
}

static gboolean
key_in (const char        *key,
        const char *const *table)
{
  for (; *table; table++)
    if (strcmp (key, *table) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Names: organisations, people, agencies                              */

static const char *const org_words[] = {
  "times", "news", "press", "post", "herald", "daily", "review", "agency",
  "journal", "gazette", "tribune", "telegraph", "guardian", "media", "staff",
  "service", "network", "tv", "radio", "online", "wire", "magazine",
  "monitor", "observer", "novosti", "interfax", "tass", "reuters", "bloomberg",
  "independent", "express", "mirror", "today", "week", "weekly", "insider",
  "report", "reports", "broadcasting", "corporation", "channel", "world",
  "international", "global", "bureau", "newsroom", "editorial", "editors",
  "desk", "foundation", "institute", "center", "centre", "associated",
  "chronicle", "courier", "standard", "sun", "star", "economist", "politico",
  "mail", "dispatch", "bulletin", "ledger", "record", "inquirer", "examiner",
  "digest", "wire", "afp", "ap", "rferl", "bbc", "cnn", "npr", "pbs", "abc",
  "cbs", "nbc", "dpa", "upi", "xinhua", "ria", "kommersant", "vedomosti",
  "izvestia", "pravda", "meduza", "moscow",
  NULL
};

static gboolean
looks_like_org (const char *name)
{
  g_auto(GStrv) words = NULL;
  guint i;

  if (has_prefix_ci (name, "the "))
    return TRUE;
  words = g_strsplit (name, " ", -1);
  for (i = 0; words[i]; i++)
    {
      g_autofree char *w = g_ascii_strdown (words[i], -1);
      gsize wl = strlen (w);

      while (wl > 0 && !g_ascii_isalnum (w[wl - 1]))
        w[--wl] = '\0';
      if (key_in (w, org_words))
        return TRUE;
      /* an acronym: "AP", "RFE/RL" */
      if (strlen (words[i]) >= 2 && strlen (words[i]) <= 6)
        {
          const char *c;
          gboolean upper = TRUE;

          for (c = words[i]; *c; c++)
            if (!(g_ascii_isupper (*c) || *c == '/' || *c == '-'))
              upper = FALSE;
          if (upper)
            return TRUE;
        }
    }
  return FALSE;
}

/* Words that may appear inside a name or a credit without a capital. */
static const char *const name_particles[] = {
  "de", "van", "von", "der", "da", "di", "du", "la", "le", "bin", "al",
  "and", "of", "the", "for", "via", "&", "/", "|", "-", "—", NULL
};

/* 1..@max_words words, each capitalised or a particle, at least one
 * capitalised, no digits, no sentence punctuation. */
static gboolean
looks_like_name (const char *s,
                 guint       max_words)
{
  g_auto(GStrv) words = NULL;
  guint i, capitals = 0;

  if (*s == '\0' || strlen (s) > 80)
    return FALSE;
  words = g_strsplit (s, " ", -1);
  if (g_strv_length (words) > max_words)
    return FALSE;
  for (i = 0; words[i]; i++)
    {
      const char *w = words[i];
      gunichar c = g_utf8_get_char (w);
      const char *q;

      if (*w == '\0')
        continue;
      for (q = w; *q; q++)
        if (g_ascii_isdigit (*q) || *q == ',' || *q == ';' || *q == '!' || *q == '?')
          return FALSE;
      if (g_unichar_isupper (c))
        capitals++;
      else if (!key_in (w, name_particles)
               && !has_prefix_ci (w, "photo") && !has_prefix_ci (w, "credit"))
        return FALSE;
    }
  return capitals > 0;
}

/* Cleans a name for display: markdown link syntax, brackets and trailing
 * punctuation go. */
static char *
clean_name (const char *s)
{
  GString *out = g_string_new (NULL);
  const char *p;
  gsize n;

  for (p = s; *p; p++)
    {
      if (*p == '[' || *p == ']' || *p == '*' || *p == '_')
        continue;
      if (*p == '(' && p > s && p[-1] == ']')
        {
          const char *close = strchr (p, ')');

          if (close)
            {
              p = close;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
  n = out->len;
  while (n > 0 && strchr (" :.,;!|-", out->str[n - 1]) != NULL)
    n--;
  g_string_truncate (out, n);
  p = out->str;
  while (*p == ' ' || *p == '@')
    p++;
  if (p != out->str)
    g_string_erase (out, 0, p - out->str);
  {
    gsize folded_len;
    char *folded = fold_line (out->str, out->len, &folded_len);

    g_string_free (out, TRUE);
    return folded;
  }
}

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

typedef struct
{
  const char *key;
  const char *name;
} Agency;

static const Agency agencies[] = {
  { "ap", "AP News" }, { "associated press", "AP News" },
  { "reuters", "Reuters" }, { "afp", "AFP" }, { "ria novosti", "RIA Novosti" },
  { "interfax", "Interfax" }, { "tass", "TASS" }, { "itar-tass", "TASS" },
  { "bloomberg", "Bloomberg" }, { "dpa", "dpa" }, { "upi", "UPI" },
  { "xinhua", "Xinhua" }, { "cnn", "CNN" }, { "bbc", "BBC" },
  { "rfe/rl", "RFE/RL" }, { "the moscow times", "The Moscow Times" },
};

/* "MOSCOW (AP) —", "WASHINGTON, April 15 (Reuters) -", "MOSCOW —":
 * returns TRUE when the line opens with a news dateline, and the agency
 * (if any) in @agency. */
static gboolean
parse_agency_dateline (const char  *s,
                       char       **agency)
{
  const char *p = s;
  const char *open, *close;
  guint caps = 0;

  *agency = NULL;
  /* a place in capitals */
  while (*p && (g_ascii_isupper (*p) || *p == ' ' || *p == '.' || *p == '-' || *p == '\''))
    {
      if (g_ascii_isupper (*p))
        caps++;
      p++;
    }
  if (caps < 3)
    return FALSE;
  open = p;
  while (*open == ' ')
    open++;
  if (*open == ',')
    {
      /* ", April 15" — anything short up to the bracket or dash */
      const char *q = open + 1;

      while (*q && *q != '(' && (q - open) < 40 && strncmp (q, "—", 3) != 0 && strncmp (q, "–", 3) != 0)
        q++;
      open = q;
    }
  if (*open == '(')
    {
      close = strchr (open, ')');
      if (close == NULL || close - open > 40)
        return FALSE;
      p = close + 1;
      while (*p == ' ')
        p++;
      if (!(strncmp (p, "—", 3) == 0 || strncmp (p, "–", 3) == 0 || *p == '-'))
        return FALSE;
      {
        g_autofree char *inside = g_strndup (open + 1, close - open - 1);
        g_autofree char *key = g_ascii_strdown (inside, -1);
        guint i;

        for (i = 0; i < G_N_ELEMENTS (agencies); i++)
          if (strcmp (key, agencies[i].key) == 0)
            {
              *agency = g_strdup (agencies[i].name);
              break;
            }
        if (*agency == NULL && looks_like_name (inside, 4))
          *agency = g_strdup (inside);
      }
      return TRUE;
    }
  p = open;
  return strncmp (p, "—", 3) == 0 || strncmp (p, "–", 3) == 0 || (p[0] == '-' && p[1] == '-');
}

/* "By Jane Doe", "By Jane Doe, The Moscow Times", "By [The Moscow Times](#)" */
static gboolean
parse_byline (const Line *l,
              Meta       *meta)
{
  static const char *const prefixes[] = {
    "by ", "by: ", "written by ", "words by ", "von ", "автор: ", "автор ", NULL
  };
  const char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  guint i;

  if (l->words > 14 || l->words < 2)
    return FALSE;
  for (i = 0; prefixes[i]; i++)
    {
      gsize pl = strlen (prefixes[i]);

      if (l->len > pl && (g_ascii_strncasecmp (l->text, prefixes[i], pl) == 0
                          || (g_str_has_prefix (prefixes[i], "автор")
                              && g_str_has_prefix (l->text, "Автор"))))
        {
          rest = l->text + pl;
          break;
        }
    }
  if (rest == NULL)
    return FALSE;
  /* "By the way, …" is a sentence, not a byline */
  if (ends_like_sentence (l) && l->words > 6)
    return FALSE;

  parts = g_strsplit_set (rest, ",|", -1);
  for (i = 0; parts[i]; i++)
    {
      g_autofree char *name = clean_name (parts[i]);

      if (*name == '\0')
        continue;
      if (i == 0 && !looks_like_org (name))
        {
          if (!looks_like_name (name, 8))
            return FALSE;
          set_string (&meta->byline, name);
        }
      else if (looks_like_org (name) || i > 0)
        {
          if (dossier_date_parse (name, &(DossierDate) DOSSIER_DATE_INIT))
            continue;
          set_string (&meta->source, name);
        }
    }
  return TRUE;
}

/* A line that is only a date with a few words around it: "February 02, 2013",
 * "Posted: Apr 15, 2013 12:22 PM", "Updated on 2013-04-15 at 10:00 GMT". */
static gboolean
parse_date_line (const Line  *l,
                 DossierDate *out)
{
  gsize start, end;
  guint residue;
  g_autofree char *rest = NULL;

  if (l->words > 12)
    return FALSE;
  if (!dossier_date_find (l->text, l->len, out, &start, &end))
    return FALSE;
  rest = g_strconcat (" ", l->text + end, NULL);
  residue = count_words (rest);
  {
    g_autofree char *before = g_strndup (l->text, start);

    residue += count_words (before);
  }
  return residue <= 6;
}

static const char *const banner_keys[] = {
  "×", "✕", "✖", "x", "menu", "search", "sign in", "log in", "login", "register",
  "subscribe", "subscribe now", "home", "close", "skip to content",
  "skip to main content", "share", "print", "advertisement", "support us",
  "donate", "donate now", "remind me later", "not ready to support today",
  "read more", "once", "monthly", "annual", "yearly", "continue", "sign up",
  "newsletter", "follow us", "accept", "accept all", "back to top", "email",
  "facebook", "twitter", "telegram", "whatsapp", "linkedin", "comments",
  "loading", "main menu", "navigation", "toggle navigation", "open menu",
  "close menu", "got it", "payment methods", "paiment methods", "listen",
  "listen to this article", "share this article", "share on facebook",
  "share on twitter", "enjoying ad-free content", "advertisement - scroll to continue",
  "story continues below advertisement", "ad", "sponsored", "we need your help",
  "my account", "account", "sections", "latest", "live", "english", "русский",
  "deutsch", "войти", "поиск", "меню", "anmelden", "suche",
  NULL
};

static const char *const banner_prefixes[] = {
  "enjoying ad-free", "subscribe to ", "subscribe for ", "sign up for ",
  "donate to ", "become a member", "become a subscriber", "become a supporter",
  "we use cookies", "this website uses cookies", "this site uses cookies",
  "by continuing to", "follow us on", "join us on", "download our app",
  "get the app", "share this", "already a subscriber", "already have an account",
  "your support ", "support independent", "please support", "advertisement",
  "skip to ", "cookie", NULL
};

static gboolean
is_banner (const Line *l,
           Meta       *meta)
{
  char key[64];
  guint i;

  if (!has_letters (l->text))
    return l->len <= 8;     /* "×", "|", "***" */

  line_key (l, key, sizeof key);
  if (key[0] != '\0' && key_in (key, banner_keys))
    return TRUE;
  if (l->words <= 12)
    for (i = 0; banner_prefixes[i]; i++)
      if (has_prefix_ci (l->text, banner_prefixes[i]))
        {
          if (has_prefix_ci (l->text, "subscribe to ") && meta != NULL)
            {
              g_autofree char *name = clean_name (l->text + strlen ("subscribe to "));

              if (looks_like_name (name, 6))
                set_string (&meta->source_hint, name);
            }
          return TRUE;
        }
  /* "Support The Moscow Times!" */
  if (l->words <= 8 && has_prefix_ci (l->text, "support ")
      && (l->text[l->len - 1] == '!' || !ends_like_sentence (l)))
    {
      g_autofree char *name = clean_name (l->text + strlen ("support "));

      if (meta != NULL && looks_like_name (name, 6) && looks_like_org (name))
        set_string (&meta->source_hint, name);
      return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_url (const char *s)
{
  if (*s == '<')
    s++;
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://")
         || g_str_has_prefix (s, "www.");
}

static char *
extract_url (const char *s)
{
  const char *start;
  gsize n;

  while (*s == ' ' || *s == '<' || *s == '(')
    s++;
  if (!looks_like_url (s))
    return NULL;
  start = s;
  n = strcspn (start, " >)\"'");
  if (n < 8)
    return NULL;
  if (g_str_has_prefix (start, "www."))
    {
      g_autofree char *tmp = g_strndup (start, n);

      return g_strconcat ("https://", tmp, NULL);
    }
  return g_strndup (start, n);
}

static Marker
classify_marker (const Line *l,
                 Meta       *meta)
{
  static const char *const related[] = {
    "see also", "related articles", "related", "related stories", "related story",
    "related coverage", "related news", "related content", "related posts",
    "read more", "read also", "also read", "read next", "more on this topic",
    "more on this", "more on this story", "recommended", "recommended for you",
    "recommended stories", "most read", "most popular", "most viewed",
    "you may also like", "you might also like", "you may be interested in",
    "further reading", "more stories", "more news", "top stories", "trending",
    "читайте также", "смотрите также", "по теме", "читать далее", "lesen sie auch",
    "mehr zum thema", "weiterlesen", "das könnte sie auch interessieren", NULL
  };
  static const char *const url_keys[] = {
    "original url", "original link", "source url", "source link", "url",
    "originally published at", "source", "link", "исходный адрес", "источник", NULL
  };
  static const char *const appeal_keys[] = {
    "dear readers", "dear reader", "dear friends", "a message from our editors",
    "дорогие читатели", "liebe leserinnen und leser", "liebe leser", NULL
  };
  static const char *const drop_keys[] = {
    "advertisement", "share this article", "share this story", "share",
    "comments are closed", "comments", "leave a comment", "print",
    "story continues below advertisement", "advertisement - scroll to continue",
    "tags", "topics", "loading", "реклама", "anzeige", NULL
  };
  char key[64];
  const char *colon;

  line_key (l, key, sizeof key);
  if (key[0] != '\0')
    {
      if (key_in (key, related))
        return MARKER_RELATED;
      if (key_in (key, url_keys) && l->text[l->len - 1] == ':')
        return MARKER_URL;
      if (key_in (key, appeal_keys))
        return MARKER_APPEAL;
      if (key_in (key, drop_keys))
        return MARKER_DROP;
    }

  /* "Original url: https://…" on one line */
  colon = strchr (l->text, ':');
  if (colon != NULL && colon - l->text < 24 && looks_like_url (colon + 1 + (colon[1] == ' ')))
    {
      g_autofree char *head = g_strndup (l->text, colon - l->text);
      Line hl = { head, strlen (head), 0, 0, FALSE, FALSE, FALSE };
      char hkey[64];

      line_key (&hl, hkey, sizeof hkey);
      if (key_in (hkey, url_keys))
        {
          take_string (&meta->url, extract_url (colon + 1));
          return MARKER_DROP;
        }
    }

  /* "A Message from The Moscow Times:" */
  if (has_prefix_ci (l->text, "a message from ") && l->words <= 10)
    {
      g_autofree char *name = clean_name (l->text + strlen ("a message from "));

      if (looks_like_name (name, 6) && !has_prefix_ci (name, "our "))
        set_string (&meta->source_hint, name);
      return MARKER_APPEAL;
    }
  /* "… we have a small favor to ask." */
  if (strstr (l->text, "small favor to ask") != NULL || strstr (l->text, "small favour to ask") != NULL
      || has_prefix_ci (l->text, "enjoying ad-free content")
      || has_prefix_ci (l->text, "not ready to support today")
      || has_prefix_ci (l->text, "if you value our journalism")
      || has_prefix_ci (l->text, "if you appreciate our journalism"))
    return MARKER_APPEAL;

  /* "See also: Obama Urges Putin …" on one line */
  if (colon != NULL && colon - l->text < 24 && l->words <= 20)
    {
      g_autofree char *head = g_strndup (l->text, colon - l->text);
      Line hl = { head, strlen (head), 0, 0, FALSE, FALSE, FALSE };
      char hkey[64];

      line_key (&hl, hkey, sizeof hkey);
      if (key_in (hkey, related) && !ends_like_sentence (l))
        return MARKER_DROP;
    }

  /* "© 2013 Eurasia Daily Review. All rights reserved." */
  if (g_str_has_prefix (l->text, "©") || has_prefix_ci (l->text, "copyright ")
      || has_prefix_ci (l->text, "(c) "))
    {
      if (l->words <= 16)
        {
          const char *p = l->text;
          g_autofree char *name = NULL;
          char *stop;

          if (g_str_has_prefix (p, "©"))
            p += strlen ("©");
          else if (has_prefix_ci (p, "copyright "))
            p += strlen ("copyright ");
          else
            p += 4;
          while (*p == ' ' || g_ascii_isdigit (*p) || *p == '-' || *p == ',' || strncmp (p, "–", 3) == 0)
            p += strncmp (p, "–", 3) == 0 ? 3 : 1;
          if (g_str_has_prefix (p, "©"))
            p += strlen ("©");
          name = g_strdup (p);
          stop = strstr (name, ". ");
          if (stop == NULL)
            stop = strstr (name, " All rights");
          if (stop == NULL)
            stop = strstr (name, " all rights");
          if (stop)
            *stop = '\0';
          {
            g_autofree char *clean = clean_name (name);

            if (looks_like_name (clean, 6))
              set_string (&meta->source_hint, clean);
          }
          return MARKER_DROP;
        }
    }
  if (l->words <= 6 && strstr (l->text, "ll rights reserved") != NULL)
    return MARKER_DROP;

  return MARKER_NONE;
}

/* A headline-like line in a "See also" block: short, not a sentence. */
static gboolean
is_link_line (const Line *l)
{
  if (l->list_item)
    return l->words <= 25;
  if (l->text[0] == '[' && strstr (l->text, "](") != NULL)
    return TRUE;
  if (looks_like_url (l->text))
    return TRUE;
  return l->words <= 20 && !ends_like_sentence (l) && !has_two_sentences (l->text);
}

/* "A RS-12M Topol mobile … Russian missiles. Denis Grishkin",
 * "Clinton reacting … Bushehr. Alexander Zemlianichenko",
 * "Police at the scene. Maxim Shemetov / Reuters" */
static gboolean
is_credit_caption (const Line *l)
{
  gunichar last = last_significant_char (l->text, l->len);
  const char *p;
  const char *credit = NULL;

  if (l->words < 4 || is_terminal (last) || last == ':' || last == ',')
    return FALSE;
  for (p = l->text + l->len - 1; p > l->text + 1; p--)
    {
      if (*p == ' ' && (p[-1] == '.' || p[-1] == '!' || p[-1] == '?' || p[-1] == '"'))
        {
          /* not the stop of an abbreviation inside the credit ("AP Photo/A.B. Name") */
          credit = p + 1;
          break;
        }
    }
  if (credit == NULL)
    return FALSE;
  if (count_words (credit) > 6 || (credit - l->text) < 15)
    return FALSE;
  {
    g_autofree char *c = g_strdup (credit);
    char *q;

    /* "Photo: Reuters", "AP Photo/Ivan Sekretarev" */
    for (q = c; *q; q++)
      if (*q == '/' || *q == '|' || *q == ':')
        *q = ' ';
    g_strstrip (c);
    {
      g_auto(GStrv) parts = g_strsplit (c, " ", -1);
      GString *joined = g_string_new (NULL);
      guint i;
      gboolean ok;

      for (i = 0; parts[i]; i++)
        if (*parts[i] != '\0')
          {
            if (joined->len)
              g_string_append_c (joined, ' ');
            g_string_append (joined, parts[i]);
          }
      ok = looks_like_name (joined->str, 8);
      g_string_free (joined, TRUE);
      return ok;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Links                                                              */

/* Looking ahead for the end of a link, a tag or a code span may fail; every
 * line gets a budget of bytes to look at, so that no line of brackets costs
 * more than a few passes over it. */
#define SCAN_BUDGET(len) ((gssize) (len) * 4 + 65536)

/* A javascript:, vbscript: or data: URL (after any spaces or "<"; the
 * control characters and spaces a browser skips inside a scheme are
 * skipped too). */
static gboolean
is_unsafe_url (const char *p,
               const char *end)
{
  static const char * const schemes[] = { "javascript", "vbscript", "data" };
  char scheme[16];
  guint n = 0;
  guint i;

  while (p < end && ((guchar) *p <= ' ' || *p == '<'))
    p++;
  for (; p < end && *p != ':' && n < sizeof scheme - 1; p++)
    {
      if ((guchar) *p <= ' ')
        continue;
      if (!g_ascii_isalpha (*p))
        return FALSE;
      scheme[n++] = g_ascii_tolower (*p);
    }
  if (p >= end || *p != ':')
    return FALSE;
  scheme[n] = '\0';
  for (i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (strcmp (scheme, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The "]" that closes the link text opened by the "[" at @p: brackets
 * nest, a backslash escapes.  NULL when there is none. */
static const char *
link_text_end (const char *p,
               const char *end,
               gssize     *budget)
{
  const char *limit = end - p > 4096 ? p + 4096 : end;
  const char *q;
  guint depth = 0;

  for (q = p + 1; q < limit && --*budget > 0; q++)
    {
      if (*q == '\\' && q + 1 < limit)
        q++;
      else if (*q == '[')
        depth++;
      else if (*q == ']')
        {
          if (depth == 0)
            return q;
          depth--;
        }
    }
  return NULL;
}

/* The ")" that ends the destination (and title) opened by the "(" at @p:
 * "(<url with spaces>)", "(url_(with)_balanced_parentheses)",
 * "(url \"title\")".  NULL when the destination is never closed. */
static const char *
link_destination_end (const char *p,
                      const char *end,
                      gssize     *budget)
{
  const char *q = p + 1;
  guint depth = 0;

  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q < end && *q == '<')
    {
      for (q++; q < end && *q != '>' && --*budget > 0; q++)
        {
          if (*q == '<')
            return NULL;
          if (*q == '\\' && q + 1 < end)
            q++;
        }
      if (q >= end || *q != '>')
        return NULL;
      q++;
    }
  else
    {
      for (; q < end && --*budget > 0; q++)
        {
          if (*q == '\\' && q + 1 < end)
            q++;
          else if ((guchar) *q <= ' ')
            break;
          else if (*q == '(')
            {
              if (++depth > 32)
                return NULL;
            }
          else if (*q == ')')
            {
              if (depth == 0)
                break;
              depth--;
            }
        }
    }
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q < end && (*q == '"' || *q == '\'' || *q == '('))
    {
      char closing = *q == '(' ? ')' : *q;
      const char *limit = end - q > 4096 ? q + 4096 : end;

      for (q++; q < limit && *q != closing && --*budget > 0; q++)
        if (*q == '\\' && q + 1 < limit)
          q++;
      if (q >= limit || *q != closing)
        return NULL;
      q++;
      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
    }
  if (q < end && *q == ')' && *budget > 0)
    return q;
  return NULL;
}

/* After a destination that was never closed: up to the next space. */
static const char *
skip_to_space (const char *p,
               const char *end)
{
  while (p < end && (guchar) *p > ' ')
    p++;
  return p;
}

/* Plain text copied from a page often keeps Markdown links: "[text](#)". */
static char *
strip_inline_links (const char *s)
{
  GString *out;
  const char *p;
  const char *end;
  gssize budget;

  if (strstr (s, "](") == NULL)
    return NULL;
  end = s + strlen (s);
  budget = SCAN_BUDGET (end - s);
  out = g_string_sized_new (end - s);
  for (p = s; p < end; p++)
    {
      if (*p == '[')
        {
          const char *close = link_text_end (p, end, &budget);

          if (close && close + 1 < end && close[1] == '('
              && memchr (p + 1, '[', close - p - 1) == NULL)
            {
              const char *stop = link_destination_end (close + 1, end, &budget);
              gboolean image = p > s && p[-1] == '!';

              if (stop == NULL && is_unsafe_url (close + 2, end))
                stop = skip_to_space (close + 2, end) - 1;
              if (stop != NULL)
                {
                  if (image)
                    g_string_truncate (out, out->len - 1);
                  else
                    g_string_append_len (out, p + 1, close - p - 1);
                  p = stop;
                  continue;
                }
            }
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Lines                                                              */

static void
clear_line (gpointer data)
{
  Line *l = data;

  g_free (l->text);
}

static void
append_line (GArray     *lines,
             const char *p,
             gsize       len,
             gboolean   *blank,
             guint       heading,
             gboolean    list_item,
             gboolean    markdown)
{
  Line l = { 0, };
  g_autofree char *unlinked = NULL;

  l.text = fold_line (p, len, &l.len);
  if (l.len == 0)
    {
      g_free (l.text);
      *blank = TRUE;
      return;
    }
  if (!markdown && (unlinked = strip_inline_links (l.text)) != NULL)
    {
      g_free (l.text);
      l.text = fold_line (unlinked, strlen (unlinked), &l.len);
      if (l.len == 0)
        {
          g_free (l.text);
          return;
        }
    }
  if (!markdown && (l.text[0] == '-' || l.text[0] == '*' || strncmp (l.text, "•", 3) == 0)
      && l.text[l.len > 1 ? (l.text[0] == '-' || l.text[0] == '*' ? 1 : 3) : 0] == ' ')
    list_item = TRUE;
  l.words = count_words (l.text);
  l.heading = heading;
  l.list_item = list_item;
  l.blank_before = *blank || lines->len == 0;
  l.keep = TRUE;
  *blank = FALSE;
  g_array_append_val (lines, l);
}

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), 64);
  const char *p = text;
  const char *end = text + len;
  gboolean blank = TRUE;

  g_array_set_clear_func (lines, clear_line);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      const char *cr = memchr (p, '\r', stop - p);

      /* old Mac line ends */
      if (cr != NULL && cr + 1 < stop)
        stop = cr;
      append_line (lines, p, stop - p, &blank, 0, FALSE, FALSE);
      p = stop + 1;
    }
  return lines;
}

static inline Line *
line_at (GArray *lines,
         guint   i)
{
  return &g_array_index (lines, Line, i);
}

static gboolean
is_body_paragraph (const Line *l)
{
  return l->words >= BODY_MIN_WORDS || (l->words >= 8 && has_two_sentences (l->text));
}

static gboolean
is_title_candidate (const Line *l)
{
  gunichar last;

  if (l->words == 0 || l->words > 30 || l->len > 300)
    return FALSE;
  if (!has_letters (l->text) || looks_like_url (l->text) || l->list_item)
    return FALSE;
  if (has_prefix_ci (l->text, "by ") || g_str_has_prefix (l->text, "©"))
    return FALSE;
  last = last_significant_char (l->text, l->len);
  if (last == ':' || last == ',' || last == ';')
    return FALSE;
  if (ends_like_sentence (l) && last != '?' && last != '!')
    return FALSE;
  if (has_two_sentences (l->text))
    return FALSE;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* "Title | Site": a browser-style title keeps its site after a bar. */
static void
split_site_suffix (Meta *meta)
{
  char *bar;

  if (meta->title == NULL)
    return;
  bar = g_strrstr (meta->title, " | ");
  if (bar != NULL && bar != meta->title)
    {
      g_autofree char *site = clean_name (bar + 3);

      if (looks_like_name (site, 5) && looks_like_org (site))
        {
          set_string (&meta->source_hint, site);
          *bar = '\0';
        }
    }
}

/* Finds the title line.  Blocks (lines between blank lines) that hold a
 * banner are skipped whole; the title is the first headline-like line
 * after them.  Returns the index or -1. */
static int
find_title (GArray *lines,
            Meta   *meta,
            int     hint_heading)
{
  guint i;
  guint limit = MIN (lines->len, TITLE_SEARCH_LINES);
  gboolean banner_block = FALSE;

  if (hint_heading >= 0)
    return hint_heading;

  for (i = 0; i < limit; i++)
    {
      Line *l = line_at (lines, i);
      DossierDate d = DOSSIER_DATE_INIT;
      Marker m;

      if (l->blank_before)
        {
          guint j;

          /* does this block contain a banner line? */
          banner_block = FALSE;
          for (j = i; j < lines->len && (j == i || !line_at (lines, j)->blank_before); j++)
            if (is_banner (line_at (lines, j), meta))
              banner_block = TRUE;
        }
      if (banner_block)
        {
          l->keep = FALSE;
          continue;
        }
      m = classify_marker (l, meta);
      if (m == MARKER_DROP || m == MARKER_URL)
        {
          if (m == MARKER_URL && i + 1 < lines->len)
            {
              take_string (&meta->url, extract_url (line_at (lines, i + 1)->text));
              if (meta->url)
                line_at (lines, ++i)->keep = FALSE;
            }
          l->keep = FALSE;
          continue;
        }
      if (parse_date_line (l, &d))
        {
          if (meta->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            {
              meta->date = d;
              meta->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
            }
          l->keep = FALSE;
          continue;
        }
      if (is_body_paragraph (l))
        return -1;
      if (is_title_candidate (l))
        return (int) i;
      /* something else before the title: an unknown banner line */
      l->keep = FALSE;
    }
  return -1;
}

/* The lines between the title and the article text. Returns the index of
 * the first body line. */
static guint
read_header (GArray *lines,
             guint   start,
             Meta   *meta)
{
  guint i;
  guint seen = 0;

  for (i = start; i < lines->len && seen < HEADER_MAX_LINES; i++, seen++)
    {
      Line *l = line_at (lines, i);
      DossierDate d = DOSSIER_DATE_INIT;
      g_autofree char *agency = NULL;
      Marker m;

      if (meta->title != NULL && same_text (l->text, meta->title))
        {
          l->keep = FALSE;
          continue;
        }
      if (parse_agency_dateline (l->text, &agency))
        {
          set_string (&meta->agency, agency);
          return i;
        }
      if (parse_byline (l, meta))
        {
          l->keep = FALSE;
          continue;
        }
      if (parse_date_line (l, &d))
        {
          if (meta->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            {
              meta->date = d;
              meta->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
            }
          l->keep = FALSE;
          continue;
        }
      m = classify_marker (l, meta);
      if (m == MARKER_DROP || is_banner (l, meta))
        {
          l->keep = FALSE;
          continue;
        }
      if (m != MARKER_NONE)
        return i;
      if (is_credit_caption (l))
        {
          l->keep = FALSE;
          continue;
        }
      if (is_body_paragraph (l))
        return i;
      /* a short line without a full stop: a source or a name */
      if (l->words <= 6 && !ends_like_sentence (l) && looks_like_name (l->text, 6))
        {
          g_autofree char *name = clean_name (l->text);

          if (looks_like_org (name))
            set_string (&meta->source, name);
          else
            set_string (&meta->byline, name);
          l->keep = FALSE;
          continue;
        }
      /* a one-sentence dek or caption right before a long paragraph */
      if (l->words < BODY_MIN_WORDS && !has_two_sentences (l->text)
          && i + 1 < lines->len && is_body_paragraph (line_at (lines, i + 1))
          && !line_at (lines, i + 1)->list_item && !l->list_item && l->heading == 0)
        {
          l->keep = FALSE;
          continue;
        }
      return i;
    }
  /* nothing looked like article text: keep what follows the title */
  for (i = start; i < lines->len; i++)
    if (line_at (lines, i)->keep)
      return i;
  return lines->len;
}

/* Marks trailers, captions and chrome in the body as not kept. */
static void
clean_body (GArray *lines,
            guint   start,
            Meta   *meta)
{
  guint i;
  guint kept_paragraphs = 0;

  for (i = start; i < lines->len; i++)
    {
      Line *l = line_at (lines, i);
      Marker m;

      if (!l->keep)
        continue;
      m = classify_marker (l, meta);
      switch (m)
        {
        case MARKER_APPEAL:
          if (kept_paragraphs > 0)
            {
              guint j;

              for (j = i; j < lines->len; j++)
                line_at (lines, j)->keep = FALSE;
              return;
            }
          l->keep = FALSE;
          continue;

        case MARKER_URL:
          l->keep = FALSE;
          if (i + 1 < lines->len && looks_like_url (line_at (lines, i + 1)->text))
            {
              take_string (&meta->url, extract_url (line_at (lines, i + 1)->text));
              line_at (lines, ++i)->keep = FALSE;
            }
          continue;

        case MARKER_DROP:
          l->keep = FALSE;
          continue;

        case MARKER_RELATED:
          l->keep = FALSE;
          /* the headlines that follow, up to the next real paragraph */
          while (i + 1 < lines->len)
            {
              Line *next = line_at (lines, i + 1);

              if (classify_marker (next, meta) != MARKER_NONE || !is_link_line (next))
                break;
              next->keep = FALSE;
              i++;
            }
          continue;

        case MARKER_NONE:
        default:
          break;
        }

      if (looks_like_url (l->text) && l->words == 1)
        {
          take_string (&meta->url, extract_url (l->text));
          l->keep = FALSE;
          continue;
        }
      if (is_credit_caption (l) || is_banner (l, NULL))
        {
          l->keep = FALSE;
          continue;
        }
      kept_paragraphs++;
    }

  /* trailing chrome: short lines without a full stop at the very end */
  for (i = lines->len; i > start; i--)
    {
      Line *l = line_at (lines, i - 1);

      if (!l->keep)
        continue;
      if (l->words <= 3 && !ends_like_sentence (l) && l->heading == 0 && kept_paragraphs > 1)
        {
          l->keep = FALSE;
          kept_paragraphs--;
          continue;
        }
      break;
    }
}

/* A block of lines of similar width, most of them long: a hard-wrapped
 * paragraph whose lines should be joined. */
static gboolean
block_is_wrapped (GArray *lines,
                  guint   first,
                  guint   last)
{
  guint i;
  gsize max = 0, min = G_MAXSIZE;

  if (last == first)
    return FALSE;
  /* the lines of one Markdown paragraph are one paragraph */
  for (i = first + 1; i <= last && line_at (lines, i)->soft_break; i++)
    ;
  if (i > last && !line_at (lines, first)->heading)
    return TRUE;
  for (i = first; i < last; i++)     /* the last line may be short */
    {
      Line *l = line_at (lines, i);

      if (l->list_item || l->heading)
        return FALSE;
      max = MAX (max, l->len);
      min = MIN (min, l->len);
    }
  if (line_at (lines, last)->list_item || line_at (lines, last)->heading)
    return FALSE;
  max = MAX (max, line_at (lines, last)->len);
  return max <= 110 && min >= 35;
}

static char *
assemble_body (GArray *lines,
               guint   start)
{
  GString *out = g_string_sized_new (4096);
  guint i = start;

  while (i < lines->len)
    {
      guint j, k;
      gboolean wrapped;

      if (!line_at (lines, i)->keep)
        {
          i++;
          continue;
        }
      /* the run of kept lines with no blank line between them */
      for (j = i; j + 1 < lines->len && line_at (lines, j + 1)->keep
                  && !line_at (lines, j + 1)->blank_before; j++)
        ;
      wrapped = block_is_wrapped (lines, i, j);
      for (k = i; k <= j; k++)
        {
          Line *l = line_at (lines, k);

          if (k > i && wrapped)
            {
              /* "Wash-" + "ington" */
              if (out->len > 1 && out->str[out->len - 1] == '-'
                  && g_ascii_isalpha (out->str[out->len - 2]) && g_ascii_islower (l->text[0]))
                g_string_truncate (out, out->len - 1);
              else
                g_string_append_c (out, ' ');
            }
          else if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, l->text, l->len);
        }
      i = j + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
fallback_title (const char *filename)
{
  g_autofree char *base = NULL;
  char *dot;
  char *p;

  if (filename == NULL)
    return g_strdup ("Untitled");
  base = g_path_get_basename (filename);
  dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  for (p = base; *p; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  g_strstrip (base);
  if (*base == '\0' || !g_utf8_validate (base, -1, NULL))
    return g_strdup ("Untitled");
  return g_steal_pointer (&base);
}

static void
meta_clear (Meta *meta)
{
  g_free (meta->title);
  g_free (meta->byline);
  g_free (meta->source);
  g_free (meta->source_hint);
  g_free (meta->agency);
  g_free (meta->url);
}

/* Builds the result from the kept lines and the metadata found. */
static DossierExtracted *
finish (GArray      *lines,
        guint        body_start,
        int          title_index,
        Meta        *meta,
        const char  *filename,
        GError     **error)
{
  DossierExtracted *result;
  g_autofree char *raw = NULL;

  raw = assemble_body (lines, body_start);

  /* a title but nothing after it: the text was all one block */
  if (*raw == '\0' && title_index >= 0)
    {
      guint i;

      for (i = 0; i < lines->len; i++)
        line_at (lines, i)->keep = i != (guint) title_index;
      g_free (raw);
      raw = assemble_body (lines, 0);
    }

  result = dossier_extracted_new ();
  result->body = dossier_text_normalize (raw, -1);
  if (result->body[0] == '\0')
    {
      dossier_extracted_free (result);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text"), filename ? filename : "(text)");
      return NULL;
    }

  if (meta->title == NULL)
    {
      /* no headline: a short first line will do, else the file name */
      const char *nl = strchr (result->body, '\n');
      gsize first = nl ? (gsize) (nl - result->body) : strlen (result->body);

      if (first <= 120 && first > 0)
        meta->title = g_strndup (result->body, first);
      else
        meta->title = fallback_title (filename);
    }

  result->title = dossier_text_normalize (meta->title, -1);
  result->byline = g_steal_pointer (&meta->byline);
  result->source = meta->source ? g_steal_pointer (&meta->source)
                 : meta->source_hint ? g_steal_pointer (&meta->source_hint)
                 : g_steal_pointer (&meta->agency);
  result->url = g_steal_pointer (&meta->url);
  result->published = meta->date;
  result->date_origin = meta->date_origin;
  if (result->published.precision == DOSSIER_DATE_PRECISION_UNKNOWN && result->url != NULL
      && dossier_date_from_url (result->url, &result->published))
    result->date_origin = DOSSIER_DATE_ORIGIN_URL;
  if (result->published.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    result->date_origin = DOSSIER_DATE_ORIGIN_NONE;
  result->language = g_strdup (dossier_text_guess_language (result->body, -1));
  return result;
}

/* The shared pipeline over lines.  @meta may hold hints from front
 * matter; @title_index is the title line when the caller knows it. */
static DossierExtracted *
extract_lines (GArray      *lines,
               Meta        *meta,
               int          title_index,
               const char  *filename,
               GError     **error)
{
  guint body_start;
  int t;

  t = find_title (lines, meta, title_index);
  if (t >= 0 && meta->title == NULL)
    {
      meta->title = g_strdup (line_at (lines, t)->text);
      split_site_suffix (meta);
    }
  if (t >= 0)
    line_at (lines, t)->keep = FALSE;

  body_start = read_header (lines, t >= 0 ? (guint) t + 1 : 0, meta);
  clean_body (lines, body_start, meta);
  return finish (lines, body_start, t, meta, filename, error);
}

DossierExtracted *
dossier_text_extract (const char  *utf8,
                      gsize        len,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(GArray) lines = NULL;
  Meta meta = { 0, };
  DossierExtracted *result;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  meta.date = (DossierDate) DOSSIER_DATE_INIT;
  lines = split_lines (utf8, len);
  result = extract_lines (lines, &meta, -1, filename, error);
  meta_clear (&meta);
  return result;
}

/* ------------------------------------------------------------------ */
/* For other front ends (Markdown)                                    */

GArray *
_dossier_text_lines_new (void)
{
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), 64);

  g_array_set_clear_func (lines, clear_line);
  return lines;
}

gboolean
_dossier_text_lines_append (GArray     *lines,
                            const char *text,
                            gsize       len,
                            gboolean   *blank,
                            guint       heading,
                            gboolean    list_item,
                            gboolean    soft_break)
{
  guint before = lines->len;
  gboolean after_blank = *blank;

  append_line (lines, text, len, blank, heading, list_item, TRUE);
  if (lines->len == before)
    return FALSE;
  line_at (lines, before)->soft_break = soft_break && !after_blank;
  return TRUE;
}

char *
_dossier_text_strip_links (const char *text)
{
  return strip_inline_links (text);
}

char *
_dossier_text_extract_url (const char *text)
{
  return extract_url (text);
}

gboolean
_dossier_text_looks_like_url (const char *text)
{
  return looks_like_url (text);
}

void
_dossier_text_hints_clear (DossierTextHints *hints)
{
  g_clear_pointer (&hints->title, g_free);
  g_clear_pointer (&hints->byline, g_free);
  g_clear_pointer (&hints->source, g_free);
  g_clear_pointer (&hints->url, g_free);
  hints->date = (DossierDate) DOSSIER_DATE_INIT;
  hints->date_origin = DOSSIER_DATE_ORIGIN_NONE;
}

DossierExtracted *
_dossier_text_extract_lines (GArray            *lines,
                             DossierTextHints  *hints,
                             int                title_index,
                             const char        *filename,
                             GError           **error)
{
  Meta meta = { 0, };
  DossierExtracted *result;

  meta.title = g_steal_pointer (&hints->title);
  meta.byline = g_steal_pointer (&hints->byline);
  meta.source = g_steal_pointer (&hints->source);
  meta.url = g_steal_pointer (&hints->url);
  meta.date = hints->date;
  meta.date_origin = hints->date_origin;

  if (meta.title != NULL)
    {
      guint i;

      /* the known title repeated as one of the first lines */
      title_index = -1;
      for (i = 0; i < MIN (lines->len, 8u); i++)
        if (same_text (line_at (lines, i)->text, meta.title))
          {
            title_index = (int) i;
            break;
          }
      if (title_index < 0)
        {
          /* no title line in the text: the header starts at the top */
          guint body_start = read_header (lines, 0, &meta);

          clean_body (lines, body_start, &meta);
          result = finish (lines, body_start, -1, &meta, filename, error);
          meta_clear (&meta);
          return result;
        }
    }

  result = extract_lines (lines, &meta, title_index, filename, error);
  meta_clear (&meta);
  return result;
}

/* ------------------------------------------------------------------ */
/* Language                                                           */

static inline gboolean
is_stop_word (const char        *word,
              gsize              len,
              const char *const *table)
{
  for (; *table; table++)
    if ((*table)[0] == word[0] && strncmp (*table, word, len + 1) == 0)
      return TRUE;
  return FALSE;
}

const char *
dossier_text_guess_language (const char *utf8,
                             gssize      len)
{
  static const char *const en[] = { "the", "and", "of", "to", "in", "is", "that", "was", "for", "with", NULL };
  static const char *const de[] = { "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", NULL };
  static const char *const fr[] = { "le", "la", "les", "et", "des", "est", "une", "du", "dans", "que", NULL };
  static const char *const es[] = { "el", "los", "las", "y", "del", "que", "una", "por", "con", "para", NULL };
  const char *p, *end;
  guint cyrillic = 0, latin = 0;
  guint n_en = 0, n_de = 0, n_fr = 0, n_es = 0;
  char word[16];
  guint wl = 0;

  if (utf8 == NULL)
    return NULL;
  if (len < 0)
    len = strlen (utf8);
  end = utf8 + MIN (len, 2048);

  for (p = utf8; p < end; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (g_ascii_isalpha (c))
            {
              latin++;
              if (wl < sizeof word - 1)
                word[wl++] = g_ascii_tolower (c);
              else
                wl = sizeof word;
            }
          else
            {
              if (wl > 0 && wl < sizeof word)
                {
                  word[wl] = '\0';
                  if (wl <= 5)
                    {
                      n_en += is_stop_word (word, wl, en);
                      n_de += is_stop_word (word, wl, de);
                      n_fr += is_stop_word (word, wl, fr);
                      n_es += is_stop_word (word, wl, es);
                    }
                }
              wl = 0;
            }
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            break;
          if (u >= 0x400 && u <= 0x4FF)
            cyrillic++;
          else if (g_unichar_isalpha (u))
            latin++;
          wl = sizeof word;        /* a word with accents is not a stop word */
          p = g_utf8_next_char (p);
        }
    }

  if (cyrillic + latin < 40)
    return NULL;
  if (cyrillic > latin)
    {
      /* Ukrainian letters і ї є ґ */
      if (strstr (utf8, "ї") || strstr (utf8, "є") || strstr (utf8, "ґ"))
        return "uk";
      return "ru";
    }
  if (n_en >= n_de && n_en >= n_fr && n_en >= n_es && n_en >= 3)
    return "en";
  if (n_de >= n_fr && n_de >= n_es && n_de >= 3)
    return "de";
  if (n_fr >= n_es && n_fr >= 3)
    return "fr";
  if (n_es >= 3)
    return "es";
  return NULL;
}
