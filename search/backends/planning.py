"""The parsed query travels with the Wagtail query object, so it is parsed once per search."""

from modelsearch.query import Phrase, PlainText

from ..runtime import get_analyzer


class PlannedQuery(PlainText):
    """A plain-text query carrying its QueryPlan (built by the public search engine)."""

    def __init__(self, plan):
        super().__init__(plan.text or " ")
        self.plan = plan


def plan_for(query):
    """The QueryPlan of a PlainText or Phrase query (parsed here unless it came with one)."""
    plan = getattr(query, "plan", None)
    if plan is not None:
        return plan
    text = query.query_string
    if isinstance(query, Phrase):
        text = '"' + text.replace('"', " ") + '"'
    return get_analyzer().parse_query(text)
