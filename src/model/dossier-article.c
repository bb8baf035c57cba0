/* dossier-article.c — one article: metadata and (when loaded) its body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-article"

#include "config.h"

#include "dossier-article.h"

struct _DossierArticle
{
  GObject            parent_instance;
  char              *date_hints;

  gint64             id;
  char              *title;
  char              *byline;
  char              *source;
  char              *url;
  char              *language;
  DossierDate        published;
  DossierDateOrigin  date_origin;
  char              *body;
  char              *body_hash;
  char              *file_name;
  char              *content_hash;
  char              *uuid;
  gint64             imported_at;
  guint              annotation_count;
  char              *snippet;
  double             score;
  gboolean           read;
  char             **tags;
};

G_DEFINE_FINAL_TYPE (DossierArticle, dossier_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BYLINE,
  PROP_SOURCE,
  PROP_URL,
  PROP_LANGUAGE,
  PROP_PUBLISHED,
  PROP_DATE_PRECISION,
  PROP_DATE_ORIGIN,
  PROP_BODY,
  PROP_FILE_NAME,
  PROP_CONTENT_HASH,
  PROP_UUID,
  PROP_IMPORTED_AT,
  PROP_ANNOTATION_COUNT,
  PROP_SNIPPET,
  PROP_SCORE,
  PROP_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (DossierArticle  *self,
            char           **field,
            const char      *value,
            int              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
dossier_article_finalize (GObject *object)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  g_free (self->title);
  g_free (self->byline);
  g_free (self->source);
  g_free (self->url);
  g_free (self->language);
  g_free (self->body);
  g_free (self->body_hash);
  g_free (self->file_name);
  g_free (self->date_hints);
  g_free (self->content_hash);
  g_free (self->uuid);
  g_free (self->snippet);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (dossier_article_parent_class)->finalize (object);
}

static void
dossier_article_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_BYLINE: g_value_set_string (value, self->byline); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_PUBLISHED: g_value_take_string (value, dossier_article_dup_published_string (self)); break;
    case PROP_DATE_PRECISION: g_value_set_int (value, self->published.precision); break;
    case PROP_DATE_ORIGIN: g_value_set_int (value, self->date_origin); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_FILE_NAME: g_value_set_string (value, self->file_name); break;
    case PROP_CONTENT_HASH: g_value_set_string (value, self->content_hash); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_IMPORTED_AT: g_value_set_int64 (value, self->imported_at); break;
    case PROP_ANNOTATION_COUNT: g_value_set_uint (value, self->annotation_count); break;
    case PROP_SNIPPET: g_value_set_string (value, self->snippet); break;
    case PROP_SCORE: g_value_set_double (value, self->score); break;
    case PROP_READ: g_value_set_boolean (value, self->read); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID: dossier_article_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: dossier_article_set_title (self, g_value_get_string (value)); break;
    case PROP_BYLINE: dossier_article_set_byline (self, g_value_get_string (value)); break;
    case PROP_SOURCE: dossier_article_set_source (self, g_value_get_string (value)); break;
    case PROP_URL: dossier_article_set_url (self, g_value_get_string (value)); break;
    case PROP_LANGUAGE: dossier_article_set_language (self, g_value_get_string (value)); break;
    case PROP_PUBLISHED:
      {
        DossierDate date = DOSSIER_DATE_INIT;
        const char *text = g_value_get_string (value);

        if (text != NULL && !dossier_date_from_iso (text, &date))
          g_warning ("Not a date: %s", text);
        dossier_article_set_published (self, &date);
      }
      break;
    case PROP_DATE_ORIGIN: dossier_article_set_date_origin (self, g_value_get_int (value)); break;
    case PROP_BODY: dossier_article_set_body (self, g_value_get_string (value)); break;
    case PROP_FILE_NAME: dossier_article_set_file_name (self, g_value_get_string (value)); break;
    case PROP_CONTENT_HASH: dossier_article_set_content_hash (self, g_value_get_string (value)); break;
    case PROP_UUID: dossier_article_set_uuid (self, g_value_get_string (value)); break;
    case PROP_IMPORTED_AT: dossier_article_set_imported_at (self, g_value_get_int64 (value)); break;
    case PROP_ANNOTATION_COUNT: dossier_article_set_annotation_count (self, g_value_get_uint (value)); break;
    case PROP_SNIPPET: dossier_article_set_snippet (self, g_value_get_string (value)); break;
    case PROP_SCORE: dossier_article_set_score (self, g_value_get_double (value)); break;
    case PROP_READ: dossier_article_set_read (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STR_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
dossier_article_class_init (DossierArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_article_finalize;
  object_class->get_property = dossier_article_get_property;
  object_class->set_property = dossier_article_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  STR_PROP (PROP_TITLE, "title");
  STR_PROP (PROP_BYLINE, "byline");
  STR_PROP (PROP_SOURCE, "source");
  STR_PROP (PROP_URL, "url");
  STR_PROP (PROP_LANGUAGE, "language");
  STR_PROP (PROP_PUBLISHED, "published");
  properties[PROP_DATE_PRECISION] =
    g_param_spec_int ("date-precision", NULL, NULL, 0, DOSSIER_DATE_PRECISION_DAY, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_ORIGIN] =
    g_param_spec_int ("date-origin", NULL, NULL, 0, DOSSIER_DATE_ORIGIN_INFERRED, 0, rw);
  STR_PROP (PROP_BODY, "body");
  STR_PROP (PROP_FILE_NAME, "file-name");
  STR_PROP (PROP_CONTENT_HASH, "content-hash");
  STR_PROP (PROP_UUID, "uuid");
  properties[PROP_IMPORTED_AT] = g_param_spec_int64 ("imported-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ANNOTATION_COUNT] =
    g_param_spec_uint ("annotation-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  STR_PROP (PROP_SNIPPET, "snippet");
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_init (DossierArticle *self)
{
}

DossierArticle *
dossier_article_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE, NULL);
}

gint64
dossier_article_get_id (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->id;
}

void
dossier_article_set_id (DossierArticle *self,
                        gint64          id)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                     \
const char *                                                              \
dossier_article_get_##field (DossierArticle *self)                        \
{                                                                         \
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);                 \
  return self->field;                                                     \
}                                                                         \
void                                                                      \
dossier_article_set_##field (DossierArticle *self,                        \
                             const char     *value)                       \
{                                                                         \
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));                           \
  set_string (self, &self->field, value, PROP);                           \
}

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (byline, PROP_BYLINE)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (language, PROP_LANGUAGE)

const char *
dossier_article_get_body (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->body;
}

void
dossier_article_set_body (DossierArticle *self,
                          const char     *value)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  /* a hash worked out for another text is no longer this one's */
  if (g_strcmp0 (self->body, value) != 0)
    g_clear_pointer (&self->body_hash, g_free);
  set_string (self, &self->body, value, PROP_BODY);
}

