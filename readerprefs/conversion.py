"""简→繁 conversion of stored text with phrase-level rules, in the reader's regional forms.

OpenCC does the work; this module builds its configuration at start-up: the project's phrase
rules (``data/s2t_phrases.tsv``) join OpenCC's phrase dictionary both for cutting text into words
and for converting them, so a word is never split (资金发放 → 資金發放, not 資金髮放). A second
step turns the standard forms into the reader's regional ones:

- ``tw`` (the ``script=hant`` cookie): Taiwan character forms (為, 群, 核, 著), OpenCC's
  ``TWVariants`` — the character forms only. OpenCC's ``s2twp`` also swaps vocabulary
  (信息→資訊, 审核→稽核, 软件→軟體), which would rename statutes such as
  《政府信息公开条例》 and change what an official text says, so it is not used.
- ``hk`` (``script=hk``): Hong Kong forms, OpenCC's ``HKVariants`` (為, 着, 衞 …).

``tests`` in ``data/s2t_phrase_checks.tsv`` hold the expected output of both for government
phrases; ``site/tests`` … see ``tests/test_conversion.py``.
"""

import json
import os
import tempfile
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
RULES = DATA / "s2t_phrases.tsv"
REGIONAL = DATA / "s2t_regional.tsv"
REGIONS = {"tw": "TW", "hk": "HK"}


def read_rules(path=RULES):
    """[(simplified, traditional)] from the rules file; comments and blank lines skipped."""
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0] or not parts[1] or len(parts[0]) != len(parts[1]):
            raise ValueError(f"{path.name} 第 {number} 行格式不对：{line!r}")
        rules.append((parts[0], parts[1]))
    return rules


def read_regional(region, path=REGIONAL):
    """[(from, to)] of the last conversion step for ``region`` (tw or hk)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, source, target = line.split("\t")
            if where == region:
                rows.append((source, target))
    return rows


def _share_dir():
    import opencc

    return Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"


def _config(region, rules_file, regional_file):
    share = _share_dir()

    def ocd2(name):
        return {"type": "ocd2", "file": str(share / f"{name}.ocd2")}

    ours = {"type": "text", "file": str(rules_file)}
    phrases = [ours, ocd2("STPhrases"), ocd2("STPhrases_GeneratedFromRegionalPhrases")]
    return {
        "name": f"gongkai s2t ({region})",
        "normalization": [{"dict": ocd2("CJK_Compatibility_Ideographs")}],
        "segmentation": {
            "type": "mmseg",
            "dict": {"type": "group", "match_policy": "union", "dicts": phrases},
        },
        "conversion_chain": [
            {
                "dict": {
                    "type": "group",
                    "match_policy": "short_circuit",
                    "dicts": [*phrases, ocd2("STCharacters")],
                }
            },
            {
                "dict": {
                    "type": "group",
                    "match_policy": "short_circuit",
                    "dicts": [ocd2(f"{region}VariantsPhrases"), ocd2(f"{region}Variants")],
                }
            },
            {"dict": {"type": "text", "file": str(regional_file)}},
        ],
    }


@cache
def converter(variant="tw"):
    """The OpenCC converter of a variant (``tw`` or ``hk``), built once per process."""
    import opencc

    region = REGIONS[variant]
    folder = Path(tempfile.mkdtemp(prefix="gongkai-opencc-"))
    rules_file = folder / "phrases.txt"
    rules_file.write_text(
        "".join(f"{simp}\t{trad}\n" for simp, trad in read_rules()), encoding="utf-8"
    )
    regional_file = folder / "regional.txt"
    regional = read_regional(variant) or [("\ue000", "\ue000")]  # never an empty dictionary
    regional_file.write_text("".join(f"{a}\t{b}\n" for a, b in regional), encoding="utf-8")
    config = folder / "s2t.json"
    config.write_text(
        json.dumps(_config(region, rules_file, regional_file), ensure_ascii=False), "utf-8"
    )
    try:
        return opencc.OpenCC(str(config))
    finally:  # OpenCC has read the files
        for path in (config, rules_file, regional_file):
            path.unlink(missing_ok=True)
        os.rmdir(folder)


def convert(text, variant="tw"):
    return converter(variant).convert(text)
