"""Checking a file costs the same per record at any size; each record is remembered once."""

import json
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from importing import ImportError_, import_files
from importing.models import ImportedRecord
from importing.records import Record
from news.models import NewsArticlePage
from policies.models import PolicyPage
from quality.gate import current_lists

pytestmark = pytest.mark.django_db

TABLE = ImportedRecord._meta.db_table


def batch_lines(count):
    """`count` policies with document and index numbers, each with a news story citing it."""
    lines = []
    for n in range(count):
        lines.append(
            {
                "id": f"p-{n}",
                "type": "policy",
                "title": f"关于第{n}项工作的通知",
                "date": "2024-03-01",
                "body": "正文。",
                "doc_number": f"川民发〔2024〕{n + 1}号",
                "index_number": f"IDX-{n}",
                "issuing_authorities": ["四川省民政厅"],
            }
        )
        lines.append(
            {
                "id": f"c-{n}",
                "type": "case_study",
                "title": f"第{n}个社区的做法",
                "date": "2024-03-02",
                "body": "正文。",
                "related_policies": [f"p-{n}"],
            }
        )
    return lines


def write(tmp_path, lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    return path


def check_cost(tmp_path, count):
    """(record field reads, queries) of a dry run over `count` policies and their stories."""
    path = write(tmp_path, batch_lines(count), name=f"batch-{count}.jsonl")
    current_lists()  # the quality gate's lists are read once and cached, not per record
    get, text = Record.get, Record.text
    with (
        mock.patch.object(Record, "get", autospec=True, side_effect=get) as gets,
        mock.patch.object(Record, "text", autospec=True, side_effect=text) as texts,
        CaptureQueriesContext(connection) as queries,
    ):
        batch = import_files([path], dry_run=True)
    assert len(batch.records) == 2 * count
    return gets.call_count + texts.call_count, len(queries)


def test_checking_costs_the_same_per_record_for_10_and_100_records(tmp_path):
    reads_10, queries_10 = check_cost(tmp_path, 10)
    reads_100, queries_100 = check_cost(tmp_path, 100)
    assert reads_10 > 0 and queries_10 > 0
    # A scan of the whole batch per record would make the 100-record file cost 100 times more.
    assert reads_100 == 10 * reads_10
    assert queries_100 == 10 * queries_10


def test_a_duplicate_document_number_is_still_found_in_a_large_batch(tmp_path, capsys):
    lines = batch_lines(50)
    lines[-2] = dict(lines[-2], doc_number="川民发〔2024〕1号", index_number="IDX-0")
    with pytest.raises(ImportError_) as excinfo:
        import_files([write(tmp_path, lines)], dry_run=True)
    problems = "\n".join(excinfo.value.problems)
    assert "发文字号 川民发〔2024〕1号 与同批记录 'p-0' 重复" in problems
    assert "索引号 IDX-0 与同批记录 'p-0' 重复" in problems


def writes_to_imported_records(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if TABLE in q["sql"] and q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]


def test_each_record_is_written_once_to_imported_records(tmp_path):
    lines = batch_lines(3)
    path = write(tmp_path, lines)
    with CaptureQueriesContext(connection) as queries:
        import_files([path])
    writes = writes_to_imported_records(queries)
    assert len(writes) == len(lines)
    assert all(w.lstrip().upper().startswith("INSERT") for w in writes)
    assert PolicyPage.objects.count() == 3
    rows = ImportedRecord.objects.filter(source_id__in=[x["id"] for x in lines])
    assert rows.count() == len(lines) and all(len(row.checksum) == 64 for row in rows)

    changed = [dict(x, title=x["title"] + "（修订）") if x["id"] == "p-1" else x for x in lines]
    with CaptureQueriesContext(connection) as queries:
        batch = import_files([write(tmp_path, changed)])
    writes = writes_to_imported_records(queries)
    assert len(writes) == 1 and writes[0].lstrip().upper().startswith("UPDATE")
    assert (batch.updated, batch.unchanged) == (1, 5)
    assert PolicyPage.objects.get(title="关于第1项工作的通知（修订）")
    assert NewsArticlePage.objects.count() == 0


def test_a_document_number_is_parsed_once_for_check_and_save(tmp_path):
    from policies import importers

    lines = batch_lines(4)
    with mock.patch.object(
        importers, "canonical_doc_number", wraps=importers.canonical_doc_number
    ) as parses:
        import_files([write(tmp_path, lines)])
    assert parses.call_count == 4
    assert sorted(PolicyPage.objects.values_list("doc_number", flat=True)) == [
        f"川民发〔2024〕{n}号" for n in range(1, 5)
    ]
