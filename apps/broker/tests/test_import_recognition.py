"""Issue 12: the import links organisations that are on the site already (by organisation
number, then by normalised name and type) and a dry run lists every match and near-match."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from apps.accounts.models import Organisation
from apps.accounts.recognition import find_matches, normalise_name
from apps.broker.importer import import_files

from .factories import EntrepreneurOrgFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def test_normalise_name_drops_case_punctuation_and_legal_form():
    assert normalise_name("  Grønn  Arbeidstrening, SA ") == "grønn arbeidstrening"
    assert normalise_name("PØBELPROSJEKTET AS") == normalise_name("Pøbelprosjektet")
    assert normalise_name("Lesevenn Ideell") == "lesevenn ideell"


def test_existing_organisation_by_number_is_linked_not_duplicated(baerum):
    existing = EntrepreneurOrgFactory(name="Grønn Arbeidstrening", org_number="912345688")
    before = Organisation.objects.count()
    result = import_files([DATA / "good.json"])
    # Only Lesevenn and Lier kommune (for a need of Lier) are new.
    assert Organisation.objects.count() == before + 2
    assert Organisation.objects.filter(org_number="912345688").count() == 1
    existing.refresh_from_db()
    assert existing.external_key == "gronn"
    assert any("912345688" in line and "linked" in line for line in result.matches)


def test_existing_organisation_by_normalised_name_and_type_is_linked(baerum):
    existing = EntrepreneurOrgFactory(name="grønn arbeidstrening", org_number="")
    other_type = EntrepreneurOrgFactory(name="Lesevenn Ideell", type="sosial_entreprenor")
    before = Organisation.objects.count()
    result = import_files([DATA / "good.json"])
    # Grønn is linked by its name; Lesevenn (ideell in the file) is another type: created.
    assert Organisation.objects.count() == before + 2  # Lesevenn and Lier kommune
    assert (
        Organisation.objects.filter(type="sosial_entreprenor", name__icontains="grønn").count() == 1
    )
    existing.refresh_from_db()
    assert existing.external_key == "gronn" and existing.org_number == "912345688"
    assert Organisation.objects.get(external_key="lesevenn").pk != other_type.pk
    assert any("same name and type, linked" in line for line in result.matches)


def test_dry_run_lists_matches_and_near_matches_and_writes_nothing(baerum):
    EntrepreneurOrgFactory(name="Grønn Arbeidstreningg", org_number="")
    before = Organisation.objects.count()
    out = StringIO()
    call_command("broker_import", str(DATA / "good.json"), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Recognised: gronn (Grønn Arbeidstrening SA) -> Grønn Arbeidstreningg" in text
    assert "similar name, NOT linked: confirm by hand" in text
    assert Organisation.objects.count() == before
    # A real run does not link a near name: it creates the organisation.
    import_files([DATA / "good.json"])
    assert Organisation.objects.filter(name__startswith="Grønn Arbeidstrening").count() == 2


def test_find_matches_orders_number_then_name_then_near():
    by_number = EntrepreneurOrgFactory(name="Noe annet", org_number="912345688")
    by_name = EntrepreneurOrgFactory(name="Pøbelprosjektet AS")
    near = EntrepreneurOrgFactory(name="Pøbelprosjekt")
    EntrepreneurOrgFactory(name="Pøbelprosjektet", type="ideell")
    matches = find_matches(
        org_number="912345688", name="Pøbelprosjektet", type="sosial_entreprenor"
    )
    assert [(m.organisation, m.reason) for m in matches] == [
        (by_number, "org_number"),
        (by_name, "name"),
        (near, "near_name"),
    ]


def test_an_import_of_organisations_already_here_creates_none(baerum):
    """Every organisation of the file is on the site already (by number, by name and type,
    and the municipalities by their number): the import links them and creates none, and a
    second run changes nothing."""
    from .factories import municipality_org

    municipality_org("3312")  # Lier, whose need the file also holds
    EntrepreneurOrgFactory(name="Grønn Arbeidstrening", org_number="912345688")
    EntrepreneurOrgFactory(name="LESEVENN IDEELL", type="ideell", org_number="")
    before = set(Organisation.objects.values_list("pk", flat=True))
    result = import_files([DATA / "good.json"])
    assert result.created["organisations"] == 0
    assert set(Organisation.objects.values_list("pk", flat=True)) == before
    again = import_files([DATA / "good.json"])
    assert again.created["organisations"] == 0
    assert set(Organisation.objects.values_list("pk", flat=True)) == before
