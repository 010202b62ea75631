"""Build home/demo/seeds.jsonl from the shared seed articles.

Usage (from the repository root)::

    .venv/bin/python home/demo/build_seeds.py [SEEDS_DIR]

SEEDS_DIR defaults to ../shared/seeds relative to the repository. The committed
seeds.jsonl is what the demo imports, so a clone without shared/ still works; this
script documents and reproduces every editorial step (see README.md next to it).
It checks its own output: no pinyin noise, no site chrome or disclaimers, and every
line of each original survives somewhere in the records made from it.
"""

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
OUTPUT = HERE / "seeds.jsonl"

DEMO_LABEL = "示例数据:本页内容转自公开报道,仅用于演示。"
DATE_ESTIMATED = (
    "示例数据:本页内容转自公开报道,仅用于演示。原文未注明发布日期,所示日期为编者据文中内容估计。"
)

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_NOISE = re.compile(rf"(?<=[\u3400-\u9fff])\([a-zü]*[{TONE_VOWELS}][a-zü{TONE_VOWELS}]*\)")

# Characters the scraped pages mangled into "?" plus stray bytes, repaired from context
# (the same words appear intact elsewhere in the same article).
MOJIBAKE = {
    "002": [
        ("錦城西韻?青羊", "錦城西韻·青羊"),
        ("域?qū)崿F(xiàn)無", "域實現無"),
    ],
    "004": [
        ("轉(zhuǎn)變?yōu)楹诵?,", "轉變為核心,"),
        ("向?qū)I(yè)招商", "向專業招商"),
        ("向?yàn)榻?jīng)濟", "向為經濟"),
        ("發(fā)展?fàn)I造", "發展營造"),
        ("治理?xiàng)l塊", "治理條塊"),
        ("納入?yún)^(qū)(市)", "納入區(市)"),
    ],
}

# Text found in the seeds that is not article text, with where it went instead.
# The self-check removes these before verifying that everything else survived.
NOT_ARTICLE_TEXT = {
    "000": [
        "会务组：010-60563980   传真：010-87747102",
        "法治周末报社：010-84772686",
        "邮箱：shehuipeace@163.com",
    ],
    "002": [
        "2018年10月10日15:36 來源：先鋒",
        "（成都《先鋒》雜志授權人民網-中國共產黨新聞發布，請勿轉載）",
        ">>>點擊進入“全國黨建期刊博覽” |",
        "相關專題 |",
        "· 期刊選粹 |",
        "微信“掃一掃”添加“學習大國”",
        "微信“掃一掃”添加“人民黨建云”",
    ],
    "003": [
        "欢迎访问中国治理网！微信公众号：治理中国",
        "时间：2021-11-21 11:00:43 来源：潇湘晨报阅读：6371",
        "【来源：四川日报】",
        "声明：转载此文是出于传递更多信息之目的。若有来源标注错误或侵犯了您的合法权益，"
        "请作者持权属证明与本网联系，我们将及时更正、删除，谢谢。 邮箱地址：newmedia@xxcb.cn",
        "*免责声明：本站文章图文版权归原作者及原出处所有 ，文章内容为作者个人观点，并不代表本网站。"
        "如果您发现网站上有侵犯您的知识产权的作品，请与我们取得联系，我们会及时修改或删除。",
        "猜你喜欢",
        # The headline's quotation marks are broken in the scrape; the record carries a
        # repaired headline with the same words.
        "城乡社区治理试点示范三年行动计划“实施一年多产生30个示范街道100个示范社区——"
        "社区治理转向“亲民化““服务化“",
        "（记者李丹）",
    ],
}

FORBIDDEN = [
    "免责声明",
    "声明：",
    "猜你喜欢",
    "欢迎访问",
    "请勿转载",
    "請勿轉載",
    "邮箱",
    "传真",
    "会务组",
    "掃一掃",
    "點擊進入",
    "阅读：",
    "010-",
    "@",
]


# ---------------------------------------------------------------- text cleaning


def repair(code, text):
    for broken, fixed in MOJIBAKE.get(code, []):
        if broken not in text:
            raise SystemExit(f"seed {code}: expected garbled text {broken!r} not found")
        text = text.replace(broken, fixed)
    return text


