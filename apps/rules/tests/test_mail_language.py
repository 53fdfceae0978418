"""The weekly law watch mail is written in each editor's own language (issue 18): a
scheduled job has no request, so the language comes from the editor's account."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from apps.accounts.tests.factories import UserFactory
from apps.rules import services
from apps.rules.services import EDITORS_GROUP_NAME

from .factories import LegalRuleFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)


def _editor(email: str, language: str):
    user = UserFactory(email=email, language=language)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    return user


def _subject(received) -> str:
    return str(received.message["Subject"]).strip()


def test_each_editor_gets_the_law_watch_in_their_language_over_smtp(smtp_server):
    LegalRuleFactory(code="forfalt", review_by=TODAY - datetime.timedelta(days=1))
    _editor("nynorsk@example.no", "nn")
    _editor("english@example.no", "en")
    _editor("bokmal@example.no", "nb")
    # The job runs with the site's default active, as the scheduler's worker does.
    with translation.override("nb"):
        assert services.law_watch_email_send(today=TODAY) == 3
    smtp_server.wait_for(3)

    nynorsk = smtp_server.to("nynorsk@example.no")[0]
    assert _subject(nynorsk).startswith("Lovvakt: 1 regel eller terskelverdi treng")
    assert "treng oppfølging frå ein redaktør denne veka" in nynorsk.part("text/plain")

    english = smtp_server.to("english@example.no")[0]
    assert _subject(english).startswith("Law watch: 1 rule or threshold needs")
    assert "need an editor's attention this week" in english.part("text/plain")

    bokmal = smtp_server.to("bokmal@example.no")[0]
    assert _subject(bokmal).startswith("Lovvakt:")
    assert "frå ein redaktør" not in bokmal.part("text/plain")
    # The active language is left as it was.
    assert translation.get_language() != "nn"
