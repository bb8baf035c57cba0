/* dossier-annotation-import.h — notes back in: Dossier's own JSON-LD export,
 * any W3C Web Annotation with a TextQuoteSelector, and Hypothesis exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each note is matched to an article of the library — by the article
 * details a Dossier export carries (content hash, URL, title and date),
 * else by the target's URL, else by finding the quote with the full-text
 * index — and placed by its quote.  A note whose id is already in the
 * library is "unchanged", unless the file's copy was modified later: then
 * the library's copy takes its note, tags and colour (counted as
 * imported).  The whole file goes in one transaction: on any error the
 * library is untouched.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_ANNOTATION_IMPORT_ERROR (dossier_annotation_import_error_quark ())

typedef enum
{
  DOSSIER_ANNOTATION_IMPORT_ERROR_READ,       /* missing, unreadable */
  DOSSIER_ANNOTATION_IMPORT_ERROR_TOO_LARGE,  /* over 64 MB: not read at all */
  DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID,    /* not JSON, or truncated */
  DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN,    /* JSON, but not annotations we know */
} DossierAnnotationImportError;

/* The largest file import-annotations reads. */
#define DOSSIER_ANNOTATION_IMPORT_MAX_SIZE (64 * 1024 * 1024)

GQuark dossier_annotation_import_error_quark (void);

typedef struct
{
  guint imported;    /* new notes, and notes updated from a newer copy */
  guint unchanged;   /* already in the library */
  guint unmatched;   /* no article of the library has their quote */
} DossierAnnotationImportReport;

/* Blocks: for dossier-cli, tests and worker threads. */
gboolean dossier_annotation_import_file  (DossierLibrary                 *library,
                                          const char                     *path,
                                          DossierAnnotationImportReport  *report,
                                          GCancellable                   *cancellable,
                                          GError                        **error);
/* The same for JSON already in memory (@name is used in messages). */
gboolean dossier_annotation_import_data  (DossierLibrary                 *library,
                                          const char                     *data,
                                          gsize                           len,
                                          const char                     *name,
                                          DossierAnnotationImportReport  *report,
                                          GCancellable                   *cancellable,
                                          GError                        **error);

/* For the GUI: the same in a thread. */
void     dossier_annotation_import_async  (DossierLibrary               *library,
                                           GFile                        *file,
                                           GCancellable                 *cancellable,
                                           GAsyncReadyCallback           callback,
                                           gpointer                      user_data);
gboolean dossier_annotation_import_finish (DossierLibrary               *library,
                                           GAsyncResult                 *result,
                                           DossierAnnotationImportReport *report,
                                           GError                      **error);

G_END_DECLS
