"""Checks of the chain-head log: the site's own log as a whole, and copies archived by others.

Used by ``verify_disclosures`` and the public 核验 page. Every problem is a Chinese sentence;
an empty list means the log holds.
"""

from itertools import groupby

from .anchoring import current_links, entry_signature_ok
from .hashchain import head_of


def stored_hashes(links):
    """{(page, version): hash} in the database for the given links, in one query."""
    from django.db.models import Q

    from .models import DisclosureVersion

    query = Q()
    for link in links:
        query |= Q(page_id=link.get("page"), number=link.get("version"))
    if not links:
        return {}
    rows = DisclosureVersion.objects.filter(query).values_list("page_id", "number", "hash")
    return {(page, number): digest for page, number, digest in rows}


def link_problems(where, links, stored=None, when="记录后"):
    """Each listed version must still be in the database with the listed hash."""
    stored = stored_hashes(links) if stored is None else stored
    problems = []
    for link in links:
        page, number = link.get("page"), link.get("version")
        found = stored.get((page, number))
        if found is None:
            problems.append(f"{where}：页面 ID {page} 第 {number} 版在数据库中已不存在")
        elif found != link.get("hash"):
            problems.append(
                f"{where}：页面 ID {page} 第 {number} 版的哈希记录为 "
                f"{str(link.get('hash'))[:16]}…，数据库中为 {found[:16]}…，该版本在{when}被改写"
            )
    return problems


def entry_problems(entry, stored=None):
    """One entry of the site's log: its head, its signature, the versions it lists."""
    where = f"链头日志 {entry.village_name} 第 {entry.number} 条（{entry.day}）"
    if not entry.links or head_of(entry.links) != entry.head:
        return [f"{where}：链头与所列版本不符，日志被改动"]
    if not entry_signature_ok(entry):
        return [f"{where}：签名不符，日志被改动"]
    return link_problems(where, entry.links, stored)


def _village_problems(village_id, entries):
    problems = []
    for expected, entry in enumerate(entries, start=1):
        if entry.number != expected:
            problems.append(
                f"链头日志 {entry.village_name}：缺少第 {expected} 条"
                f"（下一条是第 {entry.number} 条），"
                "日志中有条目被删除"
            )
            break
    links = [link for entry in entries for link in entry.links]
    stored = stored_hashes(links)
    for entry in entries:
        problems += entry_problems(entry, stored)
    return problems


def _current_problems(entries_by_village):
    """The latest entry of each village must cover every disclosure at its latest version."""
    from .models import VillagePage

    problems = []
    for village in VillagePage.objects.order_by("path"):
        links = current_links(village)
        if not links:
            continue
        entries = entries_by_village.get(village.pk) or []
        if not entries or head_of(links) != entries[-1].head:
            listed = {(x["page"], x["version"]) for x in (entries[-1].links if entries else [])}
            missing = [
                f"页面 ID {x['page']} 第 {x['version']} 版"
                for x in links
                if (x["page"], x["version"]) not in listed
            ]
            what = "、".join(missing) or "与当前公开不一致"
            problems.append(f"链头日志 {village.title}：最新一条未涵盖当前公开（{what}）")
    return problems


def log_problems():
    """The whole site log: numbering without gaps, heads, signatures, listed versions, and the
    latest entry of each village covering what is published now."""
    from .models import ChainHead

    rows = ChainHead.objects.order_by("village_id", "number")
    by_village = {vid: list(group) for vid, group in groupby(rows, key=lambda e: e.village_id)}
    problems = []
    for village_id, entries in by_village.items():
        problems += _village_problems(village_id, entries)
    return problems + _current_problems(by_village)


def _site_entry(archived):
    """The site log's entry matching an archived one (by number, or by day and head)."""
    from .models import ChainHead

    entries = ChainHead.objects.filter(village_id=archived.get("village_id"))
    if isinstance(archived.get("number"), int):
        return entries.filter(number=archived["number"]).first(), True
    return entries.filter(day=archived.get("date"), head=archived.get("head")).first(), False


def archived_problems(entries):
    """Compare a copy of the log archived by someone else with the database and the site log.

    Each archived (disclosure, version, hash) must still be in the database with that hash, and
    each archived entry still in the site's log: a version deleted or rewritten after the copy was
    made shows up here even when the writer recomputed every hash and, with the key, re-signed.
    """
    problems = []
    for archived in entries:
        if not isinstance(archived, dict):
            problems.append("存档中有一项不是链头条目，无法用于核验")
            continue
        number = archived.get("number")
        label = f"第 {number} 条" if number else archived.get("date", "?")
        where = f"存档的链头 {archived.get('village', '?')} {label}"
        links = archived.get("disclosures") or []
        if not _links_well_formed(links) or head_of(links) != archived.get("head"):
            problems.append(f"{where}：存档本身不完整或链头与所列版本不符，无法用于核验")
            continue
        problems += link_problems(where, links, when="存档后")
        try:
            site, numbered = _site_entry(archived)
        except (TypeError, ValueError):
            site, numbered = None, False
        if site is None:
            problems.append(f"{where}：本站链头日志中已没有这一条，日志在存档后被删改")
        elif numbered and site.head != archived.get("head"):
            problems.append(f"{where}：本站日志中该条的链头与存档不同，日志在存档后被改写")
    return problems


def _links_well_formed(links):
    return bool(links) and all(
        isinstance(x, dict)
        and isinstance(x.get("page"), int)
        and isinstance(x.get("version"), int)
        and isinstance(x.get("hash"), str)
        for x in links
    )
