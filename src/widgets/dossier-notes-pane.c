/* dossier-notes-pane.c — the open article's notes, in text order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-notes-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-notes-pane.h"
#include "dossier-annotation-popover.h"
#include "dossier-markdown.h"

/* cards show the start of very long notes; the popover has all of it */
#define CARD_NOTE_CHARS 1200
#define CARD_QUOTE_CHARS 600

struct _DossierNotesPane
{
  GtkWidget      parent_instance;

  GPtrArray     *annotations;  /* placed, in text order */
  GPtrArray     *orphans;
  gboolean       has_article;
  gboolean       can_reattach;

  /* Template widgets */
  GtkLabel      *count_label;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkListBox    *list;
  GtkWidget     *orphans_box;
  GtkListBox    *orphan_list;
};

G_DEFINE_FINAL_TYPE (DossierNotesPane, dossier_notes_pane, GTK_TYPE_WIDGET)

enum { ANNOTATION_ACTIVATED, EDIT_ANNOTATION, DELETE_ANNOTATION, REATTACH_ANNOTATION, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const color_labels[DOSSIER_ANNOTATION_N_COLORS] = {
  N_("Yellow"), N_("Green"), N_("Blue"), N_("Pink"), N_("Purple"), N_("Orange"),
};

static int
color_index (const char *color)
{
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    if (g_strcmp0 (dossier_annotation_colors[i], color) == 0)
      return i;
  return 0;
}

static char *
short_text (const char *text,
            int         max_chars)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, max_chars + 1) > max_chars)
    {
      g_autofree char *head = g_utf8_substring (text, 0, max_chars);

      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (text);
}

/* A quote across paragraphs reads as one run of text in a card. */
static char *
one_line (const char *text,
          int         max_chars)
{
  g_autofree char *cut = short_text (text, max_chars);
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = cut; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = s->len > 0;
      else
        {
          if (space)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_unichar (s, c);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
format_tags (DossierAnnotation *annotation)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; tags && tags[i]; i++)
    g_string_append_printf (s, "%s#%s", i ? "  " : "", tags[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
dossier_note_describe (DossierAnnotation *annotation)
{
  g_autofree char *quote = short_text (dossier_annotation_get_quote (annotation), 200);
  g_autofree char *note = short_text (dossier_annotation_get_note (annotation), 300);
  g_autofree char *tags = format_tags (annotation);
  g_autoptr(GString) s = g_string_new (NULL);

  /* TRANSLATORS: read by screen readers, as in "Yellow highlight: “the quote”" */
  g_string_append_printf (s, _("%s highlight: “%s”"),
                          _(color_labels[color_index (dossier_annotation_get_color (annotation))]), quote);
  if (*note)
    {
      g_string_append (s, ". ");
      g_string_append_printf (s, _("Note: %s"), note);
    }
  if (*tags)
    {
      g_string_append (s, ". ");
      g_string_append_printf (s, _("Tags: %s"), tags);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

GtkWidget *
dossier_note_card_new (DossierAnnotation *annotation,
                       const char        *meta)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;
  g_autofree char *bar_class = g_strdup_printf ("swatch-%s",
                                                dossier_annotation_colors[color_index (dossier_annotation_get_color (annotation))]);
  g_autofree char *quote = one_line (dossier_annotation_get_quote (annotation), CARD_QUOTE_CHARS);
  g_autofree char *quoted = g_strdup_printf ("“%s”", quote);
  g_autofree char *tags = format_tags (annotation);
  const char *note = dossier_annotation_get_note (annotation);

  dossier_notes_ensure_style ();
  gtk_widget_add_css_class (card, "note-card");
  gtk_widget_add_css_class (bar, "color-bar");
  gtk_widget_add_css_class (bar, bar_class);
  gtk_box_append (GTK_BOX (card), bar);
  gtk_widget_add_css_class (body, "note-card-body");
  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (card), body);

  if (meta != NULL)
    {
      label = gtk_label_new (meta);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "note-meta");
      gtk_box_append (GTK_BOX (body), label);
    }

  label = gtk_label_new (quoted);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (label, "note-quote");
  gtk_box_append (GTK_BOX (body), label);

  if (note != NULL && *note)
    {
      g_autofree char *markup = dossier_markdown_to_pango (note, CARD_NOTE_CHARS);

      /* every piece of the note's text was escaped: the markup is ours */
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 12);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_add_css_class (label, "note-text");
      gtk_box_append (GTK_BOX (body), label);
    }

  if (dossier_annotation_get_orphan (annotation))
    {
      label = gtk_label_new (_("Orphaned: not found in the article’s current text"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (body), label);
    }

  if (*tags)
    {
      label = gtk_label_new (tags);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "note-tags");
      gtk_box_append (GTK_BOX (body), label);
    }
  return card;
}

/* --- the pane --- */

static DossierAnnotation *
find_by_uuid (DossierNotesPane *self,
              const char       *uuid)
{
  GPtrArray *arrays[] = { self->annotations, self->orphans };

  for (guint k = 0; k < G_N_ELEMENTS (arrays); k++)
    for (guint i = 0; arrays[k] && i < arrays[k]->len; i++)
      {
        DossierAnnotation *a = g_ptr_array_index (arrays[k], i);

        if (g_strcmp0 (dossier_annotation_get_uuid (a), uuid) == 0)
          return a;
      }
  return NULL;
}

static void
emit_for_uuid (GtkWidget  *widget,
               GVariant   *param,
               guint       signal)
{
  DossierNotesPane *self = DOSSIER_NOTES_PANE (widget);
  DossierAnnotation *a = find_by_uuid (self, g_variant_get_string (param, NULL));

  if (a != NULL)
    g_signal_emit (self, signals[signal], 0, a);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  emit_for_uuid (widget, param, EDIT_ANNOTATION);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  emit_for_uuid (widget, param, DELETE_ANNOTATION);
}

static void
reattach_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  emit_for_uuid (widget, param, REATTACH_ANNOTATION);
}

