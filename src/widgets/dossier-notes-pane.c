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
#include "dossier-member-color.h"

/* cards show the start of very long notes; the popover has all of it */
#define CARD_NOTE_CHARS 1200
#define CARD_QUOTE_CHARS 600

struct _DossierNotesPane
{
  GtkWidget      parent_instance;

  GPtrArray     *all;          /* the article's, before the author filter */
  GPtrArray     *annotations;  /* placed, in text order */
  GPtrArray     *orphans;
  char          *member;       /* this library's member; NULL: not shared */
  char          *author_filter; /* "everyone", "mine" or a member's name */
  char         **authors;      /* the team's members who wrote notes */
  gboolean       has_article;
  gboolean       can_reattach;

  /* Template widgets */
  GtkLabel      *count_label;
  GtkMenuButton *author_button;
  GtkWidget     *author_label;  /* the button's, shortened when long */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkListBox    *list;
  GtkWidget     *orphans_box;
  GtkListBox    *orphan_list;
};

G_DEFINE_FINAL_TYPE (DossierNotesPane, dossier_notes_pane, GTK_TYPE_WIDGET)

enum { ANNOTATION_ACTIVATED, EDIT_ANNOTATION, DELETE_ANNOTATION, REATTACH_ANNOTATION, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_AUTHOR_FILTER, N_PROPS };
static GParamSpec *properties[N_PROPS];

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
                       const char        *meta,
                       const char        *author)
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

  /* a shared library's notes say who wrote them, in the member's colour */
  if (author != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_add_css_class (line, "note-author-line");
      gtk_box_append (GTK_BOX (line), dossier_member_chip_new (author));
      label = gtk_label_new (author);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "note-author");
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (body), line);
    }

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
  /* in a shared library, a note with no author yet is this member's */
  const char *author = dossier_annotation_get_author (annotation) ? dossier_annotation_get_author (annotation)
                                                                   : self->member;
  GtkWidget *card = dossier_note_card_new (annotation, NULL, author);
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

  if (n == 0 && self->all->len > 0)
    {
      /* every note of the article is someone else's */
      if (g_strcmp0 (self->author_filter, "mine") == 0)
        adw_status_page_set_title (self->empty_page, _("None of Your Notes"));
      else
        {
          g_autofree char *title = g_strdup_printf (_("No Notes by %s"), self->author_filter);

          adw_status_page_set_title (self->empty_page, title);
        }
      adw_status_page_set_description (self->empty_page,
                                       _("Other members’ notes on this article are hidden: choose Everyone’s Notes to see them"));
    }
  else if (!self->has_article)
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
  if (n < self->all->len)
    /* TRANSLATORS: the notes shown of the article's notes, as in "2 of 5" */
    count = g_strdup_printf (_("%u of %u"), n, self->all->len);
  else
    count = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
  gtk_label_set_label (self->count_label, count);
}

/* --- the author filter --- */

static const char *
filter_label (const char *filter)
{
  if (filter == NULL || g_str_equal (filter, "everyone"))
    return _("Everyone");
  if (g_str_equal (filter, "mine"))
    return _("Mine");
  return filter;
}

static gboolean
shows_author (DossierNotesPane *self,
              const char       *author)
{
  /* a library of one's own shows everything */
  if (self->member == NULL || self->author_filter == NULL || g_str_equal (self->author_filter, "everyone"))
    return TRUE;
  /* notes written before the library was shared are this member's */
  if (g_str_equal (self->author_filter, "mine"))
    return author == NULL || g_strcmp0 (author, self->member) == 0;
  return g_strcmp0 (author, self->author_filter) == 0;
}

static void
apply_filter (DossierNotesPane *self)
{
  g_ptr_array_set_size (self->annotations, 0);
  g_ptr_array_set_size (self->orphans, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (self->all, i);

      if (shows_author (self, dossier_annotation_get_author (a)))
        g_ptr_array_add (dossier_annotation_get_orphan (a) ? self->orphans : self->annotations, g_object_ref (a));
    }
  g_ptr_array_sort (self->annotations, compare_start);
  rebuild (self);
}

