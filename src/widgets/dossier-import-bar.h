/* dossier-import-bar.h — an import's progress under the list, and its
 * summary when it ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar runs one import at a time: it shows which file is being read
 * and how far along the import is, counts what was imported, what was a
 * duplicate and what failed, and when the import ends shows a toast with
 * the counts (and the failures behind a Details button).
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_IMPORT_BAR (dossier_import_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierImportBar, dossier_import_bar, DOSSIER, IMPORT_BAR, GtkWidget)

/* TRUE while an import runs */
gboolean dossier_import_bar_get_busy (DossierImportBar   *self);
/* Imports @paths into @library; FALSE (and nothing starts) while another
 * import runs. */
gboolean dossier_import_bar_start    (DossierImportBar   *self,
                                      DossierLibrary     *library,
                                      const char * const *paths);
/* Adds articles from @urls (links on the web) to @library; FALSE (and
 * nothing starts) while another import runs. */
gboolean dossier_import_bar_start_links (DossierImportBar   *self,
                                         DossierLibrary     *library,
                                         const char * const *urls);
/* Fetches the links other apps' exports left without text (see
 * dossier_app_import_fetch_pending()); FALSE (and nothing starts) while
 * another import runs.  Stopped, the links not fetched stay kept. */
gboolean dossier_import_bar_start_pending (DossierImportBar *self,
                                           DossierLibrary   *library);
/* The failures of the last import, as its Details list them
 * (element-type DossierImportResult: the file or link, and a sentence
 * naming it and why); NULL before the first. */
GPtrArray *dossier_import_bar_get_failures (DossierImportBar *self);
/* Stops the import; what was imported stays. */
void     dossier_import_bar_cancel   (DossierImportBar   *self);

G_END_DECLS
