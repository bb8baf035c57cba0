/* dossier-quotes-names.c — word lists and name keys for quote attribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The closed word lists the attribution reads (speech verbs, titles,
 * organisation and place words, capitalised words that are not names) and
 * the keys that fold spellings of one name together.
 */
#define G_LOG_DOMAIN "dossier-quotes"

#include "config.h"

#include <string.h>

#include "dossier-quotes.h"
#include "dossier-quotes-private.h"

static const char *const speech_verbs[] = {
  "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes",
  "stated", "declared", "noted", "notes", "explained", "asked", "replied",
  "insisted", "warned", "argued", "continued", "announced", "commented",
  "stressed", "emphasized", "emphasised", "claimed", "acknowledged",
  "admitted", "recalled", "suggested", "concluded", "urged", "remarked",
  "tweeted", "posted", "quipped", "cautioned", "complained", "conceded",
  "confirmed", "responded", "predicted", "promised", "vowed", "pledged",
  "quoted", "saying", "according", "calling", "called", "described",
  "describing", "insists", "warns", "argues", "explains", "asks", "writes",
  "declares", "announces", "stresses", "answered", "observed", "testified",
  "wrote", "assured", "disclosed", "reiterated", "maintained", "objected",
  "states", "instructed", "joked", "shouted", "snapped", "recounted",
  "countered", "retorted", "boasted", "lamented", "mused", "conceded",
  "writing", "adding", "noting", "insisting", "arguing", "warning",
  "explaining", "stressing", "declaring", "claiming", "telling",
  "thanked", "praised", "hailed", "criticized", "criticised", "condemned",
  "slammed", "blasted", "denounced", "castigated", "accused",
  NULL
};

/* Words that precede a name as its title or role. */
static const char *const title_words[] = {
  "president", "prime", "minister", "foreign", "secretary", "state",
  "deputy", "assistant", "vice", "general", "secretary-general", "senator",
  "sen.", "rep.", "gov.", "governor", "mayor", "chancellor", "king", "queen",
  "pope", "ambassador", "spokesman", "spokeswoman", "spokesperson",
  "chairman", "chairwoman", "chair", "chief", "director", "judge", "justice",
  "gen.", "col.", "lt.", "capt.", "adm.", "sgt.", "sir", "lord", "dame",
  "rev.", "prof.", "professor", "dr.", "mr.", "mrs.", "ms.", "miss", "u.s.",
  "premier", "representative", "policy", "defense", "defence", "interior",
  "finance", "economy", "economic", "trade", "energy", "first", "lady",
  "speaker", "leader", "envoy", "commander", "adviser", "advisor", "aide",
  "attorney", "prosecutor", "sheikh", "emir", "crown", "prince", "princess",
  "patriarch", "metropolitan", "cardinal", "archbishop", "bishop", "coach",
  "ceo", "executive", "officer", "national", "security", "press", "affairs",
  "former", "acting", "colonel", "lieutenant", "major", "captain", "admiral",
  "sergeant", "councilor", "councillor", "councilman", "councilwoman",
  "alderman", "assemblyman", "assemblywoman", "commissioner", "sheriff",
  "detective", "inspector", "constable", "superintendent", NULL
};

/* Titles that are also surnames ("Stephen King", "John Major"): after a
 * given name they end a person's name. */
static const char *const surname_titles[] = {
  "king", "bishop", "major", "prince", "lord", "marshal", NULL
};

/* Lower-case heads of a noun phrase naming a role ("the foreign minister"). */
static const char *const role_nouns[] = {
  "minister", "president", "spokesman", "spokeswoman", "spokesperson",
  "secretary", "adviser", "advisor", "aide", "ambassador", "chancellor",
  "premier", "senator", "governor", "mayor", "director", "chief", "chairman",
  "chairwoman", "chair", "head", "envoy", "leader", "prosecutor", "general",
  "commander", "representative", "lawmaker", "deputy", "negotiator",
  "secretary-general", "king", "queen", "pope", "speaker", "ceo",
  "inspector", "officer", "detective", "constable", "sergeant",
  "superintendent", "commissioner", "fellow", "professor", "researcher",
  "economist", "scientist", "author", "founder", "manager", "executive",
  "official", "analyst", "expert", "mother", "father", "lawyer", "attorney",
  "councilor", "councillor", "councilman", "councilwoman", "alderman",
  "sheriff",
  NULL
};

