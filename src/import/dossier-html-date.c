/* dossier-html-date.c — the publication date of a saved page, from its
 * JSON-LD, <meta> tags, <time> elements, visible datelines and address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, in order:
 *  1. the article's datePublished in JSON-LD, the publication <meta> tags
 *     and <time> marked as the publication time (metadata);
 *  2. a timestamp written in UTC gives way to one of the page's other
 *     publication timestamps written in local time a day apart: the same
 *     moment, on the day the publisher saw;
 *  3. a full date in the page's address beats the metadata when it is two
 *     days or more earlier (the metadata then tells of a later update or
 *     republication), and beats every visible date when there is no
 *     metadata (a visible date may be today's, or read in the wrong order);
 *  4. the datePublished of the page itself in JSON-LD, then the first
 *     <time datetime>;
 *  5. a short element whose class names a date, time or byline;
 *  6. a short element right after the headline holding little but a date;
 *  7. a year and month in the address.
 * When the date found has no day, the page's other dates become hints for
 * a suggested one: when it was updated (the date is no later), and the
 * date in the address of its picture.
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"
#include "dossier-date.h"

typedef enum
{
  ZONE_NONE,    /* a date without a time */
  ZONE_UTC,     /* a time in UTC (Z, +00:00) */
  ZONE_LOCAL_OFFSET,   /* a time with another offset */
  ZONE_LOCAL,          /* a wall-clock time, without offset */
} Zone;

/* Short elements after the headline that rule 6 reads, and elements it
 * passes at most */
#define AFTER_HEADLINE_ELEMENTS 16
#define AFTER_HEADLINE_PASSED 64
/* The longest text of an element of rules 5 and 6, in bytes */
#define SHORT_TEXT 120
#define DATE_ONLY_TEXT 60

static gboolean
date_from_text (const char  *text,
                DossierDate *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  return dossier_date_from_iso (text, out) || dossier_date_parse (text, out);
}

/* The time zone of an ISO 8601 timestamp such as "2023-11-09T05:30:59Z". */
static Zone
timestamp_zone (const char *text)
{
  const char *p = text;
  const char *zone;

  while (g_ascii_isspace (*p))
    p++;
  /* past "YYYY-MM-DD" to the time */
  if (strlen (p) < 16 || p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != 't' && p[10] != ' '))
    return ZONE_NONE;
  zone = p + 11;
  while (*zone != '\0' && (g_ascii_isdigit (*zone) || *zone == ':' || *zone == '.' || *zone == ','))
    zone++;
  if (*zone == 'Z' || *zone == 'z')
    return ZONE_UTC;
  if (*zone == '+' || *zone == '-')
    {
      const char *q = zone + 1;

      while (*q == '0' || *q == ':')
        q++;
      return (*q == '\0' || g_ascii_isspace (*q)) ? ZONE_UTC : ZONE_LOCAL_OFFSET;
    }
  return ZONE_LOCAL;
}

static gint64
julian (const DossierDate *date)
{
  return date->precision == DOSSIER_DATE_PRECISION_DAY ? dossier_date_to_julian (date) : -1;
}

/* The moment of the timestamp @text; a wall-clock time (without offset)
 * is read as if in UTC.  0 when @text is none. */
static gint64
timestamp_seconds (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  dt = g_date_time_new_from_iso8601 (copy, utc);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* Rule 2: @candidate is the moment @utc_text in local time, on another
 * day: with its offset, the same moment; without, a wall-clock time a
 * whole number of quarter hours (a time zone) from it. */
static gboolean
local_day_of (const char        *candidate,
              const char        *utc_text,
              const DossierDate *utc,
              DossierDate       *out)
{
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 a, b, shift;
  Zone zone;

  if (candidate == NULL || (zone = timestamp_zone (candidate)) == ZONE_NONE || zone == ZONE_UTC
      || !dossier_date_from_iso (candidate, &d))
    return FALSE;
  a = julian (&d);
  b = julian (utc);
  if (a < 0 || b < 0 || ABS (a - b) != 1)
    return FALSE;
  a = timestamp_seconds (candidate);
  b = timestamp_seconds (utc_text);
  if (a == 0 || b == 0)
    return FALSE;
  shift = a - b;
  if (zone == ZONE_LOCAL_OFFSET ? ABS (shift) > 60
                                : ABS (shift) > 14 * 3600 || ABS (shift) % 900 != 0)
    return FALSE;
  *out = d;
  return TRUE;
}

static gboolean
is_publication_time (xmlNode *node)
{
  return _dossier_html_get_attr (node, "pubdate") != NULL
         || g_strcmp0 (_dossier_html_get_attr (node, "itemprop"), "datePublished") == 0;
}

static const char * const meta_keys[] = {
  "article:published_time", "parsely-pub-date", "itemprop:datePublished",
  "og:published_time", "published_time", "article.published", "date",
  "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
  "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date",
  "datepublished", "article:published", "citation_publication_date",
  "citation_date", NULL
};

static const char *
meta_value (DossierHtmlMeta *meta,
            const char      *key)
{
  const char *v = g_hash_table_lookup (meta->values, key);

  return v != NULL ? v : g_hash_table_lookup (meta->all, key);
}

/* Rule 1: the text of the first publication date of the metadata, or NULL */
static const char *
metadata_date (xmlNode                 *root,
               const DossierHtmlJsonLd *jsonld,
               DossierHtmlMeta         *meta,
               DossierDate             *out)
{
  xmlNode *node;

  if (jsonld->published != NULL && date_from_text (jsonld->published, out))
    return jsonld->published;
  for (guint i = 0; meta_keys[i] != NULL; i++)
    {
      const char *v = meta_value (meta, meta_keys[i]);

      if (v != NULL && date_from_text (v, out))
        return v;
    }
  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      const char *datetime;

      if (!_dossier_html_has_tag (node, "time") || !is_publication_time (node))
        continue;
      datetime = _dossier_html_get_attr (node, "datetime");
      if (datetime != NULL && date_from_text (datetime, out))
        return datetime;
    }
  return NULL;
}

