/* fuzz-app-common.h — the promises every export parser keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A failure has a message; an export has entries whose source id is set
 * and whose strings are valid UTF-8; a row that failed says why.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include "dossier-app-export.h"
#include "fuzz-common.h"

static inline void
fuzz_check_app_export (DossierAppKind  kind,
                       const uint8_t  *data,
                       size_t          size)
{
  g_autoptr(GError) error = NULL;
  DossierAppExport *export;

  export = dossier_app_export_parse (kind, data, size, "fuzz", &error);
  if (export == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }
  if (export->kind != kind)
    abort ();
  for (guint i = 0; i < export->entries->len; i++)
    {
      DossierAppEntry *e = g_ptr_array_index (export->entries, i);

      if (e->source_id == NULL || e->tags == NULL || e->highlights == NULL || e->row == 0)
        abort ();
      if (e->error != NULL && *e->error == '\0')
        abort ();
      fuzz_check_utf8 (e->source_id);
      fuzz_check_utf8 (e->url);
      fuzz_check_utf8 (e->title);
      fuzz_check_utf8 (e->byline);
      fuzz_check_utf8 (e->body);
      fuzz_check_utf8 (e->error);
      for (guint t = 0; e->tags[t] != NULL; t++)
        fuzz_check_utf8 (e->tags[t]);
      for (guint h = 0; h < e->highlights->len; h++)
        {
          DossierAppHighlight *hl = g_ptr_array_index (e->highlights, h);

          if (hl->quote == NULL || *hl->quote == '\0')
            abort ();
          fuzz_check_utf8 (hl->quote);
          fuzz_check_utf8 (hl->note);
        }
    }
  dossier_app_export_free (export);
  /* detection never reads past the end */
  (void) dossier_app_export_detect (data, size);
}
