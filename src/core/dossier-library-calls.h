/* dossier-library-calls.h — the arguments and runners the library's own
 * files share (dossier-library.c, dossier-library-annotations.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-library-private.h"

G_BEGIN_DECLS

/* The arguments of any call.  A call's operation reads the fields it
 * needs; the async runner owns a heap copy (args_free). */
typedef struct
{
  gint64         id;
  gint64        *ids;
  guint          n_ids;
  char          *text;
  char          *name;
  guint          limit;
  DossierQuery  *query;
  GObject       *object;
} Args;

static inline void
args_free (gpointer p)
{
  Args *a = p;

  g_free (a->ids);
  g_free (a->text);
  g_free (a->name);
  g_clear_pointer (&a->query, dossier_query_free);
  g_clear_object (&a->object);
  g_free (a);
}

static inline Args *
args_new (void)
{
  return g_new0 (Args, 1);
}

static inline Args *
args_new_id (gint64 id)
{
  Args *a = args_new ();

  a->id = id;
  return a;
}

static inline Args *
args_new_object (gpointer object)
{
  Args *a = args_new ();

  a->object = g_object_ref (G_OBJECT (object));
  return a;
}

static inline Args *
args_new_query (DossierQuery *query)
{
  Args *a = args_new ();

  a->query = query ? dossier_query_copy (query) : NULL;
  return a;
}

/* Operations that succeed with nothing to return give this. */
#define DONE GINT_TO_POINTER (1)

/* A call that returns a boolean: its operation returns DONE. */
static inline gboolean
finish_boolean (DossierLibrary            *self,
                GAsyncResult              *result,
                const DossierLibraryCall  *call,
                GError                   **error)
{
  return _dossier_library_finish (self, result, call, error) != NULL;
}

static inline gpointer
run_sync (DossierLibrary            *self,
          const DossierLibraryCall  *call,
          Args                      *args,
          GError                   **error)
{
  return _dossier_library_run (self, call, args, NULL, error);
}

#define run_async(self, call, args, cancellable, callback, user_data) \
  _dossier_library_run_async ((self), (call), (args), args_free, (cancellable), (callback), (user_data))

G_END_DECLS
