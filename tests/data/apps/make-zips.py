#!/usr/bin/python3
# Writes the Omnivore ZIP fixtures of this folder in the layout of
# Omnivore's export: metadata_*.json, content/<slug>.md|.html and
# highlights/<slug>.md.  Run it here; the ZIPs are checked in.
import json
import zipfile

items = [
    {"id": "5f3c0d2e-1111-4c8a-9d2e-000000000001", "slug": "the-night-trains-return-18a1",
     "title": "The Night Trains Return", "description": "Sleeper services are back.",
     "author": "Marta Kowalska", "url": "https://travel.example.com/night-trains",
     "state": "ARCHIVED", "readingProgress": 100, "thumbnail": "",
     "labels": ["travel", "rail"], "savedAt": "2024-03-01T07:45:10.000Z",
     "updatedAt": "2024-03-02T08:00:00.000Z", "publishedAt": "2024-02-28T00:00:00.000Z"},
    {"id": "5f3c0d2e-1111-4c8a-9d2e-000000000002", "slug": "a-field-guide-to-mosses-18a2",
     "title": "A Field Guide to Mosses", "description": "", "author": None,
     "url": "https://nature.example.org/mosses", "state": "SUCCEEDED",
     "readingProgress": 10, "thumbnail": "", "labels": [{"name": "botany", "color": "#00ff00"}],
     "savedAt": "2024-04-11T12:00:00.000Z", "updatedAt": "2024-04-11T12:00:00.000Z"},
    {"id": "5f3c0d2e-1111-4c8a-9d2e-000000000003", "slug": "missing-content-18a3",
     "title": "An Article Whose Content File Is Missing", "description": "",
     "url": "https://example.com/missing-content", "state": "SUCCEEDED",
     "readingProgress": 0, "thumbnail": "", "labels": [],
     "savedAt": "2024-05-01T09:00:00.000Z", "updatedAt": "2024-05-01T09:00:00.000Z"},
]

content = {
    "content/the-night-trains-return-18a1.md":
        "# The Night Trains Return\n\n"
        "After two decades of decline, sleeper trains are running again across the continent.\n\n"
        "Operators report that cabins on the Vienna to Brussels line sell out weeks in advance.\n\n"
        "Travellers say the appeal is simple: you fall asleep in one country and wake up in another.\n",
    "content/a-field-guide-to-mosses-18a2.html":
        "<div><p>Mosses have no roots; they hold on with thin threads called rhizoids.</p>"
        "<p>A single square metre of forest floor can hold a dozen species.</p></div>",
}

highlights = {
    "highlights/the-night-trains-return-18a1.md":
        "> cabins on the Vienna to Brussels line sell out weeks in advance "
        "[⤴️](https://omnivore.app/me/the-night-trains-return-18a1#a1)\n\n"
        "Check the summer timetable.\n\n"
        "> you fall asleep in one country and wake up in another "
        "[⤴️](https://omnivore.app/me/the-night-trains-return-18a1#a2)\n\n"
        "> This sentence is not in the article at all. "
        "[⤴️](https://omnivore.app/me/the-night-trains-return-18a1#a3)\n\n"
        "An orphan that must be kept.\n",
    "highlights/a-field-guide-to-mosses-18a2.md":
        "> they hold on with thin threads called rhizoids "
        "[⤴️](https://omnivore.app/me/a-field-guide-to-mosses-18a2#b1)\n",
    "highlights/missing-content-18a3.md":
        "> A highlight of an article whose text is not in the export "
        "[⤴️](https://omnivore.app/me/missing-content-18a3#c1)\n",
}

with zipfile.ZipFile("omnivore.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("metadata_0_to_2.json", json.dumps(items, indent=2))
    for name, text in content.items():
        z.writestr(name, text)
    for name, text in highlights.items():
        z.writestr(name, text)

# an entry name that leads outside the archive
with zipfile.ZipFile("omnivore-traversal.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("metadata_0_to_0.json", json.dumps(items[:1]))
    z.writestr("../../x", "escaped")
