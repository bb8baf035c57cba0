/* test-window.c — the main window on a real library, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-story-page.h"
#include "dossier-timeline-private.h"
#include "dossier-filter-popover.h"
#include "dossier-article-row.h"
#include "dossier-search-bar.h"
#include "dossier-import-bar.h"
#include "dossier-similar-list.h"
#include "dossier-app-import.h"
#include "dossier-test-util.h"

/* a widget of the window's search bar */
static GtkWidget *
bar_child (DossierWindow *self,
           const char    *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (self->search_bar, DOSSIER_TYPE_SEARCH_BAR, name));
}

/* what typing in the search entry does, without its pause */
static void
type_search (DossierWindow *self,
             const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bar_child (self, "search_entry")), text);
  dossier_search_set_text (self->search, text);
}

static guint
n_saved (DossierWindow *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (bar_child (self, "saved_box")); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
add (DossierLibrary *library,
     const char     *title,
     const char     *date,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, "Test Wire");
  dossier_article_set_body (a, body);
  if (date && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  g_assert_cmpint (dossier_library_add_article_sync (library, a, NULL, &error), >, 0);
}

/* a library with three articles, or none when @data is set */
static void
fixture_setup (DossierTestLibrary *f,
               gconstpointer       data)
{
  dossier_test_library_setup (f, data);
  if (data == NULL)
    {
      add (f->library, "Harbour talks open", "2010-03-18", "Delegates met in the customs house.\n\nThey talked.");
      add (f->library, "Dredging deal signed", "2012-04-02", "The councils signed a dredging agreement.");
      add (f->library, "Ferry crews walk out", "2013-07-09", "Ferry crews stopped work at dawn.");
    }
}

static char *
reader_text (DossierWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

static void
test_browse_and_search (DossierTestLibrary *f,
                        gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->list_stack), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->reader_stack), ==, "none");

  /* open the newest article */
  gtk_single_selection_set_selected (_dossier_window_get_selection (self), 0);
  dossier_test_poll_until (self->article != NULL);
  text = reader_text (self);
  g_assert_cmpstr (text, ==, "Ferry crews stopped work at dawn.");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->reader_stack), ==, "reader");

  /* find in article counts matches */
  dossier_reader_view_find (self->reader, "dawn");
  g_assert_cmpuint (dossier_reader_view_get_n_matches (self->reader), ==, 1);

  /* typing narrows the list */
  type_search (self, "dredging");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);

  /* nothing found: the no-results page, not an error */
  type_search (self, "zeppelin");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->list_stack), ==, "no-results");

  /* an open quote gets a gentle hint */
  type_search (self, "\"dredging agree");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "hint_revealer"))));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));

  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
peek_title (DossierWindow *self,
            guint          position)
{
  g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (self->articles), position);

  return a ? g_strdup (dossier_article_get_title (a)) : NULL;
}

/* The title at @position, once its page has loaded */
static char *
title_at (DossierWindow *self,
          guint          position)
{
  char *title;

  dossier_test_poll_until ((title = peek_title (self, position)) != NULL);
  return title;
}

/* Sort Articles → By Relevance: the best match first (a word in the
 * title counts most), newest first again when chosen */
