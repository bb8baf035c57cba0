/* dossier-boilerplate.c — paragraphs that recur across a source's articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-boilerplate"

#include "config.h"

#include <string.h>

#include "dossier-boilerplate.h"

struct _DossierBoilerplate
{
  /* source → SourceCounts */
  GHashTable *sources;
};

typedef struct
{
  guint       n_articles;
  GHashTable *counts;      /* fingerprint → GUINT_TO_POINTER (count) */
} SourceCounts;

static void
source_counts_free (gpointer data)
{
  SourceCounts *sc = data;

  g_hash_table_unref (sc->counts);
  g_free (sc);
}

/* 64-bit FNV-1a */
static inline guint64
hash_byte (guint64 h,
           guchar  c)
{
  return (h ^ c) * G_GUINT64_CONSTANT (0x100000001b3);
}

char *
dossier_boilerplate_fingerprint (const char *paragraph)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gsize n = 0;
  const char *p;
  gboolean in_number = FALSE;

  if (paragraph == NULL)
    return NULL;

  for (p = paragraph; *p; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          p++;
          if (g_ascii_isdigit (c))
            {
              if (!in_number)
                {
                  h = hash_byte (h, '0');
                  n++;
                }
              in_number = TRUE;
              continue;
            }
          in_number = FALSE;
          if (g_ascii_isalpha (c))
            {
              h = hash_byte (h, g_ascii_tolower (c));
              n++;
            }
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
          if (g_unichar_isdigit (u))
            {
              if (!in_number)
                {
                  h = hash_byte (h, '0');
                  n++;
                }
              in_number = TRUE;
              continue;
            }
          in_number = FALSE;
          if (g_unichar_isalpha (u))
            {
              char buf[6];
              int k, len;

              u = g_unichar_tolower (u);
              len = g_unichar_to_utf8 (u, buf);
              for (k = 0; k < len; k++)
                h = hash_byte (h, (guchar) buf[k]);
              n++;
            }
        }
    }

  if (n == 0)
    return NULL;
  return g_strdup_printf ("%" G_GSIZE_FORMAT ":%016" G_GINT64_MODIFIER "x", n, h);
}

char **
dossier_boilerplate_split (const char *body)
{
  GPtrArray *out = g_ptr_array_new ();
  const char *p = body;

  while (p != NULL && *p)
    {
      const char *stop = strstr (p, "\n\n");
      const char *next;
      char *para;

      if (stop == NULL)
        stop = p + strlen (p);
      next = stop;
      while (*next == '\n')
        next++;
      para = g_strstrip (g_strndup (p, stop - p));
      if (*para)
        g_ptr_array_add (out, para);
      else
        g_free (para);
      p = next;
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
dossier_boilerplate_clean (const char             *body,
                           DossierBoilerplateFunc  is_boilerplate,
                           gpointer                data)
{
  g_auto(GStrv) paras = NULL;
  GString *out;
  guint i, kept = 0, removed = 0;

  g_return_val_if_fail (is_boilerplate != NULL, NULL);

  if (body == NULL)
    return NULL;
  paras = dossier_boilerplate_split (body);
  out = g_string_sized_new (strlen (body));
  for (i = 0; paras[i]; i++)
    {
      g_autofree char *fp = dossier_boilerplate_fingerprint (paras[i]);

      if (fp != NULL && is_boilerplate (fp, data))
        {
          removed++;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, paras[i]);
      kept++;
    }
  if (removed == 0 || kept == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
dossier_boilerplate_decide (guint count,
                            guint n_articles)
{
  if (count < 3 || n_articles == 0)
    return FALSE;
  if ((guint64) count * 3 >= n_articles)
    return TRUE;
  return count >= 20 && (guint64) count * 10 >= n_articles;
}

DossierBoilerplate *
dossier_boilerplate_new (void)
{
  DossierBoilerplate *self = g_new0 (DossierBoilerplate, 1);

  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_counts_free);
  return self;
}

void
dossier_boilerplate_free (DossierBoilerplate *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->sources);
  g_free (self);
}

/* The distinct fingerprints of a body. */
static GHashTable *
distinct_fingerprints (const char *body)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) paras = dossier_boilerplate_split (body);
  guint i;

  for (i = 0; paras[i]; i++)
    {
      char *fp = dossier_boilerplate_fingerprint (paras[i]);

      if (fp != NULL)
        g_hash_table_add (set, fp);
    }
  return set;
}

