/* dossier-text-header.c — the header and chrome lines of plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognises the lines around an article's text: names and organisations,
 * bylines, agency datelines, date lines, banners, markers of related links
 * or appeals, link lines and photo credits.
 */
#define G_LOG_DOMAIN "dossier-text-extract"

#include "config.h"

#include <string.h>

#include "dossier-text-extract-private.h"
#include "dossier-extract.h"

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

gboolean
_dossier_text_looks_like_org (const char *name)
{
  g_auto(GStrv) words = NULL;
  guint i;

  if (_dossier_text_has_prefix_ci (name, "the "))
    return TRUE;
  words = g_strsplit (name, " ", -1);
  for (i = 0; words[i]; i++)
    {
      g_autofree char *w = g_ascii_strdown (words[i], -1);
      gsize wl = strlen (w);

      while (wl > 0 && !g_ascii_isalnum (w[wl - 1]))
        w[--wl] = '\0';
      if (_dossier_text_key_in (w, org_words))
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
gboolean
_dossier_text_looks_like_name (const char *s,
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
      else if (!_dossier_text_key_in (w, name_particles)
               && !_dossier_text_has_prefix_ci (w, "photo")
                 && !_dossier_text_has_prefix_ci (w, "credit"))
        return FALSE;
    }
  return capitals > 0;
}

/* Cleans a name for display: markdown link syntax, brackets and trailing
 * punctuation go. */
char *
_dossier_text_clean_name (const char *s)
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
    char *folded = _dossier_text_fold_line (out->str, out->len, &folded_len);

    g_string_free (out, TRUE);
    return folded;
  }
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
gboolean
_dossier_text_parse_agency_dateline (const char  *s,
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
        if (*agency == NULL && _dossier_text_looks_like_name (inside, 4))
          *agency = g_strdup (inside);
      }
      return TRUE;
    }
  p = open;
  return strncmp (p, "—", 3) == 0 || strncmp (p, "–", 3) == 0 || (p[0] == '-' && p[1] == '-');
}

/* "By Jane Doe", "By Jane Doe, The Moscow Times", "By [The Moscow Times](#)" */
gboolean
_dossier_text_parse_byline (const Line *l,
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
  if (_dossier_text_ends_like_sentence (l) && l->words > 6)
    return FALSE;

  parts = g_strsplit_set (rest, ",|", -1);
  for (i = 0; parts[i]; i++)
    {
      g_autofree char *name = _dossier_text_clean_name (parts[i]);

      if (*name == '\0')
        continue;
      if (i == 0 && !_dossier_text_looks_like_org (name))
        {
          if (!_dossier_text_looks_like_name (name, 8))
            return FALSE;
          _dossier_text_set_string (&meta->byline, name);
        }
      else if (_dossier_text_looks_like_org (name) || i > 0)
        {
          if (dossier_date_parse (name, &(DossierDate) DOSSIER_DATE_INIT))
            continue;
          _dossier_text_set_string (&meta->source, name);
        }
    }
  return TRUE;
}

/* A line that is only a date with a few words around it: "February 02, 2013",
 * "Posted: Apr 15, 2013 12:22 PM", "Updated on 2013-04-15 at 10:00 GMT". */
