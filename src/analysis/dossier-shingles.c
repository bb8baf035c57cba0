/* dossier-shingles.c — dated articles that tell the same story in the same words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shingles"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-shingles.h"

#define SHINGLE_WORDS    5
#define MAX_TEXT_BYTES   (512 * 1024)  /* longer texts: their start only */
#define MIN_TARGET_WORDS 20
#define MAX_DATED_DOCS   8     /* a shingle in more dated articles is common */
#define MAX_TARGET_DOCS  8     /* ... or in more undated ones */
#define MAX_SPREAD_DAYS  14    /* one story's articles lie this close */
#define MIN_SHARED       3     /* sampled shingles for a match (some 12 in all) */
#define AGREE_DAYS       7

typedef struct
{
  guint64 hash;
  guint32 target;
} Entry;

typedef struct
{
  guint64 hash;
  guint32 first;       /* its entries: entries[first .. first + n) */
  guint32 n;
  guint32 dated;       /* dated articles that hold it */
  gint64  min_jd;
  gint64  max_jd;
  guint32 last_doc;    /* the last dated article that held it, + 1 */
} Key;

typedef struct
{
  guint32 key;
  guint32 doc;
} Hit;

typedef struct
{
  gint64 id;
  gint64 jd;
} Doc;

struct _DossierShingleIndex
{
  GArray     *targets;   /* gint64 ids */
  GHashTable *target_of; /* id → index + 1 */
  GArray     *entries;   /* Entry, sorted by hash once sealed */
  GArray     *runs;      /* guint: the end of each sorted run of entries */
  GArray     *keys;      /* Key, sorted by hash */
  guint32    *slots;     /* open addressing: key index + 1, 0 empty */
  guint64     mask;
  GArray     *docs;      /* Doc: the dated articles scanned */
  GArray     *hits;      /* Hit */
  GHashTable *matches;   /* target id → DossierCorpusMatch */
  gboolean    sealed;
};


gboolean
dossier_shingles_next_word (const char **pos,
                            const char  *end,
                            guint64     *hash,
                            gboolean    *capital,
                            guint       *n_chars)
{
  const char *p = *pos;
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gboolean any = FALSE;
  guint chars = 0;
  gboolean upper = FALSE;

  /* one word: letters and digits, case folded */
  while (p < end)
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b < 0x80)
        {
          if (!g_ascii_isalnum (b))
            {
              if (any)
                break;
              p++;
              continue;
            }
          if (!any)
            upper = g_ascii_isupper (b);
          c = g_ascii_tolower (b);
          p++;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, end);

          c = g_utf8_get_char_validated (p, next ? next - p : end - p);
          p = next ? next : end;
          if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalnum (c))
            {
              if (any)
                break;
              continue;
            }
          if (!any)
            upper = g_unichar_isupper (c);
          c = g_unichar_tolower (c);
        }
      h = (h ^ c) * G_GUINT64_CONSTANT (0x100000001b3);
      any = TRUE;
      chars++;
    }
  *pos = p;
  if (n_chars != NULL)
    *n_chars = chars;
  if (hash != NULL)
    *hash = h;
  if (capital != NULL)
    *capital = upper;
  return any;
}

/* Calls @func with the kept shingle hashes of @text (repeats included). */
static void
each_shingle (const char *text,
              void      (*func) (guint64 hash, gpointer data),
              gpointer    data,
              guint      *n_words)
{
  guint64 ring[SHINGLE_WORDS] = { 0 };
  const char *p = text;
  const char *end;
  guint words = 0;
  guint64 h;

  if (text == NULL)
    return;
  end = text + strnlen (text, MAX_TEXT_BYTES);
  while (dossier_shingles_next_word (&p, end, &h, NULL, NULL))
    {
      ring[words % SHINGLE_WORDS] = h;
      words++;
      if (words >= SHINGLE_WORDS)
        {
          guint64 s = 0;

          for (guint k = 0; k < SHINGLE_WORDS; k++)
            s = dossier_shingles_mix (s ^ ring[(words + k) % SHINGLE_WORDS]);
          /* the same quarter of shingles in every text */
          if ((s & 3) == 0)
            func (s, data);
        }
    }
  if (n_words != NULL)
    *n_words = words;
}

