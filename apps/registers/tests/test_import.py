"""broker_import and the register: a deleted, bankrupt or wound-up organisation stops the
import (nothing written); a number not found is imported and flagged for a broker; a found
one fills in an empty legal form; the register out of reach does not stop the import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from apps.accounts.models import Organisation
from apps.broker.importer import ImportFailed, import_data
from apps.registers.models import CheckStatus, RegisterCheck

from .conftest import BANKRUPT, DELETED, DOWN, FOUND, NOT_FOUND

pytestmark = pytest.mark.django_db


def data(*organisations) -> dict:
    return {"organisations": list(organisations), "offers": [], "needs": []}


def org(key: str, number: str, name: str = "Pøbelprosjektet", **extra) -> dict:
    return {"key": key, "name": name, "type": "social_enterprise", "org_number": number, **extra}


@pytest.mark.parametrize(
    "number, answer, message",
    [
        (BANKRUPT, "bankrupt", "organisations[a].org_number: bankrupt in Enhetsregisteret"),
        (
            DELETED,
            "deleted",
            "organisations[a].org_number: deleted in Enhetsregisteret on 2023-05-18",
        ),
    ],
)
def test_a_refused_organisation_stops_the_import(brreg, number, answer, message):
    if answer == "deleted":
        brreg.deleted(number, on="2023-05-18")
    else:
        brreg.found(number, "PØBELPROSJEKTET AS", konkurs=True)
    brreg.found(FOUND, "ANNEN AS")
    with pytest.raises(ImportFailed) as failed:
        import_data(data(org("a", number), org("b", FOUND, name="Annen")))
    assert failed.value.errors == [message]
    assert not Organisation.objects.exists()


def test_found_fills_in_the_legal_form_and_a_different_name_is_reported(brreg):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    brreg.found(BANKRUPT, "HELT ANNET AS")
    result = import_data(data(org("a", FOUND), org("b", BANKRUPT, name="Lesevenn")))
    assert Organisation.objects.get(org_number=FOUND).legal_form == "AS"
    assert result.register == [f"b: Enhetsregisteret names org. no. {BANKRUPT} «HELT ANNET AS»"]


def test_not_found_is_imported_flagged_and_reported(brreg, tmp_path):
    brreg.not_found(NOT_FOUND)
    out = StringIO()
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data(org("a", NOT_FOUND))), encoding="utf-8")
    call_command("broker_import", str(path), stdout=out)
    assert Organisation.objects.filter(org_number=NOT_FOUND).exists()
    assert RegisterCheck.objects.get(org_number=NOT_FOUND).status == CheckStatus.NOT_FOUND
    assert (
        f"Enhetsregisteret: a: org. no. {NOT_FOUND} not found in Enhetsregisteret, "
        "flagged for a broker" in out.getvalue()
    )


def test_register_out_of_reach_does_not_stop_the_import(brreg):
    brreg.failing(DOWN)
    result = import_data(data(org("a", DOWN)))
    assert Organisation.objects.filter(org_number=DOWN).exists()
    assert result.register == [
        f"a: Enhetsregisteret could not be reached; org. no. {DOWN} is checked later"
    ]
    assert RegisterCheck.objects.get(org_number=DOWN).status == CheckStatus.UNREACHABLE


def test_each_number_is_asked_once_per_day(brreg):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    import_data(data(org("a", FOUND)), dry_run=True)
    import_data(data(org("a", FOUND)))
    assert brreg.calls == [f"/enhetsregisteret/api/enheter/{FOUND}"]
