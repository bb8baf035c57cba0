/* dossier-anchor-text.c — an article body prepared for anchoring: its
 * characters, their folded comparison form and its alphabet; and the
 * UTF-8 helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folding maps the text to a comparison form, keeping for every folded
 * character the range of original characters it came from (see
 * dossier-anchor.c).  The folded text is turned into small integer ids
 * (the body's own alphabet), which keeps Myers' match tables dense.
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include "dossier-anchor-private.h"

#include <string.h>

/* A folded string: characters and where each came from. */
typedef struct
{
  gunichar *chars;
  int      *src_start;
  int      *src_end;
  int       len;
  int       cap;
} Folded;

/* {{{ Folding */

static G_GNUC_NO_INLINE void
folded_grow (Folded *f)
{
  f->cap = MAX (16, f->cap * 2);
  f->chars = g_renew (gunichar, f->chars, f->cap);
  f->src_start = g_renew (int, f->src_start, f->cap);
  f->src_end = g_renew (int, f->src_end, f->cap);
}

static inline void
folded_push (Folded   *f,
             gunichar  c,
             int       start,
             int       end)
{
  if (G_UNLIKELY (f->len == f->cap))
    folded_grow (f);
  f->chars[f->len] = c;
  f->src_start[f->len] = start;
  f->src_end[f->len] = end;
  f->len++;
}

static void
folded_clear (Folded *f)
{
  g_clear_pointer (&f->chars, g_free);
  g_clear_pointer (&f->src_start, g_free);
  g_clear_pointer (&f->src_end, g_free);
  f->len = f->cap = 0;
}

static gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD                     /* soft hyphen */
         || c == 0x200B                  /* zero-width space */
         || c == 0x200E || c == 0x200F   /* LRM, RLM */
         || (c >= 0x202A && c <= 0x202E) /* bidi embeddings */
         || c == 0x2060                  /* word joiner */
         || (c >= 0x2066 && c <= 0x2069) /* bidi isolates */
         || c == 0xFEFF;                 /* BOM, ZWNBSP */
}

static void
fold_char (Folded   *out,
           gunichar  c,
           int       i)
{
  gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n, k;

  if (c < 0xC0)
    {
      folded_push (out, c, i, i + 1);
      return;
    }

  switch (c)
    {
    case 0x02BC: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032:
      folded_push (out, '\'', i, i + 1);
      return;

    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      folded_push (out, '"', i, i + 1);
      return;

    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      folded_push (out, '-', i, i + 1);
      return;

    case 0x2026:
      for (k = 0; k < 3; k++)
        folded_push (out, '.', i, i + 1);
      return;

    default:
      break;
    }

  n = g_unichar_fully_decompose (c, FALSE, buf, G_N_ELEMENTS (buf));
  for (k = 0; k < n; k++)
    folded_push (out, buf[k], i, i + 1);
}

/* Folds @len bytes of valid UTF-8.  @raw_to_fold, if given, has room for
 * one entry per character plus one. */
static void
fold_utf8 (const char *s,
           gsize       len,
           Folded     *out,
           int        *raw_to_fold)
{
  const char *p = s;
  const char *end = s + len;
  gboolean in_space = FALSE;
  int i = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p++;
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      if (raw_to_fold != NULL)
        raw_to_fold[i] = out->len;

      if (is_space (c))
        {
          if (in_space)
            out->src_end[out->len - 1] = i + 1;
          else
            folded_push (out, ' ', i, i + 1);
          in_space = TRUE;
        }
      else if (!is_ignorable (c))
        {
          in_space = FALSE;
          fold_char (out, c, i);
        }
      i++;
    }

  if (raw_to_fold != NULL)
    raw_to_fold[i] = out->len;
}

/* Folds a string and drops its outer white space. */
static void
fold_trimmed (const char *s,
              Folded     *out)
{
  int skip = 0;

  fold_utf8 (s, strlen (s), out, NULL);
  if (out->len > 0 && out->chars[out->len - 1] == ' ')
    out->len--;
  if (out->len > 0 && out->chars[0] == ' ')
    skip = 1;
  if (skip)
    {
      memmove (out->chars, out->chars + 1, (out->len - 1) * sizeof (gunichar));
      memmove (out->src_start, out->src_start + 1, (out->len - 1) * sizeof (int));
      memmove (out->src_end, out->src_end + 1, (out->len - 1) * sizeof (int));
      out->len--;
    }
}

/* }}} */
/* {{{ Alphabet */

static guint32
text_lookup_id (const DossierAnchorText *t,
                gunichar                 c)
{
  if (c < 0x10000)
    {
      const guint32 *page = t->bmp_ids[c >> 8];

      return page != NULL ? page[c & 0xFF] : 0;
    }
  if (t->astral_ids == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->astral_ids, GUINT_TO_POINTER (c)));
}

static guint32
text_intern_id (DossierAnchorText *t,
                gunichar           c)
{
  guint32 id = text_lookup_id (t, c);

  if (id != 0)
    return id;

  id = t->n_ids++;
  if (c < 0x10000)
    {
      if (t->bmp_ids[c >> 8] == NULL)
        t->bmp_ids[c >> 8] = g_new0 (guint32, 256);
      t->bmp_ids[c >> 8][c & 0xFF] = id;
    }
  else
    {
      if (t->astral_ids == NULL)
        t->astral_ids = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (t->astral_ids, GUINT_TO_POINTER (c), GUINT_TO_POINTER (id));
    }
  return id;
}

/* }}} */
/* {{{ DossierAnchorText */