static void
test_relevance (DossierTestLibrary *f,
                gconstpointer       data)
{
  DossierWindow *self;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  /* in the title; in a short text; once in a long one */
  add (f->library, "Harbour strike", "2010-05-01", "A strike closed the harbour. The harbour stayed shut.");
  add (f->library, "Weather", "2015-09-09", "Rain, and later a fog over the harbour.");
  add (f->library, "Council election", "2016-03-03",
       "The council election drew more voters than any before it. Turnout rose in every ward, "
       "most of all in the old town, where the count ran late into the night and the winners "
       "spoke on the steps of the hall about schools, roads, the harbour and the budget.");
  self = dossier_window_new (NULL, f->library);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);

  g_settings_set_enum (self->settings, "sort", DOSSIER_SORT_RELEVANCE);
  type_search (self, "harbour");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  first = title_at (self, 0);
  second = title_at (self, 1);
  third = title_at (self, 2);
  g_assert_cmpstr (first, ==, "Harbour strike");
  g_assert_cmpstr (second, ==, "Weather");
  g_assert_cmpstr (third, ==, "Council election");

  g_settings_set_enum (self->settings, "sort", DOSSIER_SORT_DATE_DESC);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_free (first);
  first = title_at (self, 0);
  g_assert_cmpstr (first, ==, "Council election");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_timeline_range (DossierTestLibrary *f,
                     gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  DossierTimeline *timeline;
  int width;

  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  timeline = DOSSIER_TIMELINE (self->timeline);
  dossier_test_poll_until (dossier_timeline_model_get_n_points (_dossier_timeline_get_model (timeline)) == 3 &&
            gtk_widget_get_width (self->timeline) > 0);
  width = gtk_widget_get_width (self->timeline);

  /* a drag along the date band selects a range: the list narrows to it
   * and a chip shows the range */
  dossier_timeline_fit (timeline);
  _dossier_timeline_drag (timeline, width * 0.45, 5, width * 0.99, 5, 0);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) < 3);
  g_assert_cmpint (dossier_search_get_range_from (self->search), >=, 0);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "chips_revealer"))));

  /* removing the chip brings every article back */
  g_signal_emit_by_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (
    gtk_widget_get_first_child (bar_child (self, "chips_box")))), "clicked");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "chips_revealer"))));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_saved_search (DossierTestLibrary *f,
                   gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  GtkWidget *chip;

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  /* nothing to save without a search */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (self), "win.save-search", NULL) &&
                  n_saved (self) > 0);

  type_search (self, "dredging");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-search", NULL);
  dossier_test_poll_until (n_saved (self) == 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "saved_revealer"))));

  /* a saved search comes back with one click */
  type_search (self, "");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (bar_child (self, "saved_box"))));
  g_signal_emit_by_name (gtk_widget_get_first_child (chip), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bar_child (self, "search_entry"))), ==, "dredging");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
            g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);

  /* and goes with the other */
  g_signal_emit_by_name (gtk_widget_get_last_child (chip), "clicked");
  dossier_test_poll_until (n_saved (self) == 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "saved_revealer"))));
  gtk_window_destroy (GTK_WINDOW (self));
}

static guint
n_articles (DossierWindow *self)
{
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  return g_list_model_get_n_items (G_LIST_MODEL (self->articles));
}

static guint
n_chips (DossierWindow *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (bar_child (self, "chips_box")); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return gtk_revealer_get_reveal_child (GTK_REVEALER (bar_child (self, "chips_revealer"))) ? n : 0;
}

static guint
find_choice (GtkDropDown *dropdown,
             const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
click_chip (DossierWindow *self,
            const char    *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (bar_child (self, "chips_box")); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));
      GtkWidget *label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));

      if (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), prefix))
        {
          g_signal_emit_by_name (button, "clicked");
          return;
        }
    }
  g_error ("no chip starting with “%s”", prefix);
}

/* The filter popover narrows the list by source, tag, notes and date; each
 * filter shows as a chip that removes it; saving the search keeps them. */
