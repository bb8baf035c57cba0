/* dossier-story-page.c — one story: its articles in time order, and the
 * corrections (an article out of it, another story into it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-story-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dossier-story-page.h"
#include "dossier-stories-view.h"
#include "dossier-stories.h"

/* the chooser lists at most this many stories at once */
#define MAX_CHOICES 50

struct _DossierStoryPage
{
  GtkBox          parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  gint64          story_id;
  DossierStory   *story;
  GArray         *listed;    /* gint64 ids, as shown */
  GArray         *touched;   /* gint64 story ids the last correction changed */
  GListModel     *stories;   /* DossierStoryItem, for the chooser */

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *span_label;
  GtkLabel       *sources_label;
  GtkMenuButton  *join_button;
  GtkWidget      *export_button;
  GtkWidget      *timeline_button;
  GtkSearchEntry *join_entry;
  GtkListBox     *join_box;
  GtkListBox     *articles_box;
};

G_DEFINE_FINAL_TYPE (DossierStoryPage, dossier_story_page, GTK_TYPE_BOX)

enum
{
  ARTICLE_ACTIVATED,
  LOADED,
  CHANGED,
  FAILED,
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (DossierStoryPage *self);

static void
clear_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static void
set_id (GObject    *object,
        const char *key,
        gint64      id)
{
  g_object_set_data_full (object, key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer    object,
        const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id != NULL ? *id : 0;
}

/* --- corrections --- */

typedef struct
{
  DossierStoryPage *page;
  gboolean          joined;
  gint64            from;   /* the story shown when it began */
  gint64            other;  /* the story joined (0: a move) */
} Correction;

static void
on_correction_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Correction *c = user_data;
  g_autoptr(DossierStoryPage) self = c->page;
  g_autoptr(GError) error = NULL;
  gint64 story;

  if (c->joined)
    story = dossier_stories_join_finish (DOSSIER_LIBRARY (source), result, &error);
  else
    story = dossier_stories_move_finish (DOSSIER_LIBRARY (source), result, &error);
  if (story < 0)
    {
      g_free (c);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_array_set_size (self->touched, 0);
  g_array_append_val (self->touched, c->from);
  if (c->other != 0 && c->other != c->from)
    g_array_append_val (self->touched, c->other);
  if (story != c->from && story != c->other)
    g_array_append_val (self->touched, story);
  g_free (c);
  g_signal_emit (self, signals[CHANGED], 0);
  reload (self);
}

void
dossier_story_page_move_out (DossierStoryPage *self,
                             gint64            article_id)
{
  Correction *c;

  g_return_if_fail (DOSSIER_IS_STORY_PAGE (self));
  g_return_if_fail (self->library != NULL);

  c = g_new0 (Correction, 1);
  c->page = g_object_ref (self);
  c->from = self->story_id;
  /* 0: a story of its own */
  dossier_stories_move_async (self->library, article_id, 0, self->cancellable, on_correction_done_cb, c);
}

void
dossier_story_page_join (DossierStoryPage *self,
                         gint64            other_id)
{
  Correction *c;

  g_return_if_fail (DOSSIER_IS_STORY_PAGE (self));
  g_return_if_fail (self->library != NULL);

  c = g_new0 (Correction, 1);
  c->page = g_object_ref (self);
  c->joined = TRUE;
  c->from = self->story_id;
  c->other = other_id;
  dossier_stories_join_async (self->library, self->story_id, other_id, self->cancellable, on_correction_done_cb, c);
}

static void
on_move_clicked_cb (GtkButton        *button,
                    DossierStoryPage *self)
{
  dossier_story_page_move_out (self, get_id (button, "article-id"));
}

/* --- the chooser of Join --- */

static void
fill_choices (DossierStoryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->join_entry));
  g_autofree char *needle = *text ? g_utf8_casefold (text, -1) : NULL;
  guint n = self->stories != NULL ? g_list_model_get_n_items (self->stories) : 0;
  guint shown = 0;

