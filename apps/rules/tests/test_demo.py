import datetime

import pytest
from wagtail.models import Revision

from apps.rules import demo, selectors
from apps.rules.models import LegalRule, Threshold

pytestmark = pytest.mark.django_db

AGREED_CODES = {
    "loa-2", "loa-4", "loa-5", "foa-5-1", "foa-5-3", "foa-5-4", "foa-7-1", "foa-7-9",
    "foa-8-3", "foa-8-8", "foa-16-9", "foa-30-3", "foa-kap-30", "foa-13-1", "foa-13-2",
    "foa-13-3", "foa-13-4", "foa-innovasjonspartnerskap", "foa-2-5", "markedsdialog",
    "ideell-under-terskel", "ideell-over-terskel", "tilskudd-eller-anskaffelse",
    "offentlig-stotte", "bagatellstotte", "prop-147-l",
}  # fmt: skip
UNVERIFIED_CODES = {
    "foa-5-4", "foa-kap-30", "markedsdialog", "ideell-over-terskel", "bagatellstotte",
    "prop-147-l",
}  # fmt: skip


def _snapshot() -> tuple:
    return (
        LegalRule.objects.count(),
        Threshold.objects.count(),
        Revision.objects.count(),
        sorted(LegalRule.objects.values_list("code", "updated_at")),
        sorted(Threshold.objects.values_list("pk", "updated_at")),
    )


def test_demo_load_is_idempotent():
    demo.load()
    first = _snapshot()
    demo.load()
    assert _snapshot() == first
    assert first[:2] == (26, 15)


def test_demo_seeds_the_agreed_rules():
    demo.load()
    assert set(LegalRule.objects.values_list("code", flat=True)) == AGREED_CODES
    assert set(LegalRule.objects.filter(verified=False).values_list("code", flat=True)) == (
        UNVERIFIED_CODES
    )
    for rule in LegalRule.objects.all():
        assert rule.summary and rule.source_url.startswith("https://"), rule.code
        if not rule.verified:
            assert rule.verification_note, rule.code
        rule.full_clean()
    proposal = LegalRule.objects.get(code="prop-147-l")
    assert proposal.pending and proposal.valid_from is None


def test_demo_thresholds_answer_for_known_dates():
    demo.load()
    on_2018 = selectors.thresholds_in_force(on=datetime.date(2018, 1, 1))
    assert on_2018[Threshold.Key.NATIONAL].amount == 1_100_000
    assert on_2018[Threshold.Key.EEA_HEALTH_SOCIAL].amount == 6_950_000
    assert Threshold.Key.EEA_GOODS_SERVICES_STATE not in on_2018
    on_2024 = selectors.thresholds_in_force(on=datetime.date(2024, 3, 14))
    assert on_2024[Threshold.Key.EEA_GOODS_SERVICES_OTHER].amount == 2_300_000
    assert on_2024[Threshold.Key.EEA_WORKS].amount == 57_800_000
    assert on_2024[Threshold.Key.LOWER_LIMIT].amount == 100_000
    pending = Threshold.objects.get(pending=True)
    assert (pending.key, pending.amount) == (Threshold.Key.LOWER_LIMIT, 300_000)
    for row in Threshold.objects.filter(verified=False):
        assert row.verification_note, row


def test_demo_restores_its_text_but_keeps_an_editors_end_date():
    demo.load()
    rule = LegalRule.objects.get(code="loa-4")
    rule.summary = "Endret"
    rule.save()
    row = Threshold.objects.get(key=Threshold.Key.EEA_WORKS, valid_to__isnull=True)
    row.valid_to = datetime.date(2025, 12, 31)
    row.save()
    demo.load()
    rule.refresh_from_db()
    row.refresh_from_db()
    assert rule.summary != "Endret"
    assert row.valid_to == datetime.date(2025, 12, 31)
