/* dossier-stories-view.c — the Stories section: every story, the latest
 * first, with its outlets, its span of days and who reported first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-stories-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dossier-stories-view.h"
#include "dossier-stories.h"

/* --- the list's items --- */

struct _DossierStoryItem
{
  GObject       parent_instance;
  DossierStory *story;
  char         *haystack;  /* title and outlets, casefolded: made by the first search */
};

G_DEFINE_FINAL_TYPE (DossierStoryItem, dossier_story_item, G_TYPE_OBJECT)

static void
dossier_story_item_finalize (GObject *object)
{
  DossierStoryItem *self = DOSSIER_STORY_ITEM (object);

  g_clear_pointer (&self->story, dossier_story_free);
  g_free (self->haystack);
  G_OBJECT_CLASS (dossier_story_item_parent_class)->finalize (object);
}

static void
dossier_story_item_class_init (DossierStoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_story_item_finalize;
}

static void
dossier_story_item_init (DossierStoryItem *self)
{
}

/* takes @story */
static DossierStoryItem *
dossier_story_item_new (DossierStory *story)
{
  DossierStoryItem *self = g_object_new (DOSSIER_TYPE_STORY_ITEM, NULL);

  self->story = story;
  return self;
}

static const char *
dossier_story_item_get_haystack (DossierStoryItem *self)
{
  if (self->haystack == NULL)
    {
      GString *text = g_string_new (self->story->title);

      for (guint i = 0; self->story->sources != NULL && self->story->sources[i] != NULL; i++)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, self->story->sources[i]);
        }
      self->haystack = g_utf8_casefold (text->str, -1);
      g_string_free (text, TRUE);
    }
  return self->haystack;
}

const DossierStory *
dossier_story_item_get_story (DossierStoryItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORY_ITEM (self), NULL);
  return self->story;
}

DossierStory *
dossier_story_copy (const DossierStory *story)
{
  DossierStory *copy;

  g_return_val_if_fail (story != NULL, NULL);

  copy = g_new0 (DossierStory, 1);
  copy->id = story->id;
  copy->title = g_strdup (story->title);
  copy->articles = g_array_copy (story->articles);
  copy->sources = g_strdupv (story->sources);
  copy->first = g_strdup (story->first);
  copy->last = g_strdup (story->last);
  copy->first_source = g_strdup (story->first_source);
  return copy;
}

char *
dossier_story_describe_span (const DossierStory *story)
{
  DossierDate first = DOSSIER_DATE_INIT, last = DOSSIER_DATE_INIT;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 days;

  if (story->first == NULL || !dossier_date_from_iso (story->first, &first))
    return g_strdup (_("Undated"));
  if (story->last == NULL || !dossier_date_from_iso (story->last, &last))
    last = first;
  days = dossier_date_to_last_julian (&last) - dossier_date_to_julian (&first) + 1;
  days = MAX (days, 1);
  from = dossier_date_to_string (&first);
  to = dossier_date_to_string (&last);
  if (g_strcmp0 (from, to) == 0)
    /* TRANSLATORS: a story's span: "3 June 2014 · 1 day" */
    return g_strdup_printf (g_dngettext (NULL, "%s · %d day", "%s · %d days", days), from, (int) days);
  /* TRANSLATORS: a story's span: "3 June 2014 – 5 June 2014 · 3 days" */
  return g_strdup_printf (g_dngettext (NULL, "%s – %s · %d day", "%s – %s · %d days", days),
                          from, to, (int) days);
}

char *
dossier_story_describe_sources (const DossierStory *story,
                                guint               max_names)
{
  guint n = story->sources != NULL ? g_strv_length (story->sources) : 0;
  g_autoptr(GString) names = g_string_new (NULL);

  if (n == 0)
    return g_strdup (_("Unknown outlet"));
  for (guint i = 0; i < n && i < max_names; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between two outlets of a list */
        g_string_append (names, _(", "));
      g_string_append (names, story->sources[i]);
    }
  if (n <= max_names)
    return g_string_free (g_steal_pointer (&names), FALSE);
  /* TRANSLATORS: "Coastal Press, The Harbour Ledger and 2 more" */
  return g_strdup_printf (g_dngettext (NULL, "%s and %u more", "%s and %u more", n - max_names),
                          names->str, n - max_names);
}

