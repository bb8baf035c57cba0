#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the text-import fixtures in this folder (invented articles in the
shapes of saved news pages, in several encodings).  Run it from here."""
NB = '\u00a0'


def w(name, text, enc='utf-8'):
    with open(name, 'wb') as f:
        f.write(text.encode(enc))


w('appeal.txt', f"""✕
Like reading without ads?
Since March 2023 we carry no advertising at all.
Support us
Independent reporting needs readers like you.

Mayors of Twin Cities Sign River Pact With U.S. Partners

The signing ceremony on the embankment drew a crowd of several hundred people. Olga Brandt / Riverside Courier

The mayors of two border towns signed an agreement on{NB}Tuesday to share the cost of cleaning the river that separates them, ending a dispute that had lasted for almost a decade.

Under the pact, each town will pay half of the{NB}cost of a new treatment plant, and an inspector from each side will check the water every month.

"We have argued for too long about who spilled what," one of the mayors told reporters after the ceremony. "Now we will simply fix it."

The agreement still needs the approval of both regional parliaments, which are expected to vote on it before the end of the year.

A Message from The Riverside Courier:

Dear readers,

We are a small newsroom and we depend on you. If you can, please support us with a monthly contribution starting from just $3.

Once
Monthly
Continue
Not ready to support today?
Remind me later.

Read more
""")

w('byline.txt', """

Ministers Agree on New Rules for Cross-Border Trains

By Anna Petrova, The Northern Ledger

March 3, 2011

Transport ministers from four countries agreed on Thursday to harmonise the safety rules for trains that cross their borders, a move that could cut travel times by up to an hour.

The new rules will let a train keep the same crew and locomotive from departure to arrival, instead of changing both at each frontier.

"Passengers will notice the difference from the first day," the chairman of the meeting said.

Related articles:

