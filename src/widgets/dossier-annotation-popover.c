/* dossier-annotation-popover.c — colour, note and tags of one highlight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown at the selection for a new highlight or at a clicked highlight to
 * edit it.  The popover does not write anything itself: ::save hands the
 * result to the window, which commits it and only then shows it saved.
 */
#define G_LOG_DOMAIN "dossier-annotation-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-popover.h"

struct _DossierAnnotationPopover
{
  GtkPopover          parent_instance;

  DossierAnnotation  *annotation;   /* being edited, or NULL */
  GPtrArray          *tags;         /* of char*, the chips */
  GSettings          *settings;
  GtkListStore       *completion_store;
  GtkToggleButton    *color_buttons[DOSSIER_ANNOTATION_N_COLORS];
  char               *color;

  /* Template widgets */
  GtkLabel           *quote_label;
  GtkBox             *colors_box;
  GtkTextView        *note_view;
  GtkFlowBox         *chips_box;
  GtkEntry           *tag_entry;
  GtkWidget          *delete_button;
  GtkWidget          *copy_button;
  GtkWidget          *save_button;
};

G_DEFINE_FINAL_TYPE (DossierAnnotationPopover, dossier_annotation_popover, GTK_TYPE_POPOVER)

enum { SAVE, DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const color_labels[DOSSIER_ANNOTATION_N_COLORS] = {
  N_("Yellow"), N_("Green"), N_("Blue"), N_("Pink"), N_("Purple"), N_("Orange"),
};

void
dossier_notes_ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkCssProvider *provider;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "dossier-notes-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/ui/dossier-notes.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "dossier-notes-style", provider, g_object_unref);
}

static int
color_index (const char *color)
{
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    if (g_strcmp0 (dossier_annotation_colors[i], color) == 0)
      return i;
  return 0;
}

static void
update_color_tooltips (DossierAnnotationPopover *self)
{
  g_auto(GStrv) meanings = self->settings ? g_settings_get_strv (self->settings, "color-meanings") : NULL;
  guint n = meanings ? g_strv_length (meanings) : 0;

  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    {
      const char *meaning = (guint) i < n && meanings[i][0] ? meanings[i] : NULL;
      g_autofree char *label = NULL;
      g_autofree char *tip = NULL;

      /* TRANSLATORS: a highlight colour and what the user said it means,
       * as in "Yellow — claim" */
      label = meaning ? g_strdup_printf (_("%s — %s"), _(color_labels[i]), meaning) : g_strdup (_(color_labels[i]));
      /* TRANSLATORS: the colour's tooltip with its shortcut, as in "Yellow — claim (Alt+1)" */
      tip = g_strdup_printf (_("%s (Alt+%d)"), label, i + 1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->color_buttons[i]), tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
on_color_toggled_cb (GtkToggleButton          *button,
                     DossierAnnotationPopover *self)
{
  int i;

  if (!gtk_toggle_button_get_active (button))
    return;
  for (i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    if (self->color_buttons[i] == button)
      break;
  if (i < DOSSIER_ANNOTATION_N_COLORS && g_strcmp0 (self->color, dossier_annotation_colors[i]) != 0)
    {
      g_free (self->color);
      self->color = g_strdup (dossier_annotation_colors[i]);
    }
}

static void
on_chip_clicked_cb (GtkButton                *button,
                    DossierAnnotationPopover *self);

static void
rebuild_chips (DossierAnnotationPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  for (guint i = 0; i < self->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (self->tags, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (tag);
      g_autofree char *a11y = g_strdup_printf (_("Remove tag “%s”"), tag);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "chip");
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "tag-chip");
      gtk_widget_set_tooltip_text (button, a11y);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
      gtk_flow_box_append (self->chips_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), self->tags->len > 0);
}

static void
on_chip_clicked_cb (GtkButton                *button,
                    DossierAnnotationPopover *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
      {
        g_ptr_array_remove_index (self->tags, i);
        break;
      }
  rebuild_chips (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static char *
clean_tag (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  char *tag = g_strstrip (copy);

  /* "#claim" and "claim" are the same tag */
  while (*tag == '#')
    tag++;
  tag = g_strstrip (tag);
  return *tag ? g_utf8_make_valid (tag, -1) : NULL;
}

/* Takes the finished tags (before each comma) out of the entry. */
static void
on_tag_changed_cb (GtkEditable              *editable,
                   DossierAnnotationPopover *self)
{
  const char *text = gtk_editable_get_text (editable);
  const char *comma = strrchr (text, ',');
  g_auto(GStrv) parts = NULL;
  g_autofree char *rest = NULL;

  if (comma == NULL)
    return;
  rest = g_strdup (comma + 1);
  {
    g_autofree char *done = g_strndup (text, comma - text);

    parts = g_strsplit (done, ",", -1);
  }
  for (guint i = 0; parts[i]; i++)
    dossier_annotation_popover_add_tag (self, parts[i]);
  g_signal_handlers_block_by_func (editable, on_tag_changed_cb, self);
  gtk_editable_set_text (editable, g_strchug (rest));
  g_signal_handlers_unblock_by_func (editable, on_tag_changed_cb, self);
}

static void
on_tag_activate_cb (GtkEntry                 *entry,
                    DossierAnnotationPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *tag = clean_tag (text);

  /* Enter on an empty entry saves, so the keyboard never has to leave */
  if (tag == NULL)
    {
      dossier_annotation_popover_save (self);
      return;
    }
  dossier_annotation_popover_add_tag (self, tag);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static gboolean
on_tag_key_pressed_cb (GtkEventControllerKey    *controller,
                       guint                     keyval,
                       guint                     keycode,
                       GdkModifierType           state,
                       DossierAnnotationPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));

  /* Backspace in an empty entry takes the last chip back */
  if (keyval == GDK_KEY_BackSpace && (text == NULL || *text == '\0') && self->tags->len > 0)
    {
      g_autofree char *last = g_strdup (g_ptr_array_index (self->tags, self->tags->len - 1));

      g_ptr_array_remove_index (self->tags, self->tags->len - 1);
      rebuild_chips (self);
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), last);
      gtk_editable_set_position (GTK_EDITABLE (self->tag_entry), -1);
      return TRUE;
    }
  return FALSE;
}

static void
on_save_clicked_cb (DossierAnnotationPopover *self)
{
  dossier_annotation_popover_save (self);
}

static void
on_delete_clicked_cb (DossierAnnotationPopover *self)
{
  g_autoptr(DossierAnnotation) annotation = NULL;

  if (self->annotation == NULL)
    return;
  annotation = g_object_ref (self->annotation);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DELETE], 0, annotation);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  dossier_annotation_popover_save (DOSSIER_ANNOTATION_POPOVER (widget));
  return TRUE;
}

