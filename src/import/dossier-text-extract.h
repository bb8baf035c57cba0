/* dossier-text-extract.h — articles from plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-extracted.h"

G_BEGIN_DECLS

/* A news article saved as plain text: finds the title after any banners,
 * the byline, source, dateline and original URL, and drops donation
 * appeals, photo captions with credits, "See also" / "Related articles"
 * blocks and "Read more".  @utf8 must be valid UTF-8 (dossier_extract_bytes()
 * takes care of that); @filename is for the fallback title and messages.
 * Returns NULL with DOSSIER_IMPORT_ERROR_EMPTY when no article text is left. */
DossierExtracted *dossier_text_extract      (const char  *utf8,
                                             gsize        len,
                                             const char  *filename,
                                             GError     **error);

/* Guesses a BCP 47 language tag ("en", "ru", "de", …) from a text sample;
 * NULL when unsure.  Cheap: looks at the first few kilobytes only. */
const char       *dossier_text_guess_language (const char *utf8,
                                               gssize      len);

G_END_DECLS
