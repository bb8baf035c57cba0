/* dossier-annotations-window.c — every note in the library: search,
 * filters, grouping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-annotations-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotations-window.h"
#include "dossier-annotation-popover.h"
#include "dossier-article-row.h"
#include "dossier-notes-pane.h"
#include "dossier-team-account.h"

/* a list box row per card: past this many, ask for a narrower search */
#define MAX_CARDS 500

struct _DossierAnnotationsWindow
{
  AdwWindow       parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;          /* the load under way */
  GCancellable   *catalogue_cancellable;
  GHashTable     *articles;             /* gint64 id → DossierArticle (no body) */
  GPtrArray      *results;              /* of the last load */
  GtkStringList  *tag_model;
  GtkStringList  *source_model;
  GtkStringList  *author_model;
  GSettings      *settings;             /* NULL without the app's schema */
  char           *member;               /* this library's; NULL: not shared */
  char           *author_filter;        /* "everyone", "mine" or a member's name */
  char          **authors;              /* offered after the first two */
  char           *color;
  char           *tag;
  char           *source;
  char           *from;
  char           *to;
  gboolean        by_tag;
  gboolean        loading;
  gboolean        setting_dropdowns;
  guint           n_cards;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkToggleButton *by_article_button;
  GtkToggleButton *by_tag_button;
  GtkSearchEntry *search_entry;
  GtkDropDown    *color_dropdown;
  GtkDropDown    *tag_dropdown;
  GtkDropDown    *source_dropdown;
  GtkDropDown    *author_dropdown;
  GtkMenuButton  *date_button;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkWidget      *clear_dates_button;
  GtkLabel       *hint_label;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkLabel       *more_label;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (DossierAnnotationsWindow, dossier_annotations_window, ADW_TYPE_WINDOW)

enum { OPEN_ANNOTATION, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const color_labels[DOSSIER_ANNOTATION_N_COLORS] = {
  N_("Yellow"), N_("Green"), N_("Blue"), N_("Pink"), N_("Purple"), N_("Orange"),
};

static void load (DossierAnnotationsWindow *self);

/* --- dropdowns --- */

static const char *
dropdown_value (GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);
  GObject *item;

  /* the first item is "All …" */
  if (pos == GTK_INVALID_LIST_POSITION || pos == 0)
    return NULL;
  item = gtk_drop_down_get_selected_item (dropdown);
  return item ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static void
fill_model (DossierAnnotationsWindow *self,
            GtkStringList            *model,
            GtkDropDown              *dropdown,
            const char               *all,
            char                    **values,
            const char               *keep)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  guint selected = 0;

  g_strv_builder_add (builder, all);
  for (guint i = 0; values && values[i]; i++)
    {
      g_strv_builder_add (builder, values[i]);
      if (keep != NULL && g_strcmp0 (values[i], keep) == 0)
        selected = i + 1;
    }
  items = g_strv_builder_end (builder);
  self->setting_dropdowns = TRUE;
  gtk_string_list_splice (model, 0, n, (const char * const *) items);
  gtk_drop_down_set_selected (dropdown, selected);
  self->setting_dropdowns = FALSE;
}

static void
on_catalogue_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierAnnotationsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) sources = NULL;

  tags = dossier_library_list_tags_and_sources_finish (DOSSIER_LIBRARY (source), result, &sources, &error);
  if (tags == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list tags: %s", error->message);
      return;
    }
  fill_model (self, self->tag_model, self->tag_dropdown, _("All Tags"), tags, self->tag);
  fill_model (self, self->source_model, self->source_dropdown, _("All Sources"), sources, self->source);
}

/* --- whose notes (a shared library) --- */