/* --- the view --- */

struct _DossierStoriesView
{
  GtkBox              parent_instance;

  DossierLibrary     *library;
  GCancellable       *cancellable;
  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSliceListModel  *shown;      /* the rows the list view has: see grow_tick_cb() */
  guint               grow_tick;
  gint64              grow_frame; /* the frame that draws the rows added last */
  gint64              t_reload;   /* when the last reload began (for G_MESSAGES_DEBUG) */
  gboolean            reading_all; /* a whole list is being read */
  guint               n_full_reads;
  GArray             *pending;    /* gint64 ids of the stories being read again */
  char               *needle;     /* the search, casefolded; NULL: none */
  gboolean            loaded;     /* a first list was read */
  gboolean            grouping;   /* stories are being made in the background */
  double              progress;   /* of the grouping, 0..1 */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (DossierStoriesView, dossier_stories_view, GTK_TYPE_BOX)

/* A list view makes (and measures) a row for up to 200 of its items at
 * once, most of what a first opening costs, when a window shows about 12:
 * the list view is given the first stories of a new list, then more a
 * frame at a time while it shows, then all of them (past 200 rows it
 * makes no more).  The filter and every other reader see every story. */
#define FIRST_PAGE 24
#define NEXT_PAGE  48
#define MADE_ROWS  256

enum
{
  STORY_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DossierStoriesView *self = user_data;

