/* dossier-reader-view.c — the article, in readable typography
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only GtkTextView: offsets in a GtkTextBuffer count characters,
 * as annotation anchors do, so highlights map one to one.
 */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-reader-view.h"
#include "dossier-article-row.h"
#include "dossier-store.h"

struct _DossierReaderView
{
  GtkWidget       parent_instance;

  DossierArticle *article;
  GPtrArray      *annotations;
  GtkCssProvider *css;
  GtkTextTag     *match_tag;
  GtkTextTag     *current_tag;
  GtkTextTag     *flash_tag;
  GtkTextTag     *gap_tag;
  GtkTextTag     *passage_tag;  /* a passage opened from elsewhere, till the next article */
  int             passage_start;
  int             passage_end;
  GtkTextTag     *quote_tag;    /* quotes found in the body, when shown */
  GPtrArray      *quotes;       /* DossierPersonQuote, or NULL */
  guint           passage_tick;  /* scrolls to the passage while the text is laid out */
  guint           passage_frames;
  GtkTextTag     *color_tags[DOSSIER_ANNOTATION_N_COLORS];
  GArray         *matches;      /* pairs of char offsets */
  int             current_match;
  guint           flash_id;

  /* Template widgets */
  GtkSearchBar   *find_bar;
  GtkSearchEntry *find_entry;
  GtkLabel       *match_label;
  GtkScrolledWindow *scroller;
  AdwClamp       *clamp;
  GtkLabel       *source_label;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkLinkButton  *link_button;
  GtkTextView    *text_view;
  GtkWidget      *date_banner;
  GtkLabel       *date_banner_label;
  GtkLabel       *why_label;
  GtkWidget      *footer_box;
};

G_DEFINE_FINAL_TYPE (DossierReaderView, dossier_reader_view, GTK_TYPE_WIDGET)

enum { ANNOTATION_ACTIVATED, ACCEPT_DATE, DISMISS_DATE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* translucent, so text stays readable and overlaps still show */
static const char * const highlight_rgba[DOSSIER_ANNOTATION_N_COLORS] = {
  "rgba(246, 211, 45, 0.45)",   /* yellow */
  "rgba(87, 227, 137, 0.40)",   /* green */
  "rgba(98, 160, 234, 0.40)",   /* blue */
  "rgba(246, 97, 146, 0.35)",   /* pink */
  "rgba(192, 97, 203, 0.35)",   /* purple */
  "rgba(255, 163, 72, 0.45)",   /* orange */
};

static int
color_index (const char *color)
{
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    if (g_strcmp0 (dossier_annotation_colors[i], color) == 0)
      return i;
  return 0;
}

static void
update_match_label (DossierReaderView *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (query == NULL || *query == '\0')
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* TRANSLATORS: the current find match and the number of matches */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len / 2);
  gtk_label_set_label (self->match_label, text);
}

static void
select_match (DossierReaderView *self,
              int                index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  int n = self->matches->len / 2;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  if (n == 0)
    {
      self->current_match = -1;
      update_match_label (self);
      return;
    }
  index = ((index % n) + n) % n;
  self->current_match = index;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (self->matches, int, index * 2));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (self->matches, int, index * 2 + 1));
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.2, FALSE, 0, 0);
  update_match_label (self);
}

void
dossier_reader_view_find (DossierReaderView *self,
                          const char        *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end, match_start, match_end;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text ? text : "");

  g_array_set_size (self->matches, 0);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);

  if (text != NULL && *text != '\0')
    {
      GtkTextIter iter = start;

      while (gtk_text_iter_forward_search (&iter, text,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          int offsets[2] = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

          g_array_append_vals (self->matches, offsets, 2);
          gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
          iter = match_end;
        }
    }
  select_match (self, 0);
}

void
dossier_reader_view_find_next (DossierReaderView *self,
                               gboolean           backwards)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  select_match (self, self->current_match + (backwards ? -1 : 1));
}

