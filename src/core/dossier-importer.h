/* dossier-importer.h — files and folders into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_IMPORTER (dossier_importer_get_type ())
G_DECLARE_FINAL_TYPE (DossierImporter, dossier_importer, DOSSIER, IMPORTER, GObject)

typedef enum
{
  DOSSIER_IMPORT_IMPORTED,
  DOSSIER_IMPORT_DUPLICATE,
  DOSSIER_IMPORT_FAILED,
} DossierImportStatus;

typedef struct
{
  char                *file;      /* the path as given or found */
  DossierImportStatus  status;
  gint64               id;        /* new article, or the one it duplicates */
  char                *error;     /* a sentence naming the reason */
} DossierImportResult;

void dossier_import_result_free (DossierImportResult *result);

/* Called in the main context of the run_async caller (or in the calling
 * thread for run_sync) after each file. */
typedef void (*DossierImportProgress) (const DossierImportResult *result,
                                       guint                      done,
                                       guint                      total,
                                       gpointer                   user_data);

DossierImporter *dossier_importer_new          (DossierLibrary        *library);
DossierLibrary  *dossier_importer_get_library  (DossierImporter       *self);

/* Files and folders (recursively; symlink loops are detected).  The
 * result is (element-type DossierImportResult), one per file, in the
 * order they were found.  Blocks: for the command line and tests. */
GPtrArray       *dossier_importer_run_sync     (DossierImporter       *self,
                                                const char * const    *paths,
                                                DossierImportProgress  progress,
                                                gpointer               user_data,
                                                GCancellable          *cancellable,
                                                GError               **error);
/* The same on a thread of its own; the library emits ::changed when it
 * ends, also when it was cancelled (its first batches may be saved). */
void             dossier_importer_run_async    (DossierImporter       *self,
                                                const char * const    *paths,
                                                DossierImportProgress  progress,
                                                gpointer               progress_data,
                                                GDestroyNotify         progress_destroy,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
GPtrArray       *dossier_importer_run_finish   (DossierImporter       *self,
                                                GAsyncResult          *result,
                                                GError               **error);

G_END_DECLS