static GtkWidget *
make_menu_button (DossierAnnotation *annotation)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *button = gtk_menu_button_new ();
  const char *uuid = dossier_annotation_get_uuid (annotation);

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "notes.edit", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Copy as Markdown"), NULL);
  g_menu_item_set_action_and_target (item, "win.copy-note-markdown", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (item, "notes.delete", "s", uuid);
  g_menu_append_item (menu, item);

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Note Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note Menu"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_margin_end (button, 4);
  return button;
}

static GtkWidget *
make_row (DossierNotesPane  *self,
          DossierAnnotation *annotation,
          gboolean           orphan)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* a shared library's notes say who wrote them */
  const char *author = dossier_annotation_get_author (annotation);
  GtkWidget *card = dossier_note_card_new (annotation, author);
  g_autofree char *description = dossier_note_describe (annotation);

  gtk_box_append (GTK_BOX (card), make_menu_button (annotation));
  if (orphan)
    {
      GtkWidget *body = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Re-attach to Selection"));

      gtk_widget_add_css_class (card, "orphan-card");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 4);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notes.reattach");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dossier_annotation_get_uuid (annotation));
      gtk_widget_set_tooltip_text (button, _("Select the passage in the article first"));
      gtk_box_append (GTK_BOX (body), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  gtk_widget_add_css_class (row, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
  return row;
}

static void
on_row_activated_cb (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     DossierNotesPane *self)
{
  DossierAnnotation *a = g_object_get_data (G_OBJECT (row), "annotation");

  if (a != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, a);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  DossierAnnotation *x = *(DossierAnnotation **) a;
  DossierAnnotation *y = *(DossierAnnotation **) b;
  int d = dossier_annotation_get_start (x) - dossier_annotation_get_start (y);

  if (d != 0)
    return d;
  d = dossier_annotation_get_end (x) - dossier_annotation_get_end (y);
  if (d != 0)
    return d;
  return dossier_annotation_get_id (x) < dossier_annotation_get_id (y) ? -1 : 1;
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rebuild (DossierNotesPane *self)
{
  guint n = self->annotations->len + self->orphans->len;
  g_autofree char *count = NULL;

  remove_all (self->list);
  remove_all (self->orphan_list);
  for (guint i = 0; i < self->annotations->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->annotations, i), FALSE));
  for (guint i = 0; i < self->orphans->len; i++)
    gtk_list_box_append (self->orphan_list, make_row (self, g_ptr_array_index (self->orphans, i), TRUE));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->annotations->len > 0);
  gtk_widget_set_visible (self->orphans_box, self->orphans->len > 0);

  if (!self->has_article)
    {
      adw_status_page_set_title (self->empty_page, _("No Article"));
      adw_status_page_set_description (self->empty_page, _("The notes of the open article appear here"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Notes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select a passage, then press Ctrl+H to highlight it or Ctrl+Return to add a note"));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  count = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
  gtk_label_set_label (self->count_label, count);
}

/* --- GObject --- */

static void
dossier_notes_pane_dispose (GObject *object)
{
  DossierNotesPane *self = DOSSIER_NOTES_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_NOTES_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_notes_pane_parent_class)->dispose (object);
}

static void
dossier_notes_pane_class_init (DossierNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_notes_pane_dispose;

  /**
   * DossierNotesPane::annotation-activated:
   * @annotation: the note whose card was clicked: show its passage
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);
  /**
   * DossierNotesPane::edit-annotation:
   * @annotation: the note to open in the popover
   */
  signals[EDIT_ANNOTATION] =
    g_signal_new ("edit-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);
  /**
   * DossierNotesPane::delete-annotation:
   * @annotation: the note to delete
   */
  signals[DELETE_ANNOTATION] =
    g_signal_new ("delete-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);
  /**
   * DossierNotesPane::reattach-annotation:
   * @annotation: the orphan to anchor at the reader's selection
   */
  signals[REATTACH_ANNOTATION] =
    g_signal_new ("reattach-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);

  gtk_widget_class_install_action (widget_class, "notes.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "notes.reattach", "s", reattach_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, list);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, orphans_box);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, orphan_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notespane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_notes_pane_init (DossierNotesPane *self)
{
  dossier_notes_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.reattach", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  rebuild (self);
}

/* --- public API --- */

GtkWidget *
dossier_notes_pane_new (void)
{
  return g_object_new (DOSSIER_TYPE_NOTES_PANE, NULL);
}

void
dossier_notes_pane_set_annotations (DossierNotesPane *self,
                                    GPtrArray        *annotations)
{
  g_return_if_fail (DOSSIER_IS_NOTES_PANE (self));

  g_ptr_array_set_size (self->annotations, 0);
  g_ptr_array_set_size (self->orphans, 0);
  self->has_article = annotations != NULL;
  for (guint i = 0; annotations && i < annotations->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (annotations, i);

      g_ptr_array_add (dossier_annotation_get_orphan (a) ? self->orphans : self->annotations, g_object_ref (a));
    }
  g_ptr_array_sort (self->annotations, compare_start);
  rebuild (self);
}

void
dossier_notes_pane_set_can_reattach (DossierNotesPane *self,
                                     gboolean          can_reattach)
{
  g_return_if_fail (DOSSIER_IS_NOTES_PANE (self));

  self->can_reattach = !!can_reattach;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.reattach", self->can_reattach);
}

guint
dossier_notes_pane_get_n_notes (DossierNotesPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANE (self), 0);
  return self->annotations->len;
}

guint
dossier_notes_pane_get_n_orphans (DossierNotesPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANE (self), 0);
  return self->orphans->len;
}

GtkListBox *
dossier_notes_pane_get_list (DossierNotesPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANE (self), NULL);
  return self->list;
}

GtkListBox *
dossier_notes_pane_get_orphan_list (DossierNotesPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANE (self), NULL);
  return self->orphan_list;
}