static gboolean
color_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DossierAnnotationPopover *self = DOSSIER_ANNOTATION_POPOVER (widget);
  int i = g_variant_get_int32 (args);

  if (i >= 0 && i < DOSSIER_ANNOTATION_N_COLORS)
    gtk_toggle_button_set_active (self->color_buttons[i], TRUE);
  return TRUE;
}

/* The note's text view takes Return for itself: catch Ctrl+Return first. */
static gboolean
on_note_key_pressed_cb (GtkEventControllerKey    *controller,
                        guint                     keyval,
                        guint                     keycode,
                        GdkModifierType           state,
                        DossierAnnotationPopover *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      dossier_annotation_popover_save (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_show_cb (DossierAnnotationPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
reset (DossierAnnotationPopover *self)
{
  g_ptr_array_set_size (self->tags, 0);
  rebuild_chips (self);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  dossier_annotation_popover_set_note (self, NULL);
}

/* --- GObject --- */

static void
dossier_annotation_popover_dispose (GObject *object)
{
  DossierAnnotationPopover *self = DOSSIER_ANNOTATION_POPOVER (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATION_POPOVER);
  g_clear_object (&self->annotation);
  g_clear_object (&self->settings);
  g_clear_object (&self->completion_store);

  G_OBJECT_CLASS (dossier_annotation_popover_parent_class)->dispose (object);
}

static void
dossier_annotation_popover_finalize (GObject *object)
{
  DossierAnnotationPopover *self = DOSSIER_ANNOTATION_POPOVER (object);

  g_ptr_array_unref (self->tags);
  g_free (self->color);

  G_OBJECT_CLASS (dossier_annotation_popover_parent_class)->finalize (object);
}

static void
dossier_annotation_popover_class_init (DossierAnnotationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint digit_keys[DOSSIER_ANNOTATION_N_COLORS] = {
    GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5, GDK_KEY_6,
  };

  object_class->dispose = dossier_annotation_popover_dispose;
  object_class->finalize = dossier_annotation_popover_finalize;

  /**
   * DossierAnnotationPopover::save:
   * @annotation: for a new highlight, a new annotation with the colour,
   *   note and tags (the caller anchors it); when editing, a copy of the
   *   edited annotation with the changes and a new modified time
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);
  /**
   * DossierAnnotationPopover::delete:
   * @annotation: the annotation being edited
   */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, colors_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, chips_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, save_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    gtk_widget_class_add_binding (widget_class, digit_keys[i], GDK_ALT_MASK, color_shortcut_cb, "i", i);
}

static void
dossier_annotation_popover_init (DossierAnnotationPopover *self)
{
  GtkEntryCompletion *completion;
  GtkEventController *keys;
  GtkToggleButton *group = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  dossier_notes_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->color = g_strdup (dossier_annotation_colors[0]);

  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *css_class = g_strdup_printf ("swatch-%s", dossier_annotation_colors[i]);

      gtk_widget_add_css_class (swatch, "swatch");
      gtk_widget_add_css_class (swatch, css_class);
      gtk_widget_set_halign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_add_css_class (button, "color-button");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "flat");
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_color_toggled_cb), self);
      gtk_box_append (self->colors_box, button);
      self->color_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  gtk_toggle_button_set_active (self->color_buttons[0], TRUE);

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID_SCHEMA, TRUE)) != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID_SCHEMA);
      g_signal_connect_swapped (self->settings, "changed::color-meanings",
                                G_CALLBACK (update_color_tooltips), self);
    }
  update_color_tooltips (self);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->completion_store = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->tag_entry, completion);
  g_object_unref (completion);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect (self->tag_entry, "changed", G_CALLBACK (on_tag_changed_cb), self);
  g_signal_connect (self->tag_entry, "activate", G_CALLBACK (on_tag_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_tag_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), keys);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_note_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), keys);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_widget_set_visible (self->copy_button, FALSE);
}

