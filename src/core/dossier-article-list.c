/* dossier-article-list.c — a lazy GListModel of the articles of a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-article-list"

#include "config.h"

#include "dossier-article-list.h"

typedef struct
{
  guint      index;
  GPtrArray *articles;    /* DossierArticle, filled in when loaded */
  guint64    last_used;
  gboolean   loaded;
} Page;

struct _DossierArticleList
{
  GObject         parent_instance;

  DossierLibrary *library;
  DossierQuery   *query;
  GArray         *ids;          /* gint64 */
  GHashTable     *pages;        /* page index → Page */
  GCancellable   *cancellable;  /* the running id query */
  GCancellable   *page_cancellable;
  guint64         clock;
  guint           generation;
  gboolean        drop_pages;    /* the query changed: no loaded page stays */
  gboolean        loading;
  gulong          changed_id;
  guint           hold;
  GArray         *held_ids;     /* the latest result while held */
  gboolean        held_final;   /* ...and whether it ends the loading */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierArticleList, dossier_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_LOADING, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  DossierArticleList *self;
  guint               page;
  guint               generation;
} PageRequest;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->articles);
  g_free (page);
}

static void
copy_article (DossierArticle *dst,
              DossierArticle *src)
{
  g_object_freeze_notify (G_OBJECT (dst));
  dossier_article_set_title (dst, dossier_article_get_title (src));
  dossier_article_set_byline (dst, dossier_article_get_byline (src));
  dossier_article_set_source (dst, dossier_article_get_source (src));
  dossier_article_set_url (dst, dossier_article_get_url (src));
  dossier_article_set_language (dst, dossier_article_get_language (src));
  dossier_article_set_published (dst, dossier_article_get_published (src));
  dossier_article_set_date_origin (dst, dossier_article_get_date_origin (src));
  dossier_article_set_file_name (dst, dossier_article_get_file_name (src));
  dossier_article_set_imported_at (dst, dossier_article_get_imported_at (src));
  dossier_article_set_annotation_count (dst, dossier_article_get_annotation_count (src));
  dossier_article_set_snippet (dst, dossier_article_get_snippet (src));
  dossier_article_set_score (dst, dossier_article_get_score (src));
  dossier_article_set_read (dst, dossier_article_get_read (src));
  g_object_thaw_notify (G_OBJECT (dst));
}

static void
on_page_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PageRequest *req = user_data;
  DossierArticleList *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  Page *page;

  loaded = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, &error);
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
        g_warning ("Could not load articles: %s", error->message);
      goto out;
    }
  if (req->generation != self->generation)
    goto out;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (req->page));
  if (page == NULL)
    goto out;
  for (guint i = 0; i < page->articles->len && i < loaded->len; i++)
    copy_article (g_ptr_array_index (page->articles, i), g_ptr_array_index (loaded, i));
  page->loaded = TRUE;
  g_signal_emit (self, signals[LOADED], 0, req->page * DOSSIER_ARTICLE_LIST_PAGE_SIZE,
                 page->articles->len);

out:
  g_object_unref (self);
  g_free (req);
}

static void
request_page (DossierArticleList *self,
              Page               *page)
{
  PageRequest *req = g_new0 (PageRequest, 1);
  guint start = page->index * DOSSIER_ARTICLE_LIST_PAGE_SIZE;

  req->self = g_object_ref (self);
  req->page = page->index;
  req->generation = self->generation;
  dossier_library_load_articles_async (self->library,
                                       &g_array_index (self->ids, gint64, start),
                                       page->articles->len, self->query,
                                       self->page_cancellable, on_page_loaded_cb, req);
}

static void
evict_pages (DossierArticleList *self)
{
  while (g_hash_table_size (self->pages) > DOSSIER_ARTICLE_LIST_MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;

          if (page->last_used < oldest)
            {
              oldest = page->last_used;
              oldest_key = key;
            }
        }
      g_hash_table_remove (self->pages, oldest_key);
    }
}

/* A page of @len empty slots. */
static Page *
page_new (guint index,
          guint len)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->articles = g_ptr_array_new_full (len, g_object_unref);
  g_ptr_array_set_size (page->articles, len);
  return page;
}

/* An article with only the id at position @i, filled in when its page
 * is read. */
static DossierArticle *
placeholder_at (DossierArticleList *self,
                guint               i)
{
  DossierArticle *article = dossier_article_new ();

  dossier_article_set_id (article, g_array_index (self->ids, gint64, i));
  return article;
}

