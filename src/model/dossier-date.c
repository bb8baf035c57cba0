/* dossier-date.c — calendar dates with a precision, and the date parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-date"

#include "config.h"

#include <string.h>

#include "dossier-date.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* Tokens are looked at only in this much of the text: datelines are short,
 * and the parser must stay cheap on a whole article. */
#define MAX_TOKENS 512

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind kind;
  int       value;    /* number: its value; word: a month 1..12 or 0;
                       * punct: the character */
  int       digits;   /* number: how many digits */
  gboolean  capital;  /* word: starts with an upper-case letter */
  gsize     start;    /* byte offsets into the text */
  gsize     end;
  gboolean  space_before;
} Token;

typedef struct
{
  const char *name;
  int         month;
  gboolean    needs_capital;  /* English words that are also common words */
} MonthName;

/* Lower-case forms.  English, German, Russian (nominative and genitive). */
static const MonthName month_names[] = {
  { "january", 1, FALSE }, { "jan", 1, FALSE },
  { "february", 2, FALSE }, { "feb", 2, FALSE },
  { "march", 3, TRUE }, { "mar", 3, TRUE },
  { "april", 4, FALSE }, { "apr", 4, FALSE },
  { "may", 5, TRUE },
  { "june", 6, FALSE }, { "jun", 6, FALSE },
  { "july", 7, FALSE }, { "jul", 7, FALSE },
  { "august", 8, FALSE }, { "aug", 8, FALSE },
  { "september", 9, FALSE }, { "sept", 9, FALSE }, { "sep", 9, FALSE },
  { "october", 10, FALSE }, { "oct", 10, FALSE },
  { "november", 11, FALSE }, { "nov", 11, FALSE },
  { "december", 12, FALSE }, { "dec", 12, FALSE },
  /* German */
  { "januar", 1, FALSE }, { "jänner", 1, FALSE }, { "februar", 2, FALSE },
  { "märz", 3, FALSE }, { "maerz", 3, FALSE }, { "mär", 3, FALSE },
  { "mai", 5, FALSE }, { "juni", 6, FALSE }, { "juli", 7, FALSE },
  { "oktober", 10, FALSE }, { "okt", 10, FALSE },
  { "dezember", 12, FALSE }, { "dez", 12, FALSE },
  /* Russian, genitive ("2 февраля 2013") and nominative ("февраль 2013") */
  { "января", 1, FALSE }, { "январь", 1, FALSE }, { "янв", 1, FALSE },
  { "февраля", 2, FALSE }, { "февраль", 2, FALSE }, { "фев", 2, FALSE },
  { "марта", 3, FALSE }, { "март", 3, FALSE },
  { "апреля", 4, FALSE }, { "апрель", 4, FALSE }, { "апр", 4, FALSE },
  { "мая", 5, FALSE }, { "май", 5, FALSE },
  { "июня", 6, FALSE }, { "июнь", 6, FALSE },
  { "июля", 7, FALSE }, { "июль", 7, FALSE },
  { "августа", 8, FALSE }, { "август", 8, FALSE }, { "авг", 8, FALSE },
  { "сентября", 9, FALSE }, { "сентябрь", 9, FALSE }, { "сен", 9, FALSE },
  { "октября", 10, FALSE }, { "октябрь", 10, FALSE }, { "окт", 10, FALSE },
  { "ноября", 11, FALSE }, { "ноябрь", 11, FALSE }, { "ноя", 11, FALSE },
  { "декабря", 12, FALSE }, { "декабрь", 12, FALSE }, { "дек", 12, FALSE },
};

