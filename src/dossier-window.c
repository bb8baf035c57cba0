/* dossier-window.c — the main window: article list, reader, notes, timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-article-row.h"
#include "dossier-search-bar.h"
#include "dossier-import-bar.h"
#include "dossier-similar-list.h"
#include "dossier-team.h"

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

void dossier_window_actions_init (DossierWindowClass *klass);
void dossier_window_actions_setup (DossierWindow *self);

void
_dossier_window_toast (DossierWindow *self,
                       const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_dossier_window_toast_error (DossierWindow *self,
                             const GError  *error,
                             const char    *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* cancelled: the window is closing, or a newer request took over */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _dossier_window_toast (self, message);
}

/* --- the list --- */

static void
update_list_state (DossierWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  const DossierQuery *query = dossier_article_list_get_query (self->articles);
  gboolean filtered = !dossier_query_is_empty (query);
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (dossier_article_list_get_loading (self->articles))
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (filtered)
    count = g_strdup_printf (g_dngettext (NULL, "%'u result", "%'u results", n), n);
  else
    count = g_strdup_printf (g_dngettext (NULL, "%'u article", "%'u articles", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0 || filtered);
}

GtkSingleSelection *
_dossier_window_get_selection (DossierWindow *self)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->article_list));
}

void
_dossier_window_show_list (DossierWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

void
_dossier_window_show_content (DossierWindow *self)
{
  /* the reader's pane holds the reader over the timeline */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->content_paned)));
}

/* --- sections and pages --- */

AdwViewStackPage *
_dossier_window_add_section (DossierWindow *self,
                             const char    *name,
                             const char    *title,
                             const char    *icon_name,
                             GtkWidget     *child)
{
  AdwViewStackPage *page;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (adw_view_stack_get_child_by_name (self->sections, name) == NULL, NULL);

  page = adw_view_stack_add_titled (self->sections, child, name, title);
  adw_view_stack_page_set_icon_name (page, icon_name);
  adw_view_switcher_bar_set_reveal (self->section_bar, TRUE);
  return page;
}

void
_dossier_window_add_page (DossierWindow *self,
                          const char    *name,
                          GtkWidget     *page)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (name, "reader") != 0 && g_strcmp0 (name, "none") != 0);

  gtk_stack_add_named (self->reader_stack, page, name);
}

void
_dossier_window_show_page (DossierWindow *self,
                           const char    *name,
                           const char    *title,
                           const char    *subtitle)
{
  GtkSingleSelection *selection = _dossier_window_get_selection (self);

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->reader_stack, name) != NULL);

  /* an article still loading would take the pane back */
  g_cancellable_cancel (self->open_cancellable);
  gtk_stack_set_visible_child_name (self->reader_stack, name);
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle != NULL ? subtitle : "");
  /* the notes beside it are the article's */
  gtk_widget_set_visible (adw_flap_get_flap (self->notes_flap), FALSE);
  /* so that choosing the article that was open opens it again */
  if (selection != NULL)
    gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  _dossier_window_update_actions (self);
  _dossier_window_show_content (self);
}

const char *
_dossier_window_get_page (DossierWindow *self)
{
  const char *name;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->reader_stack);
  if (g_strcmp0 (name, "reader") == 0 || g_strcmp0 (name, "none") == 0)
    return NULL;
  return name;
}

typedef struct
{
  DossierWindow *window;
  gint64         id;
} PendingOpen;

