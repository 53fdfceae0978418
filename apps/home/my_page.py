"""My page (/konto/): the work waiting for each role, composed from the selectors of the apps
that hold it (broker, collaborations, grants, matching, accounts).

Here in the home app, which sits above all of them, so that no app imports one above it: the
accounts app shows the sections through its `MY_PAGE_SECTIONS_HOOK` (apps/accounts/hooks.py,
registered in apps/home/wagtail_hooks.py). docs/decisions/0022-import-contracts.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.accounts.selectors import join_requests_waiting
from apps.broker import permissions as broker_permissions
from apps.broker import selectors as broker_selectors
from apps.collaborations import selectors as collaboration_selectors
from apps.collaborations.permissions import viewer_for
from apps.grants import selectors as grant_selectors
from apps.matching import invitation_selectors


@dataclass(frozen=True)
class Task:
    """One line of My page: what is waiting, how many, and the link to the next step."""

    label: str
    url: str
    action: str
    count: int | None = None


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    tasks: tuple[Task, ...]


def _queue(rows, *, label: str, url, action: str) -> list[Task]:
    """A queue as one line of My page: how many rows wait, and the next step on the first
    (two queries); no line when nothing waits. `action` holds "%(title)s" for its title."""
    count = rows.count()
    if not count:
        return []
    first = rows.first()
    return [Task(label=label, count=count, url=url(first), action=action % {"title": first.title})]


def my_page_sections(*, user) -> list[Section]:
    """The work waiting for this person, one section per role that counts
    (apps.accounts.roles.membership_counts, applied by each app's permissions), each line
    with a count and a link to its next step. Lines with nothing waiting and empty sections
    are left out. Each app's selectors answer with a fixed number of queries, so the page
    costs the same whatever the amount of data."""
    sections: list[Section] = []

    # Broker: profiles to review (only those they may review), introductions, expiring needs.
    if broker_permissions.is_broker(user):
        viewer = viewer_for(user)
        tasks = []
        profiles = broker_selectors.profiles_pending_review(user)
        if profiles:
            tasks.append(
                Task(
                    label=_("Entrepreneur profiles waiting for your review"),
                    count=len(profiles),
                    url=reverse("broker:review-queue"),
                    action=_("Open the review queue"),
                )
            )
        tasks += _queue(
            collaboration_selectors.dialogues_to_follow_up(viewer=viewer),
            label=_("Introductions still in dialogue"),
            url=lambda row: reverse("collaborations:detail", args=[row.pk]),
            action=_("Follow up “%(title)s”"),
        )
        tasks += _queue(
            broker_selectors.needs_expiring_for_broker(user=user),
            label=_("Needs that expire within 14 days"),
            url=lambda row: row.get_absolute_url(),
            action=_("Renew or close “%(title)s”"),
        )
        if tasks:
            sections.append(Section("broker", _("As broker"), tuple(tasks)))

    # Fund manager: applications to screen and decide, reports to approve.
    managed = grant_selectors.manager_waiting(user=user)
    tasks = []
    for key, label, action in (
        ("screen", _("Applications to screen"), _("Screen the oldest")),
        ("decide", _("Applications in review, waiting for a decision"), _("Open the oldest")),
    ):
        waiting = managed[key]
        if waiting.count:
            tasks.append(
                Task(
                    label=label,
                    count=waiting.count,
                    url=reverse("grants:application", args=[waiting.first.pk]),
                    action=action,
                )
            )
    if managed["reports"].count:
        report = managed["reports"].first
        tasks.append(
            Task(
                label=_("Reports waiting for your approval"),
                count=managed["reports"].count,
                url=reverse("grants:report", args=[report.application_id, report.pk]),
                action=_("Read the oldest report"),
            )
        )
    if tasks:
        tasks.append(
            Task(label=_("All applications"), url=reverse("grants:manage"), action=_("Open"))
        )
        sections.append(Section("fund_manager", _("As fund manager"), tuple(tasks)))

    # Reviewer: assigned reviews not done.
    reviews = grant_selectors.reviews_waiting(user=user)
    if reviews.count:
        sections.append(
            Section(
                "reviewer",
                _("As reviewer"),
                (
                    Task(
                        label=_("Applications waiting for your assessment"),
                        count=reviews.count,
                        url=reverse("grants:review", args=[reviews.first.pk]),
                        action=_("Assess the oldest"),
                    ),
                ),
            )
        )

    # Applicant: reports due.
    reports = grant_selectors.reports_due_for_applicant(user=user)
    if reports.count:
        report = reports.first
        sections.append(
            Section(
                "applicant",
                _("Your fund projects"),
                (
                    Task(
                        label=_("Reports due within 30 days"),
                        count=reports.count,
                        url=reverse("grants:report", args=[report.application_id, report.pk]),
                        action=_("Write the report due %(date)s")
                        % {"date": report.due_date.strftime("%d.%m.%Y")},
                    ),
                ),
            )
        )

    # Entrepreneur: the profile, matching needs of each offer, introductions received.
    profiles = broker_selectors.profiles_of_editor(user=user)
    if profiles:
        tasks = []
        for profile in profiles:
            tasks.append(
                Task(
                    label=_("Your profile: %(name)s (%(status)s)")
                    % {
                        "name": profile.organisation.name,
                        "status": profile.get_review_status_display(),
                    },
                    url=reverse("broker:profile-edit", args=[profile.organisation.slug]),
                    action=_("Edit the profile"),
                )
            )
            for offer in profile.offers.all():
                tasks.append(
                    Task(
                        label=_("Needs that match “%(title)s”") % {"title": offer.title},
                        url=reverse("matching:offer-matches", args=[offer.pk]),
                        action=_("See matching needs"),
                    )
                )
        tasks += _queue(
            collaboration_selectors.introductions_received(viewer=viewer_for(user)),
            label=_("Introductions from municipalities waiting for your answer"),
            url=lambda row: reverse("collaborations:detail", args=[row.pk]),
            action=_("Answer “%(title)s”"),
        )
        tasks += _queue(
            invitation_selectors.invitations_awaiting_answer(user=user),
            label=invitation_selectors.AWAITING_LABEL,
            url=lambda row: row.get_absolute_url(),
            action=invitation_selectors.AWAITING_ACTION,
        )
        sections.append(Section("entrepreneur", _("As entrepreneur"), tuple(tasks)))

    # Organisation admins: requests to join; entrepreneurs asked to consent to an example.
    tasks = []
    if user.is_authenticated:
        requests = join_requests_waiting(user=user)
        count = requests.count()
        if count:
            first = requests.first()
            tasks.append(
                Task(
                    label=_("Requests to join your organisation"),
                    count=count,
                    url=reverse("accounts:organisation-members", args=[first.organisation.slug])
                    + "#requests-heading",
                    action=_("Answer the request to join %(name)s")
                    % {"name": first.organisation.name},
                ),
            )
        tasks += _queue(
            collaboration_selectors.consent_requests_waiting(viewer=viewer_for(user)),
            label=_("Examples waiting for your consent"),
            url=lambda row: reverse("collaborations:detail", args=[row.pk]) + "#eksempel",
            action=_("Read and consent to “%(title)s”"),
        )
    if tasks:
        sections.append(Section("organisation", _("For your organisation"), tuple(tasks)))

    # Members of a municipality: post a need, and their drafts.
    if broker_permissions.can_create_need(user):
        tasks = [
            Task(
                label=_("A need your municipality wants help with"),
                url=reverse("broker:need-create"),
                action=_("Post a need"),
            )
        ]
        tasks += _queue(
            broker_selectors.draft_needs_of(user=user),
            label=_("Drafts not yet published"),
            url=lambda row: reverse("broker:need-edit", args=[row.pk]),
            action=_("Continue “%(title)s”"),
        )
        sections.append(Section("needs", _("Your municipality's needs"), tuple(tasks)))
    return sections
