/* dossier-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-application.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow  *dossier_window_new          (DossierApplication  *app,
                                             DossierLibrary      *library);
DossierLibrary *dossier_window_get_library  (DossierWindow       *self);
void            dossier_window_import       (DossierWindow       *self,
                                             const char * const  *paths);
/* Fetches each link and adds its article, with the import bar's
 * progress; a toast says so when an import runs already. */
void            dossier_window_add_links    (DossierWindow       *self,
                                             const char * const  *urls);
/* Follows the feed (or the page naming one) at @url and adds its
 * articles; a toast says what came of it. */
void            dossier_window_follow_feed  (DossierWindow       *self,
                                             const char          *url);
/* Refreshes every feed not paused. */
void            dossier_window_refresh_feeds (DossierWindow      *self);
/* dossier://article/ID[?annotation=UUID] */
gboolean        dossier_window_open_uri     (DossierWindow       *self,
                                             const char          *uri);
void            dossier_window_open_article (DossierWindow       *self,
                                             gint64               id);

G_END_DECLS