gboolean
_dossier_text_parse_date_line (const Line  *l,
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
  residue = _dossier_text_count_words (rest);
  {
    g_autofree char *before = g_strndup (l->text, start);

    residue += _dossier_text_count_words (before);
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

gboolean
_dossier_text_is_banner (const Line *l,
                         Meta       *meta)
{
  char key[64];
  guint i;

  if (!_dossier_text_has_letters (l->text))
    return l->len <= 8;     /* "×", "|", "***" */

  _dossier_text_line_key (l, key, sizeof key);
  if (key[0] != '\0' && _dossier_text_key_in (key, banner_keys))
    return TRUE;
  if (l->words <= 12)
    for (i = 0; banner_prefixes[i]; i++)
      if (_dossier_text_has_prefix_ci (l->text, banner_prefixes[i]))
        {
          if (_dossier_text_has_prefix_ci (l->text, "subscribe to ") && meta != NULL)
            {
              g_autofree char *name = _dossier_text_clean_name (l->text + strlen ("subscribe to "));

              if (_dossier_text_looks_like_name (name, 6))
                _dossier_text_set_string (&meta->source_hint, name);
            }
          return TRUE;
        }
  /* "Support The Moscow Times!" */
  if (l->words <= 8 && _dossier_text_has_prefix_ci (l->text, "support ")
      && (l->text[l->len - 1] == '!' || !_dossier_text_ends_like_sentence (l)))
    {
      g_autofree char *name = _dossier_text_clean_name (l->text + strlen ("support "));

      if (meta != NULL && _dossier_text_looks_like_name (name, 6)
          && _dossier_text_looks_like_org (name))
        _dossier_text_set_string (&meta->source_hint, name);
      return TRUE;
    }
  return FALSE;
}

gboolean
_dossier_text_looks_like_url (const char *s)
{
  if (*s == '<')
    s++;
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://")
         || g_str_has_prefix (s, "www.");
}

char *
_dossier_text_extract_url (const char *s)
{
  const char *start;
  gsize n;

  while (*s == ' ' || *s == '<' || *s == '(')
    s++;
  if (!_dossier_text_looks_like_url (s))
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

Marker
_dossier_text_classify_marker (const Line *l,
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

  _dossier_text_line_key (l, key, sizeof key);
  if (key[0] != '\0')
    {
      if (_dossier_text_key_in (key, related))
        return MARKER_RELATED;
      if (_dossier_text_key_in (key, url_keys) && l->text[l->len - 1] == ':')
        return MARKER_URL;
      if (_dossier_text_key_in (key, appeal_keys))
        return MARKER_APPEAL;
      if (_dossier_text_key_in (key, drop_keys))
        return MARKER_DROP;
    }

  /* "Original url: https://…" on one line */
  colon = strchr (l->text, ':');
  if (colon != NULL && colon - l->text < 24
      && _dossier_text_looks_like_url (colon + 1 + (colon[1] == ' ')))
    {
      g_autofree char *head = g_strndup (l->text, colon - l->text);
      Line hl = { head, strlen (head), 0, 0, FALSE, FALSE, FALSE };
      char hkey[64];

      _dossier_text_line_key (&hl, hkey, sizeof hkey);
      if (_dossier_text_key_in (hkey, url_keys))
        {
          _dossier_text_take_string (&meta->url, _dossier_text_extract_url (colon + 1));
          return MARKER_DROP;
        }
    }

  /* "A Message from The Moscow Times:" */
  if (_dossier_text_has_prefix_ci (l->text, "a message from ") && l->words <= 10)
    {
      g_autofree char *name = _dossier_text_clean_name (l->text + strlen ("a message from "));

      if (_dossier_text_looks_like_name (name, 6) && !_dossier_text_has_prefix_ci (name, "our "))
        _dossier_text_set_string (&meta->source_hint, name);
      return MARKER_APPEAL;
    }
  /* "… we have a small favor to ask." */
  if (strstr (l->text, "small favor to ask") != NULL || strstr (l->text, "small favour to ask") != NULL
      || _dossier_text_has_prefix_ci (l->text, "enjoying ad-free content")
      || _dossier_text_has_prefix_ci (l->text, "not ready to support today")
      || _dossier_text_has_prefix_ci (l->text, "if you value our journalism")
      || _dossier_text_has_prefix_ci (l->text, "if you appreciate our journalism"))
    return MARKER_APPEAL;

  /* "See also: Obama Urges Putin …" on one line */
  if (colon != NULL && colon - l->text < 24 && l->words <= 20)
    {
      g_autofree char *head = g_strndup (l->text, colon - l->text);
      Line hl = { head, strlen (head), 0, 0, FALSE, FALSE, FALSE };
      char hkey[64];

      _dossier_text_line_key (&hl, hkey, sizeof hkey);
      if (_dossier_text_key_in (hkey, related) && !_dossier_text_ends_like_sentence (l))
        return MARKER_DROP;
    }

  /* "© 2013 Eurasia Daily Review. All rights reserved." */
  if (g_str_has_prefix (l->text, "©") || _dossier_text_has_prefix_ci (l->text, "copyright ")
      || _dossier_text_has_prefix_ci (l->text, "(c) "))
    {
      if (l->words <= 16)
        {
          const char *p = l->text;
          g_autofree char *name = NULL;
          char *stop;

          if (g_str_has_prefix (p, "©"))
            p += strlen ("©");
          else if (_dossier_text_has_prefix_ci (p, "copyright "))
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
            g_autofree char *clean = _dossier_text_clean_name (name);

            if (_dossier_text_looks_like_name (clean, 6))
              _dossier_text_set_string (&meta->source_hint, clean);
          }
          return MARKER_DROP;
        }
    }
  if (l->words <= 6 && strstr (l->text, "ll rights reserved") != NULL)
    return MARKER_DROP;

  return MARKER_NONE;
}

/* A headline-like line in a "See also" block: short, not a sentence. */
gboolean
_dossier_text_is_link_line (const Line *l)
{
  if (l->list_item)
    return l->words <= 25;
  if (l->text[0] == '[' && strstr (l->text, "](") != NULL)
    return TRUE;
  if (_dossier_text_looks_like_url (l->text))
    return TRUE;
  return l->words <= 20 && !_dossier_text_ends_like_sentence (l)
    && !_dossier_text_has_two_sentences (l->text);
}

/* "A RS-12M Topol mobile … Russian missiles. Denis Grishkin",
 * "Clinton reacting … Bushehr. Alexander Zemlianichenko",
 * "Police at the scene. Maxim Shemetov / Reuters" */
gboolean
_dossier_text_is_credit_caption (const Line *l)
{
  gunichar last = _dossier_text_last_significant_char (l->text, l->len);
  const char *p;
  const char *credit = NULL;

  if (l->words < 4 || _dossier_text_is_terminal (last) || last == ':' || last == ',')
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
  if (_dossier_text_count_words (credit) > 6 || (credit - l->text) < 15)
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
      ok = _dossier_text_looks_like_name (joined->str, 8);
      g_string_free (joined, TRUE);
      return ok;
    }
  }
}
