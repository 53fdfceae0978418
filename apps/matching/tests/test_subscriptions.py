"""Subscribers hear about new public needs that match their offer, once, after commit."""

import pytest
from django.core import mail

from apps.broker.models import NeedStatus, NeedVisibility
from apps.broker.tests.factories import NeedFactory
from apps.matching import services
from apps.matching.models import MatchNotification


@pytest.fixture
def subscribed_offer(make_offer, people):
    offer = make_offer(
        "Mentorer mot frafall i videregående",
        "Frivillige mentorer følger elever som står i fare for å slutte på skolen.",
        profile=people["_profile"],
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        national=True,
    )
    services.subscription_create(offer=offer, user=people["entrepreneur"])
    return offer


def _publish(make_need, django_capture_on_commit_callbacks, title, text, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return make_need(title, text, **kwargs)


def test_a_matching_public_need_is_emailed_once_after_commit(
    make_need, subscribed_offer, people, django_capture_on_commit_callbacks
):
    draft = make_need(
        "Elever dropper ut av videregående",
        "Mange slutter på skolen uten å fullføre.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        status=NeedStatus.DRAFT,
    )
    assert mail.outbox == []
    draft.status = NeedStatus.OPEN
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people["entrepreneur"].email]
    assert draft.title in message.subject
    assert draft.get_absolute_url() in message.body
    assert MatchNotification.objects.get().need == draft

    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    assert len(mail.outbox) == 1


def test_nothing_is_sent_before_commit(
    baerum, vocab, subscribed_offer, django_capture_on_commit_callbacks
):
    # Built here, not with make_need: that fixture runs the commit hooks itself, so it would
    # send the mail inside this block whenever the need scores above the threshold.
    sectors, groups = vocab
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        need = NeedFactory(
            title="Elever dropper ut av videregående",
            description="Mange slutter på skolen uten å fullføre.",
            organisation=baerum,
        )
        need.sectors.set([sectors["oppvekst_utdanning"]])
        need.target_groups.set([groups["ungdom"]])
    assert mail.outbox == [] and callbacks
    # The commit: the hooks run, and the tasks they enqueue run in turn.
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "changes", [{"visibility": NeedVisibility.MEMBERS}, {"status": NeedStatus.DRAFT}]
)
def test_needs_that_are_not_public_are_not_announced(
    make_need, subscribed_offer, django_capture_on_commit_callbacks, changes
):
    _publish(
        make_need,
        django_capture_on_commit_callbacks,
        "Elever dropper ut av videregående",
        "Mange slutter på skolen.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        **changes,
    )
    assert mail.outbox == []


def test_weak_matches_are_not_announced(
    make_need, subscribed_offer, django_capture_on_commit_callbacks
):
    _publish(
        make_need,
        django_capture_on_commit_callbacks,
        "Matsvinn i kantinene",
        "Kantinene kaster mye mat.",
        sector_codes=["miljo_klima"],
    )
    assert mail.outbox == []


def test_former_members_are_not_emailed(
    make_need, subscribed_offer, people, django_capture_on_commit_callbacks
):
    people["entrepreneur"].memberships.all().delete()
    _publish(
        make_need,
        django_capture_on_commit_callbacks,
        "Elever dropper ut av videregående",
        "Mange slutter på skolen.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
    )
    assert mail.outbox == []
