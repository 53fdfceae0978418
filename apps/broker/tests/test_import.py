from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from apps.accounts.models import Organisation
from apps.broker.importer import ImportFailed, import_files
from apps.broker.models import EntrepreneurProfile, Need, Offer

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def counts():
    return (
        Organisation.objects.count(),
        EntrepreneurProfile.objects.count(),
        Offer.objects.count(),
        Need.objects.count(),
    )


def test_good_json_is_imported(baerum):
    result = import_files([DATA / "good.json"])

    assert result.created["needs"] == 2
    assert result.created["offers"] == 2
    # Bærum kommune already existed: matched on kommunenummer, not duplicated.
    assert Organisation.objects.filter(municipality__code="3201").count() == 1
    assert result.created["organisations"] == 2
    gronn = Organisation.objects.get(external_key="gronn")
    assert gronn.type == "sosial_entreprenor"
    assert gronn.org_number == "912345688"
    assert gronn.work_integration is True
    profile = gronn.entrepreneur_profile
    assert profile.review_status == "approved" and profile.is_public
    offer = Offer.objects.get(key="gronn-hage")
    assert sorted(offer.areas.values_list("code", flat=True)) == ["0301", "3201"]
    assert Offer.objects.get(key="lesevenn-les").area_national is True
    need = Need.objects.get(key="baerum-frafall")
    assert need.organisation == baerum
    assert need.budget_max == 500000
    assert need.is_cross_sector
    assert need.is_public
    # Lier had no organisation yet: one is made for the municipality.
    lier = Need.objects.get(key="lier-ensomhet")
    assert lier.organisation.municipality.code == "3312"
    assert lier.status == "draft" and lier.visibility == "members"


def test_import_twice_changes_nothing(baerum):
    import_files([DATA / "good.json"])
    before = counts()
    need_version = Need.objects.get(key="baerum-frafall").version

    result = import_files([DATA / "good.json"])

    assert counts() == before
    assert sum(result.created.values()) == 0
    assert sum(result.updated.values()) == 0
    assert result.unchanged["needs"] == 2 and result.unchanged["offers"] == 2
    assert Need.objects.get(key="baerum-frafall").version == need_version


def test_a_changed_record_is_updated_in_place(tmp_path, baerum):
    import_files([DATA / "good.json"])
    text = (DATA / "good.json").read_text().replace("Unge som faller ut av skolen", "Frafall")
    changed = tmp_path / "changed.json"
    changed.write_text(text)

    result = import_files([changed])

    assert result.updated["needs"] == 1
    need = Need.objects.get(key="baerum-frafall")
    assert need.title == "Frafall"
    assert need.version == 2


def test_bad_json_writes_nothing_and_names_key_and_field(baerum):
    before = counts()
    with pytest.raises(ImportFailed) as failed:
        import_files([DATA / "bad.json"])
    errors = failed.value.errors

    assert counts() == before
    assert not Organisation.objects.filter(name="Helt Grei AS").exists()
    expected = [
        "organisations[feil-org].name",
        "organisations[feil-org].type",
        "organisations[feil-org].org_number",
        "organisations[feil-org].municipality_code",
        "offers[feil-tilbud].organisation",
        "offers[feil-tilbud].sectors",
        "offers[feil-tilbud].maturity",
        "offers[feil-tilbud].areas",
        "needs[feil-behov].description",
        "needs[feil-behov].budget_nok",
        "needs[feil-behov].status",
        "needs[feil-behov].visibility",
        "needs[feil-behov].key",
    ]
    for prefix in expected:
        assert any(error.startswith(prefix) for error in errors), prefix


def test_csv_files_one_per_kind(baerum):
    result = import_files([DATA / "organisations.csv", DATA / "offers.csv", DATA / "needs.csv"])

    assert result.created["offers"] == 1 and result.created["needs"] == 1
    kafe = Organisation.objects.get(external_key="kafe")
    assert kafe.work_integration is True and kafe.legal_form == "AS"
    offer = Offer.objects.get(key="kafe-kjokken")
    assert sorted(offer.areas.values_list("code", flat=True)) == ["3201", "5001"]
    need = Need.objects.get(key="trd-pårørende")
    assert sorted(need.sectors.values_list("code", flat=True)) == ["folkehelse", "helse_omsorg"]
    assert need.organisation.municipality.code == "5001"

    again = import_files([DATA / "organisations.csv", DATA / "offers.csv", DATA / "needs.csv"])
    assert sum(again.created.values()) == 0 and sum(again.updated.values()) == 0


def test_bad_csv(baerum):
    with pytest.raises(ImportFailed) as failed:
        import_files([DATA / "bad_needs.csv"])
    errors = failed.value.errors
    assert any(e.startswith("needs[bad-csv].municipality_code") for e in errors)
    assert any(e.startswith("needs[bad-csv].title") for e in errors)
    assert any(e.startswith("needs[bad-csv].budget_nok") for e in errors)
    assert not Need.objects.exists()


def test_command_reports_and_fails(baerum, capsys):
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("broker_import", str(DATA / "bad.json"))
    assert "needs[feil-behov].status" in capsys.readouterr().err

    call_command("broker_import", str(DATA / "good.json"), "--dry-run")
    assert not Need.objects.exists()

    call_command("broker_import", str(DATA / "good.json"))
    assert "needs: 2 created" in capsys.readouterr().out
    assert Need.objects.count() == 2


def test_texts_over_the_limits_are_refused_and_nothing_is_written(baerum):
    from apps.broker.importer import import_data
    from apps.core import limits

    data = {
        "organisations": [
            {
                "key": "lang-org",
                "name": "Lang Tekst AS",
                "type": "social_enterprise",
                "description": "o" * (limits.SUMMARY + 1),
            }
        ],
        "offers": [
            {
                "key": "langt-tilbud",
                "organisation": "lang-org",
                "title": "t" * (limits.TITLE + 1),
                "description": "a" * (limits.LONG_TEXT + 1),
                "maturity": "idea",
            }
        ],
        "needs": [
            {
                "key": "langt-behov",
                "municipality_code": "3201",
                "title": "Et behov",
                "description": "a" * 1_000_000,
            }
        ],
    }
    before = counts()
    with pytest.raises(ImportFailed) as failed:
        import_data(data)
    assert counts() == before
    errors = failed.value.errors
    for prefix, limit in [
        ("organisations[lang-org].description", limits.SUMMARY),
        ("offers[langt-tilbud].title", limits.TITLE),
        ("offers[langt-tilbud].description", limits.LONG_TEXT),
        ("needs[langt-behov].description", limits.LONG_TEXT),
    ]:
        assert f"{prefix}: is longer than {limit} characters" in errors, prefix

    # At the limit, the same records are imported.
    data["organisations"][0]["description"] = "o" * limits.SUMMARY
    data["offers"][0]["title"] = "t" * limits.TITLE
    data["offers"][0]["description"] = "a" * limits.LONG_TEXT
    data["needs"][0]["description"] = "Elever slutter. " * (limits.LONG_TEXT // 16)
    result = import_data(data)
    assert result.created["offers"] == 1 and result.created["needs"] == 1