  return self->needle == NULL || strstr (dossier_story_item_get_haystack (item), self->needle) != NULL;
}

static void
update_state (DossierStoriesView *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (n_all == 0 && self->grouping)
    {
      g_autofree char *done = NULL;

      /* TRANSLATORS: how much of the library's grouping into stories is done */
      done = g_strdup_printf (_("Articles about the same event are being grouped: %d%% done."),
                              (int) (CLAMP (self->progress, 0.0, 1.0) * 100));
      adw_status_page_set_title (self->empty_page, _("Grouping Stories…"));
      adw_status_page_set_description (self->empty_page, done);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      adw_status_page_set_title (self->empty_page, n_all == 0 ? _("No Stories Yet") : _("No Matching Stories"));
      adw_status_page_set_description (self->empty_page,
                                       n_all == 0
                                       ? _("Articles about the same event, from several outlets or days, are grouped into stories after an import")
                                       : _("No story's title or outlet holds these words."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
on_search_changed_cb (DossierStoriesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped)
    self->needle = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *sources = gtk_label_new (NULL);
  GtkWidget *span = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  for (GtkWidget *l = sources; l != NULL; l = l == sources ? span : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (l, "caption");
      gtk_widget_add_css_class (l, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sources);
  gtk_box_append (GTK_BOX (box), span);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  const DossierStory *story = dossier_story_item_get_story (gtk_list_item_get_item (item));
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *sources = gtk_widget_get_next_sibling (title);
  GtkWidget *span = gtk_widget_get_next_sibling (sources);
  g_autofree char *who = dossier_story_describe_sources (story, 3);
  g_autofree char *when = dossier_story_describe_span (story);
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;

  /* TRANSLATORS: "4 articles · Coastal Press, The Harbour Ledger" */
  line1 = g_strdup_printf (g_dngettext (NULL, "%u article · %s", "%u articles · %s", story->articles->len),
                           story->articles->len, who);
  if (story->first_source != NULL)
    /* TRANSLATORS: "3 June 2014 – 5 June 2014 · 3 days · first: Coastal Press" */
    line2 = g_strdup_printf (_("%s · first: %s"), when, story->first_source);
  else
    line2 = g_strdup (when);
  gtk_label_set_text (GTK_LABEL (title), story->title);
  gtk_label_set_text (GTK_LABEL (sources), line1);
  gtk_label_set_text (GTK_LABEL (span), line2);
}

static void
on_activate_cb (DossierStoriesView *self,
                guint               position)
{
  g_autoptr(DossierStoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[STORY_ACTIVATED], 0, item->story->id);
}

static gboolean
strv_same (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
story_same (const DossierStory *a,
            const DossierStory *b)
{
  return a->id == b->id &&
         a->articles->len == b->articles->len &&
         memcmp (a->articles->data, b->articles->data, a->articles->len * sizeof (gint64)) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->first, b->first) == 0 &&
         g_strcmp0 (a->last, b->last) == 0 &&
         g_strcmp0 (a->first_source, b->first_source) == 0 &&
         strv_same (a->sources, b->sources);
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  DossierStoriesView *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->shown);

  /* one step a frame, after the frame that drew the last */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->grow_frame)
    return G_SOURCE_CONTINUE;
  self->grow_frame = gdk_frame_clock_get_frame_counter (clock);
  size = size + NEXT_PAGE >= MADE_ROWS ? G_MAXUINT : size + NEXT_PAGE;
  gtk_slice_list_model_set_size (self->shown, size);
  if (size < G_MAXUINT)
    return G_SOURCE_CONTINUE;
  self->grow_tick = 0;
  return G_SOURCE_REMOVE;
}

/* grows the rows while the list shows */
static void
start_growing (DossierStoriesView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->grow_tick != 0 || clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      gtk_slice_list_model_get_size (self->shown) == G_MAXUINT)
    return;
  /* the rows there are now are drawn by the next frame */
  self->grow_frame = gdk_frame_clock_get_frame_counter (clock) + 1;
  self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_tick_cb, self, NULL);
}

static void
stop_growing (DossierStoriesView *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
  self->grow_tick = 0;
}

/* A list read, compared with the one shown: in a thread of its own, as
 * making items for 9,000 stories, or comparing them and freeing those
 * that did not change, takes the window's thread 7-90 ms on a busy
 * machine. */
typedef struct
{
  GPtrArray *old;       /* (element-type DossierStoryItem): the list shown, when the new one came */
  GPtrArray *stories;   /* the new list */
  guint      head;      /* the stories alike at the start of both */
  guint      n_remove;  /* the old ones after them that are replaced ... */
  GPtrArray *items;     /* ... by these new items */
  gint64     t_read;
} Diff;

static void
diff_free (Diff *d)
{
  g_clear_pointer (&d->old, g_ptr_array_unref);
  g_clear_pointer (&d->stories, g_ptr_array_unref);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_free (d);
}

static gboolean
old_same (Diff  *d,
          guint  old_position,
          guint  new_position)
{
  DossierStoryItem *item = g_ptr_array_index (d->old, old_position);

  return story_same (item->story, g_ptr_array_index (d->stories, new_position));
}

/* Finds the stories between the first and the last that changed: the
 * rows before and after keep their items, so the list keeps their
 * widgets; a list read again after a change of the library usually
 * differs in a few stories.  Takes the new stories into d->items. */
static void
diff_stories (Diff *d)
{
  guint n_old = d->old->len;
  guint n_new = d->stories->len;
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new && old_same (d, head, head))
    head++;
  while (tail < n_old - head && tail < n_new - head && old_same (d, n_old - 1 - tail, n_new - 1 - tail))
    tail++;
  d->head = head;
  d->n_remove = n_old - head - tail;
  d->items = g_ptr_array_new_full (n_new - head - tail, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    {
      DossierStory *story = g_steal_pointer (&d->stories->pdata[i]);

      /* the items take the stories they show */
      if (i >= head && i < n_new - tail)
        g_ptr_array_add (d->items, dossier_story_item_new (story));
      else
        dossier_story_free (story);
    }
  g_clear_pointer (&d->stories, g_ptr_array_unref);
  /* the old items the list no longer holds are freed here, not in the
   * window's thread */
  g_clear_pointer (&d->old, g_ptr_array_unref);
}

static void
diff_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  diff_stories (data);
  g_task_return_boolean (task, TRUE);
}

