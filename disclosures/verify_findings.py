"""The answers of the public 核验 page: what a hash or chain head belongs to and whether it holds.

Each check returns a ``Finding`` in plain Chinese. ``OK`` only when every check passed and the
page online shows exactly what was checked; ``SUPERSEDED`` when what was checked is genuine but
corrected since (every later correction is listed with its reason); ``BAD`` when anything does
not match; ``UNKNOWN`` when the site has no record of it.
"""

from dataclasses import dataclass, field

OK, SUPERSEDED, BAD, UNKNOWN = "ok", "superseded", "bad", "unknown"
VERDICTS = {
    OK: "核验一致",
    SUPERSEDED: "记录属实，之后有更正",
    BAD: "核验不一致",
    UNKNOWN: "查无记录",
}


@dataclass
class Finding:
    verdict: str
    title: str
    facts: list = field(default_factory=list)  # (label, value)
    notes: list = field(default_factory=list)
    corrections: list = field(default_factory=list)  # later DisclosureVersion rows
    pages: list = field(default_factory=list)  # (label, DisclosurePage) to link

    @property
    def verdict_label(self):
        return VERDICTS[self.verdict]

    def fail(self, note):
        self.verdict = BAD
        self.notes.append(note)


def _village_of(page):
    return page.get_parent().specific


def nothing_found():
    return Finding(
        UNKNOWN,
        "本站没有这个哈希",
        notes=[
            "它既不是本站任何一份公开的版本哈希，也不在链头日志中。可能抄错了字符，也可能是伪造的；"
            "若它印在张贴单上或您自己存档过，说明本站数据在那之后被删改，"
            "请向乡镇（街道）或县级主管部门反映。"
        ],
    )


def check_version(digest, village_id=None):
    """A version hash: which disclosure and version, still intact, still what is online?"""
    from .guards import visibility_problems
    from .models import DisclosureVersion, check_page

    version = DisclosureVersion.objects.filter(hash=digest).select_related("page").first()
    if version is None:
        return Finding(
            UNKNOWN,
            "本站没有这个版本哈希",
            notes=[
                "可能抄错了字符；也可能该版本已从数据库中被删除。若您手中的张贴单印有此哈希，"
                "请向乡镇（街道）或县级主管部门反映。"
            ],
        )
    page = version.page.specific
    village = _village_of(page)
    finding = Finding(OK, f"{village.title}《{page.title}》第 {version.number} 版")
    finding.facts += [
        ("村（社区）", village.title),
        ("公开", f"{page.title}（{page.period_label}）"),
        ("版本", f"第 {version.number} 版 · {version.get_kind_display()}"),
        ("发布时间", f"{version.published_at:%Y年%m月%d日 %H:%M}"),
    ]
    finding.pages.append(("查看网上公开", page))
    if village_id and village.pk != village_id:
        finding.fail(f"这个哈希属于{village.title}的公开，不是您所选的村（社区）。")
    integrity = check_page(page)
    problems = ([] if integrity.ok else [integrity.message]) + visibility_problems(page)
    for problem in problems:
        finding.fail(f"网上页面未通过核验：{problem}")
    finding.corrections = list(page.versions.filter(number__gt=version.number).order_by("number"))
    if finding.verdict == OK and finding.corrections:
        latest = finding.corrections[-1]
        finding.verdict = SUPERSEDED
        finding.notes.append(
            f"此版本真实无误，但之后有 {len(finding.corrections)} 次更正或撤回，"
            f"网上页面现在显示第 {latest.number} 版，与该版存档一致。"
        )
    elif finding.verdict == OK:
        finding.notes.append("这是该公开的最新版本，网上页面显示的内容与它完全一致。")
    _note_entry(finding, page, version)
    return finding


def _note_entry(finding, page, version):
    from .models import ChainHead

    entries = ChainHead.objects.filter(village_id=page.get_parent().pk).order_by("number")
    first = next((e for e in entries.iterator() if e.covers(page.pk, version.number)), None)
    if first is None:
        finding.fail("链头日志中没有任何一条包含此版本，日志可能被删改。")
        return
    listed = next(
        x["hash"] for x in first.links if x["page"] == page.pk and x["version"] == version.number
    )
    if listed != version.hash:
        finding.fail(
            f"链头日志第 {first.number} 条记下的此版哈希是 {listed[:16]}…，与现在不同："
            "该版本在记录后被改写。"
        )
    else:
        finding.facts.append(
            ("最早记入链头日志", f"第 {first.number} 条（{first.recorded_at:%Y年%m月%d日 %H:%M}）")
        )