guint
dossier_reader_view_get_n_matches (DossierReaderView *self)
{
  return self->matches->len / 2;
}

static void
on_find_changed_cb (DossierReaderView *self)
{
  dossier_reader_view_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

static void
on_find_activate_cb (DossierReaderView *self)
{
  dossier_reader_view_find_next (self, FALSE);
}

static void
on_find_next_cb (DossierReaderView *self)
{
  dossier_reader_view_find_next (self, FALSE);
}

static void
on_find_previous_cb (DossierReaderView *self)
{
  dossier_reader_view_find_next (self, TRUE);
}

static void
on_find_stop_cb (DossierReaderView *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  dossier_reader_view_find (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
dossier_reader_view_show_find (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
apply_highlights (DossierReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  int length = gtk_text_buffer_get_char_count (buffer);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    gtk_text_buffer_remove_tag (buffer, self->color_tags[i], &start, &end);

  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (self->annotations, i);
      int s = dossier_annotation_get_start (a);
      int e = dossier_annotation_get_end (a);

      if (dossier_annotation_get_orphan (a) || s < 0 || e <= s || e > length)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, e);
      gtk_text_buffer_apply_tag (buffer, self->color_tags[color_index (dossier_annotation_get_color (a))],
                                 &start, &end);
    }
}

/* The body keeps its blank lines (annotation offsets count them); they
 * are drawn small so paragraphs are spaced like a page, not a form. */
static void
apply_paragraph_gaps (DossierReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter, end;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      if (gtk_text_iter_ends_line (&iter) && gtk_text_iter_starts_line (&iter))
        {
          end = iter;
          gtk_text_iter_forward_char (&end);
          gtk_text_buffer_apply_tag (buffer, self->gap_tag, &iter, &end);
        }
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
update_header (DossierReaderView *self)
{
  DossierArticle *a = self->article;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *url;

  if (a == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->source_label, "");
      gtk_label_set_label (self->meta_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->link_button), FALSE);
      return;
    }

  gtk_label_set_label (self->title_label, dossier_article_get_title (a));
  gtk_label_set_label (self->source_label, dossier_article_get_source (a) ? dossier_article_get_source (a) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), dossier_article_get_source (a) != NULL);

  if (dossier_article_get_byline (a) != NULL)
    {
      const char *byline = dossier_article_get_byline (a);

      if (g_ascii_strncasecmp (byline, "by ", 3) == 0)
        byline += 3;
      /* TRANSLATORS: the article's author(s) */
      g_string_append_printf (meta, _("By %s"), byline);
      g_string_append (meta, "  ·  ");
    }
  date = dossier_format_date (dossier_article_get_published (a));
  g_string_append (meta, date);
  switch (dossier_article_get_date_origin (a))
    {
    case DOSSIER_DATE_ORIGIN_URL:
      g_string_append (meta, _(" (from the link)"));
      break;
    case DOSSIER_DATE_ORIGIN_USER:
      g_string_append (meta, _(" (set by hand)"));
      break;
    case DOSSIER_DATE_ORIGIN_INFERRED:
      g_string_append (meta, _(" (suggested, accepted)"));
      break;
    default:
      break;
    }
  gtk_label_set_label (self->meta_label, meta->str);

  url = dossier_article_get_url (a);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), url != NULL);
  if (url != NULL)
    {
      g_autofree char *host = NULL;
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        host = g_strdup (g_uri_get_host (uri));
      gtk_link_button_set_uri (self->link_button, url);
      gtk_button_set_label (GTK_BUTTON (self->link_button), host ? host : url);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), url);
    }
}

static gboolean
on_link_activate_cb (GtkLinkButton     *button,
                     DossierReaderView *self)
{
  const char *uri = gtk_link_button_get_uri (button);
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* only web links leave the app, and only on the user's click */
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return TRUE;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static gboolean
clear_flash (gpointer data)
{
  DossierReaderView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);
  self->flash_id = 0;
  return G_SOURCE_REMOVE;
}

