/* dossier-library-annotations.c — notes, tags and the notes' catalogue:
 * DossierLibrary's calls for the user's annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "dossier-library-calls.h"
#include "dossier-anchor.h"

/* --- annotations --- */

static gpointer
add_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_insert_annotation (store, DOSSIER_ANNOTATION (a->object), error) > 0 ? DONE : NULL;
}

static const DossierLibraryCall add_annotation_call = { add_annotation_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

gint64
dossier_library_add_annotation_sync (DossierLibrary     *self,
                                     DossierAnnotation  *annotation,
                                     GError            **error)
{
  Args a = { .object = G_OBJECT (annotation) };

  if (run_sync (self, &add_annotation_call, &a, error) == NULL)
    return 0;
  return dossier_annotation_get_id (annotation);
}

void
dossier_library_add_annotation_async (DossierLibrary      *self,
                                      DossierAnnotation   *annotation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  run_async (self, &add_annotation_call, args_new_object (annotation), cancellable, callback, user_data);
}

gboolean
dossier_library_add_annotation_finish (DossierLibrary  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_boolean (self, result, &add_annotation_call, error);
}

static gpointer
annotate_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;
  DossierAnnotation *annotation = DOSSIER_ANNOTATION (a->object);
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierAnchor) anchor = NULL;

  article = dossier_store_get_article (store, dossier_annotation_get_article_id (annotation), TRUE, error);
  if (article == NULL)
    return NULL;
  anchor = dossier_anchor_new_from_quote (dossier_article_get_body (article), a->text, NULL, error);
  if (anchor == NULL)
    return NULL;
  dossier_annotation_set_quote (annotation, anchor->quote);
  dossier_annotation_set_prefix (annotation, anchor->prefix);
  dossier_annotation_set_suffix (annotation, anchor->suffix);
  dossier_annotation_set_start (annotation, anchor->start);
  dossier_annotation_set_end (annotation, anchor->end);
  if (dossier_store_insert_annotation (store, annotation, error) <= 0)
    return NULL;
  return DONE;
}

static const DossierLibraryCall annotate_call = { annotate_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

DossierAnnotation *
dossier_library_annotate_sync (DossierLibrary      *self,
                               gint64               article_id,
                               const char          *quote,
                               const char          *note,
                               const char * const  *tags,
                               const char          *color,
                               GError             **error)
{
  g_autoptr(DossierAnnotation) annotation = dossier_annotation_new ();
  Args a = { .text = (char *) quote };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (color != NULL && !dossier_annotation_color_is_valid (color))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) dossier_annotation_colors);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a highlight colour (use one of: %s)"), color, known);
      return NULL;
    }
  dossier_annotation_set_article_id (annotation, article_id);
  dossier_annotation_set_note (annotation, (note && *note) ? note : NULL);
  dossier_annotation_set_tags (annotation, tags);
  dossier_annotation_set_color (annotation, color);
  a.object = G_OBJECT (annotation);
  if (run_sync (self, &annotate_call, &a, error) == NULL)
    return NULL;
  return g_steal_pointer (&annotation);
}

static gpointer
update_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_update_annotation (store, DOSSIER_ANNOTATION (a->object), error) ? DONE : NULL;
}

static const DossierLibraryCall update_annotation_call = { update_annotation_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

gboolean
dossier_library_update_annotation_sync (DossierLibrary     *self,
                                        DossierAnnotation  *annotation,
                                        GError            **error)
{
  Args a = { .object = G_OBJECT (annotation) };

  return run_sync (self, &update_annotation_call, &a, error) != NULL;
}

void
dossier_library_update_annotation_async (DossierLibrary      *self,
                                         DossierAnnotation   *annotation,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  run_async (self, &update_annotation_call, args_new_object (annotation), cancellable, callback, user_data);
}

gboolean
dossier_library_update_annotation_finish (DossierLibrary  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_boolean (self, result, &update_annotation_call, error);
}

static gpointer
delete_annotation_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_delete_annotation (store, a->id, error) ? DONE : NULL;
}

static const DossierLibraryCall delete_annotation_call = { delete_annotation_op, NULL, DOSSIER_LIBRARY_EMITS_CHANGED_NO_STORIES };

gboolean
dossier_library_delete_annotation_sync (DossierLibrary  *self,
                                        gint64           id,
                                        GError         **error)
{
  Args a = { .id = id };

  return run_sync (self, &delete_annotation_call, &a, error) != NULL;
}

