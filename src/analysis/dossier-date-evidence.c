/* dossier-date-evidence.c — suggested dates for undated articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is read once into words; from them come the dates it mentions
 * (the latest is a lower bound: an article is written after what it
 * reports), a dateline at its start, the weekdays it names ("on Monday",
 * "в четверг"), fixed-date holidays and year-less dates.  These are then
 * weighed in a fixed order, strongest first, each chain of reasoning
 * giving one line of evidence and a confidence that says how often such a
 * chain is right.
 */
#define G_LOG_DOMAIN "dossier-date-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-date-evidence.h"

#define MAX_TEXT_BYTES  (256 * 1024)  /* longer texts: their start only */
#define MAX_WORDS       40000
#define MAX_FIND_CALLS  4000
#define FIND_CHUNK      1200          /* bytes given to the date parser at once */
#define DATELINE_BYTES  240
#define MIN_YEAR        1900
#define MAX_YEAR        2100

typedef struct
{
  char    *lower;     /* case folded, in the features' arena */
  gsize    start;     /* byte offsets in the text */
  gsize    end;
  int      number;    /* a number's value, -1 for words */
  gboolean capital;
} Word;

typedef struct
{
  int         month;
  int         day;
  const char *words[6];
} Holiday;

/* Holidays on the same day every year (English and Russian names). */
static const Holiday holidays[] = {
  { 7, 4, { "independence", "day" } },
  { 7, 4, { "fourth", "of", "july" } },
  { 5, 9, { "victory", "day" } },
  { 5, 9, { "день", "победы" } },
  { 1, 1, { "new", "year", "s", "day" } },
  { 1, 1, { "новым", "годом" } },
  { 12, 31, { "new", "year", "s", "eve" } },
  { 12, 25, { "christmas", "day" } },
  { 1, 7, { "orthodox", "christmas" } },
  { 6, 12, { "russia", "day" } },
  { 6, 12, { "день", "россии" } },
  { 11, 4, { "unity", "day" } },
  { 11, 4, { "день", "народного", "единства" } },
  { 2, 23, { "defender", "of", "the", "fatherland", "day" } },
  { 2, 23, { "день", "защитника", "отечества" } },
  { 11, 11, { "veterans", "day" } },
  { 3, 8, { "international", "women", "s", "day" } },
};

typedef struct
{
  const char *word;
  int         weekday;     /* G_DATE_MONDAY .. G_DATE_SUNDAY */
  gboolean    capital;     /* English: only capitalised */
} WeekdayName;

static const WeekdayName weekday_names[] = {
  { "monday", 1, TRUE }, { "tuesday", 2, TRUE }, { "wednesday", 3, TRUE },
  { "thursday", 4, TRUE }, { "friday", 5, TRUE }, { "saturday", 6, TRUE },
  { "sunday", 7, TRUE },
  { "понедельник", 1, FALSE }, { "вторник", 2, FALSE }, { "среду", 3, FALSE },
  { "четверг", 4, FALSE }, { "пятницу", 5, FALSE }, { "субботу", 6, FALSE },
  { "воскресенье", 7, FALSE },
};

/* A phrase of up to three words and what it shifts the date by */
typedef struct { const char *words[3]; int offset; } Relative;

/* A year named relative to the article's own: "last year" */
static const Relative relative_years[] = {
  { { "last", "year" }, -1 },
  { { "this", "year" }, 0 },
  { { "в", "прошлом", "году" }, -1 },
  { { "в", "этом", "году" }, 0 },
};

/* A month named relative to the article's own: "next month" */
static const Relative relative_months[] = {
  { { "next", "month" }, 1 },
  { { "last", "month" }, -1 },
  { { "в", "следующем", "месяце" }, 1 },
  { { "в", "прошлом", "месяце" }, -1 },
};