def normalize_punct(text):
    """Full-width Chinese punctuation; keeps digit groups and times like 15:36 intact."""
    text = text.replace("\u00a0", " ").replace("\u3000", " ")
    text = re.sub(r"(?<!\d),|,(?!\d)", "，", text)
    text = re.sub(r"(?<!\d):|:(?!\d)", "：", text)
    text = text.replace(";", "；").replace("?", "？").replace("!", "！")
    return text.replace("(", "（").replace(")", "）")


def clean(code, text):
    text = repair(code, text)
    text = PINYIN_NOISE.sub("", text)
    return normalize_punct(text)


def read_seed(seeds_dir, code):
    matches = sorted(seeds_dir.glob(f"{code}_*.txt"))
    if len(matches) != 1:
        raise SystemExit(f"expected one seed file {code}_*.txt in {seeds_dir}")
    return matches[0].read_text(encoding="utf-8").replace("\r\n", "\n")


def is_chrome(code, para):
    """Whether a paragraph is one of the listed non-article lines of a seed."""
    return squash(para) in {squash(d) for d in NOT_ARTICLE_TEXT.get(code, [])}


def paragraphs(text, by_line=False):
    parts = text.split("\n") if by_line else re.split(r"\n\s*\n", text)
    return [re.sub(r"\s*\n\s*", "", p).strip() for p in parts if p.strip()]


TERMINAL = tuple("。！？；：…")


def ends_sentence(text):
    return text.endswith(TERMINAL) or text[-2:-1] in TERMINAL or text.endswith("）")


def is_heading(text):
    return len(text) <= 25 and not re.search(r"[，。；！？]", text)


def blocks(paras):
    """Classify paragraphs as headings or text and re-join hard-broken sentences."""
    out = []
    pending = ""
    for para in paras:
        text = pending + para
        pending = ""
        if not is_heading(text) and not ends_sentence(text):
            pending = text  # the sentence continues in the next paragraph
            continue
        out.append(("h" if is_heading(text) else "p", text))
    if pending:
        out.append(("p", pending))
    return out


def to_html(items):
    tags = {"h": "h2", "p": "p"}
    return "\n".join(f"<{tags[k]}>{html.escape(t, quote=False)}</{tags[k]}>" for k, t in items)


# ---------------------------------------------------------------- the pieces


def piece_000(raw):
    head, text = clean("000", raw).split("\n\n", 1)
    kicker, title1, title2 = head.split("\n")
    assert kicker == "四川省简阳市", kicker
    rest = [p for p in paragraphs(text) if not is_chrome("000", p)]
    captions = {
        "幸福的芬芳 方佥": ("幸福的芬芳", "方佥"),
        "96岁了 钟良 摄": ("96岁了", "钟良"),
        "花的世界 梁晓": ("花的世界", "梁晓"),
    }
    found = [captions[p] for p in rest if p in captions]
    assert len(found) == 3, found
    body = [p for p in rest if p not in captions]
    case = {
        "id": "seed-000-jianyang",
        "type": "case_study",
        "title": f"{title1} {title2}",
        "body_format": "html",
        "body": to_html(blocks(body)),
        "date": "2019-01-01",
        "source": "法治周末报社",
        "source_url": "http://www.mschina2014.com/detail.asp?id=6",
        "region": "四川省成都市简阳市",
        "region_level": "county",
        "themes": ["党建引领", "社区服务", "城市更新", "社会组织", "志愿服务", "乡村振兴"],
        "tags": ["简阳", "“1+6+N”政策体系", "“四个融合”", "“五大行动”", "“1+3+N”联动模式"],
        "key_figures": [
            {"number": "240", "unit": "个", "label": "2017年以来新建党群服务中心"},
            {"number": "205", "unit": "个", "label": "村（社区）党群服务中心优化提升"},
            {"number": "35", "unit": "项", "label": "社区政府服务事项（由127项消减）"},
            {"number": "26", "unit": "个", "label": "完成老旧院落改造"},
            {"number": "1857", "unit": "户", "label": "棚户区改造"},
            {"number": "2111", "unit": "个", "label": "新建便民停车位"},
            {"number": "25", "unit": "个", "label": "新增省级“四好村”"},
            {"number": "131940", "unit": "人", "label": "全市志愿者总数"},
        ],
        "related_policies": [
            "policy-jianyang-1-6-n-core",
            "policy-jianyang-shehui-qiye",
        ],
        "demo_label": DATE_ESTIMATED,
    }
    slugs = {"幸福的芬芳": "xingfu", "96岁了": "96-sui", "花的世界": "hua-de-shijie"}
    photos = []
    for title, credit in found:
        photos.append(
            {
                "id": f"seed-000-photo-{slugs[title]}",
                "type": "photo_feature",
                "title": title,
                "body": (
                    f"这幅照片原载于简阳市城乡社区发展治理报道《{title1} {title2}》,"
                    "图注为“"
                    + title
                    + "”,摄影"
                    + credit
                    + "。原图未随稿件提供,此处以示例图片代替。"
                ),
                "date": case["date"],
                "source": case["source"],
                "source_url": case["source_url"],
                "region": "四川省成都市简阳市",
                "place": "四川省简阳市",
                "tags": ["简阳", "城乡社区"],
                "photos": [
                    {
                        "placeholder": True,
                        "caption": title,
                        "credit": credit,
                        "alt": f"示例图片:原照片“{title}”未随稿件提供,此处为灰色占位图",
                    }
                ],
                "demo_label": DATE_ESTIMATED,
            }
        )
    return [case, *photos]


