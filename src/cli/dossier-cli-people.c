/* dossier-cli-people.c — dossier-cli people and dossier-cli quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   people [--json] [--search TEXT]
 *   people rename ID NAME | merge ID ID | split ID --variant NAME
 *   quotes [--json] [--person NAME|ID] [--article ID] [--all]
 *   quotes reassign QID PERSON | reject QID
 *
 * Listing first finds the quotes of articles still waiting for it.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-cli-private.h"
#include "dossier-people.h"
#include "dossier-quotes.h"

static gboolean
fail (GError *error)
{
  g_printerr ("dossier-cli: %s\n", error->message);
  return FALSE;
}

/* Quotes of articles still waiting for it, found before listing; a
 * line on standard error says why when that is more than a batch (all
 * of them after an upgrade of the extractor). */
static gboolean
catch_up (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  gint64 pending = dossier_people_pending_sync (library, &error);

  if (pending < 0)
    return fail (error);
  if (pending > 256)
    g_printerr (_("dossier-cli: finding the quotes of %lld articles first"
                  " (stopped, it goes on from there)\n"), (long long) pending);
  if (pending > 0 && dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error) < 0)
    return fail (error);
  return TRUE;
}

/* Lists read the file through a memory map: most of their time was
 * SQLite copying pages the system already held */
static gboolean
map_for_reading (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_library_map_for_reading_sync (library, &error))
    return fail (error);
  return TRUE;
}

static int
list_people (DossierLibrary *library,
             const char     *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = NULL;

  if (!catch_up (library) || !map_for_reading (library))
    return 1;
  if ((list = dossier_people_list_sync (library, search, &error)) == NULL)
    return fail (error), 1;
  if (opt_json)
    {
      DossierJsonOut o;

      dossier_json_out_init (&o);
      dossier_json_out_begin_array (&o, NULL);
      for (guint i = 0; i < list->len; i++)
        {
          DossierStoredPerson *p = g_ptr_array_index (list, i);

          dossier_json_out_begin_object (&o, NULL);
          dossier_json_out_int (&o, "id", p->id);
          dossier_json_out_string (&o, "name", p->name);
          dossier_json_out_strv (&o, "variants", p->variants);
          dossier_json_out_strv (&o, "titles", p->titles);
          dossier_json_out_string (&o, "kind", p->organisation ? "organisation" : "person");
          dossier_json_out_int (&o, "mentions", p->mentions);
          dossier_json_out_int (&o, "quotes", p->quotes);
          dossier_json_out_end_object (&o);
        }
      dossier_json_out_end_array (&o);
      dossier_json_out_finish (&o);
      return 0;
    }
  /* written in pieces: g_print() flushes at every call */
  out = g_string_sized_new (256 * 1024);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredPerson *p = g_ptr_array_index (list, i);
      g_autofree char *variants = g_strjoinv (", ", p->variants);

      g_string_append_printf (out, "%6" G_GINT64_FORMAT "  %5" G_GINT64_FORMAT " %-7s %5" G_GINT64_FORMAT " %-9s %s%s  (%s)\n",
                              p->id, p->quotes, _("quotes"), p->mentions, _("articles"), p->name,
                              p->organisation ? _(" [organisation]") : "", variants);
      if (out->len >= 200 * 1024)
        dossier_cli_write (out);
    }
  dossier_cli_write (out);
  return 0;
}

