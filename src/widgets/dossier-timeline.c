/* dossier-timeline.c — articles on a time axis: zoom, pan, lanes, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry (range, ticks, lanes, stacking, bins, hits) is
 * DossierTimelineModel's, in the core library; this widget draws a layout
 * of it with render nodes and turns input into model calls.
 *
 * This file holds the object and its API; the drawing is in
 * dossier-timeline-draw.c, the input in dossier-timeline-input.c.
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-timeline.h"
#include "dossier-timeline-private.h"

G_DEFINE_FINAL_TYPE (DossierTimeline, dossier_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_LANE_MODE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

guint _dossier_timeline_signals[N_SIGNALS];

/* Helpers */

double
_dossier_timeline_view_width (DossierTimeline *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
}

double
_dossier_timeline_view_height (DossierTimeline *self)
{
  return MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
}

char *
_dossier_timeline_describe_entry (DossierTimeline *self,
                                  guint            entry,
                                  gboolean         markup)
{
  DossierTimelineEntry e;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *story = NULL;

  if (!dossier_timeline_model_get_entry (self->model, entry, &e))
    return NULL;
  if (self->title_func != NULL)
    title = self->title_func (e.id, self->title_data);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled article"));
    }
  date = dossier_timeline_format_date (e.julian, e.precision);

  /* lanes by person: the speaker before the article; by story: the story */
  if (!markup && e.key != NULL && dossier_timeline_model_get_lane_mode (self->model) == DOSSIER_TIMELINE_LANES_PERSON)
    /* Translators: a quote's mark on the timeline: speaker, article's title, date */
    return g_strdup_printf (_("%s quoted in %s, %s"), e.key, title, date);
  /* colours by story: the story the colour stands for, unless its lane
   * says so already */
  if (dossier_timeline_model_get_lane_mode (self->model) != DOSSIER_TIMELINE_LANES_STORY)
    story = _dossier_timeline_story_title (self, e.id);
  if (!markup && story != NULL)
    /* Translators: an article's mark coloured by its story: title, date, story */
    return g_strdup_printf (_("%s, %s, in the story %s"), title, date, story);
  if (!markup && e.key != NULL)
    return g_strdup_printf ("%s, %s (%s)", title, date, e.key);
  if (!markup)
    return g_strdup_printf ("%s, %s", title, date);
  {
    GString *s = g_string_new (NULL);
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    if (e.key != NULL)
      {
        g_autofree char *key = g_markup_escape_text (e.key, -1);

        g_string_append_printf (s, "%s\n", key);
      }
    g_string_append_printf (s, "<b>%s</b>\n%s", escaped, date);
    if (story != NULL)
      {
        g_autofree char *escaped_story = g_markup_escape_text (story, -1);

        g_string_append (s, "\n");
        /* Translators: in a mark's tooltip, the story it is coloured by */
        g_string_append_printf (s, _("Story: %s"), escaped_story);
      }
    if (e.source != NULL)
      {
        g_autofree char *source = g_markup_escape_text (e.source, -1);

        g_string_append_printf (s, " · %s", source);
      }
    if (e.n_notes > 0)
      {
        g_string_append (s, " · ");
        g_string_append_printf (s, ngettext ("%u note", "%u notes", e.n_notes), e.n_notes);
      }
    return g_string_free (s, FALSE);
  }
}

static void
update_accessible (DossierTimeline *self)
{
  guint cursor = dossier_timeline_model_get_cursor (self->model);
  g_autofree char *description = NULL;

  if (cursor != G_MAXUINT)
    description = _dossier_timeline_describe_entry (self, cursor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No article selected"),
                                  -1);
}

gint64
dossier_timeline_get_cursor_item (DossierTimeline *self)
{
  DossierTimelineEntry e;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), 0);

  if (!dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e))
    return 0;
  return e.item;
}

gint64
_dossier_timeline_cursor_id (DossierTimeline *self)
{
  DossierTimelineEntry e;

  if (!dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e))
    return -1;
  return e.id;
}

/* After the cursor moved: keep it in view, tell the property and the
 * screen reader. */
