"""Browser journeys across apps. The fixtures live in tests/browser.py (loaded for every test)."""

from tests.browser import WCAG_TAGS  # noqa: F401  (re-exported for the tests here)
