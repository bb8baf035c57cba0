/* dossier-quotes-private.h — word lists shared by the quote finder's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes a case-folded word. */
gboolean _dossier_quotes_is_speech_verb (const char *lower);
gboolean _dossier_quotes_is_title_word  (const char *lower);
gboolean _dossier_quotes_is_role_noun   (const char *lower);
gboolean _dossier_quotes_is_org_word    (const char *lower);
gboolean _dossier_quotes_is_place_word  (const char *lower);
gboolean _dossier_quotes_is_stop_cap    (const char *lower);
/* 1 for "he", 2 for "she", 0 otherwise. */
int      _dossier_quotes_pronoun_gender (const char *lower);

G_END_DECLS