void
_dossier_timeline_cursor_moved (DossierTimeline *self,
                                gboolean         reveal)
{
  DossierTimelineEntry e;

  if (reveal
      && dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e)
      && e.julian >= 0)
    dossier_timeline_model_reveal (self->model, e.julian + 0.5, 0.05);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
zoom_anchor (DossierTimeline *self)
{
  DossierTimelineEntry e;
  double start, end;

  dossier_timeline_model_get_range (self->model, &start, &end);
  if (dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e)
      && e.julian >= 0 && e.julian + 0.5 >= start && e.julian + 0.5 <= end)
    return e.julian + 0.5;
  return (start + end) / 2;
}

/* Callbacks */

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    DossierTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
dossier_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 600;
    }
  else
    {
      *minimum = 110;
      *natural = 180;
    }
}

static void
dossier_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  _dossier_timeline_update_hover (self);
}

static void
dossier_timeline_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  GTK_WIDGET_CLASS (dossier_timeline_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);   /* fonts again at the next frame */
  gtk_widget_queue_draw (widget);
}

static void
dossier_timeline_focus_changed (DossierTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
dossier_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, dossier_timeline_get_selected_id (self));
      break;
    case PROP_LANE_MODE:
      g_value_set_enum (value, dossier_timeline_get_lane_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      dossier_timeline_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_LANE_MODE:
      dossier_timeline_set_lane_mode (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_dispose (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->title_destroy != NULL)
    self->title_destroy (self->title_data);
  self->title_func = NULL;
  self->title_data = NULL;
  self->title_destroy = NULL;
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->dispose (object);
}

static void
dossier_timeline_finalize (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->story_of, g_hash_table_unref);
  g_clear_pointer (&self->stories, g_array_unref);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->finalize (object);
}

static void
dossier_timeline_class_init (DossierTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_timeline_get_property;
  object_class->set_property = dossier_timeline_set_property;
  object_class->dispose = dossier_timeline_dispose;
  object_class->finalize = dossier_timeline_finalize;

  widget_class->snapshot = _dossier_timeline_snapshot;
  widget_class->measure = dossier_timeline_measure;
  widget_class->size_allocate = dossier_timeline_size_allocate;
  widget_class->css_changed = dossier_timeline_css_changed;

  /**
   * DossierTimeline:selected-id:
   *
   * The article under the keyboard cursor (set by a click, the arrow keys
   * or the window), or -1.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierTimeline:lane-mode:
   *
   * One lane, a lane a source or a lane a tag (bind it to the
   * timeline-lanes setting).
   */
  properties[PROP_LANE_MODE] =
    g_param_spec_enum ("lane-mode", NULL, NULL, DOSSIER_TYPE_TIMELINE_LANES,
                       DOSSIER_TIMELINE_LANES_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTimeline::article-activated:
   * @self: the timeline
   * @id: the article
   *
   * An article was clicked, or Enter pressed on it: open it.
   */
  _dossier_timeline_signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DossierTimeline::range-selected:
   * @self: the timeline
   * @from_julian: the first day (GDate julian)
   * @to_julian: the last day, inclusive
   *
   * Days were selected by dragging: filter the article list to them.
   */
  _dossier_timeline_signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * DossierTimeline::range-cleared:
   * @self: the timeline
   *
   * The person cleared the selected days (Escape).
   */
  _dossier_timeline_signals[RANGE_CLEARED] =
    g_signal_new ("range-cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_init (DossierTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->model = dossier_timeline_model_new ();
  self->hover.kind = DOSSIER_TIMELINE_HIT_NONE;
  self->hover.entry = G_MAXUINT;
  self->hover.lane = G_MAXUINT;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect_swapped (widget, "notify::has-focus", G_CALLBACK (dossier_timeline_focus_changed), self);

  _dossier_timeline_input_init (self);

  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No article selected"),
                                  -1);
}

/* Public API */

/**
 * dossier_timeline_new:
 *
 * Returns: (transfer full): an empty timeline
 */
DossierTimeline *
dossier_timeline_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE, NULL);
}

