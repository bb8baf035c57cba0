/* fuzz-quotes.c — libFuzzer target: quotations and their speakers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is an article's body.  dossier_quotes_find() must give quotes
 * whose spans lie inside the body, in order, non-empty, with a speaker
 * that is one of the named (or none); every name, variant and title must
 * be valid UTF-8 with a surname key.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-quotes.h"
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
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);
  gsize len = strlen (body);
  gsize last = 0;

  for (guint i = 0; i < r->quotes->len; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);

      if (q->start >= q->end || q->end > len || q->start < last)
        abort ();
      if (q->speaker < -1 || q->speaker >= (int) r->named->len)
        abort ();
      if ((q->speaker < 0) != (q->attribution == DOSSIER_ATTRIBUTION_UNATTRIBUTED))
        abort ();
      last = q->start;
    }
  for (guint i = 0; i < r->named->len; i++)
    {
      DossierNamed *n = g_ptr_array_index (r->named, i);
      g_autofree char *key = NULL;

      if (g_utf8_validate (body, -1, NULL))
        {
          fuzz_check_utf8 (n->name);
          for (guint v = 0; v < n->variants->len; v++)
            fuzz_check_utf8 (g_ptr_array_index (n->variants, v));
          for (guint t = 0; t < n->titles->len; t++)
            fuzz_check_utf8 (g_ptr_array_index (n->titles, t));
        }
      key = dossier_name_surname_key (n->name);
      g_free (dossier_name_given_key (n->name));
      if (key == NULL)
        abort ();
    }
  return 0;
}
