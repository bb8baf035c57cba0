/* dossier-article-state.c — an article's read state and its own tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-article-state.h"
#include "dossier-library-private.h"

typedef struct
{
  gint64    id;
  gboolean  flag;    /* read, or add */
  char     *tag;
} StateOp;

static void
state_op_free (gpointer p)
{
  StateOp *op = p;

  g_free (op->tag);
  g_free (op);
}

static StateOp *
state_op_new (gint64      id,
              gboolean    flag,
              const char *tag)
{
  StateOp *op = g_new0 (StateOp, 1);

  op->id = id;
  op->flag = flag;
  op->tag = g_strdup (tag);
  return op;
}

/* --- read --- */

static gpointer
set_read_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  StateOp *op = data;

  return dossier_store_set_article_read (store, op->id, op->flag, error) ? GINT_TO_POINTER (1) : NULL;
}

static const DossierLibraryCall set_read_call = { set_read_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

gboolean
dossier_article_state_set_read_sync (DossierLibrary  *library,
                                     gint64           id,
                                     gboolean         read,
                                     GError         **error)
{
  StateOp op = { id, read, NULL };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  return _dossier_library_run (library, &set_read_call, &op, NULL, error) != NULL;
}

void
dossier_article_state_set_read_async (DossierLibrary      *library,
                                      gint64               id,
                                      gboolean             read,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &set_read_call, state_op_new (id, read, NULL), state_op_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_article_state_set_read_finish (DossierLibrary  *library,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (library, result, &set_read_call, error) != NULL;
}

static gpointer
get_read_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  int read = dossier_store_get_article_read (store, *(gint64 *) data, error);

  /* 1 + read: NULL stays the failure */
  return read < 0 ? NULL : GINT_TO_POINTER (1 + read);
}

static const DossierLibraryCall get_read_call = { get_read_op, NULL, DOSSIER_LIBRARY_EMITS_NOTHING };

int
dossier_article_state_get_read_sync (DossierLibrary  *library,
                                     gint64           id,
                                     GError         **error)
{
  gpointer r;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), -1);

  r = _dossier_library_run (library, &get_read_call, &id, NULL, error);
  return r == NULL ? -1 : GPOINTER_TO_INT (r) - 1;
}

/* --- tags --- */

static gpointer
get_tags_op (DossierStore  *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  StateOp *op = data;
  g_autoptr(DossierArticle) article = NULL;

  /* an article that is not there has no tags to show */
  if (!(article = dossier_store_get_article (store, op->id, FALSE, error)))
    return NULL;
  return dossier_store_get_article_tags (store, op->id, error);
}

static const DossierLibraryCall get_tags_call = { get_tags_op, (GDestroyNotify) g_strfreev, DOSSIER_LIBRARY_EMITS_NOTHING };

char **
dossier_article_state_get_tags_sync (DossierLibrary  *library,
                                     gint64           id,
                                     GError         **error)
{
  StateOp op = { id, FALSE, NULL };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  return _dossier_library_run (library, &get_tags_call, &op, NULL, error);
}

void
dossier_article_state_get_tags_async (DossierLibrary      *library,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &get_tags_call, state_op_new (id, FALSE, NULL), state_op_free,
                              cancellable, callback, user_data);
}

char **
dossier_article_state_get_tags_finish (DossierLibrary  *library,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _dossier_library_finish (library, result, &get_tags_call, error);
}

/* The tag as it is kept, or NULL with @error set. */
static char *
clean_tag (const char  *tag,
           GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (tag != NULL ? tag : ""));
  const char *start = clean;

  while (*start == '#')
    start++;
  if (*start == '\0' || !g_utf8_validate (start, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A tag needs a name"));
      return NULL;
    }
  return g_strdup (start);
}

static gpointer
tag_op (DossierStore  *store,
        gpointer       data,
        GCancellable  *cancellable,
        GError       **error)
{
  StateOp *op = data;
  g_autoptr(DossierArticle) article = NULL;
  g_autofree char *tag = clean_tag (op->tag, error);
  const char *tags[] = { tag, NULL };

  if (tag == NULL || !(article = dossier_store_get_article (store, op->id, FALSE, error)))
    return NULL;
  if (op->flag)
    return dossier_store_add_article_tags (store, op->id, tags, error) ? GINT_TO_POINTER (1) : NULL;
  return dossier_store_remove_article_tag (store, op->id, tag, error) ? GINT_TO_POINTER (1) : NULL;
}

static const DossierLibraryCall tag_call = { tag_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

gboolean
dossier_article_state_tag_sync (DossierLibrary  *library,
                                gint64           id,
                                const char      *tag,
                                gboolean         add,
                                GError         **error)
{
  StateOp op = { id, add, (char *) tag };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);
  return _dossier_library_run (library, &tag_call, &op, NULL, error) != NULL;
}

void
dossier_article_state_tag_async (DossierLibrary      *library,
                                 gint64               id,
                                 const char          *tag,
                                 gboolean             add,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  _dossier_library_run_async (library, &tag_call, state_op_new (id, add, tag), state_op_free,
                              cancellable, callback, user_data);
}

gboolean
dossier_article_state_tag_finish (DossierLibrary  *library,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return _dossier_library_finish (library, result, &tag_call, error) != NULL;
}

/* --- the link it was added by --- */

static gpointer
given_link_op (DossierStore  *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *url = dossier_store_get_given_link (store, *(gint64 *) data, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* "" for none: NULL means an error here */
  return url != NULL ? url : g_strdup ("");
}

static const DossierLibraryCall given_link_call = { given_link_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING };

char *
dossier_library_get_given_link (DossierLibrary  *library,
                                gint64           article_id,
                                GError         **error)
{
  char *url = _dossier_library_run (library, &given_link_call, &article_id, NULL, error);

  if (url != NULL && *url == '\0')
    g_clear_pointer (&url, g_free);
  return url;
}
