/* dossier-window-notes.c — highlights, notes, undo and All Notes in the
 * main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through DossierUndo, which commits it through the
 * library; the reader and the notes pane show it only once the library's
 * ::changed brought the stored annotations back.  Failures are toasts.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-anchor.h"
#include "dossier-annotation-popover.h"
#include "dossier-annotations-window.h"
#include "dossier-export.h"
#include "dossier-notes-pane.h"
#include "dossier-undo.h"

#define UNDO(self) (dossier_article_notes_get_undo ((self)->notes))

static void
update_notes_actions (DossierWindow *self)
{
  gboolean has_article = self->article != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.highlight", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-note", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-note-markdown", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->notes != NULL && dossier_undo_can_undo (UNDO (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->notes != NULL && dossier_undo_can_redo (UNDO (self)));
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The reader's selection without white space at either end. */
static gboolean
get_selection (DossierWindow *self,
               int           *start,
               int           *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  GtkTextIter s, e;

  if (self->article == NULL || !dossier_reader_view_get_selection (self->reader, start, end))
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &s, *start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, *end);
  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (gtk_text_iter_compare (&s, &e) < 0)
    {
      GtkTextIter prev = e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      e = prev;
    }
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *end > *start;
}

static DossierAnchor *
anchor_for_selection (DossierWindow *self,
                      int            start,
                      int            end)
{
  const char *body = self->article ? dossier_article_get_body (self->article) : NULL;

  return body ? dossier_anchor_new_from_range (body, start, end) : NULL;
}

static void
apply_anchor (DossierAnnotation   *annotation,
              const DossierAnchor *anchor)
{
  dossier_annotation_set_quote (annotation, anchor->quote);
  dossier_annotation_set_prefix (annotation, anchor->prefix);
  dossier_annotation_set_suffix (annotation, anchor->suffix);
  dossier_annotation_set_start (annotation, anchor->start);
  dossier_annotation_set_end (annotation, anchor->end);
  dossier_annotation_set_orphan (annotation, FALSE);
}

static void
clear_reader_selection (DossierWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  GtkTextIter iter;

  if (gtk_text_buffer_get_selection_bounds (buffer, NULL, &iter))
    gtk_text_buffer_select_range (buffer, &iter, &iter);
}

/* Where start..end is, in the reader's coordinates, clamped to what shows. */
static void
range_rect (DossierWindow *self,
            int            start,
            int            end,
            GdkRectangle  *rect)
{
  GtkTextView *view = dossier_reader_view_get_text_view (self->reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter s, e;
  GdkRectangle rs, re, r;
  graphene_point_t p;
  int x, y, height = gtk_widget_get_height (GTK_WIDGET (self->reader));

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_view_get_iter_location (view, &s, &rs);
  gtk_text_view_get_iter_location (view, &e, &re);
  if (rs.y == re.y)
    r = (GdkRectangle) { rs.x, rs.y, MAX (re.x - rs.x, 1), MAX (rs.height, 1) };
  else
    r = (GdkRectangle) { re.x, re.y, 1, MAX (re.height, 1) };
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self->reader),
                                 &GRAPHENE_POINT_INIT (x, y), &p))
    p = GRAPHENE_POINT_INIT (x, y);
  rect->x = (int) p.x;
  rect->y = CLAMP ((int) p.y, 0, MAX (height - r.height, 0));
  rect->width = r.width;
  rect->height = r.height;
}

/* --- completion --- */

static void
on_tags_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = dossier_library_list_tags_and_sources_finish (DOSSIER_LIBRARY (source), result,
                                                                     NULL, &error);
  DossierWindow *self = user_data;

  if (tags == NULL)
    {
      if (!is_cancelled (error))
        g_warning ("Could not list tags: %s", error->message);
      return;
    }
  dossier_annotation_popover_set_known_tags (DOSSIER_ANNOTATION_POPOVER (self->annotation_popover),
                                             (const char * const *) tags);
}

static void
show_popover (DossierWindow *self,
              int            start,
              int            end)
{
  GdkRectangle rect;

  range_rect (self, start, end, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->annotation_popover), &rect);
  dossier_library_list_tags_and_sources_async (self->library, self->cancellable, on_tags_loaded_cb, self);
  gtk_popover_popup (GTK_POPOVER (self->annotation_popover));
}

/* --- the changes --- */

static void
on_created_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) created = dossier_undo_finish (DOSSIER_UNDO (source), result, NULL, &error);
  DossierWindow *self = user_data;

  if (created == NULL)
    {
      _dossier_window_toast_error (self, error, _("The highlight was not saved: %s"), error->message);
      return;
    }
  /* saved: the reload that ::changed started draws it */
  if (self->article != NULL && dossier_annotation_get_article_id (created) == dossier_article_get_id (self->article))
    clear_reader_selection (self);
}