/* Rule 2 for @utc (written @utc_text): the same moment in local time, in
 * the metadata or a publication <time> or the page's first one. */
static gboolean
local_alternative (xmlNode                 *root,
                   const DossierHtmlJsonLd *jsonld,
                   DossierHtmlMeta         *meta,
                   const char              *utc_text,
                   const DossierDate       *utc,
                   DossierDate             *out)
{
  xmlNode *node;
  guint times = 0;

  if (local_day_of (jsonld->published, utc_text, utc, out))
    return TRUE;
  for (guint i = 0; meta_keys[i] != NULL; i++)
    if (local_day_of (meta_value (meta, meta_keys[i]), utc_text, utc, out))
      return TRUE;
  /* a publication <time>, or the first one of the page */
  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      if (!_dossier_html_has_tag (node, "time"))
        continue;
      if ((times++ == 0 || is_publication_time (node))
          && local_day_of (_dossier_html_get_attr (node, "datetime"), utc_text, utc, out))
        return TRUE;
    }
  return FALSE;
}

/* A short element's text that is little more than a date: the date covers
 * at least half of it. */
static gboolean
date_only_text (xmlNode     *node,
                DossierDate *out)
{
  g_autofree char *text = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gsize start = 0, end = 0, len;

  if (_dossier_html_inner_text_length (node, NULL) > DATE_ONLY_TEXT)
    return FALSE;
  text = _dossier_html_inner_text (node);
  len = strlen (g_strstrip (text));
  if (len == 0 || !dossier_date_find (text, len, &d, &start, &end)
      || d.precision != DOSSIER_DATE_PRECISION_DAY || (end - start) * 2 < len)
    return FALSE;
  *out = d;
  return TRUE;
}

/* Rule 6: the headline is the <h1> most like the title (or the only one) */
static gboolean
date_after_headline (xmlNode     *root,
                     const char  *title,
                     DossierDate *out)
{
  xmlNode *node, *headline = NULL;
  double best = 0.5;
  guint h1s = 0, seen = 0, passed = 0;
  gboolean matched = FALSE;

  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      g_autofree char *text = NULL;
      double similarity;

      if (!_dossier_html_has_tag (node, "h1"))
        continue;
      if (h1s++ == 0 && !matched)
        headline = node;
      if (title == NULL || *title == '\0')
        continue;
      text = _dossier_html_inner_text (node);
      similarity = _dossier_html_text_similarity (text, title);
      if (similarity >= best && !(matched && similarity == best))
        {
          best = similarity;
          headline = node;
          matched = TRUE;
        }
    }
  if (headline == NULL || (h1s != 1 && !matched))
    return FALSE;

  for (node = _dossier_html_next_in_subtree (headline, root, TRUE);
       node != NULL && seen < AFTER_HEADLINE_ELEMENTS && passed < AFTER_HEADLINE_PASSED;
       node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      gsize len;

      if (!_dossier_html_is_element (node) || (_dossier_html_tag_flags (node) & TAG_DROP))
        continue;
      passed++;
      len = _dossier_html_inner_text_length (node, NULL);
      if (len == 0 || len > DATE_ONLY_TEXT)
        {
          /* the article's first paragraph: the date would be before it */
          if (_dossier_html_has_tag (node, "p") && len > SHORT_TEXT)
            return FALSE;
          continue;
        }
      seen++;
      if (date_only_text (node, out))
        return TRUE;
    }
  return FALSE;
}

