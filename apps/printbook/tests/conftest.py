import datetime

import pytest
from wagtail.rich_text import RichText

from apps.cases.tests.factories import CaseIndexPageFactory, CasePageFactory
from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    LegalRuleFactory,
    RecipePageFactory,
    StepBlockFactory,
)
from apps.rules.models import Threshold
from apps.rules.tests.factories import ThresholdFactory

EDITION_DATE = datetime.date(2026, 1, 15)


@pytest.fixture
def book(home_page, settings):
    """A small published book: two chapters, three recipes (published as revisions), one
    cited rule, two thresholds in force on 15 January 2026, one example. Built without
    queueing editions, so each test starts with none."""
    settings.PRINTBOOK_RENDER_ON_PUBLISH = False
    cookbook = CookbookIndexPageFactory(parent=home_page)
    first = ChapterPageFactory(parent=cookbook, title="Forstå og møte", slug="forsta-og-mote")
    second = ChapterPageFactory(parent=cookbook, title="Kjøp og avtaler", slug="kjop-og-avtaler")
    rule = LegalRuleFactory(
        code="foa-5-4",
        citation="FOA § 5-4",
        title="Markedsdialog før konkurransen",
        source_url="https://lovdata.no/forskrift/2016-08-12-974/§5-4",
    )
    recipes = [
        RecipePageFactory(
            parent=first,
            title="Start med behovet",
            slug="start-med-behovet",
            steps=[
                (
                    "step",
                    StepBlockFactory(
                        title="Beskriv problemet",
                        text=RichText("<p>Skriv ned hva innbyggerne opplever.</p>"),
                        tip="Snakk med brukerne først.",
                        pitfall="Å hoppe rett til løsningen.",
                    ),
                )
            ],
        ),
        RecipePageFactory(
            parent=first,
            title="Markedsdialog i praksis",
            slug="markedsdialog-i-praksis",
            legal_rules=[(rule, "Dialogen må dokumenteres.")],
        ),
        RecipePageFactory(parent=second, title="Kjøp under terskelverdien", slug="kjop-under"),
    ]
    for recipe in recipes:
        recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    ThresholdFactory(
        key=Threshold.Key.NATIONAL, amount=1_300_000, valid_from=datetime.date(2024, 1, 1)
    )
    ThresholdFactory(
        key=Threshold.Key.EEA_GOODS_SERVICES_OTHER,
        amount=2_300_000,
        citation="FOA § 5-3",
        valid_from=datetime.date(2024, 1, 1),
    )
    ThresholdFactory(
        key=Threshold.Key.PROTOCOL,
        amount=9_876_543,
        citation="FOA § 7-1",
        valid_from=datetime.date(2027, 1, 1),
    )
    cases = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=cases, title="Papillon i Bergen", recipes=[recipes[0]])
    settings.PRINTBOOK_RENDER_ON_PUBLISH = True
    return {"cookbook": cookbook, "chapters": [first, second], "recipes": recipes, "rule": rule}
