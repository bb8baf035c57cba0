/* dossier-library-private.h — how the core's services reach the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call of the library is a DossierLibraryCall: the operation that
 * runs on the store's worker thread, how its result is freed, and the
 * signal the library emits after it succeeded asynchronously.  The public
 * *_sync, *_async and *_finish functions of DossierLibrary, and the core
 * services beside it (the importer, annotation import, export), go through
 * the three functions below, so the library alone owns the store and
 * emits its signals.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_LIBRARY_EMITS_NOTHING,
  DOSSIER_LIBRARY_EMITS_CHANGED,
  DOSSIER_LIBRARY_EMITS_SAVED_SEARCHES_CHANGED,
  /* ::changed, said to be of articles added (DOSSIER_LIBRARY_CHANGE_ADDED) */
  DOSSIER_LIBRARY_EMITS_CHANGED_ADDED,
  /* ::changed, said to touch no story (DOSSIER_LIBRARY_CHANGE_NO_STORIES) */
  DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES,
} DossierLibraryEmits;

typedef struct
{
  DossierStoreSyncFunc  op;           /* returns NULL with @error set on failure */
  GDestroyNotify        result_free;  /* for a result nobody finished */
  DossierLibraryEmits   emits;
  /* a slice of work in the background: queued after the calls the user
   * waits on (dossier_store_submit_background()) */
  gboolean              background;
  /* for a call that emits ::changed: what changed, from its data and
   * result, in the main context (NULL: as @emits says) */
  gboolean            (*describe) (gpointer              data,
                                   gpointer              result,
                                   DossierLibraryChange *change);
} DossierLibraryCall;

/* Runs @call on the store's thread and waits for it: for the command
 * line, tests and worker threads of the core, never the UI thread.  Emits
 * nothing (the caller may be on any thread). */
gpointer _dossier_library_run        (DossierLibrary            *self,
                                      const DossierLibraryCall  *call,
                                      gpointer                   data,
                                      GCancellable              *cancellable,
                                      GError                   **error);
/* Queues @call with @data (freed with @data_free); @callback runs in the
 * caller's main context, after the call's signal.  @call is the source
 * tag that _dossier_library_finish() checks. */
void     _dossier_library_run_async  (DossierLibrary            *self,
                                      const DossierLibraryCall  *call,
                                      gpointer                   data,
                                      GDestroyNotify             data_free,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data);
/* The call's result (transfer full), or NULL with @error set. */
gpointer _dossier_library_finish     (DossierLibrary            *self,
                                      GAsyncResult              *result,
                                      const DossierLibraryCall  *call,
                                      GError                   **error);
/* Emits ::changed: for work done on a thread of its own (an import), in
 * the main context that started it. */
void     _dossier_library_emit       (DossierLibrary            *self,
                                      DossierLibraryEmits        emits);
/* Emits ::changed-in-detail with @change, then ::changed. */
void     _dossier_library_emit_change (DossierLibrary            *self,
                                       const DossierLibraryChange *change);
/* Runs @func in @context, from a worker thread: always dispatched by the
 * context's own loop, never called on the worker even while nobody
 * iterates @context (which g_main_context_invoke() would do). */
void     _dossier_library_post       (GMainContext              *context,
                                      GSourceFunc                func,
                                      gpointer                   data,
                                      GDestroyNotify             notify);

/* Work in the background (the search index rebuilt, quotes found after
 * an upgrade) runs on the store's thread in slices of about this long,
 * so that what the window asks for meanwhile (a page of the list, a
 * search) waits at most about as long, however slow the machine.  Each
 * slice is a transaction: shorter ones made the whole rebuild slower. */
#define DOSSIER_LIBRARY_SLICE_USEC (100 * 1000)

/* The number of items the next slice of such work takes, the last one
 * having done @done of them in @elapsed µs: a slice's worth at that
 * pace, between @min and @max, and never more than twice as many as
 * the last (a slice done quickly because little was left says little). */
guint    _dossier_library_slice_size (guint                      done,
                                      gint64                     elapsed,
                                      guint                      min,
                                      guint                      max);

G_END_DECLS
