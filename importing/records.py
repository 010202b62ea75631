"""A parsed import record and the checks that every record type shares."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Record:
    data: dict
    path: Path
    line: int

    @property
    def id(self):
        return self.data.get("id")

    @property
    def type(self):
        return self.data.get("type")

    def get(self, key, default=None):
        return self.data.get(key, default)

    def text(self, key):
        value = self.data.get(key)
        return value.strip() if isinstance(value, str) else ""

    def date(self, key):
        value = self.data.get(key)
        return datetime.date.fromisoformat(value) if value else None

    @property
    def base_dir(self):
        return self.path.parent


def check_date(record, key, required=False):
    """Problems with a YYYY-MM-DD value; `record` is a Record or a plain dict."""
    value = record.get(key)
    if value in (None, ""):
        return [f"缺少字段 {key}"] if required else []
    if not isinstance(value, str) or not DATE_RE.match(value):
        return [f"{key} 应为 YYYY-MM-DD 格式的日期，实际为 {value!r}"]
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return [f"{key} 不是有效日期：{value}"]
    return []


def check_string_list(record, key):
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return [f"{key} 应为非空字符串组成的列表"]
    return []


def check_url(record, key):
    value = record.get(key)
    if value in (None, ""):
        return []
    parsed = urlparse(value) if isinstance(value, str) else None
    if not parsed or parsed.scheme not in ("http", "https") or not parsed.netloc:
        return [f"{key} 应为 http 或 https 网址，实际为 {value!r}"]
    return []


def check_common(record, required_fields):
    problems = []
    for key in ("id", "type", *required_fields):
        value = record.get(key)
        if key == "date":
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"缺少字段 {key} 或其值为空")
    if "date" in required_fields:
        problems += check_date(record, "date", required=True)
    if record.get("body") is not None and not isinstance(record.get("body"), str):
        problems.append("body 应为字符串")
    if record.get("body_format", "text") not in ("text", "html"):
        problems.append(f"body_format 只能是 text 或 html，实际为 {record.get('body_format')!r}")
    for key in ("author", "source", "region"):
        if record.get(key) is not None and not isinstance(record.get(key), str):
            problems.append(f"{key} 应为字符串")
    problems += check_url(record, "source_url")
    return problems
