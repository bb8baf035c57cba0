/* dossier-sentence-diff.c — what changed between two versions of a text, sentence by sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dossier-sentence-diff.h"

#include <string.h>
#include "dossier-shingles.h"

/* The exact alignment keeps one byte per pair of sentences: at most this
 * many (4 MB, a few milliseconds). */
#define CELL_CAP (4u * 1024u * 1024u)
/* How often a part too large for the exact alignment is split again on
 * its sentences that occur once on each side. */
#define MAX_DEPTH 4
/* How many of the added sentences that follow a removed one are tried as
 * its new wording. */
#define CHANGED_LOOKAHEAD 3

static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "jr", "sr",
  "inc", "co", "corp", "ltd", "no", "vs", "lt", "col", "capt", "sgt", "rev", "hon",
  "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "dipl", "bzw", "z.b",
};

/* Whether the full stop at @dot ends an abbreviation or an initial rather
 * than a sentence. */
static gboolean
is_abbreviation (const char *text,
                 gsize       start,
                 gsize       dot)
{
  gsize w = dot;
  char word[8];
  gsize n;

  while (w > start && (g_ascii_isalpha (text[w - 1]) || (text[w - 1] == '.' && w - 1 > start)))
    w--;
  n = dot - w;
  if (n == 0)
    return FALSE;
  if (n == 1 && g_ascii_isupper (text[w]))
    return TRUE;
  if (n >= sizeof word)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    word[i] = g_ascii_tolower (text[w + i]);
  word[n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strcmp (word, abbreviations[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The length of a closing quote or bracket at @p, or 0. */
static gsize
closer_len (const char *p,
            const char *end)
{
  static const char * const closers[] = { "\"", "'", ")", "]", "\xc2\xbb", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\x9c" };

  for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
    {
      gsize n = strlen (closers[i]);

      if ((gsize) (end - p) >= n && memcmp (p, closers[i], n) == 0)
        return n;
    }
  return 0;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void
close_sentence (GArray     *out,
                const char *text,
                gsize       start,
                gsize       end,
                guint       paragraph)
{
  DossierSentence s = { start, end, paragraph, 0, 0 };
  const char *p = text + start;
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 w;

  while (s.end > s.start && is_space (text[s.end - 1]))
    s.end--;
  if (s.end == s.start)
    return;
  while (dossier_shingles_next_word (&p, text + s.end, &w, NULL, NULL))
    {
      h = dossier_shingles_mix (h + w);
      s.n_words++;
    }
  s.hash = s.n_words > 0 ? h | 1 : 0;
  g_array_append_val (out, s);
}

GArray *
dossier_sentence_split (const char *text,
                        gssize      len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DossierSentence));
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  gsize start = 0;
  gboolean open = FALSE;
  guint paragraph = 0;
  guint in_paragraph = 0;

  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '\n')
        {
          if (open)
            {
              close_sentence (out, text, start, i, paragraph);
              in_paragraph++;
              open = FALSE;
            }
          if (in_paragraph > 0)
            paragraph++;
          in_paragraph = 0;
          continue;
        }
      if (!open)
        {
          if (is_space (c))
            continue;
          start = i;
          open = TRUE;
        }
      if (c == '.' || c == '!' || c == '?')
        {
          gsize j = i + 1;
          gsize k;

          while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
            j++;
          while (j < n && (k = closer_len (text + j, text + n)) > 0)
            j += k;
          if (j < n && !is_space (text[j]))
            continue;
          if (c == '.' && j == i + 1 && is_abbreviation (text, start, i))
            continue;
          /* "Yes!" they said: a sentence goes on in lower case */
          for (k = j; k < n && (text[k] == ' ' || text[k] == '\t'); k++)
            ;
          if (k > j && k < n && g_ascii_islower (text[k]))
            continue;
          close_sentence (out, text, start, j, paragraph);
          in_paragraph++;
          open = FALSE;
          i = j - 1;
        }
    }
  if (open)
    close_sentence (out, text, start, n, paragraph);
  return out;
}

typedef struct
{
  const DossierSentence *a;
  const DossierSentence *b;
  GArray                *edits;
  gboolean               approximate;
} Aligner;

static void
emit (Aligner          *al,
      DossierSentenceOp op,
      int               i,
      int               j)
{
  DossierSentenceEdit e = { op, i, j };

  g_array_append_val (al->edits, e);
}

static void
emit_gap (Aligner *al,
          guint    a0,
          guint    a1,
          guint    b0,
          guint    b1)
{
  for (guint i = a0; i < a1; i++)
    emit (al, DOSSIER_SENTENCE_REMOVED, i, -1);
  for (guint j = b0; j < b1; j++)
    emit (al, DOSSIER_SENTENCE_ADDED, -1, j);
}

enum { DIR_DIAG = 1, DIR_UP, DIR_LEFT };

/* The exact longest common subsequence of [a0, a1) and [b0, b1). */
static void
align_exact (Aligner *al,
             guint    a0,
             guint    a1,
             guint    b0,
             guint    b1)
{
  gsize n = a1 - a0, m = b1 - b0;
  g_autofree guint8 *dir = g_malloc (n * m);
  g_autofree guint32 *prev = g_new0 (guint32, m + 1);
  g_autofree guint32 *cur = g_new0 (guint32, m + 1);
  g_autoptr(GArray) rev = g_array_new (FALSE, FALSE, sizeof (DossierSentenceEdit));
  gsize i, j;

  for (i = 1; i <= n; i++)
    {
      guint32 *t;

      cur[0] = 0;
      for (j = 1; j <= m; j++)
        {
          guint8 d;

          if (al->a[a0 + i - 1].hash == al->b[b0 + j - 1].hash)
            cur[j] = prev[j - 1] + 1, d = DIR_DIAG;
          else if (prev[j] >= cur[j - 1])
            cur[j] = prev[j], d = DIR_UP;
          else
            cur[j] = cur[j - 1], d = DIR_LEFT;
          dir[(i - 1) * m + (j - 1)] = d;
        }
      t = prev, prev = cur, cur = t;
    }
  i = n, j = m;
  while (i > 0 || j > 0)
    {
      DossierSentenceEdit e;
      guint8 d = i == 0 ? DIR_LEFT : j == 0 ? DIR_UP : dir[(i - 1) * m + (j - 1)];

      if (d == DIR_DIAG)
        e = (DossierSentenceEdit) { DOSSIER_SENTENCE_SAME, a0 + --i, b0 + --j };
      else if (d == DIR_UP)
        e = (DossierSentenceEdit) { DOSSIER_SENTENCE_REMOVED, a0 + --i, -1 };
      else
        e = (DossierSentenceEdit) { DOSSIER_SENTENCE_ADDED, -1, b0 + --j };
      g_array_append_val (rev, e);
    }
  for (guint k = rev->len; k > 0; k--)
    g_array_append_val (al->edits, g_array_index (rev, DossierSentenceEdit, k - 1));
}

typedef struct
{
  guint count_a, count_b;
  guint index_b;
} Occurrence;

static void align (Aligner *al, guint a0, guint a1, guint b0, guint b1, guint depth);

/* Aligns on the sentences found once on each side, in the longest run
 * that keeps their order on both; FALSE when there is none. */
static gboolean
align_anchors (Aligner *al,
               guint    a0,
               guint    a1,
               guint    b0,
               guint    b1,
               guint    depth)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) occ = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_autoptr(GArray) anchor_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) anchor_b = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *tails = NULL;
  g_autofree guint *back = NULL;
  guint n_tails = 0;
  guint pa = a0, pb = b0;
  g_autofree guint *chain = NULL;
  guint k;

  for (guint i = a0; i < a1; i++)
    {
      gpointer v = g_hash_table_lookup (seen, &al->a[i].hash);

      if (v == NULL)
        {
          Occurrence o = { 1, 0, 0 };

          g_array_append_val (occ, o);
          g_hash_table_insert (seen, (gpointer) &al->a[i].hash, GUINT_TO_POINTER (occ->len));
        }
      else
        g_array_index (occ, Occurrence, GPOINTER_TO_UINT (v) - 1).count_a++;
    }
  for (guint j = b0; j < b1; j++)
    {
      gpointer v = g_hash_table_lookup (seen, &al->b[j].hash);

      if (v != NULL)
        {
          Occurrence *o = &g_array_index (occ, Occurrence, GPOINTER_TO_UINT (v) - 1);

          o->count_b++;
          o->index_b = j;
        }
    }
  for (guint i = a0; i < a1; i++)
    {
      Occurrence *o = &g_array_index (occ, Occurrence,
                                      GPOINTER_TO_UINT (g_hash_table_lookup (seen, &al->a[i].hash)) - 1);

      if (o->count_a == 1 && o->count_b == 1)
        {
          g_array_append_val (anchor_a, i);
          g_array_append_val (anchor_b, o->index_b);
        }
    }
  if (anchor_a->len == 0)
    return FALSE;

  /* the longest increasing run of anchor_b (patience sorting) */
  tails = g_new (guint, anchor_b->len);
  back = g_new (guint, anchor_b->len);
  for (k = 0; k < anchor_b->len; k++)
    {
      guint v = g_array_index (anchor_b, guint, k);
      guint lo = 0, hi = n_tails;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (anchor_b, guint, tails[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      back[k] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = k;
      if (lo == n_tails)
        n_tails++;
    }
  chain = g_new (guint, n_tails);
  k = tails[n_tails - 1];
  for (guint c = n_tails; c > 0; c--)
    {
      chain[c - 1] = k;
      k = back[k];
    }
  for (guint c = 0; c < n_tails; c++)
    {
      guint ia = g_array_index (anchor_a, guint, chain[c]);
      guint ib = g_array_index (anchor_b, guint, chain[c]);

      align (al, pa, ia, pb, ib, depth + 1);
      emit (al, DOSSIER_SENTENCE_SAME, ia, ib);
      pa = ia + 1, pb = ib + 1;
    }
  align (al, pa, a1, pb, b1, depth + 1);
  return TRUE;
}

static void
align (Aligner *al,
       guint    a0,
       guint    a1,
       guint    b0,
       guint    b1,
       guint    depth)
{
  guint tail = 0;

  while (a0 < a1 && b0 < b1 && al->a[a0].hash == al->b[b0].hash)
    emit (al, DOSSIER_SENTENCE_SAME, a0++, b0++);
  while (a1 - tail > a0 && b1 - tail > b0 && al->a[a1 - tail - 1].hash == al->b[b1 - tail - 1].hash)
    tail++;
  a1 -= tail, b1 -= tail;

  if (a0 == a1 || b0 == b1)
    emit_gap (al, a0, a1, b0, b1);
  else if ((guint64) (a1 - a0) * (b1 - b0) <= CELL_CAP)
    align_exact (al, a0, a1, b0, b1);
  else if (depth >= MAX_DEPTH || !align_anchors (al, a0, a1, b0, b1, depth))
    {
      al->approximate = TRUE;
      emit_gap (al, a0, a1, b0, b1);
    }

  for (guint t = 0; t < tail; t++)
    emit (al, DOSSIER_SENTENCE_SAME, a1 + t, b1 + t);
}

static int
compare_u64 (gconstpointer x,
             gconstpointer y)
{
  guint64 a = *(const guint64 *) x, b = *(const guint64 *) y;

  return a < b ? -1 : a > b;
}

/* The distinct words of a sentence, sorted. */
static GArray *
sentence_words (const char            *text,
                const DossierSentence *s)
{
  GArray *words = g_array_sized_new (FALSE, FALSE, sizeof (guint64), s->n_words);
  const char *p = text + s->start;
  guint64 w;
  guint n = 0;

  while (dossier_shingles_next_word (&p, text + s->end, &w, NULL, NULL))
    g_array_append_val (words, w);
  g_array_sort (words, compare_u64);
  for (guint i = 0; i < words->len; i++)
    if (n == 0 || g_array_index (words, guint64, i) != g_array_index (words, guint64, n - 1))
      g_array_index (words, guint64, n++) = g_array_index (words, guint64, i);
  g_array_set_size (words, n);
  return words;
}

/* Whether two sentences share at least half of the words of the longer. */
static gboolean
similar (const char            *old_text,
         const DossierSentence *a,
         const char            *new_text,
         const DossierSentence *b)
{
  g_autoptr(GArray) wa = NULL;
  g_autoptr(GArray) wb = NULL;
  guint i = 0, j = 0, shared = 0;

  if (a->n_words == 0 || b->n_words == 0)
    return FALSE;
  if (MIN (a->n_words, b->n_words) * 2 < MAX (a->n_words, b->n_words))
    return FALSE;
  wa = sentence_words (old_text, a);
  wb = sentence_words (new_text, b);
  while (i < wa->len && j < wb->len)
    {
      guint64 x = g_array_index (wa, guint64, i), y = g_array_index (wb, guint64, j);

      if (x == y)
        shared++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }
  return shared * 2 >= MAX (wa->len, wb->len);
}

/* Rewrites each run of removed and added sentences so that a removed one
 * followed by a similar added one becomes a changed one, and counts. */
static void
pair_changes (DossierSentenceDiff *diff,
              const char          *old_text,
              const char          *new_text,
              GArray              *edits)
{
  const DossierSentence *a = (const DossierSentence *) diff->old_sentences->data;
  const DossierSentence *b = (const DossierSentence *) diff->new_sentences->data;
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (int));
  guint k = 0;

  while (k < edits->len)
    {
      DossierSentenceEdit e = g_array_index (edits, DossierSentenceEdit, k);
      guint j = 0;

      if (e.op == DOSSIER_SENTENCE_SAME)
        {
          g_array_append_val (diff->edits, e);
          diff->n_same++;
          k++;
          continue;
        }
      g_array_set_size (removed, 0);
      g_array_set_size (added, 0);
      for (; k < edits->len && g_array_index (edits, DossierSentenceEdit, k).op != DOSSIER_SENTENCE_SAME; k++)
        {
          e = g_array_index (edits, DossierSentenceEdit, k);
          if (e.op == DOSSIER_SENTENCE_REMOVED)
            g_array_append_val (removed, e.old_index);
          else
            g_array_append_val (added, e.new_index);
        }
      for (guint r = 0; r < removed->len; r++)
        {
          int ia = g_array_index (removed, int, r);
          guint found = G_MAXUINT;

          for (guint t = j; t < added->len && t < j + CHANGED_LOOKAHEAD; t++)
            if (similar (old_text, &a[ia], new_text, &b[g_array_index (added, int, t)]))
              {
                found = t;
                break;
              }
          if (found == G_MAXUINT)
            {
              emit (&(Aligner) { .edits = diff->edits }, DOSSIER_SENTENCE_REMOVED, ia, -1);
              diff->n_removed++;
              continue;
            }
          for (; j < found; j++)
            {
              emit (&(Aligner) { .edits = diff->edits }, DOSSIER_SENTENCE_ADDED, -1, g_array_index (added, int, j));
              diff->n_added++;
            }
          emit (&(Aligner) { .edits = diff->edits }, DOSSIER_SENTENCE_CHANGED, ia, g_array_index (added, int, j));
          diff->n_changed++;
          j++;
        }
      for (; j < added->len; j++)
        {
          emit (&(Aligner) { .edits = diff->edits }, DOSSIER_SENTENCE_ADDED, -1, g_array_index (added, int, j));
          diff->n_added++;
        }
    }
}

DossierSentenceDiff *
dossier_sentence_diff_new (const char *old_text,
                           const char *new_text)
{
  DossierSentenceDiff *diff = g_new0 (DossierSentenceDiff, 1);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (DossierSentenceEdit));
  Aligner al;

  old_text = old_text ? old_text : "";
  new_text = new_text ? new_text : "";
  diff->old_sentences = dossier_sentence_split (old_text, -1);
  diff->new_sentences = dossier_sentence_split (new_text, -1);
  diff->edits = g_array_new (FALSE, FALSE, sizeof (DossierSentenceEdit));
  al = (Aligner) {
    (const DossierSentence *) diff->old_sentences->data,
    (const DossierSentence *) diff->new_sentences->data,
    edits, FALSE
  };
  align (&al, 0, diff->old_sentences->len, 0, diff->new_sentences->len, 0);
  diff->approximate = al.approximate;
  pair_changes (diff, old_text, new_text, edits);
  return diff;
}

void
dossier_sentence_diff_free (DossierSentenceDiff *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->old_sentences);
  g_array_unref (self->new_sentences);
  g_array_unref (self->edits);
  g_free (self);
}
