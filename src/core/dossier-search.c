/* dossier-search.c — what the article list shows: the typed search, the
 * chosen filters, the date range and the sort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-search"

#include "config.h"

#include <string.h>

#include "dossier-search.h"
#include "dossier-date.h"

struct _DossierSearch
{
  GObject      parent_instance;

  char        *text;        /* as typed, never NULL */
  char        *source;      /* NULL: any */
  char        *tag;         /* NULL: any */
  char        *person;      /* NULL: anyone */
  gboolean     has_notes;
  gboolean     unread;
  gint64       range_from;  /* julian day, -1 for open */
  gint64       range_to;
  DossierSort  sort;
  guint        frozen;      /* > 0 while several properties change at once */
  gboolean     dirty;       /* the query changed while frozen */
};

G_DEFINE_FINAL_TYPE (DossierSearch, dossier_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SOURCE,
  PROP_TAG,
  PROP_PERSON,
  PROP_HAS_NOTES,
  PROP_UNREAD,
  PROP_RANGE_FROM,
  PROP_RANGE_TO,
  PROP_SORT,
  PROP_FILTERS_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- small functions --- */

static void
freeze (DossierSearch *self)
{
  if (self->frozen++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
}

static void
thaw (DossierSearch *self)
{
  g_assert (self->frozen > 0);
  if (--self->frozen > 0)
    return;
  g_object_thaw_notify (G_OBJECT (self));
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* @pspec changed and with it the query: notifies once everything that
 * changes together has */
static void
mark_changed (DossierSearch *self,
              GParamSpec    *pspec,
              gboolean       was_active)
{
  freeze (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_active != dossier_search_get_filters_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERS_ACTIVE]);
  self->dirty = TRUE;
  thaw (self);
}

static char *
dup_choice (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
add_value (GPtrArray  **array,
           const char  *value)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*array, g_strdup (value));
}

static void
append_term (GString    *text,
             const char *field,
             const char *value)
{
  g_autofree char *clean = g_strdup (value);

  /* the grammar has no escape for a quote inside a quoted value */
  g_strdelimit (clean, "\"", ' ');
  g_strstrip (clean);
  if (*clean == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (strpbrk (clean, " \t():") != NULL)
    g_string_append_printf (text, "%s:\"%s\"", field, clean);
  else
    g_string_append_printf (text, "%s:%s", field, clean);
}

/* --- GObject --- */

static void
dossier_search_finalize (GObject *object)
{
  DossierSearch *self = DOSSIER_SEARCH (object);

  g_free (self->text);
  g_free (self->source);
  g_free (self->tag);
  g_free (self->person);

  G_OBJECT_CLASS (dossier_search_parent_class)->finalize (object);
}

static void
dossier_search_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSearch *self = DOSSIER_SEARCH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, dossier_search_get_text (self));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, dossier_search_get_source (self));
      break;
    case PROP_TAG:
      g_value_set_string (value, dossier_search_get_tag (self));
      break;
    case PROP_PERSON:
      g_value_set_string (value, dossier_search_get_person (self));
      break;
    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;
    case PROP_HAS_NOTES:
      g_value_set_boolean (value, dossier_search_get_has_notes (self));
      break;
    case PROP_RANGE_FROM:
      g_value_set_int64 (value, dossier_search_get_range_from (self));
      break;
    case PROP_RANGE_TO:
      g_value_set_int64 (value, dossier_search_get_range_to (self));
      break;
    case PROP_SORT:
      g_value_set_int (value, dossier_search_get_sort (self));
      break;
    case PROP_FILTERS_ACTIVE:
      g_value_set_boolean (value, dossier_search_get_filters_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierSearch *self = DOSSIER_SEARCH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dossier_search_set_text (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      dossier_search_set_source (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      dossier_search_set_tag (self, g_value_get_string (value));
      break;
    case PROP_PERSON:
      dossier_search_set_person (self, g_value_get_string (value));
      break;
    case PROP_UNREAD:
      dossier_search_set_unread (self, g_value_get_boolean (value));
      break;
    case PROP_HAS_NOTES:
      dossier_search_set_has_notes (self, g_value_get_boolean (value));
      break;
    case PROP_RANGE_FROM:
      dossier_search_set_range_from (self, g_value_get_int64 (value));
      break;
    case PROP_RANGE_TO:
      dossier_search_set_range_to (self, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      dossier_search_set_sort (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_class_init (DossierSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_search_finalize;
  object_class->get_property = dossier_search_get_property;
  object_class->set_property = dossier_search_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_NOTES] =
    g_param_spec_boolean ("has-notes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE_FROM] =
    g_param_spec_int64 ("range-from", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE_TO] =
    g_param_spec_int64 ("range-to", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a DossierSort */
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, DOSSIER_SORT_DATE_DESC, DOSSIER_SORT_TITLE, DOSSIER_SORT_DATE_DESC,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTERS_ACTIVE] =
    g_param_spec_boolean ("filters-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierSearch::changed:
   * @self: the search
   *
   * The query changed: the text, a filter, the range or the sort.  Emitted
   * once for changes made together (dossier_search_clear(), a range),
   * after their property notifications.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_search_init (DossierSearch *self)
{
  self->text = g_strdup ("");
  self->range_from = self->range_to = -1;
  self->sort = DOSSIER_SORT_DATE_DESC;
}

/* --- public API --- */

DossierSearch *
dossier_search_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH, NULL);
}

const char *
dossier_search_get_text (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);
  return self->text;
}

void
dossier_search_set_text (DossierSearch *self,
                         const char    *text)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  mark_changed (self, properties[PROP_TEXT], dossier_search_get_filters_active (self));
}

const char *
dossier_search_get_source (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);
  return self->source;
}

void
dossier_search_set_source (DossierSearch *self,
                           const char    *source)
{
  g_autofree char *value = dup_choice (source);
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  if (g_strcmp0 (self->source, value) == 0)
    return;
  was_active = dossier_search_get_filters_active (self);
  g_free (self->source);
  self->source = g_steal_pointer (&value);
  mark_changed (self, properties[PROP_SOURCE], was_active);
}

const char *
dossier_search_get_tag (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);
  return self->tag;
}

void
dossier_search_set_tag (DossierSearch *self,
                        const char    *tag)
{
  g_autofree char *value = dup_choice (tag);
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  if (g_strcmp0 (self->tag, value) == 0)
    return;
  was_active = dossier_search_get_filters_active (self);
  g_free (self->tag);
  self->tag = g_steal_pointer (&value);
  mark_changed (self, properties[PROP_TAG], was_active);
}

const char *
dossier_search_get_person (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);
  return self->person;
}

