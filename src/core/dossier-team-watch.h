/* dossier-team-watch.h — a shared library kept in step with its team
 * while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TEAM_WATCH (dossier_team_watch_get_type ())
G_DECLARE_FINAL_TYPE (DossierTeamWatch, dossier_team_watch, DOSSIER, TEAM_WATCH, GObject)

/* Connects to the team's database a second time, to be told of changes
 * (PostgreSQL's LISTEN/NOTIFY), and syncs @library once.  From then on,
 * while the watch lives, every change another member pushes is pulled
 * within moments, on the thread-default main context of the caller:
 * ::synced after each sync (the library emits ::changed too), ::failed
 * when a sync fails or the connection is lost (the watch then stops;
 * start another).  @password NULL: libpq's own. */
void              dossier_team_watch_new_async  (DossierLibrary       *library,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
DossierTeamWatch *dossier_team_watch_new_finish (GAsyncResult         *result,
                                                 GError              **error);
/* whether the connection that listens is still there */
gboolean          dossier_team_watch_is_listening (DossierTeamWatch   *self);
/* syncs that finished, ok or not */
guint             dossier_team_watch_get_n_syncs  (DossierTeamWatch   *self);
/* Syncs now (after the sync under way, if one is): for this library's
 * own changes, which nobody notifies.  Nothing once the watch stopped. */
void              dossier_team_watch_sync         (DossierTeamWatch   *self);
/* How far the sync under way is (::progress (done, total) as it moves):
 * FALSE while no sync runs or its size is not known yet */
gboolean          dossier_team_watch_get_progress (DossierTeamWatch   *self,
                                                   guint              *done,
                                                   guint              *total);
/* whether a sync is under way (::notify::syncing) */
gboolean          dossier_team_watch_get_syncing  (DossierTeamWatch   *self);

G_END_DECLS
