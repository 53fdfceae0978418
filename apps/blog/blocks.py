from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from apps.core.blocks import ContentBlock

from .video import InvalidVideoURL, VideoRef, parse_video_url


class VideoValue(blocks.StructValue):
    @cached_property
    def ref(self) -> VideoRef | None:
        try:
            return parse_video_url(self.get("url") or "")
        except InvalidVideoURL:
            return None

    @property
    def anchor(self) -> str:
        ref = self.ref
        return f"video-{ref.provider}-{ref.video_id}" if ref else "video"


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video shown as a placeholder: nothing is loaded from the video
    host until the reader clicks "Play video" (see static/blog/video.js)."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The address of the video's page on YouTube or Vimeo."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_(
            "Everything said and shown in the video, as text. Separate paragraphs "
            "with a blank line."
        ),
    )
    captions_url = blocks.URLBlock(
        label=_("Captions file"),
        required=False,
        help_text=_("Optional link to a captions file (for example WebVTT)."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blog/blocks/video.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_video_url(value.get("url") or "")
        except InvalidVideoURL as error:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(str(error), code="invalid_video_url")}
            ) from error
        return value


class PostBodyBlock(ContentBlock):
    video = VideoBlock()