void
dossier_search_set_person (DossierSearch *self,
                           const char    *person)
{
  g_autofree char *value = dup_choice (person);
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  if (g_strcmp0 (self->person, value) == 0)
    return;
  was_active = dossier_search_get_filters_active (self);
  g_free (self->person);
  self->person = g_steal_pointer (&value);
  mark_changed (self, properties[PROP_PERSON], was_active);
}

gboolean
dossier_search_get_has_notes (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), FALSE);
  return self->has_notes;
}

void
dossier_search_set_has_notes (DossierSearch *self,
                              gboolean       has_notes)
{
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  has_notes = !!has_notes;
  if (self->has_notes == has_notes)
    return;
  was_active = dossier_search_get_filters_active (self);
  self->has_notes = has_notes;
  mark_changed (self, properties[PROP_HAS_NOTES], was_active);
}

gboolean
dossier_search_get_unread (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), FALSE);
  return self->unread;
}

void
dossier_search_set_unread (DossierSearch *self,
                           gboolean       unread)
{
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  unread = !!unread;
  if (self->unread == unread)
    return;
  was_active = dossier_search_get_filters_active (self);
  self->unread = unread;
  mark_changed (self, properties[PROP_UNREAD], was_active);
}

gint64
dossier_search_get_range_from (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), -1);
  return self->range_from;
}

void
dossier_search_set_range_from (DossierSearch *self,
                               gint64         jd)
{
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  jd = MAX (jd, -1);
  if (self->range_from == jd)
    return;
  was_active = dossier_search_get_filters_active (self);
  self->range_from = jd;
  mark_changed (self, properties[PROP_RANGE_FROM], was_active);
}

gint64
dossier_search_get_range_to (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), -1);
  return self->range_to;
}

void
dossier_search_set_range_to (DossierSearch *self,
                             gint64         jd)
{
  gboolean was_active;

  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  jd = MAX (jd, -1);
  if (self->range_to == jd)
    return;
  was_active = dossier_search_get_filters_active (self);
  self->range_to = jd;
  mark_changed (self, properties[PROP_RANGE_TO], was_active);
}

void
dossier_search_set_range (DossierSearch *self,
                          gint64         from_jd,
                          gint64         to_jd)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  freeze (self);
  dossier_search_set_range_from (self, from_jd);
  dossier_search_set_range_to (self, to_jd);
  thaw (self);
}

DossierSort
dossier_search_get_sort (DossierSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), DOSSIER_SORT_DATE_DESC);
  return self->sort;
}

void
dossier_search_set_sort (DossierSearch *self,
                         DossierSort    sort)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));
  g_return_if_fail (sort <= DOSSIER_SORT_TITLE);

  if (self->sort == sort)
    return;
  self->sort = sort;
  mark_changed (self, properties[PROP_SORT], dossier_search_get_filters_active (self));
}

