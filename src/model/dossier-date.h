/* dossier-date.h — calendar dates with a precision, and the date parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct
{
  int                  year;       /* 0 when unknown */
  int                  month;      /* 1..12, 0 when not known */
  int                  day;        /* 1..31, 0 when not known */
  DossierDatePrecision precision;
} DossierDate;

#define DOSSIER_DATE_INIT { 0, 0, 0, DOSSIER_DATE_PRECISION_UNKNOWN }

/* "2013-04-15", "2013-04" or "2013" by precision; NULL when unknown. */
char     *dossier_date_to_string      (const DossierDate *date);

/* Parses exactly the form dossier_date_to_string() writes (also accepts a
 * full ISO 8601 timestamp and keeps its date).  FALSE on anything else. */
gboolean  dossier_date_from_iso       (const char        *text,
                                       DossierDate       *out);

/* Finds a date written in free text the way news sites write it:
 * "February 02, 2013", "Feb. 2, 2013", "2 February 2013",
 * "Posted: Apr 15, 2013 12:22 PM", "2013-04-15", "2013-04-15T10:00:00Z",
 * "15.04.2013", "April 2013".  Only plausible dates (1900..2100, real
 * calendar days) are accepted.  Returns TRUE and fills @out on success. */
gboolean  dossier_date_parse          (const char        *text,
                                       DossierDate       *out);

/* Like dossier_date_parse() on the first @len bytes of @text (-1: up to the
 * NUL), and also gives the byte span of the date it found, so a caller can
 * tell a dateline ("Posted: Apr 15, 2013 12:22 PM") from a sentence that
 * merely mentions a date.  @match_start and @match_end may be NULL. */
gboolean  dossier_date_find           (const char        *text,
                                       gssize             len,
                                       DossierDate       *out,
                                       gsize             *match_start,
                                       gsize             *match_end);

/* A date in a URL path: /2013/04/15/, /2013/04/, /20130415/, -2013-04-15-. */
gboolean  dossier_date_from_url       (const char        *url,
                                       DossierDate       *out);

/* Julian day number of the first day the date covers (for sorting and the
 * timeline); -1 when unknown. */
gint64    dossier_date_to_julian      (const DossierDate *date);

/* "2013-06-03" for a julian day number; "" when it is not a day. */
char     *dossier_date_julian_to_iso  (gint64             jd);

/* Julian day number of the last day the date covers: 31 December for a
 * year, the month's last day for a month; -1 when unknown. */
gint64    dossier_date_to_last_julian (const DossierDate *date);

int       dossier_date_compare        (const DossierDate *a,
                                       const DossierDate *b);

/* Date hints: the dates of a file that were not taken for its article's
 * own, one "KIND DATE" a line, DATE as dossier_date_to_string() writes it.
 * Kinds: "modified" (when the page says it was updated) and "image" (the
 * date in the address of the page's picture). */
#define DOSSIER_DATE_HINT_MODIFIED "modified"
#define DOSSIER_DATE_HINT_IMAGE    "image"

/* Appends the hint @kind @date to @hints (created when NULL). */
void      dossier_date_hints_add      (GString          **hints,
                                       const char        *kind,
                                       const DossierDate *date);
/* The first hint of @kind in @hints (may be NULL) into @out. */
gboolean  dossier_date_hints_read     (const char        *hints,
                                       const char        *kind,
                                       DossierDate       *out);

G_END_DECLS
