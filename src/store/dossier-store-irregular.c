/* dossier-store-irregular.c — irregular and suppletive word forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table (dossier-irregular-table.h) is generated once by
 * build-aux/make-irregular-forms and kept in the tree, so every build
 * indexes the same way.  It is sorted by form in byte order.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <string.h>

#include "dossier-store-irregular.h"

typedef struct
{
  const char *form;
  const char *lemma;
} IrregularForm;

static const IrregularForm irregular_forms[] = {
#define DOSSIER_IRREGULAR(form, lemma) { form, lemma },
  DOSSIER_IRREGULAR_FORMS
#undef DOSSIER_IRREGULAR
};

static int
compare_form (const char *word,
              int         len,
              const char *form)
{
  int c = strncmp (word, form, len);

  if (c != 0)
    return c;
  return form[len] == '\0' ? 0 : -1;
}

const char *
_dossier_irregular_lemma (const char *word,
                          int         len)
{
  gsize lo = 0, hi = G_N_ELEMENTS (irregular_forms);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int c = compare_form (word, len, irregular_forms[mid].form);

      if (c == 0)
        return irregular_forms[mid].lemma;
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}
