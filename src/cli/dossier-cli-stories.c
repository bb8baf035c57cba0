/* dossier-cli-stories.c — similar articles, stories and deleting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-cli-private.h"
#include "dossier-stories.h"

static int
fail (GError *error)
{
  g_printerr ("dossier-cli: %s\n", error->message);
  return 1;
}

/* the command line works on what is current: what waits is done first */
static DossierLibrary *
open_updated (GError **error)
{
  g_autoptr(DossierLibrary) library = open_library (FALSE);

  if (library == NULL)
    return NULL;
  /* no memory map: finding what waits reads a few pages now, and the
   * map's page faults cost more than copying the few pages a look-up
   * reads (similar 50000: 77-80 ms of task-clock mapped, 46-53 ms not) */
  if (dossier_stories_update_sync (library, FALSE, NULL, error) < 0)
    return NULL;
  return g_steal_pointer (&library);
}

int
dossier_cli_similar (int argc, char **argv)
{
  static int limit = 10;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("List at most N articles (0: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int code;

  if (!parse_args ("similar", _("ID"), entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("similar", _("give one article id"));
  if (limit < 0)
    return usage_error ("similar", _("--limit must not be negative"));
  if ((library = open_updated (&error)) == NULL)
    return error ? fail (error) : 1;
  if ((list = dossier_stories_similar_sync (library, id, (guint) limit, &error)) == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          DossierStoredSimilar *s = g_ptr_array_index (list, i);
          g_autofree char *date = dossier_date_to_string (dossier_article_get_published (s->article));

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, dossier_article_get_id (s->article));
          json_builder_set_member_name (b, "similarity");
          json_builder_add_double_value (b, s->similarity);
          json_builder_set_member_name (b, "relation");
          json_builder_add_string_value (b, dossier_relation_to_string (s->relation));
          add_string_or_null (b, "title", dossier_article_get_title (s->article));
          add_string_or_null (b, "source", dossier_article_get_source (s->article));
          add_string_or_null (b, "published", date);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b, TRUE);
      return 0;
    }
  if (list->len == 0)
    g_printerr (_("No similar articles.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (list, i);

      g_print ("%6" G_GINT64_FORMAT "  %-14s  %.2f  %s\n", dossier_article_get_id (s->article),
               dossier_relation_to_string (s->relation), s->similarity,
               dossier_article_get_title (s->article));
    }
  return 0;
}

static void
build_story (JsonBuilder  *b,
             DossierStory *story)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, story->id);
  add_string_or_null (b, "title", story->title);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < story->articles->len; i++)
    json_builder_add_int_value (b, g_array_index (story->articles, gint64, i));
  json_builder_end_array (b);
  add_string_or_null (b, "first", story->first);
  add_string_or_null (b, "last", story->last);
  add_string_or_null (b, "first_source", story->first_source);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; story->sources[i] != NULL; i++)
    json_builder_add_string_value (b, story->sources[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static int
print_story_id (const char *what,
                gint64      story)
{
  if (opt_json)
    g_print ("{\"story\": %" G_GINT64_FORMAT "}\n", story);
  else
    g_printerr ("%s %" G_GINT64_FORMAT "\n", what, story);
  return 0;
}

static int
stories_move (int argc, char **argv)
{
  static gint64 to = 0;
  static gboolean new_story = FALSE;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_INT64, &to, N_("The story to move the article into"), N_("STORY") },
    { "new", 0, 0, G_OPTION_ARG_NONE, &new_story, N_("Move the article into a story of its own"), NULL },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, story;
  int code;

  if (!parse_args ("stories move", _("ARTICLE --to STORY | --new"), entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("stories move", _("give one article id"));
  if ((to > 0) == new_story || to < 0)
    return usage_error ("stories move", _("give either --to STORY or --new"));
  if ((library = open_updated (&error)) == NULL)
    return error ? fail (error) : 1;
  if ((story = dossier_stories_move_sync (library, id, to, &error)) < 0)
    return fail (error);
  return print_story_id (_("The article is now in story"), story);
}

static int
stories_join (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, story;
  int code;

  if (!parse_args ("stories join", _("STORY STORY"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 3 || !parse_id (argv[1], &a) || !parse_id (argv[2], &b))
    return usage_error ("stories join", _("give two story ids"));
  if ((library = open_updated (&error)) == NULL)
    return error ? fail (error) : 1;
  if ((story = dossier_stories_join_sync (library, a, b, &error)) < 0)
    return fail (error);
  return print_story_id (_("The stories are now story"), story);
}

int
dossier_cli_stories (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  /* the subcommand, wherever the common options put it */
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--library") == 0)
        i++;
      else if (strcmp (argv[i], "move") == 0 || strcmp (argv[i], "join") == 0)
        {
          gboolean move = argv[i][0] == 'm';
          /* the array only: GOption takes options out of it, and the
           * strings stay the process's */
          g_autofree char **rest = g_new0 (char *, argc + 1);
          int n = 0;

          rest[n++] = argv[i];
          for (int k = 1; k < argc; k++)
            if (k != i)
              rest[n++] = argv[k];
          return move ? stories_move (n, rest) : stories_join (n, rest);
        }
      else if (argv[i][0] != '-')
        break;
    }
  if (!parse_args ("stories", _("[move ARTICLE --to STORY|--new | join STORY STORY]"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("stories", _("unknown subcommand; use move or join"));
  if ((library = open_updated (&error)) == NULL)
    return error ? fail (error) : 1;
  if ((stories = dossier_stories_list_sync (library, &error)) == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < stories->len; i++)
        build_story (b, g_ptr_array_index (stories, i));
      json_builder_end_array (b);
      print_json (b, TRUE);
      return 0;
    }
  if (stories->len == 0)
    g_printerr (_("No stories yet.\n"));
  for (guint i = 0; i < stories->len; i++)
    {
      DossierStory *s = g_ptr_array_index (stories, i);
      g_autofree char *sources = g_strjoinv (", ", s->sources);

      g_print ("%6" G_GINT64_FORMAT "  %-10s %-10s %3u  %s  (%s)\n", s->id,
               s->first ? s->first : "—", s->last ? s->last : "—", s->articles->len,
               s->title ? s->title : "", sources);
    }
  return 0;
}

int
dossier_cli_delete (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int code, status = 0;

  if (!parse_args ("delete", _("ID…"), NULL, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("delete", _("give the ids of the articles"));
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!parse_id (argv[i], &id))
        return usage_error ("delete", _("article ids are positive numbers"));
    }
  if ((library = open_library (FALSE)) == NULL)
    return 1;
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      parse_id (argv[i], &id);
      if (!dossier_library_delete_article_sync (library, id, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          g_clear_error (&error);
          status = 1;
        }
      else if (!opt_json)
        g_printerr (_("article %lld deleted\n"), (long long) id);
    }
  return status;
}
