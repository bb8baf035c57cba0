/* dossier-extract.h — turn one file's bytes into a DossierExtracted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-extracted.h"

G_BEGIN_DECLS

/* Sniffs the kind (HTML, Markdown, plain text; binaries are refused),
 * detects and converts the encoding, and runs the matching extractor.
 * @filename is used for the kind (by extension, as a hint only) and for
 * error messages.  Errors are in DOSSIER_IMPORT_ERROR and their message
 * is a sentence for a person ("is a PDF document, not an article"). */
DossierExtracted *dossier_extract_bytes   (GBytes        *bytes,
                                           const char    *filename,
                                           GError       **error);

/* Reads @file (refusing files over DOSSIER_IMPORT_MAX_SIZE without reading
 * them) and calls dossier_extract_bytes(). */
DossierExtracted *dossier_extract_file    (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Normalises a run of article text: NFC, no-break and other odd spaces
 * folded to U+0020, runs of spaces collapsed, lines trimmed, paragraphs
 * separated by one blank line.  Always returns valid UTF-8. */
char             *dossier_text_normalize  (const char    *utf8,
                                           gssize         len);

G_END_DECLS
