"""Sectors and target groups read in the interface language (nb, nn, en), in templates, in
form choices and in filters, with bokmål as the fallback and the API's source of truth; and
showing them in another language costs no query (docs/decisions/0019)."""

import re

import pytest
from django import forms
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.core.models import Sector, TargetGroup, vocabulary_name
from apps.core.selectors import vocabulary_choices
from apps.core.vocabulary import NAMES_EN, NAMES_NN, SECTORS, TARGET_GROUPS

pytestmark = pytest.mark.django_db


def _client_in(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_every_seeded_term_has_its_nynorsk_and_english_name():
    """The migrations seed the names; every code of the import format has both."""
    codes = {code for code, _name in (*SECTORS, *TARGET_GROUPS)}
    assert set(NAMES_NN) == codes
    assert set(NAMES_EN) == codes
    for model in (Sector, TargetGroup):
        for term in model.objects.all():
            assert term.name_nn == NAMES_NN[term.code], term.code
            assert term.name_en == NAMES_EN[term.code], term.code
    health = Sector.objects.get(code="helse_omsorg")
    assert (health.name, health.name_nn, health.name_en) == (
        "Helse og omsorg",
        "Helse og omsorg",
        "Health and care",
    )
    housing = Sector.objects.get(code="bolig_naermiljo")
    assert (housing.name, housing.name_nn) == ("Bolig og nærmiljø", "Bustad og nærmiljø")


def test_display_name_follows_the_active_language_and_falls_back_to_bokmal():
    children = TargetGroup.objects.get(code="barn")
    untranslated = Sector.objects.create(code="ny-sektor", name="Ny sektor", position=99)
    expected = {"nb": "Barn", "nn": "Born", "en": "Children"}
    for language, name in expected.items():
        with translation.override(language):
            assert children.display_name == name
            assert str(children) == name
            assert untranslated.display_name == "Ny sektor"
    assert children.name_in("en-gb") == "Children"
    assert children.name_in(None) == "Barn"
    assert vocabulary_name("Barn", "Born", "Children", language="nn") == "Born"
    assert vocabulary_name("Barn", "", "", language="en") == "Barn"


def test_model_choice_labels_and_filter_choices_follow_the_language():
    class SectorsForm(forms.Form):
        sectors = forms.ModelMultipleChoiceField(queryset=Sector.objects.order_by("position"))

    for language, first in (("nb", "Oppvekst og utdanning"), ("en", "Childhood and education")):
        with translation.override(language):
            labels = [str(label) for _value, label in SectorsForm().fields["sectors"].choices]
            assert labels[0] == first
            assert vocabulary_choices(Sector)[0] == ("oppvekst_utdanning", first)
    with translation.override("nn"):
        assert dict(vocabulary_choices(TargetGroup))["familier"] == "Familiar"


@pytest.mark.parametrize(
    ("language", "sector", "group"),
    [
        ("nb", "Helse og omsorg", "Pårørende"),
        ("nn", "Helse og omsorg", "Pårørande"),
        ("en", "Health and care", "Relatives and carers"),
    ],
)
def test_a_need_page_and_its_filter_form_show_the_names_in_the_interface_language(
    client, language, sector, group
):
    from apps.broker.tests.factories import NeedFactory

    need = NeedFactory(
        sectors=[Sector.objects.get(code="helse_omsorg")],
        target_groups=[TargetGroup.objects.get(code="parorende")],
    )
    _client_in(client, language)

    detail = client.get(f"/behov/{need.pk}/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert f"<dd>{sector}</dd>" in html
    assert f"<dd>{group}</dd>" in html

    listing = client.get("/behov/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert re.search(rf'<option value="parorende"[^>]*>{re.escape(group)}</option>', html)
    assert re.search(rf'<option value="helse_omsorg"[^>]*>{re.escape(sector)}</option>', html)


def test_the_names_cost_no_query_in_any_language(client):
    """The nynorsk and English names are columns of the same rows: the need list runs the
    same queries in every language."""
    from apps.broker.tests.factories import NeedFactory

    sectors = list(Sector.objects.order_by("position")[:3])
    for _ in range(3):
        NeedFactory(sectors=sectors, target_groups=list(TargetGroup.objects.all()[:2]))
    counts = {}
    for language in ("nb", "nn", "en"):
        _client_in(client, language)
        client.get("/behov/")  # warm per-process caches (site root, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/behov/?sector=helse_omsorg")
        assert response.status_code == 200
        counts[language] = len(queries)
    assert counts["nn"] == counts["nb"] == counts["en"], counts
