"""The broker's mail in each recipient's language (issue 18): the daily expiry warning is
sent by a scheduled job with no request, and a profile decision is one person's action
mailed to others, so neither may take the language active when it runs."""

import datetime

import pytest
from django.utils import timezone, translation

from apps.accounts.models import MembershipRole
from apps.broker.tasks import warn_needs_expiring

from .factories import MembershipFactory, NeedFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_need_expiry_warning_arrives_in_each_brokers_language_over_smtp(smtp_server):
    need = NeedFactory(
        title="Sommarjobb for unge",
        expires_at=timezone.localdate() + datetime.timedelta(days=10),
    )
    nynorsk = UserFactory(email="nynorsk@example.no", language="nn")
    english = UserFactory(email="english@example.no", language="en")
    for user in (nynorsk, english):
        MembershipFactory(organisation=need.organisation, role=MembershipRole.BROKER, user=user)
    date = need.expires_at.strftime("%d.%m.%Y")

    with translation.override("nb"):
        assert warn_needs_expiring.call() == 2
    smtp_server.wait_for(2)

    (received,) = smtp_server.to("nynorsk@example.no")
    assert (
        str(received.message["Subject"]).strip()
        == f"Behovet dykkar går ut {date}: Sommarjobb for unge"
    )
    assert "Viss det framleis er aktuelt, forny det på sida" in received.part("text/plain")

    (received,) = smtp_server.to("english@example.no")
    assert (
        str(received.message["Subject"]).strip()
        == f"Your need expires on {date}: Sommarjobb for unge"
    )
    assert "If it is still current, renew it on its page" in received.part("text/plain")
