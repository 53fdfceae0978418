"""Test helper: the demo content, as the demo command builds it (without the search index)."""

from wagtail.models import Page


def load_demo_content() -> Page:
    from apps.blog import demo as blog_demo
    from apps.cases import demo as cases_demo
    from apps.cookbook import demo as cookbook_demo
    from apps.core import demo as core_demo
    from apps.core.services import vocabulary_ensure
    from apps.events import demo as events_demo
    from apps.home.testing import ensure_home_page
    from apps.rules import demo as rules_demo

    vocabulary_ensure()
    home = ensure_home_page()
    core_demo.load(home=home)
    rules_demo.load()
    cookbook_demo.load(home=home)
    blog_demo.load(home=home)
    cases_demo.load(home=home)
    events_demo.load()
    return home
