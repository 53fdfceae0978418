import pytest

from apps.core.sanitize import clean_html, plain_text

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klikk</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>x</a>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_survives_cleaning(payload: str):
    cleaned = str(clean_html(payload)).lower()
    for dangerous in ("<script", "onerror", "onload", "javascript:", "<iframe", "style=", "data:"):
        assert dangerous not in cleaned


def test_allowed_markup_and_safe_links_are_kept():
    cleaned = str(clean_html('<p><strong>Hei</strong> <a href="https://ks.no">KS</a></p>'))
    assert "<strong>Hei</strong>" in cleaned
    assert 'href="https://ks.no"' in cleaned
    assert "noopener" in cleaned


def test_plain_text_strips_every_tag():
    assert plain_text("<b>fet</b> tekst") == "fet tekst"