static void
test_filters (DossierTestLibrary *f,
              gconstpointer       data)
{
  DossierWindow *self;
  GtkWidget *popover;
  GtkDropDown *sources, *tags;
  GtkWidget *from_entry, *to_entry, *notes_check;
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) n1 = NULL;
  g_autoptr(DossierAnnotation) n2 = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  const char *dredge[] = { "dredge", NULL };
  DossierDate d = { 2012, 9, 30, DOSSIER_DATE_PRECISION_DAY };
  gint64 quay, from, to;
  guint pos;

  /* a fourth article from another paper; two notes tagged "dredge" */
  dossier_article_set_title (a, "Quay dredging starts");
  dossier_article_set_source (a, "Quay Gazette");
  dossier_article_set_body (a, "Dredgers arrived at the quay in autumn.");
  dossier_article_set_published (a, &d);
  quay = dossier_library_add_article_sync (f->library, a, NULL, &error);
  g_assert_no_error (error);
  n1 = dossier_library_annotate_sync (f->library, quay, "Dredgers arrived", NULL, dredge, "yellow", &error);
  g_assert_no_error (error);
  n2 = dossier_library_annotate_sync (f->library, 2, "dredging agreement", NULL, dredge, "green", &error);
  g_assert_no_error (error);

  self = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  g_assert_cmpuint (n_articles (self), ==, 4);
  g_assert_cmpuint (n_chips (self), ==, 0);

  /* opening the popover offers the library's sources and tags */
  /* the popover is made when first opened */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (bar_child (self, "filter_button"))));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.filter", NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (bar_child (self, "filter_button"))));
  g_assert_true (gtk_widget_get_visible (popover));
  sources = GTK_DROP_DOWN (gtk_widget_get_template_child (popover, DOSSIER_TYPE_FILTER_POPOVER, "source_dropdown"));
  tags = GTK_DROP_DOWN (gtk_widget_get_template_child (popover, DOSSIER_TYPE_FILTER_POPOVER, "tag_dropdown"));
  from_entry = GTK_WIDGET (gtk_widget_get_template_child (popover, DOSSIER_TYPE_FILTER_POPOVER, "from_entry"));
  to_entry = GTK_WIDGET (gtk_widget_get_template_child (popover, DOSSIER_TYPE_FILTER_POPOVER, "to_entry"));
  notes_check = GTK_WIDGET (gtk_widget_get_template_child (popover, DOSSIER_TYPE_FILTER_POPOVER, "notes_check"));
  dossier_test_poll_until (find_choice (sources, "Quay Gazette") != GTK_INVALID_LIST_POSITION &&
            find_choice (tags, "dredge") != GTK_INVALID_LIST_POSITION);
  /* the most common source first, after "Any Source" */
  g_assert_cmpuint (find_choice (sources, "Test Wire"), ==, 1);

  /* a source */
  gtk_drop_down_set_selected (sources, find_choice (sources, "Quay Gazette"));
  g_assert_cmpuint (n_articles (self), ==, 1);
  g_assert_cmpuint (n_chips (self), ==, 1);
  g_assert_true (gtk_widget_has_css_class (bar_child (self, "filter_button"), "filter-active"));

  /* and a tag: both hold; without the source, the tag alone */
  pos = find_choice (tags, "dredge");
  gtk_drop_down_set_selected (tags, pos);
  g_assert_cmpuint (n_articles (self), ==, 1);
  g_assert_cmpuint (n_chips (self), ==, 2);
  click_chip (self, "Source");
  g_assert_cmpuint (n_articles (self), ==, 2);
  g_assert_cmpuint (n_chips (self), ==, 1);
  /* the popover follows the chip */
  g_assert_cmpuint (gtk_drop_down_get_selected (sources), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (tags), ==, pos);

  /* a year typed in both date fields: that year only, shaded on the
   * timeline too; a half-typed date changes nothing and is marked */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2012");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2012-1");
  g_assert_true (gtk_widget_has_css_class (to_entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2012");
  g_assert_false (gtk_widget_has_css_class (to_entry, "error"));
  g_assert_cmpuint (n_articles (self), ==, 2);
  g_assert_true (dossier_timeline_get_selected_range (DOSSIER_TIMELINE (self->timeline), &from, &to));
  g_assert_cmpint (to - from, ==, 365);  /* 2012 is a leap year */
  g_assert_cmpuint (n_chips (self), ==, 2);

  /* only articles with notes */
  type_search (self, "quay");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (notes_check), TRUE);
  g_assert_cmpuint (n_articles (self), ==, 1);
  g_assert_cmpuint (n_chips (self), ==, 3);

  /* saving keeps the filters in the search's text */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-search", NULL);
  dossier_test_poll_until (n_saved (self) == 1);
  saved = dossier_library_list_saved_searches_sync (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((DossierSavedSearch *) g_ptr_array_index (saved, 0))->query, ==,
                   "quay tag:dredge has:notes published:2012-01-01..2012-12-31");

  /* clearing brings everything back */
  type_search (self, "");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-filters", NULL);
  g_assert_cmpuint (n_articles (self), ==, 4);
  g_assert_cmpuint (n_chips (self), ==, 0);
  g_assert_false (gtk_widget_has_css_class (bar_child (self, "filter_button"), "filter-active"));
  g_assert_false (dossier_timeline_get_selected_range (DOSSIER_TIMELINE (self->timeline), &from, &to));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), ==, "");

  /* a range dragged on the timeline shows in the popover's fields */
  dossier_timeline_fit (DOSSIER_TIMELINE (self->timeline));
  dossier_test_poll_until (gtk_widget_get_width (self->timeline) > 0);
  _dossier_timeline_drag (DOSSIER_TIMELINE (self->timeline), gtk_widget_get_width (self->timeline) * 0.45, 5,
                          gtk_widget_get_width (self->timeline) * 0.99, 5, 0);
  g_assert_cmpuint (n_articles (self), <, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), !=, "");

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Timeline Lanes › By Tag reads the tags of every article's notes and
 * switches the timeline to them; back to one lane after. */