static void
create_annotation (DossierWindow *self,
                   int            start,
                   int            end,
                   const char    *color,
                   const char    *note,
                   const char    *const *tags)
{
  g_autoptr(DossierAnchor) anchor = anchor_for_selection (self, start, end);
  g_autoptr(DossierAnnotation) annotation = NULL;

  if (anchor == NULL)
    {
      _dossier_window_toast (self, _("Select a passage in the article first"));
      return;
    }
  annotation = dossier_annotation_new ();
  dossier_annotation_set_article_id (annotation, dossier_article_get_id (self->article));
  apply_anchor (annotation, anchor);
  dossier_annotation_set_color (annotation, color);
  dossier_annotation_set_note (annotation, note);
  dossier_annotation_set_tags (annotation, tags);
  dossier_undo_create_async (UNDO (self), annotation, self->cancellable, on_created_cb, self);
}

static void
on_edited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) edited = dossier_undo_finish (DOSSIER_UNDO (source), result, NULL, &error);
  DossierWindow *self = user_data;

  if (edited == NULL)
    _dossier_window_toast_error (self, error, _("The note was not saved: %s"), error->message);
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) deleted = dossier_undo_finish (DOSSIER_UNDO (source), result, NULL, &error);
  DossierWindow *self = user_data;
  AdwToast *toast;

  if (deleted == NULL)
    {
      _dossier_window_toast_error (self, error, _("The highlight was not deleted: %s"), error->message);
      return;
    }
  toast = adw_toast_new (_("Highlight deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_annotation (DossierWindow     *self,
                   DossierAnnotation *annotation)
{
  dossier_undo_delete_async (UNDO (self), annotation, self->cancellable, on_deleted_cb, self);
}

/* Tells what an undo (or a redo) did, once the library has it. */
static void
report_undo (GObject       *source,
             GAsyncResult  *result,
             DossierWindow *self,
             gboolean       redo)
{
  g_autoptr(GError) error = NULL;
  DossierUndoKind kind;
  g_autoptr(DossierAnnotation) a = dossier_undo_finish (DOSSIER_UNDO (source), result, &kind, &error);
  const char *message;

  if (a == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  switch (kind)
    {
    case DOSSIER_UNDO_CREATE:
      message = redo ? _("Highlight added again") : _("Highlight removed");
      break;
    case DOSSIER_UNDO_DELETE:
      message = redo ? _("Highlight deleted again") : _("Highlight restored");
      break;
    case DOSSIER_UNDO_EDIT:
    default:
      message = redo ? _("Change redone") : _("Change undone");
      break;
    }
  _dossier_window_toast (self, message);
}

static void
on_undone_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  report_undo (source, result, user_data, FALSE);
}

static void
on_redone_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  report_undo (source, result, user_data, TRUE);
}

/* --- popover and pane --- */

static void
on_popover_save_cb (DossierAnnotationPopover *popover,
                    DossierAnnotation        *result,
                    DossierWindow            *self)
{
  DossierAnnotation *before = dossier_annotation_popover_get_annotation (popover);

  int start, end;

  dossier_article_notes_set_color (self->notes, dossier_annotation_get_color (result));
  dossier_article_notes_get_passage (self->notes, &start, &end);
  if (before == NULL)
    create_annotation (self, start, end,
                       dossier_annotation_get_color (result),
                       dossier_annotation_get_note (result),
                       dossier_annotation_get_tags (result));
  else
    dossier_undo_edit_async (UNDO (self), before, result, self->cancellable, on_edited_cb, self);
}

static void
on_popover_delete_cb (DossierAnnotationPopover *popover,
                      DossierAnnotation        *annotation,
                      DossierWindow            *self)
{
  delete_annotation (self, annotation);
}

static void
on_popover_closed_cb (DossierWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->reader)))
    gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (self->reader)));
}

static void
edit_annotation (DossierWindow     *self,
                 DossierAnnotation *annotation)
{
  dossier_annotation_popover_edit (DOSSIER_ANNOTATION_POPOVER (self->annotation_popover), annotation);
  if (dossier_annotation_get_orphan (annotation))
    {
      GdkRectangle rect = { gtk_widget_get_width (GTK_WIDGET (self->reader)) - 24, 12, 1, 1 };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->annotation_popover), &rect);
      dossier_library_list_tags_and_sources_async (self->library, self->cancellable, on_tags_loaded_cb, self);
      gtk_popover_popup (GTK_POPOVER (self->annotation_popover));
      return;
    }
  show_popover (self, dossier_annotation_get_start (annotation), dossier_annotation_get_end (annotation));
}