static gboolean
is_valid_day (int year,
              int month,
              int day)
{
  if (year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;
  if (month < 1 || month > 12)
    return FALSE;
  return day >= 1 && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
set_day (DossierDate *out,
         int          year,
         int          month,
         int          day)
{
  if (!is_valid_day (year, month, day))
    return FALSE;
  out->year = year;
  out->month = month;
  out->day = day;
  out->precision = DOSSIER_DATE_PRECISION_DAY;
  return TRUE;
}

static gboolean
set_month (DossierDate *out,
           int          year,
           int          month)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    return FALSE;
  out->year = year;
  out->month = month;
  out->day = 0;
  out->precision = DOSSIER_DATE_PRECISION_MONTH;
  return TRUE;
}

static int
lookup_month (const char *word,
              gsize       len,
              gboolean    capital)
{
  char buf[32];
  g_autofree char *folded = NULL;
  const char *key;
  gsize i;

  if (len == 0 || len >= sizeof buf)
    return 0;

  if ((guchar) word[0] < 0x80)
    {
      for (i = 0; i < len; i++)
        {
          if ((guchar) word[i] >= 0x80)
            break;
          buf[i] = g_ascii_tolower (word[i]);
        }
      if (i < len)
        {
          folded = g_utf8_casefold (word, len);
          key = folded;
        }
      else
        {
          buf[len] = '\0';
          key = buf;
        }
    }
  else
    {
      folded = g_utf8_casefold (word, len);
      key = folded;
    }

  for (i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (strcmp (month_names[i].name, key) == 0)
        {
          if (month_names[i].needs_capital && !capital)
            return 0;
          return month_names[i].month;
        }
    }

  return 0;
}

static guint
tokenize (const char *text,
          gsize       len,
          Token      *tokens,
          guint       max_tokens)
{
  gsize i = 0;
  guint n = 0;
  gboolean space = TRUE;

  while (i < len && n < max_tokens)
    {
      guchar c = (guchar) text[i];
      Token *t;

      if (c == '\0')
        break;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = TRUE;
          i++;
          continue;
        }

      t = &tokens[n];
      t->start = i;
      t->space_before = space;
      space = FALSE;

      if (g_ascii_isdigit (c))
        {
          int value = 0;
          int digits = 0;

          while (i < len && g_ascii_isdigit (text[i]))
            {
              if (digits < 9)
                value = value * 10 + (text[i] - '0');
              digits++;
              i++;
            }
          t->kind = TOKEN_NUMBER;
          t->value = value;
          t->digits = digits;
          t->end = i;
          n++;
          continue;
        }

      if (c < 0x80 && !g_ascii_isalpha (c))
        {
          t->kind = TOKEN_PUNCT;
          t->value = c;
          t->end = ++i;
          n++;
          continue;
        }

      /* A word: letters, possibly non-ASCII. */
      {
        gunichar first;
        const char *p = text + i;
        const char *stop = text + len;
        const char *next;

        first = g_utf8_get_char_validated (p, stop - p);
        if (first == (gunichar) -1 || first == (gunichar) -2)
          {
            /* invalid byte: treat as punctuation */
            t->kind = TOKEN_PUNCT;
            t->value = '?';
            t->end = ++i;
            n++;
            continue;
          }
        if (!g_unichar_isalpha (first))
          {
            next = g_utf8_next_char (p);
            t->kind = TOKEN_PUNCT;
            t->value = first == 0x2014 || first == 0x2013 ? '-' : '?';
            i = MIN ((gsize) (next - text), len);
            t->end = i;
            space = first == 0xA0 || g_unichar_isspace (first);
            if (space)
              continue;   /* odd spaces are spaces, not tokens */
            n++;
            continue;
          }

        while (p < stop)
          {
            gunichar ch = g_utf8_get_char_validated (p, stop - p);

            if (ch == (gunichar) -1 || ch == (gunichar) -2 || !g_unichar_isalpha (ch))
              break;
            p = g_utf8_next_char (p);
          }
        t->kind = TOKEN_WORD;
        t->capital = g_unichar_isupper (first);
        t->end = p - text;
        t->value = lookup_month (text + i, t->end - i, t->capital);
        i = t->end;
        n++;
      }
    }

  return n;
}