static void
test_tag_lanes (DossierTestLibrary *f,
                gconstpointer       data)
{
  DossierWindow *self;
  DossierTimelineModel *model;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) n = NULL;
  const char *tags[] = { "strike", NULL };

  n = dossier_library_annotate_sync (f->library, 3, "Ferry crews", NULL, tags, "yellow", &error);
  g_assert_no_error (error);
  self = dossier_window_new (NULL, f->library);
  gtk_window_present (GTK_WINDOW (self));
  model = _dossier_timeline_get_model (DOSSIER_TIMELINE (self->timeline));
  dossier_test_poll_until (dossier_timeline_model_get_n_points (model) == 3);

  g_settings_set_enum (self->settings, "timeline-lanes", 2);
  dossier_test_poll_until (dossier_timeline_model_get_lane_mode (model) == DOSSIER_TIMELINE_LANES_TAG);
  g_settings_set_enum (self->settings, "timeline-lanes", 0);
  g_assert_cmpint (dossier_timeline_model_get_lane_mode (model), ==, DOSSIER_TIMELINE_LANES_NONE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Delete takes the open article away, notes and all; the toast's Undo
 * brings it back and opens it again. */
static void
test_delete_article (DossierTestLibrary *f,
                     gconstpointer       data)
{
  DossierWindow *self;
  g_autoptr(DossierAnnotation) n = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo = NULL;
  const char *none[] = { NULL };

  n = dossier_library_annotate_sync (f->library, 3, "Ferry crews", "Who called it?", none, "blue", &error);
  g_assert_no_error (error);
  self = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  g_assert_cmpuint (n_articles (self), ==, 3);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-article", NULL) &&
                  n_articles (self) < 3);

  gtk_single_selection_set_selected (_dossier_window_get_selection (self), 0);
  dossier_test_poll_until (self->article != NULL && dossier_article_notes_get_annotations (self->notes) != NULL);
  g_assert_cmpstr (dossier_article_get_title (self->article), ==, "Ferry crews walk out");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-article", NULL);
  dossier_test_poll_until (self->article == NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->reader_stack), ==, "none");
  dossier_test_poll_until (n_articles (self) == 2);
  g_assert_cmpuint (dossier_library_count_sync (f->library, NULL), ==, 2);

  dossier_test_poll_until ((undo = find_button (GTK_WIDGET (self->toast_overlay), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  dossier_test_poll_until (self->article != NULL && dossier_article_notes_get_annotations (self->notes) != NULL);
  g_assert_cmpstr (dossier_article_get_title (self->article), ==, "Ferry crews walk out");
  g_assert_cmpuint (dossier_article_notes_get_annotations (self->notes)->len, ==, 1);
  g_assert_cmpuint (n_articles (self), ==, 3);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* With more articles than a few pages: a delete takes its row out where
 * it is, and Undo puts it back there; every other row keeps its article
 * object (the rows the view built stay), the list stays where it was
 * scrolled, and the timeline loses the one mark without being fitted
 * anew. */
static void
test_delete_keeps_rows (DossierTestLibrary *f,
                        gconstpointer       data)
{
  const guint n = 300, first = 120, last = 180, p = 150;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  DossierWindow *self;
  DossierTimeline *timeline;
  GtkAdjustment *adj;
  GtkWidget *undo = NULL;
  double start, end, from, to, value;
  gint64 deleted;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Harbour report %u", i);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 1 + i / 120, 1 + i / 10 % 12, 1 + i % 10);
      g_autofree char *body = g_strdup_printf ("The harbour office counted %u ships at the quay.", i);

      add (f->library, title, date, body);
    }
  self = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  timeline = DOSSIER_TIMELINE (self->timeline);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == n &&
                           dossier_timeline_get_n_points (timeline) == n);

  /* scrolled to the middle, where the rows around p are */
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->article_list));
  dossier_test_poll_until (gtk_adjustment_get_upper (adj) > 2 * gtk_adjustment_get_page_size (adj));
  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2);
  for (guint i = first; i < last; i++)
    g_free (title_at (self, i));
  for (guint i = first; i < last; i++)
    g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (self->articles), i));
  value = gtk_adjustment_get_value (adj);

  gtk_single_selection_set_selected (_dossier_window_get_selection (self), p);
  deleted = dossier_article_list_get_id (self->articles, p);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == deleted);

  /* the timeline zoomed in on a part of it */
  dossier_timeline_fit (timeline);
  dossier_timeline_get_visible_range (timeline, &start, &end);
  dossier_timeline_set_visible_range (timeline, start + (end - start) / 4, start + (end - start) / 2);
  dossier_timeline_get_visible_range (timeline, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-article", NULL);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == n - 1 &&
                           dossier_timeline_get_n_points (timeline) == n - 1);
  g_assert_cmpint (dossier_article_list_find (self->articles, deleted), ==, -1);
  for (guint i = first; i < last - 1; i++)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      g_assert_true (a == g_ptr_array_index (before, i - first + (i >= p)));
    }
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adj), value, 1);
  dossier_timeline_get_visible_range (timeline, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, start, 1e-6);
  g_assert_cmpfloat_with_epsilon (to, end, 1e-6);

  /* Undo: the article is back at its place, the others' objects stay */
  dossier_test_poll_until ((undo = find_button (GTK_WIDGET (self->toast_overlay), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == n);
  g_assert_cmpint (dossier_article_list_find (self->articles, deleted), ==, p);
  for (guint i = first; i < last; i++)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      if (i != p)
        g_assert_true (a == g_ptr_array_index (before, i - first));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The reader lists an article's copies under Versions and the articles
 * of its story under Similar Articles; choosing one opens it. */
static void
test_similar_articles (DossierTestLibrary *f,
                       gconstpointer       data)
{
  const char *wire = "Ferry crews on the Lindqvist crossing walked off their boats at dawn on Tuesday, "
                     "leaving some four thousand commuters stranded on both banks of the estuary.\n\n"
                     "The union said the walkout would last until Kestrel Lines withdraws a plan to "
                     "stretch night shifts from eight to eleven hours without extra pay.\n\n"
                     "Kestrel Lines called the strike unlawful and asked the port court in Marrow for an injunction.";
  g_autofree char *copy = g_strconcat ("MARROW (Coastal Press) — ", wire, "\n\nSubscribe for more.", NULL);
  DossierWindow *self;
  DossierSimilarList *list;
  gint64 first;

  add (f->library, "Ferry crews walk out over night shifts", "2014-06-03", wire);
  add (f->library, "Commuters stranded as ferries stop", "2014-06-03", copy);
  add (f->library, "Court halts Lindqvist ferry strike", "2014-06-05",
       "A judge at the Marrow port court ordered the Lindqvist ferry crews back to work on Thursday, "
       "two days after the walkout of Kestrel Lines crews over night shifts.");
  self = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  list = DOSSIER_SIMILAR_LIST (self->similar);
  /* the background work after the window opened the library */
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  dossier_window_open_article (self, 4);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == 4 &&
                           dossier_similar_list_get_n_versions (list) == 1);
  g_assert_cmpuint (dossier_similar_list_get_n_similar (list), >=, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  first = dossier_article_get_id (self->article);
  g_assert_cmpint (first, ==, 4);
  /* the whole story, on its page in place of the reader */
  dossier_test_poll_until (dossier_similar_list_get_story (list) > 0);
  {
    gint64 story = dossier_similar_list_get_story (list);
    DossierStoryPage *page = DOSSIER_STORY_PAGE (self->story_page);

    g_signal_emit_by_name (list, "story-activated", story);
    g_assert_cmpstr (_dossier_window_get_page (self), ==, "story");
    dossier_test_poll_until (dossier_story_page_get_story (page) != NULL &&
                             dossier_story_page_get_story (page)->id == story);
    g_assert_cmpuint (dossier_story_page_get_story (page)->articles->len, ==, 3);
  }
  g_signal_emit_by_name (list, "article-activated", (gint64) 5);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == 5);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl+? shows every shortcut; the window is built on first use */
static void
test_shortcuts_window (DossierTestLibrary *f,
                       gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  GtkWidget *overlay;

  gtk_window_present (GTK_WINDOW (self));
  g_assert_null (g_object_get_data (G_OBJECT (self), "dossier-help-overlay"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL));
  overlay = g_object_get_data (G_OBJECT (self), "dossier-help-overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (self));
  dossier_test_poll_until (gtk_widget_get_mapped (overlay));
  gtk_window_close (GTK_WINDOW (overlay));
  /* asked again, the same window comes back */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL);
  g_assert_true (g_object_get_data (G_OBJECT (self), "dossier-help-overlay") == overlay);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Snippets: the matched words in bold, markup escaped, and the tags of a
 * note as #tags rather than the index's JSON */
static void
test_snippet_markup (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "the \001gauge\002 at Tollin", "the <b>gauge</b> at Tollin" },
    { "a < b & \001c\002", "a &lt; b &amp; <b>c</b>" },
    { "shared gauge [\"claim\",\"timeline\"] A river", "shared gauge #claim #timeline A river" },
    { "a note [] then", "a note  then" },
    { "tagged [\"\001dam\002\"] here", "tagged #<b>dam</b> here" },
    { "cut short [\"cla…", "cut short [&quot;cla…" },
    { "see [1] and [\"a\\\"b\"]", "see [1] and [&quot;a\\&quot;b&quot;]" },
    { "from analysts.\n\nOfficials said", "from analysts. Officials said" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = dossier_snippet_to_markup (cases[i].in);

      g_assert_cmpstr (markup, ==, cases[i].out);
    }
}

static void
test_empty_library (DossierTestLibrary *f,
                    gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->list_stack), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_import_into_window (DossierTestLibrary *f,
                         gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  g_autofree char *file = dossier_test_data_path ("cli", "harbour-talks.txt", NULL);
  const char *paths[] = { file, NULL };
  GtkLabel *label;

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  dossier_window_import (self, paths);
  g_assert_true (dossier_import_bar_get_busy (DOSSIER_IMPORT_BAR (self->import_bar)));
  dossier_test_poll_until (!dossier_import_bar_get_busy (DOSSIER_IMPORT_BAR (self->import_bar)));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  /* the bar counted the file as it went */
  label = GTK_LABEL (gtk_widget_get_template_child (self->import_bar, DOSSIER_TYPE_IMPORT_BAR, "import_label"));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Importing 1 of 1: harbour-talks.txt");
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWindow *
find_toplevel (const char *name)
{
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0 && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* One export of another app given to the window: its kind is asked with
 * the detected one chosen; importing adds its articles to the loaded list
 * (after the short page already shown) and a summary appears. */
static void
test_import_from_app (DossierTestLibrary *f,
                      gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  g_autofree char *file = dossier_test_data_path ("apps", "omnivore.zip", NULL);
  const char *paths[] = { file, NULL };
  GtkWindow *confirm, *summary;
  GtkWidget *kinds;

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self->articles)), ==, 3);
  dossier_window_import (self, paths);
  g_assert_false (dossier_import_bar_get_busy (DOSSIER_IMPORT_BAR (self->import_bar)));
  confirm = find_toplevel ("app-import-confirm");
  g_assert_nonnull (confirm);
  kinds = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (confirm));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kinds)), ==, DOSSIER_APP_OMNIVORE - DOSSIER_APP_POCKET);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "import");
  dossier_test_poll_until (find_toplevel ("app-import-summary") != NULL);
  summary = find_toplevel ("app-import-summary");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), "2 articles imported"));
  /* its link without text can be fetched from here */
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (summary), "fetch"));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 5);
  /* every row can be read */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      g_assert_true (DOSSIER_IS_ARTICLE (a));
    }
  gtk_window_destroy (summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Dossier/Window/browse-and-search", DossierTestLibrary, NULL,
              fixture_setup, test_browse_and_search, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/relevance", DossierTestLibrary, "empty",
              fixture_setup, test_relevance, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/timeline-range", DossierTestLibrary, NULL,
              fixture_setup, test_timeline_range, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/saved-search", DossierTestLibrary, NULL,
              fixture_setup, test_saved_search, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/filters", DossierTestLibrary, NULL,
              fixture_setup, test_filters, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/tag-lanes", DossierTestLibrary, NULL,
              fixture_setup, test_tag_lanes, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/delete-article", DossierTestLibrary, NULL,
              fixture_setup, test_delete_article, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/delete-keeps-rows", DossierTestLibrary, "empty",
              fixture_setup, test_delete_keeps_rows, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/similar-articles", DossierTestLibrary, NULL, fixture_setup, test_similar_articles, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/shortcuts-window", DossierTestLibrary, NULL,
              fixture_setup, test_shortcuts_window, dossier_test_library_teardown);
  g_test_add_func ("/Dossier/Window/snippet-markup", test_snippet_markup);
  g_test_add ("/Dossier/Window/empty-library", DossierTestLibrary, "empty",
              fixture_setup, test_empty_library, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/import", DossierTestLibrary, "empty",
              fixture_setup, test_import_into_window, dossier_test_library_teardown);
  g_test_add ("/Dossier/Window/import-from-app", DossierTestLibrary, NULL,
              fixture_setup, test_import_from_app, dossier_test_library_teardown);

  return g_test_run ();
}
