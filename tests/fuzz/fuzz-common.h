/* fuzz-common.h — checks shared by the fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finding is any crash, sanitizer report, or abort() here: the
 * importers promise valid UTF-8 and plausible dates on success.
 */
#pragma once

#include <stdlib.h>
#include <glib.h>
#include "dossier-date.h"
#include "dossier-extracted.h"

static inline void
fuzz_check_utf8 (const char *s)
{
  if (s != NULL && !g_utf8_validate (s, -1, NULL))
    abort ();
}

static inline void
fuzz_check_date (const DossierDate *d)
{
  switch (d->precision)
    {
    case DOSSIER_DATE_PRECISION_UNKNOWN:
      return;
    case DOSSIER_DATE_PRECISION_DAY:
      if (d->month < 1 || d->month > 12
          || !g_date_valid_dmy (d->day, d->month, d->year))
        abort ();
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      if (d->month < 1 || d->month > 12)
        abort ();
      break;
    case DOSSIER_DATE_PRECISION_YEAR:
      break;
    default:
      abort ();
    }
  if (d->year < 1 || d->year > 9999)
    abort ();
}

static inline void
fuzz_check_extracted (const DossierExtracted *ex)
{
  if (ex->title == NULL || ex->body == NULL)
    abort ();
  fuzz_check_utf8 (ex->title);
  fuzz_check_utf8 (ex->byline);
  fuzz_check_utf8 (ex->source);
  fuzz_check_utf8 (ex->url);
  fuzz_check_utf8 (ex->language);
  fuzz_check_utf8 (ex->body);
  fuzz_check_date (&ex->published);
}