static void
loaded (DossierStoriesView *self,
        Diff               *d)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    {
      /* a new list: its first rows first (the rest a page a frame) */
      stop_growing (self);
      gtk_slice_list_model_set_size (self->shown, FIRST_PAGE);
    }
  if (d->n_remove > 0 || d->items->len > 0)
    g_list_store_splice (self->store, d->head, d->n_remove, d->items->pdata, d->items->len);
  start_growing (self);
  g_debug ("%u stories read in %.1f ms, put in the list in %.1f ms more (%u changed; the list view has %u)",
           g_list_model_get_n_items (G_LIST_MODEL (self->store)), (d->t_read - self->t_reload) / 1000.0,
           (g_get_monotonic_time () - d->t_read) / 1000.0, d->items->len,
           g_list_model_get_n_items (G_LIST_MODEL (self->shown)));
  self->loaded = TRUE;
  self->reading_all = FALSE;
  update_state (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
on_compared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierStoriesView *self = DOSSIER_STORIES_VIEW (source);

  /* cancelled: a newer list is coming, or the view is gone */
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    loaded (self, g_task_get_task_data (G_TASK (result)));
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DossierStoriesView *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *stories = dossier_stories_list_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autoptr(GTask) task = NULL;
  guint n_old;
  Diff *d;

  if (stories == NULL)
    {
      /* a library closed meanwhile (its window gone) has nothing to list */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
        {
          g_warning ("Could not list the stories: %s", error->message);
          self->reading_all = FALSE;
          self->loaded = TRUE;
          update_state (self);
        }
      return;
    }
  d = g_new0 (Diff, 1);
  d->t_read = g_get_monotonic_time ();
  d->stories = stories;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  d->old = g_ptr_array_new_full (n_old, g_object_unref);
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (d->old, g_list_model_get_item (G_LIST_MODEL (self->store), i));
  task = g_task_new (self, self->cancellable, on_compared_cb, NULL);
  g_task_set_task_data (task, d, (GDestroyNotify) diff_free);
  g_task_run_in_thread (task, diff_in_thread);
}

void
dossier_stories_view_reload (DossierStoriesView *self)
{
  g_return_if_fail (DOSSIER_IS_STORIES_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->library == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->t_reload = g_get_monotonic_time ();
  self->reading_all = TRUE;
  self->n_full_reads++;
  g_clear_pointer (&self->pending, g_array_unref);
  dossier_stories_list_async (self->library, self->cancellable, on_loaded_cb, self);
}

/* the position of the story @id in the list, or -1 */
static int
position_of (DossierStoriesView *self,
             gint64              id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->story->id == id)
        return (int) i;
    }
  return -1;
}

static int
compare_at (DossierStoriesView *self,
            guint               position,
            const DossierStory *story)
{
  g_autoptr(DossierStoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return dossier_story_compare (item->story, story);
}

/* where @story goes in the list, kept in its order */
static guint
sorted_position (DossierStoriesView *self,
                 const DossierStory *story)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_at (self, mid, story) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Puts the stories read again in place: a story that changed within its
 * place replaces its item alone, so the rows around it keep theirs; one
 * that moved (a new last day), is new or is gone is removed and put
 * where the order wants it. */
static void
put_some (DossierStoriesView *self,
          GArray             *ids,
          GPtrArray          *stories)
{
  guint changed = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      int old = position_of (self, id);
      DossierStory *story = NULL;
      DossierStoryItem *item;
      guint n, at;

      for (guint j = 0; j < stories->len && story == NULL; j++)
        if (((DossierStory *) g_ptr_array_index (stories, j))->id == id)
          story = g_ptr_array_steal_index (stories, j);
      if (old >= 0)
        {
          g_autoptr(DossierStoryItem) was = g_list_model_get_item (G_LIST_MODEL (self->store), old);

          if (story != NULL && story_same (was->story, story))
            {
              dossier_story_free (story);
              continue;
            }
          n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
          if (story != NULL &&
              (old == 0 || compare_at (self, old - 1, story) < 0) &&
              ((guint) old + 1 >= n || compare_at (self, old + 1, story) > 0))
            {
              item = dossier_story_item_new (story);
              g_list_store_splice (self->store, old, 1, (gpointer *) &item, 1);
              g_object_unref (item);
              changed++;
              continue;
            }
          g_list_store_remove (self->store, old);
          changed++;
        }
      if (story == NULL)
        continue;
      at = sorted_position (self, story);
      item = dossier_story_item_new (story);
      g_list_store_insert (self->store, at, item);
      g_object_unref (item);
      changed++;
    }
  g_debug ("%u stories read again in %.1f ms, %u rows changed",
           ids->len, (g_get_monotonic_time () - self->t_reload) / 1000.0, changed);
}

