/* dossier-store-stories-private.h — what the story files of the store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store-private.h"

G_BEGIN_DECLS

/* Groups the library into stories from the links of the same story or
 * near-duplicates (table similar) and the user's corrections, keeping
 * story ids where their articles stay together.  Within the caller's
 * transaction. */
gboolean _dossier_store_group_stories (DossierStore  *self,
                                       GError       **error);
/* Pins @article_id into the story of @anchor_id, or into a story of its
 * own when the two are one; the stories are to be grouped again after. */
gboolean _dossier_store_pin_to_story  (DossierStore  *self,
                                       gint64         article_id,
                                       gint64         anchor_id,
                                       GError       **error);

G_END_DECLS