static const char *const org_words[] = {
  "ministry", "department", "council", "committee", "times", "agency",
  "office", "house", "kremlin", "pentagon", "union", "party", "organization",
  "organisation", "nations", "news", "post", "press", "reuters", "gazeta",
  "service", "bank", "fund", "court", "parliament", "duma", "senate",
  "congress", "group", "institute", "university", "universities",
  "colleges", "company", "corp",
  "corp.", "inc", "inc.", "ltd", "association", "commission", "assembly",
  "quartet", "foundation", "tass", "interfax", "ria", "novosti",
  "journal", "herald", "tribune", "bbc", "cnn", "nato", "gazprom", "rosneft",
  "cabinet", "government", "administration", "embassy", "command", "army",
  "navy", "police", "club", "center", "centre", "network", "channel",
  "television", "radio", "magazine", "newspaper", "daily", "telegraph",
  "guardian", "observer", "economist", "bureau", "board", "authority",
  "federation", "academy", "alliance", "coalition", "movement", "front",
  "forces", "force", "guard", "directorate", "fsb", "kgb", "cia", "fbi",
  "nsa", "eu", "un", "imf", "osce", "wto", "opec", "ap", "afp", "guild",
  "labour", "democrats", "republicans", "gop", "tories", "conservatives",
  "hospital", "school", "college", "museum", "library", "theatre",
  "theater",
  NULL
};

/* Words of places, days, events and agreements: a run holding one names
 * no person (nor an organisation that could speak). */
static const char *const place_words[] = {
  "north", "south", "east", "west", "northern", "southern", "eastern",
  "western", "central", "united", "states", "kingdom", "republic", "sea",
  "ocean", "island", "islands", "river", "street", "avenue", "square",
  "gulf", "strait", "city", "province", "region", "oblast", "krai",
  "middle", "far", "near", "new", "saint", "st.", "san", "los", "las",
  "moscow", "washington", "russia", "ukraine", "america", "europe", "asia",
  "africa", "china", "iran", "syria", "israel", "georgia", "crimea",
  "kiev", "kyiv", "london", "paris", "berlin", "beijing", "tokyo",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sunday", "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", "war", "day",
  "summit", "olympics", "games", "cup", "christmas", "easter", "internet",
  "twitter", "facebook", "telegram", "youtube", "google", "god",
  "harbour", "harbor", "port", "dam", "reservoir", "canal", "peninsula",
  "airport", "station", "county", "district", "valley", "mountains",
  "mount", "desert", "forest", "creek", "gorge", "glacier", "canyon",
  "basin", "coast", "beach", "highway", "bridge", "plaza", "palace",
  "cathedral", "stadium", "prison", "st", "amendment", "act",
  "constitution", "charter", "alabama", "alaska", "arizona", "arkansas",
  "california", "colorado", "connecticut", "delaware", "florida",
  "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
  "louisiana", "maine", "maryland", "massachusetts", "michigan",
  "minnesota", "mississippi", "missouri", "nebraska", "nevada",
  "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas",
  "utah", "vermont", "wisconsin", "wyoming", "mexico", "canada", "france",
  "germany", "britain", "england", "scotland", "ireland",
  "italy", "spain", "poland", "turkey", "japan", "korea",
  "pakistan", "afghanistan", "iraq", "egypt", "libya", "australia",
  "zealand", "brazil", "argentina", "venezuela", "cuba", "belarus",
  "kazakhstan", "armenia", "azerbaijan", "moldova", "latvia",
  "lithuania", "estonia", "finland", "sweden", "norway", "denmark",
  "netherlands", "belgium", "austria", "switzerland", "greece",
  "hungary", "romania", "bulgaria", "serbia", "croatia", "czech",
  "slovakia", "gaza", "lebanon", "qatar", "yemen", "saudi",
  "treaty", "accord", "agreement",
  "pact", "convention", "protocol", "declaration", "initiative",
  "programme", "program", "project", "conference", "forum", "festival",
  NULL
};

