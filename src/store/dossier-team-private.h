/* dossier-team-private.h — what the local and the server side of team
 * sync share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store-private.h"
#include "dossier-team-server.h"

G_BEGIN_DECLS

typedef enum
{
  TEAM_ARTICLE,
  TEAM_ANNOTATION,
  TEAM_SEARCH,
  TEAM_TAG,
  TEAM_JOIN,
  TEAM_QUOTE_FIX,
  TEAM_STORY_PIN,
  TEAM_PERSON,
  N_TEAM_KINDS
} TeamKind;

#define TEAM_MAX_COLUMNS 13

/* One kind of shared row: its name in team_queue, its table on the
 * server, and its columns, the same on both sides (uuid first). */
typedef struct
{
  const char        *name;
  const char        *table;
  guint              n_columns;
  const char * const columns[TEAM_MAX_COLUMNS];
  /* the local SELECT of those columns, by uuid (?1) */
  const char        *local_select;
} TeamKindInfo;

extern const TeamKindInfo _dossier_team_kinds[N_TEAM_KINDS];

/* A row as one side has it: column values as text (NULL for NULL). */
typedef struct
{
  TeamKind  kind;
  gint64    version;      /* server rows */
  gboolean  deleted;      /* server rows: a tombstone */
  char     *values[TEAM_MAX_COLUMNS];
  char     *changed_by;   /* server rows: who made this version */
  char     *extra;        /* server rows: an article's revived_by, a note's author */
} TeamRow;

void      _dossier_team_row_free      (TeamRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeamRow, _dossier_team_row_free)
/* whether the column values are the same */
gboolean  _dossier_team_row_equal     (const TeamRow *a,
                                       const TeamRow *b);
/* the values as a JSON array (body as is) */
char     *_dossier_team_row_to_json   (const TeamRow *row);
TeamRow  *_dossier_team_row_from_json (TeamKind       kind,
                                       const char    *json);

/* the select list of a server row: version, deleted, the columns,
 * changed_by, and the kind's extra */
char     *_dossier_team_server_columns  (TeamKind          kind);
TeamRow  *_dossier_team_row_from_server (TeamKind          kind,
                                         DossierTeamRows  *rows,
                                         guint             r);

/* --- local side (dossier-store-team.c), within a transaction --- */

/* The local row by uuid, NULL when there is none here. */
TeamRow  *_dossier_team_read_local    (DossierStore  *self,
                                       TeamKind       kind,
                                       const char    *uuid);
/* Writes a server row here without queueing it (team_link.applying),
 * and remembers its version.  With @server, an article that was missing
 * here comes with its notes. */
gboolean  _dossier_team_apply         (DossierStore       *self,
                                       DossierTeamServer  *server,
                                       const TeamRow      *row,
                                       GError            **error);
gint64    _dossier_team_seen_version  (DossierStore  *self,
                                       TeamKind       kind,
                                       const char    *uuid,
                                       char         **base);
gboolean  _dossier_team_set_seen      (DossierStore  *self,
                                       TeamKind       kind,
                                       const char    *uuid,
                                       gint64         version,
                                       const char    *base,
                                       GError       **error);
gboolean  _dossier_team_dequeue       (DossierStore  *self,
                                       TeamKind       kind,
                                       const char    *uuid,
                                       GError       **error);
gboolean  _dossier_team_is_queued     (DossierStore  *self,
                                       TeamKind       kind,
                                       const char    *uuid);
gboolean  _dossier_team_set_applying  (DossierStore  *self,
                                       gboolean       applying,
                                       GError       **error);
/* --- corrections (dossier-store-team-corrections.c) --- */

/* Writes a quote's correction, an article's place in a story or a
 * person's name as the server (or, resolving a conflict, the member) has
 * it; with @deleted, removes it.  A removed quote correction sends its article's quotes to
 * be found again (by the library's background analysis); a place in a
 * story leaves the stories to be grouped again, which the caller does
 * once (_dossier_store_group_stories).  A person's name is only written
 * down: the caller groups the people again once
 * (_dossier_team_regroup_people). */
gboolean  _dossier_team_apply_correction   (DossierStore   *self,
                                            const TeamRow  *row,
                                            gboolean        deleted,
                                            GError        **error);
/* Groups the people again from every correction of people at once: each
 * corrected written name goes to the person called as its correction
 * says, the same way in every library whatever order the corrections
 * came in.  A person left without names is folded into the one that took
 * most of them; the articles of every person changed are sent to have
 * their people found again.  Changes nothing when the people are grouped
 * so already. */
gboolean  _dossier_team_regroup_people     (DossierStore   *self,
                                            GError        **error);

/* Records a conflict for a person to resolve. */
gboolean  _dossier_team_add_conflict  (DossierStore  *self,
                                       const char    *kind,
                                       const char    *row_uuid,
                                       const char    *field,
                                       const char    *mine,
                                       const char    *theirs,
                                       const char    *author,
                                       const char    *mine_row,
                                       GError       **error);
/* the base an article's fields are merged against: its values with the
 * body as its hash */
char     *_dossier_team_article_base  (const TeamRow *row);

G_END_DECLS