const char *
dossier_article_get_body_hash (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->body_hash;
}

void
dossier_article_set_body_hash (DossierArticle *self,
                               const char     *hash)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_free (self->body_hash);
  self->body_hash = g_strdup (hash);
}
const char *
dossier_article_get_date_hints (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->date_hints;
}

void
dossier_article_set_date_hints (DossierArticle *self,
                                const char     *hints)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_free (self->date_hints);
  self->date_hints = g_strdup (hints);
}

STRING_ACCESSORS (file_name, PROP_FILE_NAME)
STRING_ACCESSORS (content_hash, PROP_CONTENT_HASH)
STRING_ACCESSORS (uuid, PROP_UUID)
STRING_ACCESSORS (snippet, PROP_SNIPPET)

const DossierDate *
dossier_article_get_published (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return &self->published;
}

void
dossier_article_set_published (DossierArticle    *self,
                               const DossierDate *date)
{
  DossierDate unknown = DOSSIER_DATE_INIT;

  g_return_if_fail (DOSSIER_IS_ARTICLE (self));

  if (date == NULL)
    date = &unknown;
  if (dossier_date_compare (&self->published, date) == 0 &&
      self->published.precision == date->precision)
    return;
  self->published = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_PRECISION]);
}

char *
dossier_article_dup_published_string (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return dossier_date_to_string (&self->published);
}

DossierDateOrigin
dossier_article_get_date_origin (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), DOSSIER_DATE_ORIGIN_NONE);
  return self->date_origin;
}

void
dossier_article_set_date_origin (DossierArticle    *self,
                                 DossierDateOrigin  origin)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  if (self->date_origin == origin)
    return;
  self->date_origin = origin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_ORIGIN]);
}

gint64
dossier_article_get_imported_at (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->imported_at;
}

void
dossier_article_set_imported_at (DossierArticle *self,
                                 gint64          usec)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  if (self->imported_at == usec)
    return;
  self->imported_at = usec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_AT]);
}

guint
dossier_article_get_annotation_count (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->annotation_count;
}

void
dossier_article_set_annotation_count (DossierArticle *self,
                                      guint           count)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  if (self->annotation_count == count)
    return;
  self->annotation_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION_COUNT]);
}

double
dossier_article_get_score (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->score;
}

void
dossier_article_set_score (DossierArticle *self,
                           double          score)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  if (self->score == score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

gboolean
dossier_article_get_read (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), FALSE);
  return self->read;
}

void
dossier_article_set_read (DossierArticle *self,
                          gboolean        read)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  read = !!read;
  if (self->read == read)
    return;
  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

const char * const *
dossier_article_get_tags (DossierArticle *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), none);
  return self->tags != NULL ? (const char * const *) self->tags : none;
}

void
dossier_article_set_tags (DossierArticle     *self,
                          const char * const *tags)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
}