typedef struct
{
  GArray  *entries;
  guint32  target;
  guint    first;
} AddData;

static void
add_entry (guint64  hash,
           gpointer data)
{
  AddData *d = data;
  Entry e = { hash, d->target };

  g_array_append_val (d->entries, e);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->target < y->target ? -1 : x->target > y->target;
}

static void
array_unref0 (gpointer p)
{
  if (p != NULL)
    g_array_unref (p);
}

static gint64
find_key (DossierShingleIndex *self,
          guint64              hash)
{
  guint64 i;

  if (self->slots == NULL)
    return -1;
  for (i = hash & self->mask; self->slots[i] != 0; i = (i + 1) & self->mask)
    if (g_array_index (self->keys, Key, self->slots[i] - 1).hash == hash)
      return self->slots[i] - 1;
  return -1;
}

/* Turns the hits into each target's best match. */
static void
resolve (DossierShingleIndex *self)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer k, v;
  /* per target: the (doc, count) pairs */
  g_autoptr(GPtrArray) per_target = g_ptr_array_new_with_free_func (array_unref0);

  self->matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < self->hits->len; i++)
    {
      const Hit *hit = &g_array_index (self->hits, Hit, i);
      const Key *key = &g_array_index (self->keys, Key, hit->key);

      if (key->dated > MAX_DATED_DOCS || key->n > MAX_TARGET_DOCS ||
          key->max_jd - key->min_jd > MAX_SPREAD_DAYS)
        continue;
      for (guint32 e = key->first; e < key->first + key->n; e++)
        {
          guint32 target = g_array_index (self->entries, Entry, e).target;
          gint64 pair = ((gint64) target << 32) | hit->doc;
          gpointer slot;

          if (g_hash_table_lookup_extended (pairs, &pair, NULL, &slot))
            g_array_index (counts, guint, GPOINTER_TO_UINT (slot))++;
          else
            {
              guint one = 1;

              g_array_append_val (counts, one);
              g_hash_table_insert (pairs, g_memdup2 (&pair, sizeof pair),
                                   GUINT_TO_POINTER (counts->len - 1));
            }
        }
    }

  g_ptr_array_set_size (per_target, self->targets->len);
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      gint64 pair = *(gint64 *) k;
      guint count = g_array_index (counts, guint, GPOINTER_TO_UINT (v));
      guint32 target = (guint32) (pair >> 32);
      guint32 doc = (guint32) (pair & 0xffffffff);
      GArray *list;
      guint two[2] = { doc, count };

      g_free (k);
      if (count < MIN_SHARED)
        continue;
      list = g_ptr_array_index (per_target, target);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof two);
          per_target->pdata[target] = list;
        }
      g_array_append_val (list, two);
    }
  g_hash_table_steal_all (pairs);

  for (guint t = 0; t < self->targets->len; t++)
    {
      GArray *list = g_ptr_array_index (per_target, t);
      DossierCorpusMatch *m;
      guint best = 0;

      if (list == NULL)
        continue;
      for (guint i = 1; i < list->len; i++)
        {
          const guint *a = &g_array_index (list, guint, 2 * i);
          const guint *b = &g_array_index (list, guint, 2 * best);
          const Doc *da = &g_array_index (self->docs, Doc, a[0]);
          const Doc *db = &g_array_index (self->docs, Doc, b[0]);

          /* the most shared; among equals the earliest report */
          if (a[1] > b[1] || (a[1] == b[1] && (da->jd < db->jd || (da->jd == db->jd && da->id < db->id))))
            best = i;
        }
      m = g_new0 (DossierCorpusMatch, 1);
      {
        const guint *b = &g_array_index (list, guint, 2 * best);
        const Doc *db = &g_array_index (self->docs, Doc, b[0]);

        m->article_id = db->id;
        m->jd = db->jd;
        m->shared = b[1];
        m->n_matches = list->len;
        for (guint i = 0; i < list->len; i++)
          {
            const Doc *d = &g_array_index (self->docs, Doc, g_array_index (list, guint, 2 * i));

            if (i != best && ABS (d->jd - db->jd) <= AGREE_DAYS)
              m->n_agreeing++;
          }
      }
      g_hash_table_insert (self->matches,
                           g_memdup2 (&g_array_index (self->targets, gint64, t), sizeof (gint64)), m);
    }
}

