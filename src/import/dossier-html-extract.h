/* dossier-html-extract.h — main content and metadata of a saved web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-extracted.h"

G_BEGIN_DECLS

/* @utf8 is the page already decoded to UTF-8 (the caller honours the meta
 * charset).  @filename is for messages only.  Returns NULL with
 * DOSSIER_IMPORT_ERROR_EMPTY when no article text is found. */
DossierExtracted *dossier_html_extract (const char  *utf8,
                                        gsize        len,
                                        const char  *filename,
                                        GError     **error);

/* The text of a whole page with the extractor's paragraph rules (blocks
 * are paragraphs separated by one blank line, scripts and styles dropped,
 * NFC), without looking for the article.  Used by the scorer to read the
 * expected output.  Always returns a string. */
char             *dossier_html_to_text (const char  *utf8,
                                        gsize        len);

G_END_DECLS
