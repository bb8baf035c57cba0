/* test-quotes.c — quotations and their speakers (dossier-quotes.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last two tests run the scorer, build/tests/tools/score-quotes: on
 * the project's own labelled articles in tests/data/quotes, and on the
 * seed articles of ../shared/corpora/seeds (skipped when absent).
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "dossier-quotes.h"
#include "dossier-test-util.h"

typedef struct
{
  const char *text;
  const char *speaker;      /* NULL: unattributed */
  DossierAttribution attribution;
} Want;

static const char *
speaker_of (DossierQuoteResult *r,
            DossierQuote       *q)
{
  if (q->speaker < 0)
    return NULL;
  return ((DossierNamed *) g_ptr_array_index (r->named, q->speaker))->name;
}

/* The quotes @body yields, logged. */
static DossierQuoteResult *
find_logged (const char *body)
{
  DossierQuoteResult *r = dossier_quotes_find (body);

  for (guint i = 0; i < r->quotes->len; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);
      g_autofree char *text = g_strndup (body + q->start, q->end - q->start);

      g_test_message ("found «%s» by %s (%s)", text, speaker_of (r, q),
                      dossier_attribution_to_string (q->attribution));
    }
  return r;
}

static void
assert_speaker (DossierQuoteResult *r,
                DossierQuote       *q,
                const Want         *want)
{
  g_assert_cmpstr (speaker_of (r, q), ==, want->speaker);
  g_assert_cmpstr (dossier_attribution_to_string (q->attribution), ==,
                   dossier_attribution_to_string (want->attribution));
}

/* The quotes of @body are exactly @want, in order. */
static void
check_quotes (const char *body,
              const Want *want,
              guint       n_want)
{
  g_autoptr(DossierQuoteResult) r = find_logged (body);

  g_assert_cmpuint (r->quotes->len, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);
      g_autofree char *text = g_strndup (body + q->start, q->end - q->start);

      g_assert_cmpstr (text, ==, want[i].text);
      assert_speaker (r, q, &want[i]);
    }
}