/* Capitalised words at a sentence's start that begin no name. */
static const char *const stop_caps[] = {
  "the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "from",
  "with", "by", "after", "before", "during", "despite", "as", "if", "when",
  "while", "both", "her", "his", "their", "its", "this", "that", "these",
  "those", "it", "he", "she", "they", "we", "i", "you", "our", "my", "your",
  "speaking", "according", "asked", "earlier", "later", "meanwhile",
  "however", "also", "yes", "no", "not", "will", "can", "so", "such",
  "there", "here", "what", "who", "why", "how", "related", "read", "see",
  "photo", "some", "many", "most", "all", "other", "another", "one", "two",
  "last", "next", "each", "every", "since", "until", "under", "over",
  "about", "against", "between", "without", "within", "among", "to", "of",
  "then", "now", "still", "yet", "even", "only", "just", "because",
  "although", "though", "unlike", "like", "instead", "among", "regional",
  "analysts", "officials", "experts", "moreover", "furthermore", "thus",
  "mr", "dear", "enjoying", "support", "follow", "share", "click",
  "calling", "writing", "citing", "noting", "warning", "adding", "referring",
  "responding", "asking", "pointing", "arguing", "insisting", "explaining",
  "commenting", "reacting", "addressing", "announcing", "following",
  "including", "using", "describing", "praising", "urging", "admitting",
  "recalling", "quoting", "denying", "defending",
  "subscribe", "updated", "published", "posted", "in", "advertisement",
  NULL
};

static const char *const pronouns_male[] = { "he", NULL };
static const char *const pronouns_female[] = { "she", NULL };

G_LOCK_DEFINE_STATIC (word_sets);
static GHashTable *word_sets;   /* list → (set of its words), for the process */

gboolean
_dossier_quotes_in_list (const char *const *list,
                         const char         *word)
{
  GHashTable *set;

  if (word == NULL)
    return FALSE;
  G_LOCK (word_sets);
  if (word_sets == NULL)
    word_sets = g_hash_table_new (NULL, NULL);
  set = g_hash_table_lookup (word_sets, list);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; list[i] != NULL; i++)
        g_hash_table_add (set, (gpointer) list[i]);
      g_hash_table_insert (word_sets, (gpointer) list, set);
    }
  G_UNLOCK (word_sets);
  /* the sets are never changed once made */
  return g_hash_table_contains (set, word);
}

#define in_list _dossier_quotes_in_list

gboolean
_dossier_quotes_is_speech_verb (const char *lower)
{
  return in_list (speech_verbs, lower);
}

gboolean
_dossier_quotes_is_title_word (const char *lower)
{
  return in_list (title_words, lower);
}

gboolean
_dossier_quotes_is_surname_title (const char *lower)
{
  return in_list (surname_titles, lower);
}

/* "Jordanian", "Spanish", "Thai": a people's adjective, which makes
 * "the Jordanian King" a title and not a name. */
gboolean
_dossier_quotes_is_demonym (const char *lower)
{
  static const char *const suffixes[] = { "ian", "ean", "ese", "ish", "can", NULL };
  static const char *const others[] = {
    "dutch", "thai", "french", "greek", "swiss", "saudi", "iraqi", "israeli", "pakistani",
    "afghan", "german", "arab", "omani", "kuwaiti", "qatari", "yemeni", "emirati",
    "bahraini", "nepali", "bengali", "somali", NULL
  };

  if (in_list (others, lower))
    return TRUE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, suffixes[i]) && strlen (lower) > strlen (suffixes[i]) + 3)
      return TRUE;
  return FALSE;
}

gboolean
_dossier_quotes_is_role_noun (const char *lower)
{
  return in_list (role_nouns, lower);
}

gboolean
_dossier_quotes_is_org_word (const char *lower)
{
  return in_list (org_words, lower);
}

gboolean
_dossier_quotes_is_place_word (const char *lower)
{
  return in_list (place_words, lower);
}

