/* fuzz-dates-evidence.c — libFuzzer target: suggested dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is an address, the rest an article's text; its
 * first byte picks a partly known date; the text, then the first line, are
 * also read as date hints.  dossier_date_evidence_suggest()
 * must give a real calendar date (or none) within the known part, a
 * confidence in 0..1 and evidence in valid UTF-8; the shingle index,
 * with the text as an undated article and as a dated one, must find it
 * or nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-date-evidence.h"
#include "fuzz-common.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *nl = strchr (text, '\n');
  g_autofree char *url = nl ? g_strndup (text, nl - text) : NULL;
  const char *body = nl ? nl + 1 : text;
  static const DossierDate known[] = {
    { 0, 0, 0, DOSSIER_DATE_PRECISION_UNKNOWN },
    { 2014, 0, 0, DOSSIER_DATE_PRECISION_YEAR },
    { 2010, 3, 0, DOSSIER_DATE_PRECISION_MONTH },
    { 0, 0, 0, DOSSIER_DATE_PRECISION_YEAR },        /* year 0 */
  };
  const DossierDate *k = &known[size > 0 ? data[0] % G_N_ELEMENTS (known) : 0];
  g_autoptr(DossierShingleIndex) index = dossier_shingle_index_new ();
  DossierCorpusMatch match;
  gboolean matched;

  dossier_shingle_index_add_target (index, 1, body);
  dossier_shingle_index_seal (index);
  dossier_shingle_index_scan (index, 2, 735000, body);
  dossier_shingle_index_scan (index, 3, -1, text);
  matched = dossier_shingle_index_lookup (index, 1, &match);
  if (matched && (match.article_id != 2 || match.jd != 735000))
    abort ();

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(DossierDateSuggestion) s =
        dossier_date_evidence_suggest (body, body, url, pass ? url : body, k, pass && matched ? &match : NULL);

      fuzz_check_date (&s->date);
      if (s->confidence < 0 || s->confidence > 1 || s->evidence == NULL)
        abort ();
      if (s->date.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
        {
          gint64 jd = dossier_date_to_julian (&s->date);

          if (jd < 0 || s->evidence->len == 0)
            abort ();
          if (k->precision != DOSSIER_DATE_PRECISION_UNKNOWN && dossier_date_to_julian (k) > 0 &&
              (jd < dossier_date_to_julian (k) || jd > dossier_date_to_last_julian (k)))
            abort ();
        }
      for (guint i = 0; i < s->evidence->len; i++)
        fuzz_check_utf8 (g_ptr_array_index (s->evidence, i));
    }
  return 0;
}
