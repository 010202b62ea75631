"""Load the shipped everyday-words vocabulary into the synonym snippet (idempotent)."""

from django.core.management.base import BaseCommand

from search import runtime
from search.models import Synonym
from search.vocabulary import load_short_names, load_spoken, load_vocabulary


class Command(BaseCommand):
    help = (
        "把 search/vocabulary/everyday.tsv（常用说法→文件用语）和 shortnames.tsv（简称→全称）"
        "以及 situations.tsv（生活情形→政策用语）、spoken.tsv（方言口语→书面用语）"
        "写入检索同义词（已有的不变）。"
    )

    def handle(self, *args, **options):
        added = load_vocabulary(Synonym) + load_short_names(Synonym) + load_spoken(Synonym)
        runtime.synonyms_changed()
        self.stdout.write(f"检索词表：新增 {added} 组，共 {Synonym.objects.count()} 组同义词。")