gboolean
_dossier_quotes_is_stop_cap (const char *lower)
{
  return in_list (stop_caps, lower);
}

int
_dossier_quotes_pronoun_gender (const char *lower)
{
  if (in_list (pronouns_male, lower))
    return 1;
  if (in_list (pronouns_female, lower))
    return 2;
  return 0;
}

/* Cyrillic letters in Latin, as English news spells Russian names. */
static const char *
cyrillic_latin (gunichar c)
{
  static const char *const table[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
    "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
    "y", "", "e", "yu", "ya"
  };

  if (c >= 0x0430 && c <= 0x044F)
    return table[c - 0x0430];
  if (c == 0x0451)
    return "e";
  return NULL;
}

/* @word case folded, Cyrillic transliterated, accents dropped, letters
 * only, with y/i and doubled i folded. */
static char *
fold_word (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autoptr(GString) latin = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  GString *out;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *t;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      t = cyrillic_latin (c);
      if (t != NULL)
        g_string_append (latin, t);
      else
        g_string_append_unichar (latin, c);
    }
  ascii = g_str_to_ascii (latin->str, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = *p;

      if (!g_ascii_isalpha (c))
        continue;
      if (c == 'y' || c == 'j')
        c = 'i';
      if (c == 'i' && out->len > 0 && out->str[out->len - 1] == 'i')
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The words of @name that are not titles or initials. */
static char **
name_words (const char *name)
{
  g_auto(GStrv) parts = g_strsplit_set (name, " \t\n\u00a0", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (parts[i], -1);
      gsize len = strlen (parts[i]);

      if (len == 0 || _dossier_quotes_is_title_word (lower))
        continue;
      if (g_str_has_suffix (parts[i], "'s"))
        parts[i][len - 2] = '\0';
      else if (g_str_has_suffix (parts[i], "’s"))
        parts[i][len - strlen ("’s")] = '\0';
      g_ptr_array_add (words, g_strdup (parts[i]));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

char *
dossier_name_surname_key (const char *name)
{
  g_auto(GStrv) words = NULL;
  guint n;

  g_return_val_if_fail (name != NULL, NULL);
  words = name_words (name);
  n = g_strv_length (words);
  if (n == 0)
    return g_strdup ("");
  return fold_word (words[n - 1]);
}

char *
dossier_name_given_key (const char *name)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  words = name_words (name);
  if (g_strv_length (words) < 2)
    return NULL;
  return fold_word (words[0]);
}

/* The keys the finder matches @name by inside one article: as
 * dossier_name_surname_key() and dossier_name_given_key(), except that a
 * title that is also a surname ends the name after a given name ("Wayne
 * King"), or alone ("King", once he has been named). */
void
_dossier_quotes_name_keys (const char  *name,
                           char       **surname,
                           char       **given)
{
  g_auto(GStrv) parts = g_strsplit_set (name, " \t\n\u00a0", -1);
  guint n = g_strv_length (parts);
  g_autofree char *last = n > 0 ? g_utf8_strdown (parts[n - 1], -1) : NULL;
  g_autofree char *before = n > 1 ? g_utf8_strdown (parts[n - 2], -1) : NULL;

  if (last != NULL && _dossier_quotes_is_surname_title (last) &&
      (before == NULL || (*before != '\0' && !_dossier_quotes_is_title_word (before) &&
                          !_dossier_quotes_is_demonym (before))))
    {
      g_autofree char *rest = n > 1 ? g_strjoinv (" ", parts) : NULL;

      *surname = fold_word (parts[n - 1]);
      if (rest != NULL)
        rest[strlen (rest) - strlen (parts[n - 1]) - 1] = '\0';
      *given = rest != NULL ? dossier_name_given_key (rest) : NULL;
      if (rest != NULL && *given == NULL)
        *given = dossier_name_surname_key (rest);
      if (*given != NULL && **given == '\0')
        g_clear_pointer (given, g_free);
      return;
    }
  *surname = dossier_name_surname_key (name);
  *given = dossier_name_given_key (name);
}
