/* fuzz-date.c — libFuzzer target: the date parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dossier_date_parse(), _find() (the span must lie inside the input),
 * _from_url() and _from_iso() on any text; every date they accept is a
 * real calendar date and survives to_string → from_iso unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-date.h"
#include "fuzz-common.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static void
check_round_trip (const DossierDate *d)
{
  g_autofree char *s = NULL;
  DossierDate back = DOSSIER_DATE_INIT;

  fuzz_check_date (d);
  s = dossier_date_to_string (d);
  if (d->precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    return;
  if (s == NULL || !dossier_date_from_iso (s, &back))
    abort ();
  if (dossier_date_compare (d, &back) != 0 || back.precision != d->precision)
    abort ();
  if (dossier_date_to_julian (d) < 0)
    abort ();
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  /* the callers hand it NUL-terminated text (lines, attribute values) */
  g_autofree char *text = g_strndup ((const char *) data, size);
  gsize len = strlen (text);
  DossierDate d = DOSSIER_DATE_INIT;
  gsize start = 0, end = 0;

  if (dossier_date_parse (text, &d))
    check_round_trip (&d);

  d = (DossierDate) DOSSIER_DATE_INIT;
  if (dossier_date_find (text, len, &d, &start, &end))
    {
      check_round_trip (&d);
      if (start > end || end > len)
        abort ();
    }
  /* a length short of the NUL: nothing past it may be read (ASan) */
  if (len > 0)
    {
      char *copy = g_malloc (len);   /* exactly len bytes, no NUL */
      memcpy (copy, text, len);
      d = (DossierDate) DOSSIER_DATE_INIT;
      if (dossier_date_find (copy, len, &d, &start, &end))
        {
          check_round_trip (&d);
          if (start > end || end > len)
            abort ();
        }
      g_free (copy);
    }

  d = (DossierDate) DOSSIER_DATE_INIT;
  if (dossier_date_from_url (text, &d))
    check_round_trip (&d);

  d = (DossierDate) DOSSIER_DATE_INIT;
  if (dossier_date_from_iso (text, &d))
    check_round_trip (&d);
  return 0;
}
