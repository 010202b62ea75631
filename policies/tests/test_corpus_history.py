"""The demo build reads a Taiwan regulation's 沿革 (amendment history) lines into dates."""

import datetime
import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "demo" / "build_corpus_sample.py"
_SPEC = importlib.util.spec_from_file_location("build_corpus_sample", _PATH)
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)


def test_history_lines_with_or_without_a_space_after_the_number():
    history = "\n".join(
        [
            "1.中華民國八十年七月十日總統令制定公布全文",
            "10. 中華民國九十六年七月四日總統華總一義字第 09600085781  號令修正公布第 4  條條文",
        ]
    )
    days = [day for day, _line in build.roc_history(history)]
    assert days == [datetime.date(1991, 7, 10), datetime.date(2007, 7, 4)]


def test_a_line_without_a_date_is_refused_with_a_chinese_message():
    with pytest.raises(ValueError, match="沿革行无法识别日期"):
        build.roc_history("1.修正公布")
