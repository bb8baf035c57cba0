/* dossier-article-notes.c — the open article's notes, and what a new
 * note is being made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-article-notes"

#include "config.h"

#include "dossier-article-notes.h"

struct _DossierArticleNotes
{
  GObject      parent_instance;

  DossierUndo *undo;
  GPtrArray   *annotations;  /* NULL until loaded */
  char        *color;        /* the colour last chosen, or NULL */
  int          start;        /* the passage a new note is for */
  int          end;
  char        *pending;      /* the note to show once loaded */
};

G_DEFINE_FINAL_TYPE (DossierArticleNotes, dossier_article_notes, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNDO,
  PROP_ANNOTATIONS,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* TRUE when *@field changed to a copy of @value */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
dossier_article_notes_dispose (GObject *object)
{
  DossierArticleNotes *self = DOSSIER_ARTICLE_NOTES (object);

  g_clear_object (&self->undo);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_article_notes_parent_class)->dispose (object);
}

static void
dossier_article_notes_finalize (GObject *object)
{
  DossierArticleNotes *self = DOSSIER_ARTICLE_NOTES (object);

  g_free (self->color);
  g_free (self->pending);

  G_OBJECT_CLASS (dossier_article_notes_parent_class)->finalize (object);
}

static void
dossier_article_notes_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierArticleNotes *self = DOSSIER_ARTICLE_NOTES (object);

  switch (prop_id)
    {
    case PROP_UNDO:
      g_value_set_object (value, dossier_article_notes_get_undo (self));
      break;
    case PROP_ANNOTATIONS:
      g_value_set_boxed (value, dossier_article_notes_get_annotations (self));
      break;
    case PROP_COLOR:
      g_value_set_string (value, dossier_article_notes_get_color (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_notes_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierArticleNotes *self = DOSSIER_ARTICLE_NOTES (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      dossier_article_notes_set_annotations (self, g_value_get_boxed (value));
      break;
    case PROP_COLOR:
      dossier_article_notes_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_notes_class_init (DossierArticleNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_article_notes_dispose;
  object_class->finalize = dossier_article_notes_finalize;
  object_class->get_property = dossier_article_notes_get_property;
  object_class->set_property = dossier_article_notes_set_property;

  properties[PROP_UNDO] =
    g_param_spec_object ("undo", NULL, NULL, DOSSIER_TYPE_UNDO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATIONS] =
    g_param_spec_boxed ("annotations", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_notes_init (DossierArticleNotes *self)
{
}

DossierArticleNotes *
dossier_article_notes_new (DossierLibrary *library)
{
  DossierArticleNotes *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_ARTICLE_NOTES, NULL);
  self->undo = dossier_undo_new (library, 0);
  return self;
}

DossierUndo *
dossier_article_notes_get_undo (DossierArticleNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_NOTES (self), NULL);
  return self->undo;
}

GPtrArray *
dossier_article_notes_get_annotations (DossierArticleNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_NOTES (self), NULL);
  return self->annotations;
}

void
dossier_article_notes_set_annotations (DossierArticleNotes *self,
                                       GPtrArray           *annotations)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_NOTES (self));

  if (self->annotations == annotations)
    return;
  if (annotations != NULL)
    g_ptr_array_ref (annotations);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = annotations;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

DossierAnnotation *
dossier_article_notes_find (DossierArticleNotes *self,
                            const char          *uuid)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_NOTES (self), NULL);

  for (guint i = 0; self->annotations && i < self->annotations->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (dossier_annotation_get_uuid (a), uuid) == 0)
        return a;
    }
  return NULL;
}

const char *
dossier_article_notes_get_color (DossierArticleNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_NOTES (self), NULL);
  return self->color;
}

void
dossier_article_notes_set_color (DossierArticleNotes *self,
                                 const char          *color)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_NOTES (self));

  if (replace_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
dossier_article_notes_get_passage (DossierArticleNotes *self,
                                   int                 *start,
                                   int                 *end)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_NOTES (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

void
dossier_article_notes_set_passage (DossierArticleNotes *self,
                                   int                  start,
                                   int                  end)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_NOTES (self));

  self->start = start;
  self->end = end;
}

void
dossier_article_notes_set_pending (DossierArticleNotes *self,
                                   const char          *uuid)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_NOTES (self));
  replace_string (&self->pending, uuid);
}

char *
dossier_article_notes_take_pending (DossierArticleNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_NOTES (self), NULL);
  return g_steal_pointer (&self->pending);
}