- [Rail Freight Volumes Rise Again](#)
- [Unions Question Crew Rules](#)

Original url:

<https://www.northernledger.example/2011/03/03/ministers-agree-on-new-rules-for-trains-a1234>
""")

w('agency.txt', """Grain Exports Resume After Port Strike Ends

Posted: Jan 9, 2012 3:05 PM

KIEV (Reuters) — Grain shipments resumed on Monday from the country's largest port after dock workers ended a week-long strike over pay, the port authority said.

About 40 ships had been waiting at anchor outside the harbour, and traders said it would take at least ten days to clear the backlog.

The strike had pushed up wheat prices on European exchanges by about 3 percent last week.
""")

w('see-also.txt', """Menu
Search
Sign in

Council Approves Budget for New Library

The city council approved on Wednesday a budget of 12 million for a new central library, after two years of debate about its location and size.

See also:

Library Plans Spark Debate Over Parking

The building will have space for 200,000 books, a children's floor and a rooftop reading garden, according to the plans approved by the council.

Construction is expected to start next spring and to last about two years, the head of the council's culture committee said.

Share this article
Comments are closed.
© 2015 Valley Evening Post. All rights reserved.
""")

ru = """Переговоры о торговле продолжатся в Женеве

2 февраля 2013

Делегации двух стран договорились во вторник продолжить переговоры о торговых пошлинах в Женеве в следующем месяце, сообщили в министерстве иностранных дел.

По словам участников встречи, стороны сблизили позиции по большинству вопросов, но разногласия по тарифам на сталь и удобрения сохраняются.

«Мы надеемся подписать соглашение до конца года», — заявил глава одной из делегаций журналистам после встречи.
"""
w('russian-utf8.txt', ru)
w('russian-cp1251.txt', ru, 'cp1251')
# KOI8-R has no guillemets or em dash
w('russian-koi8r.txt', ru.replace('«', '"').replace('»', '"').replace('—', '-'), 'koi8-r')
w('russian-utf16le-bom.txt', '\ufeff' + ru, 'utf-16-le')
w('russian-utf16be-bom.txt', '\ufeff' + ru, 'utf-16-be')
w('russian-utf16le.txt', ru, 'utf-16-le')
w('russian-utf8-bom.txt', '\ufeff' + ru)

fr = """Débat sur l’énergie à Genève

Les ministres de l’énergie se sont réunis jeudi à Genève pour discuter des prix du gaz, a déclaré un porte-parole du ministère des affaires étrangères.

« Nous avons fait des progrès », a-t-il ajouté, en précisant que la prochaine réunion aurait lieu à Zürich en été.

Les négociations sur les tarifs et la durée des contrats à long terme reprendront après les élections, selon plusieurs délégués présents.
"""
w('french-cp1252.txt', fr, 'cp1252')
w('french-latin1.txt', fr.replace('’', "'"), 'iso-8859-1')
de = """Gespräche über Gaspreise in München

Die Außenminister trafen sich am Dienstag in München, um über die Gaspreise und die Sicherheit der Lieferungen zu sprechen, teilte ein Sprecher mit.

Eine Einigung über die Höhe der Gebühren für die Durchleitung wurde nicht erzielt, doch beide Seiten wollen die Gespräche im März fortsetzen.
"""
w('german-cp1252.txt', de, 'cp1252')

html = """<!DOCTYPE html>
<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Переговоры о торговле продолжатся в Женеве</title></head>
<body><article><h1>Переговоры о торговле продолжатся в Женеве</h1>
<p>Делегации двух стран договорились во вторник продолжить переговоры о торговых пошлинах в Женеве в следующем месяце, сообщили в министерстве иностранных дел.</p>
<p>По словам участников встречи, стороны сблизили позиции по большинству вопросов, но разногласия по тарифам на сталь и удобрения сохраняются.</p>
<p>«Мы надеемся подписать соглашение до конца года», — заявил глава одной из делегаций журналистам после встречи.</p>
</article></body></html>
"""
w('meta-cp1251.html', html, 'cp1251')

bad = ("Harbour Works Delayed Again\n\nThe repairs to the harbour wall will not finish before winter, "
       "the port authority said on Friday — blaming a shortage of steel.\n\n"
       "A spokesman said the contractor from Zürich had asked for two more months to complete the work "
       "on the café terrace and the pier — and the old crane.\n").encode()
bad = bad.replace(b"steel", b"st\xffeel", 1).replace(b"two more", b"\xc3\x28two more", 1)
with open('invalid-utf8.txt', 'wb') as f:
    f.write(bad)

w('wrapped.txt', """Farmers Protest Over Milk Prices

Dairy farmers blocked the main road into the capital on Monday with about
two hundred tractors, demanding that the government set a minimum price for
milk after months of falling income.

The agriculture minister said she would meet a delegation of the farmers
later in the week, but warned that the budget left little room for new
subsidies.
""")

w('no-title.txt', "The water level of the lake fell by another ten centimetres last month, the lowest reading since records began, according to figures published by the regional environment office on Thursday.\n")

w('front-matter.md', """---
title: "Bridge Reopens After Two Years of Repairs"
date: 2014-06-21
url: https://www.example.org/news/2014/06/21/bridge-reopens
author:
  - Maria Lind
  - Tom Berg
source: The Harbour Gazette
tags: [bridges, city]
---

# Bridge Reopens After Two Years of Repairs

The **old stone bridge** over the river reopened to traffic on *Saturday*, two years after it was closed because of cracks in its arches.

![The bridge at dawn](images/bridge.jpg)

Engineers replaced [the damaged arches](https://example.org/arches) and strengthened the foundations with steel piles, the city's `infrastructure` department said.

- Cars are limited to 30 km/h.
- Lorries over 7.5 tonnes are banned.

```
speed_limit = 30
```

> "It was worth the wait," said one resident who crosses it daily.
""")

w('heading.md', """# Museum Returns Paintings to Owners' Heirs

*By Peter Holm*

A national museum has agreed to return three paintings to the heirs of a collector whose property was seized in 1938, ending a legal dispute that lasted eleven years.

## What happens next

The paintings will stay on display until the end of the year under a loan agreement with the family, a museum spokeswoman said.

[1]: https://example.org/reference
""")
