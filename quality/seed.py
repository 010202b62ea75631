"""The seeded lists (data/lists.json, each entry with its source) loaded into the models.

Used by the data migration (with the historical models) and by ``quality_load_lists``; entries
already there are left as the site manager edited them.
"""

import json
from pathlib import Path

LISTS = Path(__file__).parent / "data" / "lists.json"


def load_lists(apps=None):
    from django.apps import apps as running

    registry = apps or running
    data = json.loads(LISTS.read_text(encoding="utf-8"))
    sources = data["sources"]
    Correction = registry.get_model("quality", "Correction")
    ProhibitedWord = registry.get_model("quality", "ProhibitedWord")
    Confusion = registry.get_model("quality", "Confusion")
    created = 0
    for wrong, right, category, source in data["corrections"]:
        _, new = Correction.objects.get_or_create(
            wrong=wrong, defaults={"right": right, "category": category, "source": sources[source]}
        )
        created += new
    for word, advice, source in data["prohibited"]:
        _, new = ProhibitedWord.objects.get_or_create(
            word=word, defaults={"advice": advice, "source": sources[source]}
        )
        created += new
    for wrong, right in data["confusions"]:
        _, new = Confusion.objects.get_or_create(
            wrong=wrong, defaults={"right": right, "source": sources["typos"]}
        )
        created += new
    return created
