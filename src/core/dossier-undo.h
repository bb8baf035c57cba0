/* dossier-undo.h — undo and redo for annotation changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the library's async calls and is recorded
 * only after it was committed.  Commands keep full copies of the
 * annotation, so undoing a delete re-inserts it with its uuid and created
 * time.  Requests run one at a time, in the order they were made, so
 * pressing Ctrl+Z three times quickly undoes three changes.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_UNDO_DEFAULT_DEPTH 100

typedef enum
{
  DOSSIER_UNDO_CREATE,
  DOSSIER_UNDO_EDIT,
  DOSSIER_UNDO_DELETE,
} DossierUndoKind;

#define DOSSIER_TYPE_UNDO (dossier_undo_get_type ())
G_DECLARE_FINAL_TYPE (DossierUndo, dossier_undo, DOSSIER, UNDO, GObject)

/* @max_depth: how many changes can be undone (0: the default) */
DossierUndo       *dossier_undo_new           (DossierLibrary       *library,
                                               guint                 max_depth);
DossierLibrary    *dossier_undo_get_library   (DossierUndo          *self);
gboolean           dossier_undo_can_undo      (DossierUndo          *self);
gboolean           dossier_undo_can_redo      (DossierUndo          *self);
guint              dossier_undo_get_n_undo    (DossierUndo          *self);
guint              dossier_undo_get_n_redo    (DossierUndo          *self);
/* TRUE while a change is being written */
gboolean           dossier_undo_get_busy      (DossierUndo          *self);
void               dossier_undo_clear         (DossierUndo          *self);

/* Changes that are recorded once the library committed them.  @annotation
 * is copied; on success its copy holds the new id, uuid and times. */
void               dossier_undo_create_async  (DossierUndo          *self,
                                               DossierAnnotation    *annotation,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* @before: the annotation as stored; @after: what it becomes (same id) */
void               dossier_undo_edit_async    (DossierUndo          *self,
                                               DossierAnnotation    *before,
                                               DossierAnnotation    *after,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
void               dossier_undo_delete_async  (DossierUndo          *self,
                                               DossierAnnotation    *annotation,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
void               dossier_undo_undo_async    (DossierUndo          *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
void               dossier_undo_redo_async    (DossierUndo          *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* For every call above.  Returns (transfer full) the annotation as it is
 * now stored — or, when the change removed it, as it was — and sets
 * @kind (if not NULL) to what was done: for undo, the kind of the command
 * undone.  NULL with @error on failure; "nothing to undo" is
 * G_IO_ERROR_NOT_FOUND. */
DossierAnnotation *dossier_undo_finish        (DossierUndo          *self,
                                               GAsyncResult         *result,
                                               DossierUndoKind      *kind,
                                               GError              **error);

G_END_DECLS
