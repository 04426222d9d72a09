"""StreamField blocks of an article: text plus the library's own assets, embedded by reference."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock


class MediaChooserBlock(AbstractMediaChooserBlock):
    """Any video or audio of the library; the template renders the player."""

    def render_basic(self, value, context=None):
        return value.title if value else ""


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image or infographic")
        template = "components/streamfield/figure.html"


class MediaBlock(blocks.StructBlock):
    media = MediaChooserBlock(label=_("video or audio"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video or audio")
        template = "components/streamfield/media.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "components/streamfield/quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        form_classname="title",
        template="components/streamfield/heading.html",
    )
    paragraph = blocks.RichTextBlock(label=_("paragraph"))
    figure = FigureBlock()
    media = MediaBlock()
    document = DocumentChooserBlock(
        label=_("document"), template="components/streamfield/document.html"
    )
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("embed"))