static Page *
get_page (DossierArticleList *self,
          guint               index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  guint start, end;

  if (page != NULL)
    {
      page->last_used = ++self->clock;
      return page;
    }

  start = index * DOSSIER_ARTICLE_LIST_PAGE_SIZE;
  end = MIN (start + DOSSIER_ARTICLE_LIST_PAGE_SIZE, self->ids->len);
  page = page_new (index, end - start);
  page->last_used = ++self->clock;
  for (guint i = start; i < end; i++)
    g_ptr_array_index (page->articles, i - start) = placeholder_at (self, i);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  request_page (self, page);
  evict_pages (self);
  return page;
}

/* --- GListModel --- */

static GType
dossier_article_list_get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_ARTICLE;
}

static guint
dossier_article_list_get_n_items (GListModel *model)
{
  return DOSSIER_ARTICLE_LIST (model)->ids->len;
}

static gpointer
dossier_article_list_get_item (GListModel *model,
                               guint       position)
{
  DossierArticleList *self = DOSSIER_ARTICLE_LIST (model);
  Page *page;

  if (position >= self->ids->len)
    return NULL;
  page = get_page (self, position / DOSSIER_ARTICLE_LIST_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->articles, position % DOSSIER_ARTICLE_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_article_list_get_item_type;
  iface->get_n_items = dossier_article_list_get_n_items;
  iface->get_item = dossier_article_list_get_item;
}

/* --- queries --- */

static void
set_loading (DossierArticleList *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Whether @ids is the list's ids with some taken out, or with some put
 * in, between @prefix and the common suffix; if so, @map gets each old
 * position's new one (-1 for an id that went). */
static gboolean
map_positions (GArray *old,
               GArray *ids,
               guint   prefix,
               guint   suffix,
               int    *map)
{
  guint i = prefix, j = prefix;
  guint old_end = old->len - suffix, new_end = ids->len - suffix;

  for (guint k = 0; k < prefix; k++)
    map[k] = (int) k;
  if (old_end - prefix > 0 && new_end - prefix > 0 && old->len != ids->len)
    {
      /* ids are unique: one is a subsequence of the other, or neither */
      gboolean removing = ids->len < old->len;

      while (i < old_end)
        {
          if (j < new_end && g_array_index (old, gint64, i) == g_array_index (ids, gint64, j))
            map[i++] = (int) j++;
          else if (removing)
            map[i++] = -1;
          else if (++j > new_end)
            return FALSE;
        }
      if ((removing && j != new_end) || (!removing && i != old_end))
        return FALSE;
    }
  else if (old_end - prefix > 0 && new_end - prefix > 0)
    return FALSE;
  else
    for (; i < old_end; i++)
      map[i] = -1;
  for (guint k = old_end; k < old->len; k++)
    map[k] = (int) (k - old->len + ids->len);
  return TRUE;
}

/* The loaded articles move to their new places, each the same object,
 * so the view keeps its rows; a page that gets a place it had no object
 * for, or was still loading, is read again, and every page when
 * @refresh (notes or tags of the articles there may have changed). */
static void
move_pages (DossierArticleList *self,
            const int          *map,
            gboolean            refresh)
{
  g_autoptr(GHashTable) pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_autoptr(GHashTable) partial = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *old = value;

      for (guint i = 0; i < old->articles->len; i++)
        {
          int pos = map[old->index * DOSSIER_ARTICLE_LIST_PAGE_SIZE + i];
          guint index, start;
          Page *page;

          if (pos < 0)
            continue;
          index = (guint) pos / DOSSIER_ARTICLE_LIST_PAGE_SIZE;
          page = g_hash_table_lookup (pages, GUINT_TO_POINTER (index));
          if (page == NULL)
            {
              start = index * DOSSIER_ARTICLE_LIST_PAGE_SIZE;
              page = page_new (index, MIN (DOSSIER_ARTICLE_LIST_PAGE_SIZE, self->ids->len - start));
              page->loaded = TRUE;
              g_hash_table_insert (pages, GUINT_TO_POINTER (index), page);
            }
          page->last_used = MAX (page->last_used, old->last_used);
          if (!old->loaded)
            g_hash_table_add (partial, page);
          g_ptr_array_index (page->articles, pos % DOSSIER_ARTICLE_LIST_PAGE_SIZE) =
            g_object_ref (g_ptr_array_index (old->articles, i));
        }
    }

  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;
      guint start = page->index * DOSSIER_ARTICLE_LIST_PAGE_SIZE;
      gboolean fill = g_hash_table_contains (partial, page);

      for (guint i = 0; i < page->articles->len; i++)
        if (g_ptr_array_index (page->articles, i) == NULL)
          {
            g_ptr_array_index (page->articles, i) = placeholder_at (self, start + i);
            fill = TRUE;
          }
      if (fill)
        page->loaded = FALSE;
      if (fill || refresh)
        request_page (self, page);
    }
  g_hash_table_unref (self->pages);
  self->pages = g_steal_pointer (&pages);
  evict_pages (self);
}