void
dossier_reader_view_scroll_to (DossierReaderView *self,
                               int                start,
                               int                end,
                               gboolean           flash)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_view_scroll_to_iter (self->text_view, &s, 0.1, TRUE, 0.0, 0.3);
  if (flash)
    {
      g_clear_handle_id (&self->flash_id, g_source_remove);
      clear_flash (self);
      gtk_text_buffer_apply_tag (buffer, self->flash_tag, &s, &e);
      self->flash_id = g_timeout_add (900, clear_flash, self);
    }
}

static void
on_click_released_cb (GtkGestureClick   *gesture,
                      int                n_press,
                      double             x,
                      double             y,
                      DossierReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int bx, by, offset;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer) || self->annotations == NULL)
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  offset = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < self->annotations->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (!dossier_annotation_get_orphan (a) &&
          offset >= dossier_annotation_get_start (a) && offset < dossier_annotation_get_end (a))
        {
          g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, a);
          return;
        }
    }
}

static void
on_accept_date_cb (DossierReaderView *self)
{
  g_signal_emit (self, signals[ACCEPT_DATE], 0);
}

static void
on_dismiss_date_cb (DossierReaderView *self)
{
  g_signal_emit (self, signals[DISMISS_DATE], 0);
}

static void
dossier_reader_view_dispose (GObject *object)
{
  GtkWidget *child;
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_object (&self->article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER_VIEW);
  /* children of the template that no field names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->dispose (object);
}

static void
dossier_reader_view_finalize (GObject *object)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  g_array_unref (self->matches);
  g_clear_object (&self->css);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->finalize (object);
}

static void
dossier_reader_view_class_init (DossierReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_view_dispose;
  object_class->finalize = dossier_reader_view_finalize;

  /**
   * DossierReaderView::annotation-activated:
   * @annotation: the clicked highlight's annotation
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);

  /**
   * DossierReaderView::accept-date:
   *
   * The user accepted the suggested date the banner shows.
   */
  signals[ACCEPT_DATE] =
    g_signal_new ("accept-date", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DossierReaderView::dismiss-date:
   *
   * The user dismissed the suggested date the banner shows.
   */
  signals[DISMISS_DATE] =
    g_signal_new ("dismiss-date", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, find_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, match_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, source_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, link_button);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, date_banner);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, date_banner_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, why_label);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_date_cb);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, footer_box);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_stop_cb);
  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static gboolean