DossierSearchFilter
dossier_search_get_filters (DossierSearch *self)
{
  DossierSearchFilter filters = DOSSIER_SEARCH_FILTER_NONE;

  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), DOSSIER_SEARCH_FILTER_NONE);

  if (self->source != NULL)
    filters |= DOSSIER_SEARCH_FILTER_SOURCE;
  if (self->tag != NULL)
    filters |= DOSSIER_SEARCH_FILTER_TAG;
  if (self->person != NULL)
    filters |= DOSSIER_SEARCH_FILTER_PERSON;
  if (self->has_notes)
    filters |= DOSSIER_SEARCH_FILTER_HAS_NOTES;
  if (self->unread)
    filters |= DOSSIER_SEARCH_FILTER_UNREAD;
  if (self->range_from >= 0 || self->range_to >= 0)
    filters |= DOSSIER_SEARCH_FILTER_RANGE;
  return filters;
}

gboolean
dossier_search_get_filters_active (DossierSearch *self)
{
  return dossier_search_get_filters (self) != DOSSIER_SEARCH_FILTER_NONE;
}

void
dossier_search_remove_filters (DossierSearch       *self,
                               DossierSearchFilter  filters)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  freeze (self);
  if (filters & DOSSIER_SEARCH_FILTER_SOURCE)
    dossier_search_set_source (self, NULL);
  if (filters & DOSSIER_SEARCH_FILTER_TAG)
    dossier_search_set_tag (self, NULL);
  if (filters & DOSSIER_SEARCH_FILTER_PERSON)
    dossier_search_set_person (self, NULL);
  if (filters & DOSSIER_SEARCH_FILTER_HAS_NOTES)
    dossier_search_set_has_notes (self, FALSE);
  if (filters & DOSSIER_SEARCH_FILTER_UNREAD)
    dossier_search_set_unread (self, FALSE);
  if (filters & DOSSIER_SEARCH_FILTER_RANGE)
    dossier_search_set_range (self, -1, -1);
  thaw (self);
}

void
dossier_search_clear (DossierSearch *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));
  dossier_search_remove_filters (self, DOSSIER_SEARCH_FILTER_SOURCE | DOSSIER_SEARCH_FILTER_TAG |
                                       DOSSIER_SEARCH_FILTER_HAS_NOTES | DOSSIER_SEARCH_FILTER_RANGE |
                                       DOSSIER_SEARCH_FILTER_UNREAD | DOSSIER_SEARCH_FILTER_PERSON);
}

DossierQuery *
dossier_search_dup_query (DossierSearch *self)
{
  DossierQuery *query;

  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);

  query = dossier_query_parse (self->text, TRUE);
  if (self->range_from >= 0)
    query->from_jd = query->from_jd >= 0 ? MAX (query->from_jd, self->range_from) : self->range_from;
  if (self->range_to >= 0)
    query->to_jd = query->to_jd >= 0 ? MIN (query->to_jd, self->range_to) : self->range_to;
  /* the typed source: and the chosen source both hold: the chosen one
   * narrows the typed ones to itself, or to nothing */
  if (self->source != NULL)
    {
      gboolean typed_allows = query->sources == NULL || query->sources->len == 0;

      for (guint i = 0; !typed_allows && i < query->sources->len; i++)
        typed_allows = g_ascii_strcasecmp (g_ptr_array_index (query->sources, i), self->source) == 0;
      if (query->sources != NULL)
        g_ptr_array_set_size (query->sources, 0);
      /* an empty-named source matches no article */
      add_value (&query->sources, typed_allows ? self->source : "");
    }
  if (self->tag != NULL)
    add_value (&query->tags, self->tag);
  if (self->person != NULL)
    add_value (&query->people, self->person);
  if (self->has_notes)
    query->has_notes = TRUE;
  if (self->unread)
    query->read = 0;
  /* the chosen order holds (newest first unless changed); relevance
   * needs words to rank by */
  query->sort = (self->sort == DOSSIER_SORT_RELEVANCE && query->fts == NULL) ? DOSSIER_SORT_DATE_DESC : self->sort;
  query->sort_set = TRUE;
  return query;
}

char *
dossier_search_to_text (DossierSearch *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (DOSSIER_IS_SEARCH (self), NULL);

  text = g_string_new (self->text);
  g_strstrip (text->str);
  g_string_set_size (text, strlen (text->str));
  if (self->source != NULL)
    append_term (text, "source", self->source);
  if (self->tag != NULL)
    append_term (text, "tag", self->tag);
  if (self->person != NULL)
    append_term (text, "person", self->person);
  if (self->has_notes)
    g_string_append (text, text->len > 0 ? " has:notes" : "has:notes");
  if (self->unread)
    g_string_append (text, text->len > 0 ? " is:unread" : "is:unread");
  if (self->range_from >= 0 || self->range_to >= 0)
    {
      g_autofree char *from = dossier_date_julian_to_iso (self->range_from);
      g_autofree char *to = dossier_date_julian_to_iso (self->range_to);

      g_string_append_printf (text, "%spublished:%s..%s", text->len > 0 ? " " : "", from, to);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
dossier_search_apply_saved (DossierSearch *self,
                            const char    *text)
{
  g_return_if_fail (DOSSIER_IS_SEARCH (self));

  freeze (self);
  dossier_search_clear (self);
  dossier_search_set_text (self, text);
  thaw (self);
}