void
dossier_library_delete_annotation_async (DossierLibrary      *self,
                                         gint64               id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  run_async (self, &delete_annotation_call, args_new_id (id), cancellable, callback, user_data);
}

gboolean
dossier_library_delete_annotation_finish (DossierLibrary  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_boolean (self, result, &delete_annotation_call, error);
}

static gpointer
list_annotations_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_list_annotations (store, a->id, a->query, error);
}

static const DossierLibraryCall list_annotations_call =
  { list_annotations_op, (GDestroyNotify) g_ptr_array_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GPtrArray *
dossier_library_list_annotations_sync (DossierLibrary  *self,
                                       gint64           article_id,
                                       DossierQuery    *query,
                                       GError         **error)
{
  Args a = { .id = article_id, .query = query };

  return run_sync (self, &list_annotations_call, &a, error);
}

void
dossier_library_list_annotations_async (DossierLibrary      *self,
                                        gint64               article_id,
                                        DossierQuery        *query,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Args *a = args_new_query (query);

  a->id = article_id;
  run_async (self, &list_annotations_call, a, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_list_annotations_finish (DossierLibrary  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return _dossier_library_finish (self, result, &list_annotations_call, error);
}

static gpointer
tags_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_list_tags (store, error);
}

static const DossierLibraryCall tags_call = { tags_op, (GDestroyNotify) g_strfreev, DOSSIER_LIBRARY_EMITS_NOTHING };

char **
dossier_library_list_tags_sync (DossierLibrary  *self,
                                GError         **error)
{
  return run_sync (self, &tags_call, NULL, error);
}

typedef struct
{
  char **tags;
  char **sources;
} Catalogue;

static void
catalogue_free (gpointer data)
{
  Catalogue *c = data;

  g_strfreev (c->tags);
  g_strfreev (c->sources);
  g_free (c);
}

static gpointer
catalogue_op (DossierStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Catalogue *c = g_new0 (Catalogue, 1);

  if ((c->tags = dossier_store_list_tags (store, error)) == NULL ||
      (c->sources = dossier_store_list_sources (store, error)) == NULL)
    {
      catalogue_free (c);
      return NULL;
    }
  return c;
}

static const DossierLibraryCall catalogue_call = { catalogue_op, catalogue_free, DOSSIER_LIBRARY_EMITS_NOTHING };

void
dossier_library_list_tags_and_sources_async (DossierLibrary      *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  run_async (self, &catalogue_call, args_new (), cancellable, callback, user_data);
}

char **
dossier_library_list_tags_and_sources_finish (DossierLibrary   *self,
                                              GAsyncResult     *result,
                                              char           ***sources,
                                              GError          **error)
{
  Catalogue *c = _dossier_library_finish (self, result, &catalogue_call, error);
  char **tags;

  if (c == NULL)
    return NULL;
  tags = g_steal_pointer (&c->tags);
  if (sources != NULL)
    *sources = g_steal_pointer (&c->sources);
  catalogue_free (c);
  return tags;
}

static gpointer
article_tags_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  return dossier_store_article_tags (store, error);
}

static const DossierLibraryCall article_tags_call =
  { article_tags_op, (GDestroyNotify) g_hash_table_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

GHashTable *
dossier_library_article_tags_sync (DossierLibrary  *self,
                                   GError         **error)
{
  return run_sync (self, &article_tags_call, NULL, error);
}

void
dossier_library_article_tags_async (DossierLibrary      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  run_async (self, &article_tags_call, args_new (), cancellable, callback, user_data);
}

GHashTable *
dossier_library_article_tags_finish (DossierLibrary  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _dossier_library_finish (self, result, &article_tags_call, error);
}

static gpointer
find_uuid_op (DossierStore *store, gpointer data, GCancellable *c, GError **error)
{
  Args *a = data;

  return dossier_store_find_annotation_by_uuid (store, a->text, error);
}

static const DossierLibraryCall find_uuid_call = { find_uuid_op, g_object_unref, DOSSIER_LIBRARY_EMITS_NOTHING };

DossierAnnotation *
dossier_library_find_annotation_by_uuid_sync (DossierLibrary  *self,
                                              const char      *uuid,
                                              GError         **error)
{
  Args a = { .text = (char *) uuid };

  return run_sync (self, &find_uuid_call, &a, error);
}
