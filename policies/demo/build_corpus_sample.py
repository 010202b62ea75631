"""Rebuild corpus-sample.jsonl from the shared policy corpus (run from the repository root).

.venv/bin/python policies/demo/build_corpus_sample.py /work/shared/corpora/policy-corpus.jsonl
"""

import datetime
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from policies.text.linebreaks import join_hard_breaks  # noqa: E402
from policies.text.numerals import chinese_to_int  # noqa: E402

SAMPLE_IDS = [
    "gov-001",
    "gov-003",
    "gov-007",
    "gov-009",
    "gov-013",
    "gov-017",
    "gov-019",
    "gov-032",
    "gov-033",
    "gov-035",
    "gov-039",
    "gov-047",
    "gov-058",
    "cl-policy-4.2",
    "tw-D0050077",
    "tw-D0050131",
    "tw-I0020026",
    "tw-M0110017",
    "tw-H0080098",
    "tw-D0080069",
]
DOC_TYPES = [
    ("意见", "意见"),
    ("办法", "办法"),
    ("辦法", "办法"),
    ("通知", "通知"),
    ("规划", "规划"),
    ("方案", "方案"),
    ("条例", "条例"),
    ("條例", "条例"),
    ("决定", "决定"),
    ("规定", "规定"),
]
DEMO_LABEL = "示例数据：文本来自公开政策语料，仅用于演示"
TAIWAN_REGION = "台湾地区"
TAIWAN_NOTE = (
    "本文件为台湾地区有关规定，仅供参考，不是大陆（内地）的法律法规；"
    "所示有效性为其在台湾地区的状态。"
)
# gov.cn posts a document within weeks of signing it. A 发布日期 more than this after the
# 成文日期 is the day the portal collected (收录) an old document, not its publication.
REPEAL = re.compile(r"令(?:發布|公布)?廢止")
COLLECTED_AFTER = datetime.timedelta(days=365)
COLLECTED_NOTE = "来源网站所列日期为其收录本文件的日期，并非发布日期，本页不标注发布日期。"
NO_PUBLICATION_NOTE = "来源网站只给出“实施时间”，且其日期不可靠，本页不标注发布日期。"
ROC_DATE = re.compile(
    r"^\d+\.\s*中華民國(?P<y>[〇零一二三四五六七八九十百]+)年(?P<m>[〇零一二三四五六七八九十]+)月(?P<d>[〇零一二三四五六七八九十]+)日"
)


def doc_type_of(title):
    for trailer in ("（试行）", "(试行)", "（試行）"):
        title = title.removesuffix(trailer)
    for suffix, doc_type in DOC_TYPES:
        if title.endswith(suffix):
            return doc_type
    return "其他"


def label(*notes):
    return "。".join([DEMO_LABEL, *notes])


def map_gov(record):
    meta = record["meta"]
    written = datetime.date.fromisoformat(meta["written_date"])
    published = datetime.date.fromisoformat(meta["publish_date"])
    collected = published - written > COLLECTED_AFTER
    return {
        "doc_number": meta["doc_number"],
        "index_number": meta["index_number"],
        "issuing_authorities": meta["issuing_authority"].split("、"),
        "written_date": meta["written_date"],
        "published_date": None if collected else meta["publish_date"],
        "date": meta["written_date"] if collected else meta["publish_date"],
        "topics": [meta["subject_category"].split("\\")[0]],
        "source": "中国政府网",
        "source_url": meta["url"],
        "demo_label": label(COLLECTED_NOTE) if collected else DEMO_LABEL,
    }


def roc_history(history):
    """[(date, entry text)] from a Taiwan law's 沿革 lines (民国 years become AD years)."""
    events = []
    for line in history.splitlines():
        match = ROC_DATE.match(line.strip())
        if not match:
            raise ValueError(f"沿革行无法识别日期：{line!r}")
        year, month, day = (chinese_to_int(match.group(k)) for k in "ymd")
        events.append((datetime.date(year + 1911, month, day), line))
    return events


def tw_dates(meta):
    """(发布日期, 失效日期): the last promulgation or amendment, and the repeal if any.

    The database's ``last_amended`` of a repealed regulation is the day it was repealed, so
    the publication date comes from the history; for the others the two must agree."""
    events = roc_history(meta["history"])
    published = [day for day, text in events if not REPEAL.search(text)]
    repealed = [day for day, text in events if REPEAL.search(text)]
    last = meta["last_amended"]
    last = datetime.date(int(last[:4]), int(last[4:6]), int(last[6:]))
    if meta.get("abolished"):
        if not repealed or repealed[-1] != last:
            raise ValueError(f"{meta['url']}: 废止日期与沿革不符")
        return published[-1], repealed[-1]
    if published[-1] != last:
        raise ValueError(f"{meta['url']}: 最后修正日期与沿革不符")
    return last, None


def map_tw(record):
    meta = record["meta"]
    published, repealed = tw_dates(meta)
    parts = meta["category"].split("＞")
    return {
        "issuing_authorities": [parts[1]],
        "published_date": published.isoformat(),
        "date": published.isoformat(),
        "expiry_date": repealed.isoformat() if repealed else None,
        "topics": [parts[2].removesuffix("目")] if len(parts) > 2 else [],
        "validity": "已废止" if meta.get("abolished") else "有效",
        "region": TAIWAN_REGION,
        "source": "全國法規資料庫",
        "source_url": meta["url"],
        "demo_label": label(TAIWAN_NOTE),
    }


def map_cl(record):
    date = "2021-04-28"  # 实施时间 as given by the source site
    return {
        "issuing_authorities": ["中共中央", "国务院"],
        "written_date": date,
        "published_date": None,
        "date": date,
        "topics": ["城乡社区治理"],
        "source": "Comet-law 法规汇编",
        "source_url": record["meta"]["url"],
        "demo_label": label(NO_PUBLICATION_NOTE),
    }


def build(corpus_path):
    records = {}
    for line in Path(corpus_path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["id"]] = record
    out = []
    for record_id in SAMPLE_IDS:
        record = records[record_id]
        mapper = {"gov": map_gov, "tw": map_tw, "cl": map_cl}[record_id.split("-")[0]]
        item = {
            "id": f"corpus-{record_id}",
            "type": "policy",
            "title": record["title"],
            "body": join_hard_breaks(record["body"]),
            "doc_type": doc_type_of(record["title"]),
            "validity": "有效",
            "demo_label": DEMO_LABEL,
        }
        item.update(mapper(record))
        out.append({k: v for k, v in item.items() if v is not None or k == "published_date"})
    return out


if __name__ == "__main__":
    target = Path(__file__).with_name("corpus-sample.jsonl")
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    rows = build(sys.argv[1] if len(sys.argv) > 1 else shared / "corpora" / "policy-corpus.jsonl")
    with target.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} records to {target}")