/* Replaces the ids, telling the view only what changed; the articles
 * still listed are read again when @refresh. */
static void
apply_ids (DossierArticleList *self,
           GArray             *ids,
           gboolean            refresh)
{
  guint old_len, prefix = 0, suffix = 0;
  g_autofree int *map = NULL;

  old_len = self->ids->len;
  /* keep what did not move, so the view keeps its place and selection */
  while (prefix < old_len && prefix < ids->len &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < ids->len - prefix &&
         g_array_index (self->ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;

  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  self->generation++;

  /* articles deleted or added (an import, an Undo): the others keep
   * their objects, which the view shows, and their rows */
  if (!self->drop_pages && (prefix < old_len || prefix < ids->len))
    {
      map = g_new (int, MAX (old_len, 1));
      if (!map_positions (self->ids, ids, prefix, suffix, map))
        g_clear_pointer (&map, g_free);
    }

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (map != NULL)
    move_pages (self, map, refresh);
  else
  /* loaded pages are refreshed in place (counts, titles, snippets may
   * have changed); a page that is dropped takes its articles with it, so
   * the view must be told about every item it held, even one whose id
   * stayed where it was: the view would keep showing the old object */
  {
    GHashTableIter iter;
    gpointer value;
    g_autoptr(GPtrArray) keep = g_ptr_array_new ();
    guint first_dropped = G_MAXUINT, last_dropped_end = 0;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Page *page = value;
        guint start = page->index * DOSSIER_ARTICLE_LIST_PAGE_SIZE;
        /* a short last page that the new ids extend holds too few */
        guint want = start < self->ids->len ? MIN (DOSSIER_ARTICLE_LIST_PAGE_SIZE, self->ids->len - start) : 0;
        gboolean same = !self->drop_pages && start + page->articles->len <= prefix
                        && page->articles->len == want;

        if (!same)
          {
            first_dropped = MIN (first_dropped, start);
            last_dropped_end = MAX (last_dropped_end, start + page->articles->len);
            g_hash_table_iter_remove (&iter);
          }
        else
          g_ptr_array_add (keep, page);
      }
    for (guint i = 0; i < keep->len; i++)
      request_page (self, g_ptr_array_index (keep, i));
    self->drop_pages = FALSE;
    prefix = MIN (prefix, first_dropped);
    if (last_dropped_end > old_len - suffix)
      suffix = 0;
  }

  if (old_len - prefix - suffix > 0 || self->ids->len - prefix - suffix > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                  old_len - prefix - suffix,
                                  self->ids->len - prefix - suffix);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* Shows @ids, or keeps them until the last release. */
static void
deliver_ids (DossierArticleList *self,
             GArray             *ids,
             gboolean            final)
{
  if (self->hold > 0)
    {
      g_clear_pointer (&self->held_ids, g_array_unref);
      self->held_ids = g_array_ref (ids);
      self->held_final = final;
      return;
    }
  apply_ids (self, ids, TRUE);
  if (final)
    set_loading (self, FALSE);
}

static GArray *
finish_ids (DossierArticleList *self,
            GObject            *source,
            GAsyncResult       *result)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = dossier_library_query_ids_finish (DOSSIER_LIBRARY (source), result, &error);

  if (ids == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    {
      g_warning ("Could not list articles: %s", error->message);
      set_loading (self, FALSE);
    }
  return ids;
}

static void
on_ids_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DossierArticleList *self = user_data;
  g_autoptr(GArray) ids = finish_ids (self, source, result);

  if (ids != NULL)
    deliver_ids (self, ids, TRUE);
  g_object_unref (self);
}

/* A text search shows its first page first: finding (or ranking) every
 * match of a common word in a large library takes longer than a page. */
static void
on_first_ids_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierArticleList *self = user_data;
  g_autoptr(GArray) ids = finish_ids (self, source, result);

  if (ids != NULL)
    {
      gboolean final = ids->len < DOSSIER_ARTICLE_LIST_PAGE_SIZE;

      deliver_ids (self, ids, final);
      if (!final)
        dossier_library_query_ids_async (self->library, self->query, self->cancellable,
                                         on_ids_cb, g_object_ref (self));
    }
  g_object_unref (self);
}