static void
fill_authors (DossierAnnotationsWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  guint selected = g_strcmp0 (self->author_filter, "mine") == 0 ? 1 : 0, n = 2;

  g_strv_builder_add (builder, _("Everyone’s Notes"));
  g_strv_builder_add (builder, _("My Notes"));
  for (guint i = 0; self->authors && self->authors[i]; i++)
    if (g_strcmp0 (self->authors[i], self->member) != 0)
      {
        g_strv_builder_add (builder, self->authors[i]);
        selected = g_strcmp0 (self->authors[i], self->author_filter) == 0 ? n : selected;
        n++;
      }
  items = g_strv_builder_end (builder);
  self->setting_dropdowns = TRUE;
  gtk_string_list_splice (self->author_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->author_model)),
                          (const char * const *) items);
  gtk_drop_down_set_selected (self->author_dropdown, selected);
  self->setting_dropdowns = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->author_dropdown), self->member != NULL);
}

static void
on_authors_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierAnnotationsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  char **authors = dossier_team_list_authors_finish (DOSSIER_LIBRARY (source), result, &error);

  if (authors == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not list the notes’ authors: %s", error->message);
  if (authors == NULL)
    return;
  g_strfreev (self->authors);
  self->authors = authors;
  fill_authors (self);
}

static void
on_link_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DossierAnnotationsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTeamLink) link = dossier_team_get_link_finish (DOSSIER_LIBRARY (source), result, &error);
  gboolean was_shared = self->member != NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_free (self->member);
  self->member = link ? g_strdup (link->member) : NULL;
  fill_authors (self);
  /* the filter counts only in a shared library */
  if (was_shared != (self->member != NULL) && g_strcmp0 (self->author_filter, "everyone") != 0)
    load (self);
  if (link != NULL)
    dossier_team_list_authors_async (self->library, self->catalogue_cancellable, on_authors_cb, self);
}

static void
load_catalogue (DossierAnnotationsWindow *self)
{
  g_cancellable_cancel (self->catalogue_cancellable);
  g_clear_object (&self->catalogue_cancellable);
  self->catalogue_cancellable = g_cancellable_new ();
  dossier_library_list_tags_and_sources_async (self->library, self->catalogue_cancellable,
                                               on_catalogue_cb, self);
  dossier_team_get_link_async (self->library, self->catalogue_cancellable, on_link_cb, self);
}

/* --- the list --- */

static char *
article_meta (DossierArticle *article)
{
  g_autofree char *date = NULL;
  const char *source;

  if (article == NULL)
    return g_strdup ("");
  date = dossier_format_date (dossier_article_get_published (article));
  source = dossier_article_get_source (article);
  /* TRANSLATORS: an article's source and date, as in "Reuters · 15 Apr 2013" */
  return source ? g_strdup_printf (_("%s · %s"), source, date) : g_steal_pointer (&date);
}

static GtkWidget *
make_header (const char *title,
             const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL && *subtitle)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "notes-group-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
add_card (DossierAnnotationsWindow *self,
          DossierAnnotation        *annotation,
          gboolean                  with_article)
{
  DossierArticle *article = g_hash_table_lookup (self->articles, &(gint64) { dossier_annotation_get_article_id (annotation) });
  g_autofree char *meta = NULL;
  g_autofree char *description = dossier_note_describe (annotation);
  g_autofree char *label = NULL;
  GtkWidget *row;

  if (self->n_cards >= MAX_CARDS)
    return;
  if (with_article && article != NULL)
    {
      g_autofree char *source_date = article_meta (article);

      /* TRANSLATORS: a note's article, as in "Talks stall — Reuters · 15 Apr 2013" */
      meta = g_strdup_printf (_("%s — %s"), dossier_article_get_title (article), source_date);
    }
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), dossier_note_card_new (annotation, meta,
                                                                            dossier_annotation_get_author (annotation)
                                                                            ? dossier_annotation_get_author (annotation)
                                                                            : self->member));
  gtk_widget_add_css_class (row, "card");
  label = article ? g_strdup_printf (_("%s, in “%s”"), description, dossier_article_get_title (article))
                  : g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
  gtk_list_box_append (self->list, row);
  self->n_cards++;
}