static void
free_pending (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static void
on_pending_list_changed_cb (GListModel  *list,
                            guint        position,
                            guint        removed,
                            guint        added,
                            PendingOpen *pending)
{
  DossierWindow *self = pending->window;
  int pos = dossier_article_list_find (self->articles, pending->id);

  if (pos < 0)
    return;
  /* frees @pending */
  g_signal_handlers_disconnect_by_func (list, on_pending_list_changed_cb, pending);
  gtk_single_selection_set_selected (_dossier_window_get_selection (self), pos);
}

void
_dossier_window_select_when_listed (DossierWindow *self,
                                    gint64         id)
{
  PendingOpen *pending = g_new (PendingOpen, 1);

  g_signal_handlers_disconnect_matched (self->articles, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_pending_list_changed_cb, NULL);
  pending->window = self;
  pending->id = id;
  g_signal_connect_data (self->articles, "items-changed", G_CALLBACK (on_pending_list_changed_cb),
                         pending, free_pending, 0);
}

/* the search changed: the list follows */
static void
on_search_changed_cb (DossierWindow *self)
{
  g_autoptr(DossierQuery) query = dossier_search_dup_query (self->search);

  _dossier_window_update_actions (self);
  dossier_article_list_set_query (self->articles, query);
}

static void
on_search_activate_cb (DossierWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    {
      gtk_single_selection_set_selected (_dossier_window_get_selection (self), 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->article_list));
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, dossier_article_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* --- the reader --- */

static void
on_annotations_loaded_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *pending = NULL;

  list = dossier_library_list_annotations_finish (DOSSIER_LIBRARY (source), result, &error);
  if (list == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  dossier_article_notes_set_annotations (self->notes, list);
  dossier_reader_view_set_annotations (self->reader, list);
  _dossier_window_update_actions (self);
  _dossier_window_notes_update (self);

  pending = dossier_article_notes_take_pending (self->notes);
  if (pending != NULL)
    {
      for (guint i = 0; i < list->len; i++)
        {
          DossierAnnotation *a = g_ptr_array_index (list, i);

          if (g_strcmp0 (dossier_annotation_get_uuid (a), pending) == 0 &&
              !dossier_annotation_get_orphan (a))
            dossier_reader_view_scroll_to (self->reader, dossier_annotation_get_start (a),
                                           dossier_annotation_get_end (a), TRUE);
        }
    }
}

void
_dossier_window_reload_annotations (DossierWindow *self)
{
  if (self->article == NULL)
    return;
  dossier_library_list_annotations_async (self->library, dossier_article_get_id (self->article), NULL,
                                          self->open_cancellable, on_annotations_loaded_cb, self);
}

static void
on_article_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = NULL;

  article = dossier_library_get_article_finish (DOSSIER_LIBRARY (source), result, &error);
  if (article == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  g_set_object (&self->article, article);
  dossier_reader_view_set_article (self->reader, article);
  adw_window_title_set_title (self->content_title, dossier_article_get_title (article));
  adw_window_title_set_subtitle (self->content_title, dossier_article_get_source (article));
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  gtk_widget_set_visible (adw_flap_get_flap (self->notes_flap), TRUE);
  g_settings_set_int64 (self->settings, "last-article", dossier_article_get_id (article));
  _dossier_window_timeline_select (self, dossier_article_get_id (article));
  dossier_similar_list_set_article (DOSSIER_SIMILAR_LIST (self->similar), self->library,
                                    dossier_article_get_id (article));
  _dossier_window_reload_annotations (self);
  _dossier_window_people_article_loaded (self);
  _dossier_window_dates_update (self);
  _dossier_window_update_actions (self);
  _dossier_window_reading_opened (self);
}

static void
on_similar_activated_cb (DossierWindow *self,
                         gint64         id)
{
  dossier_window_open_article (self, id);
  _dossier_window_select_when_listed (self, id);
}

/* the story's page: its articles in time order, in place of the reader */
static void
on_story_activated_cb (DossierWindow *self,
                       gint64         story)
{
  _dossier_window_stories_show_story (self, story);
}

/* the open article's copies and story may have changed */
static void
on_stories_updated_cb (DossierWindow *self)
{
  if (self->article != NULL)
    dossier_similar_list_set_article (DOSSIER_SIMILAR_LIST (self->similar), self->library,
                                      dossier_article_get_id (self->article));
}

void
dossier_window_open_article (DossierWindow *self,
                             gint64         id)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  /* an article opened now wins over one still waiting to be listed (the
   * last session's, restored when the list first loads) */
  g_signal_handlers_disconnect_matched (self->articles, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_pending_list_changed_cb, NULL);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  dossier_library_get_article_async (self->library, id, self->open_cancellable,
                                     on_article_loaded_cb, self);
  _dossier_window_show_content (self);
}

static void
on_selection_changed_cb (DossierWindow *self)
{
  guint pos = gtk_single_selection_get_selected (_dossier_window_get_selection (self));

  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  dossier_window_open_article (self, dossier_article_list_get_id (self->articles, pos));
}

static void
on_library_changed_cb (DossierWindow *self)
{
  _dossier_window_reload_annotations (self);
}

static void
apply_typography (DossierWindow *self)
{
  dossier_reader_view_set_typography (self->reader,
                                      g_settings_get_int (self->settings, "font-size"),
                                      g_settings_get_int (self->settings, "line-width"),
                                      g_settings_get_enum (self->settings, "typeface") == 0);
}

static void
on_typography_changed_cb (GSettings     *settings,
                          const char    *key,
                          DossierWindow *self)
{
  apply_typography (self);
}

static void
on_sort_changed_cb (GSettings     *settings,
                    const char    *key,
                    DossierWindow *self)
{
  dossier_search_set_sort (self->search, g_settings_get_enum (self->settings, "sort"));
}

static void
on_uuid_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_team_find_article_finish (DOSSIER_LIBRARY (source), result, &error);

  if (id > 0)
    dossier_window_open_article (self, id);
  else
    _dossier_window_toast (self, error->message);
}

