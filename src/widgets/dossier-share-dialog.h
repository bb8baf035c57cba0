/* dossier-share-dialog.h — Share Library…: a team server, tested, and the
 * member's password kept in the desktop's secret store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SHARE_DIALOG (dossier_share_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierShareDialog, dossier_share_dialog, DOSSIER, SHARE_DIALOG, AdwWindow)

GtkWidget  *dossier_share_dialog_new        (GtkWindow          *parent,
                                             DossierLibrary     *library);
/* fills the fields as a person types them (NULL leaves one as it is) */
void        dossier_share_dialog_fill       (DossierShareDialog *self,
                                             const char         *server,
                                             const char         *database,
                                             const char         *user,
                                             const char         *password);
/* the address the fields make, or NULL while they make none */
char       *dossier_share_dialog_get_url    (DossierShareDialog *self);
/* as the Test Connection and Share buttons */
void        dossier_share_dialog_test       (DossierShareDialog *self);
void        dossier_share_dialog_share      (DossierShareDialog *self);
/* what the dialog says about the last test, in words ("" before one) */
const char *dossier_share_dialog_get_status (DossierShareDialog *self);
/* TRUE while a test or the sharing runs */
gboolean    dossier_share_dialog_get_busy   (DossierShareDialog *self);

/* The address of database @database on @server: a host name (with a
 * port after a colon), a socket folder (starting with /), or a whole
 * postgresql:// address, which is taken as it is.  NULL for none. */
char       *dossier_share_dialog_make_url   (const char         *server,
                                             const char         *database);

G_END_DECLS
