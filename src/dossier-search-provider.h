/* dossier-search-provider.h — search from GNOME Shell's overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PROVIDER (dossier_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchProvider, dossier_search_provider, DOSSIER, SEARCH_PROVIDER, GObject)

DossierSearchProvider *dossier_search_provider_new        (GApplication          *app);
gboolean               dossier_search_provider_register   (DossierSearchProvider *self,
                                                           GDBusConnection       *connection,
                                                           const char            *object_path,
                                                           GError               **error);
void                   dossier_search_provider_unregister (DossierSearchProvider *self);

G_END_DECLS