gboolean
dossier_window_open_uri (DossierWindow *self,
                         const char    *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path;
  const char *host;
  guint64 id;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), "dossier") != 0)
    return FALSE;
  /* dossier://article/12?annotation=UUID, or dossier://article/UUID: the
   * same article in every library of a team */
  host = g_uri_get_host (parsed);
  path = g_uri_get_path (parsed);
  if (g_strcmp0 (host, "article") == 0 && path != NULL && *path == '/' && g_uuid_string_is_valid (path + 1))
    {
      if (g_uri_get_query (parsed) != NULL)
        params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
      dossier_article_notes_set_pending (self->notes, params ? g_hash_table_lookup (params, "annotation") : NULL);
      dossier_team_find_article_async (self->library, path + 1, NULL, on_uuid_found, g_object_ref (self));
      return TRUE;
    }
  if (g_strcmp0 (host, "article") != 0 || path == NULL || *path != '/' ||
      !g_ascii_string_to_unsigned (path + 1, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a link to a Dossier article"), uri);
      _dossier_window_toast (self, message);
      return FALSE;
    }
  if (g_uri_get_query (parsed) != NULL)
    params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  dossier_article_notes_set_pending (self->notes, params ? g_hash_table_lookup (params, "annotation") : NULL);
  /* dossier://article/12?passage=40-95: characters of the body, marked */
  if (params != NULL && g_hash_table_lookup (params, "passage") != NULL)
    {
      guint64 start, end;
      g_auto(GStrv) range = g_strsplit (g_hash_table_lookup (params, "passage"), "-", 2);

      if (g_strv_length (range) == 2 &&
          g_ascii_string_to_unsigned (range[0], 10, 0, G_MAXINT, &start, NULL) &&
          g_ascii_string_to_unsigned (range[1], 10, 0, G_MAXINT, &end, NULL) && end > start)
        {
          _dossier_window_open_passage (self, (gint64) id, (int) start, (int) end);
          return TRUE;
        }
    }
  dossier_window_open_article (self, (gint64) id);
  return TRUE;
}

/* --- GObject --- */

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_int (self->settings, "timeline-height",
                      gtk_widget_get_height (GTK_WIDGET (self->content_paned)) -
                      gtk_paned_get_position (self->content_paned));
  g_settings_apply (self->settings);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->feeds_timer, g_source_remove);
  dossier_import_bar_cancel (DOSSIER_IMPORT_BAR (self->import_bar));
  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->feeds_timer, g_source_remove);
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->compare_cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  /* the list may outlive the window (a query still running holds it) */
  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_data (self->articles, self);
  if (self->articles != NULL)
    g_signal_handlers_disconnect_matched (self->articles, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                          on_pending_list_changed_cb, NULL);
  if (self->article_list != NULL && gtk_list_view_get_model (self->article_list) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_list_view_get_model (self->article_list), self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->articles);
  g_clear_object (&self->article);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->search);
  g_clear_object (&self->notes);
  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  g_clear_object (&self->stories);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static gboolean
