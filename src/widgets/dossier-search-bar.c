/* dossier-search-bar.c — the list's search: the entry, its hint, the
 * saved searches, the filter chips and the filter popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filters live beside the typed search, in the DossierSearch.  The
 * date range is one for the popover and the timeline: dragging on the
 * timeline fills the popover's dates, typing dates shades the timeline.
 * Saving a search writes the filters into its text in the search
 * grammar, so a saved search brings them back.
 */
#define G_LOG_DOMAIN "dossier-search-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-search-bar.h"
#include "dossier-people-overview.h"
#include "dossier-filter-popover.h"

struct _DossierSearchBar
{
  GtkWidget       parent_instance;

  DossierSearch  *search;
  DossierLibrary *library;
  GCancellable   *cancellable;    /* cancelled when the bar goes */

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkWidget      *filter_button;
  GtkRevealer    *saved_revealer;
  GtkFlowBox     *saved_box;
  GtkRevealer    *hint_revealer;
  GtkLabel       *hint_label;
  GtkRevealer    *chips_revealer;
  GtkFlowBox     *chips_box;
};

G_DEFINE_FINAL_TYPE (DossierSearchBar, dossier_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

#define FILTER_KEY "dossier-filter"

static void reload_saved_searches (DossierSearchBar *self);

/* --- small functions --- */

static void
toast (DossierSearchBar *self,
       const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* a failed call's error as a toast, but nothing for a cancelled call */
static void
toast_error (DossierSearchBar *self,
             const GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static char *
day_label (gint64 jd)
{
  g_autoptr(GDate) date = NULL;
  char text[64];

  if (jd < 1 || jd > G_MAXUINT32)
    return NULL;
  date = g_date_new_julian ((guint32) jd);
  if (g_date_strftime (text, sizeof text, "%e %b %Y", date) == 0)
    return NULL;
  return g_strdup (g_strstrip (text));
}

/* --- the filter chips --- */

static void
on_chip_clicked_cb (GtkButton        *button,
                    DossierSearchBar *self)
{
  DossierSearchFilter filter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), FILTER_KEY));

  dossier_search_remove_filters (self->search, filter);
}

static void
add_chip (DossierSearchBar    *self,
          const char          *label,
          const char          *tooltip,
          const char          *accessible,
          DossierSearchFilter  filter)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_add_css_class (button, "chip");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), FILTER_KEY, GUINT_TO_POINTER (filter));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
  gtk_flow_box_append (self->chips_box, button);
}

static void
update_chips (DossierSearchBar *self)
{
  DossierSearchFilter filters = dossier_search_get_filters (self->search);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  if (filters & DOSSIER_SEARCH_FILTER_SOURCE)
    {
      /* TRANSLATORS: a filter chip, as in "Source: Wire Press" */
      g_autofree char *label = g_strdup_printf (_("Source: %s"), dossier_search_get_source (self->search));
      /* TRANSLATORS: what a screen reader says for a filter chip */
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), label);

      add_chip (self, label, _("Remove the source filter"), accessible, DOSSIER_SEARCH_FILTER_SOURCE);
    }
  if (filters & DOSSIER_SEARCH_FILTER_TAG)
    {
      /* TRANSLATORS: a filter chip, as in "Tag: dam" */
      g_autofree char *label = g_strdup_printf (_("Tag: %s"), dossier_search_get_tag (self->search));
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), label);

      add_chip (self, label, _("Remove the tag filter"), accessible, DOSSIER_SEARCH_FILTER_TAG);
    }
  if (filters & DOSSIER_SEARCH_FILTER_PERSON)
    {
      /* TRANSLATORS: a filter chip, as in "Person: Sergei Lavrov" */
      g_autofree char *label = g_strdup_printf (_("Person: %s"), dossier_search_get_person (self->search));
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), label);

      add_chip (self, label, _("Remove the person filter"), accessible, DOSSIER_SEARCH_FILTER_PERSON);
    }
  if (filters & DOSSIER_SEARCH_FILTER_HAS_NOTES)
    {
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), _("With notes"));

      add_chip (self, _("With notes"), _("Show articles without notes too"), accessible,
                DOSSIER_SEARCH_FILTER_HAS_NOTES);
    }
  if (filters & DOSSIER_SEARCH_FILTER_UNREAD)
    {
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), _("Unread"));

      add_chip (self, _("Unread"), _("Show read articles too"), accessible, DOSSIER_SEARCH_FILTER_UNREAD);
    }
  if (filters & DOSSIER_SEARCH_FILTER_RANGE)
    {
      g_autofree char *from = day_label (dossier_search_get_range_from (self->search));
      g_autofree char *to = day_label (dossier_search_get_range_to (self->search));
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;

      if (from != NULL && to != NULL)
        /* TRANSLATORS: a date range filter, as in "3 Jan 2013 – 9 Mar 2013" */
        label = g_strdup_printf (_("%s – %s"), from, to);
      else if (from != NULL)
        /* TRANSLATORS: a date filter open at its end, as in "From 3 Jan 2013" */
        label = g_strdup_printf (_("From %s"), from);
      else
        /* TRANSLATORS: a date filter open at its start, as in "Until 9 Mar 2013" */
        label = g_strdup_printf (_("Until %s"), to ? to : "?");
      /* TRANSLATORS: what a screen reader says for the date filter chip */
      accessible = g_strdup_printf (_("Date filter %s, remove"), label);
      add_chip (self, label, _("Remove the date filter"), accessible, DOSSIER_SEARCH_FILTER_RANGE);
    }
  gtk_revealer_set_reveal_child (self->chips_revealer,
                                 gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL);
}

