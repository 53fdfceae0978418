"""The shipped law (apps/rules/data) loads idempotently and never overwrites an editor."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from apps.rules import demo, loader, selectors
from apps.rules.models import LegalRule, Threshold

pytestmark = pytest.mark.django_db
D = datetime.date

AGREED_CODES = {
    "loa-2", "loa-4", "loa-5", "foa-5-1", "foa-5-3", "foa-5-4", "foa-7-1", "foa-7-9",
    "foa-8-3", "foa-8-8", "foa-16-9", "foa-30-3", "foa-kap-30", "foa-13-1", "foa-13-2",
    "foa-13-3", "foa-13-4", "foa-innovasjonspartnerskap", "foa-2-5", "markedsdialog",
    "ideell-under-terskel", "ideell-over-terskel", "tilskudd-eller-anskaffelse",
    "offentlig-stotte", "bagatellstotte", "prop-147-l",
}  # fmt: skip


def _snapshot() -> tuple:
    return (
        LegalRule.objects.count(),
        Threshold.objects.count(),
        Revision.objects.count(),
        sorted(LegalRule.objects.values_list("code", "updated_at")),
        sorted(Threshold.objects.values_list("pk", "updated_at")),
    )


def test_load_is_idempotent_and_the_demo_only_delegates():
    report = loader.load_rules()
    first = _snapshot()
    assert len(report.created) == first[0] + first[1]
    demo.load()
    call_command("load_rules", verbosity=0)
    assert _snapshot() == first


def test_every_shipped_row_is_sourced_and_clean():
    loader.load_rules()
    assert set(LegalRule.objects.values_list("code", flat=True)) >= AGREED_CODES
    for row in [*LegalRule.objects.all(), *Threshold.objects.all()]:
        assert row.source_url.startswith("https://"), row
        assert row.data_ref and row.data_checksum, row
        if row.verified:
            assert row.checked_on is not None or isinstance(row, LegalRule), row
        else:
            assert row.verification_note, row
        row.full_clean()
    # No pending row is left: the reform is adopted and dated.
    assert not Threshold.objects.filter(pending=True).exists()
    reform = LegalRule.objects.get(code="prop-147-l")
    assert (reform.pending, reform.valid_from) == (False, D(2026, 7, 1))


@pytest.mark.parametrize(
    ("on", "key", "amount"),
    [
        (D(2017, 1, 1), Threshold.Key.EEA_GOODS_SERVICES_OTHER, 1_750_000),
        (D(2018, 4, 5), Threshold.Key.EEA_HEALTH_SOCIAL, 6_300_000),
        (D(2018, 4, 6), Threshold.Key.EEA_HEALTH_SOCIAL, 6_950_000),
        (D(2018, 4, 6), Threshold.Key.NATIONAL, 1_300_000),
        (D(2020, 2, 12), Threshold.Key.EEA_WORKS, 51_500_000),
        (D(2022, 2, 1), Threshold.Key.EEA_GOODS_SERVICES_OTHER, 2_050_000),
        (D(2022, 2, 1), Threshold.Key.EEA_WORKS, 51_500_000),
        (D(2022, 3, 23), Threshold.Key.EEA_HEALTH_SOCIAL, 7_800_000),
        (D(2022, 3, 23), Threshold.Key.EEA_GOODS_SERVICES_STATE, 1_400_000),
        (D(2024, 3, 14), Threshold.Key.EEA_GOODS_SERVICES_STATE, 1_490_000),
        (D(2026, 6, 30), Threshold.Key.LOWER_LIMIT, 100_000),
        (D(2026, 7, 1), Threshold.Key.LOWER_LIMIT, 500_000),
        (D(2026, 7, 1), Threshold.Key.PROTOCOL, 500_000),
        (D(2026, 7, 1), Threshold.Key.EEA_SPECIAL, 7_800_000),
    ],
)
def test_thresholds_answer_for_dates_since_2017(on, key, amount):
    loader.load_rules()
    assert selectors.thresholds_in_force(on=on)[key].amount == amount


def test_every_key_is_covered_without_gaps_from_2017():
    loader.load_rules()
    for key in Threshold.Key.values:
        rows = list(Threshold.objects.filter(key=key).order_by("valid_from"))
        assert rows[0].valid_from == D(2017, 1, 1), key
        for earlier, later in zip(rows, rows[1:], strict=False):
            assert earlier.valid_to == later.valid_from - datetime.timedelta(days=1), key
        assert rows[-1].valid_to is None, key


def test_an_editors_change_is_kept_and_reported():
    loader.load_rules()
    rule = LegalRule.objects.get(code="loa-4")
    rule.summary = "Endret av redaktøren"
    rule.save()
    row = Threshold.objects.get(data_ref="eea_works-2024")
    row.valid_to = D(2026, 3, 13)
    row.save()
    report = loader.load_rules()
    rule.refresh_from_db()
    row.refresh_from_db()
    assert rule.summary == "Endret av redaktøren"
    assert row.valid_to == D(2026, 3, 13)
    assert set(report.kept_editor_version) == {"loa-4", "eea_works-2024"}


def test_an_unedited_row_takes_the_new_shipped_values(monkeypatch):
    loader.load_rules()
    rules, thresholds, retired = loader.read_data()
    for spec in thresholds:
        if spec["ref"] == "eea_state-2024":
            spec["verified"] = True
            spec["checked_on"] = D(2027, 1, 5)
    monkeypatch.setattr(loader, "read_data", lambda: (rules, thresholds, retired))
    report = loader.load_rules()
    assert report.updated == ["eea_state-2024"]
    row = Threshold.objects.get(data_ref="eea_state-2024")
    assert (row.verified, row.checked_on) == (True, D(2027, 1, 5))


def test_rows_from_the_old_demo_seed_are_adopted_and_corrected():
    """A database seeded before the data files existed had the 2022 values from 1 January
    and a pending 300 000 proposal: loading corrects the dates and retires the proposal."""
    old_2022 = Threshold.objects.create(
        key=Threshold.Key.EEA_GOODS_SERVICES_OTHER,
        amount=2_200_000,
        valid_from=D(2022, 1, 1),
        valid_to=D(2024, 3, 13),
        citation="FOA § 5-3",
    )
    Threshold.objects.create(
        key=Threshold.Key.LOWER_LIMIT, amount=300_000, pending=True, citation="Prop. 147 L"
    )
    LegalRule.objects.create(
        code="loa-2", citation="LOA § 2", title="Gammel", summary="Gammel", valid_from=D(2017, 1, 1)
    )
    report = loader.load_rules()
    old_2022.refresh_from_db()
    assert (old_2022.valid_from, old_2022.data_ref) == (D(2022, 3, 23), "eea_other-2022")
    assert not Threshold.objects.filter(pending=True).exists()
    assert "lower_limit:300000" in report.retired
    assert LegalRule.objects.get(code="loa-2").title == "Virkeområde og nedre terskelverdi"


def test_a_key_that_would_overlap_an_editors_row_is_left_whole():
    Threshold.objects.create(
        key=Threshold.Key.EEA_WORKS,
        amount=60_000_000,
        valid_from=D(2021, 1, 1),
        citation="Redaktørens rad",
    )
    report = loader.load_rules()
    assert report.skipped_keys == [Threshold.Key.EEA_WORKS]
    assert list(Threshold.objects.filter(key=Threshold.Key.EEA_WORKS)) == [
        Threshold.objects.get(citation="Redaktørens rad")
    ]
    assert Threshold.objects.filter(key=Threshold.Key.NATIONAL).count() == 2


def test_a_content_change_stamps_content_changed_at_but_verification_does_not():
    loader.load_rules()
    rule = LegalRule.objects.get(code="foa-8-8")
    stamped = rule.content_changed_at
    assert stamped is not None
    rule.verified = not rule.verified
    rule.checked_on = D(2026, 12, 1)
    rule.save()
    rule.refresh_from_db()
    assert rule.content_changed_at == stamped
    rule.summary = "Ny tekst"
    rule.save()
    rule.refresh_from_db()
    assert rule.content_changed_at > stamped