  clear_box (self->join_box);
  for (guint i = 0; i < n && shown < MAX_CHOICES; i++)
    {
      g_autoptr(DossierStoryItem) item = g_list_model_get_item (self->stories, i);
      const DossierStory *story = dossier_story_item_get_story (item);
      g_autofree char *folded = NULL;
      g_autofree char *span = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;

      if (story->id == self->story_id)
        continue;
      folded = g_utf8_casefold (story->title, -1);
      if (needle != NULL && strstr (folded, needle) == NULL)
        continue;
      row = adw_action_row_new ();
      escaped = g_markup_escape_text (story->title, -1);
      span = dossier_story_describe_span (story);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), span);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      set_id (G_OBJECT (row), "story-id", story->id);
      gtk_list_box_append (self->join_box, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *label = gtk_label_new (_("No other story"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->join_box, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
}

static void
on_choice_activated_cb (DossierStoryPage *self,
                        GtkListBoxRow    *row)
{
  gint64 other = get_id (row, "story-id");

  if (other <= 0)
    return;
  gtk_menu_button_popdown (self->join_button);
  dossier_story_page_join (self, other);
}

/* --- the story --- */

static GtkWidget *
make_article_row (DossierStoryPage *self,
                  DossierArticle   *article)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *move = gtk_button_new_from_icon_name ("edit-cut-symbolic");
  g_autofree char *date = dossier_date_to_string (dossier_article_get_published (article));
  const char *source = dossier_article_get_source (article);
  g_autofree char *escaped_title = g_markup_escape_text (dossier_article_get_title (article), -1);
  g_autofree char *where = NULL;
  g_autofree char *escaped_where = NULL;
  gint64 id = dossier_article_get_id (article);

  /* TRANSLATORS: "3 June 2014 · Coastal Press" */
  where = g_strdup_printf (_("%s · %s"), date != NULL ? date : _("Undated"),
                           source != NULL && *source ? source : _("Unknown outlet"));
  escaped_where = g_markup_escape_text (where, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_where);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_id (G_OBJECT (row), "article-id", id);

  gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (move, "flat");
  gtk_widget_set_tooltip_text (move, _("Move Out of This Story"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move out of this story"), -1);
  set_id (G_OBJECT (move), "article-id", id);
  g_signal_connect (move, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move);
  return row;
}

static void
on_article_activated_cb (DossierStoryPage *self,
                         GtkListBoxRow    *row)
{
  gint64 id = get_id (row, "article-id");

  if (id > 0)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, id);
}

static void
on_articles_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  DossierStoryPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, &error);

  if (articles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  clear_box (self->articles_box);
  g_array_set_size (self->listed, 0);
  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);
      gint64 id = dossier_article_get_id (article);

      gtk_list_box_append (self->articles_box, make_article_row (self, article));
      g_array_append_val (self->listed, id);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

static void
show_story (DossierStoryPage *self)
{
  g_autofree char *span = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *first = NULL;

  if (self->story == NULL)
    {
      gtk_label_set_text (self->title_label, _("This story is no longer there"));
      gtk_label_set_text (self->span_label, "");
      gtk_label_set_text (self->sources_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->join_button), FALSE);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      gtk_widget_set_sensitive (self->timeline_button, FALSE);
      clear_box (self->articles_box);
      g_array_set_size (self->listed, 0);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  span = dossier_story_describe_span (self->story);
  sources = dossier_story_describe_sources (self->story, G_MAXUINT);
  gtk_label_set_text (self->title_label, self->story->title);
  if (self->story->first_source != NULL)
    {
      /* TRANSLATORS: "3 June 2014 – 5 June 2014 · 3 days · first: Coastal Press" */
      first = g_strdup_printf (_("%s · first: %s"), span, self->story->first_source);
      gtk_label_set_text (self->span_label, first);
    }
  else
    gtk_label_set_text (self->span_label, span);
  gtk_label_set_text (self->sources_label, sources);
  gtk_widget_set_sensitive (GTK_WIDGET (self->join_button), TRUE);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_widget_set_sensitive (self->timeline_button, TRUE);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->timeline_button),
                                          g_variant_new_int64 (self->story->id));
  dossier_library_load_articles_async (self->library,
                                       (const gint64 *) (gpointer) self->story->articles->data,
                                       self->story->articles->len, NULL, self->cancellable,
                                       on_articles_loaded_cb, self);
}