/* --- the search, shown --- */

static void
on_search_changed_cb (DossierSearchBar *self)
{
  g_autoptr(DossierQuery) query = dossier_search_dup_query (self->search);

  gtk_label_set_label (self->hint_label, query->hint ? query->hint : "");
  gtk_revealer_set_reveal_child (self->hint_revealer, query->hint != NULL);
  update_chips (self);
  if (dossier_search_get_filters_active (self->search))
    gtk_widget_add_css_class (self->filter_button, "filter-active");
  else
    gtk_widget_remove_css_class (self->filter_button, "filter-active");
}

static void on_entry_changed_cb (DossierSearchBar *self);

/* a saved search, the timeline or a person's page set the text: the entry
 * shows it.  The entry empties itself before taking the new text, and
 * says at once that it is empty; that is not the user's search, so the
 * entry is not heard meanwhile (the search would drop its text, which
 * the entry is still reading) */
static void
on_search_text_cb (DossierSearchBar *self)
{
  const char *text = dossier_search_get_text (self->search);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) == 0)
    return;
  g_signal_handlers_block_by_func (self->search_entry, on_entry_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  g_signal_handlers_unblock_by_func (self->search_entry, on_entry_changed_cb, self);
}

static void
on_entry_changed_cb (DossierSearchBar *self)
{
  if (self->search != NULL)
    dossier_search_set_text (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_entry_activate_cb (DossierSearchBar *self)
{
  /* what was typed holds now, not after the entry's pause */
  on_entry_changed_cb (self);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

/* --- saved searches --- */

static void
on_saved_search_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DossierSearchBar) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_saved_search_finish (DOSSIER_LIBRARY (source), result, &error))
    toast_error (self, error);
}

static void
on_apply_clicked_cb (GtkButton        *button,
                     DossierSearchBar *self)
{
  /* the saved text holds its own filters */
  dossier_search_apply_saved (self->search, g_object_get_data (G_OBJECT (button), "dossier-query"));
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      DossierSearchBar *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "dossier-id"));

  dossier_library_delete_saved_search_async (self->library, id, self->cancellable,
                                             on_saved_search_done_cb, g_object_ref (self));
}

static GtkWidget *
make_saved_chip (DossierSearchBar   *self,
                 DossierSavedSearch *search)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *apply = gtk_button_new_with_label (search->name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove the saved search “%s”"), search->name);
  g_autofree char *apply_label = g_strdup_printf (_("Search for “%s”"), search->query);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "saved-search");
  gtk_widget_add_css_class (apply, "chip");
  gtk_widget_add_css_class (remove, "chip");
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), 24);
  gtk_widget_set_tooltip_text (apply, apply_label);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (apply), "dossier-query", g_strdup (search->query), g_free);
  g_object_set_data (G_OBJECT (remove), "dossier-id", GSIZE_TO_POINTER ((gsize) search->id));
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
on_saved_searches_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierSearchBar *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *child;

  list = dossier_library_list_saved_searches_finish (DOSSIER_LIBRARY (source), result, &error);
  if (list == NULL)
    {
      toast_error (self, error);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->saved_box))) != NULL)
    gtk_flow_box_remove (self->saved_box, child);
  for (guint i = 0; i < list->len; i++)
    gtk_flow_box_append (self->saved_box, make_saved_chip (self, g_ptr_array_index (list, i)));
  gtk_revealer_set_reveal_child (self->saved_revealer, list->len > 0);
}

static void
reload_saved_searches (DossierSearchBar *self)
{
  dossier_library_list_saved_searches_async (self->library, self->cancellable,
                                             on_saved_searches_cb, self);
}

/* --- the filter popover --- */

static void
on_choices_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierSearchBar *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sources = NULL;
  g_auto(GStrv) tags = dossier_library_list_tags_and_sources_finish (DOSSIER_LIBRARY (source), result,
                                                                     &sources, &error);
  GtkPopover *popover;

  if (tags == NULL)
    {
      /* cancelled: the bar is going */
      toast_error (self, error);
      return;
    }
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->filter_button));
  dossier_filter_popover_set_choices (DOSSIER_FILTER_POPOVER (popover),
                                      (const char * const *) sources, (const char * const *) tags);
}

