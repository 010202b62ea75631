"""Rebuild corpus-sample.jsonl from the shared policy corpus (run from the repository root).

.venv/bin/python policies/demo/build_corpus_sample.py /work/shared/corpora/policy-corpus.jsonl
"""

import json
import sys
from pathlib import Path

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


def doc_type_of(title):
    for trailer in ("（试行）", "(试行)", "（試行）"):
        title = title.removesuffix(trailer)
    for suffix, doc_type in DOC_TYPES:
        if title.endswith(suffix):
            return doc_type
    return "其他"


def map_gov(record):
    meta = record["meta"]
    return {
        "doc_number": meta["doc_number"],
        "index_number": meta["index_number"],
        "issuing_authorities": meta["issuing_authority"].split("、"),
        "written_date": meta["written_date"],
        "published_date": meta["publish_date"],
        "date": meta["publish_date"],
        "topics": [meta["subject_category"].split("\\")[0]],
        "source": "中国政府网",
        "source_url": meta["url"],
    }


def map_tw(record):
    meta = record["meta"]
    date = meta["last_amended"]
    date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    parts = meta["category"].split("＞")
    return {
        "issuing_authorities": [parts[1]],
        "published_date": date,
        "date": date,
        "topics": [parts[2].removesuffix("目")] if len(parts) > 2 else [],
        "validity": "已废止" if meta.get("abolished") else "有效",
        "source": "全國法規資料庫",
        "source_url": meta["url"],
    }


def map_cl(record):
    date = "2021-04-28"  # 实施时间 as given by the source site
    return {
        "issuing_authorities": ["中共中央", "国务院"],
        "written_date": date,
        "date": date,
        "topics": ["城乡社区治理"],
        "source": "Comet-law 法规汇编",
        "source_url": record["meta"]["url"],
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
            "body": record["body"],
            "doc_type": doc_type_of(record["title"]),
            "validity": "有效",
            "demo_label": DEMO_LABEL,
        }
        item.update(mapper(record))
        out.append(item)
    return out


if __name__ == "__main__":
    target = Path(__file__).with_name("corpus-sample.jsonl")
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    rows = build(sys.argv[1] if len(sys.argv) > 1 else shared / "corpora" / "policy-corpus.jsonl")
    with target.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} records to {target}")
