/* dossier-extracted.h — what an importer makes of one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_IMPORT_ERROR (dossier_import_error_quark ())

typedef enum
{
  DOSSIER_IMPORT_ERROR_EMPTY,        /* 0 bytes, or no article text found */
  DOSSIER_IMPORT_ERROR_BINARY,       /* PDF, PNG, zip, … */
  DOSSIER_IMPORT_ERROR_TOO_LARGE,    /* over the size limit */
  DOSSIER_IMPORT_ERROR_ENCODING,     /* cannot be decoded */
  DOSSIER_IMPORT_ERROR_PARSE,        /* malformed beyond repair */
  DOSSIER_IMPORT_ERROR_IO,           /* unreadable */
} DossierImportError;

GQuark dossier_import_error_quark (void);

typedef struct
{
  char                 *title;       /* never NULL on success */
  char                 *byline;      /* author(s), without "By " */
  char                 *source;      /* site or agency name */
  char                 *url;         /* canonical/original URL */
  char                 *language;    /* BCP 47 tag, e.g. "en", or NULL */
  DossierDate           published;
  DossierDateOrigin     date_origin;
  /* the file's dates not taken for the article's own, as
   * dossier_date_hints_read() reads them, or NULL */
  char                 *date_hints;
  /* The article text, UTF-8, NFC, no-break spaces folded to spaces,
   * paragraphs separated by exactly one blank line ("\n\n"), no leading
   * or trailing white space. */
  char                 *body;
} DossierExtracted;

DossierExtracted *dossier_extracted_new  (void);
void              dossier_extracted_free (DossierExtracted *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExtracted, dossier_extracted_free)

/* The largest file import accepts (bytes). */
#define DOSSIER_IMPORT_MAX_SIZE (64 * 1024 * 1024)

G_END_DECLS
