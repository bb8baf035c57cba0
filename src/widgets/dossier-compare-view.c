/* dossier-compare-view.c — two versions of an article side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each side is headed by its outlet and date.  Sentences only in the open
 * article are struck through, those only in the other version underlined,
 * and reworded ones set in italics on both sides; a tint of the theme's
 * error, success and warning colours (looked up again when the style
 * changes, so that it suits light and dark) comes on top, never alone.
 */
#define G_LOG_DOMAIN "dossier-compare-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-compare-view.h"
#include "dossier-sentence-diff.h"

#define TINT_ALPHA 0.22

typedef struct
{
  GtkWidget     *caption;
  GtkWidget     *heading;
  GtkWidget     *title;
  GtkWidget     *view;
  GtkTextBuffer *buffer;
} Side;

struct _DossierCompareView
{
  GtkBox        parent_instance;

  GCancellable *cancellable;
  GtkWidget    *summary;
  GtkWidget    *panes;
  Side          sides[2];
  char         *summary_text;
};

G_DEFINE_FINAL_TYPE (DossierCompareView, dossier_compare_view, GTK_TYPE_BOX)

enum
{
  COMPARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *tag;
  const char *color;
  const char *fallback;
} tints[] = {
  { "added", "success_color", "#26a269" },
  { "removed", "error_color", "#e01b24" },
  { "changed", "warning_color", "#cd9309" },
};

static void
update_tints (DossierCompareView *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (tints); i++)
    {
      GdkRGBA rgba;

      if (!gtk_style_context_lookup_color (context, tints[i].color, &rgba))
        gdk_rgba_parse (&rgba, tints[i].fallback);
      rgba.alpha = TINT_ALPHA;
      for (guint s = 0; s < 2; s++)
        {
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->sides[s].buffer),
                                                       tints[i].tag);

          g_object_set (tag, "background-rgba", &rgba, NULL);
        }
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
update_tints_idle_cb (gpointer data)
{
  update_tints (data);
  return G_SOURCE_REMOVE;
}

/* the theme's colours change with its stylesheet, after the switch */
static void
on_dark_changed_cb (DossierCompareView *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_tints_idle_cb, g_object_ref (self), g_object_unref);
}

/* "Outlet, 2014-06-03": who and when, as far as known */
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

typedef struct
{
  char                *texts[2];
  DossierSentenceDiff *diff;
} Job;

static void
job_free (Job *job)
{
  g_free (job->texts[0]);
  g_free (job->texts[1]);
  g_clear_pointer (&job->diff, dossier_sentence_diff_free);
  g_free (job);
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;

  job->diff = dossier_sentence_diff_new (job->texts[0], job->texts[1]);
  g_task_return_boolean (task, TRUE);
}

/* tags each sentence of @side's text that has @op on that side */
static void
mark (Side                      *side,
      const char                *text,
      const DossierSentenceDiff *diff,
      gboolean                   other)
{
  GArray *sentences = other ? diff->new_sentences : diff->old_sentences;
  const char *pos = text;
  glong offset = 0;

  for (guint k = 0; k < diff->edits->len; k++)
    {
      const DossierSentenceEdit *e = &g_array_index (diff->edits, DossierSentenceEdit, k);
      int index = other ? e->new_index : e->old_index;
      const DossierSentence *s;
      const char *tag;
      GtkTextIter start, end;

      if (index < 0 || e->op == DOSSIER_SENTENCE_SAME)
        continue;
      tag = e->op == DOSSIER_SENTENCE_ADDED ? "added" : e->op == DOSSIER_SENTENCE_REMOVED ? "removed" : "changed";
      s = &g_array_index (sentences, DossierSentence, index);
      /* character offsets, counted on from the last sentence */
      offset += g_utf8_pointer_to_offset (pos, text + s->start);
      pos = text + s->start;
      gtk_text_buffer_get_iter_at_offset (side->buffer, &start, offset);
      gtk_text_buffer_get_iter_at_offset (side->buffer, &end,
                                          offset + g_utf8_pointer_to_offset (pos, text + s->end));
      gtk_text_buffer_apply_tag_by_name (side->buffer, tag, &start, &end);
    }
}

static void
on_compared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierCompareView *self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *changed = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  mark (&self->sides[0], job->texts[0], job->diff, FALSE);
  mark (&self->sides[1], job->texts[1], job->diff, TRUE);

  /* TRANSLATORS: the first part of "3 sentences added, 1 removed, 2 changed" */
  added = g_strdup_printf (g_dngettext (NULL, "%u sentence added", "%u sentences added", job->diff->n_added),
                           job->diff->n_added);
  /* TRANSLATORS: the second part of "3 sentences added, 1 removed, 2 changed" */
  removed = g_strdup_printf (g_dngettext (NULL, "%u removed", "%u removed", job->diff->n_removed),
                             job->diff->n_removed);
  /* TRANSLATORS: the last part of "3 sentences added, 1 removed, 2 changed" */
  changed = g_strdup_printf (g_dngettext (NULL, "%u changed", "%u changed", job->diff->n_changed),
                             job->diff->n_changed);
  g_free (self->summary_text);
  if (job->diff->n_added + job->diff->n_removed + job->diff->n_changed == 0)
    self->summary_text = g_strdup (_("The two versions have the same sentences"));
  else
    /* TRANSLATORS: "3 sentences added, 1 removed, 2 changed" */
    self->summary_text = g_strdup_printf (_("%s, %s, %s"), added, removed, changed);
  if (job->diff->approximate)
    {
      char *longer = g_strdup_printf ("%s %s", self->summary_text,
                                      _("(too long to compare exactly: large parts marked as a whole)"));

      g_free (self->summary_text);
      self->summary_text = longer;
    }
  {
    /* the legend: each mark as the text shows it */
    g_autofree char *e_added = g_markup_escape_text (added, -1);
    g_autofree char *e_removed = g_markup_escape_text (removed, -1);
    g_autofree char *e_changed = g_markup_escape_text (changed, -1);
    g_autofree char *e_summary = g_markup_escape_text (self->summary_text, -1);
    g_autofree char *markup = NULL;

    if (job->diff->n_added + job->diff->n_removed + job->diff->n_changed == 0 || job->diff->approximate)
      markup = g_strdup (e_summary);
    else
      /* TRANSLATORS: "3 sentences added, 1 removed, 2 changed", each part marked up as in the texts */
      markup = g_strdup_printf (_("<u>%s</u>, <s>%s</s>, <i>%s</i>"), e_added, e_removed, e_changed);
    gtk_label_set_markup (GTK_LABEL (self->summary), markup);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    self->summary_text, -1);
  }
  g_signal_emit (self, signals[COMPARED], 0);
}

