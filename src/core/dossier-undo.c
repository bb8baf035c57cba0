/* dossier-undo.c — undo and redo for annotation changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-undo.h"

/* One change, with full copies of the annotation on each side. */
typedef struct
{
  DossierUndoKind    kind;
  DossierAnnotation *before;   /* EDIT: as it was; DELETE: the deleted one */
  DossierAnnotation *after;    /* EDIT: as it became; CREATE: the created one */
} Command;

typedef enum
{
  REQUEST_CREATE,
  REQUEST_EDIT,
  REQUEST_DELETE,
  REQUEST_UNDO,
  REQUEST_REDO,
} RequestType;

typedef enum
{
  APPLY_INSERT,
  APPLY_UPDATE,
  APPLY_DELETE,
} ApplyOp;

typedef struct
{
  RequestType        type;
  DossierAnnotation *a;        /* CREATE/DELETE: the annotation; EDIT: before */
  DossierAnnotation *b;        /* EDIT: after */
  /* while running */
  Command           *command;  /* UNDO/REDO: the command taken off its stack */
  DossierUndoKind    kind;     /* what was done (for undo: what was undone) */
  DossierAnnotation *applied;  /* what was written or removed */
  ApplyOp            op;
} Request;

struct _DossierUndo
{
  GObject         parent_instance;

  DossierLibrary *library;
  guint           max_depth;
  GQueue          undo;        /* of Command, newest first */
  GQueue          redo;        /* of Command, newest first */
  GQueue          pending;     /* of GTask, oldest first */
  GTask          *running;
};

G_DEFINE_FINAL_TYPE (DossierUndo, dossier_undo, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void start_next (DossierUndo *self);

static void
command_free (gpointer data)
{
  Command *command = data;

  g_clear_object (&command->before);
  g_clear_object (&command->after);
  g_free (command);
}

static Command *
command_new (DossierUndoKind    kind,
             DossierAnnotation *before,
             DossierAnnotation *after)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->before = before ? dossier_annotation_copy (before) : NULL;
  command->after = after ? dossier_annotation_copy (after) : NULL;
  return command;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->a);
  g_clear_object (&request->b);
  g_clear_object (&request->applied);
  if (request->command != NULL)
    command_free (request->command);
  g_free (request);
}

static void
notify_state (DossierUndo *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
trim (DossierUndo *self)
{
  while (self->undo.length > self->max_depth)
    command_free (g_queue_pop_tail (&self->undo));
  while (self->redo.length > self->max_depth)
    command_free (g_queue_pop_tail (&self->redo));
}

/* A re-inserted annotation gets a new row id: every command about the
 * same annotation (same uuid) follows it. */
static void
remap_id (DossierUndo *self,
          const char  *uuid,
          gint64       id)
{
  GQueue *stacks[] = { &self->undo, &self->redo };

  if (uuid == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (stacks); s++)
    for (GList *l = stacks[s]->head; l != NULL; l = l->next)
      {
        Command *command = l->data;

        if (command->before && g_strcmp0 (dossier_annotation_get_uuid (command->before), uuid) == 0)
          dossier_annotation_set_id (command->before, id);
        if (command->after && g_strcmp0 (dossier_annotation_get_uuid (command->after), uuid) == 0)
          dossier_annotation_set_id (command->after, id);
      }
}

static DossierUndoKind
request_kind (Request *request)
{
  switch (request->type)
    {
    case REQUEST_CREATE:
      return DOSSIER_UNDO_CREATE;
    case REQUEST_EDIT:
      return DOSSIER_UNDO_EDIT;
    case REQUEST_DELETE:
      return DOSSIER_UNDO_DELETE;
    case REQUEST_UNDO:
    case REQUEST_REDO:
    default:
      return request->kind;
    }
}

static void
finish_running (DossierUndo *self,
                GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->running);
  Request *request = g_task_get_task_data (task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (request->applied), g_object_unref);
  notify_state (self);
  start_next (self);
}