static const struct { const char *word; int month; } month_words[] = {
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 },
  { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "july", 7 },
  { "august", 8 }, { "aug", 8 }, { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "october", 10 }, { "oct", 10 }, { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
  { "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 }, { "мая", 5 },
  { "июня", 6 }, { "июля", 7 }, { "августа", 8 }, { "сентября", 9 },
  { "октября", 10 }, { "ноября", 11 }, { "декабря", 12 },
};

/* words before a year that make it a deadline, not a past event */
static const char * const future_words[] = {
  "by", "until", "till", "through", "before", "to", "до", "к", "by the end of", NULL
};

typedef struct
{
  GArray  *words;           /* Word */
  GString *arena;           /* the words' folded forms, NUL-separated */
  gint64   latest_jd;       /* the latest day mentioned, -1 */
  DossierDate latest;
  int      latest_year;     /* the latest year mentioned, 0 */
  DossierDate dateline;     /* precision DAY when found */
  int      dateline_month;  /* a year-less dateline: "Oct. 4 (UPI) —" */
  int      dateline_day;
  int      weekday;         /* the first weekday named, 0 */
  char    *weekday_phrase;  /* "on Friday" */
  const Holiday *holiday;
  char    *holiday_phrase;
  int      yearless_month;  /* the last year-less date: "July 4" */
  int      yearless_day;
  int      relative_year;   /* "last year": -1, "this year": 0 */
  char    *relative_phrase;
  int      relative_month;  /* "next month": 1, "last month": -1 */
  char    *relative_month_phrase;
} Features;

static void
features_clear (Features *f)
{
  g_clear_pointer (&f->words, g_array_unref);
  if (f->arena != NULL)
    g_string_free (g_steal_pointer (&f->arena), TRUE);
  g_clear_pointer (&f->weekday_phrase, g_free);
  g_clear_pointer (&f->holiday_phrase, g_free);
  g_clear_pointer (&f->relative_phrase, g_free);
  g_clear_pointer (&f->relative_month_phrase, g_free);
}

DossierDateSuggestion *
dossier_date_suggestion_new (void)
{
  DossierDateSuggestion *self = g_new0 (DossierDateSuggestion, 1);

  self->date = (DossierDate) DOSSIER_DATE_INIT;
  self->evidence = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
dossier_date_suggestion_free (DossierDateSuggestion *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->evidence);
  g_free (self);
}

static gboolean
date_from_jd (gint64       jd,
              DossierDate *out)
{
  GDate g;

  if (jd < 1 || jd > G_MAXUINT32)
    return FALSE;
  g_date_clear (&g, 1);
  g_date_set_julian (&g, (guint32) jd);
  out->year = g_date_get_year (&g);
  out->month = g_date_get_month (&g);
  out->day = g_date_get_day (&g);
  out->precision = DOSSIER_DATE_PRECISION_DAY;
  return TRUE;
}

static int
weekday_of_jd (gint64 jd)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, (guint32) jd);
  return g_date_get_weekday (&g);
}

static gint64
jd_of (int year,
       int month,
       int day)
{
  DossierDate d = { year, month, day, DOSSIER_DATE_PRECISION_DAY };

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return -1;
  return dossier_date_to_julian (&d);
}

char *
dossier_date_evidence_format (const DossierDate *date)
{
  char buf[128];
  GDate g;

  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_DAY:
      if (!g_date_valid_dmy ((GDateDay) date->day, (GDateMonth) date->month, (GDateYear) date->year))
        return g_strdup ("?");
      g_date_clear (&g, 1);
      g_date_set_dmy (&g, (GDateDay) date->day, (GDateMonth) date->month, (GDateYear) date->year);
      /* TRANSLATORS: a suggested date, as g_date_strftime() writes it: "Fri 4 Jul 2014" */
      if (g_date_strftime (buf, sizeof buf, _("%a %-d %b %Y"), &g) == 0)
        return g_strdup ("?");
      return g_strdup (buf);
    case DOSSIER_DATE_PRECISION_MONTH:
      if (!g_date_valid_month ((GDateMonth) date->month) || date->year < 1)
        return g_strdup ("?");
      g_date_clear (&g, 1);
      g_date_set_dmy (&g, 1, (GDateMonth) date->month, (GDateYear) date->year);
      if (g_date_strftime (buf, sizeof buf, "%b %Y", &g) == 0)
        return g_strdup ("?");
      return g_strdup (buf);
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case DOSSIER_DATE_PRECISION_UNKNOWN:
    default:
      return g_strdup ("?");
    }
}

static char *
format_jd (gint64 jd)
{
  DossierDate d = DOSSIER_DATE_INIT;

  if (!date_from_jd (jd, &d))
    return g_strdup ("?");
  return dossier_date_evidence_format (&d);
}

/* --- reading the text --- */

static void
split_words (const char *text,
             gsize       len,
             GArray     *words,
             GString    *arena)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end && words->len < MAX_WORDS)
    {
      const char *start;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      Word w = { NULL, 0, 0, -1, FALSE };
      gboolean digits = TRUE;
      gboolean ascii = TRUE;
      gsize at = arena->len;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      w.capital = g_unichar_isupper (c);
      while (p < end)
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalnum (c))
            break;
          if (!g_unichar_isdigit (c))
            digits = FALSE;
          if (c >= 0x80)
            ascii = FALSE;
          p = g_utf8_next_char (p);
        }
      w.start = start - text;
      w.end = p - text;
      if (ascii)
        for (const char *q = start; q < p; q++)
          g_string_append_c (arena, g_ascii_tolower (*q));
      else
        {
          g_autofree char *lower = g_utf8_strdown (start, p - start);

          g_string_append (arena, lower);
        }
      g_string_append_c (arena, '\0');
      /* an offset until the arena stops growing */
      w.lower = GSIZE_TO_POINTER (at);
      if (digits && p - start <= 4)
        w.number = atoi (arena->str + at);
      g_array_append_val (words, w);
    }
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      w->lower = arena->str + GPOINTER_TO_SIZE (w->lower);
    }
}

