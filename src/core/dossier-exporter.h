/* dossier-exporter.h — notes out of the library, for the writers of export/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dossier-export.h"
#include "dossier-library.h"

G_BEGIN_DECLS

/* What to export (one of, in this order of precedence):
 *  - @n_ids > 0: these articles (each even without notes);
 *  - @query non-NULL and not empty: the articles matching it (the search
 *    grammar of dossier-query.h), those with notes; tag: and colour
 *    filters of the query also select which of their notes;
 *  - else every article that has notes.
 * Returns (element-type DossierExportEntry) sorted by published date,
 * oldest first, undated last.  Blocks: not on the UI thread.  An id that
 * does not exist is DOSSIER_EXPORT_ERROR_NOT_FOUND. */
GPtrArray   *dossier_export_collect_sync         (DossierLibrary       *library,
                                                  const gint64         *ids,
                                                  guint                 n_ids,
                                                  DossierQuery         *query,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

/* For the Export dialog: collect + write in a thread.  The scope is as for
 * dossier_export_collect_sync() (@ids and @query are copied).  With
 * @folder TRUE (Markdown only), @dest is a folder and gets one file per
 * article; else @dest is the file.  Pass @overwrite TRUE once the file
 * chooser has confirmed replacing @dest. */
void         dossier_export_async                (DossierLibrary       *library,
                                                  DossierExportFormat   format,
                                                  const gint64         *ids,
                                                  guint                 n_ids,
                                                  DossierQuery         *query,
                                                  const DossierExportOptions *options,
                                                  GFile                *dest,
                                                  gboolean              folder,
                                                  gboolean              overwrite,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* @n_notes (optional): how many notes were exported. */
gboolean     dossier_export_finish               (DossierLibrary       *library,
                                                  GAsyncResult         *result,
                                                  guint                *n_notes,
                                                  GError              **error);

/* Story @story_id as a printable dossier (HTML or Markdown): its title,
 * @span (NULL: its first and last dates) and outlets, then its articles
 * in time order with their text and notes.  Blocks: not on the UI thread. */
GBytes      *dossier_export_story_sync           (DossierLibrary       *library,
                                                  gint64                story_id,
                                                  DossierExportFormat   format,
                                                  const char           *span,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
/* Story @story_id as a printable dossier (HTML or Markdown) into @dest,
 * replacing it (the file chooser asked): the story's title, @span and
 * outlets, then its articles in time order with their text and notes. */
void         dossier_export_story_async          (DossierLibrary       *library,
                                                  gint64                story_id,
                                                  DossierExportFormat   format,
                                                  const char           *span,
                                                  GFile                *dest,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     dossier_export_story_finish         (DossierLibrary       *library,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