on_query_tooltip_cb (GtkWidget         *widget,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip,
                     DossierReaderView *self)
{
  GtkTextIter iter;
  int bx, by;
  const char *speaker;
  g_autofree char *text = NULL;

  if (self->quotes == NULL || keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) ||
      !dossier_reader_view_get_quote_at (self, gtk_text_iter_get_offset (&iter), &speaker))
    return FALSE;
  /* TRANSLATORS: the tooltip of a quote in the reader, with the speaker's name */
  text = speaker != NULL ? g_strdup_printf (_("Quoted by %s"), speaker) : g_strdup (_("Unattributed quote"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_reader_view_init (DossierReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_array_new (FALSE, FALSE, sizeof (int));
  self->current_match = -1;
  buffer = gtk_text_view_get_buffer (self->text_view);
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    self->color_tags[i] = gtk_text_buffer_create_tag (buffer, NULL, "background", highlight_rgba[i], NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, NULL, "background", "rgba(255, 200, 0, 0.30)",
                                                "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, NULL, "background", "rgba(255, 140, 0, 0.75)", NULL);
  self->flash_tag = gtk_text_buffer_create_tag (buffer, NULL, "background", "rgba(53, 132, 228, 0.45)", NULL);
  /* a passage: a tint and an underline, unlike a highlight's colour */
  self->passage_tag = gtk_text_buffer_create_tag (buffer, NULL, "background", "rgba(53, 132, 228, 0.16)",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  "underline-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 1.0 }, NULL);
  self->passage_start = self->passage_end = -1;
  /* a quote: a thin grey underline and no colour, so that it is never
   * taken for a highlight; the speaker shows in a tooltip */
  self->quote_tag = gtk_text_buffer_create_tag (buffer, NULL, "underline", PANGO_UNDERLINE_SINGLE,
                                                "underline-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.9 }, NULL);
  /* a passage's blue underline shows over a quote's grey one */
  gtk_text_tag_set_priority (self->passage_tag, gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  /* the blank line between paragraphs: a gap, not a whole empty line */
  self->gap_tag = gtk_text_buffer_create_tag (buffer, NULL, "scale", 0.35, "pixels-below-lines", 0,
                                              "pixels-above-lines", 0, NULL);

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect (self->link_button, "activate-link", G_CALLBACK (on_link_activate_cb), self);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
dossier_reader_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_READER_VIEW, NULL);
}

DossierArticle *
dossier_reader_view_get_article (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return self->article;
}

void
dossier_reader_view_set_article (DossierReaderView *self,
                                 DossierArticle    *article)
{
  GtkTextBuffer *buffer;
  GtkAdjustment *adj;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  g_set_object (&self->article, article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  self->passage_start = self->passage_end = -1;
  /* the window shows the new article's suggestion once it is read */
  dossier_reader_view_set_suggestion (self, NULL, 0, NULL);
  update_header (self);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, article && dossier_article_get_body (article)
                                    ? dossier_article_get_body (article) : "", -1);
  apply_paragraph_gaps (self);
  g_array_set_size (self->matches, 0);
  if (gtk_search_bar_get_search_mode (self->find_bar))
    on_find_changed_cb (self);
  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adj, 0);
}

void
dossier_reader_view_update_details (DossierReaderView *self,
                                    DossierArticle    *article)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  g_return_if_fail (DOSSIER_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  update_header (self);
}

void
dossier_reader_view_set_annotations (DossierReaderView *self,
                                     GPtrArray         *annotations)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  if (annotations != NULL)
    self->annotations = g_ptr_array_ref (annotations);
  apply_highlights (self);
}

void
dossier_reader_view_set_typography (DossierReaderView *self,
                                    int                font_size,
                                    int                line_width,
                                    gboolean           serif)
{
  g_autofree char *css = NULL;
  const char *family = serif ? "\"Noto Serif\", \"DejaVu Serif\", Georgia, serif"
                             : "\"Cantarell\", \"Noto Sans\", \"DejaVu Sans\", sans-serif";

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (self->css == NULL)
    {
      self->css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (self->css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  css = g_strdup_printf ("readerview textview.reader-text { font-family: %s; font-size: %dpt; line-height: 1.5; }"
                         "readerview label.reader-title { font-family: %s; font-size: %dpt; font-weight: 800; }",
                         family, font_size, family, font_size * 2);
  gtk_css_provider_load_from_data (self->css, css, -1);
  /* an average character is about half an em; add the margins */
  adw_clamp_set_maximum_size (self->clamp, (int) (line_width * font_size * 96.0 / 72.0 * 0.52) + 36);
}

gboolean
dossier_reader_view_get_selection (DossierReaderView *self,
                                   int               *start,
                                   int               *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *end > *start;
}

GtkTextView *
dossier_reader_view_get_text_view (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return self->text_view;
}

void
dossier_reader_view_set_suggestion (DossierReaderView  *self,
                                    const DossierDate  *date,
                                    double              confidence,
                                    const char * const *evidence)
{
  g_autoptr(GString) why = NULL;
  g_autofree char *known = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (date == NULL || date->precision == DOSSIER_DATE_PRECISION_UNKNOWN || self->article == NULL)
    {
      gtk_widget_set_visible (self->date_banner, FALSE);
      return;
    }
  known = dossier_format_date (dossier_article_get_published (self->article));
  suggested = dossier_format_suggested_date (date);
  /* TRANSLATORS: "Undated · suggested Fri 4 Jul 2014" or "Jul 2014 · suggested Fri 4 Jul 2014" */
  text = g_strdup_printf (_("%s · suggested %s"), known, suggested);
  gtk_label_set_label (self->date_banner_label, text);

  why = g_string_new (NULL);
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    g_string_append_printf (why, "• %s\n", evidence[i]);
  /* TRANSLATORS: how sure the suggestion is, as a percentage */
  g_string_append_printf (why, _("Confidence: %d %%"), (int) (confidence * 100 + 0.5));
  gtk_label_set_label (self->why_label, why->str);
  gtk_widget_set_visible (self->date_banner, TRUE);
}

gboolean
dossier_reader_view_get_suggestion_shown (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->date_banner);
}

void
dossier_reader_view_set_footer (DossierReaderView *self,
                                GtkWidget         *footer)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  while ((child = gtk_widget_get_first_child (self->footer_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->footer_box), child);
  if (footer != NULL)
    gtk_box_append (GTK_BOX (self->footer_box), footer);
}

/* a third down the page, as the annotations' jumps show theirs */
static gboolean
scroll_to_passage_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "dossier-passage");
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GdkRectangle rect;
  GtkTextIter iter;
  graphene_point_t point;
  int wx, wy;

  if (mark == NULL || self->passage_start < 0 || ++self->passage_frames > 30)
    {
      self->passage_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), content, &GRAPHENE_POINT_INIT (wx, wy), &point))
    return G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adj, point.y - gtk_adjustment_get_page_size (adj) * 0.3);
  return G_SOURCE_CONTINUE;
}