static const char *
word_at (GArray *words,
         gint64  i)
{
  if (i < 0 || i >= words->len)
    return "";
  return g_array_index (words, Word, i).lower;
}

/* The phrase of @table that starts at word @i, as written in @text (its
 * offset in @offset), or NULL */
static char *
match_relative (GArray         *words,
                guint           i,
                const char     *text,
                const Relative *table,
                guint           n_table,
                int            *offset)
{
  const Word *w = &g_array_index (words, Word, i);

  for (guint k = 0; k < n_table; k++)
    {
      guint n = 0;

      if (w->lower[0] != table[k].words[0][0])
        continue;
      while (n < 3 && table[k].words[n] != NULL && strcmp (word_at (words, i + n), table[k].words[n]) == 0)
        n++;
      if (n > 0 && (n == 3 || table[k].words[n] == NULL))
        {
          *offset = table[k].offset;
          return g_strndup (text + w->start, g_array_index (words, Word, i + n - 1).end - w->start);
        }
    }
  return NULL;
}

static int
month_of_word (const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_words); i++)
    if (lower[0] == month_words[i].word[0] && strcmp (lower, month_words[i].word) == 0)
      return month_words[i].month;
  return 0;
}

/* "Posted:", "Last updated", "Опубликовано": what comes before a
 * publication date on a page */