static void
on_people_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DossierSearchBar *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPeopleList) list = dossier_people_overview_list_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkPopover *popover;

  if (list == NULL)
    {
      /* cancelled: the bar is going */
      toast_error (self, error);
      return;
    }
  for (guint i = 0; i < list->people->len; i++)
    g_ptr_array_add (names, ((DossierPersonSummary *) g_ptr_array_index (list->people, i))->name);
  g_ptr_array_add (names, NULL);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->filter_button));
  dossier_filter_popover_set_people (DOSSIER_FILTER_POPOVER (popover), (const char * const *) names->pdata);
}

/* how many people the person filter offers, most quoted first */
#define PEOPLE_OFFERED 300

/* The lists are read each time the popover opens: sources, tags and
 * people come and go with imports and notes. */
static void
on_popover_show_cb (DossierSearchBar *self)
{
  if (self->library == NULL)
    return;
  dossier_library_list_tags_and_sources_async (self->library, self->cancellable, on_choices_loaded_cb, self);
  dossier_people_overview_list_async (self->library, NULL, PEOPLE_OFFERED, self->cancellable,
                                      on_people_loaded_cb, self);
}

/* The popover is made the first time it is opened: the window's first
 * frame does not wait for its drop-downs. */
static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  DossierSearchBar *self = user_data;
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL || self->search == NULL)
    return;
  popover = dossier_filter_popover_new (self->search);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show_cb), self);
  gtk_menu_button_set_popover (button, popover);
}

/* --- GObject --- */

static void
dossier_search_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierSearchBar *self = DOSSIER_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_object (value, dossier_search_bar_get_search (self));
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, dossier_search_bar_get_library (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierSearchBar *self = DOSSIER_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      dossier_search_bar_set_search (self, g_value_get_object (value));
      break;
    case PROP_LIBRARY:
      dossier_search_bar_set_library (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_bar_dispose (GObject *object)
{
  DossierSearchBar *self = DOSSIER_SEARCH_BAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->search);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_search_bar_parent_class)->dispose (object);
}

/* Expands as its children do, as a box would: the entry widens with the
 * list's pane. */
static void
dossier_search_bar_compute_expand (GtkWidget *widget,
                                  gboolean  *hexpand,
                                  gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
dossier_search_bar_class_init (DossierSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_bar_dispose;
  object_class->get_property = dossier_search_bar_get_property;
  widget_class->compute_expand = dossier_search_bar_compute_expand;
  object_class->set_property = dossier_search_bar_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_object ("search", NULL, NULL, DOSSIER_TYPE_SEARCH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierSearchBar::activate:
   * @self: the bar
   *
   * Enter was pressed in the search entry.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, saved_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, saved_box);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchBar, chips_box);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_search_bar_init (DossierSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->filter_button), create_popover_cb, self, NULL);
}

/* --- public API --- */

DossierSearch *
dossier_search_bar_get_search (DossierSearchBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_BAR (self), NULL);
  return self->search;
}

void
dossier_search_bar_set_search (DossierSearchBar *self,
                               DossierSearch    *search)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_BAR (self));
  g_return_if_fail (search == NULL || DOSSIER_IS_SEARCH (search));

  if (self->search == search)
    return;
  /* the popover is bound to the search it was made for */
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), NULL);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_set_object (&self->search, search);
  if (search != NULL)
    {
      g_signal_connect_swapped (search, "changed", G_CALLBACK (on_search_changed_cb), self);
      g_signal_connect_swapped (search, "notify::text", G_CALLBACK (on_search_text_cb), self);
      on_search_text_cb (self);
      on_search_changed_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

DossierLibrary *
dossier_search_bar_get_library (DossierSearchBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_BAR (self), NULL);
  return self->library;
}

void
dossier_search_bar_set_library (DossierSearchBar *self,
                                DossierLibrary   *library)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_BAR (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    {
      g_signal_connect_swapped (library, "saved-searches-changed", G_CALLBACK (reload_saved_searches), self);
      reload_saved_searches (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

void
dossier_search_bar_focus_entry (DossierSearchBar *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_BAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
dossier_search_bar_popup_filters (DossierSearchBar *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_BAR (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->filter_button));
}

void
dossier_search_bar_save_search (DossierSearchBar *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DOSSIER_IS_SEARCH_BAR (self));

  if (self->search == NULL || self->library == NULL)
    return;
  text = dossier_search_to_text (self->search);
  if (*text == '\0')
    return;
  dossier_library_save_search_async (self->library, NULL, text, self->cancellable,
                                     on_saved_search_done_cb, g_object_ref (self));
}
