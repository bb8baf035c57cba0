/* dossier-export-dialog.h — choose what to export, in which format, where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, AdwWindow)

/* @article_id 0: no article is open; @query NULL or empty: no search.
 * Emits ::done (const char *message) when the export was written. */
GtkWidget *dossier_export_dialog_new (GtkWindow          *parent,
                                      DossierLibrary     *library,
                                      gint64              article_id,
                                      const char         *article_title,
                                      const DossierQuery *query);

G_END_DECLS