def check_head(head, village_id=None, day=None):
    """A chain head: which village and moment, still intact, and what changed since."""
    from .models import ChainHead

    entries = list(ChainHead.objects.filter(head=head).order_by("number"))
    if village_id:
        others = [e for e in entries if e.village_id != village_id]
        if others and len(others) == len(entries):
            return Finding(
                BAD,
                "这个链头不属于所选的村（社区）",
                notes=[f"它是{others[0].village_name}的链头，不是您所选的村（社区）。"],
            )
        entries = [e for e in entries if e.village_id == village_id]
    if not entries:
        return Finding(
            UNKNOWN,
            "本站链头日志中没有这个链头",
            notes=[
                "可能抄错了字符，也可能是伪造的；若它印在张贴单上或您自己存档过，"
                "说明本站的链头日志在那之后被删改，请向乡镇（街道）或县级主管部门反映。"
            ],
        )
    if day and not any(e.day == day for e in entries):
        when = "、".join(sorted({f"{e.day:%Y年%m月%d日}" for e in entries}))
        return Finding(
            BAD,
            "链头与日期对不上",
            notes=[
                f"这个链头记录于{when}，不是您填写的 {day:%Y年%m月%d日}。请核对张贴单上的日期。"
            ],
        )
    return _head_finding(entries[0], entries)


def _head_finding(entry, entries):
    from .headcheck import entry_problems

    finding = Finding(OK, f"{entry.village_name} 链头日志第 {entry.number} 条")
    finding.facts += [
        ("村（社区）", entry.village_name),
        ("记录时间", f"{entry.recorded_at:%Y年%m月%d日 %H:%M}（{entry.get_kind_display()}）"),
        ("涵盖公开", f"{len(entry.links)} 份"),
    ]
    if len(entries) > 1:
        finding.facts.append(
            ("同一链头也记于", "、".join(f"第 {e.number} 条" for e in entries[1:]))
        )
    for problem in entry_problems(entry):
        finding.fail(problem)
    _compare_with_today(finding, entry)
    return finding


def _compare_with_today(finding, entry):
    """Each disclosure the entry lists: still intact online, and corrected since?"""
    from .guards import visibility_problems
    from .models import DisclosurePage, DisclosureVersion, VillagePage, check_page

    listed = {link["page"]: link["version"] for link in entry.links}
    pages = DisclosurePage.objects.filter(pk__in=listed).specific()
    for page in sorted(pages, key=lambda p: p.pk):
        integrity = check_page(page)
        for problem in ([] if integrity.ok else [integrity.message]) + visibility_problems(page):
            finding.fail(f"《{page.title}》网上页面未通过核验：{problem}")
        later = DisclosureVersion.objects.filter(page=page, number__gt=listed[page.pk])
        finding.corrections += list(later.order_by("number"))
    village = VillagePage.objects.filter(pk=entry.village_id).first()
    if village is not None:
        new = village.disclosures().exclude(pk__in=listed).filter(versions__isnull=False)
        new = list(new.distinct().order_by("pk"))
        if new:
            finding.notes.append(
                f"此后新发布了 {len(new)} 份公开：" + "、".join(p.title for p in new)
            )
    if finding.verdict == OK and finding.corrections:
        finding.verdict = SUPERSEDED
        finding.notes.insert(0, "链头属实，所列各版本均未被改动；此后有以下更正或撤回。")
    elif finding.verdict == OK:
        finding.notes.insert(0, "链头属实，所列各版本均未被改动，网上页面与其最新版本一致。")


def check_pair(version_hash, head, village_id=None):
    """A notice sheet's QR address: the version, the head, and that the head includes it."""
    version = check_version(version_hash, village_id)
    chain = check_head(head, village_id)
    from .models import ChainHead, DisclosureVersion

    row = DisclosureVersion.objects.filter(hash=version_hash).first()
    entries = ChainHead.objects.filter(head=head)
    if row is not None and entries and not any(e.covers(row.page_id, row.number) for e in entries):
        chain.fail("这个链头不包含该版本：二者不是同一张张贴单上的，或其中之一被改动过。")
    return [version, chain]


def check_archive(entries, village_id=None):
    """A pasted copy of the log (or one entry of it) against today's data and the site's log."""
    from .headcheck import archived_problems

    problems = archived_problems(entries)
    villages = sorted({str(e.get("village")) for e in entries if isinstance(e, dict)})
    finding = Finding(OK, f"存档链头 {len(entries)} 条（{'、'.join(villages)[:60]}）")
    if village_id and any(
        isinstance(e, dict) and e.get("village_id") != village_id for e in entries
    ):
        finding.fail("存档中有其他村（社区）的链头，不是您所选的村（社区）。")
    for problem in problems:
        finding.fail(problem)
    if finding.verdict == OK:
        finding.notes.append(
            "存档中的每一条都仍在本站日志中，所列各版本在数据库中均未被改动或删除。"
        )
    return finding