static void
on_some_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DossierStoriesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stories = dossier_stories_read_some_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autoptr(GArray) ids = NULL;

  /* cancelled: a newer read holds these stories too, or the view is gone */
  if (stories == NULL &&
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED)))
    return;
  ids = g_steal_pointer (&self->pending);
  if (stories == NULL)
    {
      /* no file to read beside the store's thread: the whole list, as
       * the store's thread reads it */
      g_debug ("%s: the whole list is read instead", error->message);
      dossier_stories_view_reload (self);
      return;
    }
  put_some (self, ids, stories);
  update_state (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/* At most this many stories are read again one by one; past that, the
 * whole list at once costs less. */
#define MAX_SOME 64

void
dossier_stories_view_reload_some (DossierStoriesView *self,
                                  const gint64       *ids,
                                  guint               n_ids)
{
  g_return_if_fail (DOSSIER_IS_STORIES_VIEW (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  /* a whole list read or to come holds these stories as well */
  if (self->library == NULL || !self->loaded || self->reading_all || n_ids > MAX_SOME)
    {
      dossier_stories_view_reload (self);
      return;
    }
  /* a read of others still coming is cancelled, its stories read with these */
  if (self->pending == NULL)
    self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < self->pending->len && !known; j++)
        known = g_array_index (self->pending, gint64, j) == ids[i];
      if (!known)
        g_array_append_val (self->pending, ids[i]);
    }
  if (self->pending->len > MAX_SOME)
    {
      dossier_stories_view_reload (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->t_reload = g_get_monotonic_time ();
  dossier_stories_read_some_async (self->library, (const gint64 *) self->pending->data, self->pending->len,
                                   self->cancellable, on_some_read_cb, g_object_ref (self));
}

void
dossier_stories_view_set_library (DossierStoriesView *self,
                                  DossierLibrary     *library)
{
  g_return_if_fail (DOSSIER_IS_STORIES_VIEW (self));

  g_set_object (&self->library, library);
}

void
dossier_stories_view_set_grouping (DossierStoriesView *self,
                                   gboolean            grouping,
                                   double              progress)
{
  g_return_if_fail (DOSSIER_IS_STORIES_VIEW (self));

  self->grouping = grouping;
  self->progress = progress;
  update_state (self);
}

GListModel *
dossier_stories_view_get_model (DossierStoriesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES_VIEW (self), NULL);
  return G_LIST_MODEL (self->store);
}

guint
dossier_stories_view_get_n_full_reads (DossierStoriesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES_VIEW (self), 0);
  return self->n_full_reads;
}

guint
dossier_stories_view_get_n_shown (DossierStoriesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORIES_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const DossierStory *
dossier_stories_view_find (DossierStoriesView *self,
                           gint64              id)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_STORIES_VIEW (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      /* the store keeps the item: no reference needed past the loop */
      g_autoptr(DossierStoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (item->story->id == id)
        return item->story;
    }
  return NULL;
}

static void
dossier_stories_view_dispose (GObject *object)
{
  DossierStoriesView *self = DOSSIER_STORIES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  stop_growing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_STORIES_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (dossier_stories_view_parent_class)->dispose (object);
}

static void
dossier_stories_view_finalize (GObject *object)
{
  DossierStoriesView *self = DOSSIER_STORIES_VIEW (object);

  g_free (self->needle);
  g_clear_pointer (&self->pending, g_array_unref);
  G_OBJECT_CLASS (dossier_stories_view_parent_class)->finalize (object);
}

static void
dossier_stories_view_class_init (DossierStoriesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_stories_view_dispose;
  object_class->finalize = dossier_stories_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-stories-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierStoriesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierStoriesView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierStoriesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierStoriesView, empty_page);

  /* a story was chosen: its id */
  signals[STORY_ACTIVATED] = g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* the stories read by the last reload show */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_stories_view_init (DossierStoriesView *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (DOSSIER_TYPE_STORY_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              GTK_FILTER (self->filter));
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, FIRST_PAGE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  /* rows are added only while the section shows: rows made while it is
   * hidden would all be measured at once when it shows */
  g_signal_connect (self, "map", G_CALLBACK (start_growing), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (stop_growing), NULL);
  update_state (self);
}

GtkWidget *
dossier_stories_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_STORIES_VIEW, NULL);
}
