"""A page's address keeps leading to it, and stops leading to it as soon as it is unpublished,
moved or renamed, although each process remembers where addresses led (listings.routes)."""

import pytest

from policies.tests.factories import make_policy, policy_library

pytestmark = pytest.mark.django_db


def _read_twice(client, url):
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code
    assert first.content == second.content
    return second


def test_an_unpublished_page_is_gone_at_once(client):
    policy = make_policy("村务公开办法")
    url = policy.url
    assert "村务公开办法" in _read_twice(client, url).content.decode()

    policy.unpublish()
    assert client.get(url).status_code == 404


def test_a_renamed_page_answers_at_its_new_address_only(client):
    policy = make_policy("财务公开办法")
    old_url = policy.url
    assert _read_twice(client, old_url).status_code == 200

    policy.slug = "caiwu-gongkai"
    policy.save_revision().publish()
    policy.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert "财务公开办法" in client.get(policy.url).content.decode()


def test_a_moved_page_answers_at_its_new_address_only(client):
    policy = make_policy("事务公开办法")
    old_url = policy.url
    assert _read_twice(client, old_url).status_code == 200

    library = policy_library()
    target = library.add_child(instance=type(library)(title="旧文件", slug="jiu-wenjian"))
    target.save_revision().publish()
    policy.move(target, pos="last-child")
    policy.refresh_from_db()
    old = client.get(old_url)
    assert old.status_code in (301, 404)  # the site may send readers on (automatic redirect)
    assert old.status_code == 404 or old["Location"] == policy.url
    assert "事务公开办法" in client.get(policy.url).content.decode()


def test_a_sub_route_of_a_page_is_served_again(client):
    policy = make_policy("村规民约")
    index = _read_twice(client, policy.url)
    assert "村规民约" in index.content.decode()
    missing = policy.url + "no-such-part/"
    assert client.get(missing).status_code == client.get(missing).status_code == 404