void
dossier_boilerplate_add_article (DossierBoilerplate *self,
                                 const char         *source,
                                 const char         *body)
{
  g_autoptr(GHashTable) set = NULL;
  SourceCounts *sc;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (self != NULL);

  if (source == NULL || *source == '\0' || body == NULL)
    return;
  sc = g_hash_table_lookup (self->sources, source);
  if (sc == NULL)
    {
      sc = g_new0 (SourceCounts, 1);
      sc->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->sources, g_strdup (source), sc);
    }
  sc->n_articles++;
  set = distinct_fingerprints (body);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gpointer old_key = NULL, value = NULL;

      if (g_hash_table_lookup_extended (sc->counts, key, &old_key, &value))
        g_hash_table_insert (sc->counts, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
      else
        g_hash_table_insert (sc->counts, g_strdup (key), GUINT_TO_POINTER (1));
    }
}

void
dossier_boilerplate_remove_article (DossierBoilerplate *self,
                                    const char         *source,
                                    const char         *body)
{
  g_autoptr(GHashTable) set = NULL;
  SourceCounts *sc;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (self != NULL);

  if (source == NULL || body == NULL)
    return;
  sc = g_hash_table_lookup (self->sources, source);
  if (sc == NULL || sc->n_articles == 0)
    return;
  sc->n_articles--;
  set = distinct_fingerprints (body);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (sc->counts, key));

      if (count <= 1)
        g_hash_table_remove (sc->counts, key);
      else
        g_hash_table_insert (sc->counts, g_strdup (key), GUINT_TO_POINTER (count - 1));
    }
}

guint
dossier_boilerplate_get_n_articles (DossierBoilerplate *self,
                                    const char         *source)
{
  SourceCounts *sc;

  g_return_val_if_fail (self != NULL, 0);

  sc = source ? g_hash_table_lookup (self->sources, source) : NULL;
  return sc ? sc->n_articles : 0;
}

guint
dossier_boilerplate_get_count (DossierBoilerplate *self,
                               const char         *source,
                               const char         *fingerprint)
{
  SourceCounts *sc;

  g_return_val_if_fail (self != NULL, 0);

  if (source == NULL || fingerprint == NULL)
    return 0;
  sc = g_hash_table_lookup (self->sources, source);
  return sc ? GPOINTER_TO_UINT (g_hash_table_lookup (sc->counts, fingerprint)) : 0;
}

gboolean
dossier_boilerplate_is_boilerplate (DossierBoilerplate *self,
                                    const char         *source,
                                    const char         *fingerprint)
{
  return dossier_boilerplate_decide (dossier_boilerplate_get_count (self, source, fingerprint),
                                     dossier_boilerplate_get_n_articles (self, source));
}

typedef struct
{
  DossierBoilerplate *self;
  const char         *source;
} CleanData;

static gboolean
is_boilerplate_cb (const char *fingerprint,
                   gpointer    data)
{
  CleanData *cd = data;

  return dossier_boilerplate_is_boilerplate (cd->self, cd->source, fingerprint);
}

char *
dossier_boilerplate_clean_article (DossierBoilerplate *self,
                                   const char         *source,
                                   const char         *body)
{
  CleanData cd = { self, source };

  g_return_val_if_fail (self != NULL, NULL);

  if (source == NULL)
    return NULL;
  return dossier_boilerplate_clean (body, is_boilerplate_cb, &cd);
}