static gboolean
has_filters (DossierAnnotationsWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text && *text) || self->color || self->tag || self->source || self->from || self->to;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
render (DossierAnnotationsWindow *self)
{
  GtkWidget *child;
  guint n = self->results ? self->results->len : 0;
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_cards = 0;

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (n == 0)
    {
      if (has_filters (self))
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Matching Notes"));
          adw_status_page_set_description (self->empty_page, _("Try other words, or remove a filter"));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Notes Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Highlight passages in your articles and every note gathers here"));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
      return;
    }

  if (!self->by_tag)
    {
      gint64 current = -1;

      for (guint i = 0; i < n && self->n_cards < MAX_CARDS; i++)
        {
          DossierAnnotation *a = g_ptr_array_index (self->results, i);
          gint64 id = dossier_annotation_get_article_id (a);

          if (id != current)
            {
              DossierArticle *article = g_hash_table_lookup (self->articles, &id);
              g_autofree char *meta = article_meta (article);

              gtk_list_box_append (self->list, make_header (article ? dossier_article_get_title (article)
                                                                    : _("Unknown Article"), meta));
              current = id;
            }
          add_card (self, a, FALSE);
        }
    }
  else
    {
      g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) untagged = g_ptr_array_new ();
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      for (guint i = 0; i < n; i++)
        {
          DossierAnnotation *a = g_ptr_array_index (self->results, i);
          const char * const *tags = dossier_annotation_get_tags (a);

          if (tags == NULL || tags[0] == NULL)
            g_ptr_array_add (untagged, a);
          for (guint t = 0; tags && tags[t]; t++)
            {
              char *folded = g_utf8_casefold (tags[t], -1);
              GPtrArray *group = g_hash_table_lookup (groups, folded);

              if (group == NULL)
                {
                  group = g_ptr_array_new ();
                  g_hash_table_insert (names, g_strdup (folded), g_strdup (tags[t]));
                  g_hash_table_insert (groups, folded, group);
                }
              else
                g_free (folded);
              g_ptr_array_add (group, a);
            }
        }
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);
      g_ptr_array_sort (keys, compare_tags);
      for (guint k = 0; k < keys->len && self->n_cards < MAX_CARDS; k++)
        {
          GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (keys, k));
          g_autofree char *title = g_strdup_printf ("#%s", (char *) g_hash_table_lookup (names, g_ptr_array_index (keys, k)));
          g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", group->len), group->len);

          gtk_list_box_append (self->list, make_header (title, count));
          for (guint i = 0; i < group->len; i++)
            add_card (self, g_ptr_array_index (group, i), TRUE);
        }
      if (untagged->len > 0 && self->n_cards < MAX_CARDS)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", untagged->len),
                                                    untagged->len);

          gtk_list_box_append (self->list, make_header (_("Untagged"), count));
          for (guint i = 0; i < untagged->len; i++)
            add_card (self, g_ptr_array_index (untagged, i), TRUE);
        }
    }

  if (self->n_cards >= MAX_CARDS)
    {
      g_autofree char *more = g_strdup_printf (_("Showing the first %u notes. Search or filter to find the others."),
                                               (guint) MAX_CARDS);

      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->n_cards >= MAX_CARDS);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_articles_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierAnnotationsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, &error);
  if (articles == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; articles && i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);
      gint64 *key = g_new (gint64, 1);

      *key = dossier_article_get_id (article);
      g_hash_table_replace (self->articles, key, g_object_ref (article));
    }
  if (error != NULL)
    g_warning ("Could not load the notes' articles: %s", error->message);
  self->loading = FALSE;
  render (self);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DossierAnnotationsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) missing = NULL;

  list = dossier_library_list_annotations_finish (DOSSIER_LIBRARY (source), result, &error);
  if (list == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      g_clear_pointer (&self->results, g_ptr_array_unref);
      render (self);
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Search the Notes"));
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_ptr_array_ref (list);

  missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < list->len; i++)
    {
      gint64 id = dossier_annotation_get_article_id (g_ptr_array_index (list, i));

      if (!g_hash_table_contains (self->articles, &id) &&
          (missing->len == 0 || g_array_index (missing, gint64, missing->len - 1) != id))
        g_array_append_val (missing, id);
    }
  if (missing->len == 0)
    {
      self->loading = FALSE;
      render (self);
      return;
    }
  dossier_library_load_articles_async (self->library, (const gint64 *) (gpointer) missing->data, missing->len,
                                       NULL, self->cancellable, on_articles_cb, self);
}

