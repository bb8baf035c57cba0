/* dossier-extracted.c — what an importer makes of one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-extracted"

#include "config.h"

#include "dossier-extracted.h"

G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)

DossierExtracted *
dossier_extracted_new (void)
{
  DossierExtracted *self = g_new0 (DossierExtracted, 1);

  self->published = (DossierDate) DOSSIER_DATE_INIT;
  self->date_origin = DOSSIER_DATE_ORIGIN_NONE;
  return self;
}

void
dossier_extracted_free (DossierExtracted *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->byline);
  g_free (self->source);
  g_free (self->url);
  g_free (self->language);
  g_free (self->body);
  g_free (self->date_hints);
  g_free (self);
}