void
dossier_reader_view_mark_passage (DossierReaderView *self,
                                  int                start,
                                  int                end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  GtkTextMark *mark;
  int n;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->passage_tag, &s, &e);
  n = gtk_text_iter_get_offset (&e);
  if (start < 0 || end <= start || start >= n)
    {
      self->passage_start = self->passage_end = -1;
      return;
    }
  end = MIN (end, n);
  self->passage_start = start;
  self->passage_end = end;
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_apply_tag (buffer, self->passage_tag, &s, &e);
  mark = gtk_text_buffer_get_mark (buffer, "dossier-passage");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "dossier-passage", &s, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &s);
  /* the text view sits in the page's scroller below the header, so the
   * scroller is moved, frame by frame until the new text is laid out */
  self->passage_frames = 0;
  if (self->passage_tick == 0)
    self->passage_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_passage_cb, NULL, NULL);
}

gboolean
dossier_reader_view_get_passage (DossierReaderView *self,
                                 int               *start,
                                 int               *end)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);

  *start = self->passage_start;
  *end = self->passage_end;
  return self->passage_start >= 0;
}

void
dossier_reader_view_set_quotes (DossierReaderView *self,
                                GPtrArray         *quotes)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  int n;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->quote_tag, &s, &e);
  n = gtk_text_iter_get_offset (&e);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  if (quotes == NULL)
    return;
  self->quotes = g_ptr_array_ref (quotes);
  for (guint i = 0; i < quotes->len; i++)
    {
      DossierPersonQuote *q = g_ptr_array_index (quotes, i);

      if (q->start < 0 || q->end <= q->start || q->end > n)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) q->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) q->end);
      gtk_text_buffer_apply_tag (buffer, self->quote_tag, &s, &e);
    }
}

guint
dossier_reader_view_get_n_quotes (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);

  return self->quotes != NULL ? self->quotes->len : 0;
}

gboolean
dossier_reader_view_get_quote_at (DossierReaderView  *self,
                                  int                 offset,
                                  const char        **speaker)
{
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);

  *speaker = NULL;
  if (self->quotes == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter, offset);
  if (!gtk_text_iter_has_tag (&iter, self->quote_tag))
    return FALSE;
  for (guint i = 0; i < self->quotes->len; i++)
    {
      DossierPersonQuote *q = g_ptr_array_index (self->quotes, i);

      if (offset >= q->start && offset < q->end)
        {
          *speaker = q->speaker;
          return TRUE;
        }
    }
  return FALSE;
}