/* after the points changed: the cursor's article, if it went, and the
 * mark under the pointer are no longer what they were */
static void
points_replaced (DossierTimeline *self,
                 gint64           selected)
{
  if (_dossier_timeline_cursor_id (self) != selected)
    _dossier_timeline_cursor_moved (self, FALSE);
  self->hover.kind = DOSSIER_TIMELINE_HIT_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_points (DossierTimeline *self,
                             GArray          *points)
{
  gint64 selected;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (points == NULL || g_array_get_element_size (points) == sizeof (DossierTimelinePoint));

  selected = _dossier_timeline_cursor_id (self);
  if (points != NULL)
    dossier_timeline_model_take_points (self->model, points);
  else
    dossier_timeline_model_set_points (self->model, NULL, 0);
  if (!self->fitted && points != NULL && points->len > 0)
    {
      dossier_timeline_model_fit (self->model);
      self->fitted = TRUE;
    }
  points_replaced (self, selected);
}

void
dossier_timeline_remove_ids (DossierTimeline *self,
                             const gint64    *ids,
                             guint            n_ids)
{
  gint64 selected;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  selected = _dossier_timeline_cursor_id (self);
  if (dossier_timeline_model_remove_ids (self->model, ids, n_ids) == 0)
    return;
  points_replaced (self, selected);
}

guint
dossier_timeline_get_n_points (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), 0);
  return dossier_timeline_model_get_n_points (self->model);
}

/* A first load that takes longer than this says so; a quick one shows
 * nothing until its points, so the view does not flicker. */
#define LOADING_NOTICE_MS 600

static void
loading_is_long_cb (gpointer data)
{
  DossierTimeline *self = data;

  self->loading_id = 0;
  self->loading_long = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_loading (DossierTimeline *self,
                              gboolean         loading)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  self->loading_long = FALSE;
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (loading)
    self->loading_id = g_timeout_add_once (LOADING_NOTICE_MS, loading_is_long_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_loading (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);
  return self->loading;
}

void
dossier_timeline_set_lane_mode (DossierTimeline      *self,
                                DossierTimelineLanes  mode)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (dossier_timeline_model_get_lane_mode (self->model) == mode)
    return;
  dossier_timeline_model_set_lane_mode (self->model, mode);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_MODE]);
}

DossierTimelineLanes
dossier_timeline_get_lane_mode (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), DOSSIER_TIMELINE_LANES_NONE);

  return dossier_timeline_model_get_lane_mode (self->model);
}

void
dossier_timeline_set_tags (DossierTimeline *self,
                           GHashTable      *tags)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_set_tags (self->model, tags);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_title_func (DossierTimeline          *self,
                                 DossierTimelineTitleFunc  func,
                                 gpointer                  user_data,
                                 GDestroyNotify            destroy)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (self->title_destroy != NULL)
    self->title_destroy (self->title_data);
  self->title_func = func;
  self->title_data = user_data;
  self->title_destroy = destroy;
}

gint64
dossier_timeline_get_selected_id (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), -1);

  return _dossier_timeline_cursor_id (self);
}

void
dossier_timeline_set_selected_id (DossierTimeline *self,
                                  gint64           id)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (_dossier_timeline_cursor_id (self) == id)
    return;
  dossier_timeline_model_set_cursor (self->model,
                                     id >= 0 ? dossier_timeline_model_find_entry (self->model, id) : G_MAXUINT);
  _dossier_timeline_cursor_moved (self, TRUE);
}

void
dossier_timeline_zoom (DossierTimeline *self,
                       double           factor)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_zoom (self->model, factor, zoom_anchor (self));
  _dossier_timeline_update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_fit (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_fit (self->model);
  _dossier_timeline_update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_get_visible_range (DossierTimeline *self,
                                    double          *start,
                                    double          *end)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_get_range (self->model, start, end);
}