not_folded_cb (GObject  *object,
               gboolean  folded)
{
  return !folded;
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;
  window_class->close_request = dossier_window_close_request;

  g_type_ensure (DOSSIER_TYPE_READER_VIEW);
  g_type_ensure (DOSSIER_TYPE_SEARCH_BAR);
  g_type_ensure (DOSSIER_TYPE_IMPORT_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_header);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, section_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, notes_flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, _dossier_window_update_actions);
  gtk_widget_class_bind_template_callback (widget_class, not_folded_cb);

  dossier_window_actions_init (klass);
  _dossier_window_notes_class_init (klass);
  _dossier_window_dates_class_init (klass);
  _dossier_window_feeds_class_init (klass);
  _dossier_window_reading_class_init (klass);
  _dossier_window_apps_class_init (klass);
  _dossier_window_people_class_init (klass);
  _dossier_window_team_class_init (klass);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->search = dossier_search_new ();
  self->settings = g_settings_new (APPLICATION_ID_SCHEMA);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->article_list, factory);
  g_object_unref (factory);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

DossierWindow *
dossier_window_new (DossierApplication *app,
                    DossierLibrary     *library)
{
  DossierWindow *self;
  g_autofree char *base = NULL;
  g_autofree char *default_path = dossier_library_default_path ();
  GtkSingleSelection *selection;
  gint64 last;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_WINDOW, "application", app, NULL);
  self->library = g_object_ref (library);
  self->notes = dossier_article_notes_new (library);
  self->stories = dossier_stories_new (library);
  self->similar = dossier_similar_list_new ();
  dossier_reader_view_set_footer (self->reader, self->similar);
  g_signal_connect_swapped (self->similar, "article-activated", G_CALLBACK (on_similar_activated_cb), self);
  g_signal_connect_swapped (self->similar, "story-activated", G_CALLBACK (on_story_activated_cb), self);
  g_signal_connect_swapped (self->stories, "updated", G_CALLBACK (on_stories_updated_cb), self);
  self->articles = dossier_article_list_new (library);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (selection));

  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_object_unref (selection);
  g_signal_connect_swapped (self->articles, "items-changed", G_CALLBACK (update_list_state), self);
  g_signal_connect_swapped (self->articles, "notify::loading", G_CALLBACK (update_list_state), self);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed_cb), self);
  _dossier_window_feeds_setup (self);
  _dossier_window_reading_setup (self);
  g_signal_connect (self->settings, "changed::font-size", G_CALLBACK (on_typography_changed_cb), self);
  g_signal_connect (self->settings, "changed::line-width", G_CALLBACK (on_typography_changed_cb), self);
  g_signal_connect (self->settings, "changed::typeface", G_CALLBACK (on_typography_changed_cb), self);
  g_signal_connect (self->settings, "changed::sort", G_CALLBACK (on_sort_changed_cb), self);
  dossier_search_set_sort (self->search, g_settings_get_enum (self->settings, "sort"));
  g_signal_connect_swapped (self->search, "changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search, "notify::range-from", G_CALLBACK (_dossier_window_timeline_show_range), self);
  g_signal_connect_swapped (self->search, "notify::range-to", G_CALLBACK (_dossier_window_timeline_show_range), self);
  dossier_search_bar_set_search (DOSSIER_SEARCH_BAR (self->search_bar), self->search);
  dossier_search_bar_set_library (DOSSIER_SEARCH_BAR (self->search_bar), library);

  if (g_strcmp0 (dossier_library_get_path (library), default_path) != 0)
    {
      base = g_path_get_basename (dossier_library_get_path (library));
      adw_window_title_set_subtitle (self->list_title, base);
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  apply_typography (self);
  gtk_widget_set_size_request (gtk_paned_get_end_child (self->content_paned), -1,
                               CLAMP (g_settings_get_int (self->settings, "timeline-height"), 110, 260));
  dossier_window_actions_setup (self);
  _dossier_window_timeline_setup (self);
  _dossier_window_notes_setup (self);
  _dossier_window_dates_setup (self);
  _dossier_window_stories_setup (self);
  _dossier_window_search_index_setup (self);
  _dossier_window_compare_setup (self);
  _dossier_window_people_setup (self);
  _dossier_window_team_setup (self);
  on_search_changed_cb (self);
  update_list_state (self);

  last = g_settings_get_int64 (self->settings, "last-article");
  if (last > 0)
    _dossier_window_select_when_listed (self, last);
  return self;
}

DossierLibrary *
dossier_window_get_library (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->library;
}