def split_001(raw):
    text = clean("001", raw)
    second = text.index("描绘锦绣蓝图 推进强村富民")
    third = text.index("广西龙胜：云端风电建设忙")
    return text[:second], text[second:third], text[third:]


def byline(para):
    assert para.startswith("□"), para
    return para.lstrip("□ ").strip()


def piece_001(raw):
    xianning, xuyang, longsheng = (paragraphs(t) for t in split_001(raw))
    date = "2020-12-01"
    records = [
        {
            "id": "seed-001-xianning",
            "type": "case_study",
            "title": xianning[0],
            "body_format": "html",
            "body": to_html([("p", xianning[1]), *blocks(xianning[3:])]),
            "author": byline(xianning[2]),
            "date": date,
            "region": "湖北省咸宁市",
            "region_level": "city",
            "themes": ["党建引领", "社区服务", "智慧社区", "社会组织", "志愿服务", "人才队伍"],
            "tags": ["咸宁", "“六联六带”", "以市带县", "社区治理和服务创新实验区"],
            "key_figures": [
                {"number": "97", "unit": "个", "label": "城市社区"},
                {"number": "923", "unit": "个", "label": "网格"},
                {"number": "1816", "unit": "个", "label": "小区"},
                {"number": "10", "unit": "万元", "label": "每个社区每年社区工作经费（不低于）"},
                {
                    "number": "20",
                    "unit": "万元",
                    "label": "市辖区每个社区每年服务群众专项经费（不低于）",
                },
                {"number": "20", "unit": "个", "label": "开展示范社区创建的社区"},
                {"number": "400", "unit": "万元", "label": "示范社区以奖代补资金"},
            ],
            "related_policies": ["policy-xianning-5-4", "policy-xianning-touru"],
            "demo_label": DATE_ESTIMATED,
        },
        {
            "id": "seed-001-xuyang",
            "type": "case_study",
            "title": xuyang[0],
            "body_format": "html",
            "body": to_html([("p", xuyang[1]), *blocks(xuyang[3:])]),
            "author": byline(xuyang[2]),
            "date": date,
            "region": "江苏省盐城市亭湖区新洋街道圩洋村",
            "region_level": "village",
            "themes": ["党建引领", "集体经济", "村务公开", "城市更新"],
            "tags": ["圩洋村", "盐城", "“四务”公开", "“六提”工程", "“春风行动”"],
            "key_figures": [
                {"number": "0.4", "unit": "亿元", "label": "年度公共预算收入目标"},
                {"number": "500", "unit": "户", "label": "今年启动拆迁（近500户）"},
                {"number": "534", "unit": "套", "label": "富贵春花园分配安置房"},
                {"number": "460", "unit": "套", "label": "已交款并办理拿房手续"},
            ],
            "related_policies": [],
            "demo_label": DATE_ESTIMATED,
        },
    ]
    title, caption, credit_line = longsheng
    assert credit_line.endswith(" 摄"), credit_line
    records.append(
        {
            "id": "seed-001-longsheng",
            "type": "photo_feature",
            "title": title,
            "body": caption,
            "date": date,
            "region": "广西壮族自治区桂林市龙胜各族自治县",
            "place": "广西龙胜各族自治县平等镇南山风电项目",
            "tags": ["龙胜", "风电", "清洁能源"],
            "photos": [
                {
                    "placeholder": True,
                    "caption": caption[caption.index("图为") :],
                    "credit": credit_line.removesuffix(" 摄").strip(),
                    "alt": "示例图片:原照片(南山风电项目建设工地)未随稿件提供,此处为灰色占位图",
                    "place": "广西龙胜各族自治县平等镇",
                }
            ],
            "demo_label": DATE_ESTIMATED,
        }
    )
    return records


