"""The daily warnings before a need expires or a profile lapses: to the right people, in
bokmål, once per person and expiry date however often the job runs."""

import datetime
import threading
from unittest import mock

import pytest
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.broker import selectors
from apps.broker.services import need_renew
from apps.broker.tasks import warn_needs_expiring, warn_profiles_lapsing
from apps.operations import ledger

from .factories import MembershipFactory, NeedFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def need_world():
    soon = NeedFactory(title="Sommerjobb for unge", expires_at=in_days(14))
    org = soon.organisation
    broker = MembershipFactory(organisation=org, role=MembershipRole.BROKER).user
    MembershipFactory(organisation=org, role=MembershipRole.MEMBER)  # not warned
    later = NeedFactory(organisation=org, expires_at=in_days(15))
    expired = NeedFactory(organisation=org, expires_at=in_days(-1))
    draft = NeedFactory(organisation=org, expires_at=in_days(3), status="draft")
    return {"soon": soon, "broker": broker, "later": later, "expired": expired, "draft": draft}


def test_the_brokers_of_a_need_expiring_within_14_days_are_warned_once(need_world, mailoutbox):
    assert warn_needs_expiring.call() == 1
    assert warn_needs_expiring.call() == 0
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [need_world["broker"].email]
    date = need_world["soon"].expires_at.strftime("%d.%m.%Y")
    assert message.subject == f"Behovet deres utløper {date}: Sommerjobb for unge"
    assert f"/behov/{need_world['soon'].pk}/" in message.body
    assert "forny det på siden" in message.body


def test_a_renewed_need_is_warned_again_before_its_new_expiry(need_world, mailoutbox):
    assert warn_needs_expiring.call() == 1
    need_renew(actor=None, need=need_world["soon"], today=in_days(-166))  # still 14 days
    need_world["soon"].refresh_from_db()
    assert need_world["soon"].expires_at == in_days(14)
    assert warn_needs_expiring.call() == 0
    need_renew(actor=None, need=need_world["soon"], today=in_days(-160))  # now 20 days
    assert warn_needs_expiring.call() == 0
    with mock.patch("django.utils.timezone.localdate", return_value=in_days(7)):
        assert warn_needs_expiring.call() == 2  # this need's new date, and "later"
    assert len(mailoutbox) == 3


def test_without_a_broker_the_person_who_posted_the_need_is_warned(mailoutbox):
    author = UserFactory()
    NeedFactory(expires_at=in_days(5), created_by=author)
    assert warn_needs_expiring.call() == 1
    assert mailoutbox[0].to == [author.email]


def test_the_people_of_a_lapsing_profile_are_warned_once(mailoutbox):
    profile = ProfileFactory(renewal_due=in_days(10))
    admin = MembershipFactory(organisation=profile.organisation, role=MembershipRole.ADMIN).user
    member = MembershipFactory(organisation=profile.organisation, role=MembershipRole.MEMBER).user
    MembershipFactory(user=admin, organisation=profile.organisation, role=MembershipRole.MEMBER)
    ProfileFactory(renewal_due=in_days(40))  # not yet
    pending = ProfileFactory(renewal_due=in_days(3), review_status="pending")
    MembershipFactory(organisation=pending.organisation, role=MembershipRole.ADMIN)

    assert warn_profiles_lapsing.call() == 2
    assert warn_profiles_lapsing.call() == 0
    assert sorted(m.to[0] for m in mailoutbox) == sorted([admin.email, member.email])
    name = profile.organisation.name
    date = profile.renewal_due.strftime("%d.%m.%Y")
    assert mailoutbox[0].subject == f"Forny profilen deres på Kokeboka før {date}: {name}"


def test_two_workers_racing_warn_each_person_once(need_world, mailoutbox):
    real_claim = ledger.claim
    raced = threading.Event()

    def claim_after_the_other_worker(kind, key, period):
        if not raced.is_set():
            raced.set()
            assert warn_needs_expiring.call() == 1
        return real_claim(kind, key, period)

    with mock.patch.object(ledger, "claim", claim_after_the_other_worker):
        assert warn_needs_expiring.call() == 0
    assert len(mailoutbox) == 1


def test_a_failed_send_is_released_and_sent_on_the_next_run(need_world, mailoutbox):
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")),
        pytest.raises(OSError),
    ):
        warn_needs_expiring.call()
    assert warn_needs_expiring.call() == 1
    assert len(mailoutbox) == 1


def test_the_selectors_cost_two_queries_whatever_the_number(django_assert_num_queries):
    for _ in range(4):
        need = NeedFactory(expires_at=in_days(2))
        MembershipFactory(organisation=need.organisation, role=MembershipRole.BROKER)
        profile = ProfileFactory(renewal_due=in_days(2))
        MembershipFactory(organisation=profile.organisation, role=MembershipRole.ADMIN)
    with django_assert_num_queries(2):
        assert len(selectors.needs_expiring_soon(today=timezone.localdate())) == 4
    with django_assert_num_queries(2):
        assert len(selectors.profiles_lapsing_soon(today=timezone.localdate())) == 4