static void
on_highlight_activated_cb (DossierReaderView *reader,
                           DossierAnnotation *annotation,
                           DossierWindow     *self)
{
  edit_annotation (self, annotation);
}

static void
on_card_activated_cb (DossierNotesPane  *pane,
                      DossierAnnotation *annotation,
                      DossierWindow     *self)
{
  dossier_reader_view_scroll_to (self->reader, dossier_annotation_get_start (annotation),
                                 dossier_annotation_get_end (annotation), TRUE);
}

typedef struct
{
  DossierWindow     *self;
  DossierAnnotation *annotation;
} EditLater;

static gboolean
edit_later_cb (gpointer data)
{
  EditLater *later = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (later->self)) && later->self->annotation_popover != NULL)
    edit_annotation (later->self, later->annotation);
  g_object_unref (later->self);
  g_object_unref (later->annotation);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
on_card_edit_cb (DossierNotesPane  *pane,
                 DossierAnnotation *annotation,
                 DossierWindow     *self)
{
  EditLater *later = g_new0 (EditLater, 1);

  /* bring the passage into view first, then point at it */
  if (!dossier_annotation_get_orphan (annotation))
    dossier_reader_view_scroll_to (self->reader, dossier_annotation_get_start (annotation),
                                   dossier_annotation_get_end (annotation), FALSE);
  later->self = g_object_ref (self);
  later->annotation = g_object_ref (annotation);
  g_timeout_add (120, edit_later_cb, later);
}

static void
on_card_delete_cb (DossierNotesPane  *pane,
                   DossierAnnotation *annotation,
                   DossierWindow     *self)
{
  delete_annotation (self, annotation);
}

static void
on_reattached_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) a = dossier_undo_finish (DOSSIER_UNDO (source), result, NULL, &error);
  DossierWindow *self = user_data;

  if (a == NULL)
    {
      _dossier_window_toast_error (self, error, _("The note was not re-attached: %s"), error->message);
      return;
    }
  clear_reader_selection (self);
  _dossier_window_toast (self, _("Note re-attached"));
}

static void
on_card_reattach_cb (DossierNotesPane  *pane,
                     DossierAnnotation *annotation,
                     DossierWindow     *self)
{
  g_autoptr(DossierAnchor) anchor = NULL;
  g_autoptr(DossierAnnotation) after = NULL;
  int start, end;

  if (!get_selection (self, &start, &end) || (anchor = anchor_for_selection (self, start, end)) == NULL)
    {
      _dossier_window_toast (self, _("Select the passage in the article first"));
      return;
    }
  after = dossier_annotation_copy (annotation);
  apply_anchor (after, anchor);
  dossier_annotation_set_modified (after, g_get_real_time ());
  dossier_undo_edit_async (UNDO (self), annotation, after, self->cancellable, on_reattached_cb, self);
}

static void
on_selection_changed_cb (DossierWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));

  dossier_notes_pane_set_can_reattach (DOSSIER_NOTES_PANE (self->notes_view),
                                       gtk_text_buffer_get_has_selection (buffer));
}

/* --- the All Notes window --- */

static void
on_open_annotation_cb (DossierAnnotationsWindow *window,
                       gint64                    article_id,
                       const char               *uuid,
                       DossierWindow            *self)
{
  g_autofree char *uri = dossier_export_uri_for_annotation (article_id, uuid);

  dossier_window_open_uri (self, uri);
  gtk_window_present (GTK_WINDOW (self));
}

/* The All Notes window this window opened, if it is still open. */
static GtkWidget *
find_all_notes (DossierWindow *self)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_ANNOTATIONS_WINDOW (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* --- actions --- */

static void
highlight_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  int start, end;

  if (!get_selection (self, &start, &end))
    {
      _dossier_window_toast (self, _("Select a passage in the article first"));
      return;
    }
  create_annotation (self, start, end, dossier_article_notes_get_color (self->notes), NULL, NULL);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GPtrArray *annotations = dossier_article_notes_get_annotations (self->notes);
  g_autofree char *quote = NULL;
  int start, end;

  if (!get_selection (self, &start, &end))
    {
      _dossier_window_toast (self, _("Select a passage in the article first"));
      return;
    }
  /* a selection inside one highlight edits that highlight */
  for (guint i = 0; annotations && i < annotations->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (annotations, i);

      if (!dossier_annotation_get_orphan (a) &&
          dossier_annotation_get_start (a) == start && dossier_annotation_get_end (a) == end)
        {
          edit_annotation (self, a);
          return;
        }
    }
  dossier_article_notes_set_passage (self->notes, start, end);
  quote = dossier_utf8_slice (dossier_article_get_body (self->article), start, end);
  dossier_annotation_popover_new_note (DOSSIER_ANNOTATION_POPOVER (self->annotation_popover),
                                       quote, dossier_article_notes_get_color (self->notes));
  show_popover (self, start, end);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_undo_undo_async (UNDO (self), self->cancellable, on_undone_cb, self);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_undo_redo_async (UNDO (self), self->cancellable, on_redone_cb, self);
}