static void
on_applied_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierUndo *self = user_data;
  Request *request = g_task_get_task_data (self->running);
  DossierLibrary *library = DOSSIER_LIBRARY (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  Command *command;

  switch (request->op)
    {
    case APPLY_INSERT:
      ok = dossier_library_add_annotation_finish (library, result, &error);
      break;
    case APPLY_UPDATE:
      ok = dossier_library_update_annotation_finish (library, result, &error);
      break;
    case APPLY_DELETE:
      ok = dossier_library_delete_annotation_finish (library, result, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      /* an undo or redo that failed goes back on its stack, unless the
       * annotation is gone for good (changed elsewhere) */
      if (request->command != NULL &&
          !g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
        g_queue_push_head (request->type == REQUEST_UNDO ? &self->undo : &self->redo,
                           g_steal_pointer (&request->command));
      finish_running (self, g_steal_pointer (&error));
      g_object_unref (self);
      return;
    }

  switch (request->type)
    {
    case REQUEST_CREATE:
      command = command_new (DOSSIER_UNDO_CREATE, NULL, request->applied);
      break;
    case REQUEST_EDIT:
      command = command_new (DOSSIER_UNDO_EDIT, request->a, request->applied);
      break;
    case REQUEST_DELETE:
      command = command_new (DOSSIER_UNDO_DELETE, request->applied, NULL);
      break;
    case REQUEST_UNDO:
    case REQUEST_REDO:
    default:
      command = NULL;
      break;
    }

  if (command != NULL)
    {
      g_queue_push_head (&self->undo, command);
      g_queue_clear_full (&self->redo, command_free);
    }
  else
    g_queue_push_head (request->type == REQUEST_UNDO ? &self->redo : &self->undo,
                       g_steal_pointer (&request->command));
  /* a re-inserted annotation has a new row id */
  if (request->op == APPLY_INSERT)
    remap_id (self, dossier_annotation_get_uuid (request->applied),
              dossier_annotation_get_id (request->applied));
  trim (self);
  finish_running (self, NULL);
  g_object_unref (self);
}

static void
apply (DossierUndo       *self,
       Request           *request,
       ApplyOp            op,
       DossierAnnotation *annotation)
{
  request->op = op;
  g_set_object (&request->applied, annotation);
  /* no cancellable: a change that was started is finished and recorded,
   * so the stack always matches the library */
  switch (op)
    {
    case APPLY_INSERT:
      dossier_library_add_annotation_async (self->library, annotation, NULL,
                                            on_applied_cb, g_object_ref (self));
      break;
    case APPLY_UPDATE:
      dossier_library_update_annotation_async (self->library, annotation, NULL,
                                               on_applied_cb, g_object_ref (self));
      break;
    case APPLY_DELETE:
      dossier_library_delete_annotation_async (self->library, dossier_annotation_get_id (annotation), NULL,
                                               on_applied_cb, g_object_ref (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_next (DossierUndo *self)
{
  while (self->running == NULL && self->pending.length > 0)
    {
      GTask *task = g_queue_pop_head (&self->pending);
      Request *request = g_task_get_task_data (task);
      g_autoptr(DossierAnnotation) copy = NULL;
      GQueue *stack;
      Command *command;

      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          continue;
        }
      self->running = task;

      switch (request->type)
        {
        case REQUEST_CREATE:
          copy = dossier_annotation_copy (request->a);
          apply (self, request, APPLY_INSERT, copy);
          break;
        case REQUEST_EDIT:
          copy = dossier_annotation_copy (request->b);
          apply (self, request, APPLY_UPDATE, copy);
          break;
        case REQUEST_DELETE:
          copy = dossier_annotation_copy (request->a);
          apply (self, request, APPLY_DELETE, copy);
          break;
        case REQUEST_UNDO:
        case REQUEST_REDO:
          stack = request->type == REQUEST_UNDO ? &self->undo : &self->redo;
          if (stack->length == 0)
            {
              self->running = NULL;
              g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                                       request->type == REQUEST_UNDO ? _("Nothing to undo")
                                                                     : _("Nothing to redo"));
              g_object_unref (task);
              continue;
            }
          command = request->command = g_queue_pop_head (stack);
          request->kind = command->kind;
          if (request->type == REQUEST_UNDO)
            {
              switch (command->kind)
                {
                case DOSSIER_UNDO_CREATE:
                  copy = dossier_annotation_copy (command->after);
                  apply (self, request, APPLY_DELETE, copy);
                  break;
                case DOSSIER_UNDO_EDIT:
                  copy = dossier_annotation_copy (command->before);
                  apply (self, request, APPLY_UPDATE, copy);
                  break;
                case DOSSIER_UNDO_DELETE:
                default:
                  copy = dossier_annotation_copy (command->before);
                  apply (self, request, APPLY_INSERT, copy);
                  break;
                }
            }
          else
            {
              switch (command->kind)
                {
                case DOSSIER_UNDO_CREATE:
                  copy = dossier_annotation_copy (command->after);
                  apply (self, request, APPLY_INSERT, copy);
                  break;
                case DOSSIER_UNDO_EDIT:
                  copy = dossier_annotation_copy (command->after);
                  apply (self, request, APPLY_UPDATE, copy);
                  break;
                case DOSSIER_UNDO_DELETE:
                default:
                  copy = dossier_annotation_copy (command->before);
                  apply (self, request, APPLY_DELETE, copy);
                  break;
                }
            }
          break;
        default:
          g_assert_not_reached ();
        }
      notify_state (self);
    }
}

static void
queue_request (DossierUndo         *self,
               Request             *request,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, request_free);
  g_queue_push_tail (&self->pending, task);
  start_next (self);
}

/* --- GObject --- */

static void
dossier_undo_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierUndo *self = DOSSIER_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dossier_undo_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dossier_undo_can_redo (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, dossier_undo_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_undo_dispose (GObject *object)
{
  DossierUndo *self = DOSSIER_UNDO (object);

  /* pending tasks hold a ref on us, so there are none here */
  g_queue_clear_full (&self->undo, command_free);
  g_queue_clear_full (&self->redo, command_free);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_undo_parent_class)->dispose (object);
}

static void
dossier_undo_class_init (DossierUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_undo_dispose;
  object_class->get_property = dossier_undo_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_undo_init (DossierUndo *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  g_queue_init (&self->pending);
}

/* --- public API --- */

DossierUndo *
dossier_undo_new (DossierLibrary *library,
                  guint           max_depth)
{
  DossierUndo *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_UNDO, NULL);
  self->library = g_object_ref (library);
  self->max_depth = max_depth > 0 ? max_depth : DOSSIER_UNDO_DEFAULT_DEPTH;
  return self;
}

DossierLibrary *
dossier_undo_get_library (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), NULL);
  return self->library;
}

gboolean
dossier_undo_can_undo (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), FALSE);
  return self->undo.length > 0;
}