def piece_002(raw):
    lines = [p for p in paragraphs(clean("002", raw), by_line=True) if not is_chrome("002", p)]
    author, *body = lines
    items, i = [], 0
    while i < len(body):
        line = body[i]
        if line.endswith("，") and len(line) <= 12:  # a headline broken over two lines
            items.append(("h", line + body[i + 1]))
            i += 2
            continue
        items.append(("p", line))
        i += 1
    return [
        {
            "id": "seed-002-qingyang",
            "type": "case_study",
            "title": "青羊區加快實施“三提三增三營造”",
            "body_format": "html",
            "body": to_html(items),
            "author": author,
            "date": "2018-10-10",
            "source": "先鋒(成都《先鋒》雜志授權人民網-中國共產黨新聞網發布)",
            "region": "四川省成都市青羊区",
            "region_level": "county",
            "themes": ["党建引领", "社区营造", "人才队伍", "智慧社区", "平安社区"],
            "tags": ["青羊區", "三提三增三營造", "“1+3+N”聯動模式", "社區基金會"],
            "key_figures": [
                {"number": "14", "unit": "個", "label": "重點示範社區服務場所親民化改造"},
                {"number": "400", "unit": "萬元", "label": "社區公共服務信息平台建設資金"},
                {"number": "74", "unit": "個", "label": "公共區域實現無線網絡熱點覆蓋"},
                {"number": "31", "unit": "個", "label": "標準化社區綜合性文化服務中心"},
                {"number": "20", "unit": "個", "label": "新建社區綜治中心"},
                {"number": "40", "unit": "%", "label": "家庭醫生簽約服務覆蓋率目標"},
            ],
            "related_policies": ["policy-qingyang-rencai-guihua"],
            "demo_label": DEMO_LABEL,
        }
    ]


def piece_003(raw):
    text = clean("003", raw)
    paras = [p for p in paragraphs(text) if not is_chrome("003", p)]
    last = paras[-1]
    assert last.endswith("（记者李丹）"), last
    paras[-1] = last.removesuffix("（记者李丹）")
    return [
        {
            "id": "seed-003-sichuan-pilot",
            "type": "news",
            "title": (
                "“城乡社区治理试点示范三年行动计划”实施一年多 产生30个示范街道100个示范社区"
                "——社区治理转向“亲民化”“服务化”"
            ),
            "body_format": "html",
            "body": to_html(blocks(paras)),
            "author": "李丹",
            "date": "2021-11-21",
            "source": "四川日报(潇湘晨报转载)",
            "region": "四川省",
            "tags": ["四川", "城乡社区治理", "试点示范", "“五社”联动", "社区治理"],
            "demo_label": DEMO_LABEL,
        }
    ]


SECTION_HEADINGS_004 = [
    ("以基層黨組織建設為統攬", "堅持“四個結合”，轉變發展理念"),
    ("堅持以推進職能轉變為核心", "突出“三個強化”，明確各層級履職重心"),
    ("依據城鄉社區發展治理職責", "優化“三級架構”，重構發展治理格局"),
    ("成都市堅持系統完善政策配套體系", "完善“四大體系”，提升發展治理效能"),
]


def piece_004(raw):
    author, *body = paragraphs(clean("004", raw), by_line=True)
    assert author.startswith("●"), author
    items = []
    for para in body:
        for start, heading in SECTION_HEADINGS_004:
            if para.startswith(start):
                items.append(("h", heading))
        items.append(("p", para))
    assert sum(k == "h" for k, _ in items) == 4
    return [
        {
            "id": "seed-004-chengdu-reform",
            "type": "interpretation",
            "title": "成都市城鄉社區發展治理體制機制改革",
            "body_format": "html",
            "body": to_html(items),
            "author": author.lstrip("● ").strip(),
            "date": "2018-01-01",
            "region": "四川省成都市",
            "interprets": "policy-chengdu-30",
            "demo_label": DATE_ESTIMATED,
        }
    ]


# ---------------------------------------------------------------- policies


def plain(record):
    text = html.unescape(re.sub(r"<[^>]+>", "", record.get("body", "")))
    return text


