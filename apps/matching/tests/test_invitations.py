"""Open invitations: every entrepreneur whose approved offer matches a need above a score is
invited to express interest before a deadline; mails go out once; only the invited
organisation answers, only before the deadline; the need's brokers read the answers."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.helpers import force_login_verified
from apps.broker.tests.factories import EntrepreneurOrgFactory, MembershipFactory, NeedFactory
from apps.core import limits
from apps.matching import invitation_selectors, invitation_services, services, tasks
from apps.matching.forms import AnswerForm
from apps.matching.models import InterestResponse, InvitationRecipient, OpenInvitation
from apps.operations.models import Delivery


def _deadline(days: int = 14) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def invited(dropout_need, offers, make_offer, people):
    """The mentor's organisation has an admin and a member and a second matching offer; the
    farm matches too; the food offer does not."""
    mentor_org = offers["mentor"].profile.organisation
    second = make_offer(
        "Mentorer for elever i videregående skole",
        "Mentorer følger elever som står i fare for å slutte på skolen.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        profile=offers["mentor"].profile,
        national=True,
    )
    return {
        "need": dropout_need,
        "mentor_org": mentor_org,
        "farm_org": offers["farm"].profile.organisation,
        "food_org": offers["food"].profile.organisation,
        "second": second,
        "admin": MembershipFactory(organisation=mentor_org, role=MembershipRole.ADMIN).user,
        "member": MembershipFactory(organisation=mentor_org, role=MembershipRole.MEMBER).user,
        "farm_admin": MembershipFactory(
            organisation=offers["farm"].profile.organisation, role=MembershipRole.ADMIN
        ).user,
    }


def _send(invited, people, django_capture_on_commit_callbacks, *, min_score=40, **kwargs):
    need = invited["need"]
    candidates = invitation_selectors.invitation_candidates(need=need, min_score=min_score)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = tasks.invitation_send(
            need=need,
            created_by=people["own_broker"],
            min_score=min_score,
            deadline=kwargs.pop("deadline", _deadline()),
            message=kwargs.pop("message", "Er dere interessert?"),
            organisation_ids=kwargs.pop(
                "organisation_ids", [c.organisation.pk for c in candidates]
            ),
        )
    return invitation


# Who is invited ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_entrepreneur_above_the_score_is_listed_once_with_its_best_offer(invited):
    candidates = invitation_selectors.invitation_candidates(need=invited["need"], min_score=40)
    orgs = [c.organisation for c in candidates]
    assert invited["mentor_org"] in orgs and invited["farm_org"] in orgs
    assert invited["food_org"] not in orgs
    assert len(orgs) == len(set(orgs))
    assert all(c.score >= 40 for c in candidates)
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
    # A score above every match leaves nobody.
    assert invitation_selectors.invitation_candidates(need=invited["need"], min_score=100) == []


@pytest.mark.django_db
def test_a_brokers_dismissal_does_not_keep_an_entrepreneur_out(invited, offers, people):
    """Pins and dismissals are working notes: the invitation ranks as if none were made."""
    services.match_dismiss(need=invited["need"], offer=offers["farm"], user=people["own_broker"])
    services.match_dismiss(need=invited["need"], offer=offers["mentor"], user=people["own_broker"])
    orgs = {
        c.organisation
        for c in invitation_selectors.invitation_candidates(need=invited["need"], min_score=40)
    }
    assert {invited["farm_org"], invited["mentor_org"]} <= orgs


@pytest.mark.django_db
def test_the_invitation_keeps_a_snapshot_of_only_those_the_broker_saw(
    invited, people, django_capture_on_commit_callbacks
):
    invitation = _send(
        invited,
        people,
        django_capture_on_commit_callbacks,
        organisation_ids=[invited["farm_org"].pk, invited["food_org"].pk],
    )
    recipients = list(invitation.recipients.all())
    # The food offer was "seen" but does not match: it is not invited.
    assert [r.organisation for r in recipients] == [invited["farm_org"]]
    assert recipients[0].score >= 40
    assert recipients[0].offer is not None


@pytest.mark.django_db
def test_one_open_invitation_per_need_and_only_for_public_needs(
    invited, people, baerum, django_capture_on_commit_callbacks
):
    _send(invited, people, django_capture_on_commit_callbacks)
    with pytest.raises(invitation_services.InvitationError, match="allerede en åpen"):
        _send(invited, people, django_capture_on_commit_callbacks)
    draft = NeedFactory(organisation=baerum, status="draft")
    with pytest.raises(invitation_services.InvitationError, match="offentlig behov"):
        invitation_services.invitation_create(
            need=draft,
            created_by=people["own_broker"],
            min_score=40,
            deadline=_deadline(),
            message="Hei",
            organisation_ids=[invited["farm_org"].pk],
        )


@pytest.mark.django_db
def test_only_the_needs_own_brokers_may_invite(invited, people):
    for name in ("other_broker", "own_member", "entrepreneur"):
        with pytest.raises(PermissionDenied):
            invitation_services.invitation_create(
                need=invited["need"],
                created_by=people[name],
                min_score=40,
                deadline=_deadline(),
                message="Hei",
                organisation_ids=[invited["farm_org"].pk],
            )
    assert not OpenInvitation.objects.exists()


@pytest.mark.django_db
def test_a_deadline_in_the_past_or_too_far_ahead_is_refused(
    invited, people, django_capture_on_commit_callbacks
):
    with pytest.raises(invitation_services.InvitationError, match="passert"):
        _send(invited, people, django_capture_on_commit_callbacks, deadline=_deadline(-1))
    with pytest.raises(invitation_services.InvitationError, match="innen 90 dager"):
        _send(invited, people, django_capture_on_commit_callbacks, deadline=_deadline(91))


# Mails ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_invited_organisations_admins_are_mailed_once_even_when_retried(
    invited, people, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    invitation = _send(invited, people, django_capture_on_commit_callbacks)
    to = sorted(address for message in mail.outbox for address in message.to)
    # Admins only (the mentor's member is not mailed while the organisation has an admin).
    assert to == sorted([invited["admin"].email, invited["farm_admin"].email])
    body = next(m.body for m in mail.outbox if invited["admin"].email in m.to)
    recipient = invitation.recipients.get(organisation=invited["mentor_org"])
    assert recipient.get_absolute_url() in body
    assert "Er dere interessert?" in body
    assert "behandles likt" in body
    assert recipient.notified_at is not None
    # A retry (the task run again after a worker died) sends nothing more.
    assert invitation_services.invitation_notify(invitation=invitation) == 0
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(kind=invitation_services.NOTIFY_KIND).count() == 2


@pytest.mark.django_db
def test_an_organisation_without_an_admin_has_its_members_mailed(
    invited, people, django_capture_on_commit_callbacks
):
    invited["farm_admin"].memberships.update(role=MembershipRole.MEMBER)
    mail.outbox.clear()
    _send(invited, people, django_capture_on_commit_callbacks)
    assert any(invited["farm_admin"].email in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_a_failed_send_is_released_so_a_retry_sends_it(
    invited, people, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMessage

    invitation = _send(invited, people, django_capture_on_commit_callbacks)
    Delivery.objects.all().delete()
    mail.outbox.clear()

    def fail(self, *args, **kwargs):
        raise OSError("mail server away")

    monkeypatch.setattr(EmailMessage, "send", fail)
    with pytest.raises(OSError):
        invitation_services.invitation_notify(invitation=invitation)
    assert not Delivery.objects.exists()
    monkeypatch.undo()
    assert invitation_services.invitation_notify(invitation=invitation) == 2


# Answers ---------------------------------------------------------------------------------


@pytest.fixture
def invitation(invited, people, django_capture_on_commit_callbacks):
    return _send(invited, people, django_capture_on_commit_callbacks)


@pytest.fixture
def recipient(invitation, invited):
    return invitation.recipients.get(organisation=invited["mentor_org"])


@pytest.mark.django_db
def test_admins_and_members_of_the_invited_organisation_answer_and_may_change_it(
    recipient, invited
):
    invitation_services.interest_respond(
        recipient=recipient, user=invited["member"], interested=True, comment="Gjerne!"
    )
    invitation_services.interest_respond(
        recipient=recipient, user=invited["admin"], interested=False, comment=" Ikke nå. "
    )
    response = InterestResponse.objects.get(recipient=recipient)
    assert (response.interested, response.comment, response.responded_by) == (
        False,
        "Ikke nå.",
        invited["admin"],
    )


@pytest.mark.django_db
def test_nobody_outside_the_invited_organisation_answers(recipient, invited, people):
    for user in (
        people["own_broker"],
        people["other_broker"],
        people["entrepreneur"],
        invited["farm_admin"],
    ):
        with pytest.raises(PermissionDenied):
            invitation_services.interest_respond(
                recipient=recipient, user=user, interested=True, comment=""
            )
    assert not InterestResponse.objects.exists()


@pytest.mark.django_db
def test_no_answer_after_the_deadline_or_once_closed(recipient, invitation, invited, people):
    OpenInvitation.objects.filter(pk=invitation.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    recipient.refresh_from_db()
    with pytest.raises(invitation_services.InvitationError, match="lukket"):
        invitation_services.interest_respond(
            recipient=recipient, user=invited["admin"], interested=True, comment=""
        )
    OpenInvitation.objects.filter(pk=invitation.pk).update(deadline=_deadline())
    invitation.refresh_from_db()
    invitation_services.invitation_close(invitation=invitation, user=people["own_broker"])
    recipient = InvitationRecipient.objects.get(pk=recipient.pk)
    with pytest.raises(invitation_services.InvitationError, match="lukket"):
        invitation_services.interest_respond(
            recipient=recipient, user=invited["admin"], interested=True, comment=""
        )
    assert not InterestResponse.objects.exists()


def test_the_comment_is_bounded():
    form = AnswerForm({"interested": "yes", "comment": "x" * (limits.TEXT + 1)})
    assert not form.is_valid()
    assert "comment" in form.errors
    assert AnswerForm({"interested": "no", "comment": "x" * limits.TEXT}).is_valid()


@pytest.mark.django_db
def test_my_page_lists_open_invitations_not_yet_answered(recipient, invited, people):
    waiting = invitation_selectors.invitations_awaiting_answer(user=invited["member"])
    assert [(r.pk, r.title) for r in waiting] == [(recipient.pk, invited["need"].title)]
    assert not invitation_selectors.invitations_awaiting_answer(user=people["entrepreneur"])
    invitation_services.interest_respond(
        recipient=recipient, user=invited["admin"], interested=True, comment=""
    )
    assert not invitation_selectors.invitations_awaiting_answer(user=invited["member"])


# Views: the permission matrix ---------------------------------------------------------------

LOGIN = "/konto/logg-inn/"
# "other_invited" administers another invited organisation: the answer page of the mentor's
# organisation is not theirs.
ACTORS = (
    "own_broker",
    "other_broker",
    "invited_admin",
    "other_invited",
    "non_invited",
    "anonymous",
)
# (view, actor) -> status; anything not listed for an actor is that actor's denial.
EXPECTED = {
    "create": {
        "own_broker": 200,
        "other_broker": 403,
        "invited_admin": 403,
        "other_invited": 403,
        "non_invited": 403,
    },
    "responses": {
        "own_broker": 200,
        "other_broker": 403,
        "invited_admin": 403,
        "other_invited": 403,
        "non_invited": 403,
    },
    "close": {
        "own_broker": 302,
        "other_broker": 403,
        "invited_admin": 403,
        "other_invited": 403,
        "non_invited": 403,
    },
    "answer_get": {
        "own_broker": 403,
        "other_broker": 403,
        "invited_admin": 200,
        "other_invited": 403,
        "non_invited": 403,
    },
    "answer_post": {
        "own_broker": 403,
        "other_broker": 403,
        "invited_admin": 302,
        "other_invited": 403,
        "non_invited": 403,
    },
}


def _request(client, view, invitation, recipient):
    if view == "create":
        return client.get(reverse("matching:invitation-create", args=[invitation.need_id]))
    if view == "responses":
        return client.get(reverse("matching:invitation-responses", args=[invitation.pk]))
    if view == "close":
        return client.post(reverse("matching:invitation-close", args=[invitation.pk]))
    if view == "answer_get":
        return client.get(reverse("matching:invitation-answer", args=[recipient.pk]))
    return client.post(
        reverse("matching:invitation-answer", args=[recipient.pk]),
        {"interested": "yes", "comment": "Vi vil gjerne"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("view", list(EXPECTED))
@pytest.mark.parametrize("actor", ACTORS)
def test_permission_matrix(client, view, actor, invitation, recipient, invited, people):
    user = {
        "own_broker": people["own_broker"],
        "other_broker": people["other_broker"],
        "invited_admin": invited["admin"],
        "other_invited": invited["farm_admin"],
        "non_invited": people["entrepreneur"],
        "anonymous": None,
    }[actor]
    if user is not None:
        force_login_verified(client, user)
    response = _request(client, view, invitation, recipient)
    if actor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert not InterestResponse.objects.exists()
        return
    expected = EXPECTED[view][actor]
    assert response.status_code == expected
    invitation.refresh_from_db()
    assert (invitation.closed_at is not None) is (view == "close" and expected == 302)
    answered = InterestResponse.objects.filter(recipient=recipient).exists()
    assert answered is (view == "answer_post" and expected == 302)


@pytest.mark.django_db
def test_brokers_powers_need_the_second_factor(client, invitation, people):
    client.force_login(people["own_broker"])
    for url in (
        reverse("matching:invitation-create", args=[invitation.need_id]),
        reverse("matching:invitation-responses", args=[invitation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:two-factor"))


@pytest.mark.django_db
def test_an_unknown_recipient_is_not_found(client, invited):
    force_login_verified(client, invited["admin"])
    response = client.get(reverse("matching:invitation-answer", args=[999_999]))
    assert response.status_code == 404


# Views: the journey ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_broker_previews_the_list_then_sends(client, invited, people):
    force_login_verified(client, people["own_broker"])
    url = reverse("matching:invitation-create", args=[invited["need"].pk])
    page = client.get(url).content.decode()
    assert "likebehandling" in page
    data = {"min_score": "40", "deadline": _deadline().isoformat(), "message": "Hei alle"}
    preview = client.post(url, data)
    assert preview.status_code == 200
    text = preview.content.decode()
    assert invited["mentor_org"].name in text and invited["farm_org"].name in text
    assert invited["food_org"].name not in text
    assert not OpenInvitation.objects.exists()  # nothing is sent before the confirmation
    orgs = [invited["mentor_org"].pk, invited["farm_org"].pk]
    sent = client.post(url, {**data, "confirm": "1", "organisation": orgs})
    invitation = OpenInvitation.objects.get()
    assert sent.status_code == 302
    assert sent["Location"] == invitation.get_absolute_url()
    assert invitation.recipients.count() == 2
    assert invitation.message == "Hei alle"


@pytest.mark.django_db
def test_bad_input_is_explained_and_kept(client, invited, people):
    force_login_verified(client, people["own_broker"])
    url = reverse("matching:invitation-create", args=[invited["need"].pk])
    response = client.post(
        url, {"min_score": "140", "deadline": "2001-01-01", "message": "Skrevet tekst"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skrevet tekst" in page
    assert 'href="#id_min_score"' in page
    assert "Fristen er passert" in page


@pytest.mark.django_db
def test_entrepreneur_answers_and_the_broker_reads_it(client, recipient, invited, people):
    force_login_verified(client, invited["member"])
    url = reverse("matching:invitation-answer", args=[recipient.pk])
    page = client.get(url).content.decode()
    assert invited["need"].title in page
    assert "Er dere interessert?" in page
    assert client.post(url, {"comment": "Glemte valget"}).status_code == 400
    client.post(url, {"interested": "yes", "comment": "Vi har <b>mentorer</b> klare"})
    force_login_verified(client, people["own_broker"])
    page = client.get(
        reverse("matching:invitation-responses", args=[recipient.invitation_id])
    ).content.decode()
    assert "Interessert" in page
    assert "Vi har &lt;b&gt;mentorer&lt;/b&gt; klare" in page
    assert "1 av 2 inviterte entreprenører har svart, 1 er interessert" in page


@pytest.mark.django_db
def test_the_need_page_explains_equal_treatment_to_its_brokers_only(
    client, invited, people, chapter
):
    from apps.cookbook.tests.factories import RecipePageFactory

    recipe = RecipePageFactory(
        parent=chapter, title="Kommunen som megler", slug="kommunen-som-megler"
    )
    force_login_verified(client, people["own_broker"])
    page = client.get(invited["need"].get_absolute_url()).content.decode()
    assert "Inviter alle entreprenører som passer" in page
    assert "likebehandling" in page
    assert f'href="{recipe.url}"' in page
    assert reverse("matching:invitation-create", args=[invited["need"].pk]) in page
    client.force_login(people["other_broker"])
    assert "likebehandling" not in client.get(invited["need"].get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_equal_treatment_link_follows_the_recipe_on_the_next_view(
    client, invited, people, chapter
):
    """The recipe's address is kept in the cache (one round trip instead of two queries):
    a recipe published or unpublished shows on the next view."""
    from apps.cookbook.tests.factories import RecipePageFactory

    force_login_verified(client, people["own_broker"])
    url = reverse("matching:need-matches", args=[invited["need"].pk])
    assert "/kommunen-som-megler/" not in client.get(url).content.decode()
    recipe = RecipePageFactory(
        parent=chapter, title="Kommunen som megler", slug="kommunen-som-megler"
    )
    assert f'href="{recipe.url}"' in client.get(url).content.decode()
    recipe.unpublish()
    assert "/kommunen-som-megler/" not in client.get(url).content.decode()


@pytest.fixture
def chapter(home_page):
    from apps.cookbook.tests.factories import ChapterPageFactory, CookbookIndexPageFactory

    cookbook = CookbookIndexPageFactory(parent=home_page)
    return ChapterPageFactory(parent=cookbook, title="Forstå og møte", slug="forsta-og-mote")


# Query counts -----------------------------------------------------------------------------


def _grow(invitation, n: int, prefix: str) -> None:
    for i in range(n):
        org = EntrepreneurOrgFactory(name=f"Entreprenør {prefix}{i}")
        recipient = InvitationRecipient.objects.create(
            invitation=invitation, organisation=org, offer=None, score=50 + i
        )
        InterestResponse.objects.create(
            recipient=recipient, interested=bool(i % 2), comment=f"Svar {i}"
        )


@pytest.mark.django_db
def test_the_answers_list_costs_the_same_queries_at_two_sizes(client, invitation, people):
    force_login_verified(client, people["own_broker"])
    url = reverse("matching:invitation-responses", args=[invitation.pk])
    _grow(invitation, 2, "a")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(invitation, 12, "b")
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Svar 1") >= 1
    assert len(large) == len(small)


# Demo ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_sends_one_invitation_and_answers_it_once(
    invited, baerum, django_capture_on_commit_callbacks
):
    from apps.broker.tests.factories import UserFactory
    from apps.matching import demo

    broker = UserFactory(email="megler@demo.kokeboka.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    entrepreneur = UserFactory(email="entreprenor@demo.kokeboka.no")
    MembershipFactory(
        user=entrepreneur, organisation=invited["mentor_org"], role=MembershipRole.ADMIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
        demo.load()
    invitation = OpenInvitation.objects.get()
    assert invitation.need == invited["need"]
    assert invitation.recipients.count() >= 2
    response = InterestResponse.objects.get()
    assert response.recipient.organisation == invited["mentor_org"]
    assert response.interested is True


@pytest.mark.django_db
def test_my_page_shows_the_invitation_with_a_link_to_answer(client, recipient, invited):
    from apps.home.my_page import my_page_sections

    tasks = [
        task
        for section in my_page_sections(user=invited["member"])
        for task in section.tasks
        if task.url == recipient.get_absolute_url()
    ]
    assert [(task.count, str(task.label)) for task in tasks] == [
        (1, "Åpne invitasjoner som venter på svaret deres")
    ]
    assert str(tasks[0].action) == f"Svar på «{invited['need'].title}»"
    force_login_verified(client, invited["member"])
    page = client.get(reverse("accounts:profile")).content.decode()
    assert recipient.get_absolute_url() in page