static void
fill_side (Side           *side,
           DossierArticle *article,
           char          **text_out)
{
  const char *body = dossier_article_get_body (article);
  g_autofree char *where = outlet_and_date (article);

  body = body ? body : "";
  *text_out = g_utf8_validate (body, -1, NULL) ? g_strdup (body) : g_utf8_make_valid (body, -1);
  gtk_label_set_text (GTK_LABEL (side->heading), where);
  gtk_label_set_text (GTK_LABEL (side->title), dossier_article_get_title (article));
  gtk_text_buffer_set_text (side->buffer, *text_out, -1);
}

void
dossier_compare_view_set_articles (DossierCompareView *self,
                                   DossierArticle     *open,
                                   DossierArticle     *other)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (DOSSIER_IS_COMPARE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->summary_text, g_free);
  gtk_label_set_text (GTK_LABEL (self->summary), _("Comparing…"));
  fill_side (&self->sides[0], open, &job->texts[0]);
  fill_side (&self->sides[1], other, &job->texts[1]);
  update_tints (self);

  task = g_task_new (NULL, self->cancellable, on_compared_cb, self);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compare_thread);
}

void
dossier_compare_view_set_stacked (DossierCompareView *self,
                                  gboolean            stacked)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_VIEW (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

gboolean
dossier_compare_view_get_stacked (DossierCompareView *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_VIEW (self), FALSE);
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->panes)) == GTK_ORIENTATION_VERTICAL;
}

GtkTextBuffer *
dossier_compare_view_get_buffer (DossierCompareView *self,
                                 gboolean            other)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_VIEW (self), NULL);
  return self->sides[other ? 1 : 0].buffer;
}

const char *
dossier_compare_view_get_summary (DossierCompareView *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_VIEW (self), NULL);
  return self->summary_text;
}

static void
make_side (DossierCompareView *self,
           Side               *side,
           const char         *caption,
           const char         *accessible)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);

  side->caption = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (side->caption), 0);
  gtk_widget_add_css_class (side->caption, "caption-heading");
  gtk_widget_add_css_class (side->caption, "dim-label");
  gtk_widget_set_margin_start (side->caption, 12);
  gtk_widget_set_margin_end (side->caption, 12);
  gtk_widget_set_margin_top (side->caption, 6);
  side->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (side->heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (side->heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (side->heading, "heading");
  gtk_widget_set_margin_start (side->heading, 12);
  gtk_widget_set_margin_end (side->heading, 12);
  side->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (side->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (side->title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (side->title, "dim-label");
  gtk_widget_set_margin_start (side->title, 12);
  gtk_widget_set_margin_end (side->title, 12);
  gtk_widget_set_margin_bottom (side->title, 6);

  gtk_text_buffer_create_tag (buffer, "added", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "changed", "style", PANGO_STYLE_ITALIC, NULL);
  side->buffer = buffer;
  side->view = gtk_text_view_new_with_buffer (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (side->view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (side->view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (side->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (side->view), 4);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (side->view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (side->view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (side->view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (side->view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (side->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), side->view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (box), side->caption);
  gtk_box_append (GTK_BOX (box), side->heading);
  gtk_box_append (GTK_BOX (box), side->title);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_box_append (GTK_BOX (self->panes), box);
}

static void
dossier_compare_view_dispose (GObject *object)
{
  DossierCompareView *self = DOSSIER_COMPARE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint s = 0; s < 2; s++)
    g_clear_object (&self->sides[s].buffer);
  g_clear_pointer (&self->summary_text, g_free);
  G_OBJECT_CLASS (dossier_compare_view_parent_class)->dispose (object);
}

static void
dossier_compare_view_class_init (DossierCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_compare_view_dispose;
  /* both sides are marked */
  signals[COMPARED] = g_signal_new ("compared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_compare_view_init (DossierCompareView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_set_margin_start (self->summary, 12);
  gtk_widget_set_margin_end (self->summary, 12);
  gtk_widget_set_margin_top (self->summary, 8);
  gtk_widget_set_margin_bottom (self->summary, 8);
  gtk_box_append (GTK_BOX (self), self->summary);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (self->panes), TRUE);
  gtk_widget_set_vexpand (self->panes, TRUE);
  gtk_box_append (GTK_BOX (self), self->panes);
  make_side (self, &self->sides[0], _("Open Article"), _("The open article’s text"));
  make_side (self, &self->sides[1], _("Other Version"), _("The other version’s text"));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
dossier_compare_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_COMPARE_VIEW, NULL);
}