/* --- public API --- */

GtkWidget *
dossier_annotation_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATION_POPOVER, NULL);
}

static void
set_quote (DossierAnnotationPopover *self,
           const char               *quote)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *shown = NULL;
  gboolean space = FALSE;
  guint n = 0;

  /* one run of text, and a quote of a whole article stays a preview */
  for (const char *p = quote; p && *p && n < 400; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = line->len > 0;
      else
        {
          if (space)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, c);
        }
    }
  shown = g_strdup_printf (n >= 400 ? "“%s…”" : "“%s”", line->str);
  gtk_label_set_label (self->quote_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), quote != NULL && *quote);
}

void
dossier_annotation_popover_new_note (DossierAnnotationPopover *self,
                                     const char               *quote,
                                     const char               *color)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  g_clear_object (&self->annotation);
  reset (self);
  set_quote (self, quote);
  dossier_annotation_popover_set_color (self, color);
  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_widget_set_visible (self->copy_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Highlight"));
}

void
dossier_annotation_popover_edit (DossierAnnotationPopover *self,
                                 DossierAnnotation        *annotation)
{
  const char * const *tags;

  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  g_clear_object (&self->annotation);
  self->annotation = dossier_annotation_copy (annotation);
  reset (self);
  set_quote (self, dossier_annotation_get_quote (annotation));
  dossier_annotation_popover_set_color (self, dossier_annotation_get_color (annotation));
  dossier_annotation_popover_set_note (self, dossier_annotation_get_note (annotation));
  tags = dossier_annotation_get_tags (annotation);
  for (guint i = 0; tags && tags[i]; i++)
    dossier_annotation_popover_add_tag (self, tags[i]);
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_widget_set_visible (self->copy_button, dossier_annotation_get_uuid (annotation) != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s",
                                    dossier_annotation_get_uuid (annotation) ?: "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "win.copy-note-markdown");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
}

DossierAnnotation *
dossier_annotation_popover_get_annotation (DossierAnnotationPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);
  return self->annotation;
}

void
dossier_annotation_popover_set_known_tags (DossierAnnotationPopover *self,
                                           const char * const       *tags)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_list_store_clear (self->completion_store);
  for (guint i = 0; tags && tags[i]; i++)
    gtk_list_store_insert_with_values (self->completion_store, NULL, -1, 0, tags[i], -1);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

const char *
dossier_annotation_popover_get_color (DossierAnnotationPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);
  return self->color;
}

void
dossier_annotation_popover_set_color (DossierAnnotationPopover *self,
                                      const char               *color)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));
  gtk_toggle_button_set_active (self->color_buttons[color_index (color)], TRUE);
}

char *
dossier_annotation_popover_get_note (DossierAnnotationPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
dossier_annotation_popover_set_note (DossierAnnotationPopover *self,
                                     const char               *note)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  gtk_text_buffer_get_end_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

char **
dossier_annotation_popover_get_tags (DossierAnnotationPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *typed = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);

  for (guint i = 0; i < self->tags->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->tags, i));
  typed = clean_tag (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));
  if (typed != NULL)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < self->tags->len; i++)
        seen |= g_utf8_collate (g_ptr_array_index (self->tags, i), typed) == 0;
      if (!seen)
        g_strv_builder_add (builder, typed);
    }
  return g_strv_builder_end (builder);
}

void
dossier_annotation_popover_add_tag (DossierAnnotationPopover *self,
                                    const char               *tag)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  clean = clean_tag (tag);
  if (clean == NULL)
    return;
  folded = g_utf8_casefold (clean, -1);
  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);

      if (g_strcmp0 (other, folded) == 0)
        return;
    }
  g_ptr_array_add (self->tags, g_steal_pointer (&clean));
  rebuild_chips (self);
}

void
dossier_annotation_popover_save (DossierAnnotationPopover *self)
{
  g_autoptr(DossierAnnotation) result = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  note = dossier_annotation_popover_get_note (self);
  tags = dossier_annotation_popover_get_tags (self);
  result = self->annotation ? dossier_annotation_copy (self->annotation) : dossier_annotation_new ();
  dossier_annotation_set_color (result, self->color);
  {
    g_autofree char *stripped = g_strstrip (g_strdup (note ? note : ""));

    /* white space alone is no note */
    dossier_annotation_set_note (result, *stripped ? note : NULL);
  }
  dossier_annotation_set_tags (result, (const char * const *) tags);
  if (self->annotation != NULL)
    dossier_annotation_set_modified (result, g_get_real_time ());
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SAVE], 0, result);
}
