"""StreamField blocks of news articles and case studies."""

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from editorial.richtext import RICH_TEXT_FEATURES


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="标题文字", max_length=120)
    level = blocks.ChoiceBlock(
        label="级别",
        choices=[("h2", "二级标题"), ("h3", "三级标题")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "小标题"
        template = "news/blocks/heading.html"
        preview_value = {"text": "党建引领 五级联动带", "level": "h2"}
        description = "文章中的小标题，便于读者浏览"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    caption = blocks.CharBlock(
        label="图片说明", required=False, max_length=500, help_text="留空则使用图片库中的说明"
    )

    class Meta:
        icon = "image"
        label = "图片"
        template = "news/blocks/image.html"
        description = "带说明和摄影署名的图片"

    def get_preview_value(self):
        image = get_image_model().objects.order_by("-created_at").first()
        return {"image": image, "caption": "示例图片说明"} if image else None


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="说话人或出处", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "引语"
        template = "news/blocks/quote.html"
        preview_value = {
            "text": "小区居民自己设计，共同改造，真正成为社区主人。",
            "attribution": "桑园路社区党委副书记汪雷",
        }
        description = "引用受访者或文件原话"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="链接文字", required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = "文件下载"
        template = "news/blocks/document.html"
        description = "链接到文件库中的文件，显示格式和大小"

    def get_preview_value(self):
        document = get_document_model().objects.order_by("-created_at").first()
        return {"document": document, "title": ""} if document else None


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label="正文段落",
        icon="pilcrow",
        template="news/blocks/paragraph.html",
        preview_value="<p>近年来，咸宁积极开展全国社区治理和服务创新实验区建设。</p>",
        description="正文文字，可含加粗、列表和链接",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