gboolean
dossier_undo_can_redo (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), FALSE);
  return self->redo.length > 0;
}

guint
dossier_undo_get_n_undo (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), 0);
  return self->undo.length;
}

guint
dossier_undo_get_n_redo (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), 0);
  return self->redo.length;
}

gboolean
dossier_undo_get_busy (DossierUndo *self)
{
  g_return_val_if_fail (DOSSIER_IS_UNDO (self), FALSE);
  return self->running != NULL || self->pending.length > 0;
}

void
dossier_undo_clear (DossierUndo *self)
{
  g_return_if_fail (DOSSIER_IS_UNDO (self));

  g_queue_clear_full (&self->undo, command_free);
  g_queue_clear_full (&self->redo, command_free);
  notify_state (self);
}

void
dossier_undo_create_async (DossierUndo         *self,
                           DossierAnnotation   *annotation,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request;

  g_return_if_fail (DOSSIER_IS_UNDO (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  request = g_new0 (Request, 1);
  request->type = REQUEST_CREATE;
  request->a = dossier_annotation_copy (annotation);
  queue_request (self, request, dossier_undo_create_async, cancellable, callback, user_data);
}

void
dossier_undo_edit_async (DossierUndo         *self,
                         DossierAnnotation   *before,
                         DossierAnnotation   *after,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Request *request;

  g_return_if_fail (DOSSIER_IS_UNDO (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (before));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (after));

  request = g_new0 (Request, 1);
  request->type = REQUEST_EDIT;
  request->a = dossier_annotation_copy (before);
  request->b = dossier_annotation_copy (after);
  dossier_annotation_set_id (request->b, dossier_annotation_get_id (before));
  queue_request (self, request, dossier_undo_create_async, cancellable, callback, user_data);
}

void
dossier_undo_delete_async (DossierUndo         *self,
                           DossierAnnotation   *annotation,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request;

  g_return_if_fail (DOSSIER_IS_UNDO (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  request = g_new0 (Request, 1);
  request->type = REQUEST_DELETE;
  request->a = dossier_annotation_copy (annotation);
  queue_request (self, request, dossier_undo_create_async, cancellable, callback, user_data);
}

void
dossier_undo_undo_async (DossierUndo         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Request *request;

  g_return_if_fail (DOSSIER_IS_UNDO (self));

  request = g_new0 (Request, 1);
  request->type = REQUEST_UNDO;
  queue_request (self, request, dossier_undo_create_async, cancellable, callback, user_data);
}

void
dossier_undo_redo_async (DossierUndo         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Request *request;

  g_return_if_fail (DOSSIER_IS_UNDO (self));

  request = g_new0 (Request, 1);
  request->type = REQUEST_REDO;
  queue_request (self, request, dossier_undo_create_async, cancellable, callback, user_data);
}

DossierAnnotation *
dossier_undo_finish (DossierUndo      *self,
                     GAsyncResult     *result,
                     DossierUndoKind  *kind,
                     GError          **error)
{
  Request *request;

  g_return_val_if_fail (DOSSIER_IS_UNDO (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_undo_create_async, NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (kind != NULL)
    *kind = request_kind (request);
  return g_task_propagate_pointer (G_TASK (result), error);
}
