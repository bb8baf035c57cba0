/* dossier-store-irregular.h — irregular and suppletive word forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dossier-irregular-table.h"

G_BEGIN_DECLS

/* The lemma of @word (lower case, @len bytes) when it is an irregular
 * form of another word (said → say, люди → человек), else NULL */
const char *_dossier_irregular_lemma (const char *word,
                                      int         len);

G_END_DECLS
