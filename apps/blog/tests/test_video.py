import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from apps.blog.blocks import VideoBlock
from apps.blog.video import VIMEO, YOUTUBE, InvalidVideoURL, parse_video_url

YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com/watch?v={YOUTUBE_ID}&list=PL123&index=2",
        f"http://m.youtube.com/watch?feature=share&v={YOUTUBE_ID}",
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}?si=tracking123",
        f"https://www.youtube.com/embed/{YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}",
        f"https://www.youtube.com/live/{YOUTUBE_ID}",
        f"  https://WWW.YouTube.com/watch?v={YOUTUBE_ID}  ",
    ],
)
def test_youtube_urls_resolve_to_the_video_and_a_nocookie_player(url):
    ref = parse_video_url(url)

    assert ref.provider == YOUTUBE
    assert ref.video_id == YOUTUBE_ID
    assert ref.embed_url == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1"
    assert ref.watch_url == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert ref.embed_host == "www.youtube-nocookie.com"
    assert ref.provider_name == "YouTube"


def test_youtube_start_time_is_kept_in_both_links():
    ref = parse_video_url(f"https://youtu.be/{YOUTUBE_ID}?t=1m30s")

    assert ref.start_seconds == 90
    assert "start=90" in ref.embed_url
    assert ref.watch_url.endswith("t=90s")


@pytest.mark.parametrize(
    ("url", "video_id", "vimeo_hash"),
    [
        ("https://vimeo.com/76979871", "76979871", ""),
        ("https://www.vimeo.com/76979871", "76979871", ""),
        ("https://vimeo.com/76979871/3f2a1b9c0d", "76979871", "3f2a1b9c0d"),
        ("https://vimeo.com/channels/staffpicks/76979871", "76979871", ""),
        ("https://vimeo.com/groups/motion/videos/76979871", "76979871", ""),
        ("https://vimeo.com/showcase/1234/video/76979871", "76979871", ""),
        ("https://player.vimeo.com/video/76979871", "76979871", ""),
        ("https://player.vimeo.com/video/76979871?h=3f2a1b9c0d", "76979871", "3f2a1b9c0d"),
    ],
)
def test_vimeo_urls_resolve_to_the_video_and_a_do_not_track_player(url, video_id, vimeo_hash):
    ref = parse_video_url(url)

    assert ref.provider == VIMEO
    assert ref.video_id == video_id
    assert ref.vimeo_hash == vimeo_hash
    assert ref.embed_url.startswith(f"https://player.vimeo.com/video/{video_id}?")
    assert "dnt=1" in ref.embed_url
    assert (f"h={vimeo_hash}" in ref.embed_url) is bool(vimeo_hash)
    assert ref.watch_url.startswith(f"https://vimeo.com/{video_id}")
    assert ref.provider_name == "Vimeo"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
        "https://dailymotion.com/video/x7xyz",
        "https://evil.example/?u=https://vimeo.com/76979871",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "youtube.com/watch?v=dQw4w9WgXcQ",
        "",
    ],
)
def test_other_hosts_and_schemes_are_rejected(url):
    with pytest.raises(InvalidVideoURL):
        parse_video_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/@kokeboka",
        "https://www.youtube.com/playlist?list=PL1234567890",
        "https://youtu.be/",
        'https://youtu.be/dQw4w9WgXc"',
        "https://vimeo.com/kokeboka",
        "https://vimeo.com/76979871/not-a-hash",
        "https://player.vimeo.com/video/abc",
    ],
)
def test_pages_that_are_not_a_single_video_are_rejected(url):
    with translation.override("en"), pytest.raises(InvalidVideoURL, match="single video"):
        parse_video_url(url)


def test_rejection_names_the_host_and_the_accepted_ones():
    with pytest.raises(InvalidVideoURL) as error:
        parse_video_url("https://www.dailymotion.com/video/x7xyz")

    message = str(error.value)
    assert "www.dailymotion.com" in message
    assert "YouTube" in message
    assert "Vimeo" in message


def _block_value(**overrides):
    data = {
        "url": f"https://youtu.be/{YOUTUBE_ID}",
        "title": "Dialogmøtet",
        "transcript": "Første avsnitt.\n\nAndre avsnitt.",
        "captions_url": "",
    }
    data.update(overrides)
    return VideoBlock().to_python(data)


def test_video_block_rejects_other_hosts_on_the_url_field():
    block = VideoBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(_block_value(url="https://example.com/video.mp4"))

    assert set(error.value.block_errors) == {"url"}
    assert "example.com" in error.value.block_errors["url"].messages[0]


def test_video_block_accepts_youtube_and_vimeo():
    block = VideoBlock()

    assert block.clean(_block_value())["url"] == f"https://youtu.be/{YOUTUBE_ID}"
    assert block.clean(_block_value(url="https://vimeo.com/76979871"))["title"] == "Dialogmøtet"


def test_video_block_renders_a_placeholder_without_player_or_iframe():
    html = VideoBlock().render(_block_value(captions_url="https://example.org/captions.vtt"))

    assert "<figure" in html
    assert "<iframe" not in html
    assert "<button" in html and "hidden" in html
    assert f'href="https://www.youtube.com/watch?v={YOUTUBE_ID}"' in html
    assert 'href="#video-youtube-dQw4w9WgXcQ-transcript"' in html
    assert 'id="video-youtube-dQw4w9WgXcQ-transcript"' in html
    assert "<details" in html
    assert "<p>Første avsnitt.</p>" in html
    assert 'href="https://example.org/captions.vtt"' in html
    assert "www.youtube-nocookie.com" in html  # named in the notice before loading