static void
on_story_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierStoryPage *self = user_data;
  g_autoptr(GError) error = NULL;
  DossierStory *story = dossier_stories_get_finish (DOSSIER_LIBRARY (source), result, &error);

  if (story == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->story, dossier_story_free);
  self->story = story;
  show_story (self);
}

static void
reload (DossierStoryPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  dossier_stories_get_async (self->library, self->story_id, self->cancellable, on_story_loaded_cb, self);
}

void
dossier_story_page_set_story (DossierStoryPage *self,
                              DossierLibrary   *library,
                              gint64            story_id)
{
  g_return_if_fail (DOSSIER_IS_STORY_PAGE (self));
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  if (story_id != self->story_id)
    {
      /* another story's articles are not this one's */
      clear_box (self->articles_box);
      g_array_set_size (self->listed, 0);
      g_clear_pointer (&self->story, dossier_story_free);
    }
  self->story_id = story_id;
  reload (self);
}

void
dossier_story_page_set_stories (DossierStoryPage *self,
                                GListModel       *stories)
{
  g_return_if_fail (DOSSIER_IS_STORY_PAGE (self));

  g_set_object (&self->stories, stories);
}

gint64
dossier_story_page_get_story_id (DossierStoryPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORY_PAGE (self), 0);
  return self->story_id;
}

const DossierStory *
dossier_story_page_get_story (DossierStoryPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORY_PAGE (self), NULL);
  return self->story;
}

GArray *
dossier_story_page_get_listed (DossierStoryPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORY_PAGE (self), NULL);
  return self->listed;
}

GArray *
dossier_story_page_get_touched (DossierStoryPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORY_PAGE (self), NULL);
  return self->touched;
}

static void
dossier_story_page_dispose (GObject *object)
{
  DossierStoryPage *self = DOSSIER_STORY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->stories);
  g_clear_pointer (&self->story, dossier_story_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_STORY_PAGE);
  G_OBJECT_CLASS (dossier_story_page_parent_class)->dispose (object);
}

static void
dossier_story_page_finalize (GObject *object)
{
  DossierStoryPage *self = DOSSIER_STORY_PAGE (object);

  g_array_unref (self->listed);
  g_array_unref (self->touched);
  G_OBJECT_CLASS (dossier_story_page_parent_class)->finalize (object);
}

static void
dossier_story_page_class_init (DossierStoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_story_page_dispose;
  object_class->finalize = dossier_story_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-story-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, span_label);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, sources_label);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, join_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, join_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, join_box);
  gtk_widget_class_bind_template_child (widget_class, DossierStoryPage, articles_box);

  signals[ARTICLE_ACTIVATED] = g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* a correction was saved */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* a correction or the reading failed: the message */
  /* Export… was clicked */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
on_export_clicked_cb (DossierStoryPage *self)
{
  g_signal_emit (self, signals[EXPORT], 0);
}

static void
dossier_story_page_init (DossierStoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->articles_box, "row-activated", G_CALLBACK (on_article_activated_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  g_signal_connect_swapped (self->join_box, "row-activated", G_CALLBACK (on_choice_activated_cb), self);
  g_signal_connect_swapped (self->join_entry, "search-changed", G_CALLBACK (fill_choices), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->join_button), "show",
                            G_CALLBACK (fill_choices), self);
}

GtkWidget *
dossier_story_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_STORY_PAGE, NULL);
}