static void
test_straight_named (void)
{
  const char *body =
    "Russia and the United States remain far apart, officials said.\n\n"
    "\"We are not enemies, but we are not friends either,\" Lavrov said.\n\n"
    "\"The decision is final,\" said Sergei Lavrov, Russia's foreign minister.";
  const Want want[] = {
    { "We are not enemies, but we are not friends either", "Sergei Lavrov", DOSSIER_ATTRIBUTION_NAMED },
    { "The decision is final", "Sergei Lavrov", DOSSIER_ATTRIBUTION_NAMED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

/* the small words inside a name stay in it; "de" leading a sentence's
 * words (de facto) is no name */
static void
test_name_particles (void)
{
  const char *body =
    "\"A ceasefire must come first,\" said Staffan de Mistura, the U.N. envoy.\n\n"
    "\"Aid must pass,\" said Ursula von der Leyen, the commission's president.\n\n"
    "\"We will talk,\" said Mohammed bin Salman, the crown prince.\n\n"
    "\"It is a de facto ban,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
    "\"The collection will grow,\" said Claire des Aubiers, the museum's head.";
  const Want want[] = {
    { "A ceasefire must come first", "Staffan de Mistura", DOSSIER_ATTRIBUTION_NAMED },
    { "Aid must pass", "Ursula von der Leyen", DOSSIER_ATTRIBUTION_NAMED },
    { "We will talk", "Mohammed bin Salman", DOSSIER_ATTRIBUTION_NAMED },
    { "It is a de facto ban", "Sergei Lavrov", DOSSIER_ATTRIBUTION_NAMED },
    { "The collection will grow", "Claire des Aubiers", DOSSIER_ATTRIBUTION_NAMED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_curly_title_pronoun (void)
{
  const char *body =
    "Foreign Minister Sergei Lavrov met his counterpart on Monday.\n\n"
    "“We discussed everything,” the foreign minister said. “Nothing was left out.”\n\n"
    "Clinton spoke later. “We have work to do,” she said.";
  const Want want[] = {
    { "We discussed everything", "Sergei Lavrov", DOSSIER_ATTRIBUTION_TITLE },
    { "Nothing was left out.", "Sergei Lavrov", DOSSIER_ATTRIBUTION_TITLE },
    { "We have work to do", "Clinton", DOSSIER_ATTRIBUTION_PRONOUN },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_organisation_it (void)
{
  const char *body =
    "\"The talks were constructive,\" the Kremlin said in a statement.\n\n"
    "\"Both sides agreed to meet again,\" it said.";
  const Want want[] = {
    { "The talks were constructive", "Kremlin", DOSSIER_ATTRIBUTION_ORGANISATION },
    { "Both sides agreed to meet again", "Kremlin", DOSSIER_ATTRIBUTION_ORGANISATION },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_partial_and_scare (void)
{
  const char *body =
    "Alexei Pushkov, head of the foreign affairs committee and a Putin ally, "
    "said the ties were \"negatively stable\" now and the \"reset\" was over.\n\n"
    "The word \"reset\" was mistranslated. Critics read \"The Road to Moscow\" again. "
    "Officials spoke of the \"new normal\" in relations.";
  const Want want[] = {
    { "negatively stable", "Alexei Pushkov", DOSSIER_ATTRIBUTION_NAMED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_guillemets_and_low_marks (void)
{
  const char *body =
    "«Мы готовы к диалогу», — сказал Лавров.\n\n"
    "Er nannte das Treffen „ein gutes Zeichen für beide Seiten“, sagte ein Diplomat.\n\n"
    "According to Putin's adviser, Yuri Ushakov, the letter was \"quite constructive.\"";
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);
  g_autofree char *first = NULL, *second = NULL, *third = NULL;
  DossierQuote *q;

  g_assert_cmpuint (r->quotes->len, ==, 3);
  q = &g_array_index (r->quotes, DossierQuote, 0);
  first = g_strndup (body + q->start, q->end - q->start);
  g_assert_cmpstr (first, ==, "Мы готовы к диалогу");
  q = &g_array_index (r->quotes, DossierQuote, 1);
  second = g_strndup (body + q->start, q->end - q->start);
  g_assert_cmpstr (second, ==, "ein gutes Zeichen für beide Seiten");
  q = &g_array_index (r->quotes, DossierQuote, 2);
  third = g_strndup (body + q->start, q->end - q->start);
  g_assert_cmpstr (third, ==, "quite constructive.");
  g_assert_cmpstr (speaker_of (r, q), ==, "Yuri Ushakov");
}

static void
test_multi_paragraph (void)
{
  const char *body =
    "Ushakov described the letter at length.\n\n"
    "\"It is a long document. It covers arms control.\n\n"
    "\"It also covers trade,\" Yury Ushakov said.";
  const Want want[] = {
    { "It is a long document. It covers arms control.\n\n\"It also covers trade", "Yury Ushakov",
      DOSSIER_ATTRIBUTION_NAMED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_unattributed (void)
{
  const char *body =
    "The mood in Moscow was gloomy.\n\n"
    "\"Nobody expects a breakthrough this year,\" one diplomat said.\n\n"
    "\"Relations are frozen and will stay frozen for a long time.\"";
  const Want want[] = {
    { "Nobody expects a breakthrough this year", NULL, DOSSIER_ATTRIBUTION_UNATTRIBUTED },
    { "Relations are frozen and will stay frozen for a long time.", NULL, DOSSIER_ATTRIBUTION_UNATTRIBUTED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

/* A quote that fills its own paragraph, with no attribution: the last
 * speaker across a caption, the one person of the paragraph before who
 * spoke already, the person whose title opens it, and nobody when the
 * paragraph before names others. */
static void
test_paragraph_speaker (void)
{
  const char *body =
    "Maria Ivanova has worked the river for thirty years.\n\n"
    "\"The water is lower every spring,\" says Ivanova, standing on the bank.\n\n"
    "Fishing boats tied up at the Kerren Harbour wharf\n\n"
    "\"We used to fish here all year. Now we fish two months.\"\n\n"
    "The regional governor, Pavel Orlov, visited the bank in May. Engineers "
    "from the ministry came with him.\n\n"
    "\"Nobody in the capital listens,\" Ivanova said.\n\n"
    "For Ivanova and her family the loss is personal and it is growing.\n\n"
    "\"Our grandparents lived from this river. Our children will not.\"\n\n"
    "The governor also admitted that the dam upstream takes too much water.\n\n"
    "\"We will ask for a new quota next year, and we will get it.\"\n\n"
    "Anton Belov and Irina Sokolova run the fish farm downstream.\n\n"
    "\"Quotas are a matter for the courts now.\"";
  const Want want[] = {
    { "The water is lower every spring", "Maria Ivanova", DOSSIER_ATTRIBUTION_NAMED },
    { "We used to fish here all year. Now we fish two months.", "Maria Ivanova", DOSSIER_ATTRIBUTION_NAMED },
    { "Nobody in the capital listens", "Maria Ivanova", DOSSIER_ATTRIBUTION_NAMED },
    { "Our grandparents lived from this river. Our children will not.", "Maria Ivanova", DOSSIER_ATTRIBUTION_NAMED },
    { "We will ask for a new quota next year, and we will get it.", "Pavel Orlov", DOSSIER_ATTRIBUTION_TITLE },
    { "Quotas are a matter for the courts now.", NULL, DOSSIER_ATTRIBUTION_UNATTRIBUTED },
  };
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);

  check_quotes (body, want, G_N_ELEMENTS (want));
  /* a harbour is no person */
  for (guint i = 0; i < r->named->len; i++)
    {
      DossierNamed *n = g_ptr_array_index (r->named, i);

      if (strstr (n->name, "Harbour") != NULL)
        g_assert_cmpint (n->kind, !=, DOSSIER_SPEAKER_PERSON);
    }
}

/* Speakers behind a place and a title, an aside in parentheses, lowercase
 * roles, a time between subject and verb, an organisation's common noun,
 * the subject before the object for "he", no verb at all, and a sentence
 * of reported speech before the quote. */
static void
test_attribution_forms (void)
{
  const char *body =
    "The storm season worries the coast.\n\n"
    "\"That is our worst case,\" said Tarrow Mayor Ilse Brandvik.\n\n"
    "\"The plan is late,\" Rep. Owen T. Marsh (D-Ore.), chairman of the "
    "House transport subcommittee, said in an interview.\n\n"
    "\"The ice is like a gift for the kids,\" said head coach Dana Okafor.\n\n"
    "\"I can finally say it!\" actor-director Lev Amsel said on social media.\n\n"
    "Premier Rosa Quint on Friday called for an urgent \"pause\" in the talks.\n\n"
    "Halden University said in a statement that the player was suspended.\n\n"
    "\"We will cooperate fully with the police,\" the university said.\n\n"
    "Aron Vell told Mira Sand that the warning came weeks ago.\n\n"
    "\"We never wanted this,\" he said.\n\n"
    "\"Prices will fall,\" Petra Lind, senior fellow at the Norden Institute.\n\n"
    "Across town, Jonas Brekke says the plan helps nobody. \"Everybody else "
    "will pay for it.\"";
  const Want want[] = {
    { "That is our worst case", "Ilse Brandvik", DOSSIER_ATTRIBUTION_NAMED },
    { "The plan is late", "Owen T. Marsh", DOSSIER_ATTRIBUTION_NAMED },
    { "The ice is like a gift for the kids", "Dana Okafor", DOSSIER_ATTRIBUTION_NAMED },
    { "I can finally say it!", "Lev Amsel", DOSSIER_ATTRIBUTION_NAMED },
    { "pause", "Rosa Quint", DOSSIER_ATTRIBUTION_NAMED },
    { "We will cooperate fully with the police", "Halden University", DOSSIER_ATTRIBUTION_ORGANISATION },
    { "We never wanted this", "Aron Vell", DOSSIER_ATTRIBUTION_PRONOUN },
    { "Prices will fall", "Petra Lind", DOSSIER_ATTRIBUTION_NAMED },
    { "Everybody else will pay for it.", "Jonas Brekke", DOSSIER_ATTRIBUTION_NAMED },
  };
  const char *body2 =
    "The vote is close.\n\n"
    "\"He let everybody down,\" said one Unity Party operative in the city.\n\n"
    "A Harbour Police spokesman said \"her injuries are not thought to be serious\".\n\n"
    "The leader of Vanta, Ilan Roze, condemned the attack, saying in a statement "
    "that it \"will not break our will\".\n\n"
    "Sen. Mara Quell, D-Ore., called the record \"deeply troubling for the court\".\n\n"
    "\"The courts are full,\" said Senate Democratic Leader Tomas Wren of Ohio.\n\n"
    "The Fisheries Authority said on Oct. 29 that \"the stocks are recovering\".\n\n"
    "Tom Roe watched as Ann Bell spoke. Bell said she would stay in the city.\n\n"
    "\"We will not leave,\" he said.\n\n"
    "Vera Holt last week said the timing remains her concern. \"Nobody has answered us.\"\n\n"
    "After board member Ada Kell asked \"Why is it late?\" Olen Brisk responded that "
    "\"the delay was needed\".\n\n"
    "Lena Moor was named best actress for her part in the film.\n\n"
    "\"It was a hard part,\" quipped Ivo Stark of his role. \"A big stretch,\" he said.\n\n"
    "Dana Pike, policy director of the Workers Union, though, testified that "
    "\"no office should reopen yet\".\n\n"
    "\"Do not get nervous,\" instructed Milo Vance, the site supervisor.\n\n"
    "If the court accepts the plan, only the rich will keep their privacy, says Aino Ruut. "
    "\"Everybody else will have to give up their data.\"\n\n"
    "The Coast Police confirmed on Thursday that a body had been found. A spokesperson "
    "said: \"A body was found on the beach at 4pm.\"\n\n"
    "\"It is like a holiday for the kids,\" said head coach of the women's team, Jon Varga.";
  const Want want2[] = {
    { "He let everybody down", NULL, DOSSIER_ATTRIBUTION_UNATTRIBUTED },
    { "her injuries are not thought to be serious", "Harbour Police", DOSSIER_ATTRIBUTION_ORGANISATION },
    { "will not break our will", "Ilan Roze", DOSSIER_ATTRIBUTION_NAMED },
    { "deeply troubling for the court", "Mara Quell", DOSSIER_ATTRIBUTION_NAMED },
    { "The courts are full", "Tomas Wren", DOSSIER_ATTRIBUTION_NAMED },
    { "the stocks are recovering", "Fisheries Authority", DOSSIER_ATTRIBUTION_ORGANISATION },
    { "We will not leave", "Tom Roe", DOSSIER_ATTRIBUTION_PRONOUN },
    { "Nobody has answered us.", "Vera Holt", DOSSIER_ATTRIBUTION_NAMED },
    { "Why is it late?", "Ada Kell", DOSSIER_ATTRIBUTION_NAMED },
    { "the delay was needed", "Olen Brisk", DOSSIER_ATTRIBUTION_NAMED },
    { "It was a hard part", "Ivo Stark", DOSSIER_ATTRIBUTION_NAMED },
    { "A big stretch", "Ivo Stark", DOSSIER_ATTRIBUTION_PRONOUN },
    { "no office should reopen yet", "Dana Pike", DOSSIER_ATTRIBUTION_NAMED },
    { "Do not get nervous", "Milo Vance", DOSSIER_ATTRIBUTION_NAMED },
    { "Everybody else will have to give up their data.", "Aino Ruut", DOSSIER_ATTRIBUTION_NAMED },
    { "A body was found on the beach at 4pm.", "Coast Police", DOSSIER_ATTRIBUTION_ORGANISATION },
    { "It is like a holiday for the kids", "Jon Varga", DOSSIER_ATTRIBUTION_NAMED },
  };
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);

  check_quotes (body, want, G_N_ELEMENTS (want));
  check_quotes (body2, want2, G_N_ELEMENTS (want2));
  /* the town before the title is no person */
  for (guint i = 0; i < r->named->len; i++)
    g_assert_cmpstr (((DossierNamed *) g_ptr_array_index (r->named, i))->name, !=, "Tarrow");

  /* nor a dateline in capitals */
  {
    g_autoptr(DossierQuoteResult) d =
      dossier_quotes_find ("THE HAGUE \xe2\x80\x94 A panel ruled on Monday.\n\n"
                           "VELMORA, March 3 (Wire) - The ministry said \"nothing will change,\" NATO said.");

    for (guint i = 0; i < d->named->len; i++)
      {
        const char *name = ((DossierNamed *) g_ptr_array_index (d->named, i))->name;

        g_test_message ("named: %s", name);
        g_assert_null (strstr (name, "HAGUE"));
        g_assert_null (strstr (name, "VELMORA"));
      }
  }
}

/* The quote of @body whose words are @text has @speaker (NULL:
 * unattributed) and @attribution. */
static void
check_quote (const char         *body,
             const char         *text,
             const char         *speaker,
             DossierAttribution  attribution)
{
  g_autoptr(DossierQuoteResult) r = find_logged (body);
  const Want want = { text, speaker, attribution };

  for (guint i = 0; i < r->quotes->len; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);

      if (q->end - q->start == strlen (text) && strncmp (body + q->start, text, q->end - q->start) == 0)
        {
          assert_speaker (r, q, &want);
          return;
        }
    }
  g_error ("no quote «%s» in «%s»", text, body);
}

static void
test_clauses_and_surnames (void)
{
  /* an opening mark typed where the closing one belongs */
  check_quote ("Nora Fell remembers the \xe2\x80\x9cquiet and very careful\xe2\x80\x9c teacher of "
               "her youth. \xe2\x80\x9cShe changed everything for me,\xe2\x80\x9d Fell said.",
               "She changed everything for me", "Nora Fell", DOSSIER_ATTRIBUTION_NAMED);
  /* "whom he married": the pronoun is somebody else's */
  check_quote ("The memoir of Piet Vos covers his years with Ilse Mar, whom he married in 1990, "
               "and her sister. \"We were lucky,\" he writes.",
               "We were lucky", "Piet Vos", DOSSIER_ATTRIBUTION_PRONOUN);
  /* "his wife Ilse Mar": a woman */
  check_quote ("The memoir of Piet Vos covers the years after he met his wife Ilse Mar. "
               "\"We were lucky,\" he writes.",
               "We were lucky", "Piet Vos", DOSSIER_ATTRIBUTION_PRONOUN);
  /* a title that is also a surname */
  check_quote ("Dale Roth was surprised. Wayne King, the district director, did not learn of it "
               "until Tuesday.\n\n\"I heard it late on Tuesday,\" said King, who left the office in May. "
               "\"I will run anyway,\" he said.",
               "I will run anyway", "Wayne King", DOSSIER_ATTRIBUTION_PRONOUN);
  check_quote ("Dale Roth was surprised. Wayne King, the district director, did not learn of it "
               "until Tuesday.\n\n\"I heard it late on Tuesday,\" said King, who left the office in May.",
               "I heard it late on Tuesday", "Wayne King", DOSSIER_ATTRIBUTION_NAMED);
  /* but after a people's adjective it is a title ("the Jordanian King") */
  check_quote ("\"We will not move,\" the Jordanian King said.",
               "We will not move", NULL, DOSSIER_ATTRIBUTION_UNATTRIBUTED);
  /* who the speaker works for is not who "he" is */
  check_quote ("\"People think the pipes are safe,\" said Tom Ash, head of planning for Rill Edison, "
               "which runs the network.\n\n\"They are not safe at all,\" he added.",
               "They are not safe at all", "Tom Ash", DOSSIER_ATTRIBUTION_PRONOUN);
  /* a participle after a clause of its own */
  check_quote ("The publisher dropped the book, although Ray Dorn was among those who disagreed, "
               "writing on his blog: \"Who is silenced next?\"",
               "Who is silenced next?", "Ray Dorn", DOSSIER_ATTRIBUTION_NAMED);
  /* a councillor's title, an aside and a participle */
  check_quote ("City Councilor Ana Ruiz, for her part, has criticised Soto, telling him: "
               "\"You are not ready to serve this city.\"",
               "You are not ready to serve this city.", "Ana Ruiz", DOSSIER_ATTRIBUTION_NAMED);
  /* an adverb before the verb */
  check_quote ("Mayor Jon Pell forthrightly told the board that \"the budget is gone for good.\"",
               "the budget is gone for good.", "Jon Pell", DOSSIER_ATTRIBUTION_NAMED);
  /* "… and said" */
  check_quote ("Mara Quist left the meeting early and said the plan was \"a waste of time for everyone.\"",
               "a waste of time for everyone.", "Mara Quist", DOSSIER_ATTRIBUTION_NAMED);
  /* past a word in scare quotes */
  check_quote ("Judge Ewa Lind said that, rather than a \"vulnerable\" man, he had \"taken advantage "
               "of others\" for years.",
               "taken advantage of others", "Ewa Lind", DOSSIER_ATTRIBUTION_NAMED);
  /* the paper that reports it is not the speaker */
  check_quote ("Ola Brant called the ruling \"a disgrace to the whole county,\" according to the Valley Times.",
               "a disgrace to the whole county", "Ola Brant", DOSSIER_ATTRIBUTION_NAMED);
  /* the speaker in a later clause of the sentence */
  check_quote ("None of the \"many hundreds\" of buyers were named on Friday, Levin said, but more "
               "arrests may follow.",
               "many hundreds", "Levin", DOSSIER_ATTRIBUTION_NAMED);
  check_quote ("Governor Ruth Amsel toured the coast on Monday.\n\nOutlining the \"sheer scale of the "
               "damage\" along the coast, she insisted that help was coming.",
               "sheer scale of the damage", "Ruth Amsel", DOSSIER_ATTRIBUTION_PRONOUN);
  /* "Dale, he said, also …": he is not Dale */
  check_quote ("Aide Ben Lott said the plant would reopen.\n\nThe owner met Dale Sun on Monday. Dale, "
               "he said, also \"stood with the workers on the line.\"",
               "stood with the workers on the line.", "Ben Lott", DOSSIER_ATTRIBUTION_PRONOUN);
  /* "he" after a spokesman is the spokesman's organisation */
  check_quote ("A Harbour Police spokesman said \"her injuries are serious.\"\n\n"
               "He said: \"A man was arrested at the scene.\"",
               "A man was arrested at the scene.", "Harbour Police", DOSSIER_ATTRIBUTION_ORGANISATION);
  /* a country's army by that name */
  check_quote ("The Velan military said it struck a truck \"being used by the rebel group.\"",
               "being used by the rebel group.", "Velan military", DOSSIER_ATTRIBUTION_ORGANISATION);
  /* "the city councilor pointed out" */
  check_quote ("Councilor Ed Ruhl urged the company to act.\n\n\"Power supply is very bad here,\" "
               "the city councilor pointed out.",
               "Power supply is very bad here", "Ed Ruhl", DOSSIER_ATTRIBUTION_TITLE);

  /* a plural's possessive inside an organisation's name, and its letters */
  check_quote ("A spokesperson for the Canal Workers\xe2\x80\x99 Union (CWU) said the "
               "plan was \"a disgrace to the whole port\".\n\nCWU said on Friday: \"We will appeal.\"",
               "a disgrace to the whole port", "Canal Workers\xe2\x80\x99 Union",
               DOSSIER_ATTRIBUTION_ORGANISATION);
  check_quote ("A spokesperson for the Canal Workers\xe2\x80\x99 Union (CWU) said the "
               "plan was \"a disgrace to the whole port\".\n\nCWU said on Friday: \"We will appeal.\"",
               "We will appeal.", "Canal Workers\xe2\x80\x99 Union",
               DOSSIER_ATTRIBUTION_ORGANISATION);

  /* a name that opens in capitals inside a sentence is a body */
  {
    g_autoptr(DossierQuoteResult) r =
      dossier_quotes_find ("Rico Sala wants a review of the franchise granted to VOLT Power.");
    gboolean seen = FALSE;

    for (guint i = 0; i < r->named->len; i++)
      {
        DossierNamed *n = g_ptr_array_index (r->named, i);

        if (strcmp (n->name, "VOLT Power") == 0)
          {
            g_assert_cmpint (n->kind, ==, DOSSIER_SPEAKER_ORGANISATION);
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
}

static void
test_colon_and_told (void)
{
  const char *body =
    "Putin's spokesman, Dmitry Peskov, said Thursday that no meeting was planned.\n\n"
    "\"The American side asked for such a meeting,\" he told The Moscow Times.\n\n"
    "Peskov said:\n\n"
    "\"We will see what happens next.\"";
  const Want want[] = {
    { "The American side asked for such a meeting", "Dmitry Peskov", DOSSIER_ATTRIBUTION_PRONOUN },
    { "We will see what happens next.", "Dmitry Peskov", DOSSIER_ATTRIBUTION_NAMED },
  };

  check_quotes (body, want, G_N_ELEMENTS (want));
}

static void
test_people_in_article (void)
{
  const char *body =
    "President Vladimir Putin met Foreign Minister Sergei Lavrov. Mr. Putin "
    "spoke first; Putin's aide took notes. Lavrov listened.\n\n"
    "Anna Lavrova and Sergei Lavrov are not related. Ivan Petrov and Oleg Petrov "
    "are brothers. The Foreign Ministry said nothing.";
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);
  guint putin = 0, lavrov = 0, petrov = 0, ministry = 0;

  for (guint i = 0; i < r->named->len; i++)
    {
      DossierNamed *n = g_ptr_array_index (r->named, i);

      g_test_message ("%s: %u mentions", n->name, n->mentions);
      if (g_str_equal (n->name, "Vladimir Putin"))
        {
          putin++;
          g_assert_cmpuint (n->mentions, ==, 3);
          g_assert_true (g_ptr_array_find_with_equal_func (n->titles, "president", g_str_equal, NULL));
        }
      else if (g_str_equal (n->name, "Sergei Lavrov"))
        {
          lavrov++;
          g_assert_cmpuint (n->mentions, ==, 3);
          g_assert_true (g_ptr_array_find_with_equal_func (n->titles, "foreign minister", g_str_equal, NULL));
        }
      else if (g_str_has_suffix (n->name, "Petrov"))
        petrov++;
      else if (g_str_equal (n->name, "Foreign Ministry"))
        {
          ministry++;
          g_assert_cmpint (n->kind, ==, DOSSIER_SPEAKER_ORGANISATION);
        }
    }
  g_assert_cmpuint (putin, ==, 1);
  g_assert_cmpuint (lavrov, ==, 1);
  g_assert_cmpuint (petrov, ==, 2);
  g_assert_cmpuint (ministry, ==, 1);
}

static void
test_name_keys (void)
{
  const char *lavrovs[] = { "Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Mr. Lavrov", "Лавров",
                            "Foreign Minister Sergei Lavrov", "Lavrov's" };
  const char *ushakovs[] = { "Yury Ushakov", "Yuri Ushakov", "Юрий Ушаков" };
  g_autofree char *given_a = dossier_name_given_key ("Yury Ushakov");
  g_autofree char *given_b = dossier_name_given_key ("Юрий Ушаков");
  g_autofree char *given_c = dossier_name_given_key ("Anna Lavrova");
  g_autofree char *other = dossier_name_surname_key ("Lavrova");

  for (guint i = 0; i < G_N_ELEMENTS (lavrovs); i++)
    {
      g_autofree char *key = dossier_name_surname_key (lavrovs[i]);

      g_assert_cmpstr (key, ==, "lavrov");
    }
  for (guint i = 0; i < G_N_ELEMENTS (ushakovs); i++)
    {
      g_autofree char *key = dossier_name_surname_key (ushakovs[i]);

      g_assert_cmpstr (key, ==, "ushakov");
    }
  g_assert_cmpstr (given_a, ==, given_b);
  g_assert_cmpstr (given_c, ==, "anna");
  g_assert_cmpstr (other, !=, "lavrov");
  g_assert_null (dossier_name_given_key ("Putin"));
}

/* Hostile input: each finishes within a time limit (of processor time)
 * and finds sane spans. */
static void
check_bounded (const char *body,
               guint       max_quotes)
{
  /* processor time, which other work on a shared machine does not add to */
  clock_t start = clock ();
  g_autoptr(DossierQuoteResult) r = dossier_quotes_find (body);
  double seconds = (double) (clock () - start) / CLOCKS_PER_SEC;
  gsize len = strlen (body);

  g_test_message ("%" G_GSIZE_FORMAT " bytes: %.3f s", len, seconds);
  g_assert_cmpfloat (seconds, <, 2.0 * dossier_test_slowdown ());
  g_assert_cmpuint (r->quotes->len, <=, max_quotes);
  for (guint i = 0; i < r->quotes->len; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);

      g_assert_cmpuint (q->start, <, q->end);
      g_assert_cmpuint (q->end, <=, len);
      g_assert_true (q->speaker < (int) r->named->len);
    }
}

static void
test_hostile (void)
{
  g_autoptr(GString) s = g_string_new (NULL);

  check_bounded ("", 0);
  check_bounded ("\"", 0);
  check_bounded ("«««««« „„„„ “““ \"\"\" said he, it said: \"", 10);
  check_bounded ("\"He said \"she said \"they said\" it said\" we said\" Lavrov said.", 10);

  /* unbalanced marks in one long paragraph */
  for (guint i = 0; i < 50000; i++)
    g_string_append (s, "« word „ ");
  check_bounded (s->str, 0);

  /* a whole article inside one quote that never closes */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 5000; i++)
    g_string_append (s, "\"Paragraph of a speech that runs on, said Lavrov.\n\n");
  check_bounded (s->str, 5000);

  /* 10,000 quotes in one file */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "\"We will respond in kind,\" he said. ");
  check_bounded (s->str, 10000);

  /* a name repeated 100,000 times */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "Vladimir Putin ");
  check_bounded (s->str, 0);

  /* invalid UTF-8 and NUL-free binary noise */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (s, (char) (1 + (i * 7919) % 255));
  check_bounded (s->str, 20000);
}

static void
run_scorer (const char *dir,
            double      min_precision,
            double      min_recall,
            double      min_speaker)
{
  g_autofree char *tool = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "tools", "score-quotes", NULL);
  const char *argv[] = { tool, dir, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  if (min_precision > 0)
    {
      p = strstr (out, "precision: ");
      g_assert_nonnull (p);
      g_assert_cmpfloat (g_ascii_strtod (p + strlen ("precision: "), NULL), >=, min_precision);
    }
  p = strstr (out, "recall: ");
  g_assert_nonnull (p);
  g_assert_cmpfloat (g_ascii_strtod (p + strlen ("recall: "), NULL), >=, min_recall);
  p = strstr (out, "speaker: ");
  g_assert_nonnull (p);
  g_assert_cmpfloat (g_ascii_strtod (p + strlen ("speaker: "), NULL), >=, min_speaker);
}

static void
test_score_own (void)
{
  g_autofree char *dir = dossier_test_data_path ("quotes", NULL);

  run_scorer (dir, 0.95, 0.90, 0.90);
}

/* Uses ../shared/corpora/seeds: every labelled quote found, every speaker right. */
static void
test_score_seeds (void)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    {
      g_test_skip ("DOSSIER_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "corpora", "seeds", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no seeds in DOSSIER_SHARED_DIR");
      return;
    }
  run_scorer (dir, 0, 1.0, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotes/straight-named", test_straight_named);
  g_test_add_func ("/quotes/name-particles", test_name_particles);
  g_test_add_func ("/quotes/curly-title-pronoun", test_curly_title_pronoun);
  g_test_add_func ("/quotes/organisation-it", test_organisation_it);
  g_test_add_func ("/quotes/partial-and-scare", test_partial_and_scare);
  g_test_add_func ("/quotes/guillemets-and-low-marks", test_guillemets_and_low_marks);
  g_test_add_func ("/quotes/multi-paragraph", test_multi_paragraph);
  g_test_add_func ("/quotes/unattributed", test_unattributed);
  g_test_add_func ("/quotes/paragraph-speaker", test_paragraph_speaker);
  g_test_add_func ("/quotes/attribution-forms", test_attribution_forms);
  g_test_add_func ("/quotes/clauses-and-surnames", test_clauses_and_surnames);
  g_test_add_func ("/quotes/colon-and-told", test_colon_and_told);
  g_test_add_func ("/quotes/people-in-article", test_people_in_article);
  g_test_add_func ("/quotes/name-keys", test_name_keys);
  g_test_add_func ("/quotes/hostile", test_hostile);
  g_test_add_func ("/quotes/score-own", test_score_own);
  g_test_add_func ("/quotes/score-seeds", test_score_seeds);

  return g_test_run ();
}