static DossierQuery *
build_query (DossierAnnotationsWindow *self)
{
  g_autoptr(GString) text = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  DossierQuery *query;

  if (self->from || self->to)
    g_string_append_printf (text, " published:%s..%s", self->from ? self->from : "", self->to ? self->to : "");
  query = dossier_query_parse (text->str, TRUE);
  if (self->color)
    g_ptr_array_add (query->colors, g_strdup (self->color));
  if (self->tag)
    g_ptr_array_add (query->tags, g_strdup (self->tag));
  if (self->source)
    g_ptr_array_add (query->sources, g_strdup (self->source));
  /* whose notes: through author:, as typed in a search */
  if (self->member != NULL && self->author_filter != NULL && g_strcmp0 (self->author_filter, "everyone") != 0)
    g_ptr_array_add (query->authors, g_strdup (g_str_equal (self->author_filter, "mine") ? self->member
                                                                                         : self->author_filter));
  return query;
}

static void
load (DossierAnnotationsWindow *self)
{
  g_autoptr(DossierQuery) query = build_query (self);

  gtk_label_set_label (self->hint_label, query->hint ? query->hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), query->hint != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->results == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  dossier_library_list_annotations_async (self->library, 0, query, self->cancellable, on_listed_cb, self);
}

/* --- callbacks --- */

static void
on_search_changed_cb (DossierAnnotationsWindow *self)
{
  load (self);
}

static void
on_dropdown_changed_cb (DossierAnnotationsWindow *self)
{
  guint color;

  if (self->setting_dropdowns)
    return;
  color = gtk_drop_down_get_selected (self->color_dropdown);
  g_free (self->color);
  self->color = color > 0 && color <= DOSSIER_ANNOTATION_N_COLORS ? g_strdup (dossier_annotation_colors[color - 1]) : NULL;
  g_free (self->tag);
  self->tag = g_strdup (dropdown_value (self->tag_dropdown));
  g_free (self->source);
  self->source = g_strdup (dropdown_value (self->source_dropdown));
  load (self);
}

static void
on_author_setting_cb (DossierAnnotationsWindow *self)
{
  g_autofree char *filter = g_settings_get_string (self->settings, "notes-author");

  dossier_annotations_window_set_author_filter (self, filter);
}

static void
on_author_changed_cb (DossierAnnotationsWindow *self)
{
  guint pos = gtk_drop_down_get_selected (self->author_dropdown);
  GObject *item = gtk_drop_down_get_selected_item (self->author_dropdown);
  const char *filter = pos == 1 ? "mine" : pos >= 2 && item ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                                                            : "everyone";

  if (!self->setting_dropdowns && pos != GTK_INVALID_LIST_POSITION)
    dossier_annotations_window_set_author_filter (self, filter);
}