DossierShingleIndex *
dossier_shingle_index_new (void)
{
  DossierShingleIndex *self = g_new0 (DossierShingleIndex, 1);

  self->targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->target_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->runs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  self->docs = g_array_new (FALSE, FALSE, sizeof (Doc));
  self->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  return self;
}

void
dossier_shingle_index_free (DossierShingleIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->targets);
  g_hash_table_unref (self->target_of);
  g_array_unref (self->entries);
  g_array_unref (self->runs);
  g_array_unref (self->keys);
  g_array_unref (self->docs);
  g_array_unref (self->hits);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_free (self->slots);
  g_free (self);
}

void
dossier_shingle_index_add_target (DossierShingleIndex *self,
                                  gint64               article_id,
                                  const char          *text)
{
  AddData d;
  guint n_words = 0;

  g_return_if_fail (self != NULL && !self->sealed);

  if (g_hash_table_contains (self->target_of, &article_id))
    return;
  d.entries = self->entries;
  d.target = self->targets->len;
  d.first = self->entries->len;
  each_shingle (text, add_entry, &d, &n_words);
  if (n_words < MIN_TARGET_WORDS)
    {
      g_array_set_size (self->entries, d.first);
      return;
    }
  g_array_append_val (self->targets, article_id);
  g_hash_table_insert (self->target_of, g_memdup2 (&article_id, sizeof article_id),
                       GUINT_TO_POINTER (self->targets->len));
}

/* Merges the sorted runs [from, mid) and [mid, to) of the entries. */
static void
merge_runs (DossierShingleIndex *self,
            guint                from,
            guint                mid,
            guint                to)
{
  Entry *e = (Entry *) (gpointer) self->entries->data;
  Entry *left = g_memdup2 (e + from, (gsize) (mid - from) * sizeof (Entry));
  guint i = 0, j = mid, k = from, n_left = mid - from;

  while (i < n_left && j < to)
    e[k++] = compare_entries (&left[i], &e[j]) <= 0 ? left[i++] : e[j++];
  while (i < n_left)
    e[k++] = left[i++];
  g_free (left);
}

static void
merge_top (DossierShingleIndex *self)
{
  guint n = self->runs->len;
  guint to = g_array_index (self->runs, guint, n - 1);
  guint mid = g_array_index (self->runs, guint, n - 2);
  guint from = n >= 3 ? g_array_index (self->runs, guint, n - 3) : 0;

  merge_runs (self, from, mid, to);
  g_array_index (self->runs, guint, n - 2) = to;
  g_array_set_size (self->runs, n - 1);
}

static void
sort_pending (DossierShingleIndex *self)
{
  guint from = self->runs->len ? g_array_index (self->runs, guint, self->runs->len - 1) : 0;
  guint to = self->entries->len;

  if (to <= from)
    return;
  qsort ((Entry *) (gpointer) self->entries->data + from, to - from, sizeof (Entry), compare_entries);
  g_array_append_val (self->runs, to);
  /* each run longer than the one above it, as a binary counter: a few
   * runs, each entry copied once per doubling */
  while (self->runs->len >= 2)
    {
      guint n = self->runs->len;
      guint top = g_array_index (self->runs, guint, n - 1) - g_array_index (self->runs, guint, n - 2);
      guint below = g_array_index (self->runs, guint, n - 2) -
                    (n >= 3 ? g_array_index (self->runs, guint, n - 3) : 0);

      if (below > top)
        break;
      merge_top (self);
    }
}

