/* fuzz-html.c — libFuzzer target: the HTML importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page as dossier_html_extract() gets it (already UTF-8: invalid
 * input is made valid first, as dossier_extract_bytes() does), the
 * whole-page text of dossier_html_to_text(), and the raw bytes through
 * dossier_extract_bytes() as "*.html" (meta charset, encodings).
 */
#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include "dossier-extract.h"
#include "dossier-html-extract.h"
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
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *text = NULL;
  DossierExtracted *ex;

  ex = dossier_html_extract (utf8, strlen (utf8), "fuzz.html", &error);
  if (ex != NULL)
    {
      fuzz_check_extracted (ex);
      dossier_extracted_free (ex);
    }
  else if (error == NULL)
    abort ();

  text = dossier_html_to_text (utf8, strlen (utf8));
  if (text == NULL)
    abort ();
  fuzz_check_utf8 (text);

  ex = dossier_extract_bytes (bytes, "fuzz.html", &error2);
  if (ex != NULL)
    {
      fuzz_check_extracted (ex);
      dossier_extracted_free (ex);
    }
  else if (error2 == NULL)
    abort ();
  return 0;
}