static char *
entry_value (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
update_date_button (DossierAnnotationsWindow *self)
{
  g_autofree char *label = NULL;

  if (self->from && self->to)
    label = g_strdup_printf (_("%s – %s"), self->from, self->to);
  else if (self->from)
    /* TRANSLATORS: a date filter open at its end, as in "From 2013" */
    label = g_strdup_printf (_("From %s"), self->from);
  else if (self->to)
    /* TRANSLATORS: a date filter open at its start, as in "Until 2013" */
    label = g_strdup_printf (_("Until %s"), self->to);
  else
    label = g_strdup (_("Any Date"));
  gtk_menu_button_set_label (self->date_button, label);
}

static void
on_dates_changed_cb (DossierAnnotationsWindow *self)
{
  g_free (self->from);
  self->from = entry_value (self->from_entry);
  g_free (self->to);
  self->to = entry_value (self->to_entry);
  update_date_button (self);
  load (self);
}

static void
on_clear_dates_cb (DossierAnnotationsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_menu_button_popdown (self->date_button);
  on_dates_changed_cb (self);
}

static void
on_group_toggled_cb (DossierAnnotationsWindow *self)
{
  gboolean by_tag = gtk_toggle_button_get_active (self->by_tag_button);

  if (by_tag == self->by_tag)
    return;
  self->by_tag = by_tag;
  if (!self->loading)
    render (self);
}

static void
on_row_activated_cb (GtkListBox               *list,
                     GtkListBoxRow            *row,
                     DossierAnnotationsWindow *self)
{
  DossierAnnotation *a = g_object_get_data (G_OBJECT (row), "annotation");

  if (a != NULL)
    g_signal_emit (self, signals[OPEN_ANNOTATION], 0,
                   dossier_annotation_get_article_id (a), dossier_annotation_get_uuid (a));
}

static void
on_library_changed_cb (DossierAnnotationsWindow *self)
{
  /* titles or dates may have changed too */
  g_hash_table_remove_all (self->articles);
  load (self);
  load_catalogue (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (DOSSIER_ANNOTATIONS_WINDOW (widget)->search_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* --- GObject --- */

static void
dossier_annotations_window_dispose (GObject *object)
{
  DossierAnnotationsWindow *self = DOSSIER_ANNOTATIONS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->catalogue_cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATIONS_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalogue_cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->tag_model);
  g_clear_object (&self->source_model);
  g_clear_object (&self->author_model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_annotations_window_parent_class)->dispose (object);
}

static void
dossier_annotations_window_finalize (GObject *object)
{
  DossierAnnotationsWindow *self = DOSSIER_ANNOTATIONS_WINDOW (object);

  g_free (self->color);
  g_free (self->tag);
  g_free (self->source);
  g_free (self->from);
  g_free (self->to);
  g_free (self->member);
  g_free (self->author_filter);
  g_strfreev (self->authors);

  G_OBJECT_CLASS (dossier_annotations_window_parent_class)->finalize (object);
}

static void
dossier_annotations_window_class_init (DossierAnnotationsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_annotations_window_dispose;
  object_class->finalize = dossier_annotations_window_finalize;

  /**
   * DossierAnnotationsWindow::open-annotation:
   * @article_id: the note's article
   * @uuid: the note
   *
   * The user chose a note: open its article at the passage.
   */
  signals[OPEN_ANNOTATION] =
    g_signal_new ("open-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-annotations-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, by_article_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, by_tag_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, clear_dates_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, list);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, more_label);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "notes.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "notes.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "notes.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "notes.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "notes.close", NULL);
}

static void
dossier_annotations_window_init (DossierAnnotationsWindow *self)
{
  g_autoptr(GtkStringList) colors = gtk_string_list_new (NULL);
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  GtkExpression *expression;

  dossier_notes_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_string_list_append (colors, _("All Colours"));
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    gtk_string_list_append (colors, _(color_labels[i]));
  gtk_drop_down_set_model (self->color_dropdown, G_LIST_MODEL (colors));

  self->tag_model = gtk_string_list_new ((const char * const []) { _("All Tags"), NULL });
  self->source_model = gtk_string_list_new ((const char * const []) { _("All Sources"), NULL });
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_model));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (self->source_model));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->tag_dropdown, expression);
  gtk_drop_down_set_expression (self->source_dropdown, expression);
  self->author_model = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->author_dropdown, G_LIST_MODEL (self->author_model));
  gtk_drop_down_set_expression (self->author_dropdown, expression);
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APPLICATION_ID_SCHEMA, TRUE)) != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID_SCHEMA);
      self->author_filter = g_settings_get_string (self->settings, "notes-author");
      g_signal_connect_swapped (self->settings, "changed::notes-author", G_CALLBACK (on_author_setting_cb), self);
    }
  else
    self->author_filter = g_strdup ("everyone");
  fill_authors (self);
  gtk_expression_unref (expression);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->color_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->source_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->author_dropdown, "notify::selected", G_CALLBACK (on_author_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_dates_changed_cb), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_dates_changed_cb), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->date_button), "closed",
                            G_CALLBACK (on_dates_changed_cb), self);
  g_signal_connect_swapped (self->clear_dates_button, "clicked", G_CALLBACK (on_clear_dates_cb), self);
  g_signal_connect_swapped (self->by_tag_button, "toggled", G_CALLBACK (on_group_toggled_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* --- public API --- */

GtkWidget *
dossier_annotations_window_new (GtkWindow      *parent,
                                DossierLibrary *library)
{
  DossierAnnotationsWindow *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  /* a window of its own, not a dialog: opening a note raises the main
   * window above it */
  self = g_object_new (DOSSIER_TYPE_ANNOTATIONS_WINDOW,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed_cb), self);
  load (self);
  load_catalogue (self);
  return GTK_WIDGET (self);
}

void
dossier_annotations_window_set_author_filter (DossierAnnotationsWindow *self,
                                              const char               *filter)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  filter = filter != NULL && *filter ? filter : "everyone";
  if (g_strcmp0 (self->author_filter, filter) == 0)
    return;
  g_free (self->author_filter);
  self->author_filter = g_strdup (filter);
  /* the notes pane follows, and the next time remembers it */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "notes-author", filter);
  fill_authors (self);
  load (self);
}

