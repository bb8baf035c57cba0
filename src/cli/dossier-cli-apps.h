/* dossier-cli-apps.h — dossier-cli's commands for other apps' exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "dossier-library.h"

G_BEGIN_DECLS

/* `import --from KIND FILE`: one line per entry (JSON with @json), the
 * summary on stderr; 0, 1 when a row failed or the file was refused, 2
 * for an unknown KIND. */
int dossier_cli_import_from     (DossierLibrary *library,
                                 const char     *kind,
                                 const char     *path,
                                 gboolean        json);
/* `pending --fetch`: fetches them, one line per link (JSON with @json),
 * the summary on stderr; 1 when a link failed. */
int dossier_cli_fetch_pending   (DossierLibrary *library,
                                 gboolean        json);
/* `pending`: the links kept to fetch later. */
int dossier_cli_list_pending    (DossierLibrary *library,
                                 gboolean        json);

G_END_DECLS
