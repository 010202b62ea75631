"""A policy page reuses its rendered body and table of contents until a new revision is
published; a page without a live revision is rendered afresh each time."""

import pytest

from policies.models import PolicyPage
from policies.tests.factories import make_policy, stream_from_text

pytestmark = pytest.mark.django_db
TEXT = "第一条 为了规范村务公开，制定本办法。\n第二条 本办法自发布之日起施行。"
NEW_TEXT = "第一条 为了推进村务公开，修订本办法。\n第二条 本办法自修订之日起施行。"


def _content(html):
    """The page below <main> (the head's description reads the stored body directly)."""
    return html.split("<main", 1)[1]


def _new_body(text):
    return stream_from_text(PolicyPage._meta.get_field("body"), text)


def test_a_second_render_reuses_the_body_and_a_new_revision_replaces_it(client):
    policy = make_policy("村务公开办法", text=TEXT)
    first = client.get(policy.url).content.decode()
    assert "为了规范村务公开" in first and "policy-toc" in first

    # Stored body changed behind the revision's back: the rendered fragment is reused.
    PolicyPage.objects.filter(pk=policy.pk).update(body=_new_body(NEW_TEXT))
    second = client.get(policy.url).content.decode()
    assert _content(second) == _content(first)
    assert "为了推进村务公开" not in _content(second)

    page = PolicyPage.objects.get(pk=policy.pk)
    page.body = _new_body(NEW_TEXT)
    page.change_note = "修订第一条"
    page.save_revision().publish()
    third = client.get(policy.url).content.decode()
    assert "为了推进村务公开" in third and "为了规范村务公开" not in third


def test_a_page_without_a_live_revision_is_never_served_from_the_fragment_cache(client):
    policy = make_policy("没有发布版本记录的办法", text=TEXT)
    PolicyPage.objects.filter(pk=policy.pk).update(live_revision=None)
    assert "为了规范村务公开" in client.get(policy.url).content.decode()
    PolicyPage.objects.filter(pk=policy.pk).update(body=_new_body(NEW_TEXT))
    assert "为了推进村务公开" in client.get(policy.url).content.decode()