def quote(record, start, end):
    """The sentence(s) of an article from `start` up to and including `end`."""
    text = plain(record)
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def policies(pieces):
    by_id = {r["id"]: r for r in pieces}
    jy, xn, qy = by_id["seed-000-jianyang"], by_id["seed-001-xianning"], by_id["seed-002-qingyang"]
    news, cd = by_id["seed-003-sichuan-pilot"], by_id["seed-004-chengdu-reform"]

    def reported(record, start, end):
        text = quote(record, start, end).replace("“", "‘").replace("”", "’")
        return f"《{record['title']}》一文写道:“{text}”"

    def policy(pid, title, summary, body_quotes, origin, **extra):
        return {
            "id": pid,
            "type": "policy",
            "title": title,
            "is_summary": True,
            "summary": summary,
            "body": "\n\n".join(body_quotes),
            "date": origin["date"],
            "region": origin.get("region", ""),
            "demo_label": "示例数据:本页只汇总公开报道对该文件的介绍,不是文件正式文本。",
            **extra,
        }

    return [
        policy(
            "policy-chengdu-30",
            "成都市“城乡社区发展治理30条”",
            "成都市出台的城乡社区发展治理政策举措,报道中简称“城乡社区发展治理30条”。"
            "本页仅汇总报道内容,正式文本以发文机关公布为准。",
            [reported(cd, "一方面，在城鄉社區發展治理的總體改革模式上", "一體化運行。")],
            cd,
            region="四川省成都市",
            topics=["社区发展治理", "基层治理体制"],
            doc_type="其他",
        ),
        policy(
            "policy-chengdu-jianfu-10",
            "成都市“城乡社区减负十条”",
            "成都市为强化城乡社区居民自治和自我服务而制定出台的社区减负措施,报道中简称"
            "“城乡社区减负十条”。本页仅汇总报道内容。",
            [reported(cd, "（三）強化城鄉社區發展居民自治", "業主自治。")],
            cd,
            region="四川省成都市",
            topics=["社区减负", "居民自治"],
            doc_type="其他",
        ),
        policy(
            "policy-jianyang-1-6-n-core",
            "简阳市“1+6+N”系列配套政策文件(核心文件)",
            "简阳市开展党建引领城乡社区发展治理集中攻坚行动时出台的“1+6+N”系列配套政策"
            "文件中的核心文件。报道未给出文件名称与文号,本页仅汇总报道内容。",
            [reported(jy, "2017年简阳市市委", "掷地落实。")],
            jy,
            region="四川省成都市简阳市",
            topics=["社区发展治理", "党建引领"],
            doc_type="其他",
        ),
        policy(
            "policy-jianyang-shehui-qiye",
            "简阳市社会企业培育扶持办法",
            "简阳市培育扶持社会企业的办法,报道称该市通过完善这一办法等文件支持城乡社区"
            "发展治理体系建设。本页仅汇总报道内容。",
            [reported(jy, "多元参与、共同治理", "等文件支持。")],
            jy,
            region="四川省成都市简阳市",
            topics=["社会组织", "社会企业"],
            doc_type="办法",
        ),
        policy(
            "policy-xianning-5-4",
            "关于构建城市基层党建“5+4”标准体系的若干措施",
            "咸宁市委出台的城市基层党建措施:部署组织、阵地、活动、服务、队伍五大体系,以及"
            "统筹协调、经费保障、监督考核、激励约束四项机制建设。本页仅汇总报道内容。",
            [reported(xn, "强化党建引领。", "工作引领。")],
            xn,
            region="湖北省咸宁市",
            topics=["党建引领", "基层治理体制"],
            doc_type="其他",
            issuing_authorities=["咸宁市委"],
        ),
        policy(
            "policy-xianning-touru",
            "关于完善城市社区建设投入机制的指导意见",
            "咸宁市财政部门牵头制定的指导意见,建立社区建设发展“三轮驱动”机制,并规定社区"
            "工作经费和服务群众专项经费的最低标准。本页仅汇总报道内容。",
            [reported(xn, "整合部门政策资源。", "进一步完善。")],
            xn,
            region="湖北省咸宁市",
            topics=["社区经费保障"],
            doc_type="意见",
        ),
        policy(
            "policy-sichuan-pilot-3yr",
            "四川省城乡社区治理试点示范三年行动计划",
            "四川省民政厅、省委组织部决定实施的城乡社区治理试点示范三年行动计划,"
            "2020年至2022年每年选取县(市、区)、街道(乡镇)和社区开展试点。本页仅汇总报道内容。",
            [
                reported(news, "社区治理创新是两项改革", "三年行动计划”。"),
                reported(news, "四川省以“城乡社区建设示范工程”为重点", "具体协调。"),
                reported(news, "目前，第一批44个县", "大大增强。"),
            ],
            news,
            region="四川省",
            topics=["社区发展治理", "试点示范"],
            doc_type="方案",
            issuing_authorities=["四川省民政厅", "四川省委组织部"],
        ),
        policy(
            "policy-qingyang-rencai-guihua",
            "青羊區社區工作人才發展規劃(2017-2020年)",
            "成都市青羊区研究制定的社区工作人才发展规划,报道称其为增强人才支撑能力的第一项举措。"
            "本页仅汇总报道内容。",
            [reported(qy, "增強人才支撐能力", "發展規劃（2017-2020年）》。")],
            qy,
            region="四川省成都市青羊区",
            topics=["人才队伍"],
            doc_type="规划",
        ),
    ]


