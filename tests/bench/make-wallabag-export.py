#!/usr/bin/python3
# make-wallabag-export.py OUT [ARTICLES] [ANNOTATIONS_PER_ARTICLE]
# Writes a Wallabag JSON export of ARTICLES (default 1,000) articles of
# about 1,200 words each, with ANNOTATIONS_PER_ARTICLE (default 5)
# annotations, every one quoting a sentence of its article: the input of
# the bench row "import a Wallabag export".
import json
import random
import sys

WORDS = ("harbour council river dredging cargo tonnage agreement delegates customs house "
         "channel season weather report budget survey farmers village market railway "
         "station museum archive letter minister committee election forest mountain "
         "coast island bridge school hospital factory workers union strike festival").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    rng = random.Random(19)
    entries = []
    for i in range(n):
        paragraphs = []
        for _ in range(12):
            paragraphs.append(" ".join(sentence(rng, rng.randint(8, 14)) for _ in range(8)))
        annotations = []
        for j in range(per):
            p = rng.choice(paragraphs)
            quote = p.split(". ")[rng.randint(0, 6)].rstrip(".")
            annotations.append({"id": i * per + j, "text": f"note {j}", "quote": quote,
                                "created_at": "2024-03-01T10:00:00+00:00", "ranges": []})
        entries.append({
            "is_archived": i % 3 == 0, "is_starred": i % 7 == 0, "id": i + 1,
            "tags": [f"topic-{i % 20}", "bench"], "title": f"Bench article {i + 1}",
            "url": f"https://bench.example.org/{i + 1}",
            "content": "".join(f"<p>{p}</p>" for p in paragraphs),
            "created_at": "2024-01-01T08:00:00+00:00", "annotations": annotations,
            "domain_name": "bench.example.org"})
    with open(out, "w", encoding="utf-8") as f:
        json.dump(entries, f)


main()
