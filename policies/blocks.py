"""StreamField blocks of a policy text: chapters, sections, numbered articles and free text."""

from wagtail import blocks

from editorial.richtext import RICH_TEXT_FEATURES
from policies.text import article_anchor, int_to_chinese, split_paragraphs


class HeadingBlock(blocks.StructBlock):
    """第X章 / 第X节 with its title."""

    number = blocks.IntegerBlock(label="序号", min_value=1, max_value=999)
    label = blocks.CharBlock(
        label="标题编号",
        required=False,
        max_length=40,
        help_text="按原文书写，如“第一章”；留空时按序号生成",
    )
    title = blocks.CharBlock(label="标题", required=False, max_length=200)

    kind_char = "章"
    kind = "chapter"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["display_label"] = value.get("label") or (
            f"第{int_to_chinese(value['number'])}{self.kind_char}"
        )
        context["heading_kind"] = self.kind
        context.setdefault("anchor", f"{self.kind}-{value['number']}")
        return context


class ChapterBlock(HeadingBlock):
    class Meta:
        icon = "title"
        label = "章"
        template = "policies/blocks/heading.html"
        preview_value = {"number": 1, "label": "第一章", "title": "总则"}
        form_classname = "policy-chapter-block"


class SectionBlock(HeadingBlock):
    kind_char = "节"
    kind = "section"

    class Meta:
        icon = "list-ul"
        label = "节"
        template = "policies/blocks/heading.html"
        preview_value = {"number": 1, "label": "第一节", "title": "一般规定"}


class ArticleBlock(blocks.StructBlock):
    """第X条: a numbered article; items such as （一） go on their own lines in the text."""

    number = blocks.IntegerBlock(label="条号", min_value=1, max_value=9999)
    sub = blocks.IntegerBlock(
        label="分条号",
        required=False,
        min_value=1,
        max_value=99,
        help_text="“第5-1条”“第五条之一”这类增补条文填写1",
    )
    label = blocks.CharBlock(
        label="条文编号",
        required=False,
        max_length=40,
        help_text="按原文书写，如“第十二条”或“第 12 條”；留空时按条号生成",
    )
    text = blocks.TextBlock(
        label="条文",
        rows=4,
        help_text="每款、每项另起一行；（一）、一、、1. 开头的行显示为项",
    )

    class Meta:
        icon = "list-ol"
        label = "条"
        template = "policies/blocks/article.html"
        preview_value = {
            "number": 12,
            "label": "第十二条",
            "text": "社区居民委员会应当履行下列职责：\n（一）宣传法律法规；\n（二）办理公共事务。",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.setdefault("anchor", article_anchor(value["number"], value.get("sub")))
        context["display_label"] = article_label(value)
        context["paragraphs"] = split_paragraphs(value["text"])
        return context


class FreeTextBlock(blocks.TextBlock):
    """Plain text outside the article structure (preamble, closing lines)."""

    class Meta:
        icon = "pilcrow"
        label = "正文文字"
        template = "policies/blocks/free_text.html"
        preview_value = "为了推进城乡社区发展治理，现提出如下意见。"


def article_label(value):
    if value.get("label"):
        return value["label"]
    number = int_to_chinese(value["number"]) if value["number"] < 10000 else value["number"]
    if value.get("sub"):
        return f"第{number}条之{int_to_chinese(value['sub'])}"
    return f"第{number}条"


def policy_body_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(
                features=RICH_TEXT_FEATURES,
                label="正文段落",
                icon="pilcrow",
                template="policies/blocks/rich_text.html",
                preview_value="<p>为了推进城乡社区发展治理，现提出如下意见。</p>",
            ),
        ),
        ("text", FreeTextBlock()),
        ("chapter", ChapterBlock()),
        ("section", SectionBlock()),
        ("article", ArticleBlock()),
    ]
