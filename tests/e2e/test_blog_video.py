"""The blog's video placeholder in a real browser: nothing is requested from a video host
until the reader clicks "Play video", then a youtube-nocookie player appears. Requests to
video hosts are aborted, so nothing leaves the machine."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import WCAG_TAGS

pytestmark = pytest.mark.browser

VIDEO_HOST = re.compile(
    r"^https?://([^/]*\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|"
    r"googlevideo\.com|vimeo\.com|vimeocdn\.com)(:\d+)?/"
)


@pytest.fixture
def video_post(transactional_db):
    from wagtail.models import Locale

    from apps.blog.tests.factories import (
        BlogIndexPageFactory,
        BlogPostPageFactory,
        video_block,
    )
    from apps.core.services import vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    # Transactional tests flush the locale that Wagtail's migrations created.
    Locale.objects.get_or_create(language_code="nb")
    index = BlogIndexPageFactory(parent=ensure_home_page())
    return BlogPostPageFactory(
        parent=index, title="Dialogmøte med video", tags=["dialogmøte"], body=[video_block()]
    )


def _main_violations(axe, page) -> list[str]:
    # Only the page's own content: the shared header and footer are tested elsewhere.
    results = axe.run(
        page,
        context={"include": [["main"]]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    return [f"{v['id']}: {v['help']}" for v in results.response.get("violations", [])]


def test_video_loads_from_the_host_only_after_play_is_clicked(video_post, page, axe):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.context.route(VIDEO_HOST, lambda route: route.abort())

    page.goto(video_post.url)
    play = page.get_by_role("button", name=re.compile("Play video|Spill av video", re.I))
    play.wait_for(state="visible")

    assert page.locator("iframe").count() == 0
    assert [url for url in requests if VIDEO_HOST.match(url)] == []
    assert page.locator("[data-video-nojs]").is_hidden()
    assert _main_violations(axe, page) == []

    play.click()

    iframe = page.locator("figure iframe")
    iframe.wait_for(state="attached")
    src = iframe.get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert iframe.get_attribute("title") == "Dialogmøtet i Bodø"
    page.wait_for_timeout(200)
    video_requests = [url for url in requests if VIDEO_HOST.match(url)]
    assert video_requests
    assert all(url.startswith("https://www.youtube-nocookie.com/") for url in video_requests)


def test_without_javascript_the_link_and_transcript_remain(video_post, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(video_post.url)

        assert page.locator("[data-video-play]").is_hidden()
        assert page.locator("[data-video-nojs]").is_visible()
        link = page.get_by_role("link", name=re.compile("YouTube"))
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        transcript = page.locator("details.video__transcript")
        transcript_link = page.get_by_role(
            "link", name=re.compile("transcript|transkripsjon", re.I)
        )
        assert transcript_link.get_attribute("href") == "#" + transcript.get_attribute("id")
        # Opened through its summary: following the link also opens it, but Chromium does that
        # asynchronously, which would race with a check of the open state.
        assert not transcript.evaluate("details => details.open")
        transcript.locator("summary").click()
        # expect() waits for the toggle to render; is_visible() alone raced it on a loaded machine.
        expect(page.get_by_text("Her snakker vi om samarbeid.")).to_be_visible()
    finally:
        context.close()
