"""简→繁 of stored text: phrase rules that keep words whole, in Taiwan or Hong Kong forms,
checked against a hand-reviewed set of government phrases
(readerprefs/data/s2t_phrase_checks.tsv)."""

from pathlib import Path

import pytest

from pagecache import store
from readerprefs.conversion import DATA, convert, read_rules
from readerprefs.variants import html_to_traditional


def checks():
    rows = []
    for line in (DATA / "s2t_phrase_checks.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return rows


def test_the_phrase_set_is_large_and_well_formed():
    rows = checks()
    assert len(rows) >= 200
    assert all(len(row) == 3 and all(row) for row in rows)
    assert len({row[0] for row in rows}) == len(rows)


def test_every_government_phrase_converts_as_reviewed():
    wrong = [
        (simp, region, got, want)
        for simp, tw, hk in checks()
        for region, want in (("tw", tw), ("hk", hk))
        if (got := convert(simp, region)) != want
    ]
    assert wrong == []


@pytest.mark.parametrize("region", ["tw", "hk"])
def test_words_are_never_split_and_odd_forms_never_appear(region):
    text = "补贴资金发放到户，经审核、复核后由党群服务中心公布，为民办实事。"
    out = convert(text, region)
    assert "資金發放" in out and "髮" not in out
    for odd in ("審覈", "複覈", "黨羣", "爲"):
        assert odd not in out
    assert convert("头发", region) == "頭髮"  # a real 髮 stays


def test_regional_forms_differ_where_readers_expect():
    assert convert("着手", "tw") == "著手" and convert("着手", "hk") == "着手"
    assert convert("村里", "tw") == "村裡" and convert("村里", "hk") == "村裏"
    # Vocabulary is never swapped: statute names stay as enacted.
    assert convert("政府信息公开条例", "tw") == "政府信息公開條例"


def test_html_carries_the_regional_language_tag():
    html = '<html lang="zh-Hans"><body><p>资金发放</p></body></html>'
    assert html_to_traditional(html, "hk") == (
        '<html lang="zh-Hant-HK"><body><p>資金發放</p></body></html>'
    )
    assert html_to_traditional(html).startswith('<html lang="zh-Hant">')


def test_a_bad_rules_line_is_refused(tmp_path):
    rules = tmp_path / "rules.tsv"
    rules.write_text("# note\n资金\t資金\n资金发放\t資金\n", encoding="utf-8")
    with pytest.raises(ValueError, match="第 3 行"):
        read_rules(Path(rules))


@pytest.mark.django_db
def test_a_hong_kong_reader_gets_hong_kong_forms_and_can_switch_back(client):
    response = client.get("/preferences/", {"script": "hk", "next": "/"})
    assert response.cookies["script"].value == "hk"
    html = client.get("/").content.decode()
    assert '<html lang="zh-Hant-HK"' in html
    assert "台灣用字" in html and "script=hant" in html
    client.cookies["script"] = "hant"
    html = client.get("/").content.decode()
    assert '<html lang="zh-Hant"' in html and "香港用字" in html
    assert store.variant_for_cookies({"script": "hk"}) == "hk-0"
    assert store.variant_for_cookies({"script": "HK"}) == "hans-0"
