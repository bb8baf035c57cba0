/* dossier-dates-dialog.h — review the suggested dates, accept many at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATES_DIALOG (dossier_dates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierDatesDialog, dossier_dates_dialog, DOSSIER, DATES_DIALOG, AdwWindow)

/* The open suggestions, most confident first, each with its evidence;
 * reads them again whenever the library changes. */
GtkWidget *dossier_dates_dialog_new         (GtkWindow          *parent,
                                             DossierLibrary     *library);
/* TRUE once the suggestions are read and shown */
gboolean   dossier_dates_dialog_get_loaded  (DossierDatesDialog *self);
/* how many suggestions the list shows */
guint      dossier_dates_dialog_get_n_rows  (DossierDatesDialog *self);
/* the article of the @index-th row (0: none) */
gint64     dossier_dates_dialog_get_row_article (DossierDatesDialog *self,
                                                 guint               index);
void       dossier_dates_dialog_set_checked (DossierDatesDialog *self,
                                             guint               index,
                                             gboolean            checked);
/* as the Accept Selected button: all checked ones in one transaction */
void       dossier_dates_dialog_accept_selected (DossierDatesDialog *self);

G_END_DECLS
