/* dossier-similar-list.c — the reader's Versions and Similar Articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-similar-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-similar-list.h"
#include "dossier-stories.h"

#define MAX_SIMILAR 8

struct _DossierSimilarList
{
  GtkBox        parent_instance;

  GCancellable *cancellable;
  gint64        article_id;
  guint         n_versions;
  guint         n_similar;

  gint64        story_id;
  DossierLibrary *library;

  GtkWidget    *story_button;
  GtkWidget    *versions_label;
  GtkListBox   *versions_box;
  GtkWidget    *similar_label;
  GtkListBox   *similar_box;
};

G_DEFINE_FINAL_TYPE (DossierSimilarList, dossier_similar_list, GTK_TYPE_BOX)

enum
{
  ARTICLE_ACTIVATED,
  STORY_ACTIVATED,
  COMPARE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

/* "Outlet, 3 June 2014": who and when, as far as known */
static char *
outlet_and_date (DossierArticle *article)
{
  const char *source = dossier_article_get_source (article);
  g_autofree char *date = dossier_date_to_string (dossier_article_get_published (article));

  if (source != NULL && *source && date != NULL)
    return g_strdup_printf ("%s, %s", source, date);
  if (source != NULL && *source)
    return g_strdup (source);
  if (date != NULL)
    return g_steal_pointer (&date);
  return g_strdup (_("Unknown outlet, undated"));
}

static void
on_compare_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (button), DOSSIER_TYPE_SIMILAR_LIST);
  gint64 *id = g_object_get_data (G_OBJECT (button), "article-id");

  if (list != NULL && id != NULL)
    g_signal_emit (list, signals[COMPARE_ACTIVATED], 0, *id);
}

/* a version's button that shows it beside the open article */
static GtkWidget *
make_compare_button (gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-dual-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Compare with This Version"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compare with this version"), -1);
  g_object_set_data_full (G_OBJECT (button), "article-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_compare_clicked_cb), NULL);
  return button;
}

static GtkWidget *
make_row (DossierStoredSimilar *s)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *where = outlet_and_date (s->article);
  g_autofree char *escaped_title = g_markup_escape_text (dossier_article_get_title (s->article), -1);
  g_autofree char *subtitle = NULL;
  gint64 id;

  if (s->relation == DOSSIER_RELATION_NEAR_DUPLICATE)
    {
      g_autofree char *escaped_where = g_markup_escape_text (where, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_title);
    }
  else
    {
      const char *what = s->relation == DOSSIER_RELATION_SAME_STORY ? _("Same story") : _("Related");

      g_autofree char *escaped_where = g_markup_escape_text (where, -1);

      /* TRANSLATORS: "Same story · The Harbour Ledger, 2014-06-03" */
      subtitle = g_strdup_printf (_("%s · %s"), what, escaped_where);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  id = dossier_article_get_id (s->article);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (s->relation == DOSSIER_RELATION_NEAR_DUPLICATE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_compare_button (id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "article-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
on_row_activated_cb (DossierSimilarList *self,
                     GtkListBoxRow      *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "article-id");

  if (id != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, *id);
}

static void
on_story_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierSimilarList *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 story = dossier_stories_story_of_finish (DOSSIER_LIBRARY (source), result, &error);

  if (story < 0)
    return;
  self->story_id = story;
  gtk_widget_set_visible (self->story_button, story > 0);
  if (story > 0)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_story_clicked_cb (DossierSimilarList *self)
{
  if (self->story_id > 0)
    g_signal_emit (self, signals[STORY_ACTIVATED], 0, self->story_id);
}

static void
on_similar_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierSimilarList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_stories_similar_finish (DOSSIER_LIBRARY (source), result, &error);

  if (list == NULL)
    {
      /* a deleted article or a closed window: nothing to show */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  clear_box (self->versions_box);
  clear_box (self->similar_box);
  self->n_versions = self->n_similar = 0;
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (list, i);

      if (s->relation == DOSSIER_RELATION_NEAR_DUPLICATE)
        {
          gtk_list_box_append (self->versions_box, make_row (s));
          self->n_versions++;
        }
      else if (self->n_similar < MAX_SIMILAR)
        {
          gtk_list_box_append (self->similar_box, make_row (s));
          self->n_similar++;
        }
    }
  gtk_widget_set_visible (self->versions_label, self->n_versions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->versions_box), self->n_versions > 0);
  gtk_widget_set_visible (self->similar_label, self->n_similar > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->similar_box), self->n_similar > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_versions + self->n_similar > 0);
  /* the article's story, for the button that lists it */
  self->story_id = 0;
  gtk_widget_set_visible (self->story_button, FALSE);
  if (self->library != NULL)
    dossier_stories_story_of_async (self->library, self->article_id, self->cancellable,
                                    on_story_loaded_cb, self);
}

void
dossier_similar_list_set_article (DossierSimilarList *self,
                                  DossierLibrary     *library,
                                  gint64              article_id)
{
  g_return_if_fail (DOSSIER_IS_SIMILAR_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* another article's copies are not this one's: nothing until loaded */
  if (article_id != self->article_id)
    {
      clear_box (self->versions_box);
      clear_box (self->similar_box);
      self->n_versions = self->n_similar = 0;
      self->story_id = 0;
      gtk_widget_set_visible (self->story_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
    }
  self->article_id = article_id;
  g_set_object (&self->library, library);
  if (library == NULL || article_id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  dossier_stories_similar_async (library, article_id, 0, self->cancellable, on_similar_loaded_cb, self);
}

gint64
dossier_similar_list_get_story (DossierSimilarList *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIMILAR_LIST (self), 0);
  return self->story_id;
}

guint
dossier_similar_list_get_n_versions (DossierSimilarList *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIMILAR_LIST (self), 0);
  return self->n_versions;
}

guint
dossier_similar_list_get_n_similar (DossierSimilarList *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIMILAR_LIST (self), 0);
  return self->n_similar;
}

static void
dossier_similar_list_dispose (GObject *object)
{
  DossierSimilarList *self = DOSSIER_SIMILAR_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SIMILAR_LIST);
  G_OBJECT_CLASS (dossier_similar_list_parent_class)->dispose (object);
}

static void
dossier_similar_list_class_init (DossierSimilarListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_similar_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-similar-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSimilarList, story_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSimilarList, versions_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSimilarList, versions_box);
  gtk_widget_class_bind_template_child (widget_class, DossierSimilarList, similar_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSimilarList, similar_box);

  signals[ARTICLE_ACTIVATED] = g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* the article's story was asked for: its id */
  signals[STORY_ACTIVATED] = g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* a version's Compare button: the version's id */
  signals[COMPARE_ACTIVATED] = g_signal_new ("compare-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
dossier_similar_list_init (DossierSimilarList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->versions_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->similar_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->story_button, "clicked", G_CALLBACK (on_story_clicked_cb), self);
}

GtkWidget *
dossier_similar_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_SIMILAR_LIST, NULL);
}