void
dossier_timeline_set_visible_range (DossierTimeline *self,
                                    double           start,
                                    double           end)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_set_range (self->model, start, end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_selected_range (DossierTimeline *self,
                                     gint64          *from_julian,
                                     gint64          *to_julian)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (from_julian)
    *from_julian = self->has_range ? self->range_from : -1;
  if (to_julian)
    *to_julian = self->has_range ? self->range_to : -1;
  return self->has_range;
}

void
dossier_timeline_set_selected_range (DossierTimeline *self,
                                     gint64           from_julian,
                                     gint64           to_julian)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (from_julian < 0 || to_julian < 0)
    {
      dossier_timeline_clear_selected_range (self);
      return;
    }
  self->has_range = TRUE;
  self->range_from = MIN (from_julian, to_julian);
  self->range_to = MAX (from_julian, to_julian);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_clear_selected_range (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (!self->has_range)
    return;
  self->has_range = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_story_colors (DossierTimeline *self,
                                   GArray          *stories)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (stories == NULL || g_array_get_element_size (stories) == sizeof (DossierTimelinePoint));

  if (stories == self->stories)
    return;
  if (stories != NULL)
    g_array_ref (stories);
  g_clear_pointer (&self->story_of, g_hash_table_unref);
  g_clear_pointer (&self->stories, g_array_unref);
  self->stories = stories;
  if (stories != NULL)
    {
      /* keys point into the array, which is not changed: nothing copied */
      self->story_of = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < stories->len; i++)
        {
          DossierTimelinePoint *p = &g_array_index (stories, DossierTimelinePoint, i);

          if (p->key != NULL)
            g_hash_table_insert (self->story_of, &p->id, p);
        }
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_story_colors (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  return self->stories != NULL;
}

static int
compare_legend (gconstpointer a,
                gconstpointer b)
{
  const DossierTimelineLegendItem *x = a, *y = b;

  if ((x->story == 0) != (y->story == 0))
    return x->story == 0 ? 1 : -1;
  if (x->n_marks != y->n_marks)
    return x->n_marks > y->n_marks ? -1 : 1;
  return x->story < y->story ? -1 : x->story > y->story;
}

GArray *
dossier_timeline_get_story_legend (DossierTimeline *self)
{
  const DossierTimelineLayout *layout;
  g_autoptr(GHashTable) index = NULL;   /* story id → its position + 1 */
  GArray *items;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  if (self->story_of == NULL)
    return NULL;
  if (self->layout == NULL)
    _dossier_timeline_update_fonts (self);
  layout = current_layout (self);
  items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineLegendItem));
  index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint lane = 0; lane < layout->lanes->len; lane++)
    {
      guint first, last;

      dossier_timeline_model_visible_entries (self->model, lane, &first, &last);
      for (guint e = first; e < last; e++)
        {
          gint64 id = dossier_timeline_model_entry_id (self->model, e);
          const DossierTimelinePoint *p = g_hash_table_lookup (self->story_of, &id);
          gint64 story = p != NULL ? MAX (p->item, 1) : 0;
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &story));

          if (at == 0)
            {
              DossierTimelineLegendItem item = { story, p != NULL ? p->key : NULL,
                                                 _dossier_timeline_story_slot (self, id), 0 };

              g_array_append_val (items, item);
              at = items->len;
              g_hash_table_insert (index, g_memdup2 (&story, sizeof story), GUINT_TO_POINTER (at));
            }
          g_array_index (items, DossierTimelineLegendItem, at - 1).n_marks++;
        }
    }
  g_array_sort (items, compare_legend);
  return items;
}

void
dossier_timeline_set_end_inset (DossierTimeline *self,
                                int              px)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  px = MAX (px, 0);
  if (self->end_inset == px)
    return;
  self->end_inset = px;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
_dossier_timeline_story_title (DossierTimeline *self,
                               gint64           id)
{
  const DossierTimelinePoint *p;

  if (self->story_of == NULL)
    return NULL;
  p = g_hash_table_lookup (self->story_of, &id);
  return p != NULL ? p->key : NULL;
}

/* Private API, for tests and benchmarks */

DossierTimelineModel *
_dossier_timeline_get_model (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  if (self->layout == NULL)
    _dossier_timeline_update_fonts (self);
  return self->model;
}