static void
update_author_menu (DossierNotesPane *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) fixed = g_menu_new ();
  g_autoptr(GMenu) members = g_menu_new ();
  g_autofree char *tooltip = NULL;
  gboolean listed = FALSE;

  g_menu_append (fixed, _("_Everyone’s Notes"), "notes.author::everyone");
  g_menu_append (fixed, _("_My Notes"), "notes.author::mine");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (fixed));
  for (guint i = 0; self->authors && self->authors[i]; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (self->authors[i], self->member) == 0)
        continue;
      item = g_menu_item_new (self->authors[i], NULL);
      g_menu_item_set_action_and_target (item, "notes.author", "s", self->authors[i]);
      g_menu_append_item (members, item);
      listed |= g_strcmp0 (self->authors[i], self->author_filter) == 0;
    }
  /* a member chosen before still shows, with no notes yet */
  if (!listed && self->author_filter != NULL && !g_str_equal (self->author_filter, "everyone") &&
      !g_str_equal (self->author_filter, "mine"))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->author_filter, NULL);

      g_menu_item_set_action_and_target (item, "notes.author", "s", self->author_filter);
      g_menu_append_item (members, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (members)) > 0)
    g_menu_append_section (menu, _("One Member’s"), G_MENU_MODEL (members));
  gtk_menu_button_set_menu_model (self->author_button, G_MENU_MODEL (menu));
  gtk_label_set_label (GTK_LABEL (self->author_label), filter_label (self->author_filter));
  /* TRANSLATORS: the notes pane's author filter, as in "Showing: Mine" */
  tooltip = g_strdup_printf (_("Whose Notes: %s"), filter_label (self->author_filter));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->author_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->author_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->author_button), self->member != NULL);
}

/* --- GObject --- */

static void
dossier_notes_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierNotesPane *self = DOSSIER_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR_FILTER:
      g_value_set_string (value, self->author_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_notes_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierNotesPane *self = DOSSIER_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR_FILTER:
      dossier_notes_pane_set_author_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->member, g_free);
  g_clear_pointer (&self->author_filter, g_free);
  g_clear_pointer (&self->authors, g_strfreev);

  G_OBJECT_CLASS (dossier_notes_pane_parent_class)->dispose (object);
}

static void
dossier_notes_pane_class_init (DossierNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_notes_pane_dispose;
  object_class->get_property = dossier_notes_pane_get_property;
  object_class->set_property = dossier_notes_pane_set_property;

  /**
   * DossierNotesPane:author-filter:
   *
   * Whose notes show in a shared library: "everyone", "mine", or a
   * member's name.
   */
  properties[PROP_AUTHOR_FILTER] =
    g_param_spec_string ("author-filter", NULL, NULL, "everyone",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_install_property_action (widget_class, "notes.author", "author-filter");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPane, author_button);
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
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->author_filter = g_strdup ("everyone");
  {
    /* a long name must not widen the pane past the reader's room */
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    self->author_label = gtk_label_new (NULL);
    gtk_label_set_ellipsize (GTK_LABEL (self->author_label), PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars (GTK_LABEL (self->author_label), 12);
    gtk_box_append (GTK_BOX (box), self->author_label);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
    gtk_menu_button_set_child (self->author_button, box);
  }
  update_author_menu (self);
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

  g_ptr_array_set_size (self->all, 0);
  self->has_article = annotations != NULL;
  for (guint i = 0; annotations && i < annotations->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (annotations, i)));
  apply_filter (self);
}

void
dossier_notes_pane_set_team (DossierNotesPane   *self,
                             const char         *member,
                             const char * const *authors)
{
  g_return_if_fail (DOSSIER_IS_NOTES_PANE (self));

  g_free (self->member);
  self->member = g_strdup (member);
  g_strfreev (self->authors);
  self->authors = g_strdupv ((char **) authors);
  update_author_menu (self);
  apply_filter (self);
}

void
dossier_notes_pane_set_author_filter (DossierNotesPane *self,
                                      const char       *filter)
{
  g_return_if_fail (DOSSIER_IS_NOTES_PANE (self));

  if (filter == NULL || *filter == '\0')
    filter = "everyone";
  if (g_strcmp0 (self->author_filter, filter) == 0)
    return;
  g_free (self->author_filter);
  self->author_filter = g_strdup (filter);
  update_author_menu (self);
  apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_FILTER]);
}

const char *
dossier_notes_pane_get_author_filter (DossierNotesPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANE (self), NULL);
  return self->author_filter;
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
