from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=TEXT_FEATURES)
    tip = blocks.TextBlock(
        label=_("Tip"), required=False, help_text=_("Optional advice that makes the step easier.")
    )
    pitfall = blocks.TextBlock(
        label=_("Pitfall"), required=False, help_text=_("Optional: what often goes wrong here.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)
    source_url = blocks.URLBlock(label=_("Source URL"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Example")