int
_dossier_cli_people (int argc, char **argv)
{
  static char *variant = NULL, *search = NULL;
  GOptionEntry entries[] = {
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("The name variant to split off"), N_("NAME") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only people whose name contains this"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  gint64 id = 0, other = 0;
  int code;

  if (!parse_args ("people", _("[rename ID NAME | merge ID ID | split ID --variant NAME]"),
                   entries, &argc, &argv, &code))
    return code;
  action = argc > 1 ? argv[1] : NULL;
  if (action == NULL)
    {
      if (!(library = open_library (FALSE)))
        return 1;
      return list_people (library, search);
    }
  if (strcmp (action, "rename") == 0)
    {
      if (argc != 4 || !parse_id (argv[2], &id) || *argv[3] == '\0')
        return usage_error ("people", _("rename takes a person’s id and the new name"));
    }
  else if (strcmp (action, "merge") == 0)
    {
      if (argc != 4 || !parse_id (argv[2], &id) || !parse_id (argv[3], &other))
        return usage_error ("people", _("merge takes the ids of two people"));
    }
  else if (strcmp (action, "split") == 0)
    {
      if (argc != 3 || !parse_id (argv[2], &id) || variant == NULL || *variant == '\0')
        return usage_error ("people", _("split takes a person’s id and --variant NAME"));
    }
  else
    return usage_error ("people", _("the actions are rename, merge and split"));

  if (!(library = open_library (FALSE)) || !catch_up (library))
    return 1;
  if (strcmp (action, "rename") == 0)
    {
      if (!dossier_people_rename_sync (library, id, argv[3], &error))
        return fail (error), 1;
    }
  else if (strcmp (action, "merge") == 0)
    {
      if (!dossier_people_merge_sync (library, id, other, &error))
        return fail (error), 1;
    }
  else
    {
      gint64 new_id = dossier_people_split_sync (library, id, variant, &error);

      if (new_id == 0)
        return fail (error), 1;
      if (opt_json)
        g_print ("{\"id\": %" G_GINT64_FORMAT "}\n", new_id);
      else
        g_printerr (_("“%s” is now person %lld\n"), variant, (long long) new_id);
    }
  return 0;
}

static const char *
status_name (DossierQuoteStatus status)
{
  switch (status)
    {
    case DOSSIER_QUOTE_CORRECTED: return "corrected";
    case DOSSIER_QUOTE_REJECTED: return "rejected";
    case DOSSIER_QUOTE_FOUND:
    default: return "found";
    }
}

/* appends as g_string_append_len() does, without its call for each
 * piece while there is room: a line of a quote is a dozen pieces */
static inline void
put (GString    *out,
     const char *s,
     gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

static inline void
put_str (GString    *out,
         const char *s)
{
  put (out, s, strlen (s));
}

static inline void
put_c (GString *out,
       char     c)
{
  put (out, &c, 1);
}

/* @value right-aligned in @width characters, as "%*lld" prints it */
static void
append_int (GString *out,
            gint64   value,
            guint    width)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;
  guint n;

  do
    {
      *--p = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  if (value < 0)
    *--p = '-';
  for (n = digits + sizeof digits - p; n < width; n++)
    put_c (out, ' ');
  put (out, p, digits + sizeof digits - p);
}

/* @s padded with spaces to @width bytes, as "%-*s" prints it */
static void
append_padded (GString    *out,
               const char *s,
               gsize       width)
{
  gsize len = strlen (s);

  put (out, s, len);
  for (; len < width; len++)
    put_c (out, ' ');
}

/* A string last written as JSON: a person's quotes share their
 * speaker, and an article's quotes its day and source, each written once
 * and copied after */
typedef struct
{
  const char *value;
  GString    *bytes;
} JsonCache;

typedef struct
{
  GString    *out;
  guint       written;
  const char *unattributed;
  const char *rejected;
  const char *article_word;
  /* the speaker, the day and the source as last written */
  JsonCache   cache[3];
} QuotesOut;

#define FLUSH_AT (200 * 1024)

/* appends the string literal @lit, its length known when compiled */
#define put_lit(out, lit) put ((out), "" lit, sizeof (lit) - 1)

/* The bytes dossier_json_escape_byte() escapes, and the string's end */
static const guint8 *
json_special (void)
{
  static guint8 table[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      char code[8];

      for (guint c = 0; c < 256; c++)
        table[c] = c == 0 || dossier_json_escape_byte ((guchar) c, code) != NULL;
      g_once_init_leave (&done, 1);
    }
  return table;
}

/* @s escaped exactly as dossier_json_append_escaped() escapes it, in
 * one pass: runs of bytes that stay as they are are copied whole, and a
 * byte is looked up in a table instead of compared four times */
static void
put_escaped (GString    *out,
             const char *s)
{
  const guint8 *special = json_special ();
  const char *run = s, *p = s;

  for (;; p++)
    {
      guchar c = (guchar) *p;
      char code[8];
      const char *esc;

      if (G_LIKELY (!special[c]))
        continue;
      if (c == '\0')
        break;
      esc = dossier_json_escape_byte (c, code);
      put (out, run, p - run);
      put_str (out, esc);
      run = p + 1;
    }
  put (out, run, p - run);
}

static void
json_string (GString    *out,
             const char *value)
{
  if (value == NULL)
    {
      put_lit (out, "null");
      return;
    }
  put_c (out, '"');
  put_escaped (out, value);
  put_c (out, '"');
}

/* @value as json_string() writes it, copied when it is the string last
 * written through @cache: the strings of the quotes being listed stay
 * where they are until the last has been written */
static void
json_string_cached (GString    *out,
                    JsonCache  *cache,
                    const char *value)
{
  gsize at = out->len;

  if (value != NULL && value == cache->value)
    {
      put (out, cache->bytes->str, cache->bytes->len);
      return;
    }
  json_string (out, value);
  cache->value = value;
  if (cache->bytes == NULL)
    cache->bytes = g_string_sized_new (64);
  g_string_truncate (cache->bytes, 0);
  g_string_append_len (cache->bytes, out->str + at, out->len - at);
}

/* one quote as dossier_json_out_*() writes it inside a list (and as
 * json-glib's pretty form does), made by hand: the same bytes in a
 * third less time for a much-quoted person */
static void
write_quote_json (const DossierStoredQuote *q,
                  gpointer                  data)
{
  QuotesOut *w = data;
  GString *out = w->out;

  if (w->written++ > 0)
    put_lit (out, ",\n  {\n    \"id\" : ");
  else
    put_lit (out, "\n  {\n    \"id\" : ");
  append_int (out, q->id, 0);
  put_lit (out, ",\n    \"article\" : ");
  append_int (out, q->article_id, 0);
  put_lit (out, ",\n    \"speaker\" : ");
  json_string_cached (out, &w->cache[0], q->speaker);
  put_lit (out, ",\n    \"speaker_id\" : ");
  if (q->person_id > 0)
    append_int (out, q->person_id, 0);
  else
    put_lit (out, "null");
  put_lit (out, ",\n    \"text\" : ");
  json_string (out, q->text);
  put_lit (out, ",\n    \"start\" : ");
  append_int (out, q->start, 0);
  put_lit (out, ",\n    \"end\" : ");
  append_int (out, q->end, 0);
  put_lit (out, ",\n    \"published\" : ");
  json_string_cached (out, &w->cache[1], q->published);
  put_lit (out, ",\n    \"source\" : ");
  json_string_cached (out, &w->cache[2], q->source);
  put_lit (out, ",\n    \"attribution\" : ");
  json_string (out, q->person_id > 0 ? dossier_attribution_to_string (q->attribution) : "unattributed");
  put_lit (out, ",\n    \"status\" : ");
  json_string (out, status_name (q->status));
  put_lit (out, "\n  }");
  if (out->len >= FLUSH_AT)
    dossier_cli_write (out);
}

/* each line put together by hand: a person may have tens of thousands
 * of quotes, and printf's parsing of the format was a good part of the
 * time */
static void
write_quote_line (const DossierStoredQuote *q,
                  gpointer                  data)
{
  QuotesOut *w = data;
  GString *out = w->out;

  /* "%6" G_GINT64_FORMAT "  %-10s  %s%s: “%s”  (%s %" G_GINT64_FORMAT "%s%s)\n" */
  append_int (out, q->id, 6);
  put (out, "  ", 2);
  append_padded (out, q->published ? q->published : "—", 10);
  put (out, "  ", 2);
  put_str (out, q->speaker ? q->speaker : w->unattributed);
  if (q->status == DOSSIER_QUOTE_REJECTED)
    put_str (out, w->rejected);
  put_str (out, ": “");
  put_str (out, q->text);
  put_str (out, "”  (");
  put_str (out, w->article_word);
  put_c (out, ' ');
  append_int (out, q->article_id, 0);
  if (q->source != NULL)
    {
      put (out, ", ", 2);
      put_str (out, q->source);
    }
  put (out, ")\n", 2);
  if (out->len >= FLUSH_AT)
    dossier_cli_write (out);
}

/* The quotes are written as the library's thread reads them, with no
 * copy of each: for a much-quoted person, making, keeping and freeing
 * 50,000 of them took longer than reading them. */
static int
list_quotes (DossierLibrary *library,
             const char     *person,
             gint64          article,
             gboolean        all)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  QuotesOut w = { NULL, };
  gint64 person_id = 0;
  gboolean ok;

  if (!catch_up (library) || !map_for_reading (library))
    return 1;
  if (person != NULL && (person_id = dossier_people_find_sync (library, person, &error)) == 0)
    return fail (error), 1;
  out = w.out = g_string_sized_new (FLUSH_AT + 8 * 1024);
  w.unattributed = _("unattributed");
  w.rejected = _(" [rejected]");
  w.article_word = _("article");
  if (opt_json)
    put_c (out, '[');
  /* a failure comes before the first quote: nothing is written */
  ok = dossier_people_each_quote_sync (library, person_id, article, all,
                                       opt_json ? write_quote_json : write_quote_line, &w, &error);
  for (guint i = 0; i < G_N_ELEMENTS (w.cache); i++)
    if (w.cache[i].bytes != NULL)
      g_string_free (w.cache[i].bytes, TRUE);
  if (ok && opt_json)
    put_str (out, w.written > 0 ? "\n]\n" : "]\n");
  if (ok)
    dossier_cli_write (out);
  if (!ok)
    return fail (error), 1;
  return 0;
}

int
_dossier_cli_quotes (int argc, char **argv)
{
  static char *person = NULL;
  static gint64 article = 0;
  static gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Only this person’s quotes (a name or an id)"), N_("NAME|ID") },
    { "article", 0, 0, G_OPTION_ARG_INT64, &article, N_("Only the quotes of this article"), N_("ID") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Rejected quotes too"), NULL },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  gint64 quote = 0, person_id;
  int code;

  if (!parse_args ("quotes", _("[reassign QID PERSON | reject QID]"), entries, &argc, &argv, &code))
    return code;
  if (article < 0)
    return usage_error ("quotes", _("article ids are positive numbers"));
  action = argc > 1 ? argv[1] : NULL;
  if (action == NULL)
    {
      if (!(library = open_library (FALSE)))
        return 1;
      return list_quotes (library, person, article, all);
    }
  if (strcmp (action, "reassign") == 0)
    {
      if (argc != 4 || !parse_id (argv[2], &quote) || *argv[3] == '\0')
        return usage_error ("quotes", _("reassign takes a quote’s id and a person (a name or an id)"));
    }
  else if (strcmp (action, "reject") == 0)
    {
      if (argc != 3 || !parse_id (argv[2], &quote))
        return usage_error ("quotes", _("reject takes a quote’s id"));
    }
  else
    return usage_error ("quotes", _("the actions are reassign and reject"));

  if (!(library = open_library (FALSE)) || !catch_up (library))
    return 1;
  if (strcmp (action, "reject") == 0)
    {
      if (!dossier_people_reject_sync (library, quote, &error))
        return fail (error), 1;
      return 0;
    }
  if ((person_id = dossier_people_find_sync (library, argv[3], &error)) == 0 ||
      !dossier_people_reassign_sync (library, quote, person_id, &error))
    return fail (error), 1;
  return 0;
}
