/* dossier-anchor-myers.c — Myers' bit-parallel edit distance (Myers 1999,
 * with the block form for patterns longer than 64 characters): the match
 * tables, one run of a pattern over a text, and the edit distance of two
 * strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include "dossier-anchor-private.h"

/* {{{ Myers' bit-parallel edit distance */

void
_dossier_anchor_pattern_init (Pattern        *p,
                              const guint32  *ids,
                              int             m,
                              guint32         n_ids,
                              gboolean        reversed)
{
  int i;

  g_assert (m > 0);

  p->m = m;
  p->n_blocks = (m + 63) / 64;
  p->n_ids = n_ids;
  p->peq = g_new0 (guint64, (gsize) n_ids * p->n_blocks);

  for (i = 0; i < m; i++)
    {
      guint32 id = ids[reversed ? m - 1 - i : i];

      if (id != 0)
        p->peq[(gsize) id * p->n_blocks + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

/* Runs @p over @n text ids starting at @text and moving by @step (1 or
 * -1).  When @anchored, the match must start at the first text character
 * and scores[j] is the edit distance between the pattern and the first
 * j + 1 text characters; otherwise the match may start anywhere and
 * scores[j] is the best distance of a match ending at j.  Returns the last
 * score (p->m when @n is 0).  @scores may be NULL. */
int
_dossier_anchor_myers_run (const Pattern *p,
                           const guint32 *text,
                           int            n,
                           int            step,
                           gboolean       anchored,
                           int           *scores)
{
  int score = p->m;
  int j;

  if (p->n_blocks == 1)
    {
      const guint64 *peq = p->peq;
      guint64 high = G_GUINT64_CONSTANT (1) << (p->m - 1);
      guint64 pv = ~G_GUINT64_CONSTANT (0);
      guint64 mv = 0;
      guint64 carry = anchored ? 1 : 0;

      for (j = 0; j < n; j++, text += step)
        {
          guint64 eq = peq[*text];
          guint64 xv = eq | mv;
          guint64 xh = (((eq & pv) + pv) ^ pv) | eq;
          guint64 ph = mv | ~(xh | pv);
          guint64 mh = pv & xh;

          if (ph & high)
            score++;
          else if (mh & high)
            score--;
          ph = (ph << 1) | carry;
          mh <<= 1;
          pv = mh | ~(xv | ph);
          mv = ph & xv;
          if (scores != NULL)
            scores[j] = score;
        }
      return score;
    }
  else
    {
      int nb = p->n_blocks;
      guint64 *pvs = g_new (guint64, nb);
      guint64 *mvs = g_new0 (guint64, nb);
      guint64 last_high = G_GUINT64_CONSTANT (1) << ((p->m - 1) % 64);
      int b;

      for (b = 0; b < nb; b++)
        pvs[b] = ~G_GUINT64_CONSTANT (0);

      for (j = 0; j < n; j++, text += step)
        {
          const guint64 *peq = p->peq + (gsize) *text * nb;
          int hin = anchored ? 1 : 0;

          for (b = 0; b < nb; b++)
            {
              guint64 eq = peq[b];
              guint64 pv = pvs[b];
              guint64 mv = mvs[b];
              guint64 high = (b == nb - 1) ? last_high : G_GUINT64_CONSTANT (1) << 63;
              guint64 xv, xh, ph, mh;
              int hout = 0;

              xv = eq | mv;
              if (hin < 0)
                eq |= 1;
              xh = (((eq & pv) + pv) ^ pv) | eq;
              ph = mv | ~(xh | pv);
              mh = pv & xh;
              if (ph & high)
                hout = 1;
              else if (mh & high)
                hout = -1;
              ph <<= 1;
              mh <<= 1;
              if (hin < 0)
                mh |= 1;
              else if (hin > 0)
                ph |= 1;
              pvs[b] = mh | ~(xv | ph);
              mvs[b] = ph & xv;
              hin = hout;
            }
          score += hin;
          if (scores != NULL)
            scores[j] = score;
        }

      g_free (pvs);
      g_free (mvs);
      return score;
    }
}

/* }}} */
/* {{{ Edit distance of two strings */

int
dossier_utf8_edit_distance (const char *a,
                            const char *b)
{
  g_autoptr(GHashTable) alphabet = g_hash_table_new (NULL, NULL);
  g_autofree guint32 *ia = NULL;
  g_autofree guint32 *ib = NULL;
  const char *strs[2];
  guint32 *ids[2];
  int lens[2];
  Pattern p;
  int i, j, d;

  strs[0] = a != NULL ? a : "";
  strs[1] = b != NULL ? b : "";

  for (i = 0; i < 2; i++)
    {
      const char *s;

      lens[i] = (int) g_utf8_strlen (strs[i], -1);
      ids[i] = g_new (guint32, MAX (lens[i], 1));
      for (s = strs[i], j = 0; j < lens[i]; j++, s = g_utf8_next_char (s))
        {
          gpointer key = GUINT_TO_POINTER (g_utf8_get_char (s));
          guint32 id = GPOINTER_TO_UINT (g_hash_table_lookup (alphabet, key));

          if (id == 0)
            {
              id = g_hash_table_size (alphabet) + 1;
              g_hash_table_insert (alphabet, key, GUINT_TO_POINTER (id));
            }
          ids[i][j] = id;
        }
    }
  ia = ids[0];
  ib = ids[1];

  if (lens[0] == 0)
    return lens[1];
  if (lens[1] == 0)
    return lens[0];

  _dossier_anchor_pattern_init (&p, ia, lens[0], g_hash_table_size (alphabet) + 1, FALSE);
  d = _dossier_anchor_myers_run (&p, ib, lens[1], 1, TRUE, NULL);
  pattern_clear (&p);
  return d;
}

/* }}} */