void
dossier_annotations_window_reload (DossierAnnotationsWindow *self)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));
  on_library_changed_cb (self);
}

void
dossier_annotations_window_set_search_text (DossierAnnotationsWindow *self,
                                            const char               *text)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
  load (self);
}

static void
select_in (GtkDropDown *dropdown,
           const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; value && i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_utf8_collate (gtk_string_object_get_string (item), value) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (dropdown, 0);
}

void
dossier_annotations_window_set_color (DossierAnnotationsWindow *self,
                                      const char               *color)
{
  int index = -1;

  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  for (int i = 0; color && i < DOSSIER_ANNOTATION_N_COLORS; i++)
    if (g_strcmp0 (dossier_annotation_colors[i], color) == 0)
      index = i;
  gtk_drop_down_set_selected (self->color_dropdown, index + 1);
}

void
dossier_annotations_window_set_tag (DossierAnnotationsWindow *self,
                                    const char               *tag)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  select_in (self->tag_dropdown, tag);
  /* a tag not (yet) in the list still filters */
  if (tag && *tag && g_strcmp0 (self->tag, tag) != 0)
    {
      g_free (self->tag);
      self->tag = g_strdup (tag);
      load (self);
    }
}

void
dossier_annotations_window_set_source (DossierAnnotationsWindow *self,
                                       const char               *source)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  select_in (self->source_dropdown, source);
  if (source && *source && g_strcmp0 (self->source, source) != 0)
    {
      g_free (self->source);
      self->source = g_strdup (source);
      load (self);
    }
}

void
dossier_annotations_window_set_date_range (DossierAnnotationsWindow *self,
                                           const char               *from,
                                           const char               *to)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  on_dates_changed_cb (self);
}

void
dossier_annotations_window_set_group_by_tag (DossierAnnotationsWindow *self,
                                             gboolean                  by_tag)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self));
  gtk_toggle_button_set_active (by_tag ? self->by_tag_button : self->by_article_button, TRUE);
}

gboolean
dossier_annotations_window_get_loading (DossierAnnotationsWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self), FALSE);
  return self->loading;
}

guint
dossier_annotations_window_get_n_results (DossierAnnotationsWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self), 0);
  return self->results ? self->results->len : 0;
}

guint
dossier_annotations_window_get_n_cards (DossierAnnotationsWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self), 0);
  return self->n_cards;
}

GtkListBox *
dossier_annotations_window_get_list (DossierAnnotationsWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_WINDOW (self), NULL);
  return self->list;
}