static gboolean
is_date_label (const char *text,
               gsize       len)
{
  static const char * const labels[] = {
    "posted", "published", "updated", "опубликовано", "обновлено", NULL
  };
  g_autofree char *lower = g_utf8_validate (text, len, NULL) ? g_utf8_strdown (text, len) : NULL;

  for (guint i = 0; lower != NULL && labels[i] != NULL; i++)
    if (strstr (lower, labels[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Every date the parser finds has a year of four digits. */
static gboolean
has_year (const char *p,
          gsize       len)
{
  guint run = 0;

  for (gsize i = 0; i < len; i++)
    {
      run = g_ascii_isdigit (p[i]) ? run + 1 : 0;
      if (run == 4)
        return TRUE;
    }
  return FALSE;
}

/* Every date the parser finds, paragraph by paragraph. */
static void
find_mentioned_dates (const char *text,
                      gsize       len,
                      Features   *f)
{
  gsize pos = 0;
  guint calls = 0;

  while (pos < len && calls < MAX_FIND_CALLS)
    {
      gsize chunk = MIN (len - pos, FIND_CHUNK);
      const char *nl = memchr (text + pos, '\n', chunk);
      DossierDate d = DOSSIER_DATE_INIT;
      gsize s = 0, e = 0;

      if (nl != NULL)
        chunk = nl - (text + pos) + 1;
      else if (pos + chunk < len)
        {
          /* end the chunk at a space, never inside a character */
          gsize back = chunk;

          while (back > FIND_CHUNK / 2 && text[pos + back - 1] != ' ')
            back--;
          if (back > FIND_CHUNK / 2)
            chunk = back;
          else
            while (chunk > 1 && ((guchar) text[pos + chunk] & 0xC0) == 0x80)
              chunk--;
        }
      calls++;
      if (!has_year (text + pos, chunk) ||
          !dossier_date_find (text + pos, chunk, &d, &s, &e) || e == 0 || e > chunk)
        {
          pos += chunk;
          continue;
        }
      if (d.precision >= DOSSIER_DATE_PRECISION_MONTH)
        {
          gint64 jd = dossier_date_to_julian (&d);

          if (jd > f->latest_jd)
            {
              f->latest_jd = jd;
              f->latest = d;
            }
          if (d.precision == DOSSIER_DATE_PRECISION_DAY && pos + s < DATELINE_BYTES &&
              f->dateline.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            {
              /* a dateline: near the start of one of the first lines,
               * and either followed by a dash or an agency ("Oct. 4,
               * 2013 (UPI) —") or by no more words on its line than a
               * time ("12:22 p.m."): not a sentence that mentions it */
              const char *line = text + pos;
              gsize before = s;
              guint lower = 0;
              char next;

              while (before > 0 && line[before - 1] != '\n')
                before--;
              for (gsize k = e; k < chunk && line[k] != '\n'; k++)
                lower += g_ascii_islower (line[k]);
              next = line[e + (line[e] == ' ')];
              if (s - before < 40 &&
                  (lower <= 4 || next == '(' || next == '-' || (guchar) next == 0xE2 ||
                   is_date_label (line + before, s - before)))
                f->dateline = d;
            }
        }
      if (d.year > f->latest_year)
        f->latest_year = d.year;
      pos += e;
    }
}

static gboolean
is_future_word (GArray *words,
                guint   i)
{
  const char *before = word_at (words, (gint64) i - 1);

  for (guint k = 0; future_words[k] != NULL; k++)
    if (strcmp (before, future_words[k]) == 0)
      return TRUE;
  return FALSE;
}

static void
read_words (const char *text,
            gsize       len,
            Features   *f)
{
  GArray *words = f->words;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      gboolean letters = w->number < 0 && w->end - w->start >= 3;

      /* a year: four digits standing alone, not a deadline */
      if (w->number >= MIN_YEAR && w->number <= MAX_YEAR && w->end - w->start == 4 &&
          !is_future_word (words, i) &&
          (w->end >= len || (text[w->end] != '%' && !(text[w->end] == ',' && w->end + 1 < len &&
                                                    g_ascii_isdigit (text[w->end + 1])))) &&
          (w->start == 0 || (text[w->start - 1] != '$' && text[w->start - 1] != '.' && text[w->start - 1] != ',')))
        f->latest_year = MAX (f->latest_year, w->number);

      /* a weekday */
      if (f->weekday == 0 && letters)
        for (guint k = 0; k < G_N_ELEMENTS (weekday_names); k++)
          if (w->lower[0] == weekday_names[k].word[0] && strcmp (w->lower, weekday_names[k].word) == 0 &&
              (!weekday_names[k].capital || w->capital))
            {
              const char *before = word_at (words, (gint64) i - 1);

              f->weekday = weekday_names[k].weekday;
              if (*before && i > 0 && g_array_index (words, Word, i - 1).number < 0)
                f->weekday_phrase = g_strndup (text + g_array_index (words, Word, i - 1).start,
                                               w->end - g_array_index (words, Word, i - 1).start);
              else
                f->weekday_phrase = g_strndup (text + w->start, w->end - w->start);
              break;
            }

      /* a fixed-date holiday */
      if (f->holiday == NULL && letters)
        for (guint k = 0; k < G_N_ELEMENTS (holidays); k++)
          {
            guint n = 0;

            if (w->lower[0] != holidays[k].words[0][0])
              continue;

            while (n < G_N_ELEMENTS (holidays[k].words) && holidays[k].words[n] != NULL &&
                   strcmp (word_at (words, i + n), holidays[k].words[n]) == 0)
              n++;
            if (n > 0 && (n == G_N_ELEMENTS (holidays[k].words) || holidays[k].words[n] == NULL))
              {
                f->holiday = &holidays[k];
                f->holiday_phrase = g_strndup (text + w->start,
                                               g_array_index (words, Word, i + n - 1).end - w->start);
                break;
              }
          }

      /* "last year", "в этом году", "next month" */
      if (f->relative_phrase == NULL)
        f->relative_phrase = match_relative (words, i, text, relative_years,
                                             G_N_ELEMENTS (relative_years), &f->relative_year);
      if (f->relative_month_phrase == NULL)
        f->relative_month_phrase = match_relative (words, i, text, relative_months,
                                                   G_N_ELEMENTS (relative_months), &f->relative_month);

      /* a year-less date: "July 4", "4 July", "4 июля" (with a year, the
       * parser saw it already) */
      if (letters)
        {
          int month = month_of_word (w->lower);
          const char *next = word_at (words, i + 1);
          const char *prev = word_at (words, (gint64) i - 1);
          int day = 0;

          if (month == 0 || (month == 5 && !w->capital && g_ascii_isalpha (w->lower[0])))
            continue;
          if (i + 1 < words->len && g_array_index (words, Word, i + 1).number >= 1 &&
              g_array_index (words, Word, i + 1).number <= 31 && strlen (next) <= 2)
            {
              const char *after = word_at (words, i + 2);

              if (!(g_array_index (words, Word, i + 2 < words->len ? i + 2 : i).number >= MIN_YEAR &&
                    *after != '\0'))
                day = g_array_index (words, Word, i + 1).number;
              if (day && w->start < DATELINE_BYTES && f->dateline_month == 0)
                {
                  /* "Oct. 4 (UPI) —": a year-less dateline */
                  gsize e = g_array_index (words, Word, i + 1).end;

                  while (e < len && text[e] == ' ')
                    e++;
                  if (e < len && (text[e] == '(' || text[e] == '-' ||
                                  (guchar) text[e] == 0xE2 /* — – */))
                    {
                      f->dateline_month = month;
                      f->dateline_day = day;
                    }
                }
            }
          else if (i > 0 && g_array_index (words, Word, i - 1).number >= 1 &&
                   g_array_index (words, Word, i - 1).number <= 31 && strlen (prev) <= 2 &&
                   !(i + 1 < words->len && g_array_index (words, Word, i + 1).number >= MIN_YEAR))
            day = g_array_index (words, Word, i - 1).number;
          if (day > 0)
            {
              f->yearless_month = month;
              f->yearless_day = day;
            }
        }
    }
}

static void
read_text (const char *title,
           const char *body,
           Features   *f)
{
  g_autofree char *text = NULL;
  gsize len;

  memset (f, 0, sizeof *f);
  f->latest_jd = -1;
  f->latest = (DossierDate) DOSSIER_DATE_INIT;
  f->dateline = (DossierDate) DOSSIER_DATE_INIT;
  f->words = g_array_new (FALSE, FALSE, sizeof (Word));
  f->arena = g_string_sized_new (4096);

  /* the body first, so dateline offsets count from its start */
  text = g_strconcat (body ? body : "", "\n", title ? title : "", NULL);
  len = strlen (text);
  if (len > MAX_TEXT_BYTES)
    {
      len = MAX_TEXT_BYTES;
      while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
        len--;
      text[len] = '\0';
    }
  split_words (text, len, f->words, f->arena);
  find_mentioned_dates (text, len, f);
  read_words (text, len, f);
}

/* --- weighing it --- */

typedef struct
{
  gint64  lo;    /* the known partial date's days, or -1 */
  gint64  hi;
  gint64  upper; /* the day the page was updated: none later; or -1 */
} Range;

static gboolean
in_range (const Range *r,
          gint64       jd)
{
  return jd > 0 && (r->lo < 0 || (jd >= r->lo && jd <= r->hi)) && (r->upper < 0 || jd <= r->upper);
}

static void
suggest_day (DossierDateSuggestion *s,
             gint64                 jd,
             double                 confidence,
             char                  *reason)   /* (transfer full) without the result */
{
  g_autofree char *day = format_jd (jd);

  date_from_jd (jd, &s->date);
  s->confidence = confidence;
  g_ptr_array_insert (s->evidence, 0, g_strdup_printf ("%s → %s", reason, day));
  g_free (reason);
}

/* The first day on or after @from that is a @weekday. */
static gint64
next_weekday (gint64 from,
              int    weekday)
{
  return from + ((weekday - weekday_of_jd (from) + 7) % 7);
}

/* The @month/@day on a @weekday nearest @around (or, without it, the first
 * on or after @from): -1 when none within a dozen years. */
static gint64
holiday_on_weekday (int    month,
                    int    day,
                    int    weekday,
                    gint64 from,
                    gint64 around)
{
  DossierDate base = DOSSIER_DATE_INIT;
  gint64 best = -1;

  if (!date_from_jd (around > 0 ? around : from, &base))
    return -1;
  for (int y = base.year - (around > 0 ? 12 : 0); y <= base.year + 12; y++)
    {
      gint64 jd = jd_of (y, month, day);

      if (jd < 0 || weekday_of_jd (jd) != weekday || (around <= 0 && jd < from))
        continue;
      if (around <= 0)
        return jd;
      if (best < 0 || ABS (jd - around) < ABS (best - around))
        best = jd;
    }
  return best;
}

static double
corpus_confidence (const DossierCorpusMatch *m)
{
  /* a few shared sequences may be a site's furniture (a footer, a
   * standing notice) between pages of different days */
  double c = m->shared >= 12 ? 0.85 : m->shared >= 6 ? 0.7 : 0.45;

  if (m->n_matches > 1 && m->n_agreeing == 0)
    c -= 0.2;   /* the matches disagree */
  else if (m->n_agreeing > 0)
    c = MIN (0.9, c + 0.05);
  return c;
}

static char *
with_phrase (const char *phrase)
{
  g_autofree char *valid = g_utf8_make_valid (phrase, -1);

  g_strdelimit (valid, "\r\n\t", ' ');
  /* TRANSLATORS: words quoted from an article, as evidence for its date */
  return g_strdup_printf (_("‘%s’"), valid);
}

/* why @m's day counts, for the evidence */
static char *
match_reason (const DossierCorpusMatch *m)
{
  g_autofree char *d = format_jd (m->jd);
  g_autofree char *title = NULL;

  if (m->title == NULL)
    return g_strdup_printf (_("same passages as article %lld (%s)"), (long long) m->article_id, d);
  title = with_phrase (m->title);
  if (m->copy)
    /* TRANSLATORS: ‘Title’ (Outlet, 2014-06-03) */
    return m->source ? g_strdup_printf (_("a copy of %s (%s, %s)"), title, m->source, d)
                     : g_strdup_printf (_("a copy of %s (%s)"), title, d);
  return m->source ? g_strdup_printf (_("the same story as %s (%s, %s)"), title, m->source, d)
                   : g_strdup_printf (_("the same story as %s (%s)"), title, d);
}

DossierDateSuggestion *
dossier_date_evidence_suggest (const char               *title,
                               const char               *body,
                               const char               *url,
                               const char               *hints,
                               const DossierDate        *known,
                               const DossierCorpusMatch *match)
{
  g_autoptr(DossierDateSuggestion) s = dossier_date_suggestion_new ();
  Features f;
  Range range = { -1, -1, -1 };
  DossierDate modified = DOSSIER_DATE_INIT;
  DossierDate hinted = DOSSIER_DATE_INIT;
  DossierDate from_url = DOSSIER_DATE_INIT;
  gint64 bound;
  g_autofree char *latest_text = NULL;
  gboolean from_corpus = FALSE;

  if (known != NULL && known->precision == DOSSIER_DATE_PRECISION_DAY)
    return g_steal_pointer (&s);
  if (known != NULL && known->precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    {
      range.lo = dossier_date_to_julian (known);
      range.hi = dossier_date_to_last_julian (known);
      if (range.lo < 0 || range.hi < 0)
        range.lo = range.hi = -1;
    }

  /* the page was published no later than it was updated */
  if (dossier_date_hints_read (hints, DOSSIER_DATE_HINT_MODIFIED, &modified) &&
      modified.precision == DOSSIER_DATE_PRECISION_DAY)
    range.upper = dossier_date_to_julian (&modified);
  if (range.upper > 0 && range.lo > 0 && range.upper < range.lo)
    range.upper = -1;   /* contradicts the date known: left out */

  read_text (title, body, &f);

  /* a year-less date ("on March 4") a little after the latest full date
   * mentioned is in the same year, and the latest date mentioned */
  if (f.yearless_month > 0 && f.latest_jd > 0 && f.latest.precision == DOSSIER_DATE_PRECISION_DAY &&
      f.latest.year == f.latest_year)
    {
      gint64 jd = jd_of (f.latest.year, f.yearless_month, f.yearless_day);

      if (jd > f.latest_jd && jd - f.latest_jd <= 120)
        {
          f.latest_jd = jd;
          date_from_jd (jd, &f.latest);
        }
    }

  /* the latest date (or year) mentioned bounds the date from below */
  bound = f.latest_jd;
  if (f.latest_year > 0 && (bound < 0 || f.latest_year > f.latest.year))
    {
      bound = jd_of (f.latest_year, 1, 1);
      latest_text = g_strdup_printf (_("after events of %d"), f.latest_year);
    }
  else if (bound > 0)
    {
      g_autofree char *d = dossier_date_evidence_format (&f.latest);

      latest_text = g_strdup_printf (_("latest date mentioned: %s"), d);
    }
  if (range.lo > 0 && range.lo > bound)
    {
      bound = range.lo;
      g_free (latest_text);
      latest_text = g_strdup (_("within the date known"));
    }

  /* 1. the date in the address */
  if (url != NULL && dossier_date_from_url (url, &from_url) &&
      from_url.precision == DOSSIER_DATE_PRECISION_DAY &&
      in_range (&range, dossier_date_to_julian (&from_url)))
    {
      g_autofree char *valid = g_utf8_make_valid (url, -1);

      suggest_day (s, dossier_date_to_julian (&from_url), 0.85,
                   g_strdup_printf (_("date in the address %s"), valid));
    }

  /* 2. a dateline */
  else if (f.dateline.precision == DOSSIER_DATE_PRECISION_DAY &&
           in_range (&range, dossier_date_to_julian (&f.dateline)))
    {
      g_autofree char *d = dossier_date_evidence_format (&f.dateline);

      suggest_day (s, dossier_date_to_julian (&f.dateline), 0.8,
                   g_strdup_printf (_("dateline: %s"), d));
    }

  /* 3. a dated article that tells the same story */
  else if (match != NULL && match->article_id > 0 && in_range (&range, match->jd))
    {
      gint64 jd = match->jd;
      double c = corpus_confidence (match);
      char *reason = match_reason (match);

      /* a holiday on the weekday named, close to the story's day */
      if (f.holiday != NULL && f.weekday > 0)
        {
          gint64 h = holiday_on_weekday (f.holiday->month, f.holiday->day, f.weekday, -1, jd);

          if (h > 0 && ABS (h - jd) <= 60 && in_range (&range, h))
            {
              g_autofree char *qw = with_phrase (f.weekday_phrase);
              g_autofree char *qh = with_phrase (f.holiday_phrase);
              char *longer = g_strdup_printf ("%s; %s %s", reason, qw, qh);

              g_free (reason);
              reason = longer;
              jd = h;
              c = MIN (0.9, c + 0.05);
            }
        }
      /* a weekday named: the story's day, or the day after it */
      else if (f.weekday > 0)
        {
          int w = weekday_of_jd (jd);

          if (w != f.weekday && w != f.weekday % 7 + 1)
            {
              gint64 near = next_weekday (jd - 3, f.weekday);

              if (in_range (&range, near))
                {
                  g_autofree char *q = with_phrase (f.weekday_phrase);
                  char *longer = g_strdup_printf ("%s; %s", reason, q);

                  g_free (reason);
                  reason = longer;
                  jd = near;
                }
            }
        }
      /* it mentions a later day than the story's (a date years later is
       * more likely a plan or the page's furniture) */
      if (f.latest_jd > jd + 3 && f.latest_jd < jd + 366)
        c -= 0.3;
      suggest_day (s, jd, c, reason);
      from_corpus = TRUE;
    }

  /* 4. a holiday on a weekday, after the events it mentions */
  else if (f.holiday != NULL && f.weekday > 0 && bound > 0 &&
           holiday_on_weekday (f.holiday->month, f.holiday->day, f.weekday, bound, -1) > 0 &&
           in_range (&range, holiday_on_weekday (f.holiday->month, f.holiday->day, f.weekday, bound, -1)))
    {
      gint64 jd = holiday_on_weekday (f.holiday->month, f.holiday->day, f.weekday, bound, -1);
      g_autofree char *qw = with_phrase (f.weekday_phrase);
      g_autofree char *qh = with_phrase (f.holiday_phrase);

      /* the first such day within a year of the bound is likely; later
       * ones less so */
      suggest_day (s, jd, jd - bound <= 366 ? 0.6 : 0.35,
                   g_strdup_printf (_("%s and %s, %s"), qw, qh, latest_text));
    }

  /* 5. a year-less dateline given its year */
  else if (f.dateline_month > 0 && (f.latest_year > 0 || range.lo > 0))
    {
      int year = f.latest_year > 0 ? f.latest_year : known->year;
      gint64 jd = jd_of (year, f.dateline_month, f.dateline_day);

      if (jd > 0 && bound > 0 && jd < bound - 31)
        jd = jd_of (year + 1, f.dateline_month, f.dateline_day);
      /* likely only when a day of the same weeks is mentioned too */
      if (jd > 0 && in_range (&range, jd))
        suggest_day (s, jd, f.latest_jd > 0 && ABS (jd - f.latest_jd) <= 60 ? 0.55 : 0.35,
                     g_strdup_printf (_("dateline without a year, %s"),
                                      latest_text ? latest_text : _("within the date known")));
    }

  /* 6. a weekday counted from the latest day mentioned */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && f.weekday > 0 && f.latest_jd > 0 &&
      f.latest.precision == DOSSIER_DATE_PRECISION_DAY && f.latest.year >= f.latest_year &&
      in_range (&range, next_weekday (f.latest_jd, f.weekday)))
    {
      g_autofree char *q = with_phrase (f.weekday_phrase);

      suggest_day (s, next_weekday (f.latest_jd, f.weekday), 0.45,
                   g_strdup_printf ("%s; %s", latest_text, q));
    }

  /* 7. a holiday in the year of the events it mentions */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && f.holiday != NULL && bound > 0)
    {
      DossierDate b = DOSSIER_DATE_INIT;
      gint64 jd;

      date_from_jd (bound, &b);
      jd = jd_of (b.year, f.holiday->month, f.holiday->day);
      if (jd > 0 && jd < bound)
        jd = jd_of (b.year + 1, f.holiday->month, f.holiday->day);
      if (jd > 0 && in_range (&range, jd))
        {
          g_autofree char *q = with_phrase (f.holiday_phrase);

          suggest_day (s, jd, 0.3, g_strdup_printf ("%s, %s", q, latest_text));
        }
    }

  /* 8. "last year" beside the latest year mentioned: the year after it */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && f.relative_phrase != NULL &&
      f.latest_year > 0 && f.latest_year > f.latest.year)
    {
      DossierDate d = { f.latest_year - f.relative_year, 0, 0, DOSSIER_DATE_PRECISION_YEAR };

      /* only where nothing of the date is known */
      if (range.lo < 0 && dossier_date_to_julian (&d) > 0)
        {
          g_autofree char *q = with_phrase (f.relative_phrase);

          s->date = d;
          s->confidence = 0.3;
          g_ptr_array_add (s->evidence, g_strdup_printf (_("%s, %s → %d"), q, latest_text, d.year));
        }
    }

  /* 8b. "next month" beside the latest month mentioned: the one before it */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && f.relative_month_phrase != NULL &&
      f.latest_jd > 0 && f.latest.precision >= DOSSIER_DATE_PRECISION_MONTH &&
      f.latest_year <= f.latest.year)
    {
      int months = f.latest.year * 12 + (f.latest.month - 1) - f.relative_month;
      DossierDate d = { months / 12, months % 12 + 1, 0, DOSSIER_DATE_PRECISION_MONTH };
      gint64 first = jd_of (d.year, d.month, 1);

      if (first > 0 && in_range (&range, first))
        {
          g_autofree char *q = with_phrase (f.relative_month_phrase);
          g_autofree char *m = dossier_date_evidence_format (&f.latest);
          g_autofree char *shown = dossier_date_evidence_format (&d);

          s->date = d;
          s->confidence = 0.35;
          /* TRANSLATORS: "‘next month’ and 14 Apr 2014 → Mar 2014" */
          g_ptr_array_add (s->evidence, g_strdup_printf (_("%s and %s → %s"), q, m, shown));
        }
    }

  /* 8c. a month in the address, where the date known has none */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && url != NULL &&
      dossier_date_from_url (url, &hinted) && hinted.precision == DOSSIER_DATE_PRECISION_MONTH &&
      (known == NULL || known->precision < DOSSIER_DATE_PRECISION_MONTH) &&
      in_range (&range, dossier_date_to_julian (&hinted)))
    {
      g_autofree char *valid = g_utf8_make_valid (url, -1);
      g_autofree char *shown = dossier_date_evidence_format (&hinted);

      s->date = hinted;
      s->confidence = 0.5;
      /* TRANSLATORS: "month in the address https://…/2016/05/… → May 2016" */
      g_ptr_array_add (s->evidence, g_strdup_printf (_("month in the address %s → %s"), valid, shown));
    }

  /* 8d. the date in the address of the page's picture, put there when it
   * was uploaded: likely the article's, no earlier than what it mentions */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN &&
      dossier_date_hints_read (hints, DOSSIER_DATE_HINT_IMAGE, &hinted) &&
      in_range (&range, dossier_date_to_julian (&hinted)) &&
      (bound < 0 || dossier_date_to_last_julian (&hinted) >= bound))
    {
      g_autofree char *shown = dossier_date_evidence_format (&hinted);

      s->date = hinted;
      s->confidence = 0.4;
      g_ptr_array_add (s->evidence, g_strdup_printf (_("date in the address of the page’s picture → %s"),
                                                     shown));
    }

  /* 9. only the latest date mentioned: no earlier than it */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && bound > 0 && latest_text != NULL)
    {
      DossierDate d = DOSSIER_DATE_INIT;

      if (f.latest_year > f.latest.year || f.latest_jd < 0)
        {
          d.year = f.latest_year;
          d.precision = DOSSIER_DATE_PRECISION_YEAR;
        }
      else
        d = f.latest;
      if (in_range (&range, dossier_date_to_julian (&d)) ||
          (range.lo > 0 && dossier_date_to_julian (&d) <= range.lo))
        {
          g_autofree char *shown = NULL;

          if (range.lo > 0 && dossier_date_to_julian (&d) < range.lo)
            d = *known;
          shown = dossier_date_evidence_format (&d);
          s->date = d;
          s->confidence = d.precision == DOSSIER_DATE_PRECISION_DAY ? 0.2 : 0.25;
          g_ptr_array_add (s->evidence, g_strdup_printf (_("%s; no later evidence → %s or after"),
                                                         latest_text, shown));
        }
    }

  /* 10. only the day the page was updated: no later than it */
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN && range.upper > 0 &&
      in_range (&range, range.upper))
    {
      g_autofree char *shown = dossier_date_evidence_format (&modified);

      s->date = modified;
      s->confidence = 0.2;
      /* TRANSLATORS: "updated Sun 1 Dec 2019 → Sun 1 Dec 2019 or before" */
      g_ptr_array_add (s->evidence, g_strdup_printf (_("updated %s → %s or before"), shown, shown));
    }
  else if (range.upper > 0 && s->date.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    {
      g_autofree char *shown = dossier_date_evidence_format (&modified);

      g_ptr_array_add (s->evidence, g_strdup_printf (_("the page was updated %s"), shown));
    }

  /* the rest of what was seen, for the reader to judge */
  if (match != NULL && match->article_id > 0 && s->evidence->len > 0 && !from_corpus)
    {
      g_ptr_array_add (s->evidence, match_reason (match));
    }
  if (s->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    s->confidence = 0;
  s->confidence = CLAMP (s->confidence, 0.0, 1.0);
  features_clear (&f);
  return g_steal_pointer (&s);
}
