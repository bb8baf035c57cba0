/* fuzz-opml.c — libFuzzer target: the OPML parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dossier_opml_parse() on any bytes: every feed has an http(s) link and
 * valid UTF-8, no link twice; what it found, written out and read again,
 * gives the same feeds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-opml.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GPtrArray) feeds = dossier_opml_parse ((const char *) data, size, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *text = NULL;

  if (feeds == NULL)
    return 0;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierOpmlFeed *f = g_ptr_array_index (feeds, i);

      if (f->url == NULL || !g_utf8_validate (f->url, -1, NULL) ||
          (!g_str_has_prefix (f->url, "http://") && !g_str_has_prefix (f->url, "https://")) ||
          (f->title != NULL && !g_utf8_validate (f->title, -1, NULL)) ||
          g_hash_table_contains (seen, f->url))
        abort ();
      g_hash_table_add (seen, f->url);
    }
  text = dossier_opml_write (feeds, 0);
  again = dossier_opml_parse (text, strlen (text), NULL);
  if (again == NULL || again->len != feeds->len)
    abort ();
  for (guint i = 0; i < feeds->len; i++)
    if (strcmp (((DossierOpmlFeed *) g_ptr_array_index (again, i))->url,
                ((DossierOpmlFeed *) g_ptr_array_index (feeds, i))->url) != 0)
      abort ();
  return 0;
}
