/* fuzz-feed.c — libFuzzer target: the feed parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dossier_feed_parse() and dossier_feed_find_in_page() on any bytes: an
 * entry always has a guid, its links are http(s) and its strings valid
 * UTF-8, and its date a real calendar date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "dossier-feed-parse.h"
#include "fuzz-common.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static void
check_link (const char *link)
{
  if (link != NULL && !g_str_has_prefix (link, "http://") && !g_str_has_prefix (link, "https://"))
    abort ();
}

static void
check_text (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  g_autoptr(DossierFeedDoc) doc = NULL;
  g_autofree char *alternate = NULL;

  doc = dossier_feed_parse ((const char *) data, size, "https://example.org/feed/", NULL);
  if (doc != NULL)
    {
      check_text (doc->title);
      check_link (doc->site_url);
      for (guint i = 0; i < doc->entries->len; i++)
        {
          DossierFeedEntry *e = g_ptr_array_index (doc->entries, i);

          if (e->guid == NULL || e->categories == NULL)
            abort ();
          check_link (e->link);
          check_text (e->title);
          check_text (e->author);
          check_text (e->content);
          check_text (e->summary);
          fuzz_check_date (&e->published);
          (void) dossier_feed_entry_is_full (e);
        }
    }
  alternate = dossier_feed_find_in_page ((const char *) data, size, "https://example.org/");
  check_link (alternate);
  return 0;
}
