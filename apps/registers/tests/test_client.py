"""The client and the kept answers against a local register: every documented answer, the
cache, the register out of reach in three ways, and the scheduled retry."""

import datetime

import pytest
from django.utils import timezone

from apps.operations.schedule import job_named
from apps.registers import client, services
from apps.registers.models import CheckStatus, RegisterCheck

from .conftest import BANKRUPT, DELETED, DOWN, FOUND, NOT_FOUND, SUBUNIT

pytestmark = pytest.mark.django_db


def test_a_found_unit_is_read_and_kept(brreg):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    lookup = services.check(FOUND)
    assert lookup.status == client.FOUND
    assert (lookup.name, lookup.org_form_code, lookup.org_form) == (
        "PØBELPROSJEKTET AS",
        "AS",
        "Aksjeselskap",
    )
    assert (lookup.municipality_number, lookup.municipality_name) == ("3201", "BÆRUM")
    assert not lookup.refused
    check = RegisterCheck.objects.get(org_number=FOUND)
    assert check.status == CheckStatus.FOUND
    assert check.name == "PØBELPROSJEKTET AS" and check.municipality_name == "BÆRUM"
    assert check.needs_broker is False


def test_a_bankrupt_unit_is_refused(brreg):
    brreg.found(BANKRUPT, "KONKURS AS", konkurs=True, konkursdato="2026-01-10")
    lookup = services.check(BANKRUPT)
    assert lookup.status == client.FOUND and lookup.bankrupt and lookup.refused
    assert RegisterCheck.objects.get(org_number=BANKRUPT).needs_broker is True


def test_a_sub_unit_is_asked_for_when_the_main_register_does_not_know_the_number(brreg):
    brreg.subunit(SUBUNIT, "AVDELING OSLO")
    lookup = services.check(SUBUNIT)
    assert lookup.status == client.FOUND and lookup.subunit
    assert lookup.municipality_number == "0301"
    assert brreg.calls == [
        f"/enhetsregisteret/api/enheter/{SUBUNIT}",
        f"/enhetsregisteret/api/underenheter/{SUBUNIT}",
    ]


def test_a_number_found_in_neither_register_is_kept_for_a_broker(brreg):
    brreg.not_found(NOT_FOUND)
    lookup = services.check(NOT_FOUND)
    assert lookup.status == client.NOT_FOUND and not lookup.refused
    check = RegisterCheck.objects.get(org_number=NOT_FOUND)
    assert check.status == CheckStatus.NOT_FOUND and check.needs_broker is True


def test_gone_410_is_a_deleted_unit_with_its_date(brreg):
    brreg.deleted(DELETED, on="2023-05-18")
    lookup = services.check(DELETED)
    assert lookup.status == client.DELETED and lookup.refused
    assert lookup.deleted_date == datetime.date(2023, 5, 18)
    check = RegisterCheck.objects.get(org_number=DELETED)
    assert check.status == CheckStatus.DELETED and check.deleted_on == datetime.date(2023, 5, 18)


def test_a_cached_answer_is_not_asked_again(brreg):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    services.check(FOUND)
    services.check(FOUND)
    client.lookup(FOUND)
    assert brreg.calls == [f"/enhetsregisteret/api/enheter/{FOUND}"]
    client.lookup(FOUND, fresh=True)
    assert len(brreg.calls) == 2


def test_no_url_means_no_lookup(settings, httpserver):
    settings.ENHETSREGISTERET_URL = ""
    assert services.check(FOUND).status == client.OFF
    assert not RegisterCheck.objects.exists()
    assert len(httpserver.log) == 0


@pytest.mark.parametrize("fault", ["500", "timeout", "refused"])
def test_a_register_out_of_reach_is_asked_again_by_the_scheduled_job(brreg, settings, fault):
    server_url = settings.ENHETSREGISTERET_URL
    if fault == "500":
        brreg.failing(DOWN, status=503)
    elif fault == "timeout":
        brreg.slow(DOWN, seconds=1.0)
    else:
        settings.ENHETSREGISTERET_URL = "http://127.0.0.1:9/enhetsregisteret/api"
    assert services.check(DOWN).status == client.UNREACHABLE
    check = RegisterCheck.objects.get(org_number=DOWN)
    assert check.status == CheckStatus.UNREACHABLE and check.attempts == 1
    assert check.retry_after > timezone.now() + datetime.timedelta(minutes=14)
    assert check.needs_broker is False

    # The register comes back; the job does nothing before the retry time, then settles it.
    settings.ENHETSREGISTERET_URL = server_url
    brreg.reset()
    brreg.found(DOWN, "TILBAKE AS")
    job = job_named("registers_recheck")
    job.get_task().enqueue()
    assert RegisterCheck.objects.get(org_number=DOWN).status == CheckStatus.UNREACHABLE
    RegisterCheck.objects.update(retry_after=timezone.now() - datetime.timedelta(seconds=1))
    job.get_task().enqueue()
    check = RegisterCheck.objects.get(org_number=DOWN)
    assert check.status == CheckStatus.FOUND and check.name == "TILBAKE AS"
    assert check.attempts == 0 and check.retry_after is None


def test_still_out_of_reach_waits_twice_as_long_and_keeps_an_earlier_answer(brreg):
    brreg.failing(DOWN)
    services.check(DOWN)
    later = timezone.now() + datetime.timedelta(minutes=16)
    counts = services.recheck_due(now=later)
    assert counts[CheckStatus.UNREACHABLE] == 1
    check = RegisterCheck.objects.get(org_number=DOWN)
    assert check.attempts == 2
    assert check.retry_after == later + datetime.timedelta(minutes=30)

    # An answer once given is not overwritten by a later outage.
    brreg.reset()
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    services.check(FOUND)
    brreg.reset()
    brreg.failing(FOUND)
    assert client.lookup(FOUND, fresh=True).status == client.UNREACHABLE
    services.record(client.lookup(FOUND, fresh=True))
    check = RegisterCheck.objects.get(org_number=FOUND)
    assert check.status == CheckStatus.FOUND and check.name == "PØBELPROSJEKTET AS"


def test_a_body_that_is_not_json_is_out_of_reach(brreg):
    brreg.server.expect_request(f"/enhetsregisteret/api/enheter/{FOUND}").respond_with_data(
        "<html>maintenance</html>", content_type="text/html"
    )
    assert client.lookup(FOUND).status == client.UNREACHABLE