void
dossier_article_list_reload (DossierArticleList *self)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->held_ids, g_array_unref);
  set_loading (self, TRUE);
  if (self->query != NULL && self->query->fts != NULL)
    {
      g_autoptr(DossierQuery) first = dossier_query_copy (self->query);

      first->limit = DOSSIER_ARTICLE_LIST_PAGE_SIZE;
      dossier_library_query_ids_async (self->library, first, self->cancellable,
                                       on_first_ids_cb, g_object_ref (self));
      return;
    }
  dossier_library_query_ids_async (self->library, self->query, self->cancellable,
                                   on_ids_cb, g_object_ref (self));
}

void
dossier_article_list_set_query (DossierArticleList *self,
                                DossierQuery       *query)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_LIST (self));

  g_clear_pointer (&self->query, dossier_query_free);
  if (query != NULL)
    self->query = dossier_query_copy (query);
  /* snippets depend on the query: the loaded pages go when the new ids
   * come, and the view is told to ask for every item again */
  self->drop_pages = TRUE;
  dossier_article_list_reload (self);
}

const DossierQuery *
dossier_article_list_get_query (DossierArticleList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_LIST (self), NULL);
  return self->query;
}

gboolean
dossier_article_list_get_loading (DossierArticleList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_LIST (self), FALSE);
  return self->loading;
}

int
dossier_article_list_find (DossierArticleList *self,
                           gint64              id)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return -1;
}

gint64
dossier_article_list_get_id (DossierArticleList *self,
                             guint               position)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_LIST (self), 0);
  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

void
dossier_article_list_hold (DossierArticleList *self)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_LIST (self));

  self->hold++;
}

void
dossier_article_list_release (DossierArticleList *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (DOSSIER_IS_ARTICLE_LIST (self));
  g_return_if_fail (self->hold > 0);

  if (--self->hold > 0 || self->held_ids == NULL)
    return;
  ids = g_steal_pointer (&self->held_ids);
  deliver_ids (self, ids, self->held_final);
}

guint
dossier_article_list_get_n_loaded (DossierArticleList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->articles->len;
  return n;
}

/* --- GObject --- */

/* A delete needs no query: its articles leave the list, the others stay
 * where they are.  Anything else asks the query again, and what did not
 * change keeps its objects (apply_ids()). */
static void
on_library_changed_cb (DossierLibrary             *library,
                       const DossierLibraryChange *change,
                       DossierArticleList         *self)
{
  if (change->kind == DOSSIER_LIBRARY_CHANGE_STORIES && change->n_removed > 0 &&
      !self->loading && self->hold == 0)
    {
      g_autoptr(GArray) ids = g_array_copy (self->ids);

      /* a few ids (a delete is one): a scan each is quicker than a hash
       * of 100,000 */
      for (guint i = 0; i < change->n_removed; i++)
        {
          int pos = -1;

          for (guint k = 0; k < ids->len && pos < 0; k++)
            if (g_array_index (ids, gint64, k) == change->removed[i])
              pos = (int) k;
          if (pos >= 0)
            g_array_remove_index (ids, pos);
        }
      if (ids->len != self->ids->len)
        apply_ids (self, ids, FALSE);
      return;
    }
  dossier_article_list_reload (self);
}

static void
dossier_article_list_dispose (GObject *object)
{
  DossierArticleList *self = DOSSIER_ARTICLE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->page_cancellable);
  if (self->library != NULL)
    g_clear_signal_handler (&self->changed_id, self->library);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_article_list_parent_class)->dispose (object);
}

static void
dossier_article_list_finalize (GObject *object)
{
  DossierArticleList *self = DOSSIER_ARTICLE_LIST (object);

  g_clear_pointer (&self->query, dossier_query_free);
  g_clear_pointer (&self->held_ids, g_array_unref);
  g_array_unref (self->ids);
  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (dossier_article_list_parent_class)->finalize (object);
}

static void
dossier_article_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierArticleList *self = DOSSIER_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->ids->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_list_class_init (DossierArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_article_list_dispose;
  object_class->finalize = dossier_article_list_finalize;
  object_class->get_property = dossier_article_list_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierArticleList::loaded:
   * @position: the first position whose article was filled in
   * @n: how many
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
dossier_article_list_init (DossierArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->page_cancellable = g_cancellable_new ();
}

DossierArticleList *
dossier_article_list_new (DossierLibrary *library)
{
  DossierArticleList *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_ARTICLE_LIST, NULL);
  self->library = g_object_ref (library);
  self->changed_id = g_signal_connect (library, "changed-in-detail", G_CALLBACK (on_library_changed_cb), self);
  return self;
}