static void
show_all_notes_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *all_notes = find_all_notes (self);

  if (all_notes == NULL)
    {
      all_notes = dossier_annotations_window_new (GTK_WINDOW (self), self->library);
      g_signal_connect_object (all_notes, "open-annotation", G_CALLBACK (on_open_annotation_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (all_notes));
}

static void
copy_note_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierAnnotation *a = dossier_article_notes_find (self->notes, g_variant_get_string (param, NULL));
  g_autofree char *markdown = NULL;

  if (self->article == NULL || a == NULL)
    return;
  markdown = dossier_export_markdown_for_annotation (self->article, a);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  _dossier_window_toast (self, _("Note copied as Markdown"));
}

/* --- the hooks --- */

static void
on_destroy_cb (DossierWindow *self,
               gpointer       user_data)
{
  GtkWidget *all_notes = find_all_notes (self);

  if (self->annotation_popover != NULL && gtk_widget_get_parent (self->annotation_popover) != NULL)
    gtk_widget_unparent (self->annotation_popover);
  g_clear_object (&self->annotation_popover);
  if (all_notes != NULL)
    gtk_window_destroy (GTK_WINDOW (all_notes));
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (UNDO (self), self);
}

void
_dossier_window_notes_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DOSSIER_TYPE_NOTES_PANE);

  gtk_widget_class_install_action (wc, "win.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (wc, "win.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (wc, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (wc, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (wc, "win.show-all-notes", NULL, show_all_notes_action);
  gtk_widget_class_install_action (wc, "win.copy-note-markdown", "s", copy_note_action);

  gtk_widget_class_add_binding_action (wc, GDK_KEY_h, GDK_CONTROL_MASK, "win.highlight", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_Return, GDK_CONTROL_MASK, "win.add-note", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "win.add-note", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-all-notes", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-all-notes", NULL);
}

void
_dossier_window_notes_setup (DossierWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  GtkWidget *popover;

  g_signal_connect_swapped (UNDO (self), "notify::can-undo", G_CALLBACK (update_notes_actions), self);
  g_signal_connect_swapped (UNDO (self), "notify::can-redo", G_CALLBACK (update_notes_actions), self);

  self->notes_view = dossier_notes_pane_new ();
  gtk_box_append (GTK_BOX (adw_flap_get_flap (self->notes_flap)), self->notes_view);
  g_signal_connect (self->notes_view, "annotation-activated", G_CALLBACK (on_card_activated_cb), self);
  g_signal_connect (self->notes_view, "edit-annotation", G_CALLBACK (on_card_edit_cb), self);
  g_signal_connect (self->notes_view, "delete-annotation", G_CALLBACK (on_card_delete_cb), self);
  g_signal_connect (self->notes_view, "reattach-annotation", G_CALLBACK (on_card_reattach_cb), self);

  popover = dossier_annotation_popover_new ();
  gtk_widget_set_parent (popover, GTK_WIDGET (self->reader));
  self->annotation_popover = g_object_ref (popover);
  g_signal_connect (popover, "save", G_CALLBACK (on_popover_save_cb), self);
  g_signal_connect (popover, "delete", G_CALLBACK (on_popover_delete_cb), self);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (on_popover_closed_cb), self);

  g_signal_connect (self->reader, "annotation-activated", G_CALLBACK (on_highlight_activated_cb), self);
  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "destroy", G_CALLBACK (on_destroy_cb), NULL);

  _dossier_window_notes_update (self);
}

void
_dossier_window_notes_update (DossierWindow *self)
{
  GPtrArray *annotations = dossier_article_notes_get_annotations (self->notes);
  g_autoptr(GPtrArray) none = NULL;

  if (self->notes_view == NULL)
    return;
  /* an open article whose notes are still loading has none yet */
  if (self->article != NULL && annotations == NULL)
    none = g_ptr_array_new ();
  dossier_notes_pane_set_annotations (DOSSIER_NOTES_PANE (self->notes_view),
                                      self->article ? (annotations ? annotations : none) : NULL);
  update_notes_actions (self);
}
