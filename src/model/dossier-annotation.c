/* dossier-annotation.c — a highlight with its note, tags and anchor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-annotation"

#include "config.h"

#include "dossier-annotation.h"

struct _DossierAnnotation
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  char     *author;
  gint64    article_id;
  char     *color;
  char     *note;
  char    **tags;
  char     *quote;
  char     *prefix;
  char     *suffix;
  int       start;
  int       end;
  gboolean  orphan;
  gint64    created;
  gint64    modified;
};

G_DEFINE_FINAL_TYPE (DossierAnnotation, dossier_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_AUTHOR,
  PROP_ARTICLE_ID,
  PROP_COLOR,
  PROP_NOTE,
  PROP_TAGS,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_START,
  PROP_END,
  PROP_ORPHAN,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const dossier_annotation_colors[DOSSIER_ANNOTATION_N_COLORS + 1] = {
  "yellow", "green", "blue", "pink", "purple", "orange", NULL
};

gboolean
dossier_annotation_color_is_valid (const char *color)
{
  return color != NULL && g_strv_contains (dossier_annotation_colors, color);
}

static void
set_string (DossierAnnotation  *self,
            char              **field,
            const char         *value,
            int                 prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (DossierAnnotation *self,
         gint64            *field,
         gint64             value,
         int                prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
dossier_annotation_finalize (GObject *object)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  g_free (self->uuid);
  g_free (self->author);
  g_free (self->color);
  g_free (self->note);
  g_strfreev (self->tags);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);

  G_OBJECT_CLASS (dossier_annotation_parent_class)->finalize (object);
}

static void
dossier_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_ARTICLE_ID: g_value_set_int64 (value, self->article_id); break;
    case PROP_COLOR: g_value_set_string (value, self->color); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case PROP_QUOTE: g_value_set_string (value, self->quote); break;
    case PROP_PREFIX: g_value_set_string (value, self->prefix); break;
    case PROP_SUFFIX: g_value_set_string (value, self->suffix); break;
    case PROP_START: g_value_set_int (value, self->start); break;
    case PROP_END: g_value_set_int (value, self->end); break;
    case PROP_ORPHAN: g_value_set_boolean (value, self->orphan); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_MODIFIED: g_value_set_int64 (value, self->modified); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: dossier_annotation_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID: dossier_annotation_set_uuid (self, g_value_get_string (value)); break;
    case PROP_AUTHOR: dossier_annotation_set_author (self, g_value_get_string (value)); break;
    case PROP_ARTICLE_ID: dossier_annotation_set_article_id (self, g_value_get_int64 (value)); break;
    case PROP_COLOR: dossier_annotation_set_color (self, g_value_get_string (value)); break;
    case PROP_NOTE: dossier_annotation_set_note (self, g_value_get_string (value)); break;
    case PROP_TAGS: dossier_annotation_set_tags (self, g_value_get_boxed (value)); break;
    case PROP_QUOTE: dossier_annotation_set_quote (self, g_value_get_string (value)); break;
    case PROP_PREFIX: dossier_annotation_set_prefix (self, g_value_get_string (value)); break;
    case PROP_SUFFIX: dossier_annotation_set_suffix (self, g_value_get_string (value)); break;
    case PROP_START: dossier_annotation_set_start (self, g_value_get_int (value)); break;
    case PROP_END: dossier_annotation_set_end (self, g_value_get_int (value)); break;
    case PROP_ORPHAN: dossier_annotation_set_orphan (self, g_value_get_boolean (value)); break;
    case PROP_CREATED: dossier_annotation_set_created (self, g_value_get_int64 (value)); break;
    case PROP_MODIFIED: dossier_annotation_set_modified (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STR_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, rw)

static void
dossier_annotation_class_init (DossierAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_annotation_finalize;
  object_class->get_property = dossier_annotation_get_property;
  object_class->set_property = dossier_annotation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  STR_PROP (PROP_UUID, "uuid");
  STR_PROP (PROP_AUTHOR, "author");
  properties[PROP_ARTICLE_ID] = g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  STR_PROP (PROP_COLOR, "color");
  STR_PROP (PROP_NOTE, "note");
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  STR_PROP (PROP_QUOTE, "quote");
  STR_PROP (PROP_PREFIX, "prefix");
  STR_PROP (PROP_SUFFIX, "suffix");
  properties[PROP_START] = g_param_spec_int ("start", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_END] = g_param_spec_int ("end", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_ORPHAN] = g_param_spec_boolean ("orphan", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_annotation_init (DossierAnnotation *self)
{
  self->color = g_strdup ("yellow");
  self->tags = g_new0 (char *, 1);
}

DossierAnnotation *
dossier_annotation_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATION, NULL);
}

#define STRING_ACCESSORS(field, PROP)                                     \
const char *                                                              \
dossier_annotation_get_##field (DossierAnnotation *self)                  \
{                                                                         \
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);              \
  return self->field;                                                     \
}                                                                         \
void                                                                      \
dossier_annotation_set_##field (DossierAnnotation *self,                  \
                                const char        *value)                 \
{                                                                         \
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));                        \
  set_string (self, &self->field, value, PROP);                           \
}

#define INT64_ACCESSORS(field, PROP)                                      \
gint64                                                                    \
dossier_annotation_get_##field (DossierAnnotation *self)                  \
{                                                                         \
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);                 \
  return self->field;                                                     \
}                                                                         \
void                                                                      \
dossier_annotation_set_##field (DossierAnnotation *self,                  \
                                gint64             value)                 \
{                                                                         \
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));                        \
  set_int (self, &self->field, value, PROP);                              \
}

STRING_ACCESSORS (uuid, PROP_UUID)
STRING_ACCESSORS (author, PROP_AUTHOR)
STRING_ACCESSORS (note, PROP_NOTE)
STRING_ACCESSORS (quote, PROP_QUOTE)
STRING_ACCESSORS (prefix, PROP_PREFIX)
STRING_ACCESSORS (suffix, PROP_SUFFIX)
INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (article_id, PROP_ARTICLE_ID)
INT64_ACCESSORS (created, PROP_CREATED)
INT64_ACCESSORS (modified, PROP_MODIFIED)

const char *
dossier_annotation_get_color (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);
  return self->color;
}

void
dossier_annotation_set_color (DossierAnnotation *self,
                              const char        *color)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  set_string (self, &self->color, color ? color : "yellow", PROP_COLOR);
}

const char * const *
dossier_annotation_get_tags (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->tags;
}

void
dossier_annotation_set_tags (DossierAnnotation  *self,
                             const char * const *tags)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  if (tags == NULL)
    tags = empty;
  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

int
dossier_annotation_get_start (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);
  return self->start;
}

void
dossier_annotation_set_start (DossierAnnotation *self,
                              int                start)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  if (self->start == start)
    return;
  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

int
dossier_annotation_get_end (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);
  return self->end;
}

void
dossier_annotation_set_end (DossierAnnotation *self,
                            int                end)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  if (self->end == end)
    return;
  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

gboolean
dossier_annotation_get_orphan (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), FALSE);
  return self->orphan;
}

void
dossier_annotation_set_orphan (DossierAnnotation *self,
                               gboolean           orphan)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  orphan = !!orphan;
  if (self->orphan == orphan)
    return;
  self->orphan = orphan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHAN]);
}

DossierAnnotation *
dossier_annotation_copy (DossierAnnotation *self)
{
  DossierAnnotation *copy;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  copy = dossier_annotation_new ();
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->author = g_strdup (self->author);
  copy->article_id = self->article_id;
  g_free (copy->color);
  copy->color = g_strdup (self->color);
  copy->note = g_strdup (self->note);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  copy->quote = g_strdup (self->quote);
  copy->prefix = g_strdup (self->prefix);
  copy->suffix = g_strdup (self->suffix);
  copy->start = self->start;
  copy->end = self->end;
  copy->orphan = self->orphan;
  copy->created = self->created;
  copy->modified = self->modified;
  return copy;
}

char *
dossier_timestamp_to_iso (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *base = NULL;
  int frac;

  dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  frac = (int) (usec % G_USEC_PER_SEC);
  if (frac == 0)
    return g_strdup_printf ("%sZ", base);
  return g_strdup_printf ("%s.%06dZ", base, frac);
}

gboolean
dossier_timestamp_from_iso (const char *iso,
                            gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (iso == NULL || *iso == '\0')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}
