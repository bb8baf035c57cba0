/* dossier-importer-private.h — the importer's saving, for pages fetched
 * from the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-importer.h"
#include "dossier-extracted.h"

G_BEGIN_DECLS

/* The article an extracted file or page makes; @path names it. */
DossierArticle *_dossier_importer_article_new (DossierExtracted  *x,
                                               const char        *path);
/* Saves @article as the importer saves a file, with the link the user
 * gave and the one it was fetched from (may be NULL), and the feed entry
 * it came from (@feed_id 0: none), in one transaction.
 * Returns the new article's id, or the one it duplicates (*@duplicate
 * TRUE); 0 with @error set.  Blocks: for worker threads of the core. */
gint64          _dossier_importer_save_page   (DossierLibrary    *library,
                                               DossierArticle    *article,
                                               const char        *given_url,
                                               const char        *final_url,
                                               gint64             feed_id,
                                               const char        *guid,
                                               const char * const *tags,
                                               gboolean          *duplicate,
                                               GError           **error);

G_END_DECLS
