/* dossier-metadata-dialog.h — fix an article's title, source, date, link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_METADATA_DIALOG (dossier_metadata_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, DOSSIER, METADATA_DIALOG, AdwWindow)

/* Emits ::saved (DossierArticle *edited_copy) when the user saves. */
GtkWidget *dossier_metadata_dialog_new (GtkWindow      *parent,
                                        DossierArticle *article);

/* Parses what a person types for a date: "2013-04-15", "2013-04", "2013",
 * "15 April 2013"…; "" means undated.  FALSE when it is not a date. */
gboolean   dossier_metadata_parse_date (const char     *text,
                                        DossierDate    *out);

G_END_DECLS