void
dossier_shingle_index_sort_added (DossierShingleIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!self->sealed)
    sort_pending (self);
}

void
dossier_shingle_index_seal (DossierShingleIndex *self)
{
  GArray *unique;

  g_return_if_fail (self != NULL);

  if (self->sealed)
    return;
  self->sealed = TRUE;
  sort_pending (self);
  while (self->runs->len >= 2)
    merge_top (self);
  /* one entry per (hash, target) */
  unique = g_array_sized_new (FALSE, FALSE, sizeof (Entry), self->entries->len);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);

      if (unique->len > 0)
        {
          const Entry *last = &g_array_index (unique, Entry, unique->len - 1);

          if (last->hash == e->hash && last->target == e->target)
            continue;
        }
      g_array_append_val (unique, *e);
    }
  g_array_unref (self->entries);
  self->entries = unique;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);
      Key *last = self->keys->len ? &g_array_index (self->keys, Key, self->keys->len - 1) : NULL;

      if (last != NULL && last->hash == e->hash)
        last->n++;
      else
        {
          Key key = { e->hash, i, 1, 0, G_MAXINT64, G_MININT64, 0 };

          g_array_append_val (self->keys, key);
        }
    }
  if (self->keys->len > 0 && self->keys->len < G_MAXUINT32 / 4)
    {
      guint64 size = 1;

      while (size < (guint64) self->keys->len * 2)
        size <<= 1;
      self->mask = size - 1;
      self->slots = g_new0 (guint32, size);
      for (guint k = 0; k < self->keys->len; k++)
        {
          guint64 i = g_array_index (self->keys, Key, k).hash & self->mask;

          while (self->slots[i] != 0)
            i = (i + 1) & self->mask;
          self->slots[i] = k + 1;
        }
    }
}

typedef struct
{
  DossierShingleIndex *self;
  guint32              doc;
  gint64               jd;
} ScanData;

static void
scan_hash (guint64  hash,
           gpointer data)
{
  ScanData *d = data;
  gint64 k = find_key (d->self, hash);
  Key *key;
  Hit hit;

  if (k < 0)
    return;
  key = &g_array_index (d->self->keys, Key, k);
  /* once per article */
  if (key->last_doc == d->doc + 1)
    return;
  key->last_doc = d->doc + 1;
  key->dated++;
  key->min_jd = MIN (key->min_jd, d->jd);
  key->max_jd = MAX (key->max_jd, d->jd);
  hit.key = (guint32) k;
  hit.doc = d->doc;
  g_array_append_val (d->self->hits, hit);
}

void
dossier_shingle_index_scan (DossierShingleIndex *self,
                            gint64               article_id,
                            gint64               jd,
                            const char          *text)
{
  Doc doc = { article_id, jd };
  ScanData d;

  g_return_if_fail (self != NULL);

  if (!self->sealed)
    dossier_shingle_index_seal (self);
  if (self->keys->len == 0 || jd < 0 || self->docs->len >= G_MAXUINT32 - 1)
    return;
  d.self = self;
  d.doc = self->docs->len;
  d.jd = jd;
  g_array_append_val (self->docs, doc);
  each_shingle (text, scan_hash, &d, NULL);
  /* a later scan invalidates what was resolved */
  g_clear_pointer (&self->matches, g_hash_table_unref);
}

gboolean
dossier_shingle_index_lookup (DossierShingleIndex *self,
                              gint64               article_id,
                              DossierCorpusMatch  *out)
{
  DossierCorpusMatch *m;

  g_return_val_if_fail (self != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (self->matches == NULL)
    resolve (self);
  m = g_hash_table_lookup (self->matches, &article_id);
  if (m == NULL)
    return FALSE;
  *out = *m;
  return TRUE;
}