/* Rule 5 */
static gboolean
date_in_dated_element (xmlNode     *root,
                       DossierDate *out)
{
  xmlNode *node;

  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      g_autofree char *match = NULL;
      g_autofree char *text = NULL;

      if (!_dossier_html_is_element (node) || _dossier_html_has_tag (node, "html")
          || _dossier_html_has_tag (node, "body"))
        continue;
      match = _dossier_html_match_string (node);
      if (strstr (match, "date") == NULL && strstr (match, "time") == NULL
          && strstr (match, "publish") == NULL && strstr (match, "byline") == NULL)
        continue;
      if (_dossier_html_inner_text_length (node, NULL) > SHORT_TEXT)
        continue;
      text = _dossier_html_inner_text (node);
      if (dossier_date_parse (text, out))
        return TRUE;
    }
  return FALSE;
}

static const char * const modified_keys[] = {
  "article:modified_time", "og:updated_time", "itemprop:dateModified", "datemodified",
  "dcterms.modified", "last-modified", "http-equiv:last-modified", NULL
};

static const char * const image_keys[] = {
  "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "itemprop:image", NULL
};

/* The dates of the page that were not taken for @result's own, when that
 * has no day */
static void
find_hints (const DossierHtmlJsonLd *jsonld,
            DossierHtmlMeta         *meta,
            DossierExtracted        *result)
{
  GString *hints = NULL;
  DossierDate date = DOSSIER_DATE_INIT;
  const char *v = jsonld->modified;

  if (result->published.precision == DOSSIER_DATE_PRECISION_DAY)
    return;
  for (guint i = 0; modified_keys[i] != NULL && (v == NULL || !dossier_date_from_iso (v, &date)); i++)
    v = meta_value (meta, modified_keys[i]);
  if (v != NULL && (dossier_date_from_iso (v, &date) || dossier_date_parse (v, &date))
      && date.precision == DOSSIER_DATE_PRECISION_DAY)
    dossier_date_hints_add (&hints, DOSSIER_DATE_HINT_MODIFIED, &date);

  v = jsonld->image;
  for (guint i = 0; image_keys[i] != NULL && (v == NULL || !dossier_date_from_url (v, &date)); i++)
    v = meta_value (meta, image_keys[i]);
  if (v != NULL && dossier_date_from_url (v, &date))
    dossier_date_hints_add (&hints, DOSSIER_DATE_HINT_IMAGE, &date);

  if (hints != NULL)
    result->date_hints = g_string_free (hints, FALSE);
}

static void
set_date (DossierExtracted  *result,
          const DossierDate *date,
          DossierDateOrigin  origin)
{
  result->published = *date;
  result->date_origin = origin;
}

static void
find_date (xmlNode                 *root,
           const DossierHtmlJsonLd *jsonld,
           DossierHtmlMeta         *meta,
           const char              *title,
           DossierExtracted        *result)
{
  DossierDate date = DOSSIER_DATE_INIT;
  DossierDate from_url = DOSSIER_DATE_INIT;
  const char *text;
  gint64 url_jd = -1;
  xmlNode *node;

  if (result->url != NULL && dossier_date_from_url (result->url, &from_url))
    url_jd = julian (&from_url);

  text = metadata_date (root, jsonld, meta, &date);
  if (text != NULL)
    {
      DossierDate local = DOSSIER_DATE_INIT;
      gint64 jd;

      if (timestamp_zone (text) == ZONE_UTC && local_alternative (root, jsonld, meta, text, &date, &local))
        date = local;
      jd = julian (&date);
      if (url_jd > 0 && (jd < 0 || url_jd <= jd - 2))
        set_date (result, &from_url, DOSSIER_DATE_ORIGIN_URL);
      else
        set_date (result, &date, DOSSIER_DATE_ORIGIN_METADATA);
      return;
    }
  if (url_jd > 0)
    {
      set_date (result, &from_url, DOSSIER_DATE_ORIGIN_URL);
      return;
    }

  /* rule 4 */
  if (jsonld->page_published != NULL && date_from_text (jsonld->page_published, &date))
    {
      set_date (result, &date, DOSSIER_DATE_ORIGIN_METADATA);
      return;
    }
  for (node = root; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_has_tag (node, "time")
        && date_from_text (_dossier_html_get_attr (node, "datetime"), &date))
      {
        set_date (result, &date, DOSSIER_DATE_ORIGIN_METADATA);
        return;
      }

  if (date_in_dated_element (root, &date) || date_after_headline (root, title, &date))
    {
      set_date (result, &date, DOSSIER_DATE_ORIGIN_TEXT);
      return;
    }

  if (from_url.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    set_date (result, &from_url, DOSSIER_DATE_ORIGIN_URL);
}

/* Sets the date of @result (and where it came from) from the page at
 * @root, its JSON-LD, <meta> tags, address (@result->url) and @title, and
 * its date hints. */
void
_dossier_html_find_date (xmlNode                 *root,
                         const DossierHtmlJsonLd *jsonld,
                         DossierHtmlMeta         *meta,
                         const char              *title,
                         DossierExtracted        *result)
{
  find_date (root, jsonld, meta, title, result);
  find_hints (jsonld, meta, result);
}
