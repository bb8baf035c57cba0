/* fuzz-text.c — libFuzzer target: the plain-text importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes named "*.txt" go through dossier_extract_bytes() (sniffing,
 * encoding detection, text extraction); also as "*.md".  The only
 * acceptable outcomes are an article with valid UTF-8 text or a GError.
 */
#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include "dossier-extract.h"
#include "fuzz-common.h"

static void
text_check (GBytes     *bytes,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  DossierExtracted *ex = dossier_extract_bytes (bytes, name, &error);

  if (ex == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();   /* a failure must say why */
      return;
    }
  fuzz_check_extracted (ex);
  dossier_extracted_free (ex);
}

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  text_check (bytes, "fuzz.txt");
  text_check (bytes, "fuzz.md");
  return 0;
}