def package_record(pieces):
    jy = next(r for r in pieces if r["id"] == "seed-000-jianyang")
    return {
        "id": "package-jianyang-1-6-n",
        "type": "package",
        "title": "简阳市“1+6+N”政策体系",
        "summary": (
            "简阳市开展党建引领城乡社区发展治理集中攻坚行动以来出台的“1+6+N”系列配套政策"
            "文件。报道只提到这一政策体系的名称,未列出其中的具体文件;"
            "本页仅收录其核心文件的报道摘要。"
        ),
        "members": [{"id": "policy-jianyang-1-6-n-core", "role": "core"}],
        "date": jy["date"],
        "region": jy["region"],
        "demo_label": "示例数据:本页只汇总公开报道的介绍。",
    }


# ---------------------------------------------------------------- checks


def squash(text):
    return re.sub(r"\s+", "", text)


def record_text(record):
    parts = [record.get(k, "") for k in ("title", "author", "source", "region", "place")]
    parts.append(plain(record))
    for photo in record.get("photos", []):
        parts += [photo.get("caption", ""), photo.get("credit", "") + "摄"]
    return squash("".join(parts))


def check(seeds_dir, records):
    problems = []
    for record in records:
        blob = json.dumps(record, ensure_ascii=False)
        if re.search(rf"\([a-zü]*[{TONE_VOWELS}]", blob) or PINYIN_NOISE.search(blob):
            problems.append(f"{record['id']}: pinyin noise left")
        if "?" in plain(record) or "�" in blob:
            problems.append(f"{record['id']}: garbled character left")
        text = record_text(record)
        problems += [f"{record['id']}: contains {w!r}" for w in FORBIDDEN if w in text]
    for code in ("000", "001", "002", "003", "004"):
        cleaned = clean(code, read_seed(seeds_dir, code))
        dropped = [squash(d) for d in NOT_ARTICLE_TEXT.get(code, [])]
        problems += [
            f"{code}: listed text not in seed: {d}" for d in dropped if d not in squash(cleaned)
        ]
        made = "".join(record_text(r) for r in records if r["id"].startswith(f"seed-{code}-"))
        for line in cleaned.split("\n"):
            line = squash(line).lstrip("□●")
            for d in dropped:
                line = line.replace(d, "")
            if line and line not in made:
                problems.append(f"{code}: original text missing from records: {line[:40]}…")
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    return problems


EDITORIAL_FIELDS = ("title", "summary", "source", "demo_label")


def finish(record):
    """Full-width punctuation in the fields this script writes itself."""
    for key in EDITORIAL_FIELDS:
        if record.get(key):
            record[key] = normalize_punct(record[key])
    if record.get("body_format") != "html" and record.get("body"):
        record["body"] = normalize_punct(record["body"])
    for photo in record.get("photos", []):
        for key in ("caption", "alt"):
            photo[key] = normalize_punct(photo[key])
    return record


def build(seeds_dir):
    readers = [piece_000, piece_001, piece_002, piece_003, piece_004]
    pieces = []
    for code, reader in zip(("000", "001", "002", "003", "004"), readers, strict=True):
        pieces += reader(read_seed(seeds_dir, code))
    return [finish(r) for r in (*policies(pieces), package_record(pieces), *pieces)]


def main(argv):
    seeds_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEEDS
    records = build(seeds_dir)
    problems = check(seeds_dir, records)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with OUTPUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