DossierAnchorText *
dossier_anchor_text_new (const char *body)
{
  DossierAnchorText *t = g_new0 (DossierAnchorText, 1);
  Folded f = { 0 };
  const char *p;
  int i;

  if (body == NULL)
    body = "";
  if (g_utf8_validate (body, -1, NULL))
    t->body = g_strdup (body);
  else
    t->body = g_utf8_make_valid (body, -1);
  t->body_len = strlen (t->body);
  t->n_chars = (int) g_utf8_strlen (t->body, t->body_len);

  t->byte_at = g_new (gsize, t->n_chars + 1);
  for (p = t->body, i = 0; i < t->n_chars; i++, p = g_utf8_next_char (p))
    t->byte_at[i] = p - t->body;
  t->byte_at[t->n_chars] = t->body_len;

  t->raw_to_fold = g_new (int, t->n_chars + 1);
  /* nearly every character folds to one */
  f.cap = t->n_chars + 16;
  f.chars = g_new (gunichar, f.cap);
  f.src_start = g_new (int, f.cap);
  f.src_end = g_new (int, f.cap);
  fold_utf8 (t->body, t->body_len, &f, t->raw_to_fold);

  t->n_fold = f.len;
  t->fold_start = g_steal_pointer (&f.src_start);
  t->fold_end = g_steal_pointer (&f.src_end);
  t->fold = g_new (guint32, MAX (f.len, 1));
  t->n_ids = 1;
  for (i = 0; i < f.len; i++)
    t->fold[i] = text_intern_id (t, f.chars[i]);
  folded_clear (&f);

  if (t->n_ids <= 256)
    {
      t->fold8 = g_new (guint8, MAX (t->n_fold, 1));
      for (i = 0; i < t->n_fold; i++)
        t->fold8[i] = (guint8) t->fold[i];
    }

  return t;
}

void
dossier_anchor_text_free (DossierAnchorText *text)
{
  guint i;

  if (text == NULL)
    return;
  g_free (text->body);
  g_free (text->byte_at);
  g_free (text->fold);
  g_free (text->fold8);
  g_free (text->fold_start);
  g_free (text->fold_end);
  g_free (text->raw_to_fold);
  for (i = 0; i < G_N_ELEMENTS (text->bmp_ids); i++)
    g_free (text->bmp_ids[i]);
  g_clear_pointer (&text->astral_ids, g_hash_table_unref);
  g_free (text);
}

int
dossier_anchor_text_get_length (const DossierAnchorText *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return text->n_chars;
}

static char *
text_slice (const DossierAnchorText *t,
            int                      start,
            int                      end)
{
  return g_strndup (t->body + t->byte_at[start], t->byte_at[end] - t->byte_at[start]);
}

DossierAnchor *
dossier_anchor_text_new_anchor (const DossierAnchorText *text,
                                int                      start,
                                int                      end)
{
  DossierAnchor *anchor;

  g_return_val_if_fail (text != NULL, NULL);

  if (start < 0 || end > text->n_chars || start >= end)
    return NULL;

  anchor = g_new0 (DossierAnchor, 1);
  anchor->quote = text_slice (text, start, end);
  anchor->prefix = text_slice (text, MAX (0, start - CONTEXT_LEN), start);
  anchor->suffix = text_slice (text, end, MIN (text->n_chars, end + CONTEXT_LEN));
  anchor->start = start;
  anchor->end = end;
  return anchor;
}

/* Folds @s (valid UTF-8) and maps it to the text's ids.  Returns the
 * length; ids not in the body are 0. */
int
_dossier_anchor_text_fold_ids (const DossierAnchorText  *t,
                               const char               *s,
                               gboolean                  trim,
                               guint32                 **out_ids)
{
  Folded f = { 0 };
  guint32 *ids;
  int i;

  if (trim)
    fold_trimmed (s, &f);
  else
    fold_utf8 (s, strlen (s), &f, NULL);

  ids = g_new (guint32, MAX (f.len, 1));
  for (i = 0; i < f.len; i++)
    ids[i] = text_lookup_id (t, f.chars[i]);
  *out_ids = ids;
  i = f.len;
  folded_clear (&f);
  return i;
}

/* }}} */
/* {{{ UTF-8 helpers */

gsize
dossier_utf8_offset_to_byte (const char *s,
                             int         char_offset)
{
  const char *p = s;
  int i;

  if (s == NULL)
    return 0;
  for (i = 0; i < char_offset && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return p - s;
}

int
dossier_utf8_byte_to_offset (const char *s,
                             gsize       byte_offset)
{
  const char *p = s;
  int n = 0;

  if (s == NULL)
    return 0;
  while (*p != '\0' && (gsize) (p - s) < byte_offset)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  return n;
}

char *
dossier_utf8_slice (const char *s,
                    int         start,
                    int         end)
{
  gsize b0, b1;

  if (s == NULL || end <= start)
    return g_strdup ("");
  b0 = dossier_utf8_offset_to_byte (s, MAX (start, 0));
  b1 = b0 + dossier_utf8_offset_to_byte (s + b0, end - MAX (start, 0));
  return g_strndup (s + b0, b1 - b0);
}

gboolean
dossier_utf8_fold_equal (const char *a,
                         const char *b)
{
  Folded fa = { 0 };
  Folded fb = { 0 };
  gboolean equal;

  if (a == NULL || b == NULL)
    return a == b;
  if (!g_utf8_validate (a, -1, NULL) || !g_utf8_validate (b, -1, NULL))
    return strcmp (a, b) == 0;

  fold_trimmed (a, &fa);
  fold_trimmed (b, &fb);
  equal = fa.len == fb.len
          && (fa.len == 0 || memcmp (fa.chars, fb.chars, fa.len * sizeof (gunichar)) == 0);
  folded_clear (&fa);
  folded_clear (&fb);
  return equal;
}

/* }}} */
