/* dossier-demo.h — the demo corpus that fills an empty library on first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-types.h"

G_BEGIN_DECLS

/* Where the GUI embeds data/demo/demo-corpus.json. */
#define DOSSIER_DEMO_RESOURCE_PATH "/org/dossierapp/Dossier/demo/demo-corpus.json"

/* Adds every article of @json (the shape of data/demo/demo-corpus.json:
 * {"articles": [{"title", "byline", "source", "url", "published",
 * "language", "body", "annotations": [{"quote", "note", "tags", "color"}]}]})
 * and its annotations to @library, which must be open.
 *
 * The whole file is checked before anything is stored: a malformed file,
 * a bad date or colour, or a quote that is not in its article's body gives
 * a G_IO_ERROR_INVALID_DATA error naming the article, and the library is
 * left untouched.  An article the library already has (same URL or body)
 * is skipped together with its annotations, so filling twice adds nothing.
 * Blocks on the store: call it from a worker thread or before the UI runs. */
gboolean dossier_demo_fill (DossierLibrary  *library,
                            GBytes          *json,
                            GError         **error);

G_END_DECLS