static inline gboolean
is_punct (const Token *tokens,
          guint        n,
          guint        i,
          char         c)
{
  return i < n && tokens[i].kind == TOKEN_PUNCT && tokens[i].value == c;
}

static inline gboolean
is_number (const Token *tokens,
           guint        n,
           guint        i,
           int          min_digits,
           int          max_digits)
{
  return i < n && tokens[i].kind == TOKEN_NUMBER
         && tokens[i].digits >= min_digits && tokens[i].digits <= max_digits;
}

static inline gboolean
is_month (const Token *tokens,
          guint        n,
          guint        i)
{
  return i < n && tokens[i].kind == TOKEN_WORD && tokens[i].value > 0;
}

static inline gboolean
is_ordinal_suffix (const Token *tokens,
                   guint        n,
                   guint        i,
                   const char  *text)
{
  static const char *suffixes[] = { "st", "nd", "rd", "th" };
  guint k;

  if (i >= n || tokens[i].kind != TOKEN_WORD || tokens[i].space_before)
    return FALSE;
  if (tokens[i].end - tokens[i].start != 2)
    return FALSE;
  for (k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (g_ascii_strncasecmp (text + tokens[i].start, suffixes[k], 2) == 0)
      return TRUE;
  return FALSE;
}

/* A number token must not be glued to other digits or letters, e.g. the
 * "15" of "A15" or the "2013" of "2013abc". */
static inline gboolean
number_ends_cleanly (const Token *tokens,
                     guint        n,
                     guint        i)
{
  return i + 1 >= n || tokens[i + 1].space_before || tokens[i + 1].kind == TOKEN_PUNCT;
}

/* Tries every pattern at token @i; on success fills @out and sets *@last to
 * the index of the last token used. */
static gboolean
match_at (const char  *text,
          const Token *tk,
          guint        n,
          guint        i,
          DossierDate *out,
          guint       *last)
{
  guint j;

  /* 2013-04-15, 2013/04/15, 2013.04.15 (also the date of an ISO timestamp) */
  if (is_number (tk, n, i, 4, 4)
      && (is_punct (tk, n, i + 1, '-') || is_punct (tk, n, i + 1, '/') || is_punct (tk, n, i + 1, '.'))
      && is_number (tk, n, i + 2, 1, 2)
      && is_punct (tk, n, i + 3, tk[i + 1].value)
      && is_number (tk, n, i + 4, 1, 2)
      && !tk[i + 1].space_before && !tk[i + 2].space_before
      && !tk[i + 3].space_before && !tk[i + 4].space_before)
    {
      /* "2013-04-15T10:00" is glued to T: accept that one word. */
      if (i + 5 < n && !tk[i + 5].space_before && tk[i + 5].kind == TOKEN_NUMBER)
        return FALSE;
      if (set_day (out, tk[i].value, tk[i + 2].value, tk[i + 4].value))
        {
          *last = i + 4;
          return TRUE;
        }
      return FALSE;
    }

  /* 15.04.2013, 15/04/2013 or 04/15/2013, 15-04-2013 */
  if (is_number (tk, n, i, 1, 2)
      && (is_punct (tk, n, i + 1, '.') || is_punct (tk, n, i + 1, '/') || is_punct (tk, n, i + 1, '-'))
      && is_number (tk, n, i + 2, 1, 2)
      && is_punct (tk, n, i + 3, tk[i + 1].value)
      && is_number (tk, n, i + 4, 4, 4)
      && !tk[i + 1].space_before && !tk[i + 2].space_before
      && !tk[i + 3].space_before && !tk[i + 4].space_before
      && number_ends_cleanly (tk, n, i + 4))
    {
      int a = tk[i].value, b = tk[i + 2].value, y = tk[i + 4].value;
      gboolean ok;

      if (tk[i + 1].value == '/')
        /* American order unless the first number cannot be a month */
        ok = a > 12 ? set_day (out, y, b, a) : set_day (out, y, a, b);
      else
        ok = b > 12 ? set_day (out, y, a, b) : set_day (out, y, b, a);
      if (ok)
        *last = i + 4;
      return ok;
    }

  /* February 02, 2013 · Feb. 2, 2013 · Apr 15 2013 · March 3rd, 2013 */
  if (is_month (tk, n, i))
    {
      int month = tk[i].value;

      j = i + 1;
      if (is_punct (tk, n, j, '.'))
        j++;
      if (is_number (tk, n, j, 1, 2) && j + 1 < n)
        {
          int day = tk[j].value;
          guint k = j + 1;

          if (is_ordinal_suffix (tk, n, k, text))
            k++;
          if (is_punct (tk, n, k, ','))
            k++;
          if (is_number (tk, n, k, 4, 4) && number_ends_cleanly (tk, n, k)
              && set_day (out, tk[k].value, month, day))
            {
              *last = k;
              return TRUE;
            }
          return FALSE;
        }
      /* April 2013 */
      if (is_punct (tk, n, j, ','))
        j++;
      if (is_number (tk, n, j, 4, 4) && number_ends_cleanly (tk, n, j)
          && set_month (out, tk[j].value, month))
        {
          *last = j;
          return TRUE;
        }
      return FALSE;
    }

  /* 2 February 2013 · 2. Februar 2013 · 2nd of March, 2013 · 2 февраля 2013 */
  if (is_number (tk, n, i, 1, 2) && (i == 0 || tk[i].space_before || tk[i - 1].kind == TOKEN_PUNCT))
    {
      int day = tk[i].value;

      j = i + 1;
      if (is_ordinal_suffix (tk, n, j, text))
        j++;
      if (is_punct (tk, n, j, '.'))
        j++;
      if (j < n && tk[j].kind == TOKEN_WORD && tk[j].end - tk[j].start == 2
          && g_ascii_strncasecmp (text + tk[j].start, "of", 2) == 0)
        j++;
      if (is_month (tk, n, j))
        {
          int month = tk[j].value;

          j++;
          if (is_punct (tk, n, j, '.'))
            j++;
          if (is_punct (tk, n, j, ','))
            j++;
          if (is_number (tk, n, j, 4, 4) && number_ends_cleanly (tk, n, j)
              && set_day (out, tk[j].value, month, day))
            {
              *last = j;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Public API */

char *
dossier_date_to_string (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case DOSSIER_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case DOSSIER_DATE_PRECISION_UNKNOWN:
    default:
      return NULL;
    }
}

static gboolean
read_digits (const char **p,
             int          count,
             int         *value)
{
  int v = 0;
  int k;

  for (k = 0; k < count; k++)
    {
      if (!g_ascii_isdigit ((*p)[k]))
        return FALSE;
      v = v * 10 + ((*p)[k] - '0');
    }
  *p += count;
  *value = v;
  return TRUE;
}

gboolean
dossier_date_from_iso (const char  *text,
                       DossierDate *out)
{
  const char *p;
  int year, month, day;
  DossierDate d = DOSSIER_DATE_INIT;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (!read_digits (&p, 4, &year) || year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;
  if (*p == '\0' || g_ascii_isspace (*p))
    {
      d.year = year;
      d.precision = DOSSIER_DATE_PRECISION_YEAR;
      goto done;
    }
  if (*p++ != '-' || !read_digits (&p, 2, &month) || month < 1 || month > 12)
    return FALSE;
  if (*p == '\0' || g_ascii_isspace (*p))
    {
      set_month (&d, year, month);
      goto done;
    }
  if (*p++ != '-' || !read_digits (&p, 2, &day) || !set_day (&d, year, month, day))
    return FALSE;
  /* a timestamp: the rest must look like one */
  if (*p == 'T' || *p == 't' || (*p == ' ' && g_ascii_isdigit (p[1])))
    {
      int hh, mm;

      p++;
      if (!read_digits (&p, 2, &hh) || hh > 24 || *p++ != ':' || !read_digits (&p, 2, &mm) || mm > 59)
        return FALSE;
      while (*p != '\0' && (g_ascii_isdigit (*p) || strchr (":.,+-Zz", *p) != NULL))
        p++;
    }

done:
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  *out = d;
  return TRUE;
}

gboolean
dossier_date_find (const char  *text,
                   gssize       len,
                   DossierDate *out,
                   gsize       *match_start,
                   gsize       *match_end)
{
  Token tokens[MAX_TOKENS];
  guint n, i;
  DossierDate d = DOSSIER_DATE_INIT;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (len < 0)
    len = strlen (text);

  n = tokenize (text, len, tokens, MAX_TOKENS);
  for (i = 0; i < n; i++)
    {
      guint last = i;

      if (tokens[i].kind == TOKEN_PUNCT)
        continue;
      if (match_at (text, tokens, n, i, &d, &last))
        {
          *out = d;
          if (match_start)
            *match_start = tokens[i].start;
          if (match_end)
            *match_end = tokens[last].end;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
dossier_date_parse (const char  *text,
                    DossierDate *out)
{
  return dossier_date_find (text, -1, out, NULL, NULL);
}

/* One or two digits, not followed by a third: the month or day of a path
 * such as /2017/7/12/ */
static gboolean
read_short_number (const char **p,
                   int         *value)
{
  const char *q = *p;

  if (!g_ascii_isdigit (q[0]))
    return FALSE;
  if (g_ascii_isdigit (q[1]))
    {
      if (g_ascii_isdigit (q[2]))
        return FALSE;
      *value = (q[0] - '0') * 10 + (q[1] - '0');
      *p = q + 2;
    }
  else
    {
      *value = q[0] - '0';
      *p = q + 1;
    }
  return TRUE;
}

static int
url_month_word (const char *p,
                gsize       len)
{
  if (len < 3 || len > 9)
    return 0;
  return lookup_month (p, len, TRUE);
}

gboolean
dossier_date_from_url (const char  *url,
                       DossierDate *out)
{
  const char *path;
  const char *p;
  const char *end;
  DossierDate d = DOSSIER_DATE_INIT;
  DossierDate month_only = DOSSIER_DATE_INIT;

  g_return_val_if_fail (out != NULL, FALSE);

  if (url == NULL)
    return FALSE;

  /* Skip scheme and host: only the path (and query) count. */
  path = strstr (url, "://");
  path = path ? strchr (path + 3, '/') : url;
  if (path == NULL)
    return FALSE;
  end = path + strcspn (path, "#");

  for (p = path; p < end; p++)
    {
      int year, month, day;
      const char *q;

      if (!g_ascii_isdigit (*p) || (p > path && g_ascii_isalnum (p[-1])))
        continue;

      q = p;
      /* 20130415 between separators */
      if (end - q >= 8 && read_digits (&q, 8, &year)
          && (q == end || !g_ascii_isalnum (*q)))
        {
          day = year % 100;
          month = (year / 100) % 100;
          year /= 10000;
          if (set_day (&d, year, month, day))
            goto found;
          continue;
        }

      q = p;
      if (!read_digits (&q, 4, &year) || year < MIN_YEAR || year > MAX_YEAR)
        continue;
      if (q >= end || (*q != '/' && *q != '-' && *q != '_'))
        continue;
      {
        char sep = *q++;
        const char *mstart = q;

        if ((sep == '/' ? read_short_number (&q, &month) : read_digits (&q, 2, &month))
            && month >= 1 && month <= 12)
          ;
        else
          {
            /* /2013/apr/15/ as the Guardian writes it */
            q = mstart;
            while (q < end && g_ascii_isalpha (*q))
              q++;
            month = url_month_word (mstart, q - mstart);
            if (month == 0)
              continue;
          }
        if (q < end && *q == sep && q + 1 < end && g_ascii_isdigit (q[1]))
          {
            const char *dq = q + 1;

            if ((sep == '/' ? read_short_number (&dq, &day) : read_digits (&dq, 2, &day))
                && (dq == end || !g_ascii_isalnum (*dq)))
              {
                if (set_day (&d, year, month, day))
                  goto found;
                continue;
              }
          }
        /* /2013/04/ — a month, only when followed by a separator */
        if (sep == '/' && (q == end || *q == '/')
            && month_only.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
          set_month (&month_only, year, month);
      }
    }

  if (month_only.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    {
      *out = month_only;
      return TRUE;
    }
  return FALSE;

found:
  *out = d;
  return TRUE;
}

gint64
dossier_date_to_julian (const DossierDate *date)
{
  int month, day;

  g_return_val_if_fail (date != NULL, -1);

  if (date->precision == DOSSIER_DATE_PRECISION_UNKNOWN
      || date->year < 1 || date->year > 9999)
    return -1;

  month = date->precision >= DOSSIER_DATE_PRECISION_MONTH ? date->month : 1;
  day = date->precision >= DOSSIER_DATE_PRECISION_DAY ? date->day : 1;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) date->year))
    return -1;

  {
    GDate g;

    g_date_clear (&g, 1);
    g_date_set_dmy (&g, (GDateDay) day, (GDateMonth) month, (GDateYear) date->year);
    return g_date_get_julian (&g);
  }
}

char *
dossier_date_julian_to_iso (gint64 jd)
{
  g_autoptr(GDate) date = NULL;

  if (jd < 1 || jd > G_MAXUINT32)
    return g_strdup ("");
  date = g_date_new_julian ((guint32) jd);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gint64
dossier_date_to_last_julian (const DossierDate *date)
{
  DossierDate last;

  g_return_val_if_fail (date != NULL, -1);

  last = *date;
  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      last.month = 12;
      last.day = 31;
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      if (!g_date_valid_month ((GDateMonth) date->month) || date->year < 1 || date->year > 9999)
        return -1;
      last.day = g_date_get_days_in_month ((GDateMonth) date->month, (GDateYear) date->year);
      break;
    case DOSSIER_DATE_PRECISION_UNKNOWN:
      return -1;
    default:
      break;
    }
  last.precision = DOSSIER_DATE_PRECISION_DAY;
  return dossier_date_to_julian (&last);
}

int
dossier_date_compare (const DossierDate *a,
                      const DossierDate *b)
{
  gint64 ja = dossier_date_to_julian (a);
  gint64 jb = dossier_date_to_julian (b);

  if (ja != jb)
    return ja < jb ? -1 : 1;
  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;
  return 0;
}

void
dossier_date_hints_add (GString          **hints,
                        const char        *kind,
                        const DossierDate *date)
{
  g_autofree char *iso = dossier_date_to_string (date);

  g_return_if_fail (hints != NULL && kind != NULL);

  if (iso == NULL)
    return;
  if (*hints == NULL)
    *hints = g_string_new (NULL);
  else if ((*hints)->len > 0)
    g_string_append_c (*hints, '\n');
  g_string_append_printf (*hints, "%s %s", kind, iso);
}

gboolean
dossier_date_hints_read (const char  *hints,
                         const char  *kind,
                         DossierDate *out)
{
  gsize len;
  const char *line;

  g_return_val_if_fail (kind != NULL && out != NULL, FALSE);

  if (hints == NULL)
    return FALSE;
  len = strlen (kind);
  for (line = hints; line != NULL && *line; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    {
      const char *end = strchr (line, '\n');
      g_autofree char *value = NULL;

      if (strncmp (line, kind, len) != 0 || line[len] != ' ')
        continue;
      value = end ? g_strndup (line + len + 1, end - line - len - 1) : g_strdup (line + len + 1);
      if (dossier_date_from_iso (value, out))
        return TRUE;
    }
  return FALSE;
}
