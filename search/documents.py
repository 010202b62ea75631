"""Elasticsearch documents with explicit mappings.

Each public page is one document: the original text analysed by Elasticsearch's built-in ``cjk``
analyzer, the same text pre-segmented and folded by our analyzer (``*_tokens``, whitespace
analyzer, so simplified/traditional, dictionary words and document numbers behave exactly as on
the database backends), and keyword fields for facets. The index is reached through an alias so
that a rebuild can fill a fresh index and switch over atomically.
"""

from elasticsearch.dsl import Date, Document, Integer, Keyword, Object, Text

DEFAULT_ALIAS = "gongkai-pages"
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


class PageDocument(Document):
    title = Text(analyzer="cjk", fields={"raw": Keyword(ignore_above=512)})
    title_tokens = Text(analyzer="whitespace")
    body = Text(analyzer="cjk")
    body_tokens = Text(analyzer="whitespace")
    autocomplete = Text(analyzer="whitespace")
    url = Keyword(index=False)
    type = Keyword()
    type_label = Keyword(index=False)
    authority = Keyword(multi=True)
    validity = Keyword()
    doc_number = Keyword()
    year = Integer()
    date = Date()
    sections = Object(enabled=False)
    # The text of the documents the page links: searched (tokens) and kept for snippets.
    attachments_tokens = Text(analyzer="whitespace")
    attachments = Object(enabled=False)

    class Index:
        name = DEFAULT_ALIAS
        settings = INDEX_SETTINGS


def mapping():
    """The explicit mapping as a plain dict (what is sent when an index is created)."""
    return PageDocument._doc_type.mapping.to_dict()


def to_document(rec, analyzer):
    """Build a PageDocument from extract.record() output."""
    from .analysis.analyzer import unigrams

    return PageDocument(
        meta={"id": rec["id"]},
        title=rec["title"],
        title_tokens=analyzer.index_text(rec["title"] + " " + rec["doc_number"]),
        body=rec["body"],
        body_tokens=analyzer.index_text(rec["body"]),
        autocomplete=" ".join(unigrams(analyzer.phrase_tokens(rec["title"]))),
        url=rec["url"],
        type=rec["type"],
        type_label=rec["type_label"],
        authority=rec["authority"],
        validity=rec["validity"] or None,
        doc_number=rec["doc_number"] or None,
        year=rec["year"],
        date=rec["date"],
        sections=[{"anchor": a, "heading": h, "text": t} for a, h, t in rec["sections"]],
        attachments_tokens=analyzer.index_text(
            "\n\n".join(f"{a['title']}\n{a['text']}" for a in rec.get("attachments") or [])
        ),
        attachments=rec.get("attachments") or [],
    )
